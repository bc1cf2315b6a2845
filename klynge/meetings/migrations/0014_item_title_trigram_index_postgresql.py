"""PostgreSQL: trigram indexes on the agenda items' titles and journal numbers, so the matters list's
``?q=`` (``title__icontains``, i.e. ``UPPER(title) LIKE UPPER('%…%')``) reads an index instead of
scanning every item of the country (issue 16). SQLite has no such index; its scan of 100,000 titles
is 30-50 ms. ``pg_trgm`` is a trusted extension (PostgreSQL 13+): a database owner may create it."""

from django.db import migrations

INDEXES = {
    "meetings_agendaitem_title_trgm": "title",
    "meetings_agendaitem_case_number_trgm": "case_number",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS {name} ON meetings_agendaitem '
                              f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0013_alter_historicalagendaitem_history_change_reason_and_more'),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
