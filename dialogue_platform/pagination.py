from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import Form
from django.http import Http404, HttpRequest, QueryDict


def page_number(raw: str | None) -> int:
    """The page a `page` value asks for; anything but a small decimal number means the first."""
    if raw and raw.isascii() and raw.isdigit() and len(raw) < 10:
        return max(int(raw), 1)
    return 1


def paginate(
    request: HttpRequest, queryset: QuerySet, per_page: int, count: int | None = None
) -> Page:
    """The requested page. A malformed `page` means the first page; one past the last is a 404.
    `count`, when the caller knows it already, saves the paginator its COUNT query."""
    number = page_number(request.GET.get("page"))
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # a cached_property, so this value is the one used
    if number > paginator.num_pages:
        raise Http404("There is no such page of results.")
    return paginator.page(number)


def valid_query(request: HttpRequest, form: Form) -> QueryDict:
    """The request's query without the parameters the form rejected and without `page`:
    the base for pagination, facet and chip links, so a bad value is not carried along."""
    query = request.GET.copy()
    for name in [*form.errors, "page"]:
        query.pop(name, None)
    return query
