"""The engine-specific part of the index, beside the ``search_searchdocument`` table.

Created by the migration and re-created by ``klynge search reindex`` (so a table rebuilt by a
later SQLite migration, which drops triggers, is repaired by a reindex).
"""

TABLE = "search_searchdocument"

VECTOR = ("setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') "
          "|| setweight(to_tsvector('danish'::regconfig, coalesce(text, '')), 'B')")
POSTGRESQL = [
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS vector tsvector GENERATED ALWAYS AS ({VECTOR}) STORED",
    f"CREATE INDEX IF NOT EXISTS search_document_vector ON {TABLE} USING gin (vector)",
]
POSTGRESQL_DROP = [
    "DROP INDEX IF EXISTS search_document_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector",
]

# External-content FTS5 over the stem columns; unicode61 without diacritic removal (æ, ø, å
# are letters of their own in Danish); the triggers keep it in step with every write,
# bulk writes and cascading deletes included.
SQLITE = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        stems_title, stems_text, content='{TABLE}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO search_fts(rowid, stems_title, stems_text) VALUES (new.id, new.stems_title, new.stems_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, stems_title, stems_text)
        VALUES ('delete', old.id, old.stems_title, old.stems_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_update AFTER UPDATE OF stems_title, stems_text ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, stems_title, stems_text)
        VALUES ('delete', old.id, old.stems_title, old.stems_text);
        INSERT INTO search_fts(rowid, stems_title, stems_text) VALUES (new.id, new.stems_title, new.stems_text);
    END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TABLE IF EXISTS search_fts",
]


def statements(vendor: str, *, drop: bool = False) -> list[str]:
    if vendor == "postgresql":
        return POSTGRESQL_DROP if drop else POSTGRESQL
    if vendor == "sqlite":
        return SQLITE_DROP if drop else SQLITE
    return []


def create(connection) -> None:
    with connection.cursor() as cursor:
        for sql in statements(connection.vendor):
            cursor.execute(sql)


def drop(connection) -> None:
    with connection.cursor() as cursor:
        for sql in statements(connection.vendor, drop=True):
            cursor.execute(sql)


def is_complete(connection) -> bool:
    """Whether the engine's index objects exist (a check for tests and the reindex command)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_indexes WHERE indexname = 'search_document_vector'")
            return cursor.fetchone()[0] == 1
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name IN "
                           "('search_fts', 'search_fts_insert', 'search_fts_delete', 'search_fts_update')")
            return cursor.fetchone()[0] == 4
    return True
