"""FTS5 full-text tables for the SQLite fallback (see meetings/search.py); nothing on
PostgreSQL, which has its GIN indexes."""

from django.db import migrations

from meetings.models import AgendaItemQuerySet, DocumentQuerySet, MeetingQuerySet
from dialogue_platform.core.search.schema import create_sqlite_full_text


class Migration(migrations.Migration):
    dependencies = [("meetings", "0006_audit_history")]

    operations = [
        migrations.RunPython(*create_sqlite_full_text("meetings", "meeting", MeetingQuerySet.search_spec)),
        migrations.RunPython(
            *create_sqlite_full_text("meetings", "agendaitem", AgendaItemQuerySet.search_spec)
        ),
        migrations.RunPython(*create_sqlite_full_text("meetings", "document", DocumentQuerySet.search_spec)),
    ]
