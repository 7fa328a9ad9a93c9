"""A newcomer who runs `make run` sees the record of a body with twelve years of history:
many meetings, charts spread over the years, topics discussed again and again, every
illustrative record marked; and the real meeting of 22 October 2021 reads natively in
Russian and Kazakh. The screenshots are kept for review (test-artifacts/screenshots/)."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from meetings.models import Meeting

from .pages import SCREENSHOTS, visit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REAL_MEETING = "/meetings/2021-10-22-snap-online-meeting/"


def photograph(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"record-{name}.png", full_page=True)


def test_home_page_shows_years_of_meetings_and_recommendations(page: Page, demo):
    visit(page, "/")
    photograph(page, "home")
    expect(page.locator(".demo-notice")).to_be_visible()
    expect(page.locator("#latest-meetings + .records .illustrative").first).to_be_visible()
    # The year chart has a bar for each year from the first to the last.
    years = page.locator(".chart").nth(1).locator("tbody th").all_inner_texts()
    assert "2013" in years and str(datetime.date.today().year - 1) in years
    charts = page.locator("section[aria-labelledby=implementation]")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    charts.screenshot(path=SCREENSHOTS / "record-charts.png")


def test_meetings_list_reads_as_a_long_record_with_illustrative_rows_marked(page: Page, demo):
    visit(page, "/meetings/")
    photograph(page, "meetings")
    rows = page.locator(".results .record")
    expect(rows.nth(10)).to_be_visible()  # a long record, page after page
    illustrative = set(Meeting.objects.filter(is_illustrative=True).values_list("slug", flat=True))
    for row in rows.all():
        slug = row.locator(".record__title a").get_attribute("href").strip("/").split("/")[-1]
        assert (row.locator(".illustrative").count() == 1) == (slug in illustrative), slug


def test_topic_page_shows_the_topic_discussed_over_the_years(page: Page, demo):
    visit(page, "/topics/torture-prevention/")
    photograph(page, "topic")
    items = page.locator("section[aria-labelledby=agenda-heading] .record")
    expect(items.nth(2)).to_be_visible()  # on several meetings' agendas
    expect(items.locator(".illustrative").first).to_be_visible()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_real_meeting_reads_natively_in_russian_and_kazakh(page: Page, demo, lang: str):
    visit(page, f"/{lang}{REAL_MEETING}")
    photograph(page, f"real-meeting-{lang}")
    expect(page.locator("main .record-header .illustrative")).to_have_count(0)
    expect(page.locator("main .fallback")).to_have_count(0)
