from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "klynge.outbox"
    label = "outbox"
    verbose_name = "Udbakke"
