"""Public pages are cached under the query they validated: parameters a page does not take,
values repeated, reordered or written another way, and values the page rejects never add
a cache entry, and no link on a page carries anything the page did not understand."""

import uuid

import pytest
from django.conf import settings
from django.core.cache import cache

from recommendations.selectors import PER_PAGE

from . import factories

pytestmark = pytest.mark.django_db


def cache_entries() -> int:
    """Entries under this test's own key prefix (conftest.py gives each test one)."""
    if hasattr(cache, "keys"):  # django-redis
        return len(cache.keys("*"))
    prefix = cache.make_key("")
    return sum(key.startswith(prefix) for key in cache._cache)


def junk() -> str:
    return f"nonce={uuid.uuid4().hex}&utm_source={uuid.uuid4().hex}"


@pytest.fixture
def paged(record):
    """The record, and enough recommendations of 2013 for the list to run to three pages."""
    for n in range(1, 2 * PER_PAGE + 2):
        factories.recommendation(reference=f"CAB-2013-{n:03d}", year=2013)
    return record


def public_urls(record: factories.Record) -> list[str]:
    return [
        "/",
        "/meetings/",
        record.meeting.get_absolute_url(),
        "/recommendations/",
        "/recommendations/?topic=children&status=implemented",
        "/ru" + record.adopted.get_absolute_url(),
        "/topics/",
        "/topics/torture-prevention/",
        "/organisations/",
        "/organisations/kbhr/",
        "/documents/",
        record.report.get_absolute_url(),
        "/search/?q=detention",
        "/search/?q=detention&kind=recommendations",
    ]


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_parameters_a_page_does_not_take_add_no_cache_entry_and_change_nothing(client, record):
    for url in public_urls(record):
        page = get(client, url)
        entries = cache_entries()
        separator = "&" if "?" in url else "?"
        for _ in range(5):
            assert get(client, url + separator + junk()) == page, url
        assert cache_entries() == entries, url


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("/recommendations/?year_from=2013&nonce=zz-junk&page=2", "?year_from=2013&amp;page=3"),
        ("/meetings/?year=2022&nonce=zz-junk", "/ru/meetings/?year=2022"),
        ("/documents/?language=ru&nonce=zz-junk", "/kk/documents/?language=ru"),
        ("/search/?q=law&kind=recommendations&nonce=zz-junk", "?q=law&amp;kind=recommendations"),
        ("/ru/recommendations/?status=implemented&nonce=zz-junk", "export.csv?status=implemented"),
    ],
)
def test_no_link_on_a_page_carries_a_parameter_it_does_not_take(client, paged, url, link):
    # Facet and year links, chips, pagination, exports and feed, switcher and hreflang.
    html = get(client, url)
    assert f'{link}"' in html
    assert "zz-junk" not in html and "nonce" not in html


def test_links_write_each_accepted_value_one_way(client, record):
    html = get(
        client,
        "/recommendations/?status=in_progress&q=%20torture%20&year_from=02016&status=implemented"
        "&status=in_progress&year_to=&topic=no-such-topic",
    )
    ru = "/ru/recommendations/?q=torture&amp;status=implemented&amp;status=in_progress"
    assert f'hreflang="ru" href="{settings.SITE_URL}{ru}&amp;year_from=2016"' in html


def test_a_repeated_value_is_cached_once(client, record):
    page = get(client, "/recommendations/?status=implemented")
    entries = cache_entries()
    assert get(client, "/recommendations/?" + "&".join(["status=implemented"] * 1000)) == page
    assert cache_entries() == entries


def test_values_in_another_order_are_cached_once(client, record):
    page = get(client, "/recommendations/?status=in_progress&topic=children&status=implemented")
    entries = cache_entries()
    reordered = "/recommendations/?topic=children&status=implemented&status=in_progress"
    assert get(client, reordered) == page
    assert cache_entries() == entries


def test_a_rejected_value_is_named_on_the_page_but_never_cached(client, record):
    get(client, "/recommendations/")
    entries = cache_entries()
    for _ in range(5):
        html = get(client, f"/recommendations/?topic={uuid.uuid4().hex}&year_from=abc")
        assert "were not understood and have been ignored" in html
    assert cache_entries() == entries


def test_a_thousand_values_of_one_filter_add_no_cache_entry(client, record):
    get(client, "/meetings/")
    entries = cache_entries()
    values = "&".join(f"topic={uuid.uuid4().hex}" for _ in range(1000))
    assert client.get(f"/meetings/?{values}").status_code == 200
    assert cache_entries() == entries


def test_a_value_written_another_way_adds_no_cache_entry(client, record):
    get(client, "/recommendations/?q=detention&year_from=2016")
    entries = cache_entries()
    for variant in ("q=%20detention%20&year_from=2016", "q=detention&year_from=02016",
                    "q=detention&year_from=2016.0", "year_from=2016&q=detention&q=detention"):  # fmt: skip
        html = get(client, f"/recommendations/?{variant}")
        assert 'export.csv?q=detention&amp;year_from=2016"' in html and "02016" not in html, variant
    assert cache_entries() == entries


def test_a_page_number_is_cached_once_however_it_is_written(client, paged):
    first = get(client, "/recommendations/")
    second = get(client, "/recommendations/?page=2")
    assert second != first
    entries = cache_entries()
    assert get(client, "/recommendations/?page=02") == second
    for page in ("1", "01", "abc", "", "²"):
        assert get(client, f"/recommendations/?page={page}") == first, page
    assert cache_entries() == entries


def test_a_page_number_on_a_page_that_is_not_paged_is_not_cached(client, record):
    get(client, "/search/?q=detention")
    entries = cache_entries()
    for page in range(2, 6):
        get(client, f"/search/?q=detention&page={page}")
    assert cache_entries() == entries


def test_a_record_number_written_with_leading_zeros_is_cached_once(client, record):
    document = record.report
    page = get(client, f"/documents/{document.pk}/")
    entries = cache_entries()
    for zeros in range(1, 5):
        assert get(client, f"/documents/{'0' * zeros}{document.pk}/") == page
    assert cache_entries() == entries
