from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, override

from meetings.models import Document, Meeting
from recommendations.models import Recommendation


def illustrative_data_published() -> bool:
    """Whether any illustrative meeting, document or recommendation is public, in one
    query (each table's partial index answers its part)."""
    parts = [
        model.objects.filter(is_illustrative=True, is_published=True).values("pk")
        for model in (Meeting, Document, Recommendation)
    ]
    return parts[0].union(*parts[1:], all=True).exists()


def in_language(request: HttpRequest, code: str) -> str:
    """This page's address in another language, built from the view the path resolved to.
    A path that resolved to nothing is the visitor's own text (`//evil.example/` would read
    as another host), so it is never echoed back: the switcher then offers each home page."""
    match = request.resolver_match
    with override(code):
        if match is not None:
            try:
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                pass
        return reverse("home")


def site(request: HttpRequest) -> dict:
    """What the base layout needs on every page."""
    current = get_language()
    return {
        # Whether illustrative records are loaded (every public page then says so); a
        # callable, so the query runs only where the template asks.
        "demo_data": illustrative_data_published,
        # The same page in each language, for the switcher and hreflang links (these on
        # SITE_URL); list pages add their (valid) filters in the template.
        "site_url": settings.SITE_URL,
        "languages": [
            {
                "code": code,
                "name": name,
                "url": in_language(request, code),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ],
    }
