"""PostgreSQL: each searchable model's weighted tsvector moves from a GIN expression index
into a stored generated column with a GIN index, so ranking reads it instead of
recomputing it from the text (meetings/search.py); nothing on SQLite."""

from django.db import migrations

from meetings.models import AgendaItemQuerySet, DocumentQuerySet, MeetingQuerySet
from dialogue_platform.core.search.schema import create_stored_document


class Migration(migrations.Migration):
    dependencies = [("meetings", "0007_sqlite_full_text")]

    operations = [
        migrations.RunPython(*create_stored_document("meetings", model, spec))
        for model, spec in (
            ("meeting", MeetingQuerySet.search_spec),
            ("agendaitem", AgendaItemQuerySet.search_spec),
            ("document", DocumentQuerySet.search_spec),
        )
    ]
