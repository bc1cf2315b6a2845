"""The permission matrix (issue 9): every URL pattern, every persona, a POST, and the expected answer.

Every pattern of the URL configuration is walked (``get_resolver().url_patterns``, recursively), its
path parameters filled from a small data set in cluster A by the object the table below names, and
POSTed to as each persona. ``ACCESS`` declares who may: a URL name without an entry fails the test, so
a view added later is covered without anyone remembering to add it. On deny the answer is a redirect
to the login page, 403 or 404, and the database is unchanged (row counts and the newest ``modified``
of every table); on allow it is never a server error. Read-only pages are POSTed to as well: nobody
changes anything through them. Each request runs in a rolled-back savepoint so the data set stays the
same for the next one. A second test checks that CSRF is enforced on every pattern.
"""

import datetime
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from klynge.funds.lifecycle import InitiativePhase
from klynge.funds.models import BudgetLine, Grant, Initiative
from klynge.governance import actions as governance_actions
from klynge.governance.models import Delegation, WrittenProcedure
from klynge.indicators.choices import Direction, Level, Unit
from klynge.indicators.models import Area, Indicator, Series
from klynge.jobs.models import Job
from klynge.meetings import actions
from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import Attendance, PersonalFeed, Proposal, Task
from klynge.offers.models import Offer
from klynge.organisation.choices import Role
from klynge.organisation.models import CompositionVersion, ElectoralTerm, Mandate, Membership, Person, TermKind
from klynge.outbox.models import MailStatus, OutgoingMail
from klynge.transition import actions as transition_actions
from tests.conftest import make_persona
from tests.meetings.factories import make_attachment, make_item, make_meeting

PERSONAS = ["anonymous", "member_b", "secretariat_b", "member_a", "secretariat_a", "admin"]

READ = "read"  # a page that only reads: a POST changes nothing for anybody and never fails
EVERYONE = frozenset(PERSONAS)
SIGNED_IN = frozenset(PERSONAS) - {"anonymous"}
SECRETARIATS = frozenset({"secretariat_a", "secretariat_b", "admin"})  # a secretariat of any body
MEMBERS_A = frozenset({"member_a", "secretariat_a", "admin"})  # inside cluster A (its members and secretariat)
SECRETARIAT_A = frozenset({"secretariat_a", "admin"})  # the secretariat of cluster A (edits everything under it)
ADMIN = frozenset({"admin"})
MEMBERS_A_ASKED = frozenset({"member_a"})  # a member asked in a written procedure answers for themselves
NOBODY = frozenset()

