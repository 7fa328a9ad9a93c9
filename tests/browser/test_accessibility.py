"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any public page type, nor on the page
where the secretariat logs a meeting."""

import pytest
from playwright.sync_api import Page

from .admin import log_in_as_secretariat
from .audit import assert_no_violations
from .pages import PUBLIC_PAGES, visit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("path", list(PUBLIC_PAGES.values()), ids=list(PUBLIC_PAGES))
def test_public_page_has_no_accessibility_violations(page: Page, demo, path: str):
    visit(page, path)
    assert_no_violations(page)


def test_the_admin_meeting_form_has_no_accessibility_violations(page: Page, record):
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(error))
    log_in_as_secretariat(page, next_path="/admin/meetings/meeting/add/")
    # Audit the form as it is filled in: one row of each inline, autocomplete widgets included.
    for inline in ["Agenda item", "Participant", "Document"]:
        page.get_by_role("button", name=f"Add another {inline}").click()
    assert_no_violations(page)
    # The fields are named by a script, so the names hold only while scripts run cleanly.
    assert script_errors == []
