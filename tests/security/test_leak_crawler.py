"""The leak crawler: every URL the site has, as every persona, checked for words that must not leak.

One data set (built once for the module) holds a distinct canary word in every place that is
not for everyone: a closed item's title, summary, case description, minutes, decision,
recommendation decision, attachment title and task; draft minutes, decision and task; an
unpublished agenda's item; the reason for correcting a closed item; a matter's title taken
from a closed item; a closed proposal; a virtual meeting link. Then, as each persona, the
crawler walks every URL pattern in the URL configuration (so a page added later is crawled
without anyone adding it here), fills its parameters from the data by the path segment in
front of each parameter, GETs it, extracts the text (HTML, JSON, iCalendar, CSV, Word, Excel,
PDF) and asserts, per canary, that it appears only for those who may see it, and that each
canary does appear for those who are meant to see it (so a crawler that reaches nothing fails).
Search and lists are queried with each canary. No crawled URL may answer 500.

Who may see what (the rules in meetings/visibility.py):
- closed content of A's political level: its members and A's secretariat;
- draft minutes and an unpublished agenda: A's secretariat only;
- the virtual meeting link: members and secretariat (the body does not publish it);
- a closed proposal sent to B: who may see closed content of the source (A's member and
  secretariat) and the secretariat of the target (B's secretariat).
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from django.utils import timezone

from klynge.governance.models import DelegatedDecision, Delegation
from klynge.meetings import actions
from klynge.meetings.choices import ItemKind, MeetingStatus, Outcome, PlaceKind, TaskOwnerKind
from klynge.meetings.models import AgendaItem, Attachment, Attendance, Meeting, MinutesRevision, Proposal, Task
from klynge.organisation.choices import OrganisationKind, Role
from klynge.organisation.models import (
    Body,
    BodyKind,
    BodyLevel,
    ElectoralTerm,
    Mandate,
    Membership,
    Organisation,
    Person,
    TermKind,
)
from tests.conftest import PASSWORD

D = datetime.date
DAY = datetime.timedelta(days=1)
TODAY = timezone.localdate()

# --- canaries: one word per place that is not for everyone ------------------------------------

CLOSED_TITLE = "zqlukkettitel"
CLOSED_SUMMARY = "zqlukketresume"
CLOSED_DESCRIPTION = "zqlukketsagsfremstilling"
CLOSED_MINUTES = "zqlukketreferat"
CLOSED_DECISION = "zqlukketbeslutning"
CLOSED_RECOMMENDATION_DECISION = "zqlukketindstillingsbeslutning"
CLOSED_ATTACHMENT = "zqlukketbilag"
CLOSED_TASK = "zqlukketopgave"
CLOSED_APPROVED_TITLE = "zqlukketgodkendt"
CLOSED_CASE_NUMBER = "zqj-4242"
CLOSED_RECOMMENDATION = "zqindstillingstekst"
CLOSED_GUEST_TITLE = "zqgaestetitel"
DRAFT_MINUTES = "zqudkastreferat"
DRAFT_DECISION = "zqudkastbeslutning"
DRAFT_TASK = "zqudkastopgave"
UNPUBLISHED_ITEM = "zqupubliceretpunkt"
UNPUBLISHED_TASK = "zqupubliceretopgave"
REVISION_REASON = "zqrettelsesgrund"
MATTER_TITLE = "zqsagstitel"
PROPOSAL_TITLE = "zqlukketforslag"
PROPOSAL_SUMMARY = "zqforslagsresume"
ONLINE_LINK = "https://moede.zqlink.invalid/zqmoedelink"
LINK_WORD = "zqmoedelink"
# agreements and follow-up (issue 11): the owning body of the round, the draft agreement and the draft
# report is A's political level
ANSWER_A = "zqsvarklyngea"            # a contact person's answer in cluster A
ANSWER_B = "zqsvarklyngeb"            # a contact person's answer in cluster B
CONSOLIDATED_DRAFT = "zqsamletudkast"  # cluster A's consolidated answer, not yet submitted
DRAFT_REPORT = "zqrapportudkast"      # the foreword of an unpublished status report
DRAFT_AGREEMENT = "zqaftaleudkast"    # the title of an agreement not yet approved
OPEN_PROCEDURE = "zqskriftligprocedure"
CLOSED_PROCEDURE = "zqlukketprocedure"
PROGRESS_REPORT = "zqstatusrapport"    # an initiative's progress report: internal to the cluster (issue 14, point 8)
MOVE_REASON = "zqflytningsgrund"       # the reason a matter with a closed item moved (issue 14, point 6)
TEAM_NOTE = "zqteamnote"              # an improvement team's internal note (cluster A only)
PROPOSED_TEAM = "zqforslagsteam"      # the name of a team only proposed in cluster A, not yet selected
REVIEW_ITEM = "zqgennemsyn"           # a dry run's reading kept for «Gennemse og ret»: the job's starter alone

ANON, OTHER_MEMBER, OTHER_SECRETARIAT, MEMBER, SECRETARIAT = (
    "anonym", "medlem af klynge B", "sekretariat for klynge B", "medlem af klynge A", "sekretariat for klynge A")
PERSONAS = [ANON, OTHER_MEMBER, OTHER_SECRETARIAT, MEMBER, SECRETARIAT]
A_CLOSED = {MEMBER, SECRETARIAT}


@dataclass(frozen=True)
class Canary:
    word: str
    allowed: frozenset      # personas who may see it: everyone else must never get it
    expected: frozenset     # personas the crawler must find it for (proves the crawl reaches it)


def _c(word, allowed, expected=None):
    return Canary(word, frozenset(allowed), frozenset(allowed if expected is None else expected))


CANARIES = [
    _c(CLOSED_TITLE, A_CLOSED),
    _c(CLOSED_SUMMARY, A_CLOSED),
    _c(CLOSED_DESCRIPTION, A_CLOSED),
    _c(CLOSED_MINUTES, A_CLOSED),
    _c(CLOSED_DECISION, A_CLOSED),
    _c(CLOSED_RECOMMENDATION_DECISION, A_CLOSED),
    _c(CLOSED_ATTACHMENT, A_CLOSED),
    _c(CLOSED_TASK, A_CLOSED),
    _c(CLOSED_APPROVED_TITLE, A_CLOSED),
    _c(CLOSED_CASE_NUMBER, A_CLOSED),
    _c(CLOSED_RECOMMENDATION, A_CLOSED),
    _c(CLOSED_GUEST_TITLE, A_CLOSED),
    _c(DRAFT_MINUTES, {SECRETARIAT}),
    _c(DRAFT_DECISION, {SECRETARIAT}),
    _c(DRAFT_TASK, {SECRETARIAT}),
    _c(UNPUBLISHED_ITEM, {SECRETARIAT}),
    # A task on an unpublished agenda is part of minutes nobody reads yet: listed to no one.
    _c(UNPUBLISHED_TASK, {SECRETARIAT}, expected=set()),
    _c(REVISION_REASON, A_CLOSED),
    _c(MATTER_TITLE, A_CLOSED),
    # A's secretariat may see it too, but no page of A lists proposals sent to B.
    _c(PROPOSAL_TITLE, {MEMBER, SECRETARIAT, OTHER_SECRETARIAT}, expected={MEMBER, OTHER_SECRETARIAT}),
    _c(PROPOSAL_SUMMARY, {MEMBER, SECRETARIAT, OTHER_SECRETARIAT}, expected={OTHER_SECRETARIAT}),
    _c(LINK_WORD, A_CLOSED),
    # answers: the owning body (A's political level: its member, A's secretariat) and the cluster's secretariat
    _c(ANSWER_A, A_CLOSED),
    _c(ANSWER_B, {MEMBER, SECRETARIAT, OTHER_SECRETARIAT}),
    _c(CONSOLIDATED_DRAFT, A_CLOSED),
    _c(DRAFT_REPORT, A_CLOSED),
    _c(DRAFT_AGREEMENT, A_CLOSED),
    # a written procedure while it runs, and one marked closed (lukket) after it was decided
    _c(OPEN_PROCEDURE, A_CLOSED),
    _c(CLOSED_PROCEDURE, A_CLOSED),
    _c(PROGRESS_REPORT, A_CLOSED),
    _c(MOVE_REASON, A_CLOSED),
    # improvement teams: a proposed team and a team's internal note are for cluster A's members and secretariat
    _c(TEAM_NOTE, A_CLOSED),
    _c(PROPOSED_TEAM, A_CLOSED),
    _c(REVIEW_ITEM, {SECRETARIAT}),
]

# --- URL patterns the crawler cannot fill, each with the reason ---------------------------------

SKIP_PREFIXES = {
    # Django's admin: staff only (no persona here is staff), and its own URL scheme of
    # app/model/<path:object_id>; administrators see everything by design.
    "admin/",
}

# The path segment in front of a parameter names what fills it (see World.values).
SEGMENT_SOURCES = {
    ("moeder", "pk"): "meetings", ("meetings", "meeting_id"): "meetings",
    ("punkter", "pk"): "items", ("bilag", "pk"): "attachments", ("opgaver", "pk"): "tasks",
    ("deltagelse", "pk"): "attendance", ("forslag", "pk"): "proposals", ("sager", "pk"): "matters",
    ("medlemskaber", "pk"): "memberships", ("kommissorier", "pk"): "mandates",
    ("serier", "pk"): "series", ("bevillinger", "pk"): "grants", ("budget", "pk"): "budget_lines",
    ("organer", "slug"): "bodies", ("organ", "slug"): "bodies", ("bodies", "slug"): "bodies",
    ("opfoelgning", "slug"): "clusters", ("klyngemidler", "slug"): "clusters", ("klynge", "slug"): "clusters",
    ("personer", "slug"): "persons", ("person", "slug"): "persons", ("persons", "slug"): "persons",
    ("parter", "slug"): "organisations", ("omraader", "slug"): "areas",
    ("indsatser", "number"): "initiatives", ("job", "pk"): "jobs", ("fil", "index"): "review_files",
    ("overgang", "pk"): "plans", ("udbakke", "pk"): "mails",
    # the OParl API (/oparl/v1/)
    ("meetings", "pk"): "meetings", ("locations", "pk"): "meetings", ("agenda-items", "pk"): "items",
    ("consultations", "pk"): "items", ("files", "pk"): "attachments", ("papers", "pk"): "matters",
    ("memberships", "pk"): "memberships", ("organizations", "slug"): "bodies",
    ("files", "document"): "oparl_documents", ("legislative-terms", "pk"): "terms",
    ("rammer", "slug"): "frameworks", ("maal", "pk"): "goals", ("aftale", "slug"): "agreements",
    ("runder", "pk"): "rounds", ("klynge", "cluster"): "clusters", ("rapporter", "pk"): "reports",
    # A contact person's link: only an expired and an unknown token. A valid token is the contact person's
    # key and shows that party's own answers to whoever holds it (tests/agreements covers that page).
    ("svar", "token"): "tokens", ("agreements", "slug"): "agreements",
    ("delegationer", "pk"): "delegations", ("skriftlige-procedurer", "pk"): "procedures",
    ("tilbud", "pk"): "offers", ("forpligtelser", "pk"): "obligations", ("fase", "pk"): "phases",
    ("forbedringsteams", "slug"): "programmes", ("hold", "number"): "cohort_numbers", ("teams", "pk"): "teams",
    ("deltagere", "pk"): "team_members", ("frister", "pk"): "deadlines",
    ("improvement-teams", "team_id"): "teams", ("sammensaetning", "pk"): "composition_versions",
    # The personal calendar's token is its owner's credential: the walk fills it with a token that
    # exists for nobody (404 for every persona); each persona's own feed is crawled as an extra URL
    # of that persona (World.own), so its content is checked against the canaries like any page.
    ("mit", "token"): "feed_tokens",
    # Django's password reset link: a token that is not valid shows the "link does not work" page.
    ("ny-adgangskode", "uidb64"): "reset_uids", ("<uidb64>", "token"): "reset_tokens",
}

PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def walk_patterns(patterns=None, prefix=""):
    """(route, name) of every URL pattern, resolvers followed recursively."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        # A regex pattern (re_path) cannot be filled by name: it shows as "re:<regex>" so it is
        # reported as unfillable unless it sits under a skipped prefix.
        part = str(pattern.pattern) if isinstance(pattern.pattern, RoutePattern) else f"re:{pattern.pattern}"
        route = prefix + part
        if isinstance(pattern, URLResolver):
            yield from walk_patterns(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.name


def _source(route: str, match: re.Match) -> str | None:
    before = route[:match.start()].rstrip("/").rsplit("/", 1)[-1]
    return SEGMENT_SOURCES.get((before, match.group("name")))


def unfillable(routes) -> list[str]:
    out = []
    for route, _ in routes:
        if any(route.startswith(p) for p in SKIP_PREFIXES):
            continue
        if "re:" in route or any(_source(route, m) is None for m in PARAM.finditer(route)):
            out.append(route)
    return out


# --- the data -----------------------------------------------------------------------------------

def _failed_mail(body) -> int:
    """A mail the server refused, so the outbox pages have a row to show."""
    from klynge.outbox.models import MailStatus, OutgoingMail

    return OutgoingMail.objects.create(to="udbakke@example.dk", subject="Udbakke", text="x", body=body,
                                       status=MailStatus.FAILED).pk


def _offer(cluster) -> int:
    from klynge.offers.models import Offer

    municipality = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).first()
    return Offer.objects.create(cluster=cluster, provider=municipality, title="Ung i trivsel", theme="Børn og unge",
                                target_group="children", description="x", entry_point="x", contact="x").pk


