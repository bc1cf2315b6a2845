from django import forms
from django.db import transaction

from klynge.funds.models import Initiative
from klynge.meetings import visibility
from klynge.meetings.models import AgendaItem
from klynge.organisation import permissions as org
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.forms import DATE_INPUT, DkfdsFormMixin
from klynge.organisation.models import Body, Organisation, Person

from . import permissions
from .models import Cohort, Deadline, Programme, SeatAllocation, Team, TeamMember


def _items_for(user, body_ids=None):
    """Agenda items the user may see in full (and, when given, of meetings in ``body_ids``), newest first."""
    items = AgendaItem.objects.filter(visibility.visible_items_q(user)).exclude(number=None)
    if body_ids is not None:
        items = items.filter(meeting__body_id__in=body_ids)
    return items.select_related("meeting__body").order_by("-meeting__date", "position")


def _item_label(item):
    return f"{item.meeting.body.short_name or item.meeting.body} {item.meeting.date:%d-%m-%Y}, punkt {item.number}: " \
           f"{item.title}"[:200]


class ProgrammeForm(DkfdsFormMixin, forms.ModelForm):
    """A programme, created and kept by the secretariat of the body that runs it (``body``)."""

    class Meta:
        model = Programme
        fields = ["name", "slug", "owner", "body", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = permissions.programme_bodies(user)
        if self.instance.pk and self.instance.body_id:  # the body it has stays offered
            bodies = (bodies | Body.objects.filter(pk=self.instance.body_id)).distinct().order_by("name")
        body = self.fields["body"]
        body.queryset = bodies
        body.empty_label = "Vælg organet"
        body.error_messages["invalid_choice"] = "Vælg et organ, hvis sekretariat du er en del af."
        if not org.is_administrator(user):
            body.required = True
            body.error_messages["required"] = "Vælg det organ, hvis sekretariat fører programmet."
            body.help_text = "Organet, hvis sekretariat fører programmet, holdene og pladserne."
        self.fields["slug"].help_text = "Små bogstaver, tal og bindestreger, fx “ledelsesprogrammet”. " \
                                        "Bruges i programmets adresse."
        self.fields["slug"].error_messages["invalid"] = ("Kortnavnet må kun indeholde små bogstaver, tal og "
                                                         "bindestreger.")


class CohortForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ["number", "start", "end", "description"]
        widgets = {"start": DATE_INPUT, "end": DATE_INPUT, "description": forms.Textarea(attrs={"rows": 4})}

    def clean_number(self):
        number = self.cleaned_data["number"]
        programme = self.instance.programme
        if Cohort.objects.filter(programme=programme, number=number).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"{programme} har allerede et hold {number}.")
        return number


class SeatForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = SeatAllocation
        fields = ["region", "cluster", "seats", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Organisation.objects.filter(kind=OrganisationKind.REGION).order_by("name")
        self.fields["cluster"].queryset = Body.objects.filter(kind__groups_bodies=True).order_by("name")


class DeadlineForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Deadline
        fields = ["kind", "date", "title", "cluster", "done_on", "item"]
        widgets = {"date": DATE_INPUT, "done_on": DATE_INPUT}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.manages_programme = permissions.can_manage_programme(user, self.instance.cohort.programme)
        clusters = permissions.team_clusters(user, self.instance.cohort)
        self.fields["cluster"].queryset = clusters
        if not self.manages_programme:
            self.fields["cluster"].required = True
            self.fields["cluster"].help_text = "Fristen gælder for din klynge."
        editable = None if org.is_administrator(user) else org.editable_body_ids(user)
        self.fields["item"].queryset = _items_for(user, editable)
        self.fields["item"].label_from_instance = _item_label


class TeamForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Team
        fields = ["cluster", "name", "status", "theme", "anchoring", "support", "economy", "reporting",
                  "internal_note", "initiatives", "reports"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in
                   ("theme", "anchoring", "support", "economy", "reporting", "internal_note")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        clusters = permissions.team_clusters(user, self.instance.cohort)
        if self.instance.pk:
            clusters = clusters | Body.objects.filter(pk=self.instance.cluster_id)
        self.fields["cluster"].queryset = clusters.distinct().order_by("name")
        cluster_ids = list(clusters.values_list("pk", flat=True))
        self.fields["initiatives"].queryset = (Initiative.objects.filter(cluster_id__in=cluster_ids)
                                               .select_related("cluster").order_by("cluster__name", "number"))
        self.fields["initiatives"].label_from_instance = lambda i: f"{i.cluster}: {i.number}. {i.title}"
        self.fields["initiatives"].help_text = "Klyngemiddelindsatser, der finansierer teamets projekt."
        self.fields["reports"].queryset = _items_for(user, org.descendant_ids(cluster_ids))
        self.fields["reports"].label_from_instance = _item_label

    def clean(self):
        cleaned = super().clean()
        cluster = cleaned.get("cluster")
        if cluster is None:
            return cleaned
        for initiative in cleaned.get("initiatives") or []:
            if initiative.cluster_id != cluster.pk:
                self.add_error("initiatives", f"Indsatsen “{initiative.number}. {initiative.title}” hører til "
                                              f"{initiative.cluster}, ikke {cluster}.")
        inside = org.descendant_ids([cluster.pk])
        for item in cleaned.get("reports") or []:
            if item.meeting.body_id not in inside:
                self.add_error("reports", f"{_item_label(item)} er ikke et møde i {cluster}.")
        return cleaned


class TeamMemberForm(DkfdsFormMixin, forms.ModelForm):
    new_person = forms.CharField(label="Eller ny person (navn)", max_length=200, required=False,
                                 help_text="Skriv navnet, hvis personen ikke findes i Klynge i forvejen.")

    class Meta:
        model = TeamMember
        fields = ["person", "new_person", "organisation", "role", "title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].required = False
        self.fields["person"].queryset = Person.objects.order_by("name")
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].error_messages["required"] = "Vælg den part, deltageren kommer fra."

    def clean(self):
        cleaned = super().clean()
        person, name = cleaned.get("person"), (cleaned.get("new_person") or "").strip()
        if person and name:
            self.add_error("new_person", "Vælg en eksisterende person eller skriv et nyt navn, ikke begge.")
        elif not person and not name:
            self.add_error("person", "Vælg en person, eller skriv navnet på en ny.")
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        name = (self.cleaned_data.get("new_person") or "").strip()
        if name and not self.instance.person_id:
            self.instance.person = Person.objects.create(name=name, title=self.cleaned_data.get("title", ""))
        return super().save(commit)
