"""Drafts are never public: the `record` fixture's draft meeting (with its agenda item), draft
document and draft recommendation appear on no public surface (pages, lists, counts, facets,
search, feeds, calendar, sitemap, exports), cannot be reached directly, and count nowhere; a
published record that belongs to the draft meeting shows no trace of it. Nor do the bodies'
reports before the secretariat publishes them: draft, submitted, returned and withdrawn
reports, the reviewer's notes and the documents kept internal."""

import datetime
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans.models import ActivityBody, Link
from recommendations.models import AssessmentOrigin
from reporting import services
from reporting.models import ReportState

from . import factories
from .factories import DRAFT, Record

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts(record, settings, tmp_path) -> Record:
    """The record, with a file behind the draft document."""
    settings.MEDIA_ROOT = tmp_path
    record.draft_document.file = SimpleUploadedFile("draft.pdf", b"%PDF-1.4 draft")
    record.draft_document.save()
    add_plans(record)
    add_reports(record)
    return record


def add_reports(r: Record) -> None:
    """The ministry's reports on `adopted` in every state before publication, each with a
    document; one published with a public document (and a note left from its review), one
    published on the activity with its document kept internal, and one published on the
    draft recommendation."""

    def report(name: str, state: str, item=None, **fields):
        return factories.report(
            organisation=r.ministry, item=item or r.adopted, state=state,
            narrative_en=f"Narrative of the {name} report", claimed_status="implemented",
            document=SimpleUploadedFile(f"{name}-report.pdf", b"%PDF-1.4 " + name.encode()),
            **{"document_is_public": True, **fields},
        )  # fmt: skip

    def published(name: str, item, **fields):
        submitted = report(name, ReportState.SUBMITTED, item, **fields)
        return services.report_publish(
            report=submitted, user=factories.secretariat_user(),
            expected_version=submitted.version, date=datetime.date(2024, 2, 1),
        )  # fmt: skip

    r.reports = {
        state: report(state, state)
        for state in (ReportState.DRAFT, ReportState.SUBMITTED, ReportState.RETURNED,
                      ReportState.WITHDRAWN)
    }  # fmt: skip
    r.reports[ReportState.RETURNED].reviewer_note = "Reviewer's note on the returned report"
    r.reports[ReportState.RETURNED].save()
    r.published_report = published(
        "published", r.adopted, reviewer_note="Reviewer's note left from a first review"
    )
    r.internal_report = published("internal", r.activity, document_is_public=False)
    r.report_on_draft = published("hidden", r.draft_recommendation)
    assert r.published_report.origin == AssessmentOrigin.GOVERNMENT_REPORT


def document_url(report) -> str:
    return reverse("reports:document", args=[report.pk])


def add_plans(r: Record) -> None:
    """Plans records on the same topics and bodies: a published plan whose activity (led
    by the ministry, on prisons) is linked to the published `adopted` and to a published
    UN recommendation; a draft plan whose activity is led by the ministry too and linked
    to both; a draft UN recommendation linked to the published activity and to `adopted`;
    a published UN recommendation (`unanswered`) linked only to the draft activity."""
    r.plan = factories.action_plan(title="Plan of priority measures", slug="priority-measures")
    r.section = factories.section(plan=r.plan, number="I", title="Places of detention")
    r.activity = factories.activity(
        plan=r.plan, section=r.section, number="1", title="Monitor the places of detention"
    )
    r.draft_plan = factories.action_plan(
        title=f"{DRAFT} plan", slug="draft-plan", is_published=False
    )
    r.draft_activity = factories.activity(plan=r.draft_plan, number="1", title=f"{DRAFT} activity")
    for activity in (r.activity, r.draft_activity):
        ActivityBody.objects.create(activity=activity, organisation=r.ministry)
        activity.topics.add(r.prisons)
    r.outside = factories.outside_recommendation(
        paragraph="139.1", text="Ratify the optional protocol"
    )
    r.unanswered = factories.outside_recommendation(
        paragraph="139.2", text="Reform the penitentiary"
    )
    r.draft_outside = factories.outside_recommendation(
        paragraph="139.99",
        recommending_state="Atlantis",
        text=f"{DRAFT} UN recommendation",
        is_published=False,
    )
    for outside in (r.outside, r.unanswered, r.draft_outside):
        outside.topics.add(r.prisons)
    Link.objects.create(activity=r.activity, outside_recommendation=r.outside)
    Link.objects.create(recommendation=r.adopted, activity=r.activity)
    Link.objects.create(activity=r.draft_activity, outside_recommendation=r.unanswered)
    Link.objects.create(recommendation=r.adopted, activity=r.draft_activity)
    Link.objects.create(activity=r.activity, outside_recommendation=r.draft_outside)
    Link.objects.create(recommendation=r.adopted, outside_recommendation=r.draft_outside)


