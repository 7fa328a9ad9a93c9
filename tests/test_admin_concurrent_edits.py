"""Two members of staff open the same record in the admin; the first saves. The second's
page is now out of date, and saving it would silently put back what the first changed, so
it is refused with a message and a link to the current version, and the first's changes
stay. An edit nobody raced still saves, inline rows included."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from core.edit_conflicts import ConcurrentEditAdminMixin
from meetings.models import AgendaItem, Participant
from recommendations.models import Assessment, Recommendation

from . import factories
from .admin_pages import page_data

pytestmark = pytest.mark.django_db

CONFLICT = "The {name} “{record}” has been changed since you opened it."


def edited(model: str):
    """A record of `model` to edit, and the text field each test types into."""
    recommendation = factories.recommendation()
    meeting = factories.meeting()
    person = factories.organisation().people.create(name="Aigerim Bekova")
    records = {
        "meeting": lambda: (meeting, "title_en"),
        "agendaitem": lambda: (factories.agenda_item(meeting=meeting), "title_en"),
        "document": lambda: (factories.document(meeting=meeting), "title_en"),
        "topic": lambda: (factories.topic(), "name_en"),
        "organisation": lambda: (factories.organisation(), "name_en"),
        "person": lambda: (person, "name_en"),
        "recommendation": lambda: (recommendation, "text_en"),
        "assessment": lambda: (
            recommendation.record_assessment(date=datetime.date(2020, 1, 1), status="in_progress"),
            "summary_en",
        ),
        "affectedgroup": lambda: (factories.affected_group(), "name_en"),
    }
    return records[model]()


EDITED_MODELS = [
    "meeting",
    "agendaitem",
    "document",
    "topic",
    "organisation",
    "person",
    "recommendation",
    "assessment",
    "affectedgroup",
]


def change_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def editor_client(client_class):
    client = client_class()
    client.force_login(factories.secretariat_user())
    return client


@pytest.fixture
def first(client):
    return editor_client(type(client))


@pytest.fixture
def second(client):
    return editor_client(type(client))


@pytest.mark.parametrize("model", EDITED_MODELS)
def test_saving_a_page_someone_else_saved_since_it_was_opened_is_refused(first, second, model):
    record, field = edited(model)
    url = change_url(record)
    first_page, second_page = first.get(url), second.get(url)

    saved = first.post(url, page_data(first_page) | {field: "The first editor's words"})
    refused = second.post(url, page_data(second_page) | {field: "The second editor's words"})

    assert saved.status_code == 302
    assert refused.status_code == 200
    record.refresh_from_db()
    assert getattr(record, field) == "The first editor's words"
    page = refused.content.decode()
    assert CONFLICT.format(name=record._meta.verbose_name, record=escape(record)) in page
    assert f'<a href="{url}">open the current version</a>' in page


@pytest.mark.parametrize(
    ("language", "explanation"),
    [
        ("ru", "была изменена после того, как вы ее открыли"),
        ("kk", "сіз оны ашқаннан кейін өзгертілді"),
    ],
)
def test_the_refusal_is_explained_in_the_editors_language(first, second, language, explanation):
    record, field = edited("recommendation")
    with translation.override(language):
        url = change_url(record)  # /ru/admin/… or /kk/admin/…
    first_page, second_page = first.get(url), second.get(url)
    first.post(url, page_data(first_page) | {field: "The first editor's words"})

    refused = second.post(url, page_data(second_page) | {field: "Other words"})

    assert explanation in refused.content.decode()
    assert f'<a href="{url}">' in refused.content.decode()


@pytest.mark.parametrize("model", EDITED_MODELS)
def test_an_edit_nobody_raced_is_saved(first, model):
    record, field = edited(model)
    url = change_url(record)
    response = first.post(url, page_data(first.get(url)) | {field: "New words"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert getattr(record, field) == "New words"


def test_the_same_editor_saving_twice_after_reloading_is_not_refused(first):
    record, field = edited("recommendation")
    url = change_url(record)
    for words in ["First version", "Second version"]:
        response = first.post(url, page_data(first.get(url)) | {field: words})
        assert response.status_code == 302
    record.refresh_from_db()
    assert record.text_en == "Second version"


def test_a_page_opened_before_a_publish_action_cannot_undo_it(first, second):
    draft = factories.recommendation(is_published=False, text="Original words")
    url = change_url(draft)
    stale = second.get(url)
    first.post(
        reverse("admin:recommendations_recommendation_changelist"),
        {"action": "publish", "_selected_action": [draft.pk], "index": "0"},
    )

    refused = second.post(url, page_data(stale) | {"text_en": "Reworded"})

    assert refused.status_code == 200
    draft.refresh_from_db()
    assert (draft.is_published, draft.text_en) == (True, "Original words")


def test_an_inline_row_changed_elsewhere_since_the_page_was_opened_is_refused(first, second):
    meeting = factories.meeting()
    item = factories.agenda_item(meeting=meeting, title="Original item")
    meeting_url = change_url(meeting)
    stale = second.get(meeting_url)
    item_page = first.get(change_url(item))
    assert (
        first.post(
            change_url(item), page_data(item_page) | {"title_en": "Edited alone"}
        ).status_code
        == 302
    )

    refused = second.post(
        meeting_url, page_data(stale) | {"agenda_items-0-title_en": "Edited inline"}
    )

    assert refused.status_code == 200
    item.refresh_from_db()
    assert item.title == "Edited alone"
    assert CONFLICT.format(name="agenda item", record=item) in refused.content.decode()


def test_inline_rows_are_edited_added_and_kept_with_their_meeting(first):
    meeting = factories.meeting(title="Meeting")
    item = factories.agenda_item(meeting=meeting, title="First item", order=1)
    organisation = factories.organisation()
    factories.participant(meeting=meeting, organisation=organisation)
    url = change_url(meeting)
    data = page_data(first.get(url)) | {
        "title_en": "Meeting, renamed",
        "agenda_items-0-title_en": "First item, renamed",
        "agenda_items-TOTAL_FORMS": "2",
        "agenda_items-1-order": "2",
        "agenda_items-1-title_en": "Second item",
        "participants-0-role": "speaker",
    }

    response = first.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    meeting.refresh_from_db()
    assert meeting.title == "Meeting, renamed"
    assert [i.title for i in meeting.agenda_items.all()] == ["First item, renamed", "Second item"]
    assert AgendaItem.objects.get(pk=item.pk).title == "First item, renamed"
    assert Participant.objects.get(meeting=meeting).role == "speaker"


def test_an_assessment_is_added_beside_earlier_ones_on_the_recommendation_page(first):
    recommendation = factories.recommendation()
    recommendation.record_assessment(date=datetime.date(2020, 1, 1), status="in_progress")
    url = change_url(recommendation)
    data = page_data(first.get(url)) | {
        "assessments-TOTAL_FORMS": "2",
        "assessments-1-date": "2022-06-01",
        "assessments-1-status": "implemented",
        "assessments-1-origin": "secretariat",
    }

    response = first.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert Assessment.objects.filter(recommendation=recommendation).count() == 2
    recommendation.refresh_from_db()
    assert recommendation.status == "implemented"


def test_restoring_a_past_version_over_a_newer_save_is_refused(first, second):
    recommendation = factories.recommendation(text="Version one")
    version = recommendation.history.latest()
    history_url = reverse(
        "admin:recommendations_recommendation_simple_history",
        args=[recommendation.pk, version.history_id],
    )
    restore_page = second.get(history_url)
    url = change_url(recommendation)
    first.post(url, page_data(first.get(url)) | {"text_en": "Version two"})

    refused = second.post(history_url, page_data(restore_page))

    assert refused.status_code == 200
    assert CONFLICT.format(name="recommendation", record=recommendation) in refused.content.decode()
    assert Recommendation.objects.get(pk=recommendation.pk).text == "Version two"


def test_a_view_only_user_sees_no_trace_of_the_version_field(client):
    client.force_login(factories.viewer_user())
    meeting = factories.meeting()
    factories.participant(meeting=meeting, organisation=factories.organisation())
    page = client.get(change_url(meeting)).content.decode()
    assert "seen_version" not in page
    assert "version when opened" not in page


def test_every_admin_page_that_edits_records_detects_conflicting_edits():
    pages = {
        model._meta.model_name: type(model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in {"meetings", "recommendations"}
    }
    inlines = [inline for page in pages.values() for inline in page.inlines]
    assert set(pages) == set(EDITED_MODELS)
    assert [
        cls.__name__
        for cls in [*pages.values(), *inlines]
        if not issubclass(cls, ConcurrentEditAdminMixin)
    ] == []
