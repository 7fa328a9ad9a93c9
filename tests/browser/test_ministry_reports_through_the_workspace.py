"""The reporting loop end to end: the secretariat opens a round; a ministry's focal point
signs in with two-factor, sees only its body's items, drafts and submits a report (in a
browser without JavaScript); the secretariat returns it with a note; the focal point
corrects and resubmits; the secretariat publishes; the recommendation's public page shows
it in the item's history; an NGO's evaluation of the same item, published too, appears
beside it."""

import datetime

import pytest
from playwright.sync_api import Browser, Page, expect

from meetings.models import Organisation
from reporting.models import Membership, Report, ReportingRound, ReportState
from tests import factories

from .admin import log_in_as_secretariat
from .conftest import TIMEOUT_MS
from .pages import WIDE
from .workspace import PASSWORD, body_with_an_open_round, focal_point, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def without_javascript(browser: Browser, base_url: str) -> Page:
    context = browser.new_context(base_url=base_url, viewport=WIDE, java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def test_a_ministry_reports_and_the_secretariat_reviews_and_publishes(
    page: Page, browser: Browser, live_server
):
    setting = body_with_an_open_round()
    court = factories.organisation(name="Supreme Court", slug="supreme-court")
    factories.recommendation(reference="CAB-2021-008", text="Train judges").responsible_bodies.add(
        court
    )
    ReportingRound.objects.create(
        title="Before the next meeting",
        due_date=datetime.date.today() + datetime.timedelta(days=10),
    )
    aliya = focal_point(setting["ministry"], two_factor=True)

    # The secretariat opens the round.
    log_in_as_secretariat(page, next_path="/admin/reporting/reportinground/")
    page.get_by_role("checkbox", name="Select this object for an action").first.check()
    page.locator("select[name=action]").select_option("open_rounds")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert ReportingRound.objects.get().opened_at is not None

    # The focal point signs in, with its authenticator's code, in a browser without
    # JavaScript, and sees its body's item, due, and not the court's.
    ministry = without_javascript(browser, live_server.url)
    sign_in(ministry, device=aliya.totpdevice_set.get())
    owed = ministry.locator("table.data-table")
    expect(owed).to_contain_text("CAB-2021-007")
    expect(owed).to_contain_text("Due")
    expect(ministry.locator("main")).not_to_contain_text("CAB-2021-008")

    # It drafts a report in Russian and submits it.
    ministry.get_by_role("link", name="Write a report").click()
    ministry.get_by_label("Status you report").select_option("in_progress")
    ministry.get_by_label("Report in Russian").fill("Законопроект о пробации внесён в Мажилис.")
    ministry.get_by_role("button", name="Save the draft").click()
    expect(ministry.locator(".messages")).to_contain_text("Draft saved")
    ministry.get_by_role("button", name="Submit to the secretariat").click()
    expect(ministry.locator(".messages")).to_contain_text("Report submitted")
    report = Report.objects.get()
    assert report.state == ReportState.SUBMITTED

    # The secretariat returns it with a note.
    page.goto(f"/admin/reporting/report/{report.pk}/change/")
    page.get_by_label("Note to the body (what to correct; never public)").fill(
        "Please add the English text and the bill's number."
    )
    page.get_by_role("button", name="Return with a note").click()
    expect(page.locator(".messagelist")).to_contain_text("returned")

    # The focal point reads the note, corrects the report and submits it again.
    ministry.reload()
    expect(ministry.locator("main")).to_contain_text("Please add the English text")
    ministry.get_by_role("link", name="Edit").click()
    ministry.get_by_label("Report in English").fill(
        "Bill No. 123 on probation is before the Mazhilis."
    )
    ministry.get_by_role("button", name="Save the draft").click()
    ministry.get_by_role("button", name="Submit to the secretariat").click()
    expect(ministry.locator(".messages")).to_contain_text("Report submitted")

    # The secretariat publishes it.
    page.goto(f"/admin/reporting/report/{report.pk}/change/")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist")).to_contain_text("published")
    report.refresh_from_db()
    assert report.state == ReportState.PUBLISHED

    # The public page shows it in the recommendation's history, in English and Russian.
    visitor = without_javascript(browser, live_server.url)
    visitor.goto("/recommendations/CAB-2021-007/")
    expect(visitor.locator("main")).to_contain_text(
        "Bill No. 123 on probation is before the Mazhilis."
    )
    visitor.goto("/ru/recommendations/CAB-2021-007/")
    expect(visitor.locator("main")).to_contain_text("Законопроект о пробации внесён в Мажилис.")

    # An NGO's evaluator evaluates the same recommendation; once published it stands beside
    # the ministry's report.
    bureau = factories.organisation(name="Human Rights Bureau", kind=Organisation.Kind.NGO)
    evaluator = factories.user(username="bureau", password=PASSWORD)
    factories.membership(user=evaluator, organisation=bureau, role=Membership.Role.EVALUATOR)
    ngo = without_javascript(browser, live_server.url)
    sign_in(ngo, username="bureau")
    ngo.goto("/workspace/items/recommendations/")
    ngo.get_by_role("link", name="Write an evaluation — CAB-2021-007").click()
    ngo.get_by_label("Status you report").select_option("not_implemented")
    ngo.get_by_label("Report in English").fill(
        "The bill has not been adopted; probation is not in force."
    )
    ngo.get_by_role("button", name="Save the draft").click()
    ngo.get_by_role("button", name="Submit to the secretariat").click()
    evaluation = Report.objects.get(organisation=bureau)
    page.goto(f"/admin/reporting/report/{evaluation.pk}/change/")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist")).to_contain_text("published")

    visitor.goto("/recommendations/CAB-2021-007/")
    history = visitor.locator("main")
    expect(history).to_contain_text("Bill No. 123 on probation is before the Mazhilis.")
    expect(history).to_contain_text("The bill has not been adopted; probation is not in force.")
    for tab in (ministry, ngo, visitor):
        tab.context.close()
