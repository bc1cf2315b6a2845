from django import forms

from klynge.core.uploads import check_upload
from klynge.organisation.forms import DkfdsFormMixin

from .permissions import uploadable_clusters


class ImportForm(DkfdsFormMixin, forms.Form):
    cluster = forms.ModelChoiceField(
        label="Klynge", queryset=None, required=False,
        help_text="Tallene skal høre til klyngen eller dens kommuner.",
    )
    file = forms.FileField(
        label="Fil med serier",
        help_text="CSV eller Excel (.xlsx) med kolonnerne indicator, area, period og value – og eventuelt "
                  "numerator, denominator og age_band. Se skabelonen.",
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        clusters = uploadable_clusters(user)
        self.fields["cluster"].queryset = clusters
        if user is not None and user.is_superuser:
            self.fields["cluster"].empty_label = "Alle områder (administrator)"
            self.fields["cluster"].help_text = (
                "Som administrator kan du indlæse tal for alle regioner, klynger og kommuner. "
                "Vælg en klynge for kun at tillade klyngen og dens kommuner."
            )
        else:
            self.fields["cluster"].required = True
            self.fields["cluster"].empty_label = None
        self.fields["file"].widget.attrs["accept"] = ".csv,.xlsx,text/csv"

    def clean_file(self):
        upload = check_upload(self.cleaned_data["file"])
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(f"Filen “{upload.name}” skal være en CSV-fil eller et Excel-regneark (.xlsx).")
        return upload
