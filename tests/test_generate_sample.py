"""`python -m bench.generate_sample` builds the synthetic data set the benchmark measures against,
and never mixes it with real or demonstration data. (Its speed is measured by `make bench`.)"""

import re

import pytest

from bench.generate_sample import main
from bench.sample import EN_VERBS, RU_VERBS
from meetings.models import Meeting
from recommendations.models import Assessment, Recommendation, Status

pytestmark = pytest.mark.django_db


def generate(*options: str) -> None:
    main(["--recommendations", "200", "--meetings", "6", *options])


def snapshot() -> list[tuple]:
    return list(
        Recommendation.objects.order_by("reference").values_list(
            "reference", "text", "year", "status", "is_published", "meeting__slug"
        )
    )


def test_it_creates_published_meetings_and_classified_sample_recommendations():
    generate()

    meetings = Meeting.objects.all()
    assert meetings.count() == 6
    for meeting in meetings:
        assert meeting.is_published
        assert meeting.slug.startswith("sample-")
        assert 2 <= meeting.agenda_items.count() <= 5
        assert all(item.topics.exists() for item in meeting.agenda_items.all())
        assert meeting.participants.filter(role="chair").exists()
        assert meeting.documents.exists()

    recommendations = Recommendation.objects.prefetch_related(
        "topics", "affected_groups", "responsible_bodies"
    )
    assert recommendations.count() == 200
    for recommendation in recommendations:
        assert recommendation.reference.startswith("SAMPLE-")
        assert 2013 <= recommendation.year <= 2025
        assert recommendation.text
        assert 1 <= len(recommendation.topics.all()) <= 3
        assert len(recommendation.affected_groups.all()) <= 2
        assert 1 <= len(recommendation.responsible_bodies.all()) <= 3
        assert recommendation.assessments.count() <= 4
    # Enough variety for search: texts of English and Russian sentences, every year, and
    # meetings of the recommendation's own year.
    sentences = [
        sentence
        for text in recommendations.values_list("text", flat=True)
        for sentence in re.split(r"(?<=\.) ", text)
    ]
    english = [s for s in sentences if s.startswith(tuple(EN_VERBS)) and s.endswith(".")]
    russian = [s for s in sentences if s.startswith(tuple(RU_VERBS)) and s.endswith(".")]
    assert english and russian
    assert len(english) + len(russian) == len(sentences)  # nothing else
    assert set(recommendations.values_list("year", flat=True)) == set(range(2013, 2026))
    adopted = Recommendation.objects.filter(meeting__isnull=False).select_related("meeting")
    assert adopted.exists()
    assert {rec.meeting.date.year == rec.year for rec in adopted} == {True}


def test_each_status_is_that_of_the_latest_assessment():
    generate()

    assert Assessment.objects.exists()
    for recommendation in Recommendation.objects.all():
        latest = recommendation.assessments.order_by("-date", "-pk").first()
        assert recommendation.status == (latest.status if latest else Status.NOT_ASSESSED)


def test_it_refuses_a_database_holding_other_recommendations(record):
    # Real or demonstration ones: anything without a SAMPLE- reference, drafts included.
    others = set(Recommendation.objects.values_list("reference", flat=True))

    with pytest.raises(SystemExit, match="holds 5 recommendations that are not synthetic"):
        generate()

    assert set(Recommendation.objects.values_list("reference", flat=True)) == others
    assert not Meeting.objects.filter(slug__startswith="sample-").exists()


def test_a_second_run_needs_clear_which_gives_the_same_data_again():
    generate()
    first = snapshot()

    with pytest.raises(SystemExit, match="--clear"):
        generate()
    generate("--clear")

    assert snapshot() == first  # seeded: the same data on every run
    assert Meeting.objects.count() == 6


def test_clear_only_removes_every_sample_record():
    generate()

    main(["--clear-only"])

    assert not Recommendation.objects.exists()
    assert not Assessment.objects.exists()
    assert not Meeting.objects.exists()
