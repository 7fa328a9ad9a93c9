"""Pages of results, and the one query string every link on a page is built from."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.forms import Field, Form
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


def query_values(field: Field, value: object) -> list[str]:
    """A field's cleaned value written as its query parameter's values, one way only."""
    if value in (None, ""):
        return []
    if isinstance(value, Iterable) and not isinstance(value, str):
        return sorted({s for item in value for s in query_values(field, item)})
    if isinstance(value, Model):  # a record chosen by slug
        return [str(getattr(value, getattr(field, "to_field_name", None) or "pk"))]
    if isinstance(value, Decimal):
        return [format(value.normalize(), "f")]  # 2016 for 02016, 2016.0 or 2.016E+3
    return [str(value)]


def valid_query(request: HttpRequest, form: Form, page: Page | None = None) -> QueryDict:
    """The values the form accepted, in its fields' order and written one way (lists sorted
    and without repeats): the base of every link on the page (pagination, facets, chips,
    other languages, exports, feed), so none carries a rejected value, a parameter the page
    does not take, or `page`.

    With the page shown, it is also what the page answered: cached_page stores a page only
    when the request asked exactly that, so only validated queries become cache entries."""
    query = QueryDict(mutable=True)
    if form.is_bound:
        form.is_valid()  # validated once; cleaned_data then holds only the accepted values
        for name, field in form.fields.items():
            if values := query_values(field, form.cleaned_data.get(name)):
                query.setlist(name, values)
    answered = query.copy()
    if page is not None and page.number > 1:
        answered["page"] = str(page.number)
    request.answered_query = answered  # read by cached_page
    return query
