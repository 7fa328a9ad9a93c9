"""Whatever the workspace's forms are sent, the answer is a message or a 404, never a
server error, and nothing changes that should not."""

import pytest
from django.urls import reverse

from reporting.models import Report, ReportState

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(client, today):
    ministry = factories.organisation()
    item = factories.recommendation()
    item.responsible_bodies.add(ministry)
    member = factories.membership(organisation=ministry).user
    client.force_login(member)
    return factories.report(organisation=ministry, item=item, author=member)


@pytest.mark.parametrize(
    "version", ["", "abc", "-1", "1e9", "99999999999999999999999", "1; DROP TABLE x", "٣"]
)
def test_a_malformed_or_wrong_version_is_a_message(client, report, version):
    for name in ["workspace:report_submit", "workspace:report_withdraw"]:
        response = client.post(reverse(name, args=[report.pk]), {"version": version}, follow=True)
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == reverse("workspace:report", args=[report.pk])
    report.refresh_from_db()
    assert (report.state, report.version) == (ReportState.DRAFT, 1)


def test_an_edit_with_a_malformed_version_changes_nothing(client, report):
    url = reverse("workspace:report_edit", args=[report.pk])

    response = client.post(url, {"narrative_en": "Changed", "version": "not a number"})

    assert response.status_code in (302, 400)
    report.refresh_from_db()
    assert report.narrative_en == "What the body did."


@pytest.mark.parametrize(
    "fields",
    [
        {"claimed_status": "published-by-me", "narrative_en": "x"},
        {"narrative_en": "x" * 200_000},
        {"narrative_en": "\u202e\u0000hidden"},
        {"narrative_en": "   ", "narrative_ru": "\n\t"},
    ],
)
def test_odd_report_content_is_refused_or_kept_as_text(client, report, fields):
    response = client.post(
        reverse("workspace:report_new", args=["recommendation", report.recommendation.pk]), fields
    )

    assert response.status_code in (302, 400)
    assert Report.objects.count() in (1, 2)


@pytest.mark.parametrize(
    "path",
    [
        "/workspace/items/everything/",
        "/workspace/reports/new/meeting/1/",
        "/workspace/reports/new/recommendation/999999/",
        "/workspace/reports/999999/",
        "/workspace/items/recommendations/?page=999",
    ],
)
def test_unknown_addresses_are_not_found(client, report, path):
    assert client.get(path).status_code == 404


def test_a_page_number_that_is_not_a_number_is_the_first_page(client, report):
    assert client.get("/workspace/items/recommendations/?page=%00x").status_code in (200, 400)
