import datetime
import uuid
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from klynge.core import formats
from klynge.core.models import CprCheckedQuerySet, TrackedModel

from ..choices import (
    AGENDA_PUBLIC,
    MINUTES_LOCKED,
    AttendanceStatus,
    MeetingStatus,
    PlaceKind,
)
from .versioned import VersionedModel


class MeetingQuerySet(CprCheckedQuerySet):
    def for_bodies(self, body_ids):
        """Meetings held by any of these bodies: as the lead host or together with it (``co_hosts``).

        The co-hosts are read in a subquery, so a meeting is listed once however many of its hosts
        are among ``body_ids`` and the list costs no extra query."""
        ids = body_ids if isinstance(body_ids, models.QuerySet) else list(body_ids)  # a QuerySet stays a subquery
        through = Meeting.co_hosts.through.objects.filter(body_id__in=ids).values("meeting_id")
        return self.filter(Q(body_id__in=ids) | Q(pk__in=through))

    hosted_by = for_bodies

    def upcoming(self, on: datetime.date):
        return self.filter(date__gte=on).exclude(status=MeetingStatus.CANCELLED)


class Meeting(VersionedModel, TrackedModel):
    """A meeting of a body, from planning through published minutes."""

    body = models.ForeignKey("organisation.Body", verbose_name="organ", on_delete=models.PROTECT,
                             related_name="meetings")
    title = models.CharField("titel", max_length=200, blank=True,
                             help_text="Valgfri; ellers bruges organets navn.")
    date = models.DateField("dato")
    start = models.TimeField("start")
    end = models.TimeField("slut")
    place_kind = models.CharField("mødeform", max_length=20, choices=PlaceKind.choices, default=PlaceKind.PHYSICAL)
    address = models.CharField("mødested", max_length=300, blank=True)
    online_link = models.URLField("link til virtuelt møde", blank=True)
    status = models.CharField("status", max_length=30, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    cancelled_reason = models.CharField("begrundelse for aflysning", max_length=300, blank=True)
    # Calendar: a stable UID for the life of the meeting; SEQUENCE grows with every move.
    uid = models.UUIDField("kalender-UID", default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField("kalenderversion", default=0, editable=False)
    agenda_published_at = models.DateTimeField("dagsorden offentliggjort", null=True, blank=True)
    minutes_approved_at = models.DateTimeField("referat godkendt", null=True, blank=True)
    minutes_published_at = models.DateTimeField("referat offentliggjort", null=True, blank=True)
    minutes_note = models.TextField("generelt om referatet", blank=True)
    source_document = models.ForeignKey(
        "documents.SourceDocument", verbose_name="importeret fra", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="meetings",
    )
    # A joint meeting (fællesmøde): ``body`` is the lead host whose secretariat created it; these bodies
    # hold it together with it. One agenda, one set of minutes; it appears in every host's calendar,
    # feeds, archive and API listings (``MeetingQuerySet.for_bodies``). The secretariat of any host may
    # edit it and the members of any host see its closed items (``visibility``).
    co_hosts = models.ManyToManyField(
        "organisation.Body", verbose_name="afholdes sammen med", blank=True, related_name="cohosted_meetings",
        help_text="Et fællesmøde: organer, der holder mødet sammen med dette organ (én dagsorden, ét referat).",
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = "møde"
        verbose_name_plural = "møder"
        ordering = ["-date", "-start"]
        indexes = [models.Index(fields=["body", "date"]), models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.display_title} {formats.date(self.date)}"

    @property
    def display_title(self) -> str:
        return self.title or self.body.name

    def host_ids(self) -> set[int]:
        """The lead host and every co-host (from a prefetch when there is one; else one query, cached)."""
        cached = getattr(self, "_host_ids", None)
        if cached is None:
            if not self.pk:
                cached = {self.body_id}
            elif (prefetched := self._prefetched_co_hosts()) is not None:
                cached = {self.body_id, *(b.pk for b in prefetched)}
            else:
                cached = {self.body_id, *Meeting.co_hosts.through.objects.filter(meeting_id=self.pk)
                          .values_list("body_id", flat=True)}
            self._host_ids = cached
        return set(cached)

    @classmethod
    def co_host_ids(cls, meeting_ids) -> dict[int, list[int]]:
        """The co-hosts of many meetings as ids, one query, no body built: for pages that decide by who holds a
        meeting rather than name its hosts (a matter's hundreds of treatments). {meeting id: [body id, ...]}."""
        ids = sorted(set(meeting_ids))
        co_hosts = defaultdict(list)
        for meeting_id, body_id in (cls.co_hosts.through.objects.filter(meeting_id__in=ids)
                                    .values_list("meeting_id", "body_id") if ids else ()):
            co_hosts[meeting_id].append(body_id)
        return co_hosts

    def known_co_hosts(self, body_ids) -> None:
        """Sets the co-hosts ``host_ids`` gives (read by ``co_host_ids``), so it does not read them again."""
        self._host_ids = {self.body_id, *body_ids}

    def _prefetched_co_hosts(self):
        """The co-hosts a prefetch loaded, or None: ``Prefetch("co_hosts", to_attr="co_host_rows")`` (a list,
        for pages of hundreds of meetings) or a plain ``prefetch_related("co_hosts")`` (its evaluated
        queryset, read as it is: ``co_hosts.all()`` would build a manager and a queryset per call)."""
        rows = getattr(self, "co_host_rows", None)
        if rows is not None:
            return rows
        return getattr(self, "_prefetched_objects_cache", {}).get("co_hosts")

    def co_host_list(self) -> list:
        """The co-hosts by name (uses a prefetch when there is one)."""
        if not self.pk:
            return []
        prefetched = self._prefetched_co_hosts()
        return sorted(self.co_hosts.all() if prefetched is None else prefetched, key=lambda b: b.name)

    def hosts_text(self) -> str:
        """Danish: the lead host, then the co-hosts ("A, B og C")."""
        names = [self.body.name, *(b.name for b in self.co_host_list())]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]

    @property
    def is_joint(self) -> bool:
        return len(self.host_ids()) > 1

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.pk])

    @property
    def agenda_is_public(self) -> bool:
        return self.status in AGENDA_PUBLIC

    @property
    def minutes_locked(self) -> bool:
        return self.status in MINUTES_LOCKED

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def agenda_open(self) -> bool:
        """Items may be added, edited, moved and deleted: not once the minutes are approved, nor when cancelled."""
        return not self.minutes_locked and not self.is_cancelled

    def starts_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.start)

    def ends_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.end)

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "Mødet skal slutte efter, det starter."})
        if self.place_kind in (PlaceKind.VIRTUAL, PlaceKind.HYBRID) and not self.online_link and not self.address:
            raise ValidationError({"online_link": "Angiv et link til det virtuelle møde."})
        if self.place_kind in (PlaceKind.PHYSICAL, PlaceKind.HYBRID) and not self.address:
            raise ValidationError({"address": "Angiv mødestedet."})
        if self.body_id and self.date and not self.body.is_active(self.date):
            forward = self.body.forward_text(self.date)
            raise ValidationError({"date": forward or f"{self.body} er ikke aktivt på denne dato."})


