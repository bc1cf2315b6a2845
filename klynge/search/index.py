"""Keeping the index current: documents written on every save and delete of an indexed thing
(signals), on the bulk writes that announce themselves (``core.signals.bulk_changed``), and
rebuilt from scratch by ``reindex()`` (``klynge search reindex``).

Writes happen inside the caller's transaction, so a rolled-back write leaves no document behind
and a search in the same transaction already sees the new text.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from klynge.core.signals import bulk_changed

from . import schema
from .models import SearchDocument, document_id
from .registry import SOURCES, Doc, Source
from .text import MAX_TEXT, stem_text

BATCH = 2000


def _row(source: Source, pk: int, doc: Doc) -> SearchDocument:
    title, text = doc.title[:400], doc.text[:MAX_TEXT]
    row = SearchDocument(id=document_id(source.kind, pk, doc.date),
                         kind=source.kind, object_id=pk, title=title, text=text, url=doc.url[:500],
                         date=doc.date, body_id=doc.body_id, cluster_id=doc.cluster_id, item_id=doc.item_id)
    if connection.vendor == "sqlite":
        row.stems_title, row.stems_text = stem_text(title), stem_text(text)
    return row


def rows_for(source: Source, objects: list) -> list[SearchDocument]:
    context = source.prepare(objects) if source.prepare else {}
    rows = []
    for obj in objects:
        doc = source.document(obj, context)
        if doc is not None and (doc.title or doc.text):
            rows.append(_row(source, obj.pk, doc))
    return rows


def index_pks(source: Source, pks: Iterable[int]) -> None:
    """(Re)write the documents of these objects; an object gone or with nothing to index loses its."""
    pks = sorted({pk for pk in pks if pk is not None})
    if not pks:
        return
    with transaction.atomic():
        for start in range(0, len(pks), BATCH):
            chunk = pks[start:start + BATCH]
            objects = list(source.objects().filter(pk__in=chunk))
            SearchDocument.objects.filter(kind=source.kind, object_id__in=chunk).delete()
            SearchDocument.objects.bulk_create(rows_for(source, objects), batch_size=500)


def remove(source: Source, pks: Iterable[int]) -> None:
    SearchDocument.objects.filter(kind=source.kind, object_id__in=list(pks)).delete()


def reindex(stdout=None) -> dict[str, int]:
    """Every document again, from the data, with the engine's index rebuilt; one transaction."""
    counts = {}
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Foreign keys are checked at commit: run the pending checks now, as PostgreSQL refuses to
            # alter a table with pending trigger events. The generated column stays; its GIN index is
            # dropped and built again after the rows are in (faster than row by row).
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS vector tsvector "
                               "GENERATED ALWAYS AS (" + schema.VECTOR + ") STORED")
                cursor.execute("DROP INDEX IF EXISTS search_document_vector")
        else:
            schema.drop(connection)
        SearchDocument.objects.all().delete()
        for kind, source in SOURCES.items():
            queryset = source.objects().order_by("pk")
            last, written = 0, 0
            while True:
                objects = list(queryset.filter(pk__gt=last)[:BATCH])
                if not objects:
                    break
                rows = rows_for(source, objects)
                SearchDocument.objects.bulk_create(rows, batch_size=500)
                written += len(rows)
                last = objects[-1].pk
            counts[kind] = written
            if stdout:
                stdout.write(f"{source.label}: {written}")
        schema.create(connection)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            if connection.vendor == "sqlite":
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    # Planner statistics for the new rows, on both engines: stale ones (a table that was nearly empty
    # when last analysed) make SQLite scan the whole table for a page's twenty ids.
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {schema.TABLE}")
    return counts


# --- signals ---------------------------------------------------------------------------------

def _saved(source):
    def handler(sender, instance, raw=False, **kwargs):
        if not raw:
            index_pks(source, [instance.pk])
    return handler


def _deleted(source):
    def handler(sender, instance, **kwargs):
        remove(source, [instance.pk])
    return handler


def _related(source, owners):
    def handler(sender, instance, raw=False, **kwargs):
        if not raw:
            index_pks(source, owners(instance))
    return handler


_HANDLERS = []  # the receivers are weakly referenced by the signals: keep them alive


def connect(source: Source) -> None:
    uid = f"search:{source.kind}"
    for signal, handler in ((post_save, _saved(source)), (post_delete, _deleted(source))):
        _HANDLERS.append(handler)
        signal.connect(handler, sender=source.model, dispatch_uid=f"{uid}:{signal is post_save}")
    for model, owners in source.depends.items():
        handler = _related(source, owners)
        _HANDLERS.append(handler)
        for signal in (post_save, post_delete):
            signal.connect(handler, sender=model, dispatch_uid=f"{uid}:{model._meta.label}:{signal is post_save}")


def _bulk(sender, instances=(), **kwargs):
    """A bulk write (bulk_create/bulk_update/queryset.update) announced by its writer."""
    instances = list(instances)
    for source in SOURCES.values():
        if source.model is sender:
            index_pks(source, [obj.pk for obj in instances])
        owners = source.depends.get(sender)
        if owners:
            index_pks(source, [pk for obj in instances for pk in owners(obj)])


bulk_changed.connect(_bulk, dispatch_uid="search:bulk")
