"""send_reminders (cron) e-mails each current focal point one weekly digest of what their
bodies owe that is due or overdue, in their language, and the secretariat one of the review
queue; run again the same week, it sends nothing more."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from reporting import services
from reporting.models import Membership, ReportState

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(today):
    ministry = factories.organisation(name="Ministry of Justice")
    court = factories.organisation(name="Supreme Court")
    late = factories.recommendation(reference="CAB-2021-001")
    late.responsible_bodies.add(ministry)
    soon = factories.recommendation(reference="CAB-2021-002")
    soon.responsible_bodies.add(ministry)
    theirs = factories.recommendation(reference="CAB-2021-003")
    theirs.responsible_bodies.add(court)
    secretariat = factories.secretariat_user(email="clerk@mfa.example", language="ru")
    services.round_open(
        round=factories.reporting_round(title="Autumn", due_date=datetime.date(2023, 12, 15)),
        user=secretariat,
    )
    # Opening again later adds the soon-due round's obligations beside the late ones.
    services.round_open(
        round=factories.reporting_round(title="Winter", due_date=datetime.date(2024, 1, 20)),
        user=secretariat,
    )
    aliya = factories.user(username="aliya", email="aliya@justice.example", language="kk")
    factories.membership(user=aliya, organisation=ministry)
    return {"ministry": ministry, "court": court, "aliya": aliya, "secretariat": secretariat,
            "late": late, "soon": soon, "theirs": theirs}  # fmt: skip


def digests_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_a_focal_point_gets_one_digest_of_their_bodys_due_and_overdue_items(setting):
    call_command("send_reminders")

    [digest] = digests_to("aliya@justice.example")
    assert digest.extra_headers["Content-Language"] == "kk"
    assert "CAB-2021-001" in digest.body
    assert "CAB-2021-002" in digest.body
    assert "CAB-2021-003" not in digest.body
    assert "/kk/workspace/" in digest.body


def test_running_again_the_same_week_sends_nothing_more(setting, today):
    call_command("send_reminders")
    today(datetime.date(2024, 1, 5))  # Friday of the same week
    mail.outbox.clear()

    call_command("send_reminders")

    assert mail.outbox == []


def test_the_next_week_brings_the_next_digest(setting, today):
    call_command("send_reminders")
    today(datetime.date(2024, 1, 8))
    mail.outbox.clear()

    call_command("send_reminders")

    assert len(digests_to("aliya@justice.example")) == 1


def test_a_body_that_reported_everything_gets_no_reminder(setting):
    for item in (setting["late"], setting["soon"]):
        factories.report(
            organisation=setting["ministry"], item=item, state=ReportState.SUBMITTED,
            submitted_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
        )  # fmt: skip

    call_command("send_reminders")

    assert digests_to("aliya@justice.example") == []


def test_a_former_focal_point_gets_no_reminder(setting):
    Membership.objects.filter(user=setting["aliya"]).update(ends=datetime.date(2023, 12, 31))

    call_command("send_reminders")

    assert digests_to("aliya@justice.example") == []


def test_the_secretariat_gets_the_review_queue_in_its_language(setting):
    factories.report(
        organisation=setting["ministry"], item=setting["late"], state=ReportState.SUBMITTED,
        submitted_at=datetime.datetime(2023, 12, 20, tzinfo=datetime.UTC),
    )  # fmt: skip
    factories.viewer_user(email="viewer@mfa.example")

    call_command("send_reminders")

    [digest] = digests_to("clerk@mfa.example")
    assert digest.extra_headers["Content-Language"] == "ru"
    assert "CAB-2021-001" in digest.body
    assert "/ru/admin/reporting/report/" in digest.body
    assert digests_to("viewer@mfa.example") == []


def test_an_empty_queue_sends_the_secretariat_nothing(setting):
    call_command("send_reminders")

    assert digests_to("clerk@mfa.example") == []
