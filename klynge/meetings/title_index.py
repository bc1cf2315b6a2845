"""SQLite: a trigram index over the agenda items' titles and journal numbers, for the matters list's
``?q=`` (a substring match, issue 16). PostgreSQL has its pg_trgm indexes (migration 0014); on SQLite a
``LIKE '%…%'`` reads all 100,000 item rows of the country (95 ms at national scale).

An external-content FTS5 table with the ``trigram`` tokenizer (SQLite 3.34+) answers a substring of
three characters or more from the index, case-insensitively across æ, ø and å. Triggers keep it in
step with every write. A later migration that rebuilds the items table on SQLite drops its triggers
(and the index of the columns a match is checked on),
so ``ensure`` (run after every ``migrate``) re-creates what is missing and rebuilds the index then.
"""

from django.db.models import Q
from django.db.models.expressions import RawSQL

TABLE = "meetings_agendaitem"
INDEX = "meetings_item_title_trigram"
TRIGGERS = (f"{INDEX}_insert", f"{INDEX}_delete", f"{INDEX}_update")
# The columns a match is then checked on (visibility, matter), beside the id: read from this narrow
# index instead of the wide item rows (texts, minutes), 39 -> 23 ms for 15,000 matches of a common word.
MATCH_COLUMNS = f"{INDEX}_match_columns"
OBJECTS = (INDEX, *TRIGGERS, MATCH_COLUMNS)
SHORTEST = 3  # a trigram index cannot answer fewer characters

CREATE = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX} USING fts5(
        title, case_number, content='{TABLE}', content_rowid='id', tokenize='trigram')""",
    f"""CREATE TRIGGER IF NOT EXISTS {INDEX}_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {INDEX}(rowid, title, case_number) VALUES (new.id, new.title, new.case_number);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {INDEX}_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {INDEX}({INDEX}, rowid, title, case_number) VALUES ('delete', old.id, old.title, old.case_number);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {INDEX}_update AFTER UPDATE OF title, case_number ON {TABLE} BEGIN
        INSERT INTO {INDEX}({INDEX}, rowid, title, case_number) VALUES ('delete', old.id, old.title, old.case_number);
        INSERT INTO {INDEX}(rowid, title, case_number) VALUES (new.id, new.title, new.case_number);
    END""",
    f"CREATE INDEX IF NOT EXISTS {MATCH_COLUMNS} ON {TABLE} (id, closed, matter_id, meeting_id)",
]
DROP = [*(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS), f"DROP INDEX IF EXISTS {MATCH_COLUMNS}",
        f"DROP TABLE IF EXISTS {INDEX}"]


def is_complete(connection) -> bool:
    """Whether the index table, its three triggers and the match columns' index exist (always true off SQLite)."""
    if connection.vendor != "sqlite":
        return True
    with connection.cursor() as cursor:
        marks = ", ".join("%s" for _ in OBJECTS)
        cursor.execute(f"SELECT count(*) FROM sqlite_master WHERE name IN ({marks})", OBJECTS)
        return cursor.fetchone()[0] == len(OBJECTS)


def ensure(connection) -> bool:
    """Creates what is missing and rebuilds the index from the items; True when it had to."""
    if connection.vendor != "sqlite" or is_complete(connection):
        return False
    with connection.cursor() as cursor:
        for sql in CREATE:
            cursor.execute(sql)
        cursor.execute(f"INSERT INTO {INDEX}({INDEX}) VALUES ('rebuild')")
        # A database that keeps planner statistics (ANALYZE was run: sqlite_stat1 exists) needs them for
        # the new index too, or the planner never picks it; one that keeps none is left without.
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone()[0]:
            cursor.execute(f"ANALYZE {MATCH_COLUMNS}")
    return True


def drop(connection) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for sql in DROP:
                cursor.execute(sql)


def title_or_number_contains(q: str, vendor: str) -> Q:
    """Items whose title or journal number contains ``q``, ignoring case (æ, ø and å included).

    On SQLite, three characters or more are looked up in the trigram index (one phrase: the words
    in this order, as LIKE would); shorter ones fall back to LIKE, which folds only ASCII letters,
    so the common case forms are asked for too. PostgreSQL's icontains reads its trigram indexes."""
    if vendor == "sqlite" and len(q) >= SHORTEST:
        phrase = '"' + q.replace('"', '""') + '"'
        return Q(pk__in=RawSQL(f"SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH %s", [phrase]))
    forms = {q} if q.isascii() else {q, q.lower(), q.upper(), q[:1].upper() + q[1:].lower()}
    match = Q(case_number__icontains=q)
    for form in forms:
        match |= Q(title__icontains=form)
    return match
