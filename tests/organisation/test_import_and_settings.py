"""The organisation CSV import, the CLI and the settings promises."""

import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Organisation


def write(tmp_path, text, name="parter.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_import_creates_parties_with_parent_and_region(db, tmp_path):
    path = write(tmp_path, "name,kind,parent,region,municipality_code\n"
                           "Region Test,region,,,\n"
                           "Test Sygehus,Hospitalsenhed,Region Test,Region Test,\n"
                           "Testby Kommune,Kommune,,Region Test,123\n")
    call_command("import-organisations", path, stdout=open(os.devnull, "w"))
    hospital = Organisation.objects.get(name="Test Sygehus")
    assert hospital.kind == OrganisationKind.HOSPITAL_UNIT and hospital.parent.name == "Region Test"
    assert Organisation.objects.get(name="Testby Kommune").municipality_code == "123"


def test_unknown_organisation_kind_is_refused_naming_the_line_and_nothing_is_saved(db, tmp_path):
    path = write(tmp_path, "name,kind\nRegion Test,region\nFoo,rumstation\n")
    with pytest.raises(CommandError) as error:
        call_command("import-organisations", path)
    assert "linje 3" in str(error.value) and "ukendt type “rumstation”" in str(error.value)
    assert not Organisation.objects.exists()


def test_import_reads_windows_1252(db, tmp_path):
    path = write(tmp_path, "name,kind\nKøge Kommune,Kommune\n", encoding="cp1252")
    call_command("import-organisations", path, stdout=open(os.devnull, "w"))
    assert Organisation.objects.filter(name="Køge Kommune").exists()


@pytest.mark.parametrize("content,message", [
    ("", "er tom"),
    ("navn,type\nX,region\n", "kolonnen “name” mangler"),
    ("name,kind\nA,region\nA,region\n", "mere end én gang"),
    ("name,kind,municipality_code\nA,Kommune,12x\n", "tre cifre"),
    ("name,kind,parent\nA,Kommune,Findes Ikke\n", "findes ikke"),
])
def test_bad_organisation_csv_gets_a_clear_danish_message(db, tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(CommandError) as error:
        call_command("import-organisations", path)
    assert message in str(error.value)
    assert not Organisation.objects.exists()


def _klynge(*args, env=None):
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; a deployment never has it.
    base = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    # The timeout only guards against a hang: a fresh migrate on a loaded CI core has taken over 120 s.
    return subprocess.run([sys.executable, "-m", "klynge.cli", *args], capture_output=True, text=True,
                          env={**base, **(env or {})}, timeout=600)


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _klynge("check", "--deploy", "--fail-level", "WARNING", env={
        "KLYNGE_DATA_DIR": str(tmp_path), "DEBUG": "false", "KLYNGE_HTTPS": "true",
        "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-key-with-enough-entropy-1234567890",
        "ALLOWED_HOSTS": "klynge.example.dk",
    })
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_sqlite_runs_in_wal_mode(db):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    # The test database lives in memory, where SQLite reports "memory"; a file database reports "wal".
    assert mode in {"wal", "memory"}


def test_file_database_is_created_in_wal_mode_under_the_data_dir(tmp_path):
    result = _klynge("migrate", "--noinput", env={"KLYNGE_DATA_DIR": str(tmp_path), "DATABASE_URL": ""})
    assert result.returncode == 0, result.stderr
    import sqlite3

    assert sqlite3.connect(tmp_path / "klynge.sqlite3").execute("PRAGMA journal_mode").fetchone()[0] == "wal"
