from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "klynge.indicators"
    label = "indicators"
    verbose_name = "Indikatorer"