# URL name -> (who may POST, the object whose parameters fill the path). Objects are in cluster A.
ACCESS = {
    # accounts
    "login": (READ, None),
    "logout": (READ, None),
    "password_reset": (READ, None),
    "password_reset_done": (READ, None),
    "password_reset_confirm": (READ, "reset"),
    "password_reset_complete": (READ, None),
    "password_change": (SIGNED_IN, None),
    "password_change_done": (SIGNED_IN, None),
    "accessibility": (READ, None),
    "person_add": (SECRETARIAT_A, "body"),
    # structure
    "front": (READ, None),
    "body": (READ, "body"),
    "body_chairs": (READ, "body"),
    "body_history": (READ, "body"),
    "membership_add": (SECRETARIAT_A, "body"),
    "mandate_add": (SECRETARIAT_A, "body"),
    "composition": (SECRETARIAT_A, "body"),  # reading is public; a POST deletes a rule
    "composition_version_add": (SECRETARIAT_A, "body"),
    "composition_rule_add": (SECRETARIAT_A, "body"),
    "meetings:composition_approval": (SECRETARIAT_A, "composition_version"),
    "subbody_add": (SECRETARIAT_A, "body"),
    "membership_end": (SECRETARIAT_A, "membership"),
    "mandate_file": (READ, "mandate"),
    "persons": (READ, None),
    "person": (READ, "person"),
    "organisation": (READ, "organisation"),
    "search": (READ, None),
    # operations: the health check for load balancers (no data, no secrets)
    "health": (READ, None),
    # the meeting cycle
    "meetings:calendar": (READ, None),
    "meetings:meeting": (READ, "meeting"),
    "meetings:meeting_edit": (SECRETARIAT_A, "meeting"),
    "meetings:meeting_status": (SECRETARIAT_A, "meeting"),
    "meetings:item_add": (SECRETARIAT_A, "meeting"),
    "meetings:agenda_reorder": (SECRETARIAT_A, "meeting"),
    "meetings:attendance": (SECRETARIAT_A, "meeting"),
    "meetings:meeting_roles": (SECRETARIAT_A, "meeting"),
    "meetings:revise_minutes": (SECRETARIAT_A, "meeting"),
    "meetings:attendance_delete": (SECRETARIAT_A, "attendance"),
    "meetings:item_edit": (SECRETARIAT_A, "item"),
    "meetings:item_move": (SECRETARIAT_A, "item"),
    "meetings:item_delete": (SECRETARIAT_A, "item"),
    "meetings:item_minutes": (SECRETARIAT_A, "item"),
    "meetings:item_comment": (MEMBERS_A, "item"),  # POST only; a comment only in the review round
    "meetings:attachment_add": (SECRETARIAT_A, "item"),
    "meetings:task_add": (SECRETARIAT_A, "item"),
    "meetings:propose": (MEMBERS_A, "item"),
    "meetings:attachment": (READ, "attachment"),
    "meetings:attachment_delete": (SECRETARIAT_A, "attachment"),
    "meetings:task_close": (SECRETARIAT_A, "task"),
    "meetings:task_edit": (SECRETARIAT_A, "task"),
    "meetings:task_start": (SECRETARIAT_A, "task"),
    "meetings:task": (READ, "task"),
    "meetings:task_fan_out": (SECRETARIAT_A, "task"),
    "meetings:part_status": (SECRETARIAT_A, "task"),  # the matrix task is no part: 404 for all
    "meetings:matter_escalate": (SECRETARIAT_A, "matter"),
    "meetings:followup_closed": (READ, "cluster"),
    # apologies: only a member who attends the body (the secretariat's seat is not an attending one)
    "meetings:apologies": (frozenset({"member_a"}), "meeting"),
    "meetings:overview": (SIGNED_IN, None),
    "meetings:feed_renew": (SIGNED_IN, None),
    "meetings:mail_settings": (SIGNED_IN, None),
    # the token is the credential; a POST is refused (405) like every feed
    "meetings:personal_ics": (READ, "feed"),
    "meetings:packet_pdf": (READ, "meeting"),
    "meetings:members_packet_pdf": (READ, "meeting"),
    "meetings:followup": (READ, None),
    "meetings:followup_cluster": (READ, "cluster"),
    "meetings:body_meetings": (READ, "body"),
    "meetings:meeting_add": (SECRETARIAT_A, "body"),
    "meetings:proposals": (SECRETARIAT_A, "body"),
    "meetings:proposal_decide": (SECRETARIAT_A, "proposal"),
    "meetings:my_proposals": (SIGNED_IN, None),
    "meetings:matters": (READ, None),
    "meetings:matter": (READ, "matter"),
    "meetings:agenda_docx": (READ, "meeting"),
    "meetings:agenda_pdf": (READ, "meeting"),
    "meetings:minutes_docx": (READ, "meeting"),
    "meetings:minutes_pdf": (READ, "meeting"),
    "meetings:body_ics": (READ, "body"),
    "meetings:cluster_ics": (READ, "cluster"),
    "meetings:person_ics": (READ, "person"),
    # minutes import: the secretariat of any body (it chooses one of its own bodies in the form)
    "importer:upload": (SECRETARIATS, None),
    "importer:upload-file": (SECRETARIATS, None),
    # an import job is followed by the user who started it (A's secretariat here) and the administrator
    "importer:job": (SECRETARIAT_A, "job"),
    "importer:job-status": (SECRETARIAT_A, "job"),
    "importer:job-cancel": (SECRETARIAT_A, "job"),
    # the review of a dry run's file («Gennemse og ret»): the user who started the job alone (not the administrator)
    "importer:review": (SECRETARIAT_A, "job_review"),
    # the transition to health councils: a region's administrators (here only the superuser: the data
    # set has no region-level secretariat)
    "transition:index": (ADMIN, None),
    "transition:plan_new": (ADMIN, None),
    "transition:plan": (ADMIN, "plan"),
    "transition:plan_edit": (ADMIN, "plan"),
    "transition:plan_dry_run": (ADMIN, "plan"),
    "transition:plan_run": (ADMIN, "plan"),
    # the outbox: a body's secretariat sees its mails and sends a failed one again
    "outbox:list": (READ, None),
    "outbox:resend": (SECRETARIAT_A, "mail"),
    # decisions between meetings: the delegation register is public, written procedures are the body's
    "governance:delegations": (READ, "body"),
    "governance:delegation_add": (SECRETARIAT_A, "body"),
    "governance:decision_add": (SECRETARIAT_A, "delegation"),
    "governance:procedures": (READ, "body"),
    "governance:procedure_add": (SECRETARIAT_A, "body"),
    "governance:procedure": (READ, "procedure"),
    "governance:procedure_answer": (MEMBERS_A_ASKED, "procedure"),
    "governance:procedure_close": (SECRETARIAT_A, "procedure"),
    "governance:procedure_report": (SECRETARIAT_A, "closed_procedure"),
    # offers for general practice: public overview, kept by a cluster's secretariat
    "involvement:body": (READ, "body"),
    "involvement:obligation_add": (SECRETARIAT_A, "body"),
    "involvement:invitation_add": (SECRETARIAT_A, "body"),
    "involvement:fulfilment_add": (SECRETARIAT_A, "obligation"),
    "involvement:appointment": (SECRETARIAT_A, "membership"),
    "offers:index": (READ, None),
    "offers:export_csv": (READ, None),
    "offers:add": (SECRETARIATS, None),
    "offers:edit": (SECRETARIAT_A, "offer"),
    # improvement teams: the programme (kept by cluster A here) is public; a cluster's secretariat adds its own
    # teams and calendar rows to any cohort, the programme's secretariat keeps cohorts and seats
    "improvement:index": (READ, None),
    # a secretariat creates a programme for one of its own bodies; the programme's body's secretariat edits it
    "improvement:programme_add": (SECRETARIATS, None),
    "improvement:programme_edit": (SECRETARIAT_A, "programme"),
    "improvement:programme": (READ, "programme"),
    "improvement:cohort": (READ, "cohort"),
    "improvement:team": (READ, "team"),
    "improvement:cohort_add": (SECRETARIAT_A, "programme"),
    "improvement:cohort_edit": (SECRETARIAT_A, "cohort"),
    "improvement:seat_add": (SECRETARIAT_A, "cohort"),
    "improvement:deadline_add": (SECRETARIATS, "cohort"),
    "improvement:deadline_edit": (SECRETARIAT_A, "deadline"),
    "improvement:team_add": (SECRETARIATS, "cohort"),
    "improvement:team_edit": (SECRETARIAT_A, "team"),
    "improvement:member_add": (SECRETARIAT_A, "team"),
    "improvement:member_remove": (SECRETARIAT_A, "team_member"),
    # cluster funds
    "funds:index": (READ, None),
    "funds:overview": (READ, "cluster"),
    "funds:print": (READ, "cluster"),
    "funds:export_xlsx": (READ, "cluster"),
    "funds:export_csv": (READ, "cluster"),
    "funds:history": (MEMBERS_A, "cluster"),
    "funds:import": (SECRETARIAT_A, "cluster"),
    "funds:grants": (SECRETARIAT_A, "cluster"),
    "funds:grant_edit": (SECRETARIAT_A, "grant"),
    "funds:transfer_add": (SECRETARIAT_A, "cluster"),
    "funds:initiative_add": (SECRETARIAT_A, "cluster"),
    "funds:initiative": (READ, "initiative"),
    "funds:initiative_edit": (SECRETARIAT_A, "initiative"),
    "funds:budget_add": (SECRETARIAT_A, "initiative"),
    "funds:budget_edit": (SECRETARIAT_A, "budget_line"),
    "funds:budget_approve": (SECRETARIAT_A, "initiative"),
    "funds:spending_add": (SECRETARIAT_A, "initiative"),
    "funds:other_funding_add": (SECRETARIAT_A, "initiative"),
    "funds:distribution_key": (SECRETARIAT_A, "initiative"),
    "funds:invoices": (MEMBERS_A, "initiative"),
    "funds:initiative_life": (READ, "initiative"),
    "funds:phase_add": (SECRETARIAT_A, "initiative"),
    "funds:phase_edit": (SECRETARIAT_A, "phase"),
    "funds:report_add": (SECRETARIAT_A, "initiative"),
    "funds:final_report": (SECRETARIAT_A, "initiative"),
    "funds:patient_perspective": (SECRETARIAT_A, "initiative"),
    # agreements and follow-up (issue 11): the owning body here is A's political level, so A's secretariat
    # manages and A's member reads answers; a contact person's link is the only key to the answer page
    "agreements:index": (READ, None),
    "agreements:matrix": (READ, None),
    "agreements:framework": (READ, "framework"),
    "agreements:report_add": (SECRETARIAT_A, "framework"),
    "agreements:goal": (READ, "goal"),
    "agreements:agreement": (READ, "agreement"),
    "agreements:status_set": (SECRETARIAT_A, "agreement"),
    "agreements:contact_add": (SECRETARIAT_A, "agreement"),
    "agreements:agreement_briefing": (SECRETARIAT_A, "agreement"),
    "agreements:round_add": (SECRETARIAT_A, "agreement"),
    "agreements:round": (READ, "round"),
    "agreements:question_add": (SECRETARIAT_A, "round"),
    "agreements:round_send": (SECRETARIAT_A, "round"),
    "agreements:round_remind": (SECRETARIAT_A, "round"),
    "agreements:side_by_side": (MEMBERS_A, "round"),
    "agreements:export_xlsx": (MEMBERS_A, "round"),
    "agreements:export_docx": (MEMBERS_A, "round"),
    "agreements:compare": (MEMBERS_A, "round"),
    "agreements:briefing": (SECRETARIAT_A, "round"),
    "agreements:consolidated": (SECRETARIAT_A, "round_cluster"),
    "agreements:consolidated_submit": (SECRETARIAT_A, "round_cluster"),
    "agreements:answer": (EVERYONE, "token"),
    "agreements:report": (READ, "report"),
    "agreements:report_edit": (SECRETARIAT_A, "report"),
    "agreements:report_docx": (READ, "report"),
    "agreements:report_pdf": (READ, "report"),
    # indicators: the secretariat of any cluster imports for its own cluster (checked in the form)
    "indicators:index": (READ, None),
    "indicators:definitions": (READ, None),
    "indicators:upload": (SECRETARIATS, None),
    "indicators:template_csv": (READ, None),
    "indicators:series": (READ, "series"),
    "indicators:dashboard": (READ, "area"),
    "indicators:benchmark": (READ, "area"),
    # the open API is read-only (GET); a POST is 405 for everyone
    "api:openapi-json": (READ, None),
    "api:openapi-view": (READ, None),
    "api:api-root": (READ, None),
    "api:list_bodies": (READ, None),
    "api:get_body": (READ, "body"),
    "api:get_person": (READ, "person"),
    "api:list_meetings": (READ, None),
    "api:get_meeting": (READ, "meeting"),
    # the OParl API is read-only and anonymous: a POST is refused (CSRF 403, else 405) for everyone
    "oparl:system": (READ, None),
    "oparl:body_list": (READ, None),
    **{f"oparl:{name}": (READ, "cluster") for name in (
        "body", "body_organizations", "body_persons", "body_memberships", "body_meetings", "body_locations",
        "body_agenda_items", "body_consultations", "body_papers", "body_files", "body_legislative_terms")},
    "oparl:organization": (READ, "body"),
    "oparl:organization_meetings": (READ, "body"),
    "oparl:organization_consultations": (READ, "body"),
    "oparl:person": (READ, "person"),
    "oparl:membership": (READ, "membership"),
    "oparl:meeting": (READ, "meeting"),
    "oparl:meeting_file": (READ, "meeting_document"),
    "oparl:meeting_file_content": (READ, "meeting_document"),
    "oparl:location": (READ, "meeting"),
    "oparl:agenda_item": (READ, "item"),
    "oparl:consultation": (READ, "item"),
    "oparl:paper": (READ, "matter"),
    "oparl:file": (READ, "attachment"),
    "oparl:legislative_term": (READ, "electoral_term"),
    "api:list_agreements": (READ, None),
    "api:get_agreement": (READ, "agreement"),
    "api:list_goals": (READ, None),
    "api:list_status_reports": (READ, None),
    "api:list_teams": (READ, None),
    "api:get_team": (READ, "team"),
}

