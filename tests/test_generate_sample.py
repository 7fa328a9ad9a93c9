"""`python -m bench.generate_sample` builds the synthetic data set the benchmark measures against,
and never mixes it with real or demonstration data. (Its speed is measured by `make bench`.)"""

import pytest

from bench.generate_sample import main
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
    # Enough variety for search: English and Russian texts, several years and meetings.
    texts = " ".join(recommendations.values_list("text", flat=True))
    assert "Ensure" in texts or "Adopt" in texts
    assert "Обеспечить" in texts or "Принять" in texts
    assert recommendations.values("year").distinct().count() > 5
    assert recommendations.filter(meeting__isnull=False).exists()


def test_each_status_is_that_of_the_latest_assessment():
    generate()

    assert Assessment.objects.exists()
    for recommendation in Recommendation.objects.all():
        latest = recommendation.assessments.order_by("-date", "-pk").first()
        assert recommendation.status == (latest.status if latest else Status.NOT_ASSESSED)


def test_it_refuses_a_database_holding_the_demo_data(demo):
    demo_count = Recommendation.objects.count()

    with pytest.raises(SystemExit, match="not synthetic"):
        generate()

    assert Recommendation.objects.count() == demo_count
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
