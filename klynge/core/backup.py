"""`klynge backup` and `klynge restore`: the database and the uploaded files in one archive.

The archive is a gzip-compressed tar file:

    manifest.json          format and version, when, which database, the applied migrations, the row
                           count of every table, every media file with its size and SHA-256
    database/klynge.sqlite3   SQLite: an exact copy made with SQLite's online backup API
    database/klynge.pgdump    PostgreSQL: pg_dump's custom format
    media/...              MEDIA_ROOT, byte for byte

Why the databases' own tools rather than Django's dumpdata/loaddata: they copy every table exactly
(history tables, the job queue, sessions, sequences, constraints) in one consistent snapshot while
Klynge keeps running, restore far faster, and nothing runs through model code (``loaddata`` would run
the save signals and the CPR guard, and cannot restore sequences). The price: an archive restores onto
the same kind of database it came from (SQLite onto SQLite, PostgreSQL onto PostgreSQL of the same or a
newer major version); moving between kinds is a different job (dumpdata/loaddata), refused here with a
message. On PostgreSQL the row counts are taken in the snapshot pg_dump reads (``pg_export_snapshot``),
so the manifest describes exactly what the dump holds, and a restore is checked against it.

Restore refuses a database that holds data, or a media directory that holds files, unless ``force``:
then it replaces both (the database's tables are dropped, the media directory emptied).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection, connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "klynge-backup"
VERSION = 1
DB_MEMBER = {"sqlite": "database/klynge.sqlite3", "postgresql": "database/klynge.pgdump"}
# Tables `klynge migrate` fills by itself: a database with rows only here is still empty.
BOOKKEEPING = {"django_migrations", "django_content_type", "auth_permission"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator (Danish / English)."""


@dataclass
class RestoreResult:
    tables: int
    rows: int
    media_files: int
    media_bytes: int
    replaced: bool
    warnings: list[str] = field(default_factory=list)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _media_files(root: Path) -> list[Path]:
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def table_counts(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 - names from introspection
        counts[table] = cursor.fetchone()[0]
    return counts


def _tables() -> list[str]:
    with connection.cursor() as cursor:
        return [t for t in connection.introspection.table_names(cursor)
                if not t.startswith("sqlite_")]


# --- PostgreSQL client tools ---------------------------------------------------------------

def _pg_env_and_args() -> tuple[dict, list[str]]:
    """Connection for pg_dump/pg_restore: the password only in the environment, never on a command line."""
    db = connections["default"].settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [option, str(db[key])]
    sslmode = (db.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return env, [*args, "--dbname", db["NAME"]]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"Programmet {name} findes ikke; installer PostgreSQL's klientprogrammer (Debian: postgresql-client) "
            f"i samme hovedversion som serveren. / {name} was not found; install the PostgreSQL client tools.")
    return found


def _run(command: list[str], env: dict) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        tool = Path(command[0]).name
        raise BackupError(f"{tool} fejlede / failed (kode {done.returncode}): {done.stderr.strip()[-2000:]}")


# --- backup ------------------------------------------------------------------------------------

def default_archive_path() -> Path:
    stamp = datetime.datetime.now(tz=datetime.UTC).strftime("%Y%m%d-%H%M%S")
    return Path(settings.KLYNGE_BACKUP_DIR) / f"klynge-backup-{stamp}.tar.gz"


def _dump_sqlite(target: Path) -> dict[str, int]:
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()
    copy = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in copy.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: copy.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}  # noqa: S608
    finally:
        copy.close()


def _dump_postgresql(target: Path) -> dict[str, int]:
    pg_dump = _tool("pg_dump")
    env, args = _pg_env_and_args()
    tables = _tables()
    # One snapshot for the counts and the dump: the manifest describes exactly what the dump holds.
    with connection.cursor() as cursor:
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = table_counts(cursor, tables)
            _run([pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                  f"--file={target}", *args], env)
        finally:
            cursor.execute("COMMIT")
    return counts


def make_backup(output: Path | None = None) -> tuple[Path, dict]:
    vendor = connection.vendor
    if vendor not in DB_MEMBER:
        raise BackupError(f"Databasen {vendor} understøttes ikke. / Database {vendor} is not supported.")
    output = Path(output) if output else default_archive_path()
    output.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="klynge-backup-", dir=output.parent) as tmp:
        db_file = Path(tmp) / Path(DB_MEMBER[vendor]).name
        counts = _dump_sqlite(db_file) if vendor == "sqlite" else _dump_postgresql(db_file)
        media = [{"path": p.relative_to(media_root).as_posix(), "size": p.stat().st_size, "sha256": _sha256(p)}
                 for p in _media_files(media_root)]
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
            "vendor": vendor,
            "database": {"member": DB_MEMBER[vendor], "size": db_file.stat().st_size, "sha256": _sha256(db_file)},
            "migrations": sorted(map(list, MigrationRecorder(connection).applied_migrations())),
            "tables": counts,
            "media": media,
        }
        partial = Path(tmp) / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mtime, info.mode = len(data), int(datetime.datetime.now().timestamp()), 0o600
            archive.addfile(info, io.BytesIO(data))
            archive.add(db_file, DB_MEMBER[vendor], recursive=False)
            for entry in media:
                archive.add(media_root / entry["path"], f"media/{entry['path']}", recursive=False)
        partial.chmod(0o600)  # the archive holds everything, closed items included
        os.replace(partial, output)  # never a half-written archive under the final name
    return output, manifest


# --- restore -----------------------------------------------------------------------------------