# Django's admin: every view goes through admin_view, which lets only staff in. All its patterns are
# POSTed to; their parameters are filled with ADMIN_PARAMETERS (no persona but the superuser is staff).
ADMIN_NAMESPACE = "admin"
# Exceptions to "superuser only" in the admin: its own login and logout are open to all, like the
# site's; django-axes' login records are written by axes alone (no one may add them by hand).
ADMIN_ACCESS = {
    "admin:login": READ,
    "admin:logout": READ,
    "admin:axes_accessattempt_add": NOBODY,
    "admin:axes_accesslog_add": NOBODY,
    "admin:axes_accessfailurelog_add": NOBODY,
    # Transition plans and their transfer records are read-only in the admin: a plan changes only
    # through its own pages, and a run is recorded once, by the run itself.
    **{f"admin:transition_{model}_{action}": NOBODY
       for model in ("transitionplan", "transferrecord") for action in ("add", "change", "delete")},
    # The job queue's rows are written by the queue alone (django-tasks' own read-only admin).
    **{f"admin:django_tasks_database_dbtaskresult_{action}": NOBODY for action in ("add", "change", "delete")},
}
ADMIN_PARAMETERS = {"object_id": "1", "id": "1", "app_label": "organisation", "content_type_id": "1"}

# Patterns that cannot be filled and are left out on purpose (each with why). Keep it empty if you can.
SKIP = {
    # The admin's catch-all (a regular expression matching any path under /admin/): it only redirects
    # to the admin login or answers 404, and every real admin page is in the matrix by its own name.
    "admin/(?P<url>.*)$",
}