# What would betray each draft: its words, reference, slug or address.
DRAFT_MARKS: dict[str, Callable[[Record], list[str]]] = {
    "draft meeting": lambda r: [
        DRAFT,
        r.draft_meeting.title,
        r.draft_meeting.slug,
        r.draft_item.title,
    ],
    "draft document": lambda r: [r.draft_document.title, r.draft_document.get_absolute_url()],
    "draft recommendation": lambda r: [
        r.draft_recommendation.text,
        r.draft_recommendation.reference,
    ],
    "draft plan": lambda r: [r.draft_plan.title, r.draft_plan.slug, r.draft_activity.title],
    "draft UN recommendation": lambda r: [r.draft_outside.text, "139.99", "Atlantis"],
    **{
        f"{state} report": lambda r, state=state: [
            r.reports[state].narrative_en,
            document_url(r.reports[state]),
            f"{state}-report",
        ]
        for state in ("draft", "submitted", "returned", "withdrawn")
    },
    "reviewer's notes": lambda r: [
        r.reports["returned"].reviewer_note,
        r.published_report.reviewer_note,
    ],
    "document kept internal": lambda r: [document_url(r.internal_report), "internal-report"],
    "report on a draft recommendation": lambda r: [
        r.report_on_draft.narrative_en,
        document_url(r.report_on_draft),
    ],
}

PRISONS = "prison-reform"  # the topic of every draft, and of one published recommendation

