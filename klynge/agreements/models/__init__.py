from .agreements import (
                         AgreementDocument,
                         AgreementKind,
                         AgreementPhase,
                         AgreementStatus,
                         CollaborationAgreement,
                         ensure_default_kinds,
)
from .followup import (
                         Answer,
                         ConsolidatedAnswer,
                         ConsolidatedItem,
                         FollowUpRound,
                         Question,
                         Recipient,
                         StatusReport,
                         hash_token,
)
from .framework import FrameworkAgreement, Goal, PriorityArea
from .implementation import ContactPerson, Implementation, ImplementationUpdate

__all__ = [
    "AgreementDocument", "AgreementKind", "AgreementPhase", "AgreementStatus", "Answer", "CollaborationAgreement",
    "ConsolidatedAnswer", "ConsolidatedItem", "ContactPerson", "FollowUpRound", "FrameworkAgreement", "Goal",
    "Implementation", "ImplementationUpdate", "PriorityArea", "Question", "Recipient", "StatusReport",
    "ensure_default_kinds", "hash_token",
]
