"""The data version: a number that every write to the public record changes, by database
triggers, so that anything cached under it is never stale.

Each write sets a new random number rather than adding one: a rolled-back transaction or
a restored backup brings back an earlier number together with the very state it stood
for, and two different states never share a number, so a cached entry always matches.

Triggers cover every table of the apps the setting DATA_VERSION_TRACKED_APPS names (their
models and many-to-many tables; not the audit history nor change logs (tables named
`*_change_log`), which only grow with those writes): the foundations name no app
themselves. The migrations write them out as SQL (PostgreSQL's function in dialogue_platform 0001, each table's trigger in
its app's migrations): a migration that adds a table to a tracked app must add its trigger,
and the system check in checks.py reports a table that lacks one."""

from __future__ import annotations

import contextlib

from django.apps import AppConfig, apps
from django.conf import settings
from django.db import DatabaseError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.http import HttpRequest
from simple_history.models import HistoricalChanges

VERSION_TABLE = "dialogue_platform_dataversion"
CHANGE_LOG_SUFFIX = "_change_log"
TRIGGER = "bump_data_version"
# PostgreSQL's one statement trigger fires on each of these (and TRUNCATE); SQLite has a row
# trigger per event, named "bump_data_version_<table>_<event>".
EVENTS = frozenset({"INSERT", "UPDATE", "DELETE"})


def tracked_models(app_configs: list[AppConfig] | None = None) -> list[type[Model]]:
    """The models whose tables carry the trigger, of the tracked apps among `app_configs`
    (all when None): models and auto-created many-to-many tables, not historical ones nor
    change logs (written by the other tables' own triggers)."""
    labels = [
        label
        for label in settings.DATA_VERSION_TRACKED_APPS
        if app_configs is None or label in {config.label for config in app_configs}
    ]
    return [
        model
        for label in labels
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not issubclass(model, HistoricalChanges)
        and not model._meta.db_table.endswith(CHANGE_LOG_SUFFIX)
    ]


def tables_with_triggers(database: BaseDatabaseWrapper = connection) -> set[str]:
    """The tables that carry the trigger for every event."""
    with database.cursor() as cursor:
        if database.vendor == "postgresql":
            cursor.execute(
                "SELECT event_object_table, event_manipulation FROM information_schema.triggers "
                "WHERE trigger_name = %s AND event_object_schema = current_schema()",
                [TRIGGER],
            )
            events = cursor.fetchall()
        else:
            cursor.execute(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"{TRIGGER}_%"],
            )
            events = [(table, name.rsplit("_", 1)[1].upper()) for table, name in cursor]
    by_table: dict[str, set[str]] = {}
    for table, event in events:
        by_table.setdefault(table, set()).add(event)
    return {table for table, found in by_table.items() if found >= EVENTS}


def for_request(request: HttpRequest) -> int:
    """The data version, read once per request."""
    if not hasattr(request, "_data_version"):
        request._data_version = current()
    return request._data_version


def current() -> int:
    """The data version now (one primary-key lookup).

    It is the first query of every public request, so on a connection kept from an earlier
    request (CONN_MAX_AGE) it is also the connection's health check (CONN_HEALTH_CHECKS),
    which Django would otherwise make with a `SELECT 1` of its own: a second round trip
    before every page and every 304. A connection that fails this read is closed and the
    read made once more on a new one, as a failed check would have had it."""
    if (
        connection.connection is None
        or not connection.health_check_enabled
        or connection.health_check_done
        or connection.in_atomic_block
    ):
        return read()
    connection.health_check_done = True  # this read is the check
    try:
        return read()
    except DatabaseError:
        # A broken connection may fail to close; it is dropped all the same.
        with contextlib.suppress(DatabaseError):
            connection.close()
        return read()


def read() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {VERSION_TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0
