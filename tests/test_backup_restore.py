"""A restore loses nothing: every row of every table comes back as it was backed up.

Checked for the portable `backup`/`restore` commands on whichever database the suite runs
on, and for that database's native tools as the README describes them (SQLite's online
backup, pg_dump/pg_restore).
"""

import datetime
import io
import os
import shutil
import sqlite3
import stat
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import load_backend
from django.urls import reverse

from core import data_version
from core.management.commands import backup as backup_command
from meetings.models import AgendaItem, Document, Meeting, Topic
from recommendations.models import Assessment, Recommendation

from . import factories

Rows = list[tuple[Any, ...]]


def comparable(value: Any) -> Any:
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.astimezone(datetime.UTC)
    return value


def rows(cursor: Any, sql: str) -> Rows:
    cursor.execute(sql)
    return sorted((tuple(comparable(v) for v in row) for row in cursor.fetchall()), key=repr)


# An SQLite full-text index (core/search/) is an FTS5 table over its model's table
# plus these shadow tables, whose bytes depend on the order rows were indexed in.
FTS5_SHADOWS = ("data", "idx", "content", "docsize", "config")


def search_index_entries(cursor: Any, fts: str) -> Rows:
    """What the index holds, independent of its layout: every term at every position."""
    vocabulary = f"{fts}_entries"
    cursor.execute(
        f"CREATE VIRTUAL TABLE temp.\"{vocabulary}\" USING fts5vocab(main, '{fts}', instance)"
    )
    entries = rows(cursor, f'SELECT term, doc, col, "offset" FROM temp."{vocabulary}"')
    cursor.execute(f'DROP TABLE temp."{vocabulary}"')
    return entries


def every_table(database: BaseDatabaseWrapper) -> dict[str, Rows]:
    """Every row of every table, including tables no model describes (django_migrations);
    full-text indexes by their entries. Not the change logs: triggers write them as records
    are written (a restore writes its own), and they are not backed up."""
    contents = {}
    with database.cursor() as cursor:
        tables = {
            table
            for table in database.introspection.table_names(cursor)
            if not table.endswith(data_version.CHANGE_LOG_SUFFIX)
        }
        if database.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5(%'"
            )
            for (fts,) in cursor.fetchall():
                tables -= {fts, *(f"{fts}_{shadow}" for shadow in FTS5_SHADOWS)}
                contents[f"{fts} (entries)"] = search_index_entries(cursor, fts)
        for table in tables:
            contents[table] = rows(cursor, f"SELECT * FROM {database.ops.quote_name(table)}")
    return contents


# The cache key that database triggers redraw on every write to the public record
# (core/data_version.py). Loading a backup through the ORM is such a write,
# so its number is new, which only empties the cache; it is not content.
DATA_VERSION = "dialogue_platform_dataversion"


def assert_same_tables(
    restored: dict[str, Rows], original: dict[str, Rows], *, except_for: frozenset = frozenset()
) -> None:
    assert sorted(restored) == sorted(original)
    for table, rows in original.items():
        if table in except_for:
            assert len(restored[table]) == len(rows), f"{table} lost rows"
        else:
            assert restored[table] == rows, f"{table} differs after the restore"


def assert_worth_comparing(contents: dict[str, Rows]) -> None:
    """The comparison means something only if the tables that matter hold rows."""
    for model in (Meeting, AgendaItem, Recommendation, Assessment, AccessAttempt, LogEntry):
        assert contents[model._meta.db_table], f"{model._meta.db_table} is empty"
    for table in ("django_session", "auth_group_permissions", "dialogue_platform_user_groups"):
        assert contents[table], f"{table} is empty"
    assert contents[Recommendation.topics.through._meta.db_table]
    indexes = [entries for name, entries in contents.items() if name.endswith("(entries)")]
    assert all(indexes), "an SQLite search index is empty"


@pytest.fixture
def populated(record, client) -> None:
    """The record fixture, plus a row in each kind of table it leaves empty: a staff
    account in a group, with permissions, a session, a failed login, an admin log entry.
    (Its own group: the migrations' Secretariat group may be gone after a browser test.)
    And a plan with an activity, and a UN recommendation, whose search indexes are tables too."""
    plan = factories.action_plan(description="Measures for the places of detention.")
    factories.activity(plan=plan, expected_outcome="A report on every place visited.")
    factories.outside_recommendation()
    staff = factories.user(username="aigerim", is_staff=True)
    group = Group.objects.create(name="Backup checkers")
    group.permissions.add(Permission.objects.get(codename="change_meeting"))
    staff.groups.add(group)
    staff.user_permissions.add(Permission.objects.get(codename="view_meeting"))
    client.force_login(staff)
    client.post(reverse("admin:login"), {"username": "aigerim", "password": "wrong"})
    LogEntry.objects.log_actions(
        user_id=staff.pk, queryset=[record.meeting], action_flag=CHANGE, change_message="Checked."
    )


