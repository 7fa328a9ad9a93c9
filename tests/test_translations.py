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
from django.utils.formats import date_format, number_format, time_format
from django.utils.translation import ngettext

from core import glossary
from core.management.commands import check_translations
from core.management.commands.check_translations import untranslated
from meetings.models import Meeting
from recommendations.models import Recommendation

from . import factories

pytestmark = pytest.mark.django_db

LOCALE_PATHS = [Path(path) for path in settings.LOCALE_PATHS]
CATALOGUES = sorted(po for locale in LOCALE_PATHS for po in locale.glob("*/LC_MESSAGES/*.po"))

NAVIGATION = {
    "ru": [
        "Заседания",
        "Рекомендации",
        "Планы действий",
        "Рекомендации ООН",
        "Темы",
        "Организации",
        "Документы",
        "Поиск",
    ],
    "kk": [
        "Отырыстар",
        "Ұсынымдар",
        "Іс-қимыл жоспарлары",
        "БҰҰ ұсынымдары",
        "Тақырыптар",
        "Ұйымдар",
        "Құжаттар",
        "Іздеу",
    ],
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
        ("kk", "Адами өлшем бойынша диалог алаңы"),
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
                "Выполняется",
                "Выполнено частично",
                "Выполнено",
                "Не выполнено",
                "Утратило актуальность",
            ],
        ),
        (
            "kk",
            [
                "Бағаланбаған",
                "Басталмаған",
                "Орындалуда",
                "Ішінара орындалған",
                "Орындалған",
                "Орындалмаған",
                "Өзектілігін жоғалтқан",
            ],
        ),
    ],
)
def test_recommendation_statuses_read_as_the_ministry_publishes_them(language, labels):
    with translation.override(language):
        assert [str(label) for label in Recommendation.Status.labels] == labels


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
    # The placeholder after a colon, not before a verb that would need it in the accusative.
    assert json.dumps("Барлығын таңдау: %s") in script  # "Choose all %s"


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


# The review's wording, as readers see it.


@pytest.mark.parametrize(
    ("language", "status", "label", "assessor_label"),
    [
        ("ru", "in_progress", "Выполняется", "Кем оценено:"),
        ("ru", "no_longer_relevant", "Утратило актуальность", "Кем оценено:"),
        ("kk", "partially_implemented", "Ішінара орындалған", "Бағалаған ұйым:"),
        ("kk", "no_longer_relevant", "Өзектілігін жоғалтқан", "Бағалаған ұйым:"),
    ],
)
def test_a_recommendations_page_names_its_status_as_the_review_has_it(
    client, language, status, label, assessor_label
):
    ministry = factories.organisation(name="Ministry of Justice")
    recommendation = factories.recommendation()
    recommendation.record_assessment(
        date=datetime.date(2021, 10, 22), status=status, assessed_by=ministry
    )

    html = client.get(f"/{language}{recommendation.get_absolute_url()}").content.decode()

    assert f'<span class="status status--{status}">{label}</span>' in html
    assert assessor_label in html


@pytest.mark.parametrize(
    ("language", "footer", "topics_intro"),
    [
        (
            "ru",
            "Диалоговая площадка по человеческому измерению — консультативно-совещательный "
            "орган, действующий при Министерстве иностранных дел Республики Казахстан с 2013 "
            "года.",
            "Темы, включаемые в повестку дня Диалоговой площадки, и материалы по каждой из них.",
        ),
        (
            "kk",
            "Адами өлшем бойынша диалог алаңы — 2013 жылдан бері Қазақстан Республикасы "
            "Сыртқы істер министрлігі жанында жұмыс істейтін консультативтік-кеңесші орган.",
            "Диалог алаңы күн тәртібінде қарайтын тақырыптар",
        ),
    ],
)
def test_the_footer_names_the_body_as_it_stands_at_the_ministry(
    client, language, footer, topics_intro
):
    html = client.get(f"/{language}/topics/").content.decode()

    assert footer in html
    assert topics_intro in html


