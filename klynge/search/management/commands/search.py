"""``klynge search reindex``: rebuild the search index from the data.

Every document is written again and the engine's index (PostgreSQL's stored tsvector and GIN
index, SQLite's FTS5 table and triggers) dropped and created, in one transaction: searches meanwhile
see the old index. Needed after bulk loads that bypass ``save()`` without announcing themselves
(``core.signals.bulk_changed``), or to repair the index; writes through the app keep it current.
"""

import time

from django.core.management.base import BaseCommand

from klynge.search import index


class Command(BaseCommand):
    help = "Søgeindekset: genopbyg det fra data (reindex)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["reindex"], help="reindex: byg hele søgeindekset igen")

    def handle(self, *args, action, **options):
        began = time.perf_counter()
        counts = index.reindex(stdout=self.stdout if options["verbosity"] > 1 else None)
        self.stdout.write(f"Søgeindekset er bygget igen: {sum(counts.values())} dokumenter "
                          f"på {time.perf_counter() - began:.1f} s.")
