"""The illustrative flag (meeting, agendaitem, document): demonstration rows carry it, so the
site marks them and `remove_demo` deletes exactly them; a partial index serves the notice.

The column is added with ALTER TABLE ... ADD COLUMN ... DEFAULT, not Django's AddField: on
SQLite, AddField of a NOT NULL column rebuilds the table, which drops the data-version and
full-text triggers on it."""

from django.db import migrations, models

TABLES = ["meetings_meeting", "meetings_agendaitem", "meetings_document"]


def add_columns(apps, schema_editor) -> None:
    false = "false" if schema_editor.connection.vendor == "postgresql" else "0"
    for table in TABLES:
        schema_editor.execute(
            f'ALTER TABLE "{table}" ADD COLUMN "is_illustrative" boolean NOT NULL DEFAULT {false}'
        )


def drop_columns(apps, schema_editor) -> None:
    for table in TABLES:
        schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN "is_illustrative"')


def flag() -> models.BooleanField:
    return models.BooleanField(
        default=False,
        help_text="Made up for the demonstration, not the body's real record.",
        verbose_name="illustrative",
    )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_data_version_triggers_and_full_text_search")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add_columns, drop_columns)],
            state_operations=[
                migrations.AddField(model_name="meeting", name="is_illustrative", field=flag()),
                migrations.AddField(model_name="agendaitem", name="is_illustrative", field=flag()),
                migrations.AddField(model_name="document", name="is_illustrative", field=flag()),
            ],
        ),
        migrations.AddField(model_name="historicalmeeting", name="is_illustrative", field=flag()),
        migrations.AddField(
            model_name="historicalagendaitem", name="is_illustrative", field=flag()
        ),
        migrations.AddField(model_name="historicaldocument", name="is_illustrative", field=flag()),
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(
                condition=models.Q(("is_illustrative", True)),
                fields=["is_published"],
                name="meeting_illustrative_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(
                condition=models.Q(("is_illustrative", True)),
                fields=["is_published"],
                name="document_illustrative_idx",
            ),
        ),
    ]
