from django.http import HttpRequest

from recommendations.models import Recommendation


def site(request: HttpRequest) -> dict:
    """Whether illustrative recommendations are loaded (every public page then says so)."""
    return {"demo_data": lambda: Recommendation.objects.published().demonstration().exists()}
