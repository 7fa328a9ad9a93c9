"""Every demo plan's activities and the UN recommendations, exported from the pages of each
language and imported back in that language, change nothing: the imports read exactly what
the exports write (fallback texts, formula quotes, due dates read from deadlines)."""

import io

import pytest
from django.urls import reverse
from django.utils import translation

from plans.importer import import_activities, import_outside_recommendations
from plans.models import ActionPlan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_demo_exported_and_imported_back_is_unchanged(client, demo, language):
    for plan in ActionPlan.objects.published():
        with translation.override(language):
            url = reverse("plans:export_csv", args=[plan.slug])
        response = client.get(url)
        data = b"".join(response.streaming_content)
        result = import_activities(file=io.BytesIO(data), language=language)
        assert result.problems == [], plan.slug
        assert (result.created, result.updated, result.assessments_added) == (0, 0, 0), plan.slug
    with translation.override(language):
        url = reverse("upr:export_csv")
    data = b"".join(client.get(url).streaming_content)
    result = import_outside_recommendations(file=io.BytesIO(data), language=language)
    assert result.problems == []
    assert (result.created, result.updated) == (0, 0)
    assert result.unchanged > 0
