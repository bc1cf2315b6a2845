"""Named choices with Danish labels."""

from django.db import models


class TeamStatus(models.TextChoices):
    PROPOSED = "proposed", "Foreslået"
    SELECTED = "selected", "Udvalgt"
    REGISTERED = "registered", "Indmeldt"
    RUNNING = "running", "I gang"
    COMPLETED = "completed", "Afsluttet"
    DECLINED = "declined", "Ikke udvalgt"


# A team is part of the programme's public record from the moment it is selected; a proposal (or one
# not selected) is the cluster's internal preparation.
PUBLIC_STATUSES = (TeamStatus.SELECTED, TeamStatus.REGISTERED, TeamStatus.RUNNING, TeamStatus.COMPLETED)


class TeamRole(models.TextChoices):
    CHAIR = "chair", "Formand"
    CO_CHAIR = "co_chair", "Medformand"
    MEMBER = "member", "Deltager"
    SPARRING = "sparring", "Sparringspartner"


CHAIR_ROLES = (TeamRole.CHAIR, TeamRole.CO_CHAIR)
# Sparring partners support the team; they are not counted among its members.
COUNTED_ROLES = (TeamRole.CHAIR, TeamRole.CO_CHAIR, TeamRole.MEMBER)


class DeadlineKind(models.TextChoices):
    PROPOSALS = "proposals", "Frist for projektforslag"
    DECISION = "decision", "Beslutning om projekter"
    REGISTRATION = "registration", "Frist for indmelding"
    START = "start", "Opstart"
    MODULE = "module", "Undervisningsmodul"
    END = "end", "Afslutning"
    REPORT = "report", "Afrapportering til politisk niveau"
    OTHER = "other", "Andet"
