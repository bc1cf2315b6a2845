from .bodies import Body, BodyKind, BodyLevel, ChairRotation, Mandate
from .parties import Organisation
from .people import Affiliation, Membership, Person

__all__ = [
    "Affiliation", "Body", "BodyKind", "BodyLevel", "ChairRotation", "Mandate",
    "Membership", "Organisation", "Person",
]
