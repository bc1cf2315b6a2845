"""`klynge backup` and `klynge restore`: a round trip that loses nothing, on SQLite and PostgreSQL.

Run end to end through the console script, as an operator would, in separate processes with their own
databases and data directories (never the test database): a source filled by `klynge demo` (every
app, with change history, job queue rows and sessions) plus media files chosen to break naive copies
(binary, empty, Danish names, nested folders); a backup; a restore into an empty database; then every
table compared row for row and column for column, the PostgreSQL sequences, and every media file byte
for byte. A restore onto data is refused with a Danish and English message and changes nothing;
``--force`` replaces it and the comparison holds again.

SQLite always runs; PostgreSQL runs when the suite runs on PostgreSQL (DATABASE_URL), in two
databases of its own beside the test database.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

KLYNGE = [sys.executable, "-m", "klynge.cli"]
MEDIA = {
    "meetings/attachments/2026/bilag æøå – dagsorden.pdf": os.urandom(150_000),
    "meetings/attachments/2026/tom.txt": b"",
    "importjobs/7/referat.docx": os.urandom(4096),
    "indicators/data.csv": "Kommune;Værdi\nAabenraa;1.022.190\n".encode("cp1252"),
}


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(request, tmp_path_factory):
    """(kind, url of a new database): on SQLite a file, on PostgreSQL a database created here."""
    tmp = tmp_path_factory.mktemp(request.param)
    made = []

    def new_database(name: str) -> str:
        if request.param == "sqlite":
            return f"sqlite:///{tmp / (name + '.sqlite3')}"
        import psycopg

        database = f"{prefix}_{name}"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{database}"')
        made.append(database)
        return _with_database(base, database)

    if request.param == "postgresql":
        base = _postgres_url()
        if not base:
            pytest.skip("the PostgreSQL round trip runs when the suite runs on PostgreSQL (DATABASE_URL)")
        prefix = (urlsplit(base).path.strip("/") or "klynge") + "_backup"
        admin = _with_database(base, "postgres")
    yield request.param, new_database
    if made:
        import psycopg

        with psycopg.connect(admin, autocommit=True) as conn:
            for database in made:
                conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture(scope="module")
def source(engine, tmp_path_factory):
    """A database filled by `klynge demo` with awkward media files, its snapshot, and its backup.
    Built once per database kind: migrating and the demo are the slow part."""
    kind, new_database = engine
    url, data = new_database("source"), tmp_path_factory.mktemp("source-data")
    klynge("migrate", "--noinput", url=url, data=data)
    klynge("demo", url=url, data=data)
    for name, content in MEDIA.items():
        (data / "files" / name).parent.mkdir(parents=True, exist_ok=True)
        (data / "files" / name).write_bytes(content)
    archive = tmp_path_factory.mktemp("backup") / "klynge.tar.gz"
    before, media_before = snapshot(kind, url), media_of(data)
    done = klynge("backup", "--output", str(archive), url=url, data=data)
    assert "Sikkerhedskopi skrevet" in done.stdout
    return {"kind": kind, "url": url, "data": data, "archive": archive, "tables": before,
            "media": media_before, "new_database": new_database}


def klynge(*args, url: str, data: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "KLYNGE_DATA_DIR": str(data), "DEBUG": "false",
           "SECRET_KEY": "test-only-not-secret"}
    env.pop("MEDIA_ROOT", None)
    done = subprocess.run([*KLYNGE, *args], env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if check and done.returncode != 0:
        raise AssertionError(f"klynge {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done


def snapshot(kind: str, url: str) -> dict:
    """Every table's rows (all columns, sorted) and, on PostgreSQL, every sequence's position."""
    if kind == "sqlite":
        conn = sqlite3.connect(urlsplit(url).path)
        try:
            tables = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            return {"tables": {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}}  # noqa: S608
        finally:
            conn.close()
    import psycopg

    with psycopg.connect(url) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
        rows = {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}  # noqa: S608
        sequences = dict(conn.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'").fetchall())
    return {"tables": rows, "sequences": sequences}


def media_of(data: Path) -> dict[str, bytes]:
    root = data / "files"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_backup_and_restore_round_trip_loses_no_row_and_no_byte(source, tmp_path):
    kind, archive = source["kind"], source["archive"]
    before = source["tables"]
    history = [t for t in before["tables"] if "historical" in t]
    assert len(history) > 10 and sum(len(before["tables"][t]) for t in history) > 100, "demo writes history"
    assert sum(map(len, before["tables"].values())) > 1000
    assert set(MEDIA) <= set(source["media"])
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    # Into an empty database (no tables at all) and an empty data directory.
    target_url, target = source["new_database"]("roundtrip"), tmp_path / "target-data"
    done = klynge("restore", str(archive), url=target_url, data=target)
    assert "Gendannet" in done.stdout
    assert snapshot(kind, target_url) == before
    assert media_of(target) == source["media"]
    # The source is untouched by its own backup.
    assert snapshot(kind, source["url"]) == before


def _change(kind: str, url: str) -> None:
    """Another state: one history row fewer, every body renamed."""
    statements = [
        "DELETE FROM organisation_historicalbody WHERE history_id = "
        "(SELECT MIN(history_id) FROM organisation_historicalbody)",
        "UPDATE organisation_body SET name = name || ' (ændret)'",
    ]
    if kind == "sqlite":
        conn = sqlite3.connect(urlsplit(url).path)
        with conn:
            for sql in statements:
                conn.execute(sql)
        conn.close()
        return
    import psycopg

    with psycopg.connect(url) as conn:
        for sql in statements:
            conn.execute(sql)


def test_restore_refuses_data_unless_forced_and_forced_replaces_everything(source, tmp_path):
    kind, archive = source["kind"], source["archive"]
    target_url, target = source["new_database"]("forced"), tmp_path / "target-data"
    klynge("restore", str(archive), url=target_url, data=target)
    _change(kind, target_url)
    (target / "files" / "ny fil.bin").write_bytes(b"other")
    changed, changed_media = snapshot(kind, target_url), media_of(target)
    assert changed != source["tables"]

    refused = klynge("restore", str(archive), url=target_url, data=target, check=False)
    assert refused.returncode != 0
    assert "Gendannelsen er afvist" in refused.stderr and "--force" in refused.stderr
    assert "Restore refused" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert snapshot(kind, target_url) == changed
    assert media_of(target) == changed_media

    done = klynge("restore", str(archive), "--force", url=target_url, data=target)
    assert "erstattet" in done.stdout
    assert snapshot(kind, target_url) == source["tables"]
    assert media_of(target) == source["media"]


def test_restore_refuses_a_file_that_is_not_a_backup_with_a_clear_message(tmp_path):
    bogus = tmp_path / "x.tar.gz"
    bogus.write_bytes(b"not a tar file")
    done = klynge("restore", str(bogus), url=f"sqlite:///{tmp_path / 'db.sqlite3'}", data=tmp_path / "d",
                  check=False)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "ikke en sikkerhedskopi" in done.stderr