def _involvement(body, closed_item) -> list[int]:
    """An involvement obligation whose recorded fulfilment is a closed item (its title is a canary)."""
    from klynge.involvement.models import CitizenGroup, Fulfilment, Obligation

    group = CitizenGroup.objects.create(name="Patientinddragelsesudvalget (leak)")
    obligation = Obligation.objects.create(body=body, group=group, part="status_briefing", cadence="yearly",
                                           title="Status på inddragelse", valid_from=D(2020, 1, 1))
    Fulfilment.objects.create(obligation=obligation, item=closed_item, meeting=closed_item.meeting,
                              date=closed_item.meeting.date)
    return [obligation.pk]


def _written_procedures(body, member) -> list[int]:
    """An open written procedure and a closed one marked lukket, plus a delegation with a decision."""
    from django.utils import timezone

    from klynge.governance import actions as governance

    delegation = Delegation.objects.create(body=body, delegate="Det politiske formandskab",
                                           authority="at godkende forslag til initiativer", valid_from=D(2024, 1, 1))
    DelegatedDecision.objects.create(delegation=delegation, date=D(2024, 5, 1), decision="Initiativ 3 godkendt",
                                     decided_by="Formandskabet")
    deadline = timezone.now() + DAY * 3
    running = governance.start_procedure(body=body, title=f"Procedure {OPEN_PROCEDURE}",
                                         proposal=f"Forslag {OPEN_PROCEDURE}", deadline=deadline, persons=[member])
    decided = governance.start_procedure(body=body, title=f"Procedure {CLOSED_PROCEDURE}",
                                         proposal=f"Forslag {CLOSED_PROCEDURE}", deadline=deadline,
                                         persons=[member], closed_item=True)
    governance.close_procedure(decided, f"Beslutning {CLOSED_PROCEDURE}")
    return [running.pk, decided.pk]


