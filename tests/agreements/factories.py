"""A small agreements world on top of tests/conftest.py's structure."""

import datetime

from klynge.agreements import actions
from klynge.agreements.choices import QuestionKind
from klynge.agreements.models import (
    CollaborationAgreement,
    ContactPerson,
    FollowUpRound,
    FrameworkAgreement,
    Goal,
    PriorityArea,
    Question,
    ensure_default_kinds,
)

D = datetime.date


def make_framework(owner, **kw):
    kw.setdefault("title", "Sundhedsaftalen 2019-2023")
    kw.setdefault("slug", "sundhedsaftalen")
    return FrameworkAgreement.objects.create(owner_body=owner, period_start=D(2019, 1, 1), period_end=D(2023, 12, 31),
                                             visions="Mere lighed i sundhed\nPå borgernes præmisser",
                                             principles="Fælles populationsansvar", **kw)


def make_agreement(owner, framework=None, *, approved=True, title="Samarbejdsaftale om rygestop", **kw):
    kinds = ensure_default_kinds()
    area = kw.pop("priority_area", None)
    if framework is not None and area is None:
        area = PriorityArea.objects.get_or_create(framework=framework, title="Forebyggelse")[0]
    return CollaborationAgreement.objects.create(
        framework=framework, priority_area=area, kind=kinds["Samarbejdsaftale"], title=title, owner_body=owner,
        approved_by=owner if approved else None, approved_on=D(2019, 6, 1) if approved else None,
        for_citizens="Borgerne tilbydes rygestop.", **kw)


def scope(agreement, cluster, parties, emails=True):
    rows = actions.set_scope(agreement, cluster, parties)
    if emails:
        for row in rows[1:]:
            ContactPerson.objects.create(implementation=row, name=f"Kontakt {row.party}",
                                         email=f"kontakt-{row.party.pk}-{cluster.pk}@example.invalid")
    return rows


def make_round(agreement, deadline, questions=3, **kw):
    round_ = FollowUpRound.objects.create(agreement=agreement, owner_body=agreement.owner_body,
                                          title=kw.pop("title", f"Opfølgning på {agreement.title}"),
                                          deadline=deadline, **kw)
    kinds = [QuestionKind.YES_NO, QuestionKind.TEXT, QuestionKind.SCALE, QuestionKind.NUMBER, QuestionKind.CHOICE]
    for n in range(questions):
        kind = kinds[n % len(kinds)]
        Question.objects.create(round=round_, position=n + 1, text=f"Spørgsmål {n + 1}", kind=kind,
                                options="A\nB" if kind == QuestionKind.CHOICE else "")
    return round_


def make_goal(framework, unit="%", target=75, **kw):
    return Goal.objects.create(framework=framework, title=kw.pop("title", "75 % af de ældre vaccineres"),
                               unit=unit, target_value=target, **kw)
