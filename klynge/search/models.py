"""The search index: one row per indexed thing (a body, a person, an item's agenda text, its
decision, an attachment, ...), written by ``search.index`` whenever the thing changes.

The engine-specific index lives beside the table and is created by the migration (``schema.py``):
on PostgreSQL a stored, generated ``vector`` column (``danish`` configuration, title weighted A,
text B) with a GIN index; on SQLite an FTS5 table ``search_fts`` over the Danish stems in
``stems_title``/``stems_text``, kept in step by triggers. Derived data, rebuilt by
``klynge search reindex``, so it keeps no history.
"""

from django.db import models

from klynge.core.models import CprCheckedModel


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
