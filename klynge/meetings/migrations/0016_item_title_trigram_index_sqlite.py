"""SQLite: the trigram index over the agenda items' titles and journal numbers (``meetings.title_index``);
the SQLite counterpart of 0014's pg_trgm indexes. Nothing on PostgreSQL."""

from django.db import migrations


def create(apps, schema_editor):
    from klynge.meetings import title_index

    title_index.ensure(schema_editor.connection)


def drop(apps, schema_editor):
    from klynge.meetings import title_index

    title_index.drop(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0015_merge_trigram_indexes_and_keyed_feeds'),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
