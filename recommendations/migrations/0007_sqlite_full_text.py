"""The FTS5 full-text table of recommendations for the SQLite fallback (see
meetings/search.py); nothing on PostgreSQL, which has its GIN index."""

from django.db import migrations

from dialogue_platform.core.search.schema import create_sqlite_full_text
from recommendations.models import RecommendationQuerySet


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0006_public_list_indexes"), ("meetings", "0007_sqlite_full_text")]

    operations = [
        migrations.RunPython(
            *create_sqlite_full_text("recommendations", "recommendation", RecommendationQuerySet.search_spec)
        ),
    ]
