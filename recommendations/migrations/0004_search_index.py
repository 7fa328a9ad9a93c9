"""The GIN index for full-text search of recommendations on PostgreSQL (see
meetings/search.py); nothing on SQLite."""

from django.db import migrations

from dialogue_platform.core.search.schema import create_search_index
from recommendations.models import RecommendationQuerySet


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0003_translatable_labels")]

    operations = [
        migrations.RunPython(
            *create_search_index("recommendations", "recommendation", RecommendationQuerySet.search_spec)
        ),
    ]