# (surface, its address, something published it does show, or None where it shows nothing)
SURFACES: list[tuple[str, Callable[[Record], str], Callable[[Record], str] | None]] = [
    ("home page and its counts", lambda r: reverse("home"), lambda r: r.meeting.title),
    ("Russian home page", lambda r: "/ru/", lambda r: r.meeting.title_ru),
    ("meetings list", lambda r: reverse("meetings:list"), lambda r: r.meeting.title),
    ("meetings list of the drafts' topic", lambda r: reverse("meetings:list") + f"?topic={PRISONS}", None),
    ("recommendations list and facets", lambda r: reverse("recommendations:list"), lambda r: r.adopted.reference),
    ("recommendations list of the drafts' topic", lambda r: reverse("recommendations:list") + f"?topic={PRISONS}",
     lambda r: r.adopted_at_draft_meeting.reference),
    ("recommendations list searched", lambda r: reverse("recommendations:list") + "?q=confidential", None),
    ("recommendations list asked for the draft meeting",
     lambda r: reverse("recommendations:list") + f"?meeting={r.draft_meeting.slug}", lambda r: r.adopted.reference),
    ("a published recommendation adopted at the draft meeting",
     lambda r: r.adopted_at_draft_meeting.get_absolute_url(), lambda r: r.adopted_at_draft_meeting.text),
    ("a published document of the draft meeting", lambda r: r.paper_of_draft_meeting.get_absolute_url(),
     lambda r: r.paper_of_draft_meeting.title),
    ("topic page of the drafts' topic and its counts", lambda r: reverse("topics:detail", args=[PRISONS]),
     lambda r: r.adopted_at_draft_meeting.reference),
    ("topics list and its counts", lambda r: reverse("topics:list"), lambda r: r.prisons.name),
    ("organisations list and its counts", lambda r: reverse("organisations:list"), lambda r: r.ministry.name),
    ("page of the organisation the drafts address", lambda r: r.ministry.get_absolute_url(),
     lambda r: r.adopted.reference),
    ("page of the organisation the draft plan names", lambda r: r.ministry.get_absolute_url(),
     lambda r: r.activity.title),
    ("topic page of the drafts' topic with its activities and UN recommendations",
     lambda r: reverse("topics:detail", args=[PRISONS]), lambda r: r.outside.text),
    ("documents list", lambda r: reverse("documents:list"), lambda r: r.report.title),
    ("search", lambda r: reverse("search") + "?q=confidential", None),
    ("search of the drafts' other words", lambda r: reverse("search") + "?q=prison", None),
    ("meetings feed", lambda r: reverse("meetings:feed"), lambda r: r.meeting.title),
    ("recommendations feed", lambda r: reverse("recommendations:feed"), lambda r: r.adopted.reference),
    ("calendar", lambda r: reverse("meetings:calendar"), lambda r: r.meeting.title),
    ("sitemap of meetings", lambda r: "/sitemap-meetings.xml", lambda r: r.meeting.slug),
    ("sitemap of recommendations", lambda r: "/sitemap-recommendations.xml", lambda r: r.adopted.reference),
    ("sitemap of documents", lambda r: "/sitemap-documents.xml", lambda r: r.report.get_absolute_url()),
    ("plans list and its progress", lambda r: reverse("plans:list"), lambda r: r.plan.title),
    ("a plan's activities and facets", lambda r: r.plan.get_absolute_url(), lambda r: r.activity.title),
    ("a plan's activities of the ministry", lambda r: r.plan.get_absolute_url() + "?body=ministry-of-internal-affairs",
     lambda r: r.activity.title),
    ("an activity and its links", lambda r: r.activity.get_absolute_url(), lambda r: r.outside.paragraph),
    ("UN recommendations and facets", lambda r: reverse("upr:list"), lambda r: r.outside.text),
    ("UN recommendations answered", lambda r: reverse("upr:list") + "?linked=yes", lambda r: r.outside.text),
    ("UN recommendations of the drafts' topic", lambda r: reverse("upr:list") + f"?topic={PRISONS}",
     lambda r: r.unanswered.text),
    ("UN recommendations searched for the draft's words", lambda r: reverse("upr:list") + "?q=confidential", None),
    ("UN recommendations searched for any of theirs and the draft's",
     lambda r: reverse("upr:list") + "?q=confidential+OR+protocol", lambda r: r.outside.text),
    ("UN recommendations as CSV searched for the draft's words",
     lambda r: reverse("upr:export_csv") + "?q=confidential", None),
    ("UN recommendations feed searched for the draft's words", lambda r: reverse("upr:feed") + "?q=confidential",
     None),
    ("a plan's activities searched for the draft plan's words",
     lambda r: r.plan.get_absolute_url() + "?q=confidential+OR+monitor", lambda r: r.activity.title),
    ("a UN recommendation and its links", lambda r: r.outside.get_absolute_url(), lambda r: r.activity.title),
    ("a UN recommendation linked only to a draft", lambda r: r.unanswered.get_absolute_url(),
     lambda r: r.unanswered.text),
    ("a recommendation and its links", lambda r: r.adopted.get_absolute_url(), lambda r: r.activity.title),
    ("sitemap of plans", lambda r: "/sitemap-plans.xml", lambda r: r.plan.slug),
    ("sitemap of activities", lambda r: "/sitemap-activities.xml", lambda r: r.activity.get_absolute_url()),
    ("sitemap of UN recommendations", lambda r: "/sitemap-un-recommendations.xml",
     lambda r: r.outside.get_absolute_url()),
    ("a plan's interim-results report", lambda r: reverse("plans:report", args=[r.plan.slug]),
     lambda r: r.activity.title),
    ("a plan's report as CSV", lambda r: reverse("plans:report_csv", args=[r.plan.slug]), lambda r: r.activity.title),
    ("a plan's activities feed", lambda r: reverse("plans:feed", args=[r.plan.slug]), lambda r: r.activity.title),
    ("a plan's activities as CSV", lambda r: reverse("plans:export_csv", args=[r.plan.slug]),
     lambda r: r.activity.title),
    ("UN recommendations feed", lambda r: reverse("upr:feed"), lambda r: r.outside.text),
    ("UN recommendations as CSV", lambda r: reverse("upr:export_csv"), lambda r: r.outside.text),
    ("UN recommendations as JSON", lambda r: reverse("upr:export_json"), lambda r: r.outside.text),
    ("CSV export", lambda r: reverse("recommendations:export_csv"), lambda r: r.adopted.reference),
    ("JSON export", lambda r: reverse("recommendations:export_json"), lambda r: r.adopted.reference),
    ("API meetings", lambda r: "/api/v1/meetings/", lambda r: r.meeting.slug),
    ("API meetings of the drafts' topic", lambda r: f"/api/v1/meetings/?topic={PRISONS}", None),
    ("API meetings in every language", lambda r: "/api/v1/meetings/?lang=all", lambda r: r.meeting.title_kk),
    ("API meeting", lambda r: f"/api/v1/meetings/{r.meeting.slug}/", lambda r: r.adopted.reference),
    ("API documents", lambda r: "/api/v1/documents/", lambda r: r.report.title),
    ("API document of the draft meeting", lambda r: f"/api/v1/documents/{r.paper_of_draft_meeting.pk}/",
     lambda r: r.paper_of_draft_meeting.title),
    ("API recommendations and facets", lambda r: "/api/v1/recommendations/", lambda r: r.adopted.reference),
    ("API recommendations of the drafts' topic", lambda r: f"/api/v1/recommendations/?topic={PRISONS}",
     lambda r: r.adopted_at_draft_meeting.reference),
    ("API recommendations searched", lambda r: "/api/v1/recommendations/?q=confidential", None),
    ("API recommendations by status", lambda r: "/api/v1/recommendations/?status=implemented",
     lambda r: r.adopted.reference),
    ("API recommendation of the draft meeting",
     lambda r: f"/api/v1/recommendations/{r.adopted_at_draft_meeting.reference}/",
     lambda r: r.adopted_at_draft_meeting.text),
    ("API recommendation citing documents", lambda r: f"/api/v1/recommendations/{r.adopted.reference}/",
     lambda r: r.adopted.text),
    ("API topics", lambda r: "/api/v1/topics/", lambda r: PRISONS),
    ("API organisations", lambda r: "/api/v1/organisations/", lambda r: r.ministry.slug),
    ("API affected groups", lambda r: "/api/v1/affected-groups/", lambda r: r.detainees.slug),
    ("API plans and their progress", lambda r: "/api/v1/plans/", lambda r: r.plan.slug),
    ("API plan", lambda r: f"/api/v1/plans/{r.plan.slug}/", lambda r: r.section.title),
    ("API a plan's activities and facets", lambda r: f"/api/v1/plans/{r.plan.slug}/activities/",
     lambda r: r.activity.title),
    ("API a plan's activities of the ministry",
     lambda r: f"/api/v1/plans/{r.plan.slug}/activities/?body=ministry-of-internal-affairs",
     lambda r: r.activity.title),
    ("API activities of every plan and facets", lambda r: "/api/v1/activities/", lambda r: r.activity.title),
    ("API activities of every plan of the ministry",
     lambda r: "/api/v1/activities/?body=ministry-of-internal-affairs", lambda r: r.activity.title),
    ("API activities in every language", lambda r: "/api/v1/activities/?lang=all", lambda r: r.activity.title),
    ("API activity", lambda r: f"/api/v1/plans/{r.plan.slug}/activities/{r.activity.number}/",
     lambda r: r.activity.title),
    ("API UN recommendations and facets", lambda r: "/api/v1/un-recommendations/", lambda r: r.outside.text),
    ("API UN recommendations answered", lambda r: "/api/v1/un-recommendations/?linked=yes",
     lambda r: r.outside.text),
    ("API UN recommendations of the drafts' topic", lambda r: f"/api/v1/un-recommendations/?topic={PRISONS}",
     lambda r: r.unanswered.text),
    ("API UN recommendations searched for the draft's words", lambda r: "/api/v1/un-recommendations/?q=confidential",
     None),
    ("API UN recommendations searched for any of theirs and the draft's",
     lambda r: "/api/v1/un-recommendations/?q=confidential+OR+protocol", lambda r: r.outside.text),
    ("API activities of every plan searched for the draft plan's words",
     lambda r: "/api/v1/activities/?q=confidential+OR+monitor", lambda r: r.activity.title),
    ("API UN recommendation", lambda r: f"/api/v1/un-recommendations/{r.outside.slug}/", lambda r: r.outside.text),
    ("API UN recommendation linked only to a draft", lambda r: f"/api/v1/un-recommendations/{r.unanswered.slug}/",
     lambda r: r.unanswered.text),
    ("API links", lambda r: "/api/v1/links/", lambda r: r.outside.slug),
    ("API links of a recommendation", lambda r: f"/api/v1/links/?recommendation={r.adopted.reference}",
     lambda r: r.plan.slug),
    ("API links of a UN recommendation linked only to a draft",
     lambda r: f"/api/v1/links/?un_recommendation={r.unanswered.slug}", None),
    ("API links of a plan", lambda r: f"/api/v1/links/?plan={r.plan.slug}", lambda r: r.outside.slug),
    ("a recommendation with its published report", lambda r: r.adopted.get_absolute_url(),
     lambda r: r.published_report.narrative_en),
    ("the published report's public document", lambda r: r.adopted.get_absolute_url(),
     lambda r: document_url(r.published_report)),
    ("an activity with a report published with an internal document",
     lambda r: r.activity.get_absolute_url(), lambda r: r.internal_report.narrative_en),
    ("the scorecard of the reporting body", lambda r: r.ministry.get_absolute_url(),
     lambda r: "Government report of"),
    ("a plan's activities as JSON", lambda r: reverse("plans:export_json", args=[r.plan.slug]),
     lambda r: "government_report"),
    ("Russian recommendations feed", lambda r: "/ru" + reverse("recommendations:feed"),
     lambda r: r.adopted.reference),
    ("search of the reports' words", lambda r: reverse("search") + "?q=narrative", None),
    ("API recommendation with its published report",
     lambda r: f"/api/v1/recommendations/{r.adopted.reference}/?lang=all",
     lambda r: r.published_report.narrative_en),
    ("API recommendations searched for the reports' words",
     lambda r: "/api/v1/recommendations/?q=narrative", None),
    ("API SDG goals", lambda r: "/api/v1/sdg-goals/", None),
]  # fmt: skip

