from django import forms
from django.db.models import Q

from klynge.core.cpr import refuse_cpr
from klynge.core.uploads import check_upload
from klynge.core.versioning import VersionedFormMixin

from .models import Body, CompositionVersion, Mandate, Membership, Organisation, Person, SeatRule

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


BLANK_DASHES = "---------"


def danish_empty_choice(field) -> None:
    """Replace Django's "---------" empty choice with a Danish "Vælg …" naming the field."""
    label = f"Vælg {str(field.label or '').lower()}".strip() if field.label else "Vælg"
    if isinstance(field, forms.ModelMultipleChoiceField):
        return
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == BLANK_DASHES:  # a label of the form's own (e.g. "Ingen part") stays
            field.empty_label = label
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if any(value == "" and text == BLANK_DASHES for value, text in choices):
            field.choices = [(value, label if value == "" and text == BLANK_DASHES else text)
                             for value, text in choices]


class DkfdsFormMixin(VersionedFormMixin):
    """Give every widget the design system's CSS class, refuse CPR numbers in any text field, and
    (through VersionedFormMixin) refuse a stale save of a versioned record."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and value:
                try:
                    refuse_cpr(value, str(self.fields[name].label or name).capitalize() if name in self.fields
                               else "Teksten")
                except forms.ValidationError as error:
                    self.add_error(name if name in self.fields else None, error)
        return cleaned

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple):  # a RadioSelect subclass: checked first
                widget.attrs.setdefault("class", "form-checkbox")
            elif isinstance(widget, forms.RadioSelect):  # a ChoiceWidget, not a Select: one radio per choice
                widget.attrs.setdefault("class", "form-radio")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            elif isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-checkbox")
            elif not isinstance(widget, forms.FileInput):
                widget.attrs.setdefault("class", "form-input")
            danish_empty_choice(field)


class MembershipForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["person", "role", "organisation", "title", "start", "end", "note"]
        widgets = {"start": DATE_INPUT, "end": DATE_INPUT}

    confirm_composition = forms.BooleanField(
        label="Tilføj alligevel", required=False,
        help_text="Medlemskabet fraviger organets sammensætning. Sæt kryds for at gemme det alligevel; "
                  "advarslen står i ændringshistorikken.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.order_by("name")
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")


class EndMembershipForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["end"]
        widgets = {"end": DATE_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["end"].required = True


class MandateForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Mandate
        fields = ["title", "text", "file", "approved_by", "approved_on", "valid_from", "valid_to"]
        widgets = {
            "approved_on": DATE_INPUT, "valid_from": DATE_INPUT, "valid_to": DATE_INPUT,
            "text": forms.Textarea(attrs={"rows": 10}),
        }

    def clean_file(self):
        return check_upload(self.cleaned_data.get("file"))


class SubBodyForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Body
        fields = ["name", "short_name", "slug", "kind", "level", "description", "active_from", "active_to"]
        widgets = {"active_from": DATE_INPUT, "active_to": DATE_INPUT, "description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"slug": "Udfyldes automatisk ud fra navnet, hvis feltet er tomt."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_slug(self):
        from klynge.core.text import danish_slugify

        slug = self.cleaned_data.get("slug") or danish_slugify(self.data.get("name", ""))
        if Body.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                f"Kortnavnet “{slug}” bruges allerede af et andet organ. Vælg et andet."
            )
        return slug


class NewPersonForm(DkfdsFormMixin, forms.Form):
    """A secretariat adds a person to one of its bodies, and may invite them as a user."""

    name = forms.CharField(label="Navn", max_length=200)
    title = forms.CharField(label="Titel", max_length=200, required=False,
                            help_text="F.eks. borgmester, overlæge eller praktiserende læge.")
    email = forms.EmailField(label="E-mail", required=False,
                             help_text="Bruges til dagsordener og referater og til invitationen.")
    organisation = forms.ModelChoiceField(label="Repræsenterer", queryset=Organisation.objects.none(),
                                          required=False, empty_label="Ingen part")
    role = forms.ChoiceField(label="Rolle i organet")
    start = forms.DateField(label="Medlem fra", widget=DATE_INPUT)
    invite = forms.BooleanField(label="Invitér som bruger (sender en e-mail med et link til at vælge adgangskode)",
                                required=False)

    def __init__(self, *args, **kwargs):
        from .choices import Role

        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["role"].choices = Role.choices

    def clean(self):
        from django.contrib.auth import get_user_model

        cleaned = super().clean()
        email = (cleaned.get("email") or "").strip()
        if cleaned.get("invite"):
            if not email:
                self.add_error("email", "Skriv personens e-mail, så invitationen kan sendes.")
            elif get_user_model().objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists():
                self.add_error("email", "Der findes allerede en bruger med denne e-mail. Tilføj personen som "
                                        "medlem i stedet, eller bed dem bruge “Glemt adgangskode?”.")
        if email and Person.objects.filter(email__iexact=email).exists():
            self.add_error("email", "Der findes allerede en person med denne e-mail. Tilføj personen som medlem "
                                    "med “Tilføj medlem” i stedet.")
        return cleaned


class CompositionVersionForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = CompositionVersion
        fields = ["valid_from", "source", "note"]
        widgets = {"valid_from": DATE_INPUT, "note": forms.Textarea(attrs={"rows": 3})}


class SeatRuleForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = SeatRule
        fields = ["source_text", "seats", "label", "party", "party_kind", "per_municipality", "role", "appointed_by",
                  "appointed_by_text", "term_years", "term_kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = Organisation.objects.order_by("name")
        self.fields["appointed_by"].queryset = Organisation.objects.order_by("name")
        self.fields["party"].empty_label = "Ingen bestemt part"
        self.fields["appointed_by"].empty_label = "Ingen part valgt"
        for name, blank in [("party_kind", "Ingen partstype"), ("role", "Enhver rolle, der tæller som medlem"),
                            ("term_kind", "Følger ikke valgperioden")]:
            self.fields[name].choices = [("", blank), *[c for c in self.fields[name].choices if c[0] != ""]]