def _improvement(cluster_a, cluster_b, political_a, region, municipality) -> dict:
    """A programme with a cohort, a selected team in A with an internal note and a report on a closed item,
    a proposed team in A, a selected team in B, and the calendar."""
    from tests.improvement.factories import add_member, make_cohort, make_deadline, make_programme, make_team

    programme = make_programme(body=cluster_a)
    cohort = make_cohort(programme, 2)
    selected = make_team(cohort, cluster_a, "Sektorovergange", internal_note=f"Note {TEAM_NOTE}")
    selected.reports.set(AgendaItem.objects.filter(meeting__body=political_a))
    member = add_member(selected, "Gitte Teamdeltager", municipality)
    proposed = make_team(cohort, cluster_a, f"Forslag {PROPOSED_TEAM}", status="proposed")
    add_member(proposed, "Bo Teamdeltager", region)
    other = make_team(cohort, cluster_b, "Klynge B's team")
    deadline = make_deadline(cohort, cluster=cluster_a, item=AgendaItem.objects.filter(closed=True).first())
    return {"programmes": [programme.slug], "cohort_numbers": [cohort.number],
            "teams": [selected.pk, proposed.pk, other.pk], "team_members": [member.pk], "deadlines": [deadline.pk]}


def _approved_composition(body, closed_item) -> int:
    """A composition version approved on a closed item: its composition page and approval form never
    name the item's title to those who may not see it."""
    from klynge.meetings.models import CompositionApproval
    from klynge.organisation.models import CompositionVersion

    version = CompositionVersion.objects.create(body=body, valid_from=D(2022, 7, 1), source="Kommissorium")
    CompositionApproval.objects.create(version=version, item=closed_item)
    return version.pk


