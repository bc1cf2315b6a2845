from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "klynge.jobs"
    label = "jobs"
    verbose_name = "Baggrundsjob"
