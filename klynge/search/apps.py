from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "klynge.search"
    label = "search"
    verbose_name = "Søgning"