@pytest.mark.django_db
def test_the_portable_backup_restores_every_row_into_a_freshly_migrated_database(
    populated, tmp_path
):
    original = every_table(connection)
    assert_worth_comparing(original)
    backup = tmp_path / "backup.json.gz"

    call_command("backup", str(backup))
    # A freshly migrated database: no content, but content types and permissions created
    # again by the migrations, under keys of their own.
    connection.check_constraints()  # as at a commit; PostgreSQL truncates nothing before
    call_command("flush", interactive=False, verbosity=0)
    assert not Recommendation.objects.exists()
    call_command("restore", str(backup), interactive=False)

    assert_same_tables(every_table(connection), original, except_for=frozenset({DATA_VERSION}))


@pytest.mark.django_db
def test_after_a_restore_new_records_get_fresh_keys(populated, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("backup", str(backup))
    call_command("restore", str(backup), interactive=False)
    highest = Topic.objects.order_by("-pk").first().pk

    assert factories.topic().pk > highest


@pytest.mark.django_db
def test_a_backup_that_fails_to_load_leaves_the_database_as_it_was(populated, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('[{"model": "meetings.topic", "pk": 1, "fields": {"no_such_field": 1}}]')
    before = every_table(connection)

    with pytest.raises(Exception, match=r"no_such_field|Problem installing"):
        call_command("restore", str(broken), interactive=False)

    assert_same_tables(every_table(connection), before)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """A umask that takes no permission away, as a careless shell or cron job may have."""
    previous = os.umask(0)
    yield
    os.umask(previous)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["b.json", "b.json.gz", "b.json.bz2", "b.json.xz"])
def test_a_backup_is_readable_by_its_owner_alone_from_the_moment_it_exists(
    name, tmp_path, permissive_umask, monkeypatch
):
    # It holds password hashes and session keys.
    factories.user(username="aigerim")
    modes_while_writing = []
    every_record = backup_command.every_record

    def every_record_noting_the_files_mode(database: str) -> Iterator:
        modes_while_writing.extend(stat.S_IMODE(f.stat().st_mode) for f in tmp_path.iterdir())
        return every_record(database)

    monkeypatch.setattr(backup_command, "every_record", every_record_noting_the_files_mode)

    call_command("backup", str(tmp_path / name))

    assert modes_while_writing == [0o600]
    assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600


def wrapper_for(settings_dict: dict[str, Any], alias: str) -> BaseDatabaseWrapper:
    """A connection to another database with the same engine, converting values exactly
    as the suite's own connection does, so that rows compare equal."""
    return load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias)


@pytest.fixture
def other_connection() -> Iterator[list[BaseDatabaseWrapper]]:
    opened: list[BaseDatabaseWrapper] = []
    yield opened
    for database in opened:
        database.close()


# Native tools read committed data from outside this connection, hence a transactional
# test; serialized_rollback puts back the migrations' data (the Secretariat group) after.
native = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sqlite_backup_round_trip(tmp_path: Path, other_connection: list) -> None:
    """SQLite's online backup restores every row."""
    original = every_table(connection)
    backup_file, restored_file = tmp_path / "backup.sqlite3", tmp_path / "restored.sqlite3"

    # What `sqlite3 db.sqlite3 ".backup 'backup.sqlite3'"` does, while the site runs.
    with sqlite3.connect(backup_file) as backup:
        connection.connection.backup(backup)
    backup.close()
    # Restoring is copying the backup into place while the site is stopped.
    shutil.copyfile(backup_file, restored_file)
    restored = wrapper_for({**connection.settings_dict, "NAME": str(restored_file)}, "restored")
    other_connection.append(restored)

    assert_same_tables(every_table(restored), original)


def postgres_command(settings_dict: dict[str, Any], program: str, *options: str) -> list[str]:
    """A PostgreSQL client program pointed at the server the suite uses."""
    return [
        program,
        *options,
        f"--host={settings_dict['HOST'] or 'localhost'}",
        f"--port={settings_dict['PORT'] or 5432}",
        f"--username={settings_dict['USER']}",
    ]


