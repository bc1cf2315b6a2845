from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _repair_title_index(sender, using="default", **kwargs):
    """A migration that rebuilt the items table on SQLite dropped the title index's triggers: re-create them."""
    from django.db import connections

    from . import title_index

    if title_index.TABLE in connections[using].introspection.table_names():
        title_index.ensure(connections[using])


class MeetingsConfig(AppConfig):
    name = "klynge.meetings"
    label = "meetings"
    verbose_name = "Møder og sager"

    def ready(self):
        from . import cohost_history

        cohost_history.connect()
        post_migrate.connect(_repair_title_index, sender=self, dispatch_uid="meetings_title_index")
