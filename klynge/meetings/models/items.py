from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator
from django.db import models
from django.urls import reverse

from klynge.core.models import TrackedModel
from klynge.core.text import rich_text_from_input

from ..choices import AFTER_MAIN_ITEMS, NO_DECISION_NEEDED, ItemKind, Outcome
from .versioned import VersionedModel

ATTACHMENT_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "pptx", "ppt", "odt", "ods", "odp", "txt", "csv",
                         "png", "jpg", "jpeg"]


class AgendaItem(VersionedModel, TrackedModel):
    """An item (punkt) on a meeting's agenda, with its minutes and decision."""

    meeting = models.ForeignKey("meetings.Meeting", verbose_name="møde", on_delete=models.CASCADE,
                                related_name="items")
    position = models.PositiveIntegerField("rækkefølge", default=0)
    number = models.PositiveIntegerField("nummer", default=0, help_text="Sættes automatisk ud fra rækkefølgen.")
    title = models.CharField("titel", max_length=300)
    kind = models.CharField("type", max_length=30, choices=ItemKind.choices, default=ItemKind.DECISION)
    presenters = models.ManyToManyField("organisation.Person", verbose_name="fremlægges af", blank=True,
                                        related_name="presented_items")
    duration_minutes = models.PositiveIntegerField("varighed (minutter)", default=0,
                                                   validators=[MaxValueValidator(24 * 60)])
    summary = models.TextField("resumé", blank=True)
    description = models.TextField(
        "sagsfremstilling", blank=True,
        help_text="Tom linje giver nyt afsnit; linjer med “- ” bliver til punktopstilling. Indsat HTML renses.",
    )
    closed = models.BooleanField("lukket punkt", default=False,
                                 help_text="Et lukket punkt vises kun for organets medlemmer og sekretariat.")
    case_number = models.CharField("journalnummer", max_length=60, blank=True, db_index=True)
    matter = models.ForeignKey("meetings.Matter", verbose_name="sag", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="items")
    minutes = models.TextField("referat", blank=True)
    decision = models.TextField("beslutning", blank=True)

    class Meta:
        verbose_name = "punkt"
        verbose_name_plural = "punkter"
        ordering = ["meeting", "position", "pk"]

    def __str__(self):
        # A break takes a place but no number: it is named by its title, never "Punkt 0".
        return f"Punkt {self.number}: {self.title}" if self.number else self.title

    def get_absolute_url(self):
        anchor = f"punkt-{self.number}" if self.number else f"pause-{self.pk}"
        return reverse("meetings:meeting", args=[self.meeting_id]) + f"#{anchor}"

    @property
    def is_after_main_items(self) -> bool:
        return self.kind in AFTER_MAIN_ITEMS

    @property
    def needs_decision(self) -> bool:
        """Items whose minutes must record an outcome before publishing."""
        return self.kind not in NO_DECISION_NEEDED

    def save(self, *args, **kwargs):
        self.description = rich_text_from_input(self.description)
        super().save(*args, **kwargs)


class Recommendation(TrackedModel):
    """A numbered recommendation (indstilling) and the outcome the body gave it."""

    item = models.ForeignKey(AgendaItem, verbose_name="punkt", on_delete=models.CASCADE,
                             related_name="recommendations")
    number = models.PositiveIntegerField("nummer")
    text = models.TextField("indstilling")
    outcome = models.CharField("udfald", max_length=30, choices=Outcome.choices, blank=True)
    decision_text = models.TextField("beslutning", blank=True)

    class Meta:
        verbose_name = "indstilling"
        verbose_name_plural = "indstillinger"
        ordering = ["item", "number"]
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="recommendation_number_per_item")]

    def __str__(self):
        return f"{self.number}. {self.text[:80]}"


def attachment_upload_path(instance, filename):
    return f"bilag/{instance.item.meeting_id}/{instance.item_id}/{filename}"


class Attachment(TrackedModel):
    """A file attached to an item (bilag). Closed with its item."""

    item = models.ForeignKey(AgendaItem, verbose_name="punkt", on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField("titel", max_length=300)
    file = models.FileField("fil", upload_to=attachment_upload_path, blank=True, max_length=500,
                            validators=[FileExtensionValidator(ATTACHMENT_EXTENSIONS)])
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    size = models.BigIntegerField("størrelse", default=0)
    position = models.PositiveIntegerField("rækkefølge", default=0)
    contains_cpr = models.BooleanField(
        "indeholder CPR-nummer", default=False,
        help_text="Sat af CPR-scanningen af filens indhold ved upload; filen vises så kun for sekretariatet.",
    )
    text = models.TextField("tekst", blank=True, editable=False,
                            help_text="Filens tekst, læst ved upload, til søgningen; tom for en fil med CPR-nummer.")

    class Meta:
        verbose_name = "bilag"
        verbose_name_plural = "bilag"
        ordering = ["item", "position", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:attachment", args=[self.pk])

    def clean(self):
        if not self.title and not self.file:
            raise ValidationError("Et bilag skal have en titel eller en fil.")
