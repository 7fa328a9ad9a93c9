"""The workspace's pages pass the axe-core audit in English, Russian and Kazakh."""

import pytest
from playwright.sync_api import Page

from reporting import services
from tests import factories

from .audit import assert_no_violations
from .workspace import body_with_an_open_round, focal_point, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_the_workspace_has_no_accessibility_violations(page: Page, lang: str):
    setting = body_with_an_open_round()
    secretariat = factories.secretariat_user()
    services.round_open(round=factories.reporting_round(), user=secretariat)
    user = focal_point(setting["ministry"])
    report = services.report_create(
        user=user, organisation=setting["ministry"], item=setting["recommendation"],
        origin="government_report", narratives={"ru": "Законопроект внесён."},
    )  # fmt: skip
    report = services.report_submit(report=report, user=user, expected_version=report.version)
    services.report_return(
        report=report, user=secretariat, expected_version=report.version, note="Which article?"
    )
    prefix = "" if lang == "en" else f"/{lang}"

    page.goto(f"{prefix}/workspace/login/")
    assert_no_violations(page)
    page.goto(f"{prefix}/workspace/password/reset/")
    assert_no_violations(page)
    sign_in(page, prefix=prefix)
    for path in [
        "/workspace/",
        "/workspace/items/recommendations/",
        f"/workspace/reports/{report.pk}/",
        f"/workspace/reports/{report.pk}/edit/",
        f"/workspace/reports/new/recommendation/{setting['recommendation'].pk}/",
        "/workspace/two-factor/",
        "/workspace/two-factor/set-up/",
    ]:
        response = page.goto(prefix + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == lang
        assert_no_violations(page)
