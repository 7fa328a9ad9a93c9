"""Every public page runs a fixed number of queries, however many rows it shows."""

import datetime

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from plans.models import ActivityBody, Link

from . import factories

pytestmark = pytest.mark.django_db


def base() -> dict:
    """A meeting, a topic, a ministry, an affected group and an action plan with a section
    for the rows to hang on."""
    plan = factories.action_plan(slug="the-plan")
    return {
        "topic": factories.topic(slug="torture-prevention"),
        "ministry": factories.organisation(slug="ministry"),
        "group": factories.affected_group(slug="children"),
        "meeting": factories.meeting(slug="the-meeting", date=datetime.date(2024, 1, 1)),
        "plan": plan,
        "section": factories.section(plan=plan),
        "sdg": factories.sdg_target(),
    }


def grow(d: dict, rows: int) -> dict:
    """Add `rows` agenda items, participants, documents, recommendations (each with two
    assessments) and other meetings attended by the ministry."""
    topic, ministry, meeting = d["topic"], d["ministry"], d["meeting"]
    for n in range(rows):
        item = factories.agenda_item(meeting=meeting)
        item.topics.add(topic)
        factories.participant(meeting=meeting, organisation=factories.organisation())
        doc = factories.document(meeting=meeting, agenda_item=item)
        doc.topics.add(topic)
        doc.authors.add(ministry)
        rec = factories.recommendation(meeting=meeting, agenda_item=item, year=2013 + n % 10)
        rec.topics.add(topic)
        rec.responsible_bodies.add(ministry)
        rec.proposed_by.add(ministry)
        rec.affected_groups.add(d["group"])
        rec.record_assessment(date=datetime.date(2020, 1, 1), status="in_progress", source=doc)
        rec.record_assessment(
            date=datetime.date(2021, 1, 1), status="implemented", assessed_by=ministry
        )
        other = factories.meeting(date=datetime.date(2015, 1, 1) + datetime.timedelta(days=n))
        factories.participant(meeting=other, organisation=ministry)
        # A plan activity led by the ministry, with a history, answering a UN
        # recommendation on the topic that the recommendation answers too.
        activity = factories.activity(
            plan=d["plan"],
            section=d["section"],
            due_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
        )
        ActivityBody.objects.create(activity=activity, organisation=ministry)
        activity.topics.add(topic)
        activity.record_assessment(
            date=datetime.date(2020, 6, 1), status="in_progress", assessed_by=ministry
        )
        outside = factories.outside_recommendation(year=2015 + n % 5)
        outside.topics.add(topic)
        outside.affected_groups.add(d["group"])
        outside.sdg_targets.add(d["sdg"])
        # The first recommendation and activity gain a link per row, so their pages grow.
        first_rec, first_activity = d.get("rec", rec), d.get("activity", activity)
        Link.objects.create(activity=first_activity, outside_recommendation=outside)
        Link.objects.create(recommendation=first_rec, outside_recommendation=outside)
        Link.objects.create(recommendation=first_rec, activity=activity)
        d.setdefault("rec", rec)
        d.setdefault("doc", doc)
        d.setdefault("activity", activity)
        d.setdefault("outside", outside)
    return d


# A search every kind of record answers (the factories' titles and texts).
EVERY_KIND = "meeting OR item OR document OR recommendation OR plan OR activity"


