"""Cached pages and counts are keyed by a data version that every write changes,
so nothing cached is ever stale."""

import time

import pytest
from django.db import connection
from django.urls import reverse

from core import data_version
from recommendations import facet_index
from recommendations.models import Recommendation, RecommendationChange

from . import factories

pytestmark = pytest.mark.django_db

LIST = reverse("recommendations:list")


def test_a_save_a_bulk_update_and_a_delete_each_change_the_version():
    rec = factories.recommendation()
    seen = {data_version.current()}
    rec.text = "Changed"
    rec.save()
    seen.add(data_version.current())
    Recommendation.objects.update(is_published=False)
    seen.add(data_version.current())
    rec.topics.add(factories.topic())
    seen.add(data_version.current())
    Recommendation.objects.filter(pk=rec.pk).delete()
    seen.add(data_version.current())
    assert len(seen) == 5


CHANGE_LOGGED = [
    "recommendations_recommendation",
    "recommendations_recommendation_topics",
    "recommendations_recommendation_affected_groups",
    "recommendations_recommendation_responsible_bodies",
]


def tables_with_change_log_triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name LIKE 'log_change_%%'"
            )
        else:
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'log_change_%'"
            )
        return {row[0] for row in cursor.fetchall()}


def test_the_recommendations_and_their_three_link_tables_carry_the_change_log_triggers():
    assert set(CHANGE_LOGGED) <= tables_with_change_log_triggers()


def test_each_write_the_facet_index_counts_is_logged_and_an_edited_text_is_not(record):
    rec = record.not_assessed

    def logged(write) -> bool:
        RecommendationChange.objects.all().delete()
        write()
        return list(RecommendationChange.objects.values_list("recommendation_id", flat=True)) == [
            rec.pk
        ]

    assert logged(lambda: Recommendation.objects.filter(pk=rec.pk).update(status="implemented"))
    assert logged(lambda: Recommendation.objects.filter(pk=rec.pk).update(year=2018))
    assert logged(lambda: Recommendation.objects.filter(pk=rec.pk).update(is_published=False))
    assert logged(lambda: rec.topics.add(record.torture))
    assert logged(lambda: rec.affected_groups.add(record.women))
    assert logged(lambda: rec.responsible_bodies.remove(record.court))
    assert not logged(lambda: Recommendation.objects.filter(pk=rec.pk).update(text="Edited"))


def test_an_edit_in_the_admin_shows_at_once_on_a_cached_page(client, record):
    url = record.meeting.get_absolute_url()
    assert record.item.title in client.get(url).content.decode()  # now cached

    client.force_login(factories.secretariat_user())
    change = reverse("admin:meetings_meeting_changelist")
    client.post(change, {"action": "unpublish", "_selected_action": [record.meeting.pk]})
    client.logout()

    assert client.get(url).status_code == 404
    assert record.meeting.title not in client.get(reverse("meetings:list")).content.decode()


def test_a_bulk_unpublish_shows_at_once_in_cached_counts(client, record):
    assert client.get(LIST).context["page"].paginator.count == 4
    Recommendation.objects.filter(year=2022).update(is_published=False)  # `adopted`
    response = client.get(LIST)
    assert response.context["page"].paginator.count == 3
    assert record.adopted.reference not in response.content.decode()


def test_facet_counts_are_shared_by_every_sort_and_page_of_a_filter(
    client, record, django_assert_num_queries
):
    # The data version, the demonstration-data notice, the facet index (4: recommendations,
    # then their topic, group and body links), the page, its topics and bodies, and the
    # names of the topics, groups and bodies counted.
    with django_assert_num_queries(12):
        client.get(f"{LIST}?status=implemented&status=in_progress")
    # A filter never seen: the same less the index, built already.
    with django_assert_num_queries(8):
        client.get(f"{LIST}?status=implemented")
    # Another sort of the first filter: its facets are cached, so no vocabulary is read.
    with django_assert_num_queries(5):
        client.get(f"{LIST}?status=implemented&status=in_progress&sort=oldest")


def test_one_worker_builds_the_facet_index_and_the_others_load_it(
    client, record, monkeypatch, django_assert_num_queries
):
    # As above: the index is 4 of these.
    with django_assert_num_queries(12):
        client.get(f"{LIST}?status=implemented")
    monkeypatch.setattr(facet_index, "_latest", None)  # as in another worker
    with django_assert_num_queries(8):
        client.get(f"{LIST}?status=in_progress")


def test_after_a_write_a_worker_reads_only_what_changed(client, record, django_assert_num_queries):
    client.get(LIST)
    Recommendation.objects.filter(pk=record.not_assessed.pk).update(status="implemented")
    # The data version, the notice, the changed recommendation and its topic, group and
    # body links, the page, its topics and bodies, the names counted.
    with django_assert_num_queries(12) as captured:
        response = client.get(f"{LIST}?status=implemented")
    assert response.context["page"].paginator.count == 2
    changed_rows = [q["sql"] for q in captured.captured_queries if "change_log" in q["sql"]]
    assert len(changed_rows) == 4


def test_the_change_log_forgets_changes_older_than_a_day():
    now = time.time()
    old = RecommendationChange.objects.create(recommendation_id=1, stamp=now - 2 * 24 * 3600)
    recent = RecommendationChange.objects.create(recommendation_id=2, stamp=now - 3600)
    # Pruned as rows arrive: every statement on PostgreSQL, every thousandth row on SQLite.
    RecommendationChange.objects.bulk_create(
        RecommendationChange(recommendation_id=3, stamp=now) for _ in range(1000)
    )
    kept = set(RecommendationChange.objects.values_list("pk", flat=True))
    assert old.pk not in kept and recent.pk in kept
