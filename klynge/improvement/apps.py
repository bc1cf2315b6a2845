from django.apps import AppConfig


class ImprovementConfig(AppConfig):
    name = "klynge.improvement"
    label = "improvement"
    verbose_name = "Forbedringsteams"
