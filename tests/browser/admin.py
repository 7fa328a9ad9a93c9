"""Signing in to the back office, as a member of the secretariat would."""

from playwright.sync_api import Page

from tests import factories
from tests.two_factor import authenticator, current_code

PASSWORD = "a long enough test password"


def log_in_as_secretariat(page: Page, *, next_path: str) -> None:
    """Create a secretariat user with an authenticator app and sign in through the admin's
    login form, then with the app's code, as staff must."""
    clerk = factories.secretariat_user(username="clerk", password=PASSWORD)
    device = authenticator(clerk)
    page.goto(f"/admin/login/?next={next_path}")
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/workspace/two-factor/verify/**")
    page.get_by_label("Code").fill(current_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"**{next_path}")
