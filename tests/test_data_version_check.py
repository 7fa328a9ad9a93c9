"""`manage.py check --database default`, and `migrate` before it migrates, report a table of
a tracked app without its data-version trigger: its writes would leave cached pages stale.

Each test drops triggers inside its own transaction, which rolls them back."""

import pytest
from django.core.checks import Tags, run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from core import data_version

pytestmark = pytest.mark.django_db


def drop_trigger(table: str) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f'DROP TRIGGER bump_data_version ON "{table}"')
        else:  # one of its three row triggers is enough to be missing
            cursor.execute(f'DROP TRIGGER "bump_data_version_{table}_update"')


def reported_tables() -> list[str]:
    errors = run_checks(databases=["default"], tags=[Tags.database])
    assert {error.id for error in errors} <= {"dialogue_platform.E001"}
    return sorted(error.obj._meta.db_table for error in errors)


def test_the_migrated_database_passes_the_check_of_every_tracked_table(capsys):
    tables = {model._meta.db_table for model in data_version.tracked_models()}
    assert {"meetings_meeting", "recommendations_recommendation_topics"} <= tables
    assert "meetings_historicalmeeting" not in tables  # the audit history has no trigger
    call_command("check", "--database", "default")
    assert "no issues" in capsys.readouterr().out


def test_a_table_whose_trigger_was_dropped_is_reported_with_the_migration_to_add():
    drop_trigger("recommendations_recommendation_topics")
    [error] = run_checks(databases=["default"], tags=[Tags.database])
    assert error.id == "dialogue_platform.E001"
    assert error.obj._meta.db_table == "recommendations_recommendation_topics"
    assert "Add a migration to recommendations" in error.hint
    with pytest.raises(SystemCheckError, match="recommendations_recommendation_topics"):
        call_command("check", "--database", "default")


def test_migrate_refuses_to_run_while_a_table_lacks_its_trigger():
    drop_trigger("meetings_topic")
    with pytest.raises(SystemCheckError, match="meetings_topic"):
        call_command("migrate", skip_checks=False, verbosity=0)  # as manage.py runs it


def test_an_app_with_a_migration_still_to_apply_is_left_to_that_migration():
    drop_trigger("meetings_topic")
    drop_trigger("recommendations_assessment")
    MigrationRecorder(connection).record_unapplied(
        "recommendations", "0002_data_version_triggers_and_full_text_search"
    )
    assert reported_tables() == ["meetings_topic"]


def test_an_app_joining_the_tracked_apps_is_checked_table_by_table(settings):
    settings.DATA_VERSION_TRACKED_APPS = [*settings.DATA_VERSION_TRACKED_APPS, "auth"]
    assert reported_tables() == ["auth_group", "auth_group_permissions", "auth_permission"]
