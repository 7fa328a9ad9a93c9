"""Search finds a record by each column its model is searched on: the search columns and
FTS5 tables that the migrations wrote out as SQL still match each model's SearchSpec (a
field added to a spec without a migration writing it into the schema fails here)."""

import pytest

from meetings.models import AgendaItem, Document, Meeting
from plans.models import ActionPlan, Activity, OutsideRecommendation
from recommendations.models import Recommendation

from . import factories

pytestmark = pytest.mark.django_db


def searchable_records() -> list:
    meeting = factories.meeting()
    return [
        meeting,
        factories.agenda_item(meeting=meeting),
        factories.document(meeting=meeting),
        factories.recommendation(),
        factories.action_plan(),
        factories.activity(),
        factories.outside_recommendation(),
    ]


def test_every_searched_column_of_every_searchable_model_finds_its_record():
    records = searchable_records()
    assert {type(r) for r in records} == {
        Meeting,
        AgendaItem,
        Document,
        Recommendation,
        ActionPlan,
        Activity,
        OutsideRecommendation,
    }
    for record in records:
        queryset = type(record).objects.all()
        columns = [column for column, _, _ in queryset.search_spec.columns()]
        # A word of its own in each column ("qzw" then letters: no stemmer shortens it).
        words = {
            column: "qzw" + "".join(chr(97 + int(d)) for d in f"{i:02d}")
            for i, column in enumerate(columns)
        }
        queryset.filter(pk=record.pk).update(**words)
        for column, word in words.items():
            found = list(queryset.search(word).values_list("pk", flat=True))
            assert found == [record.pk], (type(record).__name__, column)
