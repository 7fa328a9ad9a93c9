"""Signing in to the back office, as a member of the secretariat would."""

from playwright.sync_api import Page

from tests import factories

PASSWORD = "a long enough test password"


def log_in_as_secretariat(page: Page, *, next_path: str) -> None:
    """Create a secretariat user and sign in through the admin's login form."""
    factories.secretariat_user(username="clerk", password=PASSWORD)
    page.goto(f"/admin/login/?next={next_path}")
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{next_path}")
