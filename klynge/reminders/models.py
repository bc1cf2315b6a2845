"""Which reminders have gone out: one row per (reminder, person), so a reminder is never sent twice."""

from django.db import models

from klynge.core.models import CprCheckedModel


class SentReminder(CprCheckedModel):
    """A reminder queued in the outbox for one person. ``key`` names what it reminded of and when
    ("meeting:12:before", "task:7:due", "task:7:overdue"); a second run finds the row and sends nothing."""

    key = models.CharField("påmindelse", max_length=80)
    person = models.ForeignKey("organisation.Person", verbose_name="person", on_delete=models.CASCADE,
                               related_name="+")
    sent_at = models.DateTimeField("lagt i udbakken", auto_now_add=True)

    class Meta:
        verbose_name = "sendt påmindelse"
        verbose_name_plural = "sendte påmindelser"
        constraints = [models.UniqueConstraint(fields=["key", "person"], name="reminder_once_per_person")]

    def __str__(self):
        return f"{self.key} til person {self.person_id}"
