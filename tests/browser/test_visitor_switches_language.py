"""Journey 4: a visitor switches language on a filtered list and stays on the same results."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_switching_language_keeps_the_filtered_results(page: Page, record):
    page.goto("/recommendations/?topic=torture-prevention&status=implemented&status=in_progress")
    heading = page.locator("#results-heading")
    count = int(re.match(r"\d+", heading.inner_text()).group())
    references = page.locator(".record__ref").all_inner_texts()
    assert (count, references) == (2, ["CAB-2022-001", "CAB-2019-001"])

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()

    expect(page).to_have_url(
        re.compile(
            r"/ru/recommendations/\?topic=torture-prevention&status=implemented&status=in_progress$"
        )
    )
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("Рекомендации")
    expect(heading).to_contain_text(str(count))
    assert page.locator(".record__ref").all_inner_texts() == references
    # The topic's chip now reads in Russian.
    expect(page.get_by_role("list", name="Примененные фильтры")).to_contain_text(
        "Предупреждение пыток"
    )

    page.get_by_role("navigation", name="Язык").get_by_role("link", name="Қазақша").click()
    expect(page).to_have_url(re.compile(r"/kk/recommendations/\?topic=torture-prevention"))
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(heading).to_contain_text(str(count))
    assert page.locator(".record__ref").all_inner_texts() == references
