"""The same axe-core audit in Russian and Kazakh: translated pages keep their landmarks,
names and contrast (and the search page, in all three)."""

import pytest
from playwright.sync_api import Page

from .audit import assert_no_violations
from .pages import PUBLIC_PAGES, visit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = {**PUBLIC_PAGES, "search": "/search/?q=torture"}
CASES = [(lang, name) for lang in ("ru", "kk") for name in PAGES] + [("en", "search")]


@pytest.mark.parametrize(("lang", "name"), CASES, ids=[f"{lang}-{name}" for lang, name in CASES])
def test_page_has_no_accessibility_violations_in_each_language(
    page: Page, demo, lang: str, name: str
):
    prefix = "" if lang == "en" else f"/{lang}"
    visit(page, prefix + PAGES[name])
    assert page.locator("html").get_attribute("lang") == lang
    assert_no_violations(page)
