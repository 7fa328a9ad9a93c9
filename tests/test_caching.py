"""Cached pages and counts are keyed by a data version that every write changes,
so nothing cached is ever stale."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dialogue_platform.core import data_version
from recommendations import facet_index
from recommendations.models import Recommendation

from . import factories

pytestmark = pytest.mark.django_db


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


def test_an_edit_in_the_admin_shows_at_once_on_a_cached_page(client, demo):
    meeting = demo  # the real meeting of 22 October 2021
    url = meeting.get_absolute_url()
    assert "Gender equality" in client.get(url).content.decode()  # now cached
    assert client.get(url).content == client.get(url).content

    admin = factories.secretariat_user()
    client.force_login(admin)
    change = reverse("admin:meetings_meeting_changelist")
    client.post(change, {"action": "unpublish", "_selected_action": [meeting.pk]})
    client.logout()

    assert client.get(url).status_code == 404
    assert "Gender equality" not in client.get(reverse("meetings:list")).content.decode()


def test_a_bulk_publish_shows_at_once_in_cached_counts(client, demo):
    url = reverse("recommendations:list")
    before = client.get(url).context["page"].paginator.count
    unpublished = Recommendation.objects.filter(year=2013).update(is_published=False)
    assert unpublished
    response = client.get(url)
    assert response.context["page"].paginator.count == before - unpublished


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_facet_counts_are_shared_by_every_page_and_sort_of_a_filter(client, demo):
    listing = reverse("recommendations:list")
    client.get(listing + "?status=implemented&status=in_progress")
    never_seen = queries(client, listing + "?status=implemented")
    another_page = queries(
        client, listing + "?status=implemented&status=in_progress&sort=oldest&page=2"
    )
    assert another_page == never_seen - 3  # no vocabulary rows for the facets' names


def test_one_worker_builds_the_facet_index_and_the_others_load_it(client, demo, monkeypatch):
    listing = reverse("recommendations:list")
    built_here = queries(client, listing + "?status=implemented")
    monkeypatch.setattr(facet_index, "_latest", None)  # as in another worker
    loaded = queries(client, listing + "?status=in_progress")
    assert loaded == built_here - 4  # no recommendations, topic, group or body links read
