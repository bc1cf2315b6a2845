from django import forms

from klynge.core import formats
from klynge.organisation.forms import DkfdsFormMixin
from klynge.organisation.models import Body

from .choices import ImplementationStatus
from .models import ContactPerson, FollowUpRound, Question, StatusReport

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StatusForm(DkfdsFormMixin, forms.Form):
    """Set the status of one implementation row (the choices are the rows the user may set)."""

    row = forms.ChoiceField(label="Klynge eller part")
    status = forms.ChoiceField(label="Status", choices=ImplementationStatus.choices)
    date = forms.DateField(label="Status pr.", widget=DATE_INPUT)
    note = forms.CharField(label="Bemærkning", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["row"].choices = [(str(r.pk), f"{r.cluster} – {r.party}" if r.party_id else f"{r.cluster} (samlet)")
                                      for r in rows]


class ContactForm(DkfdsFormMixin, forms.ModelForm):
    row = forms.ChoiceField(label="Part")

    class Meta:
        model = ContactPerson
        fields = ["name", "email", "title"]

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["row"].choices = [(str(r.pk), f"{r.cluster} – {r.party}" if r.party_id else f"{r.cluster} (samlet)")
                                      for r in rows]
        self.order_fields(["row", "name", "email", "title"])


class RoundForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = FollowUpRound
        fields = ["title", "kind", "baseline", "cadence", "deadline", "reminder_days", "intro"]
        widgets = {"deadline": DATE_INPUT, "intro": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, agreement=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["baseline"].queryset = FollowUpRound.objects.filter(agreement=agreement)
        self.fields["baseline"].required = False


class QuestionForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "kind", "options", "scale_min", "scale_max", "required"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "options": forms.Textarea(attrs={"rows": 3})}


class BriefingForm(DkfdsFormMixin, forms.Form):
    meeting = forms.ChoiceField(label="Kommende møde")
    title = forms.CharField(label="Titel", max_length=280)
    summary = forms.CharField(label="Resumé", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    description = forms.CharField(label="Sagsfremstilling", required=False, widget=forms.Textarea(attrs={"rows": 10}))

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [(str(m.pk), f"{m.body} – {formats.date(m.date)}") for m in meetings]


class ReportForm(DkfdsFormMixin, forms.ModelForm):
    publish = forms.BooleanField(label="Offentliggør rapporten", required=False)

    class Meta:
        model = StatusReport
        fields = ["title", "as_of", "period_label", "foreword", "ongoing_work", "organisation_text"]
        widgets = {"as_of": DATE_INPUT, "foreword": forms.Textarea(attrs={"rows": 8}),
                   "ongoing_work": forms.Textarea(attrs={"rows": 6}),
                   "organisation_text": forms.Textarea(attrs={"rows": 6})}


def cluster_choices(ids):
    return Body.objects.filter(pk__in=ids).order_by("name")
