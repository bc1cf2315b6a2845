"""Forms for an initiative's life: phases, progress reports, the final report, the patient perspective."""

from django import forms

from klynge.meetings.models import AgendaItem
from klynge.organisation.forms import DkfdsFormMixin
from klynge.organisation.models import Body

from .forms import DATE_INPUT
from .lifecycle import FinalReport, InitiativePhase, PatientPerspective, PhaseKind, ProgressReport


class PhaseForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = InitiativePhase
        fields = ["kind", "start", "end", "note"]
        widgets = {"start": DATE_INPUT, "end": DATE_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = PhaseKind.choices


class ProgressReportForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["reported_on", "text", "reported_to"]
        widgets = {"reported_on": DATE_INPUT, "text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, cluster=None, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [cluster.pk] if cluster else []
        self.fields["reported_to"].queryset = Body.objects.filter(parent_id__in=ids).order_by("name")
        self.fields["reported_to"].empty_label = "Ikke forelagt et møde"


def region_wide_bodies(cluster):
    """The bodies a final report goes to: the region-wide bodies (no parent, not grouping) of the cluster's region."""
    region = cluster.effective_region()
    bodies = Body.objects.filter(parent__isnull=True, kind__groups_bodies=False)
    if region is not None:
        bodies = bodies.filter(region=region)
    return bodies.order_by("name")


class FinalReportForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = FinalReport
        fields = ["submitted_to", "submitted_on", "summary", "decision", "decided_on", "decision_item",
                  "decision_note"]
        widgets = {"submitted_on": DATE_INPUT, "decided_on": DATE_INPUT,
                   "summary": forms.Textarea(attrs={"rows": 5}), "decision_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, cluster=None, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = region_wide_bodies(cluster)
        self.fields["submitted_to"].queryset = bodies
        self.fields["submitted_to"].error_messages["required"] = "Vælg det organ, slutrapporten er forelagt."
        self.fields["decision_item"].queryset = (
            AgendaItem.objects.filter(meeting__body__in=bodies, closed=False)
            .select_related("meeting__body").order_by("-meeting__date", "position"))
        self.fields["decision_item"].label_from_instance = (
            lambda item: f"{item.meeting.body.short_name or item.meeting.body.name} "
                         f"{item.meeting.date:%d.%m.%Y}, punkt {item.number}: {item.title[:80]}")
        self.fields["decision_item"].empty_label = "Intet punkt valgt"
        self.fields["decision_item"].error_messages["invalid_choice"] = (
            "Vælg et punkt fra et møde i det organ, slutrapporten er forelagt.")


class PatientPerspectiveForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = PatientPerspective
        fields = ["perspective", "involvement"]
        widgets = {"perspective": forms.Textarea(attrs={"rows": 4}), "involvement": forms.Textarea(attrs={"rows": 3})}
