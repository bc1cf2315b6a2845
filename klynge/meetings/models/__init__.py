from .followup import MinutesComment, Proposal, Task
from .items import AgendaItem, Attachment, Recommendation
from .matters import Matter, MatterMove
from .meeting import Attendance, Meeting, MinutesRevision
from .personal import MailPreference, PersonalFeed
from .roles import CompositionApproval, MeetingRole, MeetingRoleKind

__all__ = [
    "AgendaItem", "Attachment", "Attendance", "MailPreference", "Matter", "MatterMove", "Meeting", "MinutesComment",
    "MinutesRevision", "PersonalFeed", "Proposal",
    "CompositionApproval", "MeetingRole", "MeetingRoleKind",
    "Recommendation", "Task",
]
