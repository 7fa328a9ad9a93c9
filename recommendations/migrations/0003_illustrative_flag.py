"""The illustrative flag (recommendation, assessment): demonstration rows carry it, so the
site marks them and `remove_demo` deletes exactly them; a partial index serves the notice.

The column is added with ALTER TABLE ... ADD COLUMN ... DEFAULT, not Django's AddField: on
SQLite, AddField of a NOT NULL column rebuilds the table, which drops the data-version and
full-text triggers on it."""

from django.db import migrations, models

TABLES = ["recommendations_recommendation", "recommendations_assessment"]


def add_columns(apps, schema_editor) -> None:
    false = "false" if schema_editor.connection.vendor == "postgresql" else "0"
    for table in TABLES:
        schema_editor.execute(
            f'ALTER TABLE "{table}" ADD COLUMN "is_illustrative" boolean NOT NULL DEFAULT {false}'
        )


def drop_columns(apps, schema_editor) -> None:
    for table in TABLES:
        schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN "is_illustrative"')


def flag_earlier_demo(apps, schema_editor) -> None:
    """Recommendations an earlier load_demo made (DEMO- references) and their assessments
    are illustrative: flag them, so remove_demo and the next load_demo see them."""
    Recommendation = apps.get_model("recommendations", "Recommendation")
    Assessment = apps.get_model("recommendations", "Assessment")
    demo = Recommendation.objects.filter(reference__startswith="DEMO-")
    demo.update(is_illustrative=True)
    Assessment.objects.filter(recommendation__in=demo).update(is_illustrative=True)


def flag() -> models.BooleanField:
    return models.BooleanField(
        default=False,
        help_text="Made up for the demonstration, not the body's real record.",
        verbose_name="illustrative",
    )


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0002_data_version_triggers_and_full_text_search")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add_columns, drop_columns)],
            state_operations=[
                migrations.AddField(
                    model_name="recommendation", name="is_illustrative", field=flag()
                ),
                migrations.AddField(model_name="assessment", name="is_illustrative", field=flag()),
            ],
        ),
        migrations.AddField(
            model_name="historicalrecommendation", name="is_illustrative", field=flag()
        ),
        migrations.AddField(
            model_name="historicalassessment", name="is_illustrative", field=flag()
        ),
        migrations.RunPython(flag_earlier_demo, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="recommendation",
            index=models.Index(
                condition=models.Q(("is_illustrative", True)),
                fields=["is_published"],
                name="rec_illustrative_idx",
            ),
        ),
    ]
