"""Journey 2: an NGO visitor narrows the recommendations by topic and status, reads one
recommendation's implementation history, comes back to the same filtered list, and downloads
exactly what the list shows."""

import csv
import datetime
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests import factories

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHOSEN_STATUSES = {"In progress": "in_progress", "Implemented": "implemented"}


def facet_checkbox(page: Page, facet: str, label: str):
    """A facet's checkbox, by the start of its label (the label ends with the count)."""
    return page.get_by_role("group", name=facet).get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(label)} \d+")
    )


def test_an_ngo_visitor_filters_reads_a_history_comes_back_and_downloads_what_the_list_shows(
    page: Page, record
):
    torture = record.torture
    # On the topic: the record's implemented and in-progress ones, and one not started.
    not_started = factories.recommendation(reference="CAB-2018-001", year=2018)
    not_started.topics.add(torture)
    not_started.record_assessment(date=datetime.date(2019, 1, 1), status="not_started")

    page.goto("/recommendations/")
    facet_checkbox(page, "Topic", torture.name).check()
    for label in CHOSEN_STATUSES:
        facet_checkbox(page, "Status", label).check()
    page.get_by_role("button", name="Apply filters").click()

    count_heading = page.get_by_role("heading", level=2, name=re.compile(r"^\d+ recommendations?$"))
    expect(count_heading).to_be_visible()
    shown = int(count_heading.inner_text().split()[0])
    assert shown == 2  # CAB-2022-001 (implemented) and CAB-2019-001 (in progress)
    filtered_url = page.url
    assert "topic=torture-prevention" in filtered_url

    chips = page.get_by_role("list", name="Active filters")
    expect(chips).to_contain_text(torture.name)
    for label in CHOSEN_STATUSES:
        expect(chips).to_contain_text(label)
    results = page.locator(".results .records > li")
    expect(results).to_have_count(shown)
    for result in results.all():
        expect(result.locator(".status")).to_have_text(re.compile("^(In progress|Implemented)$"))
        expect(result.get_by_role("link", name=torture.name)).to_be_visible()

    # Open one and read its implementation history: dated entries, newest first, the newest
    # being the status shown at the top.
    first = results.first.locator(".record__ref")
    reference = first.inner_text()
    assert reference == record.adopted.reference  # the newest, with two dated entries
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(reference)
    history = page.get_by_role("region", name="Implementation history")
    entries = history.get_by_role("listitem")
    expect(entries).to_have_count(2)
    dates = [entry.locator("time").get_attribute("datetime") for entry in entries.all()]
    assert dates == ["2023-03-01", "2022-09-01"]
    current = page.locator(".record-header__status .status").inner_text()
    expect(entries.first.locator(".status")).to_have_text(current)
    assert current in CHOSEN_STATUSES

    # Back to the list: the same filters, still ticked, the same results.
    page.go_back()
    assert page.url == filtered_url
    expect(facet_checkbox(page, "Topic", torture.name)).to_be_checked()
    for label in CHOSEN_STATUSES:
        expect(facet_checkbox(page, "Status", label)).to_be_checked()
    expect(facet_checkbox(page, "Status", "Not started")).not_to_be_checked()
    expect(count_heading).to_have_text(f"{shown} recommendations")

    # Download what the list shows.
    expect(page.get_by_text(f"Download these {shown} results:")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == "recommendations.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == shown
    assert {row["reference"] for row in rows} == {"CAB-2022-001", "CAB-2019-001"}
    assert {row["status"] for row in rows} <= set(CHOSEN_STATUSES.values())
    assert all("torture-prevention" in row["topics"].split("; ") for row in rows)
