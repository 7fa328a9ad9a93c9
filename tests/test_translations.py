"""The interface reads in Russian under /ru/ and in Kazakh under /kk/, the admin included."""

import datetime
import gettext
import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format

from dialogue_platform.core.management.commands.check_translations import untranslated
from recommendations.models import Recommendation

from . import factories

pytestmark = pytest.mark.django_db

LOCALE_PATHS = [Path(path) for path in settings.LOCALE_PATHS]
CATALOGUES = sorted(po for locale in LOCALE_PATHS for po in locale.glob("*/LC_MESSAGES/*.po"))

NAVIGATION = {
    "ru": ["Заседания", "Рекомендации", "Темы", "Организации", "Документы", "Поиск"],
    "kk": ["Отырыстар", "Ұсынымдар", "Тақырыптар", "Ұйымдар", "Құжаттар", "Іздеу"],
}


def heading(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert match, "the page has no h1"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


def navigation(html: str) -> list[str]:
    match = re.search(r'<nav[^>]*class="site-nav".*?</nav>', html, re.S)
    assert match, "the page has no site navigation"
    return [text.strip() for text in re.findall(r"<a [^>]*>([^<]+)</a>", match.group(0))]


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("ru", "Диалоговая площадка по человеческому измерению"),
        ("kk", "Адами өлшем жөніндегі диалог алаңы"),
    ],
)
def test_the_home_page_heading_and_navigation_are_in_the_readers_language(client, language, title):
    html = client.get(f"/{language}/").content.decode()

    assert f'<html lang="{language}">' in html
    assert heading(html) == title
    assert navigation(html) == NAVIGATION[language]


@pytest.mark.parametrize(
    ("path", "russian", "kazakh"),
    [
        ("meetings/", "Заседания", "Отырыстар"),
        ("recommendations/", "Рекомендации", "Ұсынымдар"),
        ("topics/", "Темы", "Тақырыптар"),
        ("organisations/", "Организации", "Ұйымдар"),
        ("documents/", "Документы", "Құжаттар"),
        ("search/", "Поиск", "Іздеу"),
    ],
)
def test_each_section_heading_is_translated(client, path, russian, kazakh):
    assert heading(client.get(f"/ru/{path}").content.decode()) == russian
    assert heading(client.get(f"/kk/{path}").content.decode()) == kazakh


def test_an_english_page_stays_english(client):
    html = client.get("/meetings/").content.decode()

    assert heading(html) == "Meetings"
    assert navigation(html)[:2] == ["Meetings", "Recommendations"]


def test_counts_take_the_russian_plural_form_the_number_needs(client):
    for _ in range(2):
        factories.recommendation()

    html = client.get("/ru/recommendations/").content.decode()

    assert "2 рекомендации" in html
    assert "2 рекомендаций" not in html


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        (
            "ru",
            [
                "Не оценено",
                "Не начато",
                "В процессе выполнения",
                "Выполнено частично",
                "Выполнено",
                "Не выполнено",
                "Утратила актуальность",
            ],
        ),
        (
            "kk",
            [
                "Бағаланбаған",
                "Басталмаған",
                "Орындалу үстінде",
                "Ішінара орындалды",
                "Орындалды",
                "Орындалмады",
                "Өзектілігін жоғалтты",
            ],
        ),
    ],
)
def test_recommendation_statuses_read_as_the_ministry_publishes_them(language, labels):
    with translation.override(language):
        assert [str(label) for label in Recommendation.Status.labels] == labels


def test_a_kazakh_date_spells_its_month_in_lower_case():
    # Django's Kazakh catalogue capitalises the month names a date uses; the project's does not.
    with translation.override("kk"):
        assert date_format(datetime.date(2021, 10, 22)) == "22 қазан 2021 ж."
    with translation.override("ru"):
        assert date_format(datetime.date(2021, 10, 22)) == "22 октября 2021 г."


# Strings Django's own Kazakh admin catalogue leaves untranslated, which the project supplies.


def test_the_kazakh_admin_login_page_is_in_kazakh(client):
    page = client.get("/kk/admin/login/").content.decode()
    assert "Негізгі мазмұнға өту" in page  # "Skip to main content"

    refused = client.post("/kk/admin/login/", {"username": "nobody", "password": "wrong"})
    assert "Қызметкер тіркелгісінің" in refused.content.decode()  # "Please enter the correct…"


def test_the_kazakh_meeting_change_list_is_in_kazakh(client, admin_user):
    factories.meeting(title="Regular meeting")
    client.force_login(admin_user)

    page = client.get("/kk/admin/meetings/meeting/").content.decode()

    assert "Өзгерту үшін отырыс таңдаңыз" in page  # "Select meeting to change"
    assert "Сайтты ашу" in page  # "View site"
    assert "Әрекет үшін осы беттегі барлық объектілерді таңдау" in page  # the select-all box
    assert "Өзгетру" not in page  # Django's misspelt "Change" is corrected


def test_the_kazakh_history_page_is_in_kazakh(client, admin_user):
    # django-simple-history ships no Kazakh; the project supplies its strings.
    meeting = factories.meeting()
    client.force_login(admin_user)

    page = client.get(f"/kk/admin/meetings/meeting/{meeting.pk}/history/").content.decode()

    assert "Кім өзгертті" in page  # "Changed by"
    assert "Өзгерту себебі" in page  # "Change reason"


def test_the_admin_calendar_widget_is_in_kazakh(client, admin_user):
    client.force_login(admin_user)

    script = client.get("/kk/admin/jsi18n/").content.decode()

    assert json.dumps("Қаңтар") in script  # "January"
    assert json.dumps("Жексенбі") in script  # "Sunday"


# The catalogues themselves.


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_compiled_catalogue_says_what_its_po_file_says(po):
    with po.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    for entry in polib.pofile(str(po)).translated_entries():
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if not entry.msgid_plural:
            assert compiled.get(key) == entry.msgstr, entry.msgid
        else:
            assert [compiled.get((key, n)) for n in sorted(entry.msgstr_plural)] == [
                entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural)
            ], entry.msgid


def test_the_check_reports_untranslated_and_fuzzy_messages():
    catalogue = polib.pofile(
        'msgid ""\nmsgstr "Language: kk\\n"\n\n'
        'msgid "Meetings"\nmsgstr "Отырыстар"\n\n'
        '#, fuzzy\nmsgid "Meeting"\nmsgstr "Отырыстар"\n\n'
        'msgid "Topics"\nmsgstr ""\n\n'
        'msgid "%(counter)s result"\nmsgid_plural "%(counter)s results"\n'
        'msgstr[0] "%(counter)s нәтиже"\nmsgstr[1] ""\n\n'
        '#~ msgid "Gone"\n#~ msgstr ""\n'
    )

    assert untranslated(catalogue) == [
        "fuzzy: Meeting",
        "untranslated: Topics",
        "untranslated: %(counter)s result",
    ]
