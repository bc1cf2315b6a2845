from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "klynge.api"
    label = "api"
    verbose_name = "API"
