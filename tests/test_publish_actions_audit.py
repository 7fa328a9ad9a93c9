"""The admin's Publish and Unpublish actions leave the trace an edit leaves: a version in
each changed record's audit history and an entry in the admin log, saying who, when and
why; records already in the chosen state get neither. They stay bulk statements: the
number of queries does not grow with the number of records."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from . import factories

pytestmark = pytest.mark.django_db

MAKERS = {
    "meeting": factories.meeting,
    "document": factories.document,
    "recommendation": factories.recommendation,
}
REASONS = {
    "publish": "Published with the admin action",
    "unpublish": "Unpublished with the admin action",
}


@pytest.fixture
def editor(client):
    """A member of the Secretariat, logged in with `client`."""
    member = factories.secretariat_user()
    client.force_login(member)
    return member


def changelist_url(model: str) -> str:
    app = "recommendations" if model == "recommendation" else "meetings"
    return reverse(f"admin:{app}_{model}_changelist")


def run_action(client, model: str, action: str, records) -> None:
    response = client.post(
        changelist_url(model),
        {"action": action, "_selected_action": [r.pk for r in records], "index": "0"},
        follow=True,
    )
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("model", MAKERS)
def test_publishing_adds_a_version_to_the_history_of_each_record_it_publishes(
    client, editor, model
):
    drafts = [MAKERS[model](is_published=False) for _ in range(3)]
    already = MAKERS[model](is_published=True)
    before = {r.pk: r.updated for r in [*drafts, already]}

    page = run_action(client, model, "publish", [*drafts, already])

    assert "3 records published." in page.content.decode()
    for draft in drafts:
        latest = draft.history.latest()
        assert draft.history.count() == 2
        assert latest.is_published is True
        assert latest.history_type == "~"
        assert latest.history_user == editor
        assert latest.history_change_reason == REASONS["publish"]
        draft.refresh_from_db()
        assert draft.is_published is True
        assert draft.updated > before[draft.pk]  # a form opened before is now out of date
    assert already.history.count() == 1
    already.refresh_from_db()
    assert already.updated == before[already.pk]


@pytest.mark.parametrize("model", MAKERS)
def test_unpublishing_adds_a_version_to_the_history_of_each_record_it_withdraws(
    client, editor, model
):
    published = [MAKERS[model](is_published=True) for _ in range(2)]
    draft = MAKERS[model](is_published=False)

    page = run_action(client, model, "unpublish", [*published, draft])

    assert "2 records returned to draft." in page.content.decode()
    for record in published:
        latest = record.history.latest()
        assert (latest.is_published, latest.history_user) == (False, editor)
        assert latest.history_change_reason == REASONS["unpublish"]
    assert draft.history.count() == 1


@pytest.mark.parametrize("action", ["publish", "unpublish"])
@pytest.mark.parametrize("model", MAKERS)
def test_each_record_the_action_changes_gets_an_admin_log_entry(client, editor, model, action):
    changing = [MAKERS[model](is_published=action == "unpublish") for _ in range(2)]
    unchanged = MAKERS[model](is_published=action == "publish")

    run_action(client, model, action, [*changing, unchanged])

    entries = LogEntry.objects.order_by("object_id")
    assert [(e.object_id, e.object_repr) for e in entries] == sorted(
        (str(r.pk), str(r)) for r in changing
    )
    for entry in entries:
        assert (entry.user, entry.action_flag) == (editor, CHANGE)
        assert entry.content_type.model == model
        assert entry.get_change_message() == REASONS[action]


# The queries of one action, however many records it changes: the session, the user, the
# device that passed two-factor and their permissions (5); the list the action is taken
# from, built twice, with its filters' choices and counts (meetings: years of the date
# hierarchy, topics, count, then again; 6; documents: topics, count, then again, 4;
# recommendations: topics, affected groups, organisations, count, then the three again, 7);
# then the action's own, in a savepoint (savepoint, the records, one UPDATE, one INSERT of
# their history, the content type of the admin log, one INSERT of their log entries,
# release: 7).
ACTION_QUERIES = {"meeting": 5 + 6 + 7, "document": 5 + 4 + 7, "recommendation": 5 + 7 + 7}


@pytest.mark.parametrize("action", ["publish", "unpublish"])
@pytest.mark.parametrize("model", MAKERS)
def test_the_actions_run_as_many_queries_for_fifty_records_as_for_five(
    secretariat_client, django_assert_num_queries, model, action
):
    for count in (5, 50):
        records = [MAKERS[model](is_published=action == "unpublish") for _ in range(count)]
        # As in a fresh worker, whatever test ran before: the log entries' content type is
        # looked up once, then cached for the process.
        ContentType.objects.clear_cache()
        with django_assert_num_queries(ACTION_QUERIES[model]):
            response = secretariat_client.post(
                changelist_url(model),
                {"action": action, "_selected_action": [r.pk for r in records], "index": "0"},
            )
        assert response.status_code == 302


def test_publishing_every_result_of_a_search_publishes_those_and_no_others(client, editor):
    found = factories.meeting(is_published=False)
    factories.agenda_item(meeting=found, title="Prevention of torture")
    factories.agenda_item(meeting=found, title="Torture in detention")
    other = factories.meeting(is_published=False)

    client.post(
        changelist_url("meeting") + "?q=torture",
        {"action": "publish", "select_across": "1", "index": "0", "_selected_action": [found.pk]},
    )

    found.refresh_from_db()
    other.refresh_from_db()
    assert (found.is_published, other.is_published) == (True, False)
    assert found.history.count() == 2
    assert LogEntry.objects.get().object_id == str(found.pk)
