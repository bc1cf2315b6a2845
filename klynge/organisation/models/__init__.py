from .bodies import Body, BodyKind, BodyLevel, ChairRotation, Mandate
from .parties import Organisation
from .people import Affiliation, Membership, Person
from .succession import BodyArea, OrganisationSuccession, Succession

__all__ = [
    "Affiliation", "Body", "BodyArea", "BodyKind", "BodyLevel", "ChairRotation", "Mandate",
    "Membership", "Organisation", "OrganisationSuccession", "Person", "Succession",
]