# Tables left out of the fingerprint: sessions change with every login and logout, not the record.
NOT_FINGERPRINTED = {"django_session"}


def walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name, prefix + str(pattern.pattern), pattern


def parameters(pattern: URLPattern) -> set[str]:
    return set(pattern.pattern.regex.groupindex)


def _obligation(s):
    from klynge.involvement.models import CitizenGroup, Obligation

    group = CitizenGroup.objects.create(name="Matrixudvalget")
    return Obligation.objects.create(body=s.political, group=group, part="status_briefing", cadence="every_meeting",
                                     title="Matrixforpligtelse", valid_from=datetime.date(2022, 1, 1))


def _procedure(s, member_user):
    return governance_actions.start_procedure(body=s.political, title="Matrixprocedure", proposal="x",
                                              deadline=timezone.now() + datetime.timedelta(days=3),
                                              persons=[member_user.person])


def _closed_procedure(s, member_user):
    """Closed, with a planned meeting to report it at (the report POST then changes something)."""
    make_meeting(s.political, date=timezone.localdate() + datetime.timedelta(days=20))
    procedure = _procedure(s, member_user)
    governance_actions.close_procedure(procedure, "Besluttet")
    procedure.refresh_from_db()
    procedure.reported_item.delete()
    WrittenProcedure.objects.filter(pk=procedure.pk).update(reported_item=None)
    return procedure


