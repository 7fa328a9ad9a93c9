"""The data version: a number that every write to the public record changes, by database
triggers, so that anything cached under it is never stale.

Each write sets a new random number rather than adding one: a rolled-back transaction or
a restored backup brings back an earlier number together with the very state it stood
for, and two different states never share a number, so a cached entry always matches.

Triggers cover every table of the `meetings` and `recommendations` apps (their models
and many-to-many tables; not the audit history nor change logs (tables named `*_change_log`),
which only grow with those writes).
A migration that adds a table to either app must call `install_triggers` again;
tests/test_caching.py checks that every such table has its trigger."""

from __future__ import annotations

from django.apps import apps as global_apps
from django.db import connection
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

TRACKED_APPS = ("meetings", "recommendations")
VERSION_TABLE = "dialogue_platform_dataversion"
PREFIX = "bump_data_version"
# The row may be gone (a test database flush); recreate it, then draw a new number.
BUMP_SQLITE = (
    f"INSERT OR IGNORE INTO {VERSION_TABLE} (id, version) VALUES (1, 0); "
    f"UPDATE {VERSION_TABLE} SET version = random() WHERE id = 1;"
)
BUMP_POSTGRES = (
    f"INSERT INTO {VERSION_TABLE} (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING; "
    f"UPDATE {VERSION_TABLE} SET version = floor(random() * 9e18)::bigint WHERE id = 1;"
)


def tracked_tables(apps=global_apps) -> list[str]:
    tables = []
    for label in TRACKED_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            table = model._meta.db_table
            if not table.split("_", 1)[1].startswith("historical") and not table.endswith(
                "_change_log"
            ):
                tables.append(table)
    return sorted(set(tables))


def install_triggers(apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """(Re)create the bump trigger on every tracked table: a RunPython operation."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            f"CREATE OR REPLACE FUNCTION {PREFIX}() RETURNS trigger AS $$ BEGIN {BUMP_POSTGRES} "
            "RETURN NULL; END; $$ LANGUAGE plpgsql"
        )
    for table in tracked_tables(apps):
        if vendor == "postgresql":
            # Once per statement: a bulk insert of 100,000 rows bumps once.
            schema_editor.execute(f'DROP TRIGGER IF EXISTS {PREFIX} ON "{table}"')
            schema_editor.execute(
                f'CREATE TRIGGER {PREFIX} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
                f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}()"
            )
        elif vendor == "sqlite":
            # SQLite has row triggers only.
            for event in ("INSERT", "UPDATE", "DELETE"):
                name = f"{PREFIX}_{table}_{event.lower()}"
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{name}"')
                schema_editor.execute(
                    f'CREATE TRIGGER "{name}" AFTER {event} ON "{table}" BEGIN {BUMP_SQLITE} END'
                )
        else:  # pragma: no cover - only SQLite and PostgreSQL are supported
            raise NotImplementedError(f"No data-version triggers for {vendor}.")


def tables_with_triggers() -> set[str]:
    """The tracked tables that currently carry the trigger (for tests)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT event_object_table FROM information_schema.triggers WHERE trigger_name = %s",
                [PREFIX],
            )
        else:
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"{PREFIX}_%"],
            )
        return {row[0] for row in cursor.fetchall()}


def current() -> int:
    """The data version now (one primary-key lookup)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {VERSION_TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0
