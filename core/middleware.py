from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

MESSAGE = "Bad request: the address contains a NUL byte."


class RejectNulBytesMiddleware:
    """Answer 400 to a URL carrying a NUL byte: no page has a use for one, and PostgreSQL
    refuses them in text, which would otherwise surface as a server error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        raw_query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in raw_query or "\x00" in raw_query:
            if request.path.startswith("/api/"):  # API clients read JSON, errors included
                return JsonResponse({"detail": MESSAGE}, status=400)
            return HttpResponseBadRequest(MESSAGE)
        return self.get_response(request)
