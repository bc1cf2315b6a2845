from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "klynge.reminders"
    label = "reminders"
    verbose_name = "Påmindelser"

    def ready(self):
        from klynge.jobs.worker import register_periodic

        from .jobs import ensure_scheduled

        register_periodic(ensure_scheduled)
