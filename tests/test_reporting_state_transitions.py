"""Every move of a report: each allowed one changes the state and the version; each
refused one says why and changes nothing; a stale version (an edit after submission, two
reviewers on one report) is refused and loses nothing; someone who may not act at all is
denied."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict

from recommendations.models import Assessment, Status
from reporting import services
from reporting.models import Report, ReportState
from tests import factories

pytestmark = pytest.mark.django_db

D, S, R, P, W = (
    ReportState.DRAFT,
    ReportState.SUBMITTED,
    ReportState.RETURNED,
    ReportState.PUBLISHED,
    ReportState.WITHDRAWN,
)
# action: {state it may be taken from: state it leads to}
ALLOWED = {
    "change": {D: D, R: R},
    "submit": {D: S, R: S},
    "withdraw": {D: W, S: W, R: W},
    "return": {S: R},
    "publish": {S: P},
}
REFUSALS = {
    "change": "The report is “{}”: it can no longer be edited.",
    "submit": "The report is “{}”: it cannot be submitted.",
    "withdraw": "The report is “{}”: it can no longer be withdrawn.",
    "return": "The report is “{}”, not submitted: it cannot be returned.",
    "publish": "The report is “{}”, not submitted: it cannot be published.",
}
LABELS = {D: "Draft", S: "Submitted", R: "Returned", P: "Published", W: "Withdrawn"}


@pytest.fixture
def setting(today):
    ministry = factories.organisation(name="Ministry of Justice")
    recommendation = factories.recommendation()
    recommendation.responsible_bodies.add(ministry)
    return {
        "ministry": ministry,
        "recommendation": recommendation,
        "focal_point": factories.membership(organisation=ministry).user,
        "reviewer": factories.secretariat_user(),
    }


def act(action: str, report: Report, setting: dict, version: int | None = None) -> Report:
    version = report.version if version is None else version
    member = {"report": report, "user": setting["focal_point"], "expected_version": version}
    reviewer = {**member, "user": setting["reviewer"]}
    if action == "change":
        return services.report_update(
            **member, claimed_status=Status.IN_PROGRESS, narratives={"en": "Corrected."}
        )
    if action == "submit":
        return services.report_submit(**member)
    if action == "withdraw":
        return services.report_withdraw(**member)
    if action == "return":
        return services.report_return(**reviewer, note="Name the law.")
    return services.report_publish(**reviewer)


def make(setting: dict, state: str, version: int = 3) -> Report:
    return factories.report(
        organisation=setting["ministry"],
        item=setting["recommendation"],
        author=setting["focal_point"],
        state=state,
        version=version,
        submitted_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC) if state == S else None,
    )


def snapshot(report: Report) -> dict:
    report.refresh_from_db()
    return {**model_to_dict(report), "updated": report.updated}


@pytest.mark.parametrize(
    ("action", "before", "after"),
    [
        (action, before, after)
        for action, moves in ALLOWED.items()
        for before, after in moves.items()
    ],
)
def test_an_allowed_move(setting, action, before, after):
    report = make(setting, before)
    moved = act(action, report, setting)
    report.refresh_from_db()
    assert (moved.state, report.state, report.version) == (after, after, 4)


@pytest.mark.parametrize(
    ("action", "state"),
    [(action, state) for action in ALLOWED for state in LABELS if state not in ALLOWED[action]],
)
def test_a_refused_move_says_why_and_changes_nothing(setting, action, state):
    report = make(setting, state)
    before = snapshot(report)
    with pytest.raises(services.Refused) as refused:
        act(action, report, setting)
    assert refused.value.message == REFUSALS[action].format(LABELS[state])
    assert snapshot(report) == before
    assert not Assessment.objects.exists()


def test_an_edit_after_submission_is_refused_and_the_submitted_text_kept(setting):
    report = make(setting, D, version=1)
    seen = report.version  # the form the focal point opened, in another tab
    act("submit", report, setting)
    before = snapshot(report)
    with pytest.raises(services.Refused) as refused:
        act("change", report, setting, version=seen)
    assert refused.value.message == (
        "The report changed since you opened it (it is now “Submitted”): nothing was done. "
        "Look at it again and decide."
    )
    assert snapshot(report) == before


def test_of_two_edits_from_the_same_version_the_second_is_refused(setting):
    report = make(setting, D, version=1)
    services.report_update(
        report=report,
        user=setting["focal_point"],
        expected_version=1,
        claimed_status="",
        narratives={"ru": "Первый вариант"},
    )
    with pytest.raises(services.Refused):
        services.report_update(
            report=report,
            user=setting["focal_point"],
            expected_version=1,
            claimed_status="",
            narratives={"en": "Second version"},
        )
    report.refresh_from_db()
    assert (report.narrative_ru, report.narrative_en, report.version) == ("Первый вариант", "", 2)


def test_of_two_reviewers_on_one_report_the_second_is_refused_and_nothing_lost(setting):
    report = make(setting, S, version=2)
    other_reviewer = factories.secretariat_user()
    act("publish", report, setting, version=2)
    before = snapshot(report)
    with pytest.raises(services.Refused) as refused:
        services.report_return(
            report=report, user=other_reviewer, expected_version=2, note="Too short."
        )
    assert "it is now “Published”" in refused.value.message
    assert snapshot(report) == before
    assert report.reviewer_note == ""
    assert Assessment.objects.count() == 1


@pytest.mark.parametrize(("action", "actor"), [
    ("change", "reviewer"), ("submit", "reviewer"), ("withdraw", "reviewer"),
    ("return", "focal_point"), ("publish", "focal_point"),
    ("change", "stranger"), ("publish", "stranger"),
])  # fmt: skip
def test_someone_who_may_not_act_is_denied_and_nothing_changes(setting, action, actor):
    report = make(setting, S if action in {"return", "publish"} else D)
    stranger = factories.membership(organisation=factories.organisation()).user
    # Swap the actor: the focal point's part played by the reviewer, and so on.
    cast = {"reviewer": setting["reviewer"], "focal_point": setting["focal_point"]}
    cast["stranger"] = stranger
    swapped = {**setting, "focal_point": cast[actor], "reviewer": cast[actor]}
    before = snapshot(report)
    with pytest.raises(PermissionDenied):
        act(action, report, swapped)
    assert snapshot(report) == before


def test_a_return_needs_a_note(setting):
    report = make(setting, S)
    with pytest.raises(ValidationError):
        services.report_return(
            report=report, user=setting["reviewer"], expected_version=3, note="  "
        )
    report.refresh_from_db()
    assert report.state == S


def test_a_report_needs_a_narrative_in_some_language(setting):
    with pytest.raises(ValidationError):
        services.report_create(
            user=setting["focal_point"],
            organisation=setting["ministry"],
            item=setting["recommendation"],
            origin=Report.Origin.GOVERNMENT_REPORT,
            narratives={"en": " ", "ru": ""},
        )
    assert not Report.objects.exists()


def test_a_focal_point_cannot_report_for_another_body_or_on_an_item_not_addressed_to_it(setting):
    other = factories.recommendation()
    for organisation, item in [
        (factories.organisation(), setting["recommendation"]),
        (setting["ministry"], other),
    ]:
        with pytest.raises(PermissionDenied):
            services.report_create(
                user=setting["focal_point"],
                organisation=organisation,
                item=item,
                origin=Report.Origin.GOVERNMENT_REPORT,
                narratives={"en": "Done."},
            )
    assert not Report.objects.exists()
