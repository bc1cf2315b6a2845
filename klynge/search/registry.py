"""The sources the search indexes: register one with a few lines (see docs/architecture.md).

A ``Source`` says which model it reads, how one object becomes a document (``Doc``, or None
for nothing to index), which related models' writes change its documents (``depends``), and
who may see its documents, as an ORM filter on ``SearchDocument`` (``visible``; None: everyone).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Q


@dataclass
class Doc:
    title: str
    text: str = ""
    url: str = ""
    date: datetime.date | None = None
    body_id: int | None = None
    cluster_id: int | None = None
    item_id: int | None = None


@dataclass
class Source:
    kind: str                      # stored on every document; also the ?type= filter value
    label: str                     # Danish, shown beside each hit and in the kind filter
    model: type
    document: Callable[[object, dict], Doc | None]   # (object, context) -> Doc; context from ``prepare``
    queryset: Callable[[], object] | None = None     # what a reindex reads (select_related etc.)
    prepare: Callable[[list], dict] | None = None    # batch look-ups for ``document`` (one call per batch)
    # (user, memo) -> Q on SearchDocument, None: public. ``memo`` is a dict shared by the sources
    # during one search, so a permission set is computed once (see sources.item_visible).
    visible: Callable[[object, dict], Q] | None = None
    # related model -> function(instance) giving the pks of ``model`` whose documents change with it
    depends: dict[type, Callable[[object], Iterable[int]]] = field(default_factory=dict)
    # a URL computed when shown rather than stored (e.g. an item's number changes when renumbered)
    url_of: Callable[[object], str] | None = None

    def objects(self):
        return self.queryset() if self.queryset else self.model._default_manager.all()


SOURCES: dict[str, Source] = {}


def register(source: Source) -> Source:
    """Add a source; connect its signals when the search app is ready (or at once after)."""
    from .models import kind_code

    kind_code(source.kind)  # part of the document id (models.document_id): assigned in registration order
    SOURCES[source.kind] = source
    from . import index

    index.connect(source)
    return source


def sources_for(model) -> list[Source]:
    return [s for s in SOURCES.values() if s.model is model]
