"""GIN indexes for full-text search on PostgreSQL, built from the very expressions the
searches use (meetings/search.py); nothing on SQLite."""

from django.db import migrations

from meetings.models import AgendaItemQuerySet, DocumentQuerySet, MeetingQuerySet
from dialogue_platform.core.search.schema import create_search_index


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_translatable_labels")]

    operations = [
        migrations.RunPython(*create_search_index("meetings", "meeting", MeetingQuerySet.search_spec)),
        migrations.RunPython(
            *create_search_index("meetings", "agendaitem", AgendaItemQuerySet.search_spec)
        ),
        migrations.RunPython(*create_search_index("meetings", "document", DocumentQuerySet.search_spec)),
    ]
