"""A report's narrative check, NULL-safe: a translation column left NULL made the whole
condition NULL, which a CHECK lets pass. On SQLite, changing a constraint rebuilds the
table, which drops its data-version triggers: they are written again after (0002's)."""

from django.conf import settings
from django.db import migrations, models

TABLE = "reporting_report"
SQLITE_TRIGGERS = [
    f'CREATE TRIGGER "bump_data_version_{TABLE}_{event.lower()}" AFTER {event} ON "{TABLE}" '
    "BEGIN INSERT OR IGNORE INTO dialogue_platform_dataversion (id, version) VALUES (1, 0); "
    "UPDATE dialogue_platform_dataversion SET version = random() WHERE id = 1; END"
    for event in ("INSERT", "UPDATE", "DELETE")
]


def restore_triggers(apps, schema_editor) -> None:
    """The rebuilt SQLite table's data-version triggers (PostgreSQL alters it in place)."""
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_TRIGGERS:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0003_illustrative_flag'),
        ('plans', '0004_assessment_origin'),
        ('recommendations', '0005_assessment_origin'),
        ('reporting', '0004_verbose_names'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='report',
            name='reporting_report_has_narrative',
        ),
        migrations.AddConstraint(
            model_name='report',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('narrative_en__gt', ''), ('narrative_en__isnull', False)), models.Q(('narrative_ru__gt', ''), ('narrative_ru__isnull', False)), models.Q(('narrative_kk__gt', ''), ('narrative_kk__isnull', False)), _connector='OR'), name='reporting_report_has_narrative'),
        ),
        migrations.RunPython(restore_triggers, migrations.RunPython.noop),
    ]