def _transition_plan(cluster) -> int:
    """A checked-but-failing transition plan over cluster A (its report is crawled like any page)."""
    from klynge.transition import actions as transition_actions

    plan = transition_actions.load_plan(f"handling;forgænger;efterfølger\nafløsning;{cluster.slug};Sundhedsråd Crawl\n",
                                        name="Crawl", date=datetime.date(2027, 1, 1))
    transition_actions.dry_run(plan)
    return plan.pk


@dataclass
class World:
    users: dict
    values: dict = field(default_factory=dict)   # source name -> list of values for a parameter
    extra: list = field(default_factory=list)    # URLs with query strings (search, filters)
    own: dict = field(default_factory=dict)      # persona -> URLs only that persona holds (personal feed)


def _persona(username, body, role):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    person = Person.objects.create(name=username.replace("-", " ").title(), user=user,
                                   email=f"{username}@example.invalid")
    if body is not None:
        Membership.objects.create(person=person, body=body, role=role, start=D(2022, 7, 1))
    return user


def _meeting(body, status, day, **kw):
    kw.setdefault("place_kind", PlaceKind.PHYSICAL)
    kw.setdefault("address", "Byrådssalen, Torvet 1")
    published = None if status == MeetingStatus.PLANNED else datetime.datetime(2023, 1, 2, 9, tzinfo=datetime.UTC)
    return Meeting.objects.create(body=body, date=day, start=datetime.time(17), end=datetime.time(19),
                                  status=status, agenda_published_at=published, **kw)


def _item(meeting, title, **kw):
    position = meeting.items.count()
    return AgendaItem.objects.create(meeting=meeting, title=title, position=position, number=position + 1,
                                     duration_minutes=20, **kw)


