"""Every public response carries validators (ETag, Last-Modified), and a client whose copy
is current gets 304 Not Modified without the page being made again: feed readers and
crawlers polling unchanged data cost one query."""

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.urls import reverse

from core import data_version

from . import factories

pytestmark = pytest.mark.django_db

PUBLIC = {
    "home": lambda r: reverse("home"),
    "meetings": lambda r: reverse("meetings:list"),
    "a meeting": lambda r: r.meeting.get_absolute_url(),
    "recommendations, filtered": lambda r: (
        reverse("recommendations:list") + "?topic=torture-prevention"
    ),
    "a recommendation": lambda r: r.adopted.get_absolute_url(),
    "documents": lambda r: reverse("documents:list"),
    "a topic": lambda r: reverse("topics:detail", args=["torture-prevention"]),
    "organisations": lambda r: reverse("organisations:list"),
    "search": lambda r: reverse("search") + "?q=torture",
    "meetings feed": lambda r: reverse("meetings:feed"),
    "recommendations feed, filtered": lambda r: (
        reverse("recommendations:feed") + "?status=implemented"
    ),
    "calendar": lambda r: reverse("meetings:calendar"),
    "sitemap index": lambda r: reverse("sitemap"),
    "sitemap page": lambda r: reverse("sitemap-section", kwargs={"section": "recommendations"}),
    "CSV export": lambda r: reverse("recommendations:export_csv") + "?topic=torture-prevention",
    "JSON export": lambda r: reverse("recommendations:export_json"),
}


@pytest.mark.parametrize("name", PUBLIC)
def test_an_unchanged_public_response_is_answered_304_with_one_query(
    client, record, name, django_assert_num_queries
):
    url = PUBLIC[name](record)
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert "public" in first["Cache-Control"] and "s-maxage=60" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]

    # Only the data version is read: the page is not made again.
    with django_assert_num_queries(1):
        again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]

    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


def test_a_write_changes_every_etag(client, record):
    url = reverse("recommendations:list")
    before = client.get(url)["ETag"]

    record.draft_recommendation.is_published = True
    record.draft_recommendation.save()

    after = client.get(url, headers={"If-None-Match": before})
    assert after.status_code == 200
    assert after["ETag"] != before
    assert record.draft_recommendation.reference in after.content.decode()


def test_each_language_and_each_query_has_its_own_etag(client, record):
    list_url = reverse("recommendations:list")
    tags = {
        client.get(list_url)["ETag"],
        client.get("/ru" + list_url)["ETag"],
        client.get("/kk" + list_url)["ETag"],
        client.get(list_url, {"status": "implemented"})["ETag"],
        client.get(list_url, {"status": "in_progress"})["ETag"],
    }
    assert len(tags) == 5


def test_a_head_request_is_answered_304_too(client, record):
    url = reverse("meetings:feed")
    tag = client.get(url)["ETag"]

    assert client.head(url, headers={"If-None-Match": tag}).status_code == 304


def test_a_signed_in_user_s_pages_are_never_shared(client, record):
    client.force_login(factories.secretariat_user())

    for url in (reverse("home"), reverse("meetings:feed"), reverse("recommendations:export_csv")):
        response = client.get(url)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"]
        assert not response.has_header("ETag")


def test_a_missing_page_carries_no_validators(client, record):
    response = client.get(reverse("recommendations:detail", args=["NO-SUCH-1"]))

    assert response.status_code == 404
    assert not response.has_header("ETag")


@pytest.fixture
def kept_connection(monkeypatch):
    """The connection as a request finds it when kept from an earlier one (CONN_MAX_AGE):
    open, its health check due (CONN_HEALTH_CHECKS), outside any transaction."""
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection()
    monkeypatch.setattr(connection, "health_check_enabled", True)
    connection.health_check_done = False
    checks = []
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append("SELECT 1") or True)
    return checks


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # others need the rows back
def test_the_data_version_read_is_the_kept_connections_health_check(
    kept_connection, django_assert_num_queries
):
    with django_assert_num_queries(1):
        data_version.current()
    assert kept_connection == []  # no SELECT 1 before it: one round trip for a 304
    assert connections[DEFAULT_DB_ALIAS].health_check_done


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # others need the rows back
def test_a_kept_connection_that_fails_the_read_is_replaced_and_read_again(
    kept_connection, monkeypatch
):
    real, calls, closed = data_version.read, [], []

    def broken_once() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real()

    connection = connections[DEFAULT_DB_ALIAS]
    close = connection.close
    monkeypatch.setattr(data_version, "read", broken_once)
    monkeypatch.setattr(connection, "close", lambda: closed.append(1) or close())
    assert data_version.current() == real()
    assert (len(calls), closed) == (2, [1])
