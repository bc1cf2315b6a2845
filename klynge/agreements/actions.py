"""Writes that touch several rows, each in one transaction (web writes are wrapped by the middleware;
commands and jobs get the transaction here)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from klynge.meetings import actions as meeting_actions
from klynge.meetings.choices import ItemKind, MeetingStatus
from klynge.meetings.models import AgendaItem, Meeting

from . import mail, rules
from .choices import ConsolidatedStatus, ImplementationStatus, QuestionKind, RoundStatus
from .models import (
    Answer,
    ConsolidatedAnswer,
    ConsolidatedItem,
    FollowUpRound,
    Implementation,
    ImplementationUpdate,
    Recipient,
)

NOT_IN_SCOPE = "{party} er ikke omfattet af aftalen “{agreement}” i {cluster}. Tilføj parten til aftalens omfang først."
TOKEN_DAYS_AFTER_DEADLINE = 30  # a link works (read-only) for this long after the deadline, then expires


@transaction.atomic
def set_scope(agreement, cluster, parties=()) -> list[Implementation]:
    """The cluster (and the parties given) must implement the agreement: rows with status "ikke startet"."""
    rows = [Implementation.objects.get_or_create(agreement=agreement, cluster=cluster, party=None)[0]]
    for party in parties:
        rows.append(Implementation.objects.get_or_create(agreement=agreement, cluster=cluster, party=party)[0])
    return rows


@transaction.atomic
def set_status(agreement, cluster, party, status: str, note: str = "", date: datetime.date | None = None,
               ) -> Implementation:
    """Set the status of a cluster (party None) or a party in it; refused when not in scope."""
    if status not in ImplementationStatus.values:
        raise ValidationError({"status": f"“{status}” er ikke en status."})
    row = (Implementation.objects.select_for_update()
           .filter(agreement=agreement, cluster=cluster, party=party).order_by("pk").first())
    if row is None:
        raise ValidationError({"party": NOT_IN_SCOPE.format(party=party or cluster, agreement=agreement.title,
                                                             cluster=cluster)})
    date = date or timezone.localdate()
    row.status, row.note, row.status_date = status, note, date
    row.save()
    ImplementationUpdate.objects.create(implementation=row, status=status, note=note, date=date)
    return row


def _invite_text(recipient, token, template):
    link = settings.KLYNGE_SITE_URL.rstrip("/") + reverse("agreements:answer", args=[token]) \
        if getattr(settings, "KLYNGE_SITE_URL", "") else reverse("agreements:answer", args=[token])
    return render_to_string(template, {"recipient": recipient, "round": recipient.round, "link": link,
                                       "deadline": rules.danish_date(recipient.round.deadline)})


@transaction.atomic
def send_round(round_: FollowUpRound, now: datetime.datetime | None = None) -> int:
    """Create a recipient (with a new link) for every contact person in scope and e-mail them.

    Refused with a Danish message when the round has no questions or nobody to send to.
    """
    round_ = FollowUpRound.objects.select_for_update().get(pk=round_.pk)
    now = now or timezone.now()
    if round_.status != RoundStatus.DRAFT:
        raise ValidationError("Runden er allerede sendt ud.")
    if not round_.questions.exists():
        raise ValidationError("Runden har ingen spørgsmål. Tilføj mindst ét spørgsmål, før den sendes ud.")
    if round_.deadline < timezone.localdate(now):
        raise ValidationError("Svarfristen er overskredet. Ret fristen, før runden sendes ud.")
    implementations = (Implementation.objects.filter(agreement=round_.agreement)
                       .select_related("cluster", "party").prefetch_related("contacts"))
    contacts = [(impl, c) for impl in implementations for c in impl.contacts.all() if c.email]
    if not contacts:
        raise ValidationError("Runden har ingen modtagere: ingen af aftalens parter har en kontaktperson med "
                              "e-mail. Tilføj kontaktpersoner på aftalens side, før runden sendes ud.")
    expires = round_.closes_at + datetime.timedelta(days=TOKEN_DAYS_AFTER_DEADLINE)
    count = 0
    for impl, contact in contacts:
        recipient = Recipient(round=round_, implementation=impl, contact=contact, name=contact.name,
                              email=contact.email, expires_at=expires, invited_at=now)
        token = recipient.new_token()
        recipient.save()
        body = _invite_text(recipient, token, "agreements/email/invitation.txt")
        mail.queue(contact.email, f"Spørgeskema: {round_.title}", body, kind="agreements_invitation",
                   body_obj=round_.owner_body)
        count += 1
    round_.status, round_.sent_at = RoundStatus.SENT, now
    round_.save()
    return count


@transaction.atomic
def send_reminders(round_: FollowUpRound, today: datetime.date | None = None) -> int:
    """A reminder, with a fresh link, to each recipient who has not answered, when one is due."""
    today = today or timezone.localdate()
    round_ = FollowUpRound.objects.select_for_update().get(pk=round_.pk)
    if round_.status != RoundStatus.SENT:
        return 0
    days = rules.reminder_days(round_.reminder_days)
    count = 0
    for recipient in round_.recipients.select_for_update().filter(answered_at__isnull=True).order_by("pk"):
        if not rules.reminders_due(today, round_.deadline, days, recipient.reminders_sent):
            continue
        token = recipient.new_token()
        recipient.reminders_sent += 1
        recipient.save()
        body = _invite_text(recipient, token, "agreements/email/reminder.txt")
        mail.queue(recipient.email, f"Påmindelse: {round_.title}", body, kind="agreements_reminder",
                   body_obj=round_.owner_body)
        count += 1
    return count


def answer_refusal(recipient: Recipient, now: datetime.datetime | None = None) -> str:
    round_ = recipient.round
    return rules.answer_refusal(now or timezone.now(), round_.closes_at, recipient.expires_at, round_.deadline,
                                round_.status != RoundStatus.DRAFT)


def clean_answers(questions, data) -> tuple[dict, dict]:
    """(question pk -> (text, number, yes)), (field name -> Danish error) from the posted form."""
    values, errors = {}, {}
    for q in questions:
        name = f"q{q.pk}"
        raw = (data.get(name) or "").strip()
        text, number, yes = "", None, None
        if q.kind == QuestionKind.YES_NO:
            if raw not in ("", "ja", "nej"):
                errors[name] = f"Spørgsmål {q.position}: vælg ja eller nej."
            yes = None if raw == "" else raw == "ja"
        elif q.kind == QuestionKind.CHOICE:
            if raw and raw not in q.option_list:
                errors[name] = f"Spørgsmål {q.position}: vælg en af svarmulighederne."
            text = raw
        elif q.kind in (QuestionKind.NUMBER, QuestionKind.SCALE):
            try:
                number = rules.parse_number(raw)
            except ValueError as error:
                errors[name] = f"Spørgsmål {q.position}: {error}"
            if number is not None and q.kind == QuestionKind.SCALE and not (q.scale_min <= number <= q.scale_max):
                errors[name] = f"Spørgsmål {q.position}: vælg et tal fra {q.scale_min} til {q.scale_max}."
        else:
            text = raw[:10000]
        if q.required and raw == "" and name not in errors:
            errors[name] = f"Spørgsmål {q.position} skal besvares."
        values[q.pk] = (text, number, yes)
    return values, errors


@transaction.atomic
def save_answers(recipient: Recipient, values: dict, now: datetime.datetime | None = None) -> None:
    """Store a contact person's answers (replacing earlier ones); refused after the deadline or expiry."""
    recipient = Recipient.objects.select_for_update().select_related("round").get(pk=recipient.pk)
    refusal = answer_refusal(recipient, now)
    if refusal:
        raise ValidationError(refusal)
    existing = {a.question_id: a for a in recipient.answers.all()}
    for question_pk, (text, number, yes) in values.items():
        answer = existing.get(question_pk) or Answer(recipient=recipient, question_id=question_pk)
        answer.text, answer.number, answer.yes = text, number, yes
        answer.full_clean(exclude=["recipient", "question"])
        answer.save()
    recipient.answered_at = now or timezone.now()
    recipient.save(update_fields=["answered_at", "modified"])


