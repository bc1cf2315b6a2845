from .followup import MinutesComment, Proposal, Task
from .items import AgendaItem, Attachment, Recommendation
from .matters import Matter
from .meeting import Attendance, Meeting, MinutesRevision

__all__ = [
    "AgendaItem", "Attachment", "Attendance", "Matter", "Meeting", "MinutesComment", "MinutesRevision", "Proposal",
    "Recommendation", "Task",
]
