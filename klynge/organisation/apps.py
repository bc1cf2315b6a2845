from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "klynge.organisation"
    label = "organisation"
    verbose_name = "Struktur: parter, organer og medlemskaber"