DIRECT = [
    ("draft meeting page", lambda r: r.draft_meeting.get_absolute_url()),
    ("draft agenda item, through its meeting", lambda r: r.draft_item.get_absolute_url()),
    ("draft recommendation page", lambda r: r.draft_recommendation.get_absolute_url()),
    ("draft document page", lambda r: r.draft_document.get_absolute_url()),
    ("draft document download", lambda r: reverse("documents:download", args=[r.draft_document.pk])),
    ("API draft meeting", lambda r: f"/api/v1/meetings/{r.draft_meeting.slug}/"),
    ("API draft recommendation", lambda r: f"/api/v1/recommendations/{r.draft_recommendation.reference}/"),
    ("API draft document", lambda r: f"/api/v1/documents/{r.draft_document.pk}/"),
    ("draft plan page", lambda r: r.draft_plan.get_absolute_url()),
    ("draft plan's activity page", lambda r: r.draft_activity.get_absolute_url()),
    ("draft UN recommendation page", lambda r: r.draft_outside.get_absolute_url()),
    ("draft UN recommendation page by its key", lambda r: reverse("upr:detail", args=[r.draft_outside.pk])),
    ("draft plan's report", lambda r: reverse("plans:report", args=[r.draft_plan.slug])),
    ("draft plan's feed", lambda r: reverse("plans:feed", args=[r.draft_plan.slug])),
    ("draft plan's export", lambda r: reverse("plans:export_json", args=[r.draft_plan.slug])),
    ("API draft plan", lambda r: f"/api/v1/plans/{r.draft_plan.slug}/"),
    ("API draft plan's activities", lambda r: f"/api/v1/plans/{r.draft_plan.slug}/activities/"),
    ("API draft plan's activity", lambda r: f"/api/v1/plans/{r.draft_plan.slug}/activities/1/"),
    ("API draft UN recommendation", lambda r: f"/api/v1/un-recommendations/{r.draft_outside.slug}/"),
    ("API draft UN recommendation by its key", lambda r: f"/api/v1/un-recommendations/{r.draft_outside.pk}/"),
    ("API link to a draft activity",
     lambda r: f"/api/v1/links/{Link.objects.get(activity=r.draft_activity, recommendation=r.adopted).pk}/"),
    ("API link to a draft UN recommendation",
     lambda r: f"/api/v1/links/{Link.objects.get(outside_recommendation=r.draft_outside, activity=r.activity).pk}/"),
    *[(f"{state} report's document", lambda r, state=state: document_url(r.reports[state]))
      for state in ("draft", "submitted", "returned", "withdrawn")],
    ("a published report's internal document", lambda r: document_url(r.internal_report)),
    ("the document of a report on a draft recommendation", lambda r: document_url(r.report_on_draft)),
    ("a report that does not exist", lambda r: reverse("reports:document", args=[999999])),
]  # fmt: skip


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


