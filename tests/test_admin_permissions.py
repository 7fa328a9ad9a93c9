"""Staff who may only view records in the admin change nothing: not through a record's
history, not through the changelist's actions. Each test works through the admin's pages,
as a view-only member of staff (is_staff, every view_* permission, nothing else) would."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.urls import reverse

from meetings.models import Meeting

from . import factories
from .admin_pages import page_data

pytestmark = pytest.mark.django_db


def draft(model: str):
    """A record of `model` as first saved: a draft where the model has a published state."""
    meeting = factories.meeting(is_published=False)
    recommendation = factories.recommendation(is_published=False)
    return {
        "meeting": lambda: meeting,
        "agendaitem": lambda: factories.agenda_item(meeting=meeting),
        "document": lambda: factories.document(meeting=meeting, is_published=False),
        "recommendation": lambda: recommendation,
        "assessment": lambda: recommendation.record_assessment(
            date=datetime.date(2020, 1, 1), status="in_progress"
        ),
    }[model]()


# What the tests type into a past version's form: a text field each, and "published" too
# where the model has it.
CHANGES = {
    "meeting": {"title_en": "Changed by a viewer", "is_published": "on"},
    "agendaitem": {"title_en": "Changed by a viewer"},
    "document": {"title_en": "Changed by a viewer", "is_published": "on"},
    "recommendation": {"text_en": "Changed by a viewer", "is_published": "on"},
    "assessment": {"summary_en": "Changed by a viewer"},
}
CHANGED_FIELD = {
    "meeting": "title_en",
    "agendaitem": "title_en",
    "document": "title_en",
    "recommendation": "text_en",
    "assessment": "summary_en",
}
AUDITED = list(CHANGES)
PUBLISHABLE = ["meeting", "document", "recommendation"]


def history_form_url(record) -> str:
    opts = record._meta
    version = record.history.latest()
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[record.pk, version.history_id],
    )


def changelist_url(model: str) -> str:
    app = "recommendations" if model == "recommendation" else "meetings"
    return reverse(f"admin:{app}_{model}_changelist")


@pytest.mark.parametrize("model", AUDITED)
def test_a_view_only_user_sees_a_past_version_but_cannot_save_it(client, model):
    record = draft(model)
    client.force_login(factories.viewer_user())
    url = history_form_url(record)
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content

    response = client.post(url, page_data(page) | CHANGES[model])

    assert response.status_code == 403
    saved = type(record).objects.get(pk=record.pk)
    assert getattr(saved, CHANGED_FIELD[model]) != "Changed by a viewer"
    assert getattr(saved, "is_published", False) is False
    assert record.history.count() == 1
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize("model", AUDITED)
def test_an_editor_can_still_restore_a_past_version(client, model):
    record = draft(model)
    editor = factories.secretariat_user()
    client.force_login(editor)
    url = history_form_url(record)

    response = client.post(url, page_data(client.get(url)) | CHANGES[model])

    assert response.status_code == 302
    saved = type(record).objects.get(pk=record.pk)
    assert getattr(saved, CHANGED_FIELD[model]) == "Changed by a viewer"
    assert record.history.latest().history_user == editor


def test_a_deleted_record_is_restored_only_by_someone_who_may_add_one(client):
    meeting = factories.meeting(is_published=False)
    url = history_form_url(meeting)
    meeting.delete()
    editor = factories.user(is_staff=True)
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_meeting", "change_meeting"])
    )
    client.force_login(editor)

    response = client.post(url, page_data(client.get(url)))

    assert response.status_code == 403
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("action", ["publish", "unpublish"])
@pytest.mark.parametrize("model", PUBLISHABLE)
def test_a_view_only_user_is_not_offered_the_publishing_actions(client, model, action):
    draft(model)
    client.force_login(factories.viewer_user())
    page = client.get(changelist_url(model))
    assert page.status_code == 200
    assert f'value="{action}"'.encode() not in page.content


@pytest.mark.parametrize("action", ["publish", "unpublish"])
@pytest.mark.parametrize("model", PUBLISHABLE)
def test_a_view_only_user_cannot_publish_or_unpublish_by_posting_the_action(client, model, action):
    record = draft(model)
    was_published = action == "unpublish"
    type(record).objects.filter(pk=record.pk).update(is_published=was_published)
    client.force_login(factories.viewer_user())

    client.post(
        changelist_url(model), {"action": action, "_selected_action": [record.pk], "index": "0"}
    )

    record.refresh_from_db()
    assert record.is_published is was_published
    assert record.history.count() == 1
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize("model", PUBLISHABLE)
def test_an_editor_is_offered_the_publishing_actions(secretariat_client, model):
    draft(model)  # the admin offers no actions on an empty list
    page = secretariat_client.get(changelist_url(model))
    assert b'value="publish"' in page.content
    assert b'value="unpublish"' in page.content


def test_every_admin_action_of_the_project_declares_the_permission_it_needs():
    undeclared = [
        f"{model_admin}.{name}"
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label
        in {"meetings", "recommendations", "plans", "dialogue_platform", "axes"}
        for function, name, _ in model_admin._get_base_actions()
        if not getattr(function, "allowed_permissions", None)
    ]
    assert undeclared == []