def pg_dump_round_trip(tmp_path: Path, other_connection: list) -> None:
    """pg_dump and pg_restore restore every row and sequence."""
    original = every_table(connection)
    settings_dict = connection.settings_dict
    password = {"PGPASSWORD": settings_dict["PASSWORD"]} if settings_dict["PASSWORD"] else {}
    env = {**os.environ, **password}
    dump = tmp_path / "backup.dump"
    empty = f"{settings_dict['NAME']}_restore_check"

    subprocess.run(
        [
            *postgres_command(settings_dict, "pg_dump", "--format=custom", f"--file={dump}"),
            settings_dict["NAME"],
        ],
        check=True,
        env=env,
    )
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{empty}"')
        cursor.execute(f'CREATE DATABASE "{empty}"')
    try:
        subprocess.run(
            [
                *postgres_command(
                    settings_dict, "pg_restore", "--clean", "--if-exists", "--no-owner"
                ),
                f"--dbname={empty}",
                str(dump),
            ],
            check=True,
            env=env,
        )
        restored = wrapper_for({**settings_dict, "NAME": empty}, "restored")
        other_connection.append(restored)

        assert_same_tables(every_table(restored), original)
        assert sequences(restored) == sequences(connection)
    finally:
        for database in other_connection:
            database.close()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{empty}"')


def sequences(database: BaseDatabaseWrapper) -> list[tuple[str, int | None]]:
    with database.cursor() as cursor:
        cursor.execute("SELECT sequencename, last_value FROM pg_sequences ORDER BY 1")
        return cursor.fetchall()


@native
def test_the_databases_own_backup_tools_restore_every_row(populated, tmp_path, other_connection):
    """What README, "Backup and restore", tells operators to run on the backend in use."""
    round_trip = {"sqlite": sqlite_backup_round_trip, "postgresql": pg_dump_round_trip}
    round_trip[connection.vendor](tmp_path, other_connection)


# Uploaded files: a `.tar` backup carries them, from the local disk or the bucket.

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(params=["local disk", "bucket"])
def storage(request, settings, tmp_path) -> str:
    """Each test below runs with uploads on the local disk, then in an S3 bucket."""
    settings.MEDIA_ROOT = tmp_path / "media"
    if request.param == "bucket":
        request.getfixturevalue("bucket")
    return request.param


def download(client, document: Document) -> tuple[int, bytes]:
    response = client.get(reverse("documents:download", args=[document.pk]))
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response.status_code, body


@pytest.mark.django_db
def test_a_backup_archive_brings_back_a_documents_file_after_both_are_lost(
    storage, client, tmp_path
):
    document = factories.document(title="Shadow report", file=SimpleUploadedFile("r.pdf", PDF))
    backup = tmp_path / "backup.tar"

    call_command("backup", str(backup))
    # Everything lost: the file from the storage, every record from the database.
    default_storage.delete(document.file.name)
    connection.check_constraints()
    call_command("flush", interactive=False, verbosity=0)
    assert download(client, document)[0] == 404
    call_command("restore", str(backup), interactive=False)

    assert Document.objects.get().title == "Shadow report"
    assert download(client, document) == (200, PDF)


@pytest.mark.django_db
def test_a_backup_archive_holds_the_files_of_past_versions_too(storage, client, tmp_path):
    # The History page can restore a version whose file has since been replaced.
    document = factories.document(file=SimpleUploadedFile("first.pdf", PDF))
    first_name = document.file.name
    document.file = SimpleUploadedFile("second.pdf", PDF + b"%second\n")
    document.save()

    call_command("backup", str(tmp_path / "backup.tar"))

    with tarfile.open(tmp_path / "backup.tar") as archive:
        names = set(archive.getnames())
    assert names == {"records.json.gz", f"files/{first_name}", f"files/{document.file.name}"}


@pytest.mark.django_db
def test_a_backup_archive_is_readable_by_its_owner_alone(storage, tmp_path, permissive_umask):
    factories.document(file=SimpleUploadedFile("r.pdf", PDF))

    call_command("backup", str(tmp_path / "backup.tar"))

    assert stat.S_IMODE((tmp_path / "backup.tar").stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir() if path.is_file()] == ["backup.tar"]


@pytest.mark.django_db
def test_an_archive_naming_a_file_outside_the_storage_is_refused_and_changes_nothing(
    storage, tmp_path
):
    document = factories.document(file=SimpleUploadedFile("r.pdf", PDF))
    call_command("backup", str(tmp_path / "backup.tar"))
    with tarfile.open(tmp_path / "backup.tar", "a") as archive:
        escape = tarfile.TarInfo("files/../../outside.pdf")
        escape.size = len(PDF)
        archive.addfile(escape, io.BytesIO(PDF))
    default_storage.delete(document.file.name)
    before = every_table(connection)

    with pytest.raises(CommandError, match="not a usable backup archive"):
        call_command("restore", str(tmp_path / "backup.tar"), interactive=False)

    assert_same_tables(every_table(connection), before)
    assert not (tmp_path / "outside.pdf").exists()
    # Refused before any file was written, the archive's good one included.
    assert not default_storage.exists(document.file.name)
