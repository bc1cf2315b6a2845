from .followup import MinutesComment, Proposal, Task
from .items import AgendaItem, Attachment, Recommendation
from .matters import Matter, MatterMove
from .meeting import Attendance, Meeting, MinutesRevision
from .personal import MailPreference, PersonalFeed

__all__ = [
    "AgendaItem", "Attachment", "Attendance", "MailPreference", "Matter", "MatterMove", "Meeting", "MinutesComment",
    "MinutesRevision", "PersonalFeed", "Proposal",
    "Recommendation", "Task",
]
