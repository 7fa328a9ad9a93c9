from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from recommendations.models import Recommendation


def site(request: HttpRequest) -> dict:
    """What the base layout needs on every page."""
    current = get_language()
    return {
        # Whether illustrative recommendations are loaded (every public page then says so);
        # a callable, so the query runs only where the template asks.
        "demo_data": lambda: Recommendation.objects.published().demonstration().exists(),
        # The same page in each language, for the switcher and hreflang links; list pages
        # add their (valid) filters in the template.
        "languages": [
            {
                "code": code,
                "name": name,
                "url": translate_url(request.path, code),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ],
    }
