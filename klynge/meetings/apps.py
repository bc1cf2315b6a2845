from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "klynge.meetings"
    label = "meetings"
    verbose_name = "Møder og sager"

    def ready(self):
        from . import cohost_history

        cohost_history.connect()
