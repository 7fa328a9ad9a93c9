"""Random and hostile values for every query parameter of every public URL: never a
server error, never an unescaped reflection (run on SQLite and on PostgreSQL)."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import factories

pytestmark = pytest.mark.django_db

PROBE = "<x-probe>"  # markup whose unescaped echo would mean an injection
HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "x" * 10_000,
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "NaN",
    "' OR 1=1 --",
    '"; DROP TABLE recommendations_recommendation; --',
    "%",
    "_",
    "\\",
    f"{PROBE}<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "../../etc/passwd",
    "ПЫТКИ",
    "Қазақстан",
    "\ud7ff\ue000",
    '"unterminated',
    "OR OR -",
]
PARAMETERS = ["q", "topic", "group", "status", "body", "year_from", "year_to", "meeting", "sort",
              "page", "year", "format", "organisation", "kind", "language", "p", "x", "lang",
              "page_size", "section", "overdue", "mechanism", "cycle", "response", "state", "sdg",
              "linked", "as_of", "since", "recommendation", "plan", "un_recommendation"]  # fmt: skip


@pytest.fixture(autouse=True)
def plans() -> None:
    """A plan with an activity and a UN recommendation, at the addresses public_paths names."""
    factories.activity(plan=factories.action_plan(slug="priority-measures"), number="1")
    factories.outside_recommendation(document_symbol="A/HRC/41/10", paragraph="139.1")
    factories.sdg_target()


def public_paths(record: factories.Record) -> list[str]:
    meeting, rec, document = record.meeting, record.adopted, record.report
    paths = [
        "/", "/meetings/", meeting.get_absolute_url(), "/meetings/feed/", "/meetings/calendar.ics",
        "/recommendations/", rec.get_absolute_url(), "/recommendations/feed/",
        "/recommendations/export.csv", "/recommendations/export.json", "/topics/",
        "/topics/torture-prevention/", "/organisations/", "/organisations/kbhr/", "/documents/",
        document.get_absolute_url(), f"/documents/{document.pk}/download", "/search/",
        "/sitemap.xml", "/sitemap-recommendations.xml", "/robots.txt", "/healthz",
    ]  # fmt: skip
    paths += ["/plans/", "/plans/priority-measures/", "/plans/priority-measures/1/", "/upr/",
              "/upr/A-HRC-41-10-139.1/", "/sitemap-activities.xml",
              "/plans/priority-measures/report/", "/plans/priority-measures/report.csv",
              "/plans/priority-measures/feed/", "/plans/priority-measures/export.csv",
              "/plans/priority-measures/export.json", "/upr/feed/", "/upr/export.csv",
              "/upr/export.json"]  # fmt: skip
    site = (
        paths
        + ["/ru" + p for p in paths[:6]]
        + ["/kk" + p for p in paths[5:10]]
        + ["/kk/plans/", "/ru/upr/"]
    )
    return site + api_paths(record)


def api_paths(record: factories.Record) -> list[str]:
    meeting, rec, document = record.meeting, record.adopted, record.report
    return [
        "/api/v1/meetings/", f"/api/v1/meetings/{meeting.slug}/", "/api/v1/documents/",
        f"/api/v1/documents/{document.pk}/", "/api/v1/recommendations/",
        f"/api/v1/recommendations/{rec.reference}/", "/api/v1/topics/",
        "/api/v1/topics/torture-prevention/", "/api/v1/organisations/",
        "/api/v1/organisations/kbhr/", "/api/v1/affected-groups/",
        "/api/v1/affected-groups/women-girls/", "/api/v1/plans/",
        "/api/v1/plans/priority-measures/", "/api/v1/plans/priority-measures/activities/",
        "/api/v1/plans/priority-measures/activities/1/", "/api/v1/activities/",
        "/api/v1/un-recommendations/", "/api/v1/un-recommendations/A-HRC-41-10-139.1/",
        "/api/v1/links/", "/api/v1/sdg-goals/", "/api/v1/sdg-goals/16/",
        # Last: not JSON.
        "/api/v1/schema/", "/api/v1/docs/",
    ]  # fmt: skip


values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300))
queries = st.lists(st.tuples(st.sampled_from(PARAMETERS), values), min_size=1, max_size=6)


def fetch(client, path: str, query: list[tuple[str, str]]):
    encoded = "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in query)
    response = client.get(f"{path}?{encoded}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_no_public_url_fails_or_reflects_markup(client, record, data):
    paths = public_paths(record)
    path = data.draw(st.sampled_from(paths))
    query = data.draw(queries)
    response, body = fetch(client, path, query)
    assert response.status_code < 500, (path, query)
    assert PROBE.encode() not in body, (path, query)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_api_answers_any_query_with_json_never_an_error(client, record, data):
    path = data.draw(st.sampled_from(api_paths(record)[:-2]))  # not the schema and docs
    query = data.draw(queries)
    response, body = fetch(client, path, query)
    assert response.status_code in (200, 400, 404), (path, query, body[:300])
    assert response["Content-Type"] == "application/json", (path, query)
    if response.status_code == 400:  # each problem named (a NUL byte: the whole address)
        assert set(response.json()) <= {*PARAMETERS, "detail"}, (path, query)
    assert PROBE.encode() not in body, (path, query)


@pytest.mark.parametrize("value", HOSTILE)
def test_every_hostile_value_in_every_parameter_of_the_lists(client, record, value):
    for path in (
        "/recommendations/",
        "/meetings/",
        "/documents/",
        "/search/",
        "/recommendations/feed/",
        "/api/v1/recommendations/",
        "/api/v1/meetings/",
        "/api/v1/documents/",
        "/plans/priority-measures/",
        "/plans/priority-measures/report/",
        "/plans/priority-measures/report.csv",
        "/plans/priority-measures/export.csv",
        "/upr/",
        "/upr/feed/",
        "/upr/export.json",
        "/api/v1/plans/priority-measures/activities/",
        "/api/v1/activities/",
        "/api/v1/un-recommendations/",
        "/api/v1/links/",
    ):
        response, body = fetch(client, path, [(name, value) for name in PARAMETERS])
        assert response.status_code < 500, (path, value)
        assert PROBE.encode() not in body


def test_hostile_path_segments_are_not_found_not_errors(client, record):
    for path in ("/recommendations/%00/", "/meetings/%3Cx-probe%3E/", "/topics/" + "x" * 5000 + "/",
                 "/documents/99999999999999999999/", "/organisations/%27%20OR%201=1/",
                 "/api/v1/recommendations/%3Cx-probe%3E/", "/api/v1/documents/99999999999999999999/",
                 "/api/v1/meetings/" + "x" * 5000 + "/",
                 "/plans/%3Cx-probe%3E/", "/plans/no-such-plan/1/", "/upr/%00/",
                 "/upr/99999999999999999999/", "/upr/A-HRC-%3Cx-probe%3E-1/", "/upr/-/",
                 "/api/v1/plans/%3Cx-probe%3E/", "/api/v1/plans/%3Cx-probe%3E/activities/",
                 "/api/v1/plans/priority-measures/activities/%3Cx-probe%3E/",
                 "/api/v1/plans/priority-measures/activities/%00/",
                 "/api/v1/un-recommendations/%00/", "/api/v1/un-recommendations/-/",
                 "/api/v1/un-recommendations/99999999999999999999/",
                 "/api/v1/un-recommendations/A-HRC-%3Cx-probe%3E-1/",
                 "/api/v1/links/99999999999999999999/", "/api/v1/links/x/",
                 "/api/v1/sdg-goals/999/", "/api/v1/sdg-goals/%3Cx-probe%3E/"):  # fmt: skip
        response = client.get(path)
        assert response.status_code in (400, 404), path
        assert PROBE.encode() not in response.content
