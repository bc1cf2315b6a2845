"""Named choices with Danish labels."""

from django.db import models


class OrganisationKind(models.TextChoices):
    REGION = "region", "Region"
    HOSPITAL_UNIT = "hospital_unit", "Hospitalsenhed"
    PSYCHIATRY = "psychiatry", "Psykiatri"
    MUNICIPALITY = "municipality", "Kommune"
    GENERAL_PRACTICE = "general_practice", "Almen praksis"
    PATIENT_ORGANISATION = "patient_organisation", "Patientorganisation"
    OTHER = "other", "Anden"


class Role(models.TextChoices):
    CHAIR = "chair", "Formand"
    CO_CHAIR = "co_chair", "Medformand"
    MEMBER = "member", "Medlem"
    SUBSTITUTE = "substitute", "Suppleant"
    SECRETARIAT = "secretariat", "Sekretariat"
    PATIENT_REPRESENTATIVE = "patient_representative", "Patient- og pårørenderepræsentant"
    OBSERVER = "observer", "Observatør"


# Roles that chair a body; shown in the co-chair view.
CHAIR_ROLES = (Role.CHAIR, Role.CO_CHAIR)
# Order of roles on a body page.
ROLE_ORDER = [Role.CHAIR, Role.CO_CHAIR, Role.MEMBER, Role.PATIENT_REPRESENTATIVE,
              Role.SUBSTITUTE, Role.OBSERVER, Role.SECRETARIAT]