def test_the_kazakh_vocabularies_use_the_glossarys_terms(client, demo):
    topics = client.get("/kk/topics/").content.decode()
    assert "Адам құқықтары жөніндегі ұлттық институт (Адам құқықтары жөніндегі уәкіл)" in topics
    assert "Мигранттар, босқындар, пана іздеген адамдар және азаматтығы жоқ адамдар" in topics
    assert "Бала құқықтары; ювеналдық юстиция" in topics
    assert "баспана іздеушілер" not in topics

    recommendations = client.get("/kk/recommendations/").content.decode()
    assert "Мүддесі қозғалатын топ" in recommendations
    assert "Босқындар және пана іздеген адамдар" in recommendations


def test_an_organisation_without_a_kazakh_acronym_shows_its_full_kazakh_name(client, demo):
    html = client.get("/kk/organisations/ohchr/").content.decode()

    assert heading(html) == "БҰҰ Адам құқықтары жөніндегі Жоғарғы комиссарының басқармасы"
    # Where a language has its acronym, it still shows.
    assert heading(client.get("/ru/organisations/ohchr/").content.decode()).endswith("(УВКПЧ)")


@pytest.mark.parametrize(
    ("language", "document_kind", "meeting_format"),
    [("ru", "Оценочный доклад", "Гибридный"), ("kk", "Бағалау есебі", "Аралас")],
)
def test_a_meeting_page_names_its_format_and_its_documents_kinds(
    client, language, document_kind, meeting_format
):
    meeting = factories.meeting(format="hybrid")
    factories.document(meeting=meeting, kind="evaluation", url="https://example.org/e.pdf")

    html = client.get(f"/{language}{meeting.get_absolute_url()}").content.decode()

    assert meeting_format in html
    assert document_kind in html


# Dates and numbers.

OCTOBER_22 = datetime.datetime(2021, 10, 22, 15, 5)


@pytest.mark.parametrize(
    ("language", "date", "time", "date_time", "short_date_time", "month_day", "year_month"),
    [
        (
            "kk",
            "2021 жылғы 22 қазан",
            "15:05",
            "2021 жылғы 22 қазан, 15:05",
            "22.10.2021 15:05",
            "22 қазан",
            "2021 жылғы қазан",
        ),
        (
            "ru",
            "22 октября 2021 г.",
            "15:05",
            "22 октября 2021 г. 15:05",
            "22.10.2021 15:05",
            "22 октября",
            "Октябрь 2021 г.",
        ),
    ],
)
def test_dates_and_times_are_written_in_each_languages_normative_order(
    language, date, time, date_time, short_date_time, month_day, year_month
):
    with translation.override(language):
        assert date_format(OCTOBER_22.date()) == date
        assert time_format(OCTOBER_22.time()) == time
        assert date_format(OCTOBER_22, "DATETIME_FORMAT") == date_time
        assert date_format(OCTOBER_22, "SHORT_DATETIME_FORMAT") == short_date_time
        assert date_format(OCTOBER_22, "MONTH_DAY_FORMAT") == month_day
        assert date_format(OCTOBER_22, "YEAR_MONTH_FORMAT") == year_month
        assert number_format(1234567, force_grouping=True) == "1\xa0234\xa0567"


@pytest.mark.parametrize(
    ("language", "written"), [("kk", "2021 жылғы 22 қазан"), ("ru", "22 октября 2021 г.")]
)
def test_a_meeting_page_shows_its_date_in_the_readers_language(client, language, written):
    meeting = factories.meeting(date=datetime.date(2021, 10, 22))

    html = client.get(f"/{language}{meeting.get_absolute_url()}").content.decode()

    assert f'<time datetime="2021-10-22">{written}</time>' in html


def test_the_russian_admin_date_hierarchy_writes_the_day_and_month_in_the_genitive(
    client, admin_user
):
    factories.meeting(date=datetime.date(2021, 10, 22))
    client.force_login(admin_user)

    html = client.get("/ru/admin/meetings/meeting/?date__year=2021&date__month=10").content
    html = html.decode()

    assert "22 октября" in html
    assert "22 Октябрь" not in html