@pytest.fixture
def data(structure, secretariat_user, member_user):
    s = structure
    meeting = make_meeting(s.political, status=MeetingStatus.MINUTES_DRAFT)
    item = make_item(meeting, title="Punkt i matrixen", case_number="9-99-1")
    actions.link_item_to_matter(item)
    item.refresh_from_db()
    person = Person.objects.create(name="Matrix Person", slug="matrix-person")
    membership = Membership.objects.create(person=person, body=s.political, role=Role.MEMBER,
                                           start=datetime.date(2022, 7, 1))
    mandate = Mandate.objects.create(body=s.political, text="Kommissorium", valid_from=datetime.date(2022, 7, 1))
    initiative = Initiative.objects.create(cluster=s.cluster, number="7", title="Matrixindsats")
    area = Area.for_body(s.cluster)
    indicator = Indicator.objects.create(name="Matrixindikator", slug="matrix", unit=Unit.COUNT,
                                         desired_direction=Direction.DOWN, level=Level.CLUSTER)
    objects = {
        **_agreement_objects(s),
        "body": {"slug": s.political.slug},
        "composition_version": {"slug": s.political.slug, "pk": CompositionVersion.objects.create(
            body=s.political, valid_from=datetime.date(2022, 7, 1)).pk},
        "cluster": {"slug": s.cluster.slug},
        "person": {"slug": person.slug},
        "organisation": {"slug": s.municipality.slug},
        "membership": {"pk": membership.pk},
        "mandate": {"pk": mandate.pk},
        "meeting": {"pk": meeting.pk, "meeting_id": meeting.pk},
        "meeting_document": {"pk": meeting.pk, "document": "agenda-pdf"},
        "electoral_term": {"pk": ElectoralTerm.objects.create(name="Valgperioden 2022-2025", kind=TermKind.REGIONAL,
                                                             start=datetime.date(2022, 1, 1),
                                                             end=datetime.date(2025, 12, 31)).pk},
        "item": {"pk": item.pk},
        "attachment": {"pk": make_attachment(item).pk},
        "attendance": {"pk": Attendance.objects.create(meeting=meeting, person=person).pk},
        "task": {"pk": Task.objects.create(item=item, description="Matrixopgave").pk},
        "proposal": {"pk": Proposal.objects.create(source_item=item, target_body=s.political, title="Forslag").pk},
        "matter": {"pk": item.matter_id},
        "reset": {"uidb64": "MQ", "token": "cx1ab2-0123456789abcdef0123456789abcdef"},
        "feed": {"token": PersonalFeed.objects.create(user=member_user).address_token},
        "initiative": {"slug": s.cluster.slug, "number": initiative.number},
        "grant": {"slug": s.cluster.slug, "pk": Grant.objects.create(cluster=s.cluster, year=2023, party=s.region,
                                                                     amount=100).pk},
        "phase": {"slug": s.cluster.slug, "number": initiative.number,
                  "pk": InitiativePhase.objects.create(initiative=initiative, kind="pilot",
                                                       start=datetime.date(2023, 5, 1)).pk},
        "budget_line": {"slug": s.cluster.slug, "number": initiative.number,
                        "pk": BudgetLine.objects.create(initiative=initiative, year=2023, party=s.region,
                                                        amount=100).pk},
        "series": {"pk": Series.objects.create(indicator=indicator, area=area).pk},
        "area": {"slug": area.slug},
        "mail": {"pk": OutgoingMail.objects.create(to="matrix@example.dk", subject="Matrix", text="x",
                                                   body=s.political, status=MailStatus.FAILED).pk},
        "offer": {"pk": Offer.objects.create(cluster=s.cluster, provider=s.municipality, title="Matrixtilbud",
                                             theme="x", target_group="all", description="x", entry_point="x",
                                             contact="x").pk},
        "delegation": {"pk": Delegation.objects.create(body=s.political, delegate="Formandskabet", authority="x",
                                                       valid_from=datetime.date(2024, 1, 1)).pk},
        "procedure": {"pk": _procedure(s, member_user).pk},
        "obligation": {"pk": _obligation(s).pk},
        "closed_procedure": {"pk": _closed_procedure(s, member_user).pk},
        **_improvement_objects(s),
        "job": {"pk": Job.objects.create(kind="import", created_by=secretariat_user, status="succeeded").pk},
        # a file of a dry run kept for «Gennemse og ret» (none is kept here: the starter gets 404 as well)
        "job_review": {"pk": Job.objects.filter(kind="import").first().pk, "index": 0},
        "plan": {"pk": transition_actions.load_plan(
            f"handling;forgænger;efterfølger\nafløsning;{s.cluster.slug};Sundhedsråd Matrix\n",
            name="Matrix", date=datetime.date(2027, 1, 1)).pk},
    }
    users = {
        "member_b": make_persona("medlem-b", s.other_body, Role.MEMBER, s.region),
        "secretariat_b": make_persona("sekretariat-b", s.other_cluster, Role.SECRETARIAT, s.region),
        "member_a": member_user,
        "secretariat_a": secretariat_user,
        "admin": make_persona("admin-matrix", None, None),
    }
    users["admin"].is_superuser = users["admin"].is_staff = True
    users["admin"].save()
    return objects, users