@pytest.mark.parametrize(("surface", "url", "shown"), SURFACES, ids=[s for s, _, _ in SURFACES])
def test_drafts_appear_on_no_public_surface(client, drafts, surface, url, shown):
    response = client.get(url(drafts))
    assert response.status_code == 200, surface
    text = body(response)
    if shown:  # the surface does list records of the kind
        assert shown(drafts) in text, surface
    leaked = {
        draft: [m for m in marks(drafts) if m in text] for draft, marks in DRAFT_MARKS.items()
    }
    assert leaked == {draft: [] for draft in DRAFT_MARKS}, surface


@pytest.mark.parametrize(("page", "url"), DIRECT, ids=[name for name, _ in DIRECT])
def test_drafts_cannot_be_reached_directly(client, drafts, page, url):
    assert client.get(url(drafts)).status_code == 404, page


def test_drafts_are_counted_nowhere(client, drafts):
    home = client.get(reverse("home")).context
    assert home["totals"] == {"meetings": 2, "recommendations": 4, "documents": 3}

    # On the drafts' topic: one published recommendation, no agenda item, no document.
    topics = {t.slug: t for t in client.get(reverse("topics:list")).context["topics"]}
    assert topics[PRISONS].counts == (1, 0, 0)  # recommendations, agenda items, documents

    listed = client.get(reverse("recommendations:list") + f"?topic={PRISONS}").context
    assert listed["page"].paginator.count == 1

    facets = client.get(reverse("recommendations:list")).context["facets"]
    counts = {name: {v.value: v.count for v in values} for name, values in facets.items()}
    assert counts["topic"][PRISONS] == 1
    assert counts["body"]["ministry-of-internal-affairs"] == 3  # not the draft's fourth
    assert counts["status"]["implemented"] == 1  # not the implemented draft
    assert counts["year"]["2023"] == 1