def meeting_form(date: str) -> dict:
    """A new meeting as the admin's add page posts it: no agenda, participants or documents."""
    empty_inlines = {}
    for prefix in ("agenda_items", "participants", "documents"):
        empty_inlines |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return {
        "title_en": "Extraordinary meeting",
        "slug": "extraordinary-meeting",
        "date": date,
        "format": "online",
        "kind": "extraordinary",
        **empty_inlines,
    }


def test_the_kazakh_admin_accepts_a_date_written_day_first(client, admin_user):
    client.force_login(admin_user)

    response = client.post("/kk/admin/meetings/meeting/add/", meeting_form("22.10.2021"))

    assert response.status_code == 302, response.context and response.context["errors"]
    assert Meeting.objects.get(slug="extraordinary-meeting").date == datetime.date(2021, 10, 22)


def test_the_kazakh_admin_never_reads_a_slashed_date_month_first(client, admin_user):
    client.force_login(admin_user)

    response = client.post("/kk/admin/meetings/meeting/add/", meeting_form("03/04/2021"))

    assert response.status_code == 200  # the form again, with its error
    assert not Meeting.objects.filter(slug="extraordinary-meeting").exists()


def test_the_kazakh_admin_shows_a_stored_date_day_first(client, admin_user):
    meeting = factories.meeting(date=datetime.date(2021, 10, 22))
    client.force_login(admin_user)

    html = client.get(f"/kk/admin/meetings/meeting/{meeting.pk}/change/").content.decode()

    assert 'value="22.10.2021"' in html


# Django's own admin strings, corrected where Django's Russian or Kazakh is wrong.


def test_the_russian_admin_confirms_an_addition_whatever_the_models_gender(client, admin_user):
    # A topic is feminine (тема): Django's Russian would say «тема … был успешно добавлен».
    client.force_login(admin_user)

    response = client.post(
        "/ru/admin/meetings/topic/add/",
        {"name_en": "Freedom of assembly", "slug": "freedom-of-assembly"},
        follow=True,
    )

    messages = [re.sub(r"<[^>]+>", "", str(m)) for m in response.context["messages"]]
    assert messages == ["Объект «Freedom of assembly» (тема) успешно добавлен."]


def test_the_russian_admin_asks_for_enough_characters_in_the_genitive(client, admin_user):
    client.force_login(admin_user)

    html = client.get("/ru/admin/dialogue_platform/user/add/").content.decode()

    # Django's own: «Ваш пароль должен содержать как минимум 8 символов.»
    assert "Ваш пароль должен содержать не менее 8 символов." in html


def test_a_russian_count_of_one_character_takes_the_genitive():
    with translation.override("ru"):
        message = ngettext(
            "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
            1,
        ) % {"limit_value": 1, "show_value": 0}

    assert message == "Убедитесь, что это значение содержит не менее 1 символа (сейчас 0)."


def test_the_kazakh_admin_names_the_record_it_changes_after_a_colon(client, admin_user):
    meeting = factories.meeting()
    client.force_login(admin_user)

    html = client.get(f"/kk/admin/meetings/meeting/{meeting.pk}/change/").content.decode()

    assert "<h1>Өзгерту: отырыс</h1>" in html  # not «отырыс өзгерту», with no accusative


def test_the_projects_own_catalogue_wins_over_djangos(client, admin_user):
    # "Breadcrumbs" is in Django's Russian admin catalogue («Хлебные крошки») and in the
    # project's, which the public pages share.
    client.force_login(admin_user)

    html = client.get("/ru/admin/meetings/meeting/").content.decode()

    assert 'aria-label="Навигационная цепочка"' in html
    assert "Хлебные крошки" not in html


# The glossary check (make messages-check).


