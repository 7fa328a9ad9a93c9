"""Public pages are cached under the query they validated: parameters a page does not take,
values repeated, reordered or written another way, and values the page rejects never add
a cache entry, and no link on a page carries anything the page did not understand."""

import uuid

import pytest
from django.conf import settings
from django.core.cache import cache

from meetings.models import Document, Meeting
from recommendations.models import Recommendation

pytestmark = pytest.mark.django_db


def cache_entries() -> int:
    """Entries under this test's own key prefix (conftest.py gives each test one)."""
    if hasattr(cache, "keys"):  # django-redis
        return len(cache.keys("*"))
    prefix = cache.make_key("")
    return sum(key.startswith(prefix) for key in cache._cache)


def junk() -> str:
    return f"nonce={uuid.uuid4().hex}&utm_source={uuid.uuid4().hex}"


def public_urls() -> list[str]:
    return [
        "/",
        "/meetings/",
        Meeting.objects.published().first().get_absolute_url(),
        "/recommendations/",
        "/recommendations/?topic=children&status=implemented",
        "/ru" + Recommendation.objects.published().first().get_absolute_url(),
        "/topics/",
        "/topics/torture-prevention/",
        "/organisations/",
        "/organisations/kibhr/",
        "/documents/",
        Document.objects.published().first().get_absolute_url(),
        "/search/?q=torture",
        "/search/?q=torture&kind=recommendations",
    ]


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_parameters_a_page_does_not_take_add_no_cache_entry_and_change_nothing(client, demo):
    for url in public_urls():
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
        ("/meetings/?year=2021&nonce=zz-junk", "/ru/meetings/?year=2021"),
        ("/documents/?language=ru&nonce=zz-junk", "/kk/documents/?language=ru"),
        ("/search/?q=law&kind=recommendations&nonce=zz-junk", "?q=law&amp;kind=recommendations"),
        ("/ru/recommendations/?status=implemented&nonce=zz-junk", "export.csv?status=implemented"),
    ],
)
def test_no_link_on_a_page_carries_a_parameter_it_does_not_take(client, demo, url, link):
    # Facet and year links, chips, pagination, exports and feed, switcher and hreflang.
    html = get(client, url)
    assert f'{link}"' in html
    assert "zz-junk" not in html and "nonce" not in html


def test_links_write_each_accepted_value_one_way(client, demo):
    html = get(
        client,
        "/recommendations/?status=in_progress&q=%20torture%20&year_from=02016&status=implemented"
        "&status=in_progress&year_to=&topic=no-such-topic",
    )
    ru = "/ru/recommendations/?q=torture&amp;status=implemented&amp;status=in_progress"
    assert f'hreflang="ru" href="{settings.SITE_URL}{ru}&amp;year_from=2016"' in html


def test_a_repeated_value_is_cached_once(client, demo):
    page = get(client, "/recommendations/?status=implemented")
    entries = cache_entries()
    assert get(client, "/recommendations/?" + "&".join(["status=implemented"] * 1000)) == page
    assert cache_entries() == entries


def test_values_in_another_order_are_cached_once(client, demo):
    page = get(client, "/recommendations/?status=in_progress&topic=children&status=implemented")
    entries = cache_entries()
    reordered = "/recommendations/?topic=children&status=implemented&status=in_progress"
    assert get(client, reordered) == page
    assert cache_entries() == entries


def test_a_rejected_value_is_named_on_the_page_but_never_cached(client, demo):
    get(client, "/recommendations/")
    entries = cache_entries()
    for _ in range(5):
        html = get(client, f"/recommendations/?topic={uuid.uuid4().hex}&year_from=abc")
        assert "were not understood and have been ignored" in html
    assert cache_entries() == entries


def test_a_thousand_values_of_one_filter_add_no_cache_entry(client, demo):
    get(client, "/meetings/")
    entries = cache_entries()
    values = "&".join(f"topic={uuid.uuid4().hex}" for _ in range(1000))
    assert client.get(f"/meetings/?{values}").status_code == 200
    assert cache_entries() == entries


def test_a_value_written_another_way_adds_no_cache_entry(client, demo):
    get(client, "/recommendations/?q=torture&year_from=2016")
    entries = cache_entries()
    for variant in ("q=%20torture%20&year_from=2016", "q=torture&year_from=02016",
                    "q=torture&year_from=2016.0", "year_from=2016&q=torture&q=torture"):  # fmt: skip
        html = get(client, f"/recommendations/?{variant}")
        assert 'export.csv?q=torture&amp;year_from=2016"' in html and "02016" not in html, variant
    assert cache_entries() == entries


def test_a_page_number_is_cached_once_however_it_is_written(client, demo):
    first = get(client, "/recommendations/")
    second = get(client, "/recommendations/?page=2")
    entries = cache_entries()
    assert get(client, "/recommendations/?page=02") == second
    for page in ("1", "01", "abc", "", "²"):
        assert get(client, f"/recommendations/?page={page}") == first, page
    assert cache_entries() == entries


def test_a_page_number_on_a_page_that_is_not_paged_is_not_cached(client, demo):
    get(client, "/search/?q=torture")
    entries = cache_entries()
    for page in range(2, 6):
        get(client, f"/search/?q=torture&page={page}")
    assert cache_entries() == entries


def test_a_record_number_written_with_leading_zeros_is_cached_once(client, demo):
    document = Document.objects.published().first()
    page = get(client, f"/documents/{document.pk}/")
    entries = cache_entries()
    for zeros in range(1, 5):
        assert get(client, f"/documents/{'0' * zeros}{document.pk}/") == page
    assert cache_entries() == entries