def _improvement_objects(s) -> dict:
    from tests.improvement.factories import add_member, make_cohort, make_deadline, make_programme, make_team

    programme = make_programme(body=s.cluster, slug="matrix-program")
    cohort = make_cohort(programme, 2)
    team = make_team(cohort, s.cluster, "Matrixteam")
    return {
        "programme": {"slug": programme.slug},
        "cohort": {"slug": programme.slug, "number": cohort.number},
        "team": {"pk": team.pk, "team_id": team.pk},
        "team_member": {"pk": add_member(team, "Matrix Teamdeltager", s.municipality).pk},
        "deadline": {"pk": make_deadline(cohort, cluster=s.cluster).pk},
    }


def _agreement_objects(s) -> dict:
    from klynge.agreements import actions as agreement_actions
    from klynge.agreements.models import Recipient, StatusReport
    from tests.agreements.factories import make_agreement, make_framework, make_goal, make_round, scope

    framework = make_framework(s.political, slug="matrix-ramme")
    agreement = make_agreement(s.political, framework, slug="matrix-aftale")
    scope(agreement, s.cluster, [s.municipality])
    round_ = make_round(agreement, datetime.date.today() + datetime.timedelta(days=30))
    agreement_actions.send_round(round_)
    recipient = Recipient.objects.get(round=round_)
    token = recipient.new_token()
    recipient.save()
    report = StatusReport.objects.create(framework=framework, as_of=datetime.date(2021, 6, 30))
    return {
        "framework": {"slug": framework.slug},
        "goal": {"pk": make_goal(framework).pk},
        "agreement": {"slug": agreement.slug},
        "round": {"pk": round_.pk},
        "round_cluster": {"pk": round_.pk, "cluster": s.cluster.slug},
        "token": {"token": token},
        "report": {"pk": report.pk},
    }


