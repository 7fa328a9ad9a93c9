"""The public pages of action plans and UN recommendations: what a reader sees on them,
overdue flags as the days pass, and facet counts that mean what they say."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plans.models import ActivityBody, Link, OutsideRecommendation
from recommendations.models import Status

from . import factories

pytestmark = pytest.mark.django_db


def overdue_numbers(client, url: str) -> list[str]:
    sections = client.get(url).context["sections"]
    return [a.number for _, activities in sections for a in activities if a.is_overdue]


def test_the_plans_list_shows_each_plans_progress(client, today, plan_record):
    response = client.get(reverse("plans:list"))
    text = response.content.decode()
    assert "Plan of priority measures" in text
    [plan] = response.context["plans"]
    assert (plan.activity_count, plan.implemented_count, plan.overdue_count) == (3, 1, 1)
    assert [(s.number, s.implemented, s.total) for s in plan.section_progress] == [
        ("I", 0, 2),
        ("II", 1, 1),
    ]
    assert '<progress max="1" value="1"' in text


def test_a_plan_lists_its_activities_by_section_with_bodies_deadlines_and_flags(
    client, today, plan_record
):
    response = client.get(plan_record["plan"].get_absolute_url())
    text = response.content.decode()
    assert [(s.number, [a.number for a in acts]) for s, acts in response.context["sections"]] == [
        ("I", ["1", "2"]),
        ("II", ["3"]),
    ]
    for words in ("June 2023", "By the end of 2022", "Ministry of Justice", "Draft the law"):
        assert words in text
    assert text.count('class="flag flag--overdue"') == 1


def test_overdue_flags_follow_the_day(client, today, plan_record):
    url = plan_record["plan"].get_absolute_url()
    today(datetime.date(2023, 6, 30))  # due that day: not yet overdue
    assert overdue_numbers(client, url) == []
    today(datetime.date(2023, 7, 1))
    assert overdue_numbers(client, url) == ["1"]
    today(datetime.date(2024, 7, 1))  # activity 3 was implemented: never overdue
    assert overdue_numbers(client, url) == ["1", "2"]
    assert client.get(url + "?overdue=yes").context["count"] == 2


def test_the_cached_page_and_its_etag_change_with_the_day(client, today, plan_record):
    url = plan_record["plan"].get_absolute_url()
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    today(datetime.date(2024, 7, 1))
    later = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert later.status_code == 200
    assert later.content.decode().count('class="flag flag--overdue"') == 2


def test_filters_narrow_the_activities(client, today, plan_record):
    url = plan_record["plan"].get_absolute_url()

    def numbers(query: str) -> list[str]:
        sections = client.get(url + query).context["sections"]
        return [a.number for _, acts in sections for a in acts]

    assert numbers("?body=ministry-of-justice") == ["1", "2"]
    assert numbers("?body=supreme-court&section=II") == ["3"]
    assert numbers("?status=not_assessed") == ["2"]
    assert numbers("?overdue=no") == ["2", "3"]


def test_bad_filter_values_are_named_and_ignored(client, today, plan_record):
    response = client.get(plan_record["plan"].get_absolute_url() + "?section=IX&overdue=maybe")
    assert response.status_code == 200
    assert response.context["count"] == 3
    text = response.content.decode()
    assert "Some filter values were not understood" in text


def test_an_activity_shows_its_history_and_what_it_answers(client, today, plan_record):
    response = client.get(plan_record["one"].get_absolute_url())
    text = response.content.decode()
    assert response.status_code == 200
    assert "The draft is with the Government." in text
    assert "139.24" in text and plan_record["upr"].get_absolute_url() in text
    assert "CAB-2021-007" in text


def test_an_activity_says_overdue_once_its_deadline_has_passed(client, today, plan_record):
    url = plan_record["one"].get_absolute_url()
    today(datetime.date(2023, 6, 1))
    assert "Overdue on" not in client.get(url).content.decode()
    today(datetime.date(2023, 7, 1))
    assert "Overdue on" in client.get(url).content.decode()


def test_a_un_recommendation_is_found_by_its_symbol_and_paragraph_or_its_key(client, plan_record):
    upr = plan_record["upr"]
    assert upr.get_absolute_url() == "/upr/A-HRC-41-10-139.24/"
    by_key = client.get(reverse("upr:detail", args=[upr.pk]))
    by_slug = client.get(upr.get_absolute_url())
    assert by_key.status_code == by_slug.status_code == 200
    assert "Introduce probation" in by_slug.content.decode()
    assert "Draft the law on probation" in by_slug.content.decode()


def test_the_un_recommendations_filter_by_whether_anything_answers_them(client, plan_record):
    factories.outside_recommendation(paragraph="139.25", text="Abolish exit visas")
    answered = client.get(reverse("upr:list") + "?linked=yes").context["page"].object_list
    unanswered = client.get(reverse("upr:list") + "?linked=no").context["page"].object_list
    assert [r.paragraph for r in answered] == ["139.24"]
    assert [r.paragraph for r in unanswered] == ["139.25"]


def test_pages_that_link_show_the_other_end(client, today, plan_record):
    text = client.get(plan_record["platform"].get_absolute_url()).content.decode()
    assert "Linked records" in text and "Draft the law on probation" in text
    ministry = client.get(plan_record["ministry"].get_absolute_url()).content.decode()
    assert "Draft the law on probation" in ministry and "Train the judges" in ministry
    assert "Inspect the colonies" not in ministry  # the court's alone
    assert ministry.count('class="flag flag--overdue"') == 1


# Disjunctive facets: for any choice of filters, each facet value's count is the number of
# results that choosing it (besides the other filters) gives.
STATUSES = [Status.NOT_ASSESSED, Status.IN_PROGRESS, Status.IMPLEMENTED]


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["I", "II"]),
            st.sampled_from(["a", "b"]),
            st.sampled_from(STATUSES),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    ),
    chosen=st.dictionaries(
        st.sampled_from(["section", "body", "status", "overdue"]),
        st.sampled_from(["I", "a", "in_progress", "yes", "no", "II", "b", "implemented"]),
    ),
)
def test_each_activity_facet_count_is_what_choosing_it_gives(client, today, rows, chosen):
    plan = factories.action_plan()
    sections = {n: factories.section(plan=plan, number=n) for n in ("I", "II")}
    bodies = {n: factories.organisation() for n in ("a", "b")}
    for n, (section, body, status, late) in enumerate(rows):
        activity = factories.activity(
            plan=plan,
            section=sections[section],
            number=str(n + 1),
            due_date=datetime.date(2023, 1, 1) if late else datetime.date(2025, 1, 1),
        )
        ActivityBody.objects.create(activity=activity, organisation=bodies[body])
        if status != Status.NOT_ASSESSED:
            activity.record_assessment(date=datetime.date(2022, 1, 1), status=status)
    url = plan.get_absolute_url()

    def query(filters: dict[str, str]) -> str:
        return "&".join(
            f"{k}={bodies[v].slug if k == 'body' and v in bodies else v}"
            for k, v in filters.items()
        )

    cache.clear()  # the context of a fresh render, not a cached page
    facets = client.get(f"{url}?{query(chosen)}").context["facets"]
    assert any(facets.values())  # a result, or at least the values chosen, are shown
    for name, values in facets.items():
        for value in values:
            others_query = query({k: v for k, v in chosen.items() if k != name})
            choice = f"{name}={value.value}"
            page = client.get(f"{url}?{others_query}&{choice}").content.decode()
            count = int(re.search(r'id="results-heading"[^>]*>(\d+) activit', page)[1])
            assert value.count == count, (name, value.value, chosen)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["supported", "noted"]),
            st.sampled_from(["Norway", "Chile"]),
            st.sampled_from(["3", "4"]),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    ),
    chosen=st.dictionaries(
        st.sampled_from(["response", "state", "cycle", "linked"]),
        st.sampled_from(["supported", "Chile", "3", "yes", "no", "noted", "Norway"]),
    ),
)
def test_each_un_recommendation_facet_count_is_what_choosing_it_gives(client, rows, chosen):
    OutsideRecommendation.objects.all().delete()  # the previous example's
    platform = factories.recommendation()
    for response, state, cycle, linked in rows:
        outside = factories.outside_recommendation(
            response=response, recommending_state=state, cycle=cycle
        )
        if linked:
            Link.objects.create(recommendation=platform, outside_recommendation=outside)
    url = reverse("upr:list")
    query = lambda filters: "&".join(f"{k}={v}" for k, v in filters.items())  # noqa: E731
    cache.clear()
    facets = client.get(f"{url}?{query(chosen)}").context["facets"]
    assert any(facets.values())
    for name, values in facets.items():
        for value in values:
            others = query({k: v for k, v in chosen.items() if k != name})
            page = client.get(f"{url}?{others}&{name}={value.value}").content.decode()
            count = int(re.search(r'id="results-heading"[^>]*>(\d+) UN recommendation', page)[1])
            assert value.count == count, (name, value.value, chosen)


def test_the_new_pages_name_their_other_languages(client, today, plan_record, settings):
    for path in (
        plan_record["plan"].get_absolute_url() + "?overdue=yes",
        plan_record["one"].get_absolute_url(),
        plan_record["upr"].get_absolute_url(),
        reverse("plans:report", args=["priority"]) + "?as_of=2023-01-01",
    ):
        text = client.get(path).content.decode()
        for code in ("ru", "kk"):
            expected = f'hreflang="{code}" href="{settings.SITE_URL}/{code}{path}"'
            assert expected.replace("&", "&amp;") in text, (path, code)
