from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from klynge.core import formats
from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import AgendaItem, Meeting
from klynge.organisation.forms import DATE_INPUT, DkfdsFormMixin

from .choices import Answer
from .models import Appointment, CitizenGroup, Fulfilment, InvitationAnswer, Obligation


def groups_for(body):
    """Citizen groups of the body's region first; groups without a region are offered everywhere."""
    region = body.effective_region() if body is not None else None
    qs = CitizenGroup.objects.all()
    if region is not None:
        qs = qs.filter(Q(region=region) | Q(region__isnull=True))
    return qs.order_by("kind", "name")


class InvitationQuestionForm(DkfdsFormMixin, forms.Form):
    """Asked when a sub-body or an initiative is set up. Unanswered, nothing is recorded and the
    involvement page lists the sub-body as not answered."""

    answer = forms.ChoiceField(
        label="Inviteres repræsentanter for patienter og pårørende?", required=False,
        choices=[("", "Vælg svar"), *Answer.choices],
        help_text="Den fælles model for patientinddragelse: ved nedsættelse af arbejdsgrupper og igangsættelse af "
                  "indsatser inviteres repræsentanter fra Patientinddragelsesudvalget, hvor det giver mening. "
                  "Svaret vises på organets side om inddragelse.")
    group = forms.ModelChoiceField(label="Hvilken borgergruppe", queryset=CitizenGroup.objects.none(), required=False,
                                   empty_label="Vælg borgergruppe")
    reason = forms.CharField(label="Begrundelse, hvis nej", required=False, max_length=500)

    def __init__(self, *args, scope_body=None, what="", **kwargs):
        kwargs.setdefault("prefix", "inddragelse")
        super().__init__(*args, **kwargs)
        self.scope_body, self.what = scope_body, what
        self.fields["group"].queryset = groups_for(scope_body)
        first = self.fields["group"].queryset.first()
        if first is not None:
            self.fields["group"].initial = first.pk

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == Answer.NOT_INVITED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Skriv, hvorfor der ikke inviteres repræsentanter.")
        if cleaned.get("answer") == Answer.INVITED and not cleaned.get("group") and self.fields["group"].queryset:
            self.add_error("group", "Vælg, hvilken borgergruppe der inviteres.")
        return cleaned

    def save_answer(self, obj, user):
        answer = self.cleaned_data.get("answer")
        if not answer:
            return None
        record = InvitationAnswer(
            body=self.scope_body, subject_type=ContentType.objects.get_for_model(obj), subject_id=obj.pk,
            subject_label=str(obj)[:300], group=self.cleaned_data.get("group"), answer=answer,
            reason=(self.cleaned_data.get("reason") or "").strip(), date=timezone.localdate(),
            recorded_by=user if getattr(user, "is_authenticated", False) else None)
        record.full_clean()
        record.save()
        return record


class ObligationForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Obligation
        fields = ["group", "part", "cadence", "title", "description", "valid_from", "valid_to", "source_text"]
        widgets = {"valid_from": DATE_INPUT, "valid_to": DATE_INPUT, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups_for(self.instance.body)


class FulfilmentForm(DkfdsFormMixin, forms.ModelForm):
    """Record that an item, a meeting or a note meets an obligation."""

    class Meta:
        model = Fulfilment
        fields = ["item", "meeting", "date", "note"]
        widgets = {"date": DATE_INPUT}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from klynge.meetings import visibility

        body = self.instance.obligation.body
        meetings = Meeting.objects.for_bodies([body.pk]).exclude(status=MeetingStatus.CANCELLED)
        self.fields["meeting"].queryset = meetings.select_related("body").order_by("-date")
        self.fields["item"].queryset = (AgendaItem.objects.filter(meeting__in=meetings.values("pk"))
                                        .filter(visibility.visible_items_q(user))
                                        .select_related("meeting__body").order_by("-meeting__date", "position"))
        self.fields["item"].label_from_instance = lambda i: (
            f"{i.meeting.display_title} {formats.date(i.meeting.date)}: {i}")
        self.fields["date"].required = False
        self.fields["date"].help_text = "Tom: mødets dato."

    def clean(self):
        cleaned = super().clean()
        item, meeting = cleaned.get("item"), cleaned.get("meeting")
        if item is not None and meeting is None:
            cleaned["meeting"] = self.instance.meeting = item.meeting
        if not cleaned.get("date"):
            chosen = cleaned.get("meeting")
            if chosen is None:
                self.add_error("date", "Angiv datoen, når der ikke er valgt et møde eller punkt.")
            else:
                cleaned["date"] = self.instance.date = chosen.date
        return cleaned


class InvitationAnswerForm(DkfdsFormMixin, forms.ModelForm):
    """The answer for a sub-body recorded later, from the involvement page."""

    class Meta:
        model = InvitationAnswer
        fields = ["answer", "group", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups_for(self.instance.body)
        self.fields["group"].required = False


class AppointmentForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Appointment
        fields = ["appointed_by", "term", "appointed_on", "represents", "note"]
        widgets = {"appointed_on": DATE_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["appointed_by"].queryset = groups_for(self.instance.membership.body)
