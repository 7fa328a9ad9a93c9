"""Kazakh, Russian and English: URLs, switcher, dates, content fallback, search."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from meetings.models import Meeting
from meetings.seed import load_organisations, load_seed_meeting, load_topics

from . import factories

pytestmark = pytest.mark.django_db

MEETING = "/meetings/2022-06-15-extraordinary/"  # the `record` fixture's


def test_english_stays_unprefixed_and_the_others_are_prefixed(client, record):
    for prefix, lang in (("", "en"), ("/ru", "ru"), ("/kk", "kk")):
        response = client.get(prefix + MEETING)
        assert response.status_code == 200
        assert f'<html lang="{lang}">' in response.content.decode()
    with translation.override("ru"):
        assert reverse("meetings:list") == "/ru/meetings/"


def test_every_page_links_its_other_languages(client, record):
    html = client.get("/ru" + MEETING).content.decode()
    for lang, prefix in (("en", ""), ("ru", "/ru"), ("kk", "/kk")):
        assert f'hreflang="{lang}" href="{settings.SITE_URL}{prefix}{MEETING}"' in html


def test_the_switcher_keeps_the_page_and_its_filters(client, record):
    html = client.get("/recommendations/?topic=children&status=implemented&page=1").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    assert 'href="/kk/recommendations/?topic=children&amp;status=implemented"' in switcher
    assert 'href="/ru/recommendations/?topic=children&amp;status=implemented"' in switcher


def test_the_switcher_drops_filters_it_did_not_understand(client, record):
    html = client.get("/recommendations/?topic=children&year_from=abc").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    assert 'href="/ru/recommendations/?topic=children"' in switcher


def test_content_is_shown_in_the_readers_language(client, record):
    html = client.get("/ru" + MEETING).content.decode()
    assert "<h1>Внеочередное заседание о местах лишения свободы</h1>" in html
    assert "Независимый мониторинг мест лишения свободы" in html  # its agenda
    assert "Алия Бекова" in html and "Aliya Bekova" not in html  # its chair
    html = client.get("/kk" + MEETING).content.decode()
    assert "<h1>Бас бостандығынан айыру орындары туралы кезектен тыс отырыс</h1>" in html


def test_dates_are_formatted_for_the_language(client, record):
    assert "15 June 2022" in client.get(MEETING).content.decode()
    assert "15 июня 2022" in client.get("/ru" + MEETING).content.decode()
    assert "2022 жылғы 15 маусым" in client.get("/kk" + MEETING).content.decode()


def test_a_missing_translation_falls_back_with_a_marker(client, db):
    rec = factories.recommendation(text_en="Only written in English.")
    url = f"/recommendations/{rec.reference}/"
    english = client.get(url).content.decode()
    assert "Only written in English." in english and 'class="fallback"' not in english
    russian = client.get("/ru" + url).content.decode()
    assert 'lang="en">' in russian and "Only written in English." in russian
    assert 'class="fallback"' in russian


def test_kazakh_falls_back_to_russian_before_english(client, db):
    meeting = factories.meeting(title_en="English title", title_ru="Русское название")
    html = client.get(f"/kk/meetings/{meeting.slug}/").content.decode()
    assert '<span lang="ru">Русское название</span>' in html


def test_a_russian_query_finds_russian_content(client, record):
    response = client.get("/ru/search/", {"q": "лишения свободы"})
    groups = {g["kind"].slug: g["count"] for g in response.context["groups"]}
    assert groups == {"meetings": 1, "agenda-items": 1, "recommendations": 1, "documents": 0,
                      "plans": 0, "activities": 0, "un-recommendations": 0}  # fmt: skip
    assert list(Meeting.objects.search("ЛИШЕНИЯ")) == [record.meeting]


@pytest.mark.parametrize(
    ("language", "heading", "home"),
    [("en", "Something went wrong", '"/"'), ("ru", "Что-то пошло не так", '"/ru/"'),
     ("kk", "Қате орын алды", '"/kk/"')],
)  # fmt: skip
def test_the_server_error_page_speaks_the_readers_language(rf, language, heading, home):
    with translation.override(language):
        response = server_error(rf.get("/"))  # what Django answers an unhandled exception with
    html = response.content.decode()
    assert response.status_code == 500
    assert heading in html and f'<html lang="{language}">' in html and f"href={home}" in html


def switcher_links(html: str) -> list[str]:
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    return re.findall(r'href="([^"]*)"', switcher)


@pytest.mark.parametrize("path", ["//evil.example/", "/no-such-page/", "/ru/no-such-page/"])
def test_the_not_found_page_switches_to_each_languages_home_page(client, db, path):
    # PATH_INFO given as is: the test client would read "//evil.example/" as a host.
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    assert switcher_links(response.content.decode()) == ["/", "/ru/", "/kk/"]


def test_a_record_that_is_not_found_switches_to_the_same_address_in_each_language(client, db):
    response = client.get("/ru/meetings/no-such-meeting/")
    assert response.status_code == 404
    assert switcher_links(response.content.decode()) == [
        "/meetings/no-such-meeting/",
        "/ru/meetings/no-such-meeting/",
        "/kk/meetings/no-such-meeting/",
    ]


@pytest.mark.parametrize("prefix", ["/ru", "/kk"])
def test_the_real_meeting_reads_natively_with_no_text_shown_in_another_language(client, db, prefix):
    load_topics()
    load_organisations()
    meeting = load_seed_meeting()
    documents = meeting.documents.all()
    assert documents

    for url in [meeting.get_absolute_url(), *(d.get_absolute_url() for d in documents)]:
        response = client.get(prefix + url)
        assert response.status_code == 200
        assert 'class="fallback"' not in response.content.decode(), prefix + url
