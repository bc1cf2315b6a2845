from django import forms
from django.conf import settings

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
