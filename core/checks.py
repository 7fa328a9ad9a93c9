"""System checks that ask the database (`manage.py check --database default`; `migrate`
runs them too, before it migrates)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Error
from django.db import connections
from django.db.migrations.loader import MigrationLoader

from . import data_version


def data_version_triggers(
    app_configs: list[AppConfig] | None, databases: Iterable[str] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """Every table of a tracked app carries its data-version trigger: a table without one
    would serve cached pages that miss its writes."""
    errors: list[CheckMessage] = []
    for alias in databases or ():
        database = connections[alias]
        # `migrate` runs this before it migrates: an app with a migration still to apply
        # may be about to create its table or add the missing trigger.
        loader = MigrationLoader(database)
        pending = {
            app for app, name in loader.graph.nodes if (app, name) not in loader.applied_migrations
        }
        with_trigger = data_version.tables_with_triggers(database)
        for model in data_version.tracked_models(app_configs):
            table = model._meta.db_table
            if model._meta.app_label not in pending and table not in with_trigger:
                errors.append(
                    Error(
                        f"The table {table} has no data-version trigger ({alias} database): "
                        "its writes do not change the data version, so cached pages miss them.",
                        hint=(
                            f"Add a migration to {model._meta.app_label} that creates the "
                            f"{data_version.TRIGGER} trigger on {table} for SQLite and "
                            "PostgreSQL, written out as in meetings/migrations/"
                            "0002_data_version_triggers_and_full_text_search.py (README, "
                            '"Adding a tracked table").'
                        ),
                        obj=model,
                        id="dialogue_platform.E001",
                    )
                )
    return errors