def planted_catalogue(tmp_path: Path, language: str, entries: str) -> Path:
    directory = tmp_path / "locale" / language / "LC_MESSAGES"
    directory.mkdir(parents=True)
    (directory / "django.po").write_text(
        f'msgid ""\nmsgstr "Language: {language}\\n"\n\n{entries}', encoding="utf-8"
    )
    return tmp_path / "locale"


def test_the_glossary_check_flags_a_translation_that_misses_a_term(tmp_path):
    locale = planted_catalogue(
        tmp_path,
        "kk",
        'msgid "Affected groups"\nmsgstr "Қамтылатын топтар"\n\n'
        'msgid "Meetings"\nmsgstr "Отырыстар"\n\n'
        'msgid "%(counter)s recommendation"\nmsgid_plural "%(counter)s recommendations"\n'
        'msgstr[0] "%(counter)s ұсыныс"\nmsgstr[1] "%(counter)s ұсыным"\n',
    )

    found = glossary.check_catalogues([locale])

    assert [(miss.english, miss.term.row) for miss in found] == [
        ("Affected groups", "35"),
        ("%(counter)s recommendation", "18"),  # «ұсыныс» is a proposal
    ]


def test_the_glossary_check_matches_inflected_forms_and_ignores_what_is_not_words(tmp_path):
    locale = planted_catalogue(
        tmp_path,
        "ru",
        'msgid "Adopted at"\nmsgstr "Принята на заседании"\n\n'
        'msgid "Dialogue Platform meetings"\nmsgstr "Заседания Диалоговой площадки"\n\n'
        'msgid "Import with import_recommendations"\nmsgstr "Импорт командой import_recommendations"\n\n'
        'msgid "Columns of /recommendations/export.csv"\nmsgstr "Столбцы выгрузки /recommendations/export.csv"\n',
    )

    assert glossary.check_catalogues([locale]) == []


def test_the_glossary_check_spares_an_allowed_exception_and_no_other(tmp_path):
    english = "Wait %(minutes)s minutes, then sign in again with the correct password. Each "
    english += "attempt made while the account is locked starts the %(minutes)s minutes again."
    terms = glossary.load_terms()
    pairs = [(english, "Подождите %(minutes)s мин."), ("Minutes", "Минуты")]

    found = list(glossary.misses("planted", "ru", pairs, terms))

    assert [(miss.english, miss.term.row) for miss in found] == [("Minutes", "14")]


def test_the_real_catalogues_and_vocabularies_use_the_glossarys_terms():
    assert [str(miss) for miss in glossary.check_catalogues(LOCALE_PATHS)] == []
    assert [str(miss) for miss in glossary.check_vocabularies()] == []


# The hand-kept catalogue of Django's strings.


def test_makemessages_leaves_the_hand_kept_catalogue_alone(tmp_path):
    hand_kept = LOCALE_PATHS[1]
    before = {path.relative_to(hand_kept): path.read_bytes() for path in hand_kept.rglob("*.po")}
    command = check_translations.Command()

    check_translations.Command.makemessages(
        command, Path(settings.BASE_DIR), LOCALE_PATHS[0], ["ru", "kk"], tmp_path / "src"
    )

    copied = tmp_path / "src" / hand_kept.name
    after = {path.relative_to(copied): path.read_bytes() for path in copied.rglob("*.po")}
    assert after == before
    assert (tmp_path / "src" / "locale" / "kk" / "LC_MESSAGES" / "django.po").exists()


def test_the_check_lists_admin_strings_that_nothing_translates_into_kazakh(tmp_path):
    command = check_translations.Command()
    kazakh_dirs = [locale / "kk" / "LC_MESSAGES" for locale in LOCALE_PATHS]

    assert command.uncovered_django_gaps(kazakh_dirs) == []
    # Without the project's catalogues, Django's own Kazakh leaves these untranslated.
    uncovered = command.uncovered_django_gaps([tmp_path])
    assert "contrib/admin (django): View site" in uncovered
    assert "contrib/admin (djangojs): Choose all %s" in uncovered
