from django import forms

from klynge.organisation import permissions
from klynge.organisation.forms import DkfdsFormMixin
from klynge.organisation.models import Body, Organisation

from .models import PROVIDER_KINDS, Offer


class OfferForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Offer
        fields = ["cluster", "provider", "title", "theme", "target_group", "description", "entry_point", "contact",
                  "url", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "entry_point": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        editable = permissions.editable_bodies(user).filter(kind__groups_bodies=True)
        self.fields["cluster"].queryset = Body.objects.filter(pk__in=editable.values("pk")).order_by("name")
        self.fields["provider"].queryset = Organisation.objects.filter(kind__in=PROVIDER_KINDS).order_by("name")
        self.fields["provider"].error_messages["required"] = "Vælg den kommune eller region, der giver tilbuddet."
        self.fields["cluster"].empty_label = "Vælg klynge …"
        self.fields["provider"].empty_label = "Vælg kommune eller region …"
        self.fields["target_group"].choices = [("", "Vælg målgruppe …"), *self.fields["target_group"].choices[1:]]
