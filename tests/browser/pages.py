"""The public pages the browser tests visit, and the screen sizes they visit them at."""

from pathlib import Path

from django.conf import settings
from playwright.sync_api import Page

from meetings.models import Document
from plans.models import OutsideRecommendation
from recommendations.models import Recommendation

WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"

NOT_FOUND = "/no-such-page/"

# One page of each public type, as paths (so a language prefix can be put in front), in the
# demo data: the real meeting of 22 October 2021, its vocabularies and the illustrative
# record around it. `{document}` is the id
# of that meeting's UN Women report and `{recommendation}` the reference of a recommendation
# with an implementation history, known only once the demo is loaded; `{outside}` the
# address of a linked UN recommendation.
PUBLIC_PAGES = {
    "home": "/",
    "meetings": "/meetings/",
    "meeting": "/meetings/2021-10-22-snap-online-meeting/",
    "recommendations-filtered": "/recommendations/?topic=torture-prevention&status=in_progress&status=implemented",
    "recommendation": "/recommendations/{recommendation}/",
    "topics": "/topics/",
    "topic": "/topics/torture-prevention/",
    "organisations": "/organisations/",
    "organisation": "/organisations/ministry-of-internal-affairs/",
    "documents": "/documents/",
    "document": "/documents/{document}/",
    "plans": "/plans/",
    "plan": "/plans/follow-up-plan-for-human-rights-and-the-rule-of-law/?overdue=yes",
    "activity": "/plans/follow-up-plan-for-human-rights-and-the-rule-of-law/1/",
    "plan-report": "/plans/follow-up-plan-for-human-rights-and-the-rule-of-law/report/?as_of=2023-12-31&since=2022-06-30",
    "un-recommendations": "/upr/",
    "un-recommendation": "/upr/{outside}/",
    "not-found": NOT_FOUND,
}


def public_page_path(template: str) -> str:
    """The path of a page of the loaded demo data (after the `demo` fixture has run)."""
    if "{document}" in template:
        report = Document.objects.published().get(
            title__startswith="Recommendations of the UN Women"
        )
        return template.format(document=report.pk)
    if "{recommendation}" in template:
        assessed = Recommendation.objects.published().filter(assessments__isnull=False)
        return template.format(recommendation=assessed.order_by("reference").first().reference)
    if "{outside}" in template:
        linked = OutsideRecommendation.objects.published().filter(links__isnull=False)
        return template.format(outside=linked.order_by("paragraph").first().slug)
    return template


def visit(page: Page, path: str) -> None:
    """Open a public page of the demo data; it answers as a visitor expects (not an error page
    that would then be audited or photographed instead)."""
    response = page.goto(public_page_path(path))
    expected = 404 if path.endswith(NOT_FOUND) else 200
    assert response.status == expected, f"{path} answered {response.status}"
