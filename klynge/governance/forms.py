from django import forms

from klynge.organisation.forms import DATE_INPUT, DkfdsFormMixin
from klynge.organisation.models import Person

from .choices import Vote
from .models import DelegatedDecision, Delegation


class DelegationForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Delegation
        fields = ["delegate", "persons", "authority", "source_item", "valid_from", "valid_to", "note"]
        widgets = {"valid_from": DATE_INPUT, "valid_to": DATE_INPUT}

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        from klynge.meetings.models import AgendaItem

        self.fields["source_item"].queryset = (AgendaItem.objects.filter(meeting__body=body, closed=False)
                                               .exclude(decision="").select_related("meeting")
                                               .order_by("-meeting__date", "position"))
        self.fields["source_item"].label_from_instance = (
            lambda item: f"{item.meeting.date:%d-%m-%Y}, punkt {item.number}: {item.title}")
        self.fields["source_item"].empty_label = "Vælg beslutningen …"
        self.fields["persons"].queryset = Person.objects.filter(memberships__body=body).distinct().order_by("name")


class DelegatedDecisionForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = DelegatedDecision
        fields = ["date", "decision", "decided_by"]
        widgets = {"date": DATE_INPUT}


class ProcedureForm(DkfdsFormMixin, forms.Form):
    title = forms.CharField(label="Titel", max_length=300)
    proposal = forms.CharField(label="Forslag", widget=forms.Textarea,
                               help_text="Det, medlemmerne skal tage stilling til, med indstillingen.")
    deadline = forms.DateTimeField(label="Svarfrist", help_text="Dato og klokkeslæt.",
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                              format="%Y-%m-%dT%H:%M"))
    persons = forms.ModelMultipleChoiceField(label="Medlemmer, der skal svare", queryset=Person.objects.none(),
                                             widget=forms.CheckboxSelectMultiple, required=False)
    closed_item = forms.BooleanField(label="Lukket (kun for organets medlemmer og sekretariat)", required=False)

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persons"].queryset = Person.objects.filter(memberships__body=body).distinct().order_by("name")


class AnswerForm(DkfdsFormMixin, forms.Form):
    vote = forms.ChoiceField(label="Dit svar", choices=Vote.choices, widget=forms.RadioSelect)
    comment = forms.CharField(label="Bemærkning (valgfri)", widget=forms.Textarea(attrs={"rows": 3}),
                              required=False)


class CloseForm(DkfdsFormMixin, forms.Form):
    decision = forms.CharField(label="Beslutning", widget=forms.Textarea(attrs={"rows": 4}),
                               help_text="Som den skal stå i referatet af næste møde.")