def fingerprint() -> tuple:
    """Row counts and the newest ``modified`` of every table, in one query."""
    parts = []
    for model in apps.get_models():
        table = model._meta.db_table
        if table in NOT_FINGERPRINTED:
            continue
        quoted = connection.ops.quote_name(table)
        has_modified = any(f.column == "modified" for f in model._meta.concrete_fields)
        newest = f"CAST(MAX({connection.ops.quote_name('modified')}) AS VARCHAR(40))" if has_modified else "''"
        parts.append(f"SELECT '{table}', COUNT(*), {newest} FROM {quoted}")
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts))
        return tuple(sorted(cursor.fetchall(), key=lambda row: row[0]))


def url_for(name, pattern, objects) -> str:
    needed = parameters(pattern)
    if name.startswith(f"{ADMIN_NAMESPACE}:"):
        missing = needed - set(ADMIN_PARAMETERS)
        assert not missing, f"{name}: cannot fill {missing}; add them to ADMIN_PARAMETERS"
        regex = pattern.pattern.regex
        if regex.groups > len(regex.groupindex):  # simple_history's history pages: positional ids
            return reverse(name, args=["1"] * regex.groups)
        return reverse(name, kwargs={k: ADMIN_PARAMETERS[k] for k in needed})
    assert name in ACCESS, f"{name} ({pattern.pattern}) has no entry in ACCESS: declare who may POST to it"
    target = ACCESS[name][1]
    given = objects[target] if target else {}
    missing = needed - set(given)
    assert not missing, f"{name}: the object {target!r} does not fill {missing}"
    return reverse(name, kwargs={k: given[k] for k in needed})


