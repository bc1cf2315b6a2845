"""Named choices with Danish labels for the meeting cycle."""

from django.db import models


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planlagt"
    AGENDA_PUBLISHED = "agenda_published", "Dagsorden offentliggjort"
    HELD = "held", "Afholdt"
    MINUTES_DRAFT = "minutes_draft", "Referat i udkast"
    MINUTES_IN_REVIEW = "minutes_in_review", "Referat sendt til kommentering"
    MINUTES_APPROVED = "minutes_approved", "Referat godkendt"
    MINUTES_PUBLISHED = "minutes_published", "Referat offentliggjort"
    CANCELLED = "cancelled", "Aflyst"


# The order of the cycle; cancelled stands outside it.
STATUS_ORDER = [
    MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT,
    MeetingStatus.MINUTES_IN_REVIEW, MeetingStatus.MINUTES_APPROVED, MeetingStatus.MINUTES_PUBLISHED,
]
# Allowed moves: status -> statuses it may move to. Only forward (rules.moves_forward): a published
# agenda is not withdrawn (the meeting is cancelled or the agenda corrected), and minutes in review stay
# editable, so there is no way back to the draft.
TRANSITIONS = {
    MeetingStatus.PLANNED: {MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.CANCELLED},
    MeetingStatus.AGENDA_PUBLISHED: {MeetingStatus.HELD, MeetingStatus.CANCELLED},
    MeetingStatus.HELD: {MeetingStatus.MINUTES_DRAFT},
    MeetingStatus.MINUTES_DRAFT: {MeetingStatus.MINUTES_IN_REVIEW, MeetingStatus.MINUTES_APPROVED},
    MeetingStatus.MINUTES_IN_REVIEW: {MeetingStatus.MINUTES_APPROVED},
    MeetingStatus.MINUTES_APPROVED: {MeetingStatus.MINUTES_PUBLISHED},
    MeetingStatus.MINUTES_PUBLISHED: set(),
    MeetingStatus.CANCELLED: {MeetingStatus.PLANNED},
}
# Statuses in which the agenda is public.
AGENDA_PUBLIC = set(STATUS_ORDER[1:])
# Statuses in which members may read the minutes; the public only when published.
MINUTES_FOR_MEMBERS = {MeetingStatus.MINUTES_IN_REVIEW, MeetingStatus.MINUTES_APPROVED, MeetingStatus.MINUTES_PUBLISHED}
MINUTES_LOCKED = {MeetingStatus.MINUTES_APPROVED, MeetingStatus.MINUTES_PUBLISHED}


class PlaceKind(models.TextChoices):
    PHYSICAL = "physical", "Fysisk møde"
    VIRTUAL = "virtual", "Virtuelt møde"
    HYBRID = "hybrid", "Fysisk og virtuelt"


class ItemKind(models.TextChoices):
    DECISION = "decision", "Beslutning"
    DISCUSSION = "discussion", "Drøftelse"
    ORIENTATION = "orientation", "Orientering"
    WRITTEN_BRIEFING = "written_briefing", "Skriftlig orientering"
    BREAK = "break", "Pause"
    WELCOME = "welcome", "Velkomst"
    AGENDA_APPROVAL = "agenda_approval", "Godkendelse af dagsorden"
    ANY_OTHER_BUSINESS = "any_other_business", "Eventuelt"


# Items that take no time in the plan and come after the main items.
AFTER_MAIN_ITEMS = {ItemKind.WRITTEN_BRIEFING}
# Items whose minutes may be approved without a recorded decision or outcome.
NO_DECISION_NEEDED = {ItemKind.BREAK, ItemKind.WRITTEN_BRIEFING, ItemKind.WELCOME, ItemKind.ANY_OTHER_BUSINESS}


class MatterRole(models.TextChoices):
    """What an item did with a matter, derived from the item's kind."""

    INFORMATION = "information", "Til orientering"
    DISCUSSION = "discussion", "Til drøftelse"
    DECISION = "decision", "Til beslutning"


ROLE_BY_KIND = {
    ItemKind.DECISION: MatterRole.DECISION,
    ItemKind.DISCUSSION: MatterRole.DISCUSSION,
    ItemKind.ORIENTATION: MatterRole.INFORMATION,
    ItemKind.WRITTEN_BRIEFING: MatterRole.INFORMATION,
}


class Outcome(models.TextChoices):
    APPROVED = "approved", "Godkendt"
    APPROVED_WITH_CHANGES = "approved_with_changes", "Godkendt med ændringer"
    NOTED = "noted", "Taget til efterretning"
    DISCUSSED = "discussed", "Drøftet"
    POSTPONED = "postponed", "Udsat"
    NOT_APPROVED = "not_approved", "Ikke godkendt"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Deltog"
    APOLOGIES = "apologies", "Afbud"
    SUBSTITUTE = "substitute", "Deltog som stedfortræder"
    GUEST = "guest", "Gæst"


class TaskOwnerKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Part"
    SECRETARIAT = "secretariat", "Sekretariatet"


class TaskStatus(models.TextChoices):
    OPEN = "open", "Åben"
    IN_PROGRESS = "in_progress", "I gang"
    DONE = "done", "Løst"
    CANCELLED = "cancelled", "Annulleret"


OPEN_TASK_STATUSES = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)

RECURRENCE_CHOICES = [(12, "Hvert år"), (6, "Hvert halve år"), (3, "Hvert kvartal"), (24, "Hvert andet år")]


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "Afventer"
    ACCEPTED = "accepted", "Optaget på dagsorden"
    DECLINED = "declined", "Afvist"
