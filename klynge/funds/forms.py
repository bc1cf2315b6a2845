"""Forms for cluster funds. Same rules as the CSV import: whole kroner with Danish thousands
separators, no negative grants or budgets, known parties only, no duplicate lines."""

from django import forms
from django.db.models import Q

from klynge.core import formats
from klynge.core.uploads import check_upload
from klynge.organisation.forms import DkfdsFormMixin
from klynge.organisation.models import Body, Organisation, Person

from .actions import REASON_MAX
from .calculations import MAX_KRONER, natural_key, parse_kroner
from .choices import ChangeBasis
from .models import (
    BudgetApproval,
    BudgetLine,
    Grant,
    Initiative,
    OtherFunding,
    Spending,
    Transfer,
    party_region_problem,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
YEAR_INPUT = forms.NumberInput(attrs={"inputmode": "numeric", "min": 2000, "max": 2100})
REASON_HELP = "Hvorfor ændres beløbet? Begrundelsen gemmes i ændringshistorikken."


class KronerField(forms.CharField):
    """Whole kroner typed as '2.069.103', '2069103' or '2 069 103'."""

    def __init__(self, *args, min_value=None, min_message="", **kwargs):
        self.min_value, self.min_message = min_value, min_message
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        kwargs.setdefault("help_text", "Hele kroner, f.eks. 2.069.103.")
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return f"{value:,}".replace(",", ".")
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            amount = parse_kroner(value)
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from None
        if self.min_value is not None and amount < self.min_value:
            raise forms.ValidationError(self.min_message or f"Beløbet skal være mindst {self.min_value} kr.")
        return amount


def party_queryset(cluster: Body):
    """The cluster's parties first would need a custom widget; all organisations, by name."""
    return Organisation.objects.order_by("name")


class ReasonMixin(forms.Form):
    reason = forms.CharField(label="Begrundelse for ændringen", max_length=REASON_MAX, required=False,
                             help_text=REASON_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["reason"].required = True
        else:
            del self.fields["reason"]


class GrantForm(DkfdsFormMixin, ReasonMixin, forms.ModelForm):
    amount = KronerField(label="Beløb (kr.)", min_value=0, min_message="En bevilling kan ikke være negativ.")

    class Meta:
        model = Grant
        fields = ["year", "party", "amount", "note"]
        widgets = {"year": YEAR_INPUT}

    def __init__(self, *args, cluster, **kwargs):
        self.cluster = cluster
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = party_queryset(cluster)

    def clean_party(self):
        party = self.cleaned_data.get("party")
        problem = party_region_problem(party, self.cluster)
        if problem:
            raise forms.ValidationError(problem)
        return party

    def clean(self):
        data = super().clean()
        year, party = data.get("year"), data.get("party")
        if year and party and Grant.objects.filter(cluster=self.cluster, year=year, party=party).exclude(
            pk=self.instance.pk
        ).exists():
            raise forms.ValidationError(
                f"Der findes allerede en bevilling til {party} i {year}. Ret den i stedet for at oprette en ny."
            )
        return data


class TransferForm(DkfdsFormMixin, forms.ModelForm):
    amount = KronerField(label="Beløb (kr.)", min_value=1, min_message="Et overført beløb skal være positivt.")

    class Meta:
        model = Transfer
        fields = ["party", "from_year", "to_year", "amount", "decision_reference", "note"]
        widgets = {"from_year": YEAR_INPUT, "to_year": YEAR_INPUT}

    def __init__(self, *args, cluster, **kwargs):
        self.cluster = cluster
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = party_queryset(cluster)


class InitiativeForm(DkfdsFormMixin, ReasonMixin, forms.ModelForm):
    class Meta:
        model = Initiative
        fields = ["number", "title", "status", "focus_area", "responsible_body", "project_owner", "chairs",
                  "start", "end", "description", "evaluation_plan", "decision_reference", "decision",
                  "matter_reference", "matter"]
        widgets = {"start": DATE_INPUT, "end": DATE_INPUT, "description": forms.Textarea(attrs={"rows": 5}),
                   "evaluation_plan": forms.Textarea(attrs={"rows": 4}),
                   "chairs": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, cluster, user=None, **kwargs):
        self.cluster = cluster
        super().__init__(*args, **kwargs)
        if "reason" in self.fields:
            self.fields["reason"].help_text = "Hvad ændres og hvorfor? Gemmes i ændringshistorikken."
        self.fields["responsible_body"].queryset = Body.objects.filter(
            Q(pk=cluster.pk) | Q(parent=cluster) | Q(parent__parent=cluster) | Q(parent__parent__parent=cluster)
        ).order_by("name")
        self.fields["project_owner"].queryset = Organisation.objects.order_by("name")
        self.fields["chairs"].queryset = Person.objects.order_by("name")
        self.fields["chairs"].help_text = "Hold Ctrl (eller Cmd) nede for at vælge flere."
        from klynge.meetings.models import AgendaItem, Matter

        bodies = self.fields["responsible_body"].queryset
        # Decisions of the cluster's bodies: items whose minutes are approved or published, closed ones excluded.
        self.fields["decision"].queryset = (
            AgendaItem.objects.filter(meeting__body__in=bodies, closed=False,
                                      meeting__status__in=["minutes_approved", "minutes_published"])
            .select_related("meeting__body").order_by("-meeting__date", "position")
        )
        self.fields["decision"].label_from_instance = (
            lambda item: f"{item.meeting.body.short_name or item.meeting.body.name} "
                         f"{formats.date(item.meeting.date)}, punkt {item.number}: {item.title[:60]}"
        )
        # Matters of the cluster's bodies that this user may see an item of, each named as this
        # user may see it (a matter's own title may come from a closed item elsewhere).
        from klynge.meetings import visibility

        self.fields["matter"].queryset = Matter.objects.filter(
            Q(items__meeting__body__in=bodies) & visibility.visible_items_q(user, "items__")
        ).distinct()
        self.fields["matter"].label_from_instance = lambda matter: matter.title_for(user)

    def clean_number(self):
        number = (self.cleaned_data.get("number") or "").strip()
        if not natural_key(number):
            raise forms.ValidationError("Angiv et nummer, f.eks. 3 eller 10a.")
        if "/" in number or "?" in number or "#" in number:
            raise forms.ValidationError("Nummeret må ikke indeholde /, ? eller #.")
        if Initiative.objects.filter(cluster=self.cluster, number__iexact=number).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"Klyngen har allerede en indsats med nummer {number}.")
        return number


class BudgetLineForm(DkfdsFormMixin, ReasonMixin, forms.ModelForm):
    amount = KronerField(label="Beløb (kr.)", min_value=0, min_message="Et budget kan ikke være negativt.")
    basis = forms.ChoiceField(label="Grundlag for ændringen", choices=[("", "Vælg …"), *ChangeBasis.choices],
                              required=False)
    basis_text = forms.CharField(
        label="Beslutning eller begrundelse", max_length=REASON_MAX - 15, required=False,
        help_text="Ved ny beslutning: forum, møde og punkt. Ved overstyring: hvorfor det godkendte budget ændres.",
    )

    class Meta:
        model = BudgetLine
        fields = ["year", "party", "amount", "note"]
        widgets = {"year": YEAR_INPUT}

    def __init__(self, *args, initiative, **kwargs):
        self.initiative = initiative
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = party_queryset(initiative.cluster)
        self.locked = initiative.budget_locked
        if self.locked:
            self.fields.pop("reason", None)
            self.fields["basis"].required = True
            self.fields["basis_text"].required = True
        else:
            del self.fields["basis"]
            del self.fields["basis_text"]

    def clean(self):
        data = super().clean()
        year, party = data.get("year"), data.get("party")
        if year and party and BudgetLine.objects.filter(initiative=self.initiative, year=year, party=party).exclude(
            pk=self.instance.pk
        ).exists():
            raise forms.ValidationError(
                f"Indsats {self.initiative.number} har allerede en budgetlinje for {party} i {year}. Ret den i stedet."
            )
        return data

    def _post_clean(self):
        # The lock is checked when saving (with the basis); skip model validation of it here.
        self.instance._budget_change_allowed = True
        super()._post_clean()
        self.instance._budget_change_allowed = False


class BudgetApprovalForm(DkfdsFormMixin, forms.ModelForm):
    """The decision that approved a budget; when it was taken under delegated authority, which one (only
    delegations given by the cluster or a body in it are offered, and the date must lie in their period)."""

    class Meta:
        model = BudgetApproval
        fields = ["decided_on", "reference", "delegation"]
        widgets = {"decided_on": DATE_INPUT}
        help_texts = {"delegation": "Udfyld, hvis budgettet er godkendt af fx formandskabet under en bemyndigelse "
                                    "fra delegationsregistret."}

    def __init__(self, *args, cluster=None, **kwargs):
        super().__init__(*args, **kwargs)
        from klynge.governance.models import Delegation
        from klynge.organisation.permissions import descendant_ids

        field = self.fields["delegation"]
        field.queryset = (Delegation.objects.filter(body_id__in=descendant_ids([cluster.pk])).select_related("body")
                          if cluster is not None else Delegation.objects.none())
        field.empty_label = "Ingen – besluttet på et møde"
        field.label_from_instance = lambda d: f"{d.body}: {d.delegate} – {d.authority[:80]}"
        field.error_messages["invalid_choice"] = "Vælg en bemyndigelse fra listen (givet i klyngen)."

    def clean(self):
        data = super().clean()
        delegation, on = data.get("delegation"), data.get("decided_on")
        if delegation is not None and on is not None:
            from klynge.governance.rules import delegation_refusal

            problem = delegation_refusal(delegation.valid_from, delegation.valid_to, on)
            if problem:
                self.add_error("delegation", problem)
        return data


class SpendingForm(DkfdsFormMixin, ReasonMixin, forms.ModelForm):
    amount = KronerField(label="Beløb (kr.)", help_text="Hele kroner; et negativt beløb er en kreditering.")

    class Meta:
        model = Spending
        fields = ["year", "period_start", "period_end", "amount", "description"]
        widgets = {"year": YEAR_INPUT, "period_start": DATE_INPUT, "period_end": DATE_INPUT}


class OtherFundingForm(DkfdsFormMixin, ReasonMixin, forms.ModelForm):
    amount = KronerField(label="Beløb (kr.)", min_value=0, min_message="Beløbet kan ikke være negativt.")

    class Meta:
        model = OtherFunding
        fields = ["kind", "source", "year", "amount", "note"]
        widgets = {"year": YEAR_INPUT}


class DistributionKeyForm(DkfdsFormMixin, forms.Form):
    """One weight per party; empty or 0 leaves the party out of the key."""

    reason = forms.CharField(label="Begrundelse for ændringen", max_length=REASON_MAX, required=True,
                             help_text=REASON_HELP)

    def __init__(self, *args, parties, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.parties = list(parties)
        for party in self.parties:
            self.fields[f"party_{party.pk}"] = forms.IntegerField(
                label=party.name, min_value=0, max_value=MAX_KRONER, required=False, initial=current.get(party.pk),
                widget=forms.NumberInput(attrs={"class": "form-input input-width-s"}),
                error_messages={"min_value": "En andel kan ikke være negativ.",
                                "max_value": "Andelen er for stor; skriv f.eks. procenter eller indbyggertal.",
                                "invalid": "Skriv et helt tal, f.eks. 50."},
            )
        self.order_fields([f"party_{p.pk}" for p in self.parties] + ["reason"])

    def weights(self) -> dict:
        return {p: self.cleaned_data.get(f"party_{p.pk}") or 0 for p in self.parties}

    def clean(self):
        data = super().clean()
        if not self.errors and not any(self.weights().values()):
            raise forms.ValidationError("Mindst én part skal have en andel større end 0.")
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV-fil", help_text="Kolonner: kind,year,party,initiative,title,amount.")

    def clean_file(self):
        upload = check_upload(self.cleaned_data["file"])
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(
                f"Filen “{upload.name}” er for stor; en CSV med klyngemidler fylder sjældent over 5 MB."
            )
        return upload


class InvoicePeriodForm(DkfdsFormMixin, forms.Form):
    start = forms.DateField(label="Periode fra", widget=DATE_INPUT)
    end = forms.DateField(label="Periode til", widget=DATE_INPUT)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError("Periodens slutdato ligger før startdatoen.")
        return data
