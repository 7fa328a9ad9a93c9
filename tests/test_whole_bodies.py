"""Each body the app server is handed is one piece (dialogue_platform/middleware.py):
the server writes a body piece by piece, and a feed built element by element would leave in
hundreds of writes, any of which a dying server could cut the answer short after. The
exports still stream."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/meetings/feed/",
    "/recommendations/feed/",
    "/meetings/calendar.ics",
    "/sitemap.xml",
    "/",
    "/recommendations/",
    "/api/v1/recommendations/",
]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_reaches_the_server_in_one_piece(client, record, path):
    response = client.get(path)

    assert response.status_code == 200
    pieces = list(response)
    assert len(pieces) == 1
    assert len(pieces[0]) > 500  # the page itself, records and all


def test_an_export_still_streams(client, record):
    response = client.get("/recommendations/export.csv")

    assert response.streaming
    assert b"".join(response.streaming_content).count(b"\r\n") > 2
