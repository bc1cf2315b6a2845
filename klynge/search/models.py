"""The search index: one row per indexed thing (a body, a person, an item's agenda text, its
decision, an attachment, ...), written by ``search.index`` whenever the thing changes.

The engine-specific index lives beside the table and is created by the migration (``schema.py``):
on PostgreSQL a stored, generated ``vector`` column (``danish`` configuration, title weighted A,
text B) with a GIN index; on SQLite an FTS5 table ``search_fts`` over the Danish stems in
``stems_title``/``stems_text``, kept in step by triggers. Derived data, rebuilt by
``klynge search reindex``, so it keeps no history.
"""

import datetime
import zlib

from django.db import models

from klynge.core.models import CprCheckedModel

# A document's id is its place in time: date (undated documents after every dated one), then kind,
# then the object's id. The engines' indexes are ordered by it (FTS5's rowid, the primary key's
# B-tree), so "the newest matches" are read from an index and stop early: the engine ranks only a
# bounded window of them (``engine.RANK_WINDOW``). Unique because (kind, object_id) is.
OBJECT_BITS = 32
KIND_BITS = 8
UNDATED = datetime.date.max


KIND_CODES: dict[str, int] = {}  # filled by registry.register, so two kinds never share a code


def kind_code(kind: str) -> int:
    """A small number per kind (from its name; the next free one should two names collide)."""
    if kind not in KIND_CODES:
        code, taken = zlib.crc32(kind.encode()) & ((1 << KIND_BITS) - 1), set(KIND_CODES.values())
        while code in taken:
            code = (code + 1) & ((1 << KIND_BITS) - 1)
        KIND_CODES[kind] = code
    return KIND_CODES[kind]


def document_id(kind: str, object_id: int, date: datetime.date | None) -> int:
    if not 0 <= object_id < (1 << OBJECT_BITS):
        raise ValueError(f"Søgeindekset kan ikke rumme id {object_id}.")
    day = (date or UNDATED).toordinal()
    return (day << (KIND_BITS + OBJECT_BITS)) | (kind_code(kind) << OBJECT_BITS) | object_id


# The first id of an undated document: every dated document's id is below it.
FIRST_UNDATED_ID = UNDATED.toordinal() << (KIND_BITS + OBJECT_BITS)


class SearchDocument(CprCheckedModel):
    kind = models.CharField("slags", max_length=20)
    object_id = models.PositiveBigIntegerField("id")
    # What the visibility rules and the filters need, on the row itself or one join away.
    item = models.ForeignKey("meetings.AgendaItem", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")
    body = models.ForeignKey("organisation.Body", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    cluster = models.ForeignKey("organisation.Body", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    date = models.DateField("dato", null=True, blank=True)
    title = models.CharField("titel", max_length=400)
    text = models.TextField("tekst", blank=True)
    url = models.CharField("adresse", max_length=500, blank=True)
    # SQLite only: the Danish stems FTS5 indexes (empty on PostgreSQL, which stems in the database).
    stems_title = models.TextField(blank=True)
    stems_text = models.TextField(blank=True)

    class Meta:
        verbose_name = "søgedokument"
        verbose_name_plural = "søgedokumenter"
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_per_object")]
        indexes = [models.Index(fields=["date"], name="search_document_date")]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title[:60]}"
