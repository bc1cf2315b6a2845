from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "klynge.core"
    label = "core"
    verbose_name = "Fælles"