def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        member = archive.getmember("manifest.json")
        manifest = json.loads(archive.extractfile(member).read())
    except (KeyError, ValueError, AttributeError) as error:
        raise BackupError("Filen er ikke en sikkerhedskopi fra Klynge (manifest.json mangler eller er ugyldig). "
                          "/ Not a Klynge backup (manifest.json missing or invalid).") from error
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(f"Ukendt format for sikkerhedskopi: {manifest.get('format')} version "
                          f"{manifest.get('version')}. / Unknown backup format.")
    return manifest


def database_contents() -> dict[str, int]:
    """Rows in every table that `klynge migrate` does not fill by itself (empty dict: nothing there)."""
    tables = [t for t in _tables() if t not in BOOKKEEPING]
    with connection.cursor() as cursor:
        return {t: n for t, n in table_counts(cursor, tables).items() if n}


def _restore_sqlite(db_file: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)  # replaces every page of the open database
    finally:
        source.close()
    connection.close()


def _restore_postgresql(db_file: Path) -> None:
    pg_restore = _tool("pg_restore")
    env, args = _pg_env_and_args()
    try:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    except DatabaseError as error:
        raise BackupError(
            "Databasens tabeller kunne ikke fjernes før gendannelsen; brugeren skal eje databasen "
            f"(eller skemaet public). / Could not clear the database: {error}") from error
    connection.close()
    _run([pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", *args,
          str(db_file)], env)


def _safe_extract(archive: tarfile.TarFile, target: Path) -> None:
    for member in archive.getmembers():
        if not (member.isfile() or member.isdir()):
            raise BackupError(f"Sikkerhedskopien indeholder et ulovligt element: {member.name}. "
                              "/ The archive holds a link or device.")
    archive.extractall(target, filter="data")  # refuses absolute paths and ../ escapes


def restore_backup(path: Path, *, force: bool = False) -> RestoreResult:
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Filen {path} findes ikke. / File {path} not found.")
    vendor = connection.vendor
    media_root = Path(settings.MEDIA_ROOT)
    try:
        archive = tarfile.open(path, "r:*")  # noqa: SIM115 - closed by the with below
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"Filen {path} er ikke en sikkerhedskopi fra Klynge (ikke et tar-arkiv). "
                          "/ Not a Klynge backup (not a tar archive).") from error
    with archive:
        manifest = read_manifest(archive)
        if manifest["vendor"] != vendor:
            raise BackupError(
                f"Sikkerhedskopien er fra en {manifest['vendor']}-database, men Klynge kører nu på {vendor}. "
                "Gendan på samme slags database (se docs/operations.md). "
                f"/ The backup is from {manifest['vendor']}; this Klynge runs on {vendor}.")
        contents = database_contents()
        existing_media = _media_files(media_root)
        if (contents or existing_media) and not force:
            parts = []
            if contents:
                parts.append(f"databasen har {sum(contents.values())} rækker i {len(contents)} tabeller")
            if existing_media:
                parts.append(f"mediemappen har {len(existing_media)} "
                             f"{'fil' if len(existing_media) == 1 else 'filer'}")
            raise BackupError(
                "Gendannelsen er afvist: " + " og ".join(parts) + ". En gendannelse erstatter alt; "
                "brug --force, hvis det er meningen (tag først en sikkerhedskopi af det, der er nu). "
                "/ Restore refused: the database or media directory is not empty. Use --force to replace "
                "everything (take a backup of the current state first).")
        media_root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".klynge-restore-", dir=media_root.parent) as tmp:
            tmp = Path(tmp)
            _safe_extract(archive, tmp)
            db_file = tmp / manifest["database"]["member"]
            if not db_file.is_file() or _sha256(db_file) != manifest["database"]["sha256"]:
                raise BackupError("Databasefilen i sikkerhedskopien mangler eller er beskadiget (SHA-256 passer "
                                  "ikke). / The database file in the archive is missing or damaged.")
            for entry in manifest["media"]:
                file = tmp / "media" / entry["path"]
                if not file.is_file() or _sha256(file) != entry["sha256"]:
                    raise BackupError(f"Filen {entry['path']} i sikkerhedskopien mangler eller er beskadiget. "
                                      f"/ Media file {entry['path']} is missing or damaged.")
            # Everything checked: now replace.
            if vendor == "sqlite":
                _restore_sqlite(db_file)
            else:
                _restore_postgresql(db_file)
            for old in sorted(media_root.iterdir()):
                shutil.rmtree(old) if old.is_dir() and not old.is_symlink() else old.unlink()
            for entry in manifest["media"]:
                source, target = tmp / "media" / entry["path"], media_root / entry["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
    return _verify(manifest, media_root, replaced=bool(contents or existing_media))


def _verify(manifest: dict, media_root: Path, *, replaced: bool) -> RestoreResult:
    with connection.cursor() as cursor:
        counts = table_counts(cursor, list(manifest["tables"]))
    wrong = {t: (n, counts[t]) for t, n in manifest["tables"].items() if counts[t] != n}
    if wrong:
        raise BackupError(f"Efter gendannelsen passer antallet af rækker ikke i {sorted(wrong)}. "
                          "/ Row counts differ after restore.")
    size = 0
    for entry in manifest["media"]:
        file = media_root / entry["path"]
        if _sha256(file) != entry["sha256"]:
            raise BackupError(f"Filen {entry['path']} blev ikke gendannet korrekt. / Media file differs.")
        size += entry["size"]
    return RestoreResult(tables=len(counts), rows=sum(counts.values()), media_files=len(manifest["media"]),
                         media_bytes=size, replaced=replaced)
