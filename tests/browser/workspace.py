"""The workspace in the browser: a body with an item it owes in an open round, and its
focal point signing in through the form."""

import datetime

from playwright.sync_api import Page

from reporting import services
from tests import factories
from tests.two_factor import authenticator, current_code

PASSWORD = "a long enough test password"


def body_with_an_open_round() -> dict:
    ministry = factories.organisation(name="Ministry of Justice", slug="ministry-of-justice")
    recommendation = factories.recommendation(
        reference="CAB-2021-007", text="Adopt a law on probation"
    )
    recommendation.responsible_bodies.add(ministry)
    return {"ministry": ministry, "recommendation": recommendation}


def open_round(*, by) -> None:
    round = factories.reporting_round(
        title="Before the next meeting", due_date=datetime.date.today() + datetime.timedelta(10)
    )
    services.round_open(round=round, user=by)


def focal_point(ministry, *, two_factor: bool = False):
    user = factories.user(username="aliya", password=PASSWORD, email="aliya@example.org")
    factories.membership(user=user, organisation=ministry)
    if two_factor:
        authenticator(user)
    return user


def sign_in(page: Page, *, prefix: str = "", username: str = "aliya", device=None) -> None:
    """Through the workspace's sign-in form, then the code page when the account has an
    authenticator."""
    page.goto(f"{prefix}/workspace/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.narrow-form button[type=submit]").click()
    if device is not None:
        page.wait_for_url("**/workspace/two-factor/verify/**")
        page.locator("#id_code").fill(current_code(device))
        page.locator("form.narrow-form button[type=submit]").click()
    page.wait_for_url(f"**{prefix}/workspace/")
