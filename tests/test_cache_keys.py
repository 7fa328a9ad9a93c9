"""Public pages are cached under the query they validated: parameters a page does not take,
values repeated, reordered or written another way, and values the page rejects never add
a cache entry, and no link on a page carries anything the page did not understand."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


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
