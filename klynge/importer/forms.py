from django import forms
from django.conf import settings

from klynge.core.cpr import refuse_cpr
from klynge.organisation.forms import DkfdsFormMixin
from klynge.organisation.models import Body
from klynge.organisation.permissions import editable_bodies


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class UploadForm(DkfdsFormMixin, forms.Form):
    files = MultipleFileField(
        label="Filer", help_text=f"PDF med tekstlag, Word (.docx) eller tekst (.txt, .md); højst "
        f"{settings.UPLOAD_MAX_BYTES // (1024 * 1024)} MB pr. fil. Vælg gerne flere filer på én gang.")
    body = forms.ModelChoiceField(
        queryset=Body.objects.none(), label="Organ", required=False,
        empty_label="Find organet ud fra dokumentets titel",
        help_text="Organet, møderne hører til. Findes det ud fra titlen, skal du bekræfte det, før der gemmes.")
    meeting_date = forms.DateField(
        label="Mødedato", required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Kun når teksten ikke selv nævner datoen (fx en gemt webside med datoen i adressen). "
        "Står datoen i teksten, bruges den. Uden nogen dato læses filen, men mødet gemmes først, når datoen er "
        "angivet.")
    dry_run = forms.BooleanField(label="Prøv kun: læs og kontrollér filerne uden at gemme noget", required=False)
    confirm_match = forms.BooleanField(
        label="Brug det organ, der findes ud fra titlen (uden at spørge igen)", required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = editable_bodies(user).order_by("name")
        self.fields["files"].widget.attrs.update({"accept": ".pdf,.docx,.txt,.md", "class": "form-file-input"})


# --- «Gennemse og ret»: the review of a dry run's reading (importer.review) ---------------------------

class ReviewForm(DkfdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Dokument", choices=[("agenda", "Dagsorden"), ("minutes", "Referat")],
                             help_text="Et referat gemmes som et afholdt møde med beslutninger; en dagsorden som et "
                             "kommende møde.")
    date = forms.DateField(label="Mødedato", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                           error_messages={"required": "Angiv mødedatoen. Mødet kan ikke gemmes uden en dato.",
                                           "invalid": "Skriv mødedatoen som en dato (ÅÅÅÅ-MM-DD)."})
    start = forms.TimeField(label="Starttid", required=False, widget=forms.TimeInput(attrs={"type": "time"},
                            format="%H:%M"), error_messages={"invalid": "Skriv starttiden som TT:MM."})
    end = forms.TimeField(label="Sluttid", required=False, widget=forms.TimeInput(attrs={"type": "time"},
                          format="%H:%M"), error_messages={"invalid": "Skriv sluttiden som TT:MM."})
    place = forms.CharField(label="Mødested", required=False, max_length=300)
    body = forms.ModelChoiceField(
        queryset=Body.objects.none(), label="Organ",
        help_text="Kun de organer, du er sekretariat for, kan vælges.",
        error_messages={"required": "Vælg organet, mødet hører til.",
                        "invalid_choice": "Du kan ikke gemme møder i det valgte organ. Vælg et af dine egne organer."})
    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = editable_bodies(user).order_by("name")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", "Sluttiden skal ligge efter starttiden.")
        return cleaned


class ReviewPeopleForm(DkfdsFormMixin, forms.Form):
    attendees = forms.CharField(label="Deltagere", required=False, widget=forms.Textarea(attrs={"rows": 6}),
                                help_text="Ét navn pr. linje.")
    absent = forms.CharField(label="Afbud", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                             help_text="Ét navn pr. linje.")
    guests = forms.CharField(label="Gæster", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Ét navn pr. linje.")


class ReviewItemForm(forms.Form):
    origin = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=0)
    number = forms.IntegerField(label="Nr.", required=False, min_value=0, max_value=999,
                                widget=forms.NumberInput(attrs={"class": "form-input input-width-xxs"}),
                                error_messages={"invalid": "Skriv et helt tal.",
                                                "min_value": "Nummeret kan ikke være negativt.",
                                                "max_value": "Nummeret er for stort."})
    title = forms.CharField(label="Titel", required=False, max_length=300,
                            widget=forms.TextInput(attrs={"class": "form-input"}),
                            error_messages={"max_length": "Titlen må højst være 300 tegn."})
    closed = forms.BooleanField(label="Lukket", required=False,
                                widget=forms.CheckboxInput(attrs={"class": "form-checkbox"}))
    remove = forms.BooleanField(label="Fjern", required=False,
                                widget=forms.CheckboxInput(attrs={"class": "form-checkbox"}))

    def clean(self):
        cleaned = super().clean()
        title = (cleaned.get("title") or "").strip()
        read = cleaned.get("origin") is not None
        if cleaned.get("remove"):
            return cleaned
        if title:
            try:
                refuse_cpr(title, "Titlen")
            except forms.ValidationError as error:
                self.add_error("title", error)
        elif read:
            self.add_error("title", "Skriv punktets titel, eller sæt kryds i «Fjern».")
        elif cleaned.get("number") is not None or cleaned.get("closed"):
            self.add_error("title", "Skriv det nye punkts titel, eller lad hele rækken stå tom.")
        return cleaned

    @property
    def in_use(self) -> bool:
        """A row that becomes an item (read and kept, or added with a title)."""
        data = getattr(self, "cleaned_data", {})
        return not data.get("remove") and (data.get("origin") is not None or bool((data.get("title") or "").strip()))


class BaseReviewItemFormSet(forms.BaseFormSet):
    def clean(self):
        seen: dict[int, ReviewItemForm] = {}
        for form in self.forms:
            if not hasattr(form, "cleaned_data"):
                continue
            number = form.cleaned_data.get("number")
            if not form.in_use or number is None:
                continue
            if number in seen:
                for each in (seen[number], form):
                    if not each.has_error("number"):
                        each.add_error("number", f"Nummeret {number} står ved flere punkter. Giv hvert punkt sit "
                                                 "eget nummer.")
            else:
                seen[number] = form
        if any(form.has_error("number") for form in self.forms):
            raise forms.ValidationError("To punkter har samme nummer. Ret numrene, og gem igen.")


ReviewItemFormSet = forms.formset_factory(ReviewItemForm, formset=BaseReviewItemFormSet, extra=3, max_num=500,
                                          absolute_max=600)