def build_world() -> World:
    region = Organisation.objects.create(name="Region Testland", kind=OrganisationKind.REGION)
    municipality = Organisation.objects.create(name="Testby Kommune", kind=OrganisationKind.MUNICIPALITY,
                                               region=region, municipality_code="999")
    cluster_kind = BodyKind.objects.get_or_create(name="Sundhedsklynge", defaults={"groups_bodies": True})[0]
    level_kind = BodyKind.objects.get_or_create(name="Politisk niveau")[0]
    level = BodyLevel.objects.get_or_create(name="Politisk", defaults={"rank": 10})[0]
    cluster_a = Body.objects.create(name="Klynge A", slug="klynge-a", kind=cluster_kind, region=region,
                                    active_from=D(2022, 7, 1))
    political_a = Body.objects.create(name="Klynge A – Politisk niveau", slug="klynge-a-politisk", kind=level_kind,
                                      level=level, parent=cluster_a, active_from=D(2022, 7, 1))
    cluster_b = Body.objects.create(name="Klynge B", slug="klynge-b", kind=cluster_kind, region=region,
                                    active_from=D(2022, 7, 1))
    political_b = Body.objects.create(name="Klynge B – Politisk niveau", slug="klynge-b-politisk", kind=level_kind,
                                      level=level, parent=cluster_b, active_from=D(2022, 7, 1))
    users = {
        ANON: None,
        OTHER_MEMBER: _persona("medlem-b", political_b, Role.MEMBER),
        OTHER_SECRETARIAT: _persona("sekretariat-b", cluster_b, Role.SECRETARIAT),
        MEMBER: _persona("medlem-a", political_a, Role.MEMBER),
        SECRETARIAT: _persona("sekretariat-a", cluster_a, Role.SECRETARIAT),
    }
    presenter = Person.objects.create(name="Mette Oplægsholder")
    guest = Person.objects.create(name="Gæst Tilpunkt")

    # Minutes published, virtual meeting: an open item and a closed one with every kind of text.
    published = _meeting(political_a, MeetingStatus.MINUTES_PUBLISHED, TODAY - DAY * 90,
                         place_kind=PlaceKind.VIRTUAL, address="", online_link=ONLINE_LINK,
                         minutes_approved_at=datetime.datetime(2023, 3, 10, tzinfo=datetime.UTC),
                         minutes_published_at=datetime.datetime(2023, 3, 11, tzinfo=datetime.UTC))
    open_item = _item(published, "Trivsel for børn og unge", summary="Et offentligt resumé.",
                      minutes="Punktet blev drøftet.", decision="Godkendt.")
    Task.objects.create(item=open_item, description="Sekretariatet laver et offentligt overblik.",
                        owner_kind=TaskOwnerKind.SECRETARIAT)
    closed = _item(published, f"Lejemål {CLOSED_TITLE}", closed=True, kind=ItemKind.DECISION,
                   summary=f"Resumé {CLOSED_SUMMARY}", description=f"<p>Sagen {CLOSED_DESCRIPTION}</p>",
                   minutes=f"Referat {CLOSED_MINUTES}", decision=f"Beslutning {CLOSED_DECISION}",
                   case_number="9-99-99-999-23")
    closed.presenters.set([presenter])
    closed.recommendations.create(number=1, text=f"godkender {CLOSED_RECOMMENDATION}", outcome=Outcome.APPROVED,
                                  decision_text=f"Med {CLOSED_RECOMMENDATION_DECISION}")
    attachment = Attachment.objects.create(item=closed, title=f"Kontrakt {CLOSED_ATTACHMENT}.pdf")
    attachment.file.save("kontrakt.pdf", ContentFile(f"%PDF-1.4 {CLOSED_ATTACHMENT}".encode()), save=True)
    Attachment.objects.create(item=open_item, title="Offentligt bilag.pdf")
    Task.objects.create(item=closed, description=f"Formandskabet {CLOSED_TASK}", owner_kind=TaskOwnerKind.PERSON,
                        owner_person=presenter)
    Attendance.objects.create(meeting=published, person=guest, status="guest", item=closed,
                              title=f"Rådgiver {CLOSED_GUEST_TITLE}")
    Attendance.objects.create(meeting=published, person=presenter, status="present")
    matter = actions.link_item_to_matter(closed, title=f"Sagen {MATTER_TITLE}")
    MinutesRevision.objects.create(
        meeting=published, reason=f"Rettet fordi {REVISION_REASON}", made_by=users[SECRETARIAT],
        changes=[{"item": closed.number, "item_pk": closed.pk, "field": "decision", "before": "", "after": ""}])
    MinutesRevision.objects.create(
        meeting=published, reason="Stavefejl rettet", made_by=users[SECRETARIAT],
        changes=[{"item": open_item.number, "item_pk": open_item.pk, "field": "minutes", "before": "",
                  "after": ""}])
    # A closed proposal from the closed item, sent to the other cluster (B's secretariat decides on it).
    proposal = Proposal.objects.create(source_item=closed, target_body=political_b, closed=True,
                                       title=f"Videre med {PROPOSAL_TITLE}", summary=f"Om {PROPOSAL_SUMMARY}",
                                       proposed_by=users[MEMBER])

    # Minutes approved (members read them), with a closed item: the minutes e-mail is sent from here.
    approved = _meeting(political_a, MeetingStatus.MINUTES_APPROVED, TODAY - DAY * 60, place_kind=PlaceKind.HYBRID,
                        online_link=ONLINE_LINK,
                        minutes_approved_at=datetime.datetime(2023, 4, 5, tzinfo=datetime.UTC))
    _item(approved, "Godkendelse af dagsorden", kind=ItemKind.AGENDA_APPROVAL, decision="Godkendt.")
    closed_approved = _item(approved, f"Forhandling {CLOSED_APPROVED_TITLE}", closed=True,
                            decision="Taget til efterretning.", case_number=CLOSED_CASE_NUMBER.upper())
    actions.link_item_to_matter(closed_approved)

    # Draft minutes of a held meeting (the agenda is public, the minutes are not).
    draft = _meeting(political_a, MeetingStatus.MINUTES_DRAFT, TODAY - DAY * 30)
    draft_item = _item(draft, "Status på demensområdet", minutes=f"Udkast {DRAFT_MINUTES}",
                       decision=f"Udkast {DRAFT_DECISION}", case_number="9-99-99-777-23")
    Task.objects.create(item=draft_item, description=f"Opfølgning {DRAFT_TASK}",
                        owner_kind=TaskOwnerKind.SECRETARIAT)
    actions.link_item_to_matter(draft_item)

    # An agenda not yet published.
    planned = _meeting(political_a, MeetingStatus.PLANNED, TODAY + DAY * 30, place_kind=PlaceKind.HYBRID,
                       online_link=ONLINE_LINK)
    planned_item = _item(planned, f"Udkast {UNPUBLISHED_ITEM}", case_number="9-99-99-888-23")
    Task.objects.create(item=planned_item, description=f"Forberedelse {UNPUBLISHED_TASK}",
                        owner_kind=TaskOwnerKind.SECRETARIAT)
    actions.link_item_to_matter(planned_item)

    # Cluster B treats the same matter in the open; its funds link the matter (the funds leak).
    meeting_b = _meeting(political_b, MeetingStatus.MINUTES_PUBLISHED, TODAY - DAY * 20,
                         minutes_published_at=datetime.datetime(2023, 7, 5, tzinfo=datetime.UTC))
    item_b = _item(meeting_b, "Akutklinik i fællesskab", case_number="9-99-99-999-23", decision="Godkendt.")
    actions.link_item_to_matter(item_b)

    from klynge.funds.models import BudgetLine, Grant, Initiative
    from klynge.indicators.choices import Level
    from klynge.indicators.models import Area, Indicator, Series

    grants, initiatives, lines = [], [], []
    for cluster in (cluster_a, cluster_b):
        grants.append(Grant.objects.create(cluster=cluster, year=2023, party=municipality, amount=1_000_000))
        initiative = Initiative.objects.create(cluster=cluster, number="1", title=f"Indsats i {cluster.name}",
                                               project_owner=municipality)
        lines.append(BudgetLine.objects.create(initiative=initiative, year=2023, party=municipality,
                                               amount=100_000))
        initiatives.append(initiative)
    from klynge.funds.lifecycle import InitiativePhase, ProgressReport
    from klynge.meetings.models import MatterMove

    phase = InitiativePhase.objects.create(initiative=initiatives[0], kind="pilot", start=D(2023, 5, 1))
    ProgressReport.objects.create(initiative=initiatives[0], reported_on=D(2023, 6, 1),
                                  text=f"Status {PROGRESS_REPORT}")
    MatterMove.objects.create(matter=matter, from_body=political_a, to_body=cluster_a, moved_on=D(2023, 6, 1),
                              reason=f"Flyttet {MOVE_REASON}")
    matter.owner_body = cluster_a  # as assignments.escalate does
    matter.save(update_fields=["owner_body"])
    initiative_b = initiatives[1]
    initiative_b.matter = matter
    initiative_b._change_reason = "Sagen knyttet til indsatsen"
    initiative_b.save()

    indicator = Indicator.objects.create(name="Akutte indlæggelser 65+", slug="akutte-65")
    area = Area.objects.create(body=cluster_a, level=Level.CLUSTER, name="Klynge A", slug="klynge-a")
    series = Series.objects.create(indicator=indicator, area=area)
    mandate = Mandate.objects.create(body=political_a, text="Kommissorium", valid_from=D(2022, 7, 1))
    mandate.file.save("kommissorium.txt", ContentFile(b"Kommissorium for politisk niveau"), save=True)

    from klynge.jobs.models import Job
    from klynge.outbox.models import OutgoingMail

    # an import job of A's secretariat: its page and status are the starter's alone
    job = Job.objects.create(kind="import", created_by=users[SECRETARIAT], status="succeeded", progress=100,
                             message="1 fil: 1 importeret.", result={"files": []})
    _review_kept(job)

    agreement_values = _agreements(political_a, cluster_a, political_b, cluster_b, municipality, region)
    procedures = _written_procedures(political_a, users[MEMBER].person)

    improvement_values = _improvement(cluster_a, cluster_b, political_a, region, municipality)

    world = World(users=users)
    world.values = {
        **agreement_values,
        **improvement_values,
        "meetings": [published.pk, approved.pk, draft.pk, planned.pk, meeting_b.pk],
        "items": [open_item.pk, closed.pk, closed_approved.pk, draft_item.pk, planned_item.pk, item_b.pk],
        "attachments": list(Attachment.objects.values_list("pk", flat=True)),
        "tasks": list(Task.objects.values_list("pk", flat=True)),
        "attendance": list(Attendance.objects.values_list("pk", flat=True)),
        "proposals": [proposal.pk],
        "matters": [matter.pk, draft_item.matter_id, planned_item.matter_id, closed_approved.matter_id],
        "memberships": list(Membership.objects.values_list("pk", flat=True)[:2]),
        "mandates": [mandate.pk],
        "series": [series.pk],
        "grants": [g.pk for g in grants],
        "budget_lines": [b.pk for b in lines],
        "bodies": [political_a.slug, political_b.slug, cluster_a.slug],
        "clusters": [cluster_a.slug, cluster_b.slug],
        "persons": [presenter.slug, guest.slug, users[MEMBER].person.slug],
        "organisations": [municipality.slug],
        "areas": [area.slug],
        "initiatives": ["1"], "phases": [phase.pk],
        "jobs": [str(job.pk)], "review_files": [0],
        "plans": [_transition_plan(cluster_a)],
        "delegations": list(Delegation.objects.values_list("pk", flat=True)),
        "procedures": procedures,
        "offers": [_offer(cluster_a)],
        "obligations": _involvement(political_a, closed),
        "composition_versions": [_approved_composition(political_a, closed)],
        "feed_tokens": ["x" * 43],
        "reset_uids": ["MQ"],
        "reset_tokens": ["cx1ab2-0123456789abcdef0123456789abcdef"],
        "mails": list(OutgoingMail.objects.values_list("pk", flat=True)) or [_failed_mail(political_a)],
        "oparl_documents": ["agenda-pdf", "agenda-docx", "minutes-pdf", "minutes-docx"],
        "terms": [ElectoralTerm.objects.create(name="Valgperioden 2026-2029", kind=TermKind.MUNICIPAL,
                                               start=D(2026, 1, 1), end=D(2029, 12, 31)).pk],
    }
    from klynge.meetings.models import PersonalFeed

    for persona, user in users.items():
        if user is not None:
            world.own[persona] = [f"/kalender/mit/{PersonalFeed.objects.create(user=user).address_token}.ics"]
    words = [c.word for c in CANARIES]
    world.extra = (
        [f"/soeg/?q={w}" for w in words] + [f"/sager/?q={w}" for w in words]
        + ["/soeg/?q=9-99-99-999-23", "/sager/?q=9-99-99", f"/moeder/?aar={TODAY.year}",
           f"/moeder/?aar={TODAY.year}&klynge=klynge-a", f"/moeder/?aar={(TODAY - DAY * 90).year}",
           "/api/v1/meetings?body=klynge-a-politisk", "/api/v1/bodies?q=Klynge", "/personer/?q=Gæst",
           "/api/v1/improvement-teams?klynge=klynge-a"]
    )
    return world


