"""A focal point sees what is addressed to their body and writes, corrects, submits and
withdraws its reports in the workspace; every move goes through the reporting services with
the version the person saw, and every refusal is a message, never an error page."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reporting import services
from reporting.models import Report, ReportState

from . import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def setting(today, client):
    ministry = factories.organisation(name="Ministry of Justice")
    court = factories.organisation(name="Supreme Court")
    ours = factories.recommendation(reference="CAB-2021-001", text="Adopt a probation law")
    ours.responsible_bodies.add(ministry)
    theirs = factories.recommendation(reference="CAB-2021-002", text="Train the judges")
    theirs.responsible_bodies.add(court)
    focal_point = factories.membership(organisation=ministry).user
    secretariat = factories.secretariat_user()
    round = factories.reporting_round(
        title="Before the March meeting", due_date=datetime.date(2024, 1, 20)
    )
    services.round_open(round=round, user=secretariat)
    client.force_login(focal_point)
    return {
        "ministry": ministry, "court": court, "ours": ours, "theirs": theirs,
        "focal_point": focal_point, "secretariat": secretariat, "round": round,
    }  # fmt: skip


def write(client, recommendation, **fields):
    data = {"claimed_status": "in_progress", "narrative_ru": "Законопроект внесён.", **fields}
    return client.post(
        reverse("workspace:report_new", args=["recommendation", recommendation.pk]), data
    )


def test_the_workspace_shows_what_the_body_owes_and_nothing_of_another_body(client, setting):
    page = client.get(reverse("workspace:home"))

    assert page.status_code == 200
    assert "CAB-2021-001" in page.text
    assert "CAB-2021-002" not in page.text
    assert "Before the March meeting" in page.text
    assert '<span class="standing standing--due">Due</span>' in page.text


def test_after_the_due_date_the_item_shows_as_overdue(client, setting, today):
    today(datetime.date(2024, 2, 1))

    page = client.get(reverse("workspace:home"))

    assert '<span class="standing standing--overdue">Overdue</span>' in page.text


def test_a_focal_point_drafts_a_report_in_one_language(client, setting):
    response = write(client, setting["ours"])

    report = Report.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("workspace:report", args=[report.pk])
    assert (report.state, report.organisation, report.author) == (
        ReportState.DRAFT, setting["ministry"], setting["focal_point"],
    )  # fmt: skip
    assert report.narrative_ru == "Законопроект внесён."
    assert report.round == setting["round"]


def test_a_report_without_a_narrative_is_refused_with_a_message(client, setting):
    response = write(client, setting["ours"], narrative_ru="")

    assert response.status_code == 400
    assert "Write the report in at least one language" in response.text
    assert not Report.objects.exists()


def test_a_document_that_is_not_a_real_pdf_is_refused_beside_the_field(client, setting):
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")

    response = write(client, setting["ours"], document=fake)

    assert response.status_code == 400
    assert 'class="field-error"' in response.text
    assert not Report.objects.exists()


def test_the_focal_point_submits_and_can_no_longer_edit(client, setting):
    write(client, setting["ours"])
    report = Report.objects.get()

    submitted = client.post(
        reverse("workspace:report_submit", args=[report.pk]),
        {"version": report.version},
        follow=True,
    )
    assert "Report submitted to the secretariat for review." in submitted.text
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED

    edit = client.get(reverse("workspace:report_edit", args=[report.pk]), follow=True)
    assert "it can no longer be edited" in edit.text


def test_a_stale_version_is_refused_and_changes_nothing(client, setting):
    write(client, setting["ours"])
    report = Report.objects.get()
    url = reverse("workspace:report_edit", args=[report.pk])
    client.post(url, {"narrative_en": "First", "version": report.version})

    stale = client.post(url, {"narrative_en": "Second", "version": report.version}, follow=True)

    assert "The report changed since you opened it" in stale.text
    report.refresh_from_db()
    assert report.narrative_en == "First"


def test_a_returned_report_shows_the_note_and_can_be_corrected_and_resubmitted(client, setting):
    write(client, setting["ours"])
    report = Report.objects.get()
    report = services.report_submit(
        report=report, user=setting["focal_point"], expected_version=report.version
    )
    report = services.report_return(
        report=report, user=setting["secretariat"], expected_version=report.version,
        note="Say which article of the law.",
    )  # fmt: skip

    page = client.get(reverse("workspace:report", args=[report.pk]))
    assert "Returned by the secretariat" in page.text
    assert "Say which article of the law." in page.text

    client.post(
        reverse("workspace:report_edit", args=[report.pk]),
        {"narrative_en": "Article 5.", "version": report.version},
    )
    report.refresh_from_db()
    client.post(reverse("workspace:report_submit", args=[report.pk]), {"version": report.version})
    report.refresh_from_db()
    assert (report.state, report.narrative_en) == (ReportState.SUBMITTED, "Article 5.")


def test_the_focal_point_withdraws_a_submitted_report(client, setting):
    write(client, setting["ours"])
    report = Report.objects.get()
    client.post(reverse("workspace:report_submit", args=[report.pk]), {"version": report.version})
    report.refresh_from_db()

    client.post(reverse("workspace:report_withdraw", args=[report.pk]), {"version": report.version})

    report.refresh_from_db()
    assert report.state == ReportState.WITHDRAWN


def test_an_item_of_another_body_cannot_be_reported_on(client, setting):
    response = write(client, setting["theirs"])

    assert response.status_code == 403
    assert "it is not addressed to a body you serve" in response.text
    assert not Report.objects.exists()


def test_another_bodys_report_is_not_found(client, setting):
    theirs = factories.report(organisation=setting["court"], item=setting["theirs"])

    for name in ["workspace:report", "workspace:report_edit"]:
        assert client.get(reverse(name, args=[theirs.pk])).status_code == 404
    for name in ["workspace:report_submit", "workspace:report_withdraw"]:
        assert client.post(reverse(name, args=[theirs.pk]), {"version": 1}).status_code == 404
    theirs.refresh_from_db()
    assert (theirs.state, theirs.version) == (ReportState.DRAFT, 1)


def test_anonymous_visitors_are_sent_to_sign_in(setting):
    from django.test import Client

    anonymous = Client()
    report = factories.report(organisation=setting["ministry"], item=setting["ours"])

    for url in [
        reverse("workspace:home"),
        reverse("workspace:items", args=["recommendations"]),
        reverse("workspace:report", args=[report.pk]),
        reverse("workspace:report_new", args=["recommendation", setting["ours"].pk]),
    ]:
        response = anonymous.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("workspace:login"))
    anonymous.post(reverse("workspace:report_submit", args=[report.pk]), {"version": 1})
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT


def test_view_only_staff_can_neither_see_nor_write_a_bodys_reports(client, setting):
    report = factories.report(organisation=setting["ministry"], item=setting["ours"])
    client.force_login(factories.viewer_user())

    assert client.get(reverse("workspace:report", args=[report.pk])).status_code == 404
    assert write(client, setting["ours"]).status_code == 403
    assert Report.objects.count() == 1


def test_a_membership_that_ended_leaves_no_access(client, setting, today):
    report = factories.report(organisation=setting["ministry"], item=setting["ours"])
    membership = setting["focal_point"].memberships.get()
    membership.ends = datetime.date(2024, 1, 10)
    membership.save()
    today(datetime.date(2024, 1, 11))

    assert client.get(reverse("workspace:report", args=[report.pk])).status_code == 404
    assert "CAB-2021-001" not in client.get(reverse("workspace:home")).text


def test_a_document_is_attached_with_its_public_switch(client, setting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("report.pdf", PDF, "application/pdf")

    write(client, setting["ours"], document=pdf, document_is_public="on")

    report = Report.objects.get()
    assert report.document.name.endswith(".pdf")
    assert report.document_is_public
    page = client.get(reverse("workspace:report", args=[report.pk]))
    assert "may be published" in page.text


def test_members_download_their_reports_document_and_no_one_else_does(
    client, setting, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    write(client, setting["ours"], document=SimpleUploadedFile("r.pdf", PDF, "application/pdf"))
    report = Report.objects.get()
    url = reverse("workspace:report_document", args=[report.pk])

    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert f'filename="report-{report.pk}.pdf"' in download["Content-Disposition"]

    court_member = factories.membership(organisation=setting["court"]).user
    client.force_login(court_member)
    assert client.get(url).status_code == 404