@transaction.atomic
def save_consolidated(round_, cluster, texts: dict[int, str], comment: str, user) -> ConsolidatedAnswer:
    consolidated, _ = ConsolidatedAnswer.objects.select_for_update().get_or_create(round=round_, cluster=cluster)
    if consolidated.status == ConsolidatedStatus.SUBMITTED:
        raise ValidationError("Klyngens samlede svar er allerede indsendt og kan ikke ændres.")
    consolidated.comment = comment
    consolidated.save()
    existing = {i.question_id: i for i in consolidated.items.all()}
    for question_pk, text in texts.items():
        item = existing.get(question_pk) or ConsolidatedItem(consolidated=consolidated, question_id=question_pk)
        item.text = text
        item.full_clean(exclude=["consolidated", "question"])
        item.save()
    return consolidated


@transaction.atomic
def submit_consolidated(round_, cluster, user, now=None) -> ConsolidatedAnswer:
    consolidated = (ConsolidatedAnswer.objects.select_for_update().filter(round=round_, cluster=cluster)
                    .order_by("pk").first())
    if consolidated is None or not consolidated.items.exclude(text="").exists():
        raise ValidationError("Skriv klyngens samlede svar, før det indsendes.")
    if consolidated.status == ConsolidatedStatus.SUBMITTED:
        raise ValidationError("Klyngens samlede svar er allerede indsendt "
                              f"{rules.danish_date(timezone.localdate(consolidated.submitted_at))}. "
                              "Et svar kan kun indsendes én gang.")
    consolidated.status = ConsolidatedStatus.SUBMITTED
    consolidated.submitted_at = now or timezone.now()
    consolidated.submitted_by = user
    consolidated.save()
    return consolidated


def coming_meetings(bodies):
    """Meetings a written briefing can go on: not yet held, of the bodies given."""
    return (Meeting.objects.filter(body__in=bodies, date__gte=timezone.localdate(),
                                   status__in=[MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED])
            .select_related("body").order_by("date", "start"))


@transaction.atomic
def add_written_briefing(agreement, meeting: Meeting, title: str, summary: str, description: str) -> AgendaItem:
    """A written-briefing item ("Skriftlig orientering: ...") on a coming meeting, the agreement linked."""
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED):
        raise ValidationError("Mødet er afholdt eller aflyst; vælg et kommende møde.")
    title = title.strip() or f"Opfølgning på {agreement.title}"
    if not title.lower().startswith("skriftlig orientering"):
        title = f"Skriftlig orientering: {title}"
    item = AgendaItem(meeting=meeting, title=title[:300], kind=ItemKind.WRITTEN_BRIEFING, summary=summary,
                      description=description, position=meeting.items.count() + 1000)
    item.full_clean(exclude=["meeting"])
    item.save()
    meeting_actions.renumber(meeting)
    agreement.treated_in.add(item)
    return item
