"""A meeting's format may be left blank: the sources of some past meetings do not say
whether they were held in person or online.

SQLite rebuilds the table to change its CHECK constraint, which drops the table's triggers:
the data version's and the full-text index's are created again."""

from django.db import migrations, models

from dialogue_platform.core.data_version import install_triggers
from dialogue_platform.core.search.schema import create_sqlite_full_text_triggers
from meetings.models import MeetingQuerySet


def restore_triggers(apps, schema_editor) -> None:
    install_triggers(apps, schema_editor)
    if schema_editor.connection.vendor == "sqlite":
        table = apps.get_model("meetings", "meeting")._meta.db_table
        create_sqlite_full_text_triggers(schema_editor, table, MeetingQuerySet.search_spec)


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0008_stored_search_documents'),
        ('dialogue_platform', '0003_data_version'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='meeting',
            name='meetings_meeting_format_valid',
        ),
        migrations.AlterField(
            model_name='historicalmeeting',
            name='format',
            field=models.CharField(blank=True, choices=[('in_person', 'In person'), ('online', 'Online'), ('hybrid', 'Hybrid')], default='in_person', max_length=20, verbose_name='format'),
        ),
        migrations.AlterField(
            model_name='meeting',
            name='format',
            field=models.CharField(blank=True, choices=[('in_person', 'In person'), ('online', 'Online'), ('hybrid', 'Hybrid')], default='in_person', max_length=20, verbose_name='format'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('format__in', ['in_person', 'online', 'hybrid', ''])), name='meetings_meeting_format_valid'),
        ),
        migrations.RunPython(restore_triggers, migrations.RunPython.noop),
    ]
