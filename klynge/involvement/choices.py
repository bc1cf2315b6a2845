"""Named choices with Danish labels."""

from django.db import models


class GroupKind(models.TextChoices):
    PATIENT_COMMITTEE = "patient_committee", "Patientinddragelsesudvalg"
    ELDERLY_COUNCIL = "elderly_council", "Ældreråd"
    USER_COUNCIL = "user_council", "Brugerråd"
    YOUNG_PEOPLE = "young_people", "Unge (ungeråd, ungepanel)"
    PATIENT_ORGANISATION = "patient_organisation", "Patient- eller pårørendeorganisation"
    OTHER = "other", "Anden borgergruppe"


class Part(models.TextChoices):
    """The four parts of the common model for patient involvement in the political clusters (Region
    Midtjylland, approved by Sundhedssamarbejdsudvalget in writing 6 October 2023), and room for more."""

    DIALOGUE_MEETING = "dialogue_meeting", "Dialogmøde"
    JOINT_MEETING = "joint_meeting", "Fællesmøde"
    STATUS_BRIEFING = "status_briefing", "Orientering om status på inddragelse"
    INVITATION = "invitation", "Invitation ved nedsættelse af arbejdsgrupper og indsatser"
    OTHER = "other", "Anden forpligtelse"


class Cadence(models.TextChoices):
    YEARLY = "yearly", "Hvert kalenderår"
    PER_TERM = "per_term", "Én gang i valgperioden"
    EVERY_MEETING = "every_meeting", "På hvert møde i organet"
    ON_SETUP = "on_setup", "Ved hver ny arbejdsgruppe eller indsats"


class Answer(models.TextChoices):
    INVITED = "invited", "Ja, repræsentanter inviteres"
    NOT_INVITED = "not_invited", "Nej, ikke i denne sammenhæng"


class Status(models.TextChoices):
    MET = "met", "Opfyldt"
    DUE = "due", "Skal opfyldes"
    MISSED = "missed", "Ikke opfyldt"
