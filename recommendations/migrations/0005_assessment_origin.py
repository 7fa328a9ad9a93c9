"""Who speaks in a history entry (`origin`): the secretariat, a state body's report or an
independent evaluation. The column is added with ALTER TABLE ... ADD COLUMN ... DEFAULT, not
Django's AddField: on SQLite, AddField of a NOT NULL column and AddConstraint rebuild the
table, which drops the data-version triggers on it. The default stays in the database, so
that the previous release's inserts still work during a rolling deploy."""

from django.db import migrations, models

TABLE = "recommendations_assessment"
CONSTRAINT = "recommendations_assessment_origin_valid"
VALUES = "'secretariat', 'government_report', 'evaluation'"


def add_column(apps, schema_editor) -> None:
    check = f"CONSTRAINT {CONSTRAINT} CHECK (origin IN ({VALUES}))"
    column = "origin varchar(30) DEFAULT 'secretariat' NOT NULL"
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN {column}")
        schema_editor.execute(f"ALTER TABLE {TABLE} ADD {check}")
    else:  # SQLite takes a named CHECK as a column constraint, without a rebuild
        schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN {column} {check}")


def drop_column(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP CONSTRAINT {CONSTRAINT}")
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN origin")


def origin() -> models.CharField:
    return models.CharField(
        choices=[
            ("secretariat", "Secretariat assessment"),
            ("government_report", "Government report"),
            ("evaluation", "Independent evaluation"),
        ],
        db_default="secretariat",
        default="secretariat",
        help_text=(
            "An independent evaluation is shown beside the others but does not set the "
            "current status"
        ),
        max_length=30,
        verbose_name="origin",
    )


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0004_recommendation_change_log")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add_column, drop_column)],
            state_operations=[
                migrations.AddField(model_name="assessment", name="origin", field=origin()),
                migrations.AddConstraint(
                    model_name="assessment",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("origin__in", ["secretariat", "government_report", "evaluation"])
                        ),
                        name=CONSTRAINT,
                    ),
                ),
            ],
        ),
        # The audit history's table has no trigger: Django's own operation will do.
        migrations.AddField(model_name="historicalassessment", name="origin", field=origin()),
    ]
