from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "klynge.importer"
    label = "importer"
    verbose_name = "Import af referater"
