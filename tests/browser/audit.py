"""The accessibility audit the browser tests run: axe-core, WCAG 2.0 and 2.1, levels A and AA."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_A_AND_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

axe = Axe()


def assert_no_violations(page: Page) -> None:
    results = axe.run(page, options=WCAG_A_AND_AA)
    assert results.violations_count == 0, results.generate_report()
