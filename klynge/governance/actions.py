"""Writes of written procedures: each refuses bad input with a Danish message and writes nothing then."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from klynge.meetings.actions import renumber
from klynge.meetings.choices import ItemKind, MeetingStatus
from klynge.meetings.models import AgendaItem, Meeting
from klynge.organisation.choices import Role
from klynge.organisation.models import Membership, Person

from . import rules
from .choices import ProcedureStatus, Vote
from .models import ProcedureAnswer, WrittenProcedure

# Who is asked by default: the members with a vote, not the secretariat or observers.
ASKED_ROLES = (Role.CHAIR, Role.CO_CHAIR, Role.MEMBER, Role.PATIENT_REPRESENTATIVE)


def default_members(body):
    """The body's active members who take part in its decisions (the form's preselection)."""
    ids = (Membership.objects.active().filter(body=body, role__in=ASKED_ROLES)
           .values_list("person_id", flat=True))
    return Person.objects.filter(pk__in=set(ids)).order_by("name")


@transaction.atomic
def start_procedure(*, body, title: str, proposal: str, deadline, persons, user=None,
                    closed_item: bool = False) -> WrittenProcedure:
    persons = list(persons)
    if not persons:
        raise ValidationError("Vælg mindst ét medlem, der skal svare.")
    if deadline <= timezone.now():
        raise ValidationError("Svarfristen er allerede overskredet. Vælg et tidspunkt i fremtiden.")
    procedure = WrittenProcedure(body=body, title=title.strip(), proposal=proposal.strip(), deadline=deadline,
                                 created_by=user if getattr(user, "is_authenticated", False) else None,
                                 closed_item=closed_item)
    procedure.full_clean()
    procedure.save()
    ProcedureAnswer.objects.bulk_create([ProcedureAnswer(procedure=procedure, person=p) for p in persons])
    return procedure


@transaction.atomic
def give_answer(procedure: WrittenProcedure, answer: ProcedureAnswer, vote: str, comment: str = "",
                now=None) -> ProcedureAnswer:
    now = now or timezone.now()
    if procedure.status != ProcedureStatus.OPEN:
        raise ValidationError("Den skriftlige procedure er afsluttet; der kan ikke længere svares.")
    if now > procedure.deadline:
        raise ValidationError("Svarfristen er overskredet; dit svar er ikke gemt.")
    if vote not in Vote.values:
        raise ValidationError("Vælg, om du tiltræder forslaget, ikke tiltræder eller undlader at stemme.")
    answer.vote, answer.comment, answer.answered_at = vote, comment.strip(), now
    answer.full_clean()
    answer.save()
    return answer


@transaction.atomic
def close_procedure(procedure: WrittenProcedure, decision: str, user=None) -> WrittenProcedure:
    """Record the outcome (by the votes) and the decision; report it at the body's next meeting if one is planned."""
    procedure = WrittenProcedure.objects.select_for_update().get(pk=procedure.pk)
    if procedure.status != ProcedureStatus.OPEN:
        raise ValidationError("Den skriftlige procedure er allerede afsluttet.")
    if not decision.strip():
        raise ValidationError("Skriv beslutningen, som den skal stå i referatet.")
    procedure.outcome = rules.outcome_of(procedure.answers.values_list("vote", flat=True))
    procedure.decision = decision.strip()
    procedure.status = ProcedureStatus.CLOSED
    procedure.closed_at = timezone.now()
    procedure._change_reason = "Skriftlig procedure afsluttet"
    procedure.save()
    meeting = next_meeting(procedure.body)
    if meeting is not None:
        report_at_meeting(procedure, meeting)
    return procedure


def next_meeting(body):
    """The body's next meeting whose agenda is not yet published."""
    return (Meeting.objects.filter(body=body, status=MeetingStatus.PLANNED, date__gte=timezone.localdate())
            .order_by("date", "start").first())


@transaction.atomic
def report_at_meeting(procedure: WrittenProcedure, meeting) -> AgendaItem:
    """A written briefing on the meeting's agenda with the procedure's outcome and decision."""
    if procedure.status != ProcedureStatus.CLOSED:
        raise ValidationError("Kun en afsluttet skriftlig procedure kan sættes på dagsordenen.")
    if procedure.reported_item_id:
        raise ValidationError("Resultatet er allerede sat på en dagsorden.")
    if meeting.body_id != procedure.body_id or meeting.status != MeetingStatus.PLANNED:
        raise ValidationError("Vælg et planlagt møde i samme organ, hvis dagsorden ikke er offentliggjort.")
    votes = rules.tally(procedure.answers.values_list("vote", flat=True))
    last = meeting.items.order_by("-position").first()
    item = AgendaItem.objects.create(
        meeting=meeting, position=(last.position + 1) if last else 0, kind=ItemKind.WRITTEN_BRIEFING,
        title=f"Skriftlig orientering: Resultat af skriftlig procedure om {procedure.title}"[:300],
        closed=procedure.closed_item,
        summary=(f"{procedure.body} har truffet beslutning ved skriftlig procedure med svarfrist "
                 f"{rules.danish(timezone.localtime(procedure.deadline).date())}. "
                 f"Udfald: {procedure.get_outcome_display().lower()} ({votes['agree']} tiltræder, "
                 f"{votes['disagree']} tiltræder ikke, {votes['abstain']} undlader, "
                 f"{votes['silent']} har ikke svaret)."),
        description=f"Forslaget:\n{procedure.proposal}\n\nBeslutningen:\n{procedure.decision}",
    )
    renumber(meeting)
    procedure.reported_item = item
    procedure.save(update_fields=["reported_item", "version", "modified"])
    return item
