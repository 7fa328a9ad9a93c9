"""Every public page fits a phone screen without sideways scrolling; screenshots of each at
phone and desktop widths are kept for review; the filters are beside the results on a wide
screen and folded away above them on a phone."""

import re

import pytest
from playwright.sync_api import Page, expect

from .pages import PHONE, PUBLIC_PAGES, SCREENSHOTS, WIDE, visit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LIST_PAGES_WITH_FILTERS = ["/recommendations/", "/meetings/", "/documents/"]
SMALLEST_READABLE_PX = 12

# The rendered size of the smallest visible text: CSS pixels, times the drawing's scale in SVG.
SMALLEST_TEXT = """() => {
  let smallest = Infinity;
  for (const element of document.body.querySelectorAll("*")) {
    const hasText = [...element.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim()
    );
    const box = element.getBoundingClientRect();
    if (!hasText || !element.checkVisibility() || box.width <= 1 || box.height <= 1) continue;
    let size = parseFloat(getComputedStyle(element).fontSize);
    if (element instanceof SVGGraphicsElement) size *= element.getScreenCTM().a;
    smallest = Math.min(smallest, size);
  }
  return smallest;
}"""


def page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize(("name", "path"), PUBLIC_PAGES.items(), ids=list(PUBLIC_PAGES))
def test_public_page_fits_a_phone_screen_with_readable_text_and_is_photographed(
    page: Page, phone_page: Page, demo, name: str, path: str
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    visit(phone_page, path)
    phone_page.screenshot(path=SCREENSHOTS / f"{name}-{PHONE['width']}.png", full_page=True)
    assert page_width(phone_page) <= PHONE["width"], "the page scrolls sideways on a phone"
    assert phone_page.evaluate(SMALLEST_TEXT) >= SMALLEST_READABLE_PX

    visit(page, path)
    page.screenshot(path=SCREENSHOTS / f"{name}-{WIDE['width']}.png", full_page=True)
    assert page_width(page) <= WIDE["width"]


@pytest.mark.parametrize("path", LIST_PAGES_WITH_FILTERS)
def test_filters_show_beside_the_results_on_a_wide_screen_without_a_disclosure(
    page: Page, record, path: str
):
    page.goto(path)
    filters = page.locator("details.filters")
    expect(filters.locator("summary")).to_be_hidden()
    apply = filters.get_by_role("button", name="Apply filters")
    expect(apply).to_be_visible()
    # Beside the results, not above them.
    results = page.locator(".results").bounding_box()
    form = filters.bounding_box()
    assert form["x"] + form["width"] <= results["x"]
    assert abs(form["y"] - results["y"]) < 5


@pytest.mark.parametrize("path", LIST_PAGES_WITH_FILTERS)
def test_filters_are_folded_above_the_results_on_a_phone_and_open_from_the_keyboard(
    phone_page: Page, record, path: str
):
    page = phone_page
    page.goto(path)
    filters = page.locator("details.filters")
    summary = filters.locator("summary")
    apply = filters.get_by_role("button", name="Apply filters")
    expect(summary).to_be_visible()
    expect(apply).to_be_hidden()
    assert filters.bounding_box()["y"] < page.locator(".results").bounding_box()["y"]

    summary.focus()
    page.keyboard.press("Enter")
    expect(filters).to_have_attribute("open", "")
    expect(apply).to_be_visible()
    expect(summary).to_have_text(re.compile("Filter"))