def test_the_api_counts_no_draft(client, drafts):
    listed = client.get("/api/v1/recommendations/").json()
    assert listed["count"] == 4
    counts = {
        name: {v["value"]: v["count"] for v in values} for name, values in listed["facets"].items()
    }
    assert counts["topic"][PRISONS] == 1
    assert counts["body"]["ministry-of-internal-affairs"] == 3
    assert counts["status"]["implemented"] == 1
    assert client.get("/api/v1/meetings/").json()["count"] == 2
    assert client.get("/api/v1/documents/").json()["count"] == 3
    assert client.get("/api/v1/plans/").json()["count"] == 1
    plan = client.get(f"/api/v1/plans/{drafts.plan.slug}/").json()
    assert plan["progress"]["activities"] == 1
    for url in (f"/api/v1/plans/{drafts.plan.slug}/activities/", "/api/v1/activities/"):
        activities = client.get(url).json()
        assert activities["count"] == 1
        bodies = {v["value"]: v["count"] for v in activities["facets"]["body"]}
        assert bodies == {"ministry-of-internal-affairs": 1}  # not the draft's second
    outside = client.get("/api/v1/un-recommendations/").json()
    assert outside["count"] == 2
    assert {v["value"]: v["count"] for v in outside["facets"]["linked"]} == {"yes": 1, "no": 1}
    assert {v["value"] for v in outside["facets"]["state"]} == {"Norway"}  # not Atlantis
    assert client.get("/api/v1/links/").json()["count"] == 2


def test_a_draft_meeting_cannot_be_chosen_as_an_api_filter(client, drafts):
    response = client.get(f"/api/v1/recommendations/?meeting={drafts.draft_meeting.slug}")
    assert response.status_code == 400
    assert list(response.json()) == ["meeting"]
    assert DRAFT not in response.content.decode()


def test_a_draft_meeting_cannot_be_chosen_as_a_filter(client, drafts):
    response = client.get(reverse("recommendations:list") + f"?meeting={drafts.draft_meeting.slug}")
    assert response.status_code == 200
    assert "meeting" in response.context["filter"].form.errors
    assert DRAFT not in response.content.decode()


def test_a_link_through_a_draft_answers_nothing(client, drafts):
    answered = client.get(reverse("upr:list") + "?linked=yes").context["page"].object_list
    assert [r.paragraph for r in answered] == ["139.1"]
    facets = client.get(reverse("upr:list")).context["facets"]
    assert {v.value: v.count for v in facets["linked"]} == {"yes": 1, "no": 1}
    plans = {p.slug: p for p in client.get(reverse("plans:list")).context["plans"]}
    assert set(plans) == {"priority-measures"}
    assert plans["priority-measures"].activity_count == 1


def test_a_published_report_s_public_document_can_be_downloaded(client, drafts):
    response = client.get(document_url(drafts.published_report))
    assert response.status_code == 200
    assert body(response) == "%PDF-1.4 published"
    assert "attachment" in response["Content-Disposition"]
    assert f"report-{drafts.published_report.pk}.pdf" in response["Content-Disposition"]
