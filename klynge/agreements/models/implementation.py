"""Who implements an agreement (cluster × party), how far they are, and their contact persons."""

from django.db import models
from django.db.models import Q

from klynge.core.models import TrackedModel
from klynge.core.versioning import VersionedModel

from ..choices import ImplementationStatus


class Implementation(VersionedModel, TrackedModel):
    """One cluster's (party is empty) or one party's implementation of an agreement.

    The rows are the agreement's scope: a status can only be set for a cluster and party that has
    a row (``actions.set_status`` refuses the rest). The current status is here; every change is
    also an ``ImplementationUpdate``, so the status on a past date can be read back.
    """

    agreement = models.ForeignKey("agreements.CollaborationAgreement", verbose_name="aftale",
                                  on_delete=models.CASCADE, related_name="implementations")
    cluster = models.ForeignKey("organisation.Body", verbose_name="klynge", on_delete=models.PROTECT,
                                related_name="agreement_implementations")
    party = models.ForeignKey("organisation.Organisation", verbose_name="part", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="agreement_implementations",
                              help_text="Tom for klyngen som helhed.")
    status = models.CharField("status", max_length=20, choices=ImplementationStatus.choices,
                              default=ImplementationStatus.NOT_STARTED)
    note = models.TextField("bemærkning", blank=True)
    status_date = models.DateField("status pr.", null=True, blank=True)

    class Meta:
        verbose_name = "implementering"
        verbose_name_plural = "implementeringer"
        ordering = ["agreement", "cluster__name", "party__name"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "cluster", "party"], name="agreements_impl_unique"),
            models.UniqueConstraint(fields=["agreement", "cluster"], condition=Q(party__isnull=True),
                                    name="agreements_impl_cluster_unique"),
        ]

    def __str__(self):
        who = f"{self.cluster} – {self.party}" if self.party_id else str(self.cluster)
        return f"{self.agreement}: {who}"

    @property
    def who(self) -> str:
        return str(self.party) if self.party_id else f"{self.cluster} (samlet)"


class ImplementationUpdate(TrackedModel):
    """A status given on a date: the log behind ``Implementation.status``."""

    implementation = models.ForeignKey(Implementation, verbose_name="implementering", on_delete=models.CASCADE,
                                       related_name="updates")
    status = models.CharField("status", max_length=20, choices=ImplementationStatus.choices)
    note = models.TextField("bemærkning", blank=True)
    date = models.DateField("status pr.")

    class Meta:
        verbose_name = "statusændring"
        verbose_name_plural = "statusændringer"
        ordering = ["implementation", "date", "pk"]


class ContactPerson(TrackedModel):
    """A party's contact person for an agreement in a cluster: receives the questionnaires."""

    implementation = models.ForeignKey(Implementation, verbose_name="implementering", on_delete=models.CASCADE,
                                       related_name="contacts")
    person = models.ForeignKey("organisation.Person", verbose_name="person", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="agreement_contacts")
    name = models.CharField("navn", max_length=200)
    email = models.EmailField("e-mail")
    title = models.CharField("stilling", max_length=200, blank=True)

    class Meta:
        verbose_name = "kontaktperson"
        verbose_name_plural = "kontaktpersoner"
        ordering = ["implementation", "name"]

    def __str__(self):
        return self.name