# Each page's pinned count on a cold cache, with the queries named. Every page also runs
# one query for the data version (the cache key) and one for the demonstration-data notice.
PAGES = {
    # the facet index (4, built by a fresh worker or brought forward after writes; status,
    # year and topic counts come from it), latest meetings, meeting and document counts, topics
    "home": (lambda d: reverse("home"), 10),
    # years, count, page, agenda items, their topics; topics and organisations to choose from
    "meetings:list": (lambda d: reverse("meetings:list"), 9),
    # meeting, participants, agenda items, topics, documents, authors, adopted recommendations
    "meetings:detail": (lambda d: d["meeting"].get_absolute_url(), 9),
    # the facet index, built by a fresh worker or brought forward after writes (the
    # recommendations, then their topic, group and body links); the page, its topics and
    # bodies; 3 facet vocabularies
    "recommendations:list": (lambda d: reverse("recommendations:list"), 12),
    # + the topic and body slugs known (validation); same plan otherwise
    "recommendations:list filtered": (
        lambda d: (
            reverse("recommendations:list")
            + "?topic=torture-prevention&status=implemented&body=ministry"
        ),
        14,
    ),
    # recommendation (with meeting and agenda item), topics, groups, bodies, proposers,
    # assessments (with source), source authors, agenda item documents, their authors, its
    # published links with their other ends, the public documents of the reports its
    # history was published from
    "recommendations:detail": (lambda d: d["rec"].get_absolute_url(), 13),
    # the facet index (4: recommendation counts), agenda item and document counts, topics
    "topics:list": (lambda d: reverse("topics:list"), 9),
    # topic, the facet index (4: status counts), agenda items, documents, authors, latest,
    # plan activities and their lead bodies, UN recommendations
    "topics:detail": (lambda d: reverse("topics:detail", args=["torture-prevention"]), 14),
    # the facet index (4: addressed counts), organisations
    "organisations:list": (lambda d: reverse("organisations:list"), 7),
    # organisation, the facet index (4: status and topic counts), meetings, documents,
    # the topics' names, latest, its plan activities and their lead bodies; the scorecard
    # (activities by status, its last report on a recommendation and on an activity, past
    # rounds)
    "organisations:detail": (lambda d: reverse("organisations:detail", args=["ministry"]), 17),
    # plans with progress, activities by status, sections with progress
    "plans:list": (lambda d: reverse("plans:list"), 5),
    # plan with progress, sections, the activities with their lead bodies (2); the facet
    # counts, one GROUP BY each (section, body, status, overdue), and the labels of
    # sections and bodies
    "plans:detail": (lambda d: d["plan"].get_absolute_url(), 12),
    # + the body slugs known (validation)
    "plans:detail filtered": (
        lambda d: d["plan"].get_absolute_url() + "?overdue=yes&status=in_progress&body=ministry",
        13,
    ),
    # words: part of the activities' and the facets' queries, none added
    "plans:detail searched": (lambda d: d["plan"].get_absolute_url() + "?q=activity", 12),
    # activity (with plan and section), topics, groups, bodies, assessments, links, the
    # public documents of the reports its history was published from
    "plans:activity": (lambda d: d["activity"].get_absolute_url(), 9),
    # the plan, the activities (with their status on both dates, sections and plan), their
    # bodies, the history entries of the period
    "plans:report": (
        lambda d: reverse("plans:report", args=["the-plan"]) + "?as_of=2021-01-01&since=2020-01-01",
        6,
    ),
    # count, page, topics; the facet counts (8, one GROUP BY each) and the labels of
    # states, topics, groups and SDG goals
    "upr:list": (lambda d: reverse("upr:list"), 17),
    # + the topics and states known (validation)
    "upr:list filtered": (
        lambda d: reverse("upr:list") + "?topic=torture-prevention&linked=yes&state=Norway",
        19,
    ),
    # words: the full-text match is part of each of those queries, none is added
    "upr:list searched": (
        lambda d: reverse("upr:list") + "?" + urlencode({"q": "outside recommendation"}),
        17,
    ),
    # the UN recommendation, topics, groups, SDG targets and their goals, links
    "upr:detail": (lambda d: d["outside"].get_absolute_url(), 8),
    # per kind searched (meetings, agenda items, documents, recommendations, action plans,
    # activities with their plans, UN recommendations): its count and its first results
    "search": (lambda d: reverse("search") + "?" + urlencode({"q": EVERY_KIND}), 16),
    # one kind in full: its count and its page
    "search of activities": (
        lambda d: reverse("search") + "?" + urlencode({"q": EVERY_KIND, "kind": "activities"}),
        4,
    ),
    # count, page, authors, topics (filter choices)
    "documents:list": (lambda d: reverse("documents:list"), 6),
    # document (with meeting and agenda item), authors, topics
    "documents:detail": (lambda d: d["doc"].get_absolute_url(), 5),
}


@pytest.mark.parametrize("name", PAGES)
def test_query_count_is_pinned_and_does_not_grow_with_rows(client, django_assert_num_queries, name):
    url_for, pinned = PAGES[name]
    data = grow(base(), 5)
    with django_assert_num_queries(pinned):
        assert client.get(url_for(data)).status_code == 200
    grow(data, 45)
    with django_assert_num_queries(pinned):
        assert client.get(url_for(data)).status_code == 200


@pytest.mark.parametrize("name", PAGES)
def test_a_repeated_request_is_served_from_the_cache_with_one_query(
    client, django_assert_num_queries, name
):
    url_for, _ = PAGES[name]
    url = url_for(grow(base(), 5))
    assert client.get(url).status_code == 200
    with django_assert_num_queries(1):  # the data version
        assert client.get(url).status_code == 200


# Sitemaps are not cached pages (crawlers fetch them rarely, and Django sets their headers).
SITEMAPS = {
    # the data version (the ETag), then per section of records (meetings, recommendations,
    # documents, plans, activities, UN recommendations, topics, organisations): its count
    # and its latest change
    "/sitemap.xml": 17,
    # the data version, the count, then one page of records
    "/sitemap-recommendations.xml": 3,
    "/sitemap-activities.xml": 3,
    "/sitemap-un-recommendations.xml": 3,
}


@pytest.mark.parametrize("url", SITEMAPS)
def test_sitemaps_run_a_pinned_number_of_queries(client, django_assert_num_queries, url):
    data = grow(base(), 5)
    with django_assert_num_queries(SITEMAPS[url]):
        assert client.get(url).status_code == 200
    grow(data, 45)
    with django_assert_num_queries(SITEMAPS[url]):
        assert client.get(url).status_code == 200


# Exports stream their rows; the queries run as the file is read, so the whole file is read
# inside the count. Each also reads the data version (the ETag).
EXPORTS = {
    # the ids in the list's order; the slugs of topics, groups and organisations; per
    # chunk of 2,000 rows: the rows, their topics, groups and bodies, their history entries
    "recommendations": (lambda d: reverse("recommendations:export_csv"), 10),
    # the plan, the activities (with plan and section), their bodies, topics, the plan's
    # sections (the page's order); the organisations' slugs and the history entries
    "plan activities": (lambda d: reverse("plans:export_csv", args=["the-plan"]), 8),
    # the UN recommendations, their topics, groups and SDG targets
    "UN recommendations": (lambda d: reverse("upr:export_csv"), 5),
}


def read_whole(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("name", EXPORTS)
def test_an_export_runs_a_pinned_number_of_queries(client, django_assert_num_queries, name):
    url_for, pinned = EXPORTS[name]
    data = grow(base(), 5)
    with django_assert_num_queries(pinned):
        assert read_whole(client.get(url_for(data))).count(b"\r\n") == 6
    grow(data, 45)
    with django_assert_num_queries(pinned):
        assert read_whole(client.get(url_for(data))).count(b"\r\n") == 51