def _review_kept(job) -> None:
    """The job's dry run kept its reading of one file for review (importer.review), a closed item among it."""
    from django.core.files.storage import default_storage
    from django.urls import reverse

    from klynge.importer import review
    from klynge.importer.parse import ParsedDocument, ParsedItem
    from klynge.importer.report import to_stored

    path = default_storage.save(f"importjobs/{job.pk}/0", ContentFile(f"Referat\n\n1. {REVIEW_ITEM}\n".encode()))
    doc = ParsedDocument(kind="minutes", title="Referat", body=None, cluster=None, date=TODAY, start=None, end=None,
                         place=None, items=[ParsedItem(1, f"Personalesag {REVIEW_ITEM}", closed=True)])
    review.keep(job.pk, 0, {"path": path, "content_type": "text/plain"},
                {"file": "referat.txt", "document": to_stored(doc), "body": None, "candidates": []})
    job.result = {"files": [{"file": "referat.txt", "status": "checked", "ok": True, "review": 0,
                             "message": "referat.txt: Læst uden at gemme: 1 punkter, 0 advarsler.",
                             "review_url": reverse("importer:review", args=[job.pk, 0])}]}
    job.params = {"dry_run": True, "files": [{"shown": "referat.txt"}], "review_kept": True}
    job.save(update_fields=["result", "params"])


