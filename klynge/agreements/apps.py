from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "klynge.agreements"
    label = "agreements"
    verbose_name = "Aftaler og opfølgning"
