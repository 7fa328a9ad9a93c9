"""`manage.py load_demo` ships the real meeting of 22 October 2021 and illustrative recommendations."""

import datetime
import html
import re
from collections import Counter

import pytest
from django.core.management import call_command

from meetings.models import AgendaItem, Document, Meeting, Organisation, Participant, Topic
from plans.models import ActivityAssessment
from recommendations.demo import STATE_KINDS
from recommendations.models import AffectedGroup, Assessment, Recommendation

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        model.__name__: sorted(map(str, model.objects.values_list()))
        for model in (Topic, Organisation, Meeting, AgendaItem, Participant, Document)
    } | {
        model.__name__: sorted(map(str, model.objects.values_list()))
        for model in (AffectedGroup, Recommendation, Assessment)
    }


def test_running_load_demo_twice_changes_nothing():
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first


def test_the_seed_meeting_is_as_published(demo):
    meeting = Meeting.objects.get(date=datetime.date(2021, 10, 22))
    assert meeting.is_published
    assert meeting.format == Meeting.Format.ONLINE
    assert meeting.kind == Meeting.Kind.EXTRAORDINARY  # "a snap online meeting"

    chair = meeting.participants.get(role=Participant.Role.CHAIR)
    assert chair.person.name == "Usen Suleimen"
    assert chair.person.position == "Ambassador-at-Large"

    assert [item.title for item in meeting.agenda_items.all()] == [
        "Empowerment of women and girls",
        "Analysis of the Consultative and Advisory Body's recommendations for the period 2013–21",
        "Interim results of the Consultative and Advisory Body's work on the implementation of "
        "the Plan of Priority Measures in the Field of Human Rights until the end of 2021",
    ]
    third = meeting.agenda_items.get(order=3)
    assert {"human-trafficking", "torture-prevention", "criminal-penal-legislation"} <= set(
        third.topics.values_list("slug", flat=True)
    )

    attending = set(
        meeting.participants.values_list("organisation__short_name", "organisation__slug")
    )
    for acronym in ("UNDP", "OHCHR", "OSCE", "EU", "USAID"):
        assert acronym in {short for short, _ in attending}
    for slug in ("parliament", "commissioner-for-human-rights", "presidential-administration",
                 "supreme-court", "constitutional-council"):  # fmt: skip
        assert slug in {s for _, s in attending}

    documents = {d.title: d for d in meeting.documents.prefetch_related("authors")}
    assert len(documents) == 3
    un_women = documents[
        "Recommendations of the UN Women for the elaboration of updates to the Concept of Family "
        "and Gender Policy in the Republic of Kazakhstan until 2030"
    ]
    assert un_women.kind == Document.Kind.ANALYTICAL_REPORT
    kibhr_reports = [d for d in documents.values() if d.authors.filter(short_name="KIBHR").exists()]
    assert len(kibhr_reports) == 2


def test_the_seed_meeting_reads_like_the_press_release_in_each_language(client, demo):
    def page(path: str) -> str:
        response = client.get(path)
        assert response.status_code == 200
        return html.unescape(response.content.decode())

    url = demo.get_absolute_url()
    english = page(url)
    assert "22 October 2021" in english
    assert "Usen Suleimen, Ambassador-at-Large" in english
    groups = re.findall(r'<section class="participant-group" aria-label="([^"]+)">', english)
    assert groups == [
        "State bodies",
        "Parliament",
        "Judiciary",
        "Ombudsman",
        "Civil society",
        "International partners",
    ]
    assert "Office of the United Nations High Commissioner for Human Rights" in english

    russian = page("/ru" + url)
    assert "22 октября 2021" in russian
    assert "<h1>Гендерное равенство, предыдущие рекомендации" in russian
    assert "Усен Сулеймен, Посол по особым поручениям" in russian

    kazakh = page("/kk" + url)
    assert "2021 жылғы 22 қазан" in kazakh
    assert "Әйелдер мен қыздардың құқықтары мен мүмкіндіктерін кеңейту" in kazakh
    assert "Үсен Сүлеймен" in kazakh


def test_illustrative_recommendations_span_years_and_statuses_with_histories(demo):
    # What any illustrative data set must show of the site; not how many of each there are.
    recs = Recommendation.objects.demonstration()
    assert recs.exists()
    assert all(rec.reference.startswith("DEMO-") for rec in recs)
    years = set(recs.values_list("year", flat=True))
    assert len(years) > 1 and min(years) >= 2013 and max(years) <= datetime.date.today().year
    assert recs.values("status").distinct().count() > 1
    assert recs.filter(meeting__is_published=True).exists()
    assert recs.filter(assessments__isnull=False).exists()
    for rec in recs.prefetch_related("assessments"):
        # The latest entry that sets the status: an independent evaluation does not.
        latest = [a for a in rec.assessments.all() if a.sets_status][:1]
        assert rec.status == (latest[0].status if latest else "not_assessed"), rec.reference


