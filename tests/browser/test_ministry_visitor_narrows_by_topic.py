"""Journey 3: a ministry's staff open their organisation's page and narrow the recommendations
addressed to it to one topic."""

import re

import pytest
from playwright.sync_api import Page, expect

from recommendations.selectors import PER_PAGE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MINISTRY = "Ministry of Internal Affairs"  # the `record` fixture's


def test_a_ministry_visitor_narrows_the_recommendations_addressed_to_it_by_topic(
    page: Page, record
):
    page.goto("/organisations/")
    page.get_by_role("link", name=MINISTRY).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(MINISTRY)

    addressed = page.get_by_role("region", name="Recommendations addressed to it")
    see_all = addressed.get_by_role("link", name=re.compile(r"^See all \d+ recommendations"))
    total = int(re.search(r"\d+", see_all.inner_text()).group())
    assert total == 3  # CAB-2022-001, CAB-2019-001, CAB-2023-002; not the draft

    by_topic = addressed.locator("h3", has_text="By topic").locator("+ ul > li")
    expect(by_topic).to_have_count(3)  # torture (2), the child (1), prison reform (1)
    topic_entry = by_topic.nth(1)  # not simply the biggest
    topic_name = topic_entry.get_by_role("link").inner_text()
    topic_count = int(topic_entry.locator(".count").inner_text())
    assert topic_name in {record.children.name, record.prisons.name}
    assert topic_count == 1

    topic_entry.get_by_role("link").click()

    expect(
        page.get_by_role("heading", level=2, name=re.compile(r"recommendations?$"))
    ).to_have_text(re.compile(rf"^{topic_count} recommendations?$"))
    chips = page.get_by_role("list", name="Active filters")
    expect(chips).to_contain_text(MINISTRY)
    expect(chips).to_contain_text(topic_name)
    results = page.locator(".results .records > li")
    expect(results).to_have_count(min(topic_count, PER_PAGE))
    for result in results.all():
        expect(result.get_by_role("link", name=topic_name)).to_be_visible()
        expect(result.locator(".record__bodies")).to_contain_text(MINISTRY)