class Attendance(TrackedModel):
    """Who took part: present, apologies, substitutes ('deltog på vegne af'), guests."""

    meeting = models.ForeignKey(Meeting, verbose_name="møde", on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey("organisation.Person", verbose_name="person", on_delete=models.PROTECT,
                               related_name="attendance")
    status = models.CharField("deltagelse", max_length=20, choices=AttendanceStatus.choices,
                              default=AttendanceStatus.PRESENT)
    organisation = models.ForeignKey("organisation.Organisation", verbose_name="repræsenterer", null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")
    title = models.CharField("titel", max_length=200, blank=True)
    on_behalf_of = models.ForeignKey("organisation.Person", verbose_name="på vegne af", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="substituted_by")
    item = models.ForeignKey("meetings.AgendaItem", verbose_name="gæst til punkt", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="guests")

    class Meta:
        verbose_name = "deltagelse"
        verbose_name_plural = "deltagelse"
        ordering = ["status", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once_per_meeting",
                                    violation_error_message="Personen er allerede registreret ved mødet."),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"

    def clean(self):
        if self.status == AttendanceStatus.SUBSTITUTE and not self.on_behalf_of_id:
            raise ValidationError({"on_behalf_of": "Angiv, hvem stedfortræderen deltog på vegne af."})
        if self.on_behalf_of_id and self.on_behalf_of_id == self.person_id:
            raise ValidationError({"on_behalf_of": "En person kan ikke deltage på vegne af sig selv."})


class MinutesRevision(TrackedModel):
    """An explicit, reasoned correction of approved minutes, kept in the history."""

    meeting = models.ForeignKey(Meeting, verbose_name="møde", on_delete=models.CASCADE, related_name="revisions")
    reason = models.TextField("begrundelse")
    changes = models.JSONField("ændringer", default=list,
                               help_text="[{'field': ..., 'item': nummer, 'before': ..., 'after': ...}]")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="rettet af", null=True,
                                on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "rettelse af referat"
        verbose_name_plural = "rettelser af referater"
        ordering = ["created"]

    def __str__(self):
        return f"Rettelse af {self.meeting}: {self.reason[:60]}"
