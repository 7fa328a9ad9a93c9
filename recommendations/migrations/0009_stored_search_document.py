"""PostgreSQL: the recommendations' weighted tsvector moves from a GIN expression index into
a stored generated column with a GIN index, so ranking reads it instead of recomputing it
from the text (meetings/search.py); nothing on SQLite."""

from django.db import migrations

from dialogue_platform.core.search.schema import create_stored_document
from recommendations.models import RecommendationQuerySet


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0008_admin_list_indexes")]

    operations = [
        migrations.RunPython(
            *create_stored_document(
                "recommendations", "recommendation", RecommendationQuerySet.search_spec
            )
        ),
    ]
