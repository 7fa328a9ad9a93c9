"""A recommendation's or activity's history says who speaks in each entry: the
secretariat, a state body reporting on its own work, or an NGO evaluating it; a government
report and an independent evaluation stand side by side, in the reader's language."""

import datetime
import re

import feedparser
import pytest
from django.urls import reverse

from recommendations.models import AssessmentOrigin, Status

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim_and_evaluation():
    """A recommendation the ministry reports implemented and an NGO finds not implemented
    (its summary in English only), after an earlier secretariat assessment."""
    ministry = factories.organisation(
        name_en="Ministry of Justice", name_ru="Министерство юстиции", name_kk="Әділет министрлігі",
        slug="ministry-of-justice",
    )  # fmt: skip
    ngo = factories.organisation(
        name_en="Kazakhstan International Bureau for Human Rights",
        name_ru="Казахстанское международное бюро по правам человека",
        name_kk="Адам құқықтары жөніндегі қазақстандық халықаралық бюро",
        slug="kibhr", kind="ngo",
    )  # fmt: skip
    rec = factories.recommendation(reference="CAB-2021-007")
    rec.record_assessment(date=datetime.date(2020, 5, 1), status=Status.IN_PROGRESS)
    report = rec.record_assessment(
        date=datetime.date(2021, 3, 1), status=Status.IMPLEMENTED, assessed_by=ministry,
        origin=AssessmentOrigin.GOVERNMENT_REPORT, summary="The law was adopted.",
    )  # fmt: skip
    report.summary_ru, report.summary_kk = "Закон принят.", "Заң қабылданды."
    report.save()
    rec.record_assessment(
        date=datetime.date(2021, 10, 22), status=Status.NOT_IMPLEMENTED, assessed_by=ngo,
        origin=AssessmentOrigin.EVALUATION, summary="The law is not applied.",
    )  # fmt: skip
    return rec


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


LABELS = {
    "": (
        "Secretariat assessment",
        "Government report of Ministry of Justice",
        "Evaluation of Kazakhstan International Bureau for Human Rights",
    ),
    "/ru": (
        "Оценка секретариата",
        "Отчёт государственного органа: Министерство юстиции",
        "Независимый оценочный доклад: Казахстанское международное бюро по правам человека",
    ),
    "/kk": (
        "Хатшылықтың бағалауы",
        "Мемлекеттік органның есебі: Әділет министрлігі",
        "Тәуелсіз бағалау есебі: Адам құқықтары жөніндегі қазақстандық халықаралық бюро",
    ),
}


@pytest.mark.parametrize("prefix", ["", "/ru", "/kk"])
def test_each_entry_is_labelled_with_its_source_in_the_readers_language(
    client, claim_and_evaluation, prefix
):
    html = client.get(prefix + claim_and_evaluation.get_absolute_url()).content.decode()
    timeline = text(html.split('<ol class="timeline">')[1].split("</ol>")[0])
    for label in LABELS[prefix]:
        assert label in timeline


def test_the_government_report_and_the_evaluation_stand_side_by_side(client, claim_and_evaluation):
    html = client.get(claim_and_evaluation.get_absolute_url()).content.decode()
    block = html.split('<div class="side-by-side">')[1].split("</div>")[0]
    current, independent = block.split('aria-labelledby="independent-view-heading"')
    assert "Government report of" in text(current) and "Implemented" in text(current)
    assert "Evaluation of" in text(independent)
    assert "Not implemented" in text(independent)
    assert 'href="/organisations/kibhr/"' in independent


def test_the_evaluation_is_marked_as_not_setting_the_status(client, claim_and_evaluation):
    html = client.get(claim_and_evaluation.get_absolute_url()).content.decode()
    entries = html.split('<li class="timeline__entry"')[1:]
    evaluation = next(e for e in entries if 'data-origin="evaluation"' in e.split(">")[0])
    assert "does not set the current status" in evaluation.split("</li>")[0]
    others = [e.split("</li>")[0] for e in entries if e is not evaluation]
    assert not any("does not set the current status" in e for e in others)


def test_a_summary_shown_in_another_language_is_marked(client, claim_and_evaluation):
    html = client.get("/ru" + claim_and_evaluation.get_absolute_url()).content.decode()
    assert "Закон принят." in html
    assert re.search(
        r'<span lang="en">The law is not applied\.</span> <small class="fallback">', html
    )


def test_without_an_evaluation_there_is_no_side_by_side_block(client):
    rec = factories.recommendation()
    rec.record_assessment(date=datetime.date(2021, 3, 1), status=Status.IN_PROGRESS)
    html = client.get(rec.get_absolute_url()).content.decode()
    assert 'class="side-by-side"' not in html
    assert "Secretariat assessment" in html


def test_an_activity_s_history_shows_its_sources_too(client):
    activity = factories.activity()
    ngo = factories.organisation(name="Charter for Human Rights", kind="ngo")
    ministry = factories.organisation(name="Ministry of Labour")
    activity.record_assessment(
        date=datetime.date(2022, 1, 10), status=Status.IN_PROGRESS, assessed_by=ministry,
        origin=AssessmentOrigin.GOVERNMENT_REPORT,
    )  # fmt: skip
    activity.record_assessment(
        date=datetime.date(2022, 2, 1), status=Status.NOT_STARTED, assessed_by=ngo,
        origin=AssessmentOrigin.EVALUATION,
    )  # fmt: skip
    html = text(client.get(activity.get_absolute_url()).content.decode())
    assert "Government report of Ministry of Labour" in html
    assert "Evaluation of Charter for Human Rights" in html


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("en", "Government report of Ministry of Justice"),
        ("ru", "Отчёт государственного органа: Министерство юстиции"),
        ("kk", "Мемлекеттік органның есебі: Әділет министрлігі"),
    ],
)
def test_the_api_gives_each_entry_s_origin_with_its_label(
    client, claim_and_evaluation, lang, label
):
    url = f"/api/v1/recommendations/{claim_and_evaluation.reference}/?lang={lang}"
    history = client.get(url).json()["history"]
    assert [(h["origin"], h["sets_status"]) for h in history] == [
        ("evaluation", False),
        ("government_report", True),
        ("secretariat", True),
    ]
    assert history[1]["origin_label"] == label
    assert history[1]["assessed_by"] == "ministry-of-justice"


def feed_summary(response) -> str:
    [entry] = feedparser.parse(response.content).entries
    return text(entry.summary)


def test_the_feed_gives_the_claim_and_the_evaluation_with_their_sources(
    client, claim_and_evaluation
):
    summary = feed_summary(client.get(reverse("recommendations:feed")))
    assert (
        "Current status: Implemented (Government report of Ministry of Justice, 1 March 2021)"
        in summary
    )
    assert "Latest independent evaluation: Not implemented (Evaluation of Kazakhstan" in summary
    ru = feed_summary(client.get("/ru" + reverse("recommendations:feed")))
    assert "Отчёт государственного органа: Министерство юстиции" in ru


def test_an_activity_feed_gives_the_sources_too(client, today):
    activity = factories.activity()
    ngo = factories.organisation(name="Charter for Human Rights", kind="ngo")
    activity.record_assessment(
        date=datetime.date(2022, 2, 1), status=Status.NOT_STARTED, assessed_by=ngo,
        origin=AssessmentOrigin.EVALUATION,
    )  # fmt: skip
    summary = feed_summary(client.get(reverse("plans:feed", args=[activity.plan.slug])))
    assert "Latest independent evaluation: Not started (Evaluation of Charter" in summary
    assert "Current status" not in summary
