from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _fill_empty_index(sender, using="default", **kwargs):
    """After ``migrate``: an installation that has data but an empty index (the index is new, or was
    emptied) gets it built, so search works without a manual ``klynge search reindex``."""
    from klynge.organisation.models import Body

    from .index import reindex
    from .models import SearchDocument

    if sender.label == "search" and not SearchDocument.objects.using(using).exists() \
            and Body.objects.using(using).exists():
        reindex()


class SearchConfig(AppConfig):
    name = "klynge.search"
    label = "search"
    verbose_name = "Søgning"

    def ready(self):
        from . import sources, sources_collaboration, sources_improvement  # noqa: F401 - registers the sources and connects their signals

        post_migrate.connect(_fill_empty_index, sender=self, dispatch_uid="search:fill-empty-index")