def test_the_illustrative_histories_hold_government_reports_and_evaluations_side_by_side(demo):
    entries = Assessment.objects.filter(is_illustrative=True).select_related("assessed_by")
    reports = entries.filter(origin=Assessment.Origin.GOVERNMENT_REPORT)
    evaluations = entries.filter(origin=Assessment.Origin.EVALUATION)
    assert reports.exists() and evaluations.exists()
    assert all(e.assessed_by.kind == "ngo" for e in evaluations)
    assert all(r.assessed_by.kind in STATE_KINDS for r in reports)
    both = (
        Recommendation.objects.demonstration()
        .filter(assessments__origin=Assessment.Origin.EVALUATION)
        .filter(assessments__origin=Assessment.Origin.GOVERNMENT_REPORT)
    )
    assert both.exists()
    activities = ActivityAssessment.objects.filter(is_illustrative=True)
    assert activities.filter(origin=ActivityAssessment.Origin.EVALUATION).exists()
    assert activities.filter(origin=ActivityAssessment.Origin.GOVERNMENT_REPORT).exists()


def test_each_illustrative_recommendation_is_adopted_at_an_illustrative_meeting_of_its_year(demo):
    recs = Recommendation.objects.demonstration().select_related("meeting", "agenda_item")
    for rec in recs:
        assert rec.meeting.is_illustrative and rec.meeting.date.year == rec.year, rec.reference
        assert rec.agenda_item is None or rec.agenda_item.meeting_id == rec.meeting_id
    # Uneven, as a real body's record is: some meetings adopt nothing, some a great many.
    adopted = Counter(recs.values_list("meeting_id", flat=True))
    meetings = Meeting.objects.filter(is_illustrative=True)
    per_meeting = [adopted.get(pk, 0) for pk in meetings.values_list("pk", flat=True)]
    assert min(per_meeting) == 0 and max(per_meeting) >= 15
    per_year = Counter(recs.values_list("year", flat=True))
    assert len(set(per_year.values())) > len(per_year) // 2


def test_histories_move_forward_in_time_after_adoption(demo):
    for rec in Recommendation.objects.demonstration().select_related("meeting"):
        dates = [a.date for a in rec.assessments.order_by("date", "pk")]
        assert dates == sorted(set(dates)), rec.reference
        assert not dates or dates[0] > rec.meeting.date, rec.reference


def test_no_two_illustrative_recommendations_share_a_text_in_any_language(demo):
    recs = Recommendation.objects.demonstration()
    for code in ("en", "ru", "kk"):
        texts = list(recs.values_list(f"text_{code}", flat=True))
        assert all(texts), code
        assert len(set(texts)) == len(texts), [t for t, n in Counter(texts).items() if n > 1]


ILLUSTRATIVE_TEXTS = [
    (Meeting, "title"),
    (Meeting, "location"),
    (AgendaItem, "title"),
    (Document, "title"),
    (Recommendation, "text"),
    (Assessment, "summary"),
]


@pytest.mark.parametrize(
    ("model", "name"), ILLUSTRATIVE_TEXTS, ids=lambda v: getattr(v, "__name__", v)
)
def test_every_illustrative_text_exists_in_english_russian_and_kazakh(demo, model, name):
    records = model.objects.filter(is_illustrative=True)
    assert records.exists()
    for code in ("en", "ru", "kk"):
        assert not records.filter(**{f"{name}_{code}": ""}).exists(), code
        assert not records.filter(**{f"{name}_{code}__isnull": True}).exists(), code


def test_russian_and_kazakh_pages_of_illustrative_records_show_no_fallback_marker(client, demo):
    rec = (
        Recommendation.objects.demonstration()
        .filter(assessments__summary_en__gt="", agenda_item__isnull=False)
        .first()
    )
    document = Document.objects.filter(is_illustrative=True).first()
    # The paths are taken before any request: one to /ru/ leaves Russian active.
    pages = [rec.get_absolute_url(), rec.meeting.get_absolute_url(), document.get_absolute_url()]
    lists = ["/recommendations/", "/meetings/", "/documents/", "/"]
    for prefix in ("/ru", "/kk"):
        for url in pages:
            html = client.get(prefix + url).content.decode()
            assert 'class="illustrative"' in html, prefix + url
            assert 'class="fallback"' not in html, prefix + url
        for url in lists:
            # The real records' rows are not this test's business (their translations are
            # the seed's); every illustrative row must read natively.
            rows = client.get(prefix + url).content.decode().split('<li class="record">')[1:]
            illustrative = [row for row in rows if 'class="illustrative"' in row.split("</li>")[0]]
            assert illustrative, prefix + url
            assert not [row for row in illustrative if 'class="fallback"' in row.split("</li>")[0]]


def test_documents_come_from_the_partners_the_press_release_names(demo):
    partners = {"kibhr", "un-women", "undp", "ohchr", "osce", "european-union", "usaid"}
    documents = Document.objects.filter(is_illustrative=True)
    authors = set(documents.values_list("authors__slug", flat=True))
    assert authors <= partners and len(authors) > 3
    assert not documents.filter(agenda_item__isnull=True).exists()
    assert not documents.exclude(meeting__is_illustrative=True).exists()


def test_an_older_demo_is_replaced_by_the_current_one(demo):
    old = Recommendation.objects.create(
        reference="DEMO-2013-999", text="An older demo's text", year=2013, is_illustrative=True
    )
    call_command("load_demo")
    assert not Recommendation.objects.filter(pk=old.pk).exists()
    assert Recommendation.objects.demonstration().count() > 0