def _agreements(political_a, cluster_a, political_b, cluster_b, municipality, region) -> dict:
    """A framework, an approved and a draft agreement owned by A's political level, a sent round with
    answers from a party in A and one in B, A's draft consolidated answer, a draft and a published report."""
    from klynge.agreements import actions as agreement_actions
    from klynge.agreements.models import (
        Answer,
        ConsolidatedAnswer,
        ConsolidatedItem,
        Recipient,
        StatusReport,
        hash_token,
    )
    from tests.agreements.factories import make_agreement, make_framework, make_goal, make_round, scope

    other_municipality = Organisation.objects.create(name="Andenby Kommune", kind=OrganisationKind.MUNICIPALITY,
                                                     region=region, municipality_code="998")
    framework = make_framework(political_a, slug="crawl-ramme")
    agreement = make_agreement(political_a, framework, slug="crawl-aftale")
    draft = make_agreement(political_a, framework, approved=False, slug="crawl-udkast",
                           title=f"Aftale {DRAFT_AGREEMENT}")
    scope(agreement, cluster_a, [municipality])
    scope(agreement, cluster_b, [other_municipality])
    scope(draft, cluster_a, [municipality])
    agreement_actions.set_status(agreement, cluster_a, municipality, "implementing", "Offentlig note", TODAY)
    round_ = make_round(agreement, TODAY + DAY * 20, questions=2)
    agreement_actions.send_round(round_)
    from klynge.outbox.models import OutgoingMail

    # The invitations were queued in this set-up; the e-mail test below sends the outbox and checks only
    # the publication mails, so they are taken out (tests/agreements covers invitations).
    OutgoingMail.objects.filter(kind="agreements_invitation").delete()
    question = round_.questions.get(position=2)  # a text question
    for recipient in Recipient.objects.filter(round=round_).select_related("implementation"):
        word = ANSWER_A if recipient.implementation.cluster_id == cluster_a.pk else ANSWER_B
        Answer.objects.create(recipient=recipient, question=question, text=f"Svar {word}")
    expired = Recipient.objects.filter(round=round_).first()
    expired_token = "udloebet-noegle-til-crawleren"
    Recipient.objects.filter(pk=expired.pk).update(token_hash=hash_token(expired_token),
                                                   expires_at=timezone.now() - DAY)
    consolidated = ConsolidatedAnswer.objects.create(round=round_, cluster=cluster_a)
    ConsolidatedItem.objects.create(consolidated=consolidated, question=question, text=f"Samlet {CONSOLIDATED_DRAFT}")
    follow_up = make_round(agreement, TODAY + DAY * 40, questions=2, baseline=round_, title="Opfølgning 2")
    draft_report = StatusReport.objects.create(framework=framework, as_of=TODAY, foreword=f"Forord {DRAFT_REPORT}")
    published = StatusReport.objects.create(framework=framework, as_of=TODAY, foreword="Offentligt forord",
                                            published_at=timezone.now())
    return {
        "frameworks": [framework.slug], "goals": [make_goal(framework).pk],
        "agreements": [agreement.slug, draft.slug], "rounds": [round_.pk, follow_up.pk],
        "reports": [draft_report.pk, published.pk], "tokens": [expired_token, "ukendt-noegle"],
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The data set, built once for the module inside a transaction rolled back at the end."""
    media = tmp_path_factory.mktemp("crawler-files")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path_factory):
    """Overrides the conftest fixture: the module's files live where the world put them."""
    # override_settings in the world fixture already points MEDIA_ROOT there.


# --- fetching and reading -----------------------------------------------------------------------

def _urls(world: World, routes) -> list[str]:
    urls = []
    for route, _ in routes:
        if any(route.startswith(p) for p in SKIP_PREFIXES) or "re:" in route:
            continue  # a regex route outside the skip list fails the fillability test instead
        candidates = [route]
        for match in reversed(list(PARAM.finditer(route))):
            values = world.values.get(_source(route, match), [])
            candidates = [c[:match.start()] + str(v) + c[match.end():] for c in candidates for v in values]
        urls.extend("/" + c for c in candidates)
    return sorted(set(urls)) + world.extra


def _zip_text(content: bytes) -> str:
    parts = []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                raw = archive.read(name).decode("utf-8", "replace")
                parts.append(raw)
                parts.append(re.sub(r"<[^>]+>", "", raw))
    return "\n".join(parts)


def _pdf_text(content: bytes) -> str:
    import pdfplumber

    parts = []
    with pdfplumber.open(io.BytesIO(content)) as document:
        for page in document.pages:
            parts.append(page.extract_text() or "")
            parts.extend(str(link.get("uri", "")) for link in page.hyperlinks)
    return "\n".join(parts)


def response_text(response) -> str:
    """Everything a response tells: body text by its type, and the headers (a redirect's target)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    headers = " ".join(f"{k}: {v}" for k, v in response.items())
    if content[:2] == b"PK":
        text = _zip_text(content)
    elif content[:5] == b"%PDF-" and "pdf" in kind and len(content) > 100:
        text = _pdf_text(content)
    else:
        text = content.decode("utf-8", "replace")
        if "calendar" in kind:
            text = re.sub(r"\r?\n[ \t]", "", text).replace("\\,", ",").replace("\\;", ";")
    return headers + "\n" + text


ECHO_PROBE = "zqfindesikke"
# The request id (X-Request-ID, klynge/core/logs.py) is new for every request, like the CSRF token.
VOLATILE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"|csrftoken=[^;\s]*|content-length: \d+'
                      r'|x-request-id: [a-z0-9._:-]+')


def _normalised(text: str, query: str) -> str:
    return VOLATILE.sub("", text.replace(query, ECHO_PROBE))


def _kind(response, text: str) -> str:
    kind = response.get("Content-Type", "")
    for name, marker in (("Word", "wordprocessingml"), ("Excel", "spreadsheetml"), ("PDF", "pdf"),
                         ("JSON", "json"), ("CSV", "csv"), ("HTML", "html")):
        if marker in kind:
            return name
    if "calendar" in kind:
        return "iCalendar med møder" if "begin:vevent" in text else "iCalendar"
    return kind


# What the crawl must have read for every persona, so a channel cannot silently drop out.
KINDS_READ = {"HTML", "JSON", "CSV", "Excel", "Word", "PDF", "iCalendar med møder"}


def crawl(world: World, persona: str) -> tuple[dict[str, list[str]], list[str], set[str]]:
    """(canary word -> URLs it was found at, URLs that answered 500, kinds of answers read).

    A search repeats the query (in the search box, the heading), so for a search with a canary
    the answer must read exactly as the answer to a word that is nowhere in the data: a hit
    with no canary in its text still tells that the word exists (and where).
    """
    client = Client(raise_request_exception=False)
    user = world.users[persona]
    if user is not None:
        client.force_login(user)
    found: dict[str, list[str]] = {c.word: [] for c in CANARIES}
    errors = []
    kinds = set()
    nothing_found = {}
    for url in _urls(world, list(walk_patterns())) + world.own.get(persona, []):
        response = client.get(url)
        if response.status_code >= 500:
            errors.append(f"{url} -> {response.status_code}")
            continue
        text = response_text(response).lower()
        if response.status_code == 200:
            kinds.add(_kind(response, text))
        path, _, query = url.partition("?q=")
        if query:
            if path not in nothing_found:
                probe = response_text(client.get(f"{path}?q={ECHO_PROBE}")).lower()
                nothing_found[path] = _normalised(probe, ECHO_PROBE)
            if _normalised(text, query) != nothing_found[path] and query in found:
                found[query].append(url)
            text = text.replace(query, "")
        for canary in CANARIES:
            if canary.word in text and url not in found[canary.word]:
                found[canary.word].append(url)
    return found, errors, kinds


def _check(found, persona) -> list[str]:
    problems = []
    for canary in CANARIES:
        where = found[canary.word]
        if persona not in canary.allowed and where:
            problems.append(f"LÆK: {canary.word} vises for {persona} på {', '.join(where)}")
        if persona in canary.expected and not where:
            problems.append(f"{canary.word} blev ikke fundet for {persona}: crawleren når ikke frem til det")
    return problems


# --- the tests ----------------------------------------------------------------------------------

def test_every_url_pattern_can_be_filled_from_the_data_or_is_on_the_commented_skip_list():
    missing = unfillable(list(walk_patterns()))
    assert not missing, (
        "Nye URL-mønstre, som crawleren ikke kan udfylde: " + ", ".join(missing)
        + ". Tilføj kilden i SEGMENT_SOURCES (og data i build_world) eller, med en begrundelse, til SKIP_PREFIXES."
    )


def test_a_pattern_with_an_unknown_parameter_or_a_regex_is_reported_as_unfillable():
    routes = [("sager/<int:pk>/", "matter"), ("nyt/<int:pk>/", "new"), ("re:^gammel/(?P<x>\\d+)/$", "old"),
              ("admin/<path:object_id>/", "admin")]
    assert unfillable(routes) == ["nyt/<int:pk>/", "re:^gammel/(?P<x>\\d+)/$"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_no_canary_reaches_a_persona_who_may_not_see_it_on_any_url(world, persona):
    found, errors, kinds = crawl(world, persona)
    problems = _check(found, persona) + [f"Serverfejl: {e}" for e in errors]
    problems += [f"Crawleren læste intet svar af typen {kind} for {persona}" for kind in sorted(KINDS_READ - kinds)]
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_publishing_e_mails_carry_only_public_content_and_the_link_only_to_members(
        world, django_capture_on_commit_callbacks):
    secretariat = Client()
    secretariat.force_login(world.users[SECRETARIAT])
    _, approved, _, planned, _ = world.values["meetings"]
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        assert secretariat.post(f"/moeder/{planned}/status/", {"status": "agenda_published"}).status_code == 302
        assert secretariat.post(f"/moeder/{approved}/status/", {"status": "minutes_published"}).status_code == 302
    assert len(mail.outbox) >= 2
    members = set(Membership.objects.active().filter(body__slug="klynge-a-politisk")
                  .values_list("person__email", flat=True))
    for message in mail.outbox:
        assert set(message.to) <= members, "e-mails go only to the body's members"
        text = f"{message.subject}\n{message.body}".lower()
        for canary in CANARIES:
            if canary.word == UNPUBLISHED_ITEM:
                continue  # the agenda it stands on is published by this very action
            if canary.word == LINK_WORD:
                continue  # members may have the link, and only members get these mails
            assert canary.word not in text, f"{canary.word} står i e-mailen {message.subject!r}"
    assert any(LINK_WORD in m.body for m in mail.outbox), "the members' mail carries the meeting link"


def test_the_crawler_reads_word_pdf_and_excel_text():
    """The extraction the crawler relies on finds words in each kind of file."""
    from docx import Document
    from fpdf import FPDF
    from openpyxl import Workbook

    class R:
        streaming = False

        def __init__(self, content, kind):
            self.content, self._h = content, {"Content-Type": kind}

        def get(self, key, default=""):
            return self._h.get(key, default)

        def items(self):
            return self._h.items()

    word = Document()
    word.add_paragraph("zqordfil")
    buffer = io.BytesIO()
    word.save(buffer)
    book = Workbook()
    book.active["A1"] = "zqregneark"
    sheet = io.BytesIO()
    book.save(sheet)
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="zqpdffil")
    assert "zqordfil" in response_text(R(buffer.getvalue(), "application/vnd.openxmlformats"))
    assert "zqregneark" in response_text(R(sheet.getvalue(), "application/vnd.openxmlformats"))
    assert "zqpdffil" in response_text(R(bytes(pdf.output()), "application/pdf"))
