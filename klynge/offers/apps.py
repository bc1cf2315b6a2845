from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "klynge.offers"
    label = "offers"
    verbose_name = "Tilbud til almen praksis"
