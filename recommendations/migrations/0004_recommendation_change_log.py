"""The change log the facet index is brought forward from (recommendations/facet_index.py):
a row per recommendation whose status, year, publication or topic, group or body links
changed, stamped with the database's clock (seconds since 1970), written by triggers.

Self-contained: the trigger SQL is written out here, for both databases, so that later
changes to the code cannot rewrite what this migration did.

- SQLite: row triggers (it has no others). An update of a recommendation is logged only
  when its status, year or publication changes (an edited text changes no count).
- PostgreSQL: statement triggers with transition tables, one INSERT … SELECT per statement
  however many rows it writes (a bulk import or publish), and a TRUNCATE logged as a row
  without a recommendation (the facet index then rebuilds).
- Rows older than a day are pruned as new ones arrive: on SQLite every thousandth row
  prunes, on PostgreSQL every statement (an index range scan, empty in the normal case).

And, since every page of the list now comes from SQL, the status index also holds the
list's order (status, year, reference): a page filtered by status is read in order from
it and stops after 25 rows.
"""

from django.db import migrations, models

LOG = "recommendations_change_log"
RECOMMENDATIONS = "recommendations_recommendation"
LINKS = (
    "recommendations_recommendation_topics",
    "recommendations_recommendation_affected_groups",
    "recommendations_recommendation_responsible_bodies",
)
RETENTION = 24 * 60 * 60  # seconds; facet_index.RETENTION
COUNTED = ("status", "year", "is_published")  # the columns the facet index reads

SQLITE_NOW = "(julianday('now') - 2440587.5) * 86400.0"
POSTGRES_NOW = "extract(epoch from clock_timestamp())::float8"


def sqlite_triggers() -> list[str]:
    def log(column: str) -> str:
        return f"INSERT INTO {LOG} (recommendation_id, stamp) VALUES ({column}, {SQLITE_NOW});"

    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in COUNTED)
    statements = [
        f"CREATE TRIGGER log_change_insert AFTER INSERT ON {RECOMMENDATIONS} "
        f"BEGIN {log('NEW.id')} END",
        f"CREATE TRIGGER log_change_update AFTER UPDATE ON {RECOMMENDATIONS} "
        f"WHEN {changed} BEGIN {log('NEW.id')} END",
        f"CREATE TRIGGER log_change_delete AFTER DELETE ON {RECOMMENDATIONS} "
        f"BEGIN {log('OLD.id')} END",
        f"CREATE TRIGGER log_change_prune AFTER INSERT ON {LOG} WHEN NEW.id % 1000 = 0 "
        f"BEGIN DELETE FROM {LOG} WHERE stamp < NEW.stamp - {RETENTION}; END",
    ]
    for table in LINKS:
        statements += [
            f"CREATE TRIGGER log_change_insert_{table} AFTER INSERT ON {table} "
            f"BEGIN {log('NEW.recommendation_id')} END",
            f"CREATE TRIGGER log_change_update_{table} AFTER UPDATE ON {table} "
            f"BEGIN {log('OLD.recommendation_id')} {log('NEW.recommendation_id')} END",
            f"CREATE TRIGGER log_change_delete_{table} AFTER DELETE ON {table} "
            f"BEGIN {log('OLD.recommendation_id')} END",
        ]
    return statements


def postgres_function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$ BEGIN {body} RETURN NULL; "
        "END; $$ LANGUAGE plpgsql"
    )


def postgres_triggers() -> list[str]:
    def log(select: str) -> str:
        return (
            f"INSERT INTO {LOG} (recommendation_id, stamp) SELECT id, {POSTGRES_NOW} "
            f"FROM (SELECT DISTINCT id FROM ({select}) rows) changed;"
        )

    changed = " OR ".join(f"o.{c} IS DISTINCT FROM n.{c}" for c in COUNTED)
    statements = [
        postgres_function("log_change_new", log("SELECT id FROM new_rows")),
        postgres_function("log_change_old", log("SELECT id FROM old_rows")),
        postgres_function(
            "log_change_updated",
            log(f"SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE {changed}"),
        ),
        postgres_function("log_link_new", log("SELECT recommendation_id AS id FROM new_rows")),
        postgres_function("log_link_old", log("SELECT recommendation_id AS id FROM old_rows")),
        postgres_function(
            "log_link_updated",
            log(
                "SELECT recommendation_id AS id FROM new_rows UNION "
                "SELECT recommendation_id FROM old_rows"
            ),
        ),
        postgres_function(
            "log_change_truncated",
            f"INSERT INTO {LOG} (recommendation_id, stamp) VALUES (NULL, {POSTGRES_NOW});",
        ),
        postgres_function(
            "log_change_prune",
            f"DELETE FROM {LOG} WHERE stamp < {POSTGRES_NOW} - {RETENTION};",
        ),
    ]
    for table, kind in ((RECOMMENDATIONS, "change"), *((t, "link") for t in LINKS)):
        statements += [
            f'CREATE TRIGGER log_change_insert AFTER INSERT ON "{table}" '
            f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_{kind}_new()",
            f'CREATE TRIGGER log_change_update AFTER UPDATE ON "{table}" '
            "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
            f"FOR EACH STATEMENT EXECUTE FUNCTION log_{kind}_updated()",
            f'CREATE TRIGGER log_change_delete AFTER DELETE ON "{table}" '
            f"REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_{kind}_old()",
            f'CREATE TRIGGER log_change_truncate AFTER TRUNCATE ON "{table}" '
            "FOR EACH STATEMENT EXECUTE FUNCTION log_change_truncated()",
        ]
    statements.append(
        f'CREATE TRIGGER log_change_prune AFTER INSERT ON "{LOG}" '
        "FOR EACH STATEMENT EXECUTE FUNCTION log_change_prune()"
    )
    return statements


def create_triggers(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = sqlite_triggers()
    elif vendor == "postgresql":
        statements = postgres_triggers()
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(f"No change-log triggers for {vendor}.")
    for statement in statements:
        schema_editor.execute(statement)


def drop_triggers(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'log_change_%'"
            )
            for (name,) in cursor.fetchall():
                schema_editor.execute(f'DROP TRIGGER "{name}"')
        elif vendor == "postgresql":
            for table in (RECOMMENDATIONS, *LINKS):
                for event in ("insert", "update", "delete", "truncate"):
                    schema_editor.execute(f'DROP TRIGGER IF EXISTS log_change_{event} ON "{table}"')
            schema_editor.execute(f'DROP TRIGGER IF EXISTS log_change_prune ON "{LOG}"')
            for function in (
                "log_change_new", "log_change_old", "log_change_updated", "log_link_new",
                "log_link_old", "log_link_updated", "log_change_truncated", "log_change_prune",
            ):  # fmt: skip
                schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0003_illustrative_flag"),
    ]

    operations = [
        migrations.CreateModel(
            name="RecommendationChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("recommendation_id", models.BigIntegerField(null=True)),
                (
                    "stamp",
                    models.FloatField(help_text="seconds since 1970 by the database's clock"),
                ),
            ],
            options={
                "db_table": "recommendations_change_log",
                "ordering": ["stamp"],
                "indexes": [models.Index(fields=["stamp"], name="rec_change_stamp_idx")],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
        # The status filter read in the list's order (the page now always comes from SQL).
        migrations.RemoveIndex(model_name="recommendation", name="rec_public_status_idx"),
        migrations.AddIndex(
            model_name="recommendation",
            index=models.Index(
                condition=models.Q(("is_published", True)),
                fields=["status", "year", "reference"],
                name="rec_public_status_year_idx",
            ),
        ),
    ]
