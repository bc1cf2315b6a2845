from .bodies import Body, BodyKind, BodyLevel, ChairRotation, Mandate
from .parties import Organisation
from .people import Affiliation, Membership, Person
from .succession import BodyArea, OrganisationSuccession, Succession
from .terms import ElectoralTerm, TermKind

__all__ = [
    "Affiliation", "Body", "BodyArea", "BodyKind", "BodyLevel", "ChairRotation", "ElectoralTerm", "Mandate",
    "Membership", "Organisation", "OrganisationSuccession", "Person", "Succession", "TermKind",
]
from .composition import CompositionVersion, SeatRule  # noqa: E402

__all__ += ["CompositionVersion", "SeatRule"]