def expected(name):
    if name in ADMIN_ACCESS:
        return ADMIN_ACCESS[name]
    if name.startswith(f"{ADMIN_NAMESPACE}:"):
        return ADMIN
    return ACCESS[name][0]


def is_denied(response) -> bool:
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        login = resolve_url(settings.LOGIN_URL)
        return response["Location"].startswith((login, reverse("admin:login")))
    return False


def targets(objects):
    for name, route, pattern in walk(get_resolver().url_patterns):
        if route in SKIP or name in SKIP:
            continue
        if name is None and route.startswith(f"{ADMIN_NAMESPACE}/"):
            # The admin's unnamed patterns (old change URLs that redirect): fill the route itself.
            yield f"{ADMIN_NAMESPACE}:{route}", re.sub(r"<(?:\w+:)?(\w+)>", lambda m: ADMIN_PARAMETERS[m[1]],
                                                       "/" + route)
            continue
        assert name, f"the pattern {route} has no name: name it, so the matrix can declare who may use it"
        yield name, url_for(name, pattern, objects)


def personas_for(name):
    """Every persona; for the admin, whose one gate (is_staff) is the same for every non-staff
    persona, the strongest non-staff persona and the anonymous user stand for the rest."""
    if name.startswith(f"{ADMIN_NAMESPACE}:"):
        return ["anonymous", "secretariat_a", "admin"]
    return PERSONAS


def test_every_post_url_answers_every_persona_as_declared(data):
    objects, users = data
    clients = {"anonymous": Client()}
    for persona, user in users.items():
        clients[persona] = Client()
        clients[persona].force_login(user)
    before = fingerprint()
    problems = []
    seen = set()
    for name, url in targets(objects):
        seen.add(name)
        allowed = expected(name)
        for persona in personas_for(name):
            client = clients[persona]
            must_not_change = allowed == READ or persona not in allowed
            with transaction.atomic():
                response = client.post(url)
                changed = must_not_change and fingerprint() != before
                transaction.set_rollback(True)
            if persona != "anonymous" and "_auth_user_id" not in client.session:
                client.force_login(users[persona])  # after the logout URL
                before = fingerprint()  # logging in is logged (django-axes): a new starting point
            if response.status_code >= 500:
                problems.append(f"{persona} POST {url} ({name}): {response.status_code}")
            elif allowed == READ:
                if changed:
                    problems.append(f"{persona} POST {url} ({name}): a read-only page changed the database")
            elif persona not in allowed:
                if not is_denied(response):
                    problems.append(f"{persona} POST {url} ({name}): {response.status_code}, expected a deny")
                if changed:
                    problems.append(f"{persona} POST {url} ({name}): denied but the database changed")
            elif is_denied(response) and response.status_code != 404:
                problems.append(f"{persona} POST {url} ({name}): {response.status_code}, expected to be let in")
    stale = set(ACCESS) - seen
    assert not stale, f"ACCESS names URLs that no longer exist: {sorted(stale)}"
    assert not problems, "\n".join(problems)


def test_csrf_is_enforced_on_every_url_that_accepts_a_post(data):
    objects, users = data
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["secretariat_a"])
    before = fingerprint()
    problems = []
    for name, url in targets(objects):
        if name.startswith("api:"):
            continue  # the read-only API answers POST with 405 before any CSRF check (asserted below)
        with transaction.atomic():
            response = client.post(url, {"title": "Uden CSRF"})
            changed = fingerprint() != before
            transaction.set_rollback(True)
        if response.status_code != 403 or changed:
            problems.append(f"POST {url} ({name}) without a CSRF token: {response.status_code}, changed={changed}")
    assert not problems, "\n".join(problems)
    assert client.post(reverse("api:list_bodies")).status_code == 405
