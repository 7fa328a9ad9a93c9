"""The filters, their facets and the pagination of the recommendations work with the keyboard
alone, and the keyboard focus can be seen."""

import datetime
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from recommendations.selectors import PER_PAGE
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

IN_PROGRESS = PER_PAGE + 5  # two pages, the second of 5
IMPLEMENTED = 3


@pytest.fixture
def two_pages_in_progress(db) -> None:
    """Enough recommendations in progress for two pages, and a few implemented."""
    for year, status, count in [
        (2020, "in_progress", IN_PROGRESS),
        (2021, "implemented", IMPLEMENTED),
    ]:
        for n in range(1, count + 1):
            rec = factories.recommendation(reference=f"CAB-{year}-{n:03d}", year=year)
            rec.record_assessment(date=datetime.date(2022, 1, 1), status=status)


def tab_to(page: Page, target: Locator, *, limit: int = 300) -> None:
    """Press Tab until the target has the focus, as a keyboard user moves through a page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} never received the focus in {limit} presses of Tab")


def focus_is_visible(target: Locator) -> bool:
    return target.evaluate(
        "element => element.matches(':focus-visible')"
        " && getComputedStyle(element).outlineStyle !== 'none'"
    )


def test_a_keyboard_user_ticks_a_facet_applies_the_filters_and_turns_the_page(
    page: Page, two_pages_in_progress
):
    page.goto("/recommendations/")
    count_heading = page.get_by_role("heading", level=2, name=re.compile(r"^\d+ recommendations$"))
    expect(count_heading).to_have_text(f"{IN_PROGRESS + IMPLEMENTED} recommendations")

    in_progress = page.get_by_role("group", name="Status").get_by_role(
        "checkbox", name=re.compile(r"^In progress \d+")
    )
    tab_to(page, in_progress)
    assert focus_is_visible(in_progress)
    page.keyboard.press("Space")
    expect(in_progress).to_be_checked()

    apply = page.get_by_role("button", name="Apply filters")
    tab_to(page, apply)
    assert focus_is_visible(apply)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"status=in_progress"))
    expect(count_heading).to_have_text(f"{IN_PROGRESS} recommendations")
    pages = page.get_by_role("navigation", name="Pages")
    expect(pages).to_contain_text("Page 1 of 2")

    following = pages.get_by_role("link", name="Next →")
    tab_to(page, following)
    assert focus_is_visible(following)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"page=2"))
    expect(pages).to_contain_text("Page 2 of 2")
    assert "status=in_progress" in page.url
    expect(page.locator(".results .records > li")).to_have_count(IN_PROGRESS - PER_PAGE)
    expect(
        page.get_by_role("group", name="Status").get_by_role(
            "checkbox", name=re.compile(r"^In progress \d+")
        )
    ).to_be_checked()
