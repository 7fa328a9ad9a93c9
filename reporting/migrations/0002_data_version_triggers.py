"""The data-version triggers on every table of the reporting app, written out as they run
(core/data_version.py): a body's scorecard and a published report's
document are public, so every write to a membership, round, obligation or report draws a
new data version.

A table added to this app later needs its own trigger in its own migration."""

from django.db import migrations

DATA_VERSION_TRIGGERS = {
    "postgresql": [
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "reporting_membership" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "reporting_obligation" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "reporting_report" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
        'CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "reporting_reportinground" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
    ],
    "sqlite": [
        'CREATE TRIGGER "bump_data_version_reporting_membership_insert" AFTER INSERT ON "reporting_membership" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_reporting_membership_update" AFTER UPDATE ON "reporting_membership" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_reporting_membership_delete" AFTER DELETE ON "reporting_membership" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_reporting_obligation_insert" AFTER INSERT ON "reporting_obligation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_reporting_obligation_update" AFTER UPDATE ON "reporting_obligation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_reporting_obligation_delete" AFTER DELETE ON "reporting_obligation" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_reporting_report_insert" AFTER INSERT ON "reporting_report" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_reporting_report_update" AFTER UPDATE ON "reporting_report" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_reporting_report_delete" AFTER DELETE ON "reporting_report" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_reporting_reportinground_insert" AFTER INSERT ON "reporting_reportinground" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_reporting_reportinground_update" AFTER UPDATE ON "reporting_reportinground" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
        'CREATE TRIGGER "bump_data_version_reporting_reportinground_delete" AFTER DELETE ON "reporting_reportinground" BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END',
    ],
}
DROP_DATA_VERSION_TRIGGERS = {
    "postgresql": [
        'DROP TRIGGER bump_data_version ON "reporting_membership"',
        'DROP TRIGGER bump_data_version ON "reporting_obligation"',
        'DROP TRIGGER bump_data_version ON "reporting_report"',
        'DROP TRIGGER bump_data_version ON "reporting_reportinground"',
    ],
    "sqlite": [
        'DROP TRIGGER "bump_data_version_reporting_membership_insert"',
        'DROP TRIGGER "bump_data_version_reporting_membership_update"',
        'DROP TRIGGER "bump_data_version_reporting_membership_delete"',
        'DROP TRIGGER "bump_data_version_reporting_obligation_insert"',
        'DROP TRIGGER "bump_data_version_reporting_obligation_update"',
        'DROP TRIGGER "bump_data_version_reporting_obligation_delete"',
        'DROP TRIGGER "bump_data_version_reporting_report_insert"',
        'DROP TRIGGER "bump_data_version_reporting_report_update"',
        'DROP TRIGGER "bump_data_version_reporting_report_delete"',
        'DROP TRIGGER "bump_data_version_reporting_reportinground_insert"',
        'DROP TRIGGER "bump_data_version_reporting_reportinground_update"',
        'DROP TRIGGER "bump_data_version_reporting_reportinground_delete"',
    ],
}


def run(statements: dict[str, list[str]]):
    """A RunPython function executing the statements written for the database's vendor."""

    def operation(apps, schema_editor) -> None:
        for statement in statements[schema_editor.connection.vendor]:
            schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("dialogue_platform", "0001_initial"), ("reporting", "0001_initial")]

    operations = [
        migrations.RunPython(run(DATA_VERSION_TRIGGERS), run(DROP_DATA_VERSION_TRIGGERS)),
    ]
