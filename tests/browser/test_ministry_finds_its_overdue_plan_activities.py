"""Journey: a ministry finds its overdue plan activities and the UPR recommendations they
answer, from its organisation page to the plan filtered to its overdue activities and on to
the UN recommendation an activity answers."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MINISTRY = "Ministry of Justice"  # plan_record's


def test_a_ministry_finds_its_overdue_activities_and_the_un_recommendations_they_answer(
    page: Page, today, plan_record
):
    today(datetime.date(2024, 1, 1))  # activity 1 (due June 2023) is overdue; 2 is not yet
    page.goto("/organisations/")
    page.get_by_role("link", name=MINISTRY).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(MINISTRY)

    activities = page.get_by_role("region", name="Action plan activities")
    entries = activities.locator(".records > li")
    expect(entries).to_have_count(2)  # lead on 1, co-implementing 2; not the court's 3
    expect(entries.nth(0)).to_contain_text("Overdue")
    expect(entries.nth(1)).not_to_contain_text("Overdue")

    # The plan, narrowed to the ministry's overdue activities with the filter form.
    entries.nth(0).get_by_role("link", name="Plan of priority measures").click()
    page.get_by_label(MINISTRY).check()
    page.get_by_role("radio", name=re.compile(r"^Overdue")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", level=2, name="1 activity")).to_be_visible()
    chips = page.get_by_role("list", name="Active filters")
    expect(chips).to_contain_text(MINISTRY)

    # The overdue activity, and the UPR recommendation it answers.
    page.get_by_role("link", name="Activity 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Activity 1")
    expect(page.get_by_text("Overdue on")).to_be_visible()
    linked = page.get_by_role("region", name="Linked records")
    linked.get_by_role("link", name="UN recommendation A/HRC/41/10, para. 139.24").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A/HRC/41/10, para. 139.24")
    expect(page.locator("blockquote")).to_contain_text("Introduce probation")
    expect(page.get_by_role("region", name="Linked records")).to_contain_text(
        "Draft the law on probation"
    )
