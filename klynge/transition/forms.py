from django import forms

from klynge.core.cpr import refuse_cpr
from klynge.core.uploads import check_upload
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.forms import DkfdsFormMixin
from klynge.organisation.models import Organisation

from . import rules

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(DkfdsFormMixin, forms.Form):
    name = forms.CharField(label="Planens navn", max_length=200,
                           help_text="F.eks. »Region Midtjylland: klynger til sundhedsråd 2027«.")
    date = forms.DateField(label="Overgangsdato", widget=DATE_INPUT,
                           help_text="Den første dag, efterfølgerne arbejder, f.eks. 1. januar 2027.")
    region = forms.ModelChoiceField(label="Region", queryset=Organisation.objects.none(), required=False,
                                    empty_label="(ingen bestemt region)")
    csv_file = forms.FileField(label="CSV-fil med planen", required=False,
                               help_text="Kolonner: " + ";".join(rules.COLUMNS) + ". Se vejledningen.")
    csv_text = forms.CharField(label="… eller planens rækker som tekst", required=False,
                               widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
                               help_text="Samme kolonner som CSV-filen, adskilt af semikolon; første række er "
                                         "overskrifterne.")

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions if regions is not None else Organisation.objects.filter(
            kind=OrganisationKind.REGION)

    def clean_csv_file(self):
        return check_upload(self.cleaned_data.get("csv_file"))

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("csv_file")
        text = cleaned.get("csv_text", "")
        if upload:
            raw = upload.read()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", errors="replace")
        if not (text or "").strip():
            if not self.errors:
                self.add_error("csv_text", "Vælg en CSV-fil, eller skriv planens rækker.")
            return cleaned
        try:
            refuse_cpr(text, "CSV-filen" if upload else "Planens rækker")
            rules.parse_csv(text)
        except forms.ValidationError as error:
            self.add_error("csv_file" if upload else "csv_text", error)
            return cleaned
        except rules.CsvError as error:
            for e in error.errors:
                self.add_error("csv_file" if upload else "csv_text", str(e))
        cleaned["csv"] = text
        return cleaned


class RunForm(DkfdsFormMixin, forms.Form):
    reason = forms.CharField(label="Begrundelse", widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Gemmes sammen med dit navn og tidspunktet, f.eks. »Sundhedsreformen pr. "
                                       "1. januar 2027, besluttet af regionsrådet«.")
    confirm = forms.BooleanField(label="Jeg har læst prøvekørslen og vil gennemføre overgangen", required=True)
