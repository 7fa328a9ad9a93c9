"""A search word finds the other forms of the word, in English, Russian and Kazakh, on
SQLite and on PostgreSQL alike (the suite runs on both): real queries with the records each
must find and must not find."""

import pytest
from django.urls import reverse

from recommendations.models import Recommendation

from . import factories

pytestmark = pytest.mark.django_db

TEXTS = {
    "EN-TORTURE": {"text_en": "Investigate every allegation of torture in places of detention."},
    "EN-SHELTER": {"text_en": "Fund a shelter for victims of domestic violence in each region."},
    "EN-POLICY": {"text_en": "Adopt a policy on the inclusion of persons with disabilities."},
    "RU-TORTURE": {
        "text_ru": "Обеспечить расследование каждого заявления о пытках в местах лишения свободы."
    },
    "RU-LAWYER": {"text_ru": "Гарантировать доступ к адвокату с момента задержания."},
    "RU-FEAR": {"text_ru": "Снизить страх пострадавших перед обращением в полицию."},
    "KK-RECOMMENDATIONS": {"text_kk": "Ұсынымдардың орындалуын бағалау нәтижелерін жариялау."},
    "KK-PROPOSALS": {"text_kk": "Азаматтық қоғамның ұсыныстарын қарау тәртібін бекіту."},
    "KK-WOMEN": {
        "text_kk": "Әйелдерге қатысты зорлық-зомбылықтың алдын алу жөніндегі заңды күшейту."
    },
    "KK-CHILDREN": {
        "text_kk": "Балалардың құқықтарын қорғау жөніндегі уәкілдің өкілеттіктерін кеңейту."
    },
}

# query, the records it must find, records it must not find
QUERIES = [
    # English: the forms Snowball's English stemmer joins
    ("tortured", {"EN-TORTURE"}, {"EN-SHELTER", "RU-TORTURE"}),
    ("shelters", {"EN-SHELTER"}, {"EN-TORTURE"}),
    ("policies", {"EN-POLICY"}, {"EN-SHELTER"}),
    ("investigations", {"EN-TORTURE"}, {"EN-POLICY"}),
    # Russian: another case of the same word
    ("пытки", {"RU-TORTURE"}, {"RU-LAWYER"}),
    ("заявлениям", {"RU-TORTURE"}, {"RU-LAWYER"}),
    ("адвоката задержании", {"RU-LAWYER"}, {"RU-TORTURE"}),
    ("страны", set(), {"RU-FEAR"}),  # «стран», not a stem «стра» that «страх» begins with
    # Kazakh: the word with its plural, possessive and case endings, either way round
    ("ұсыным", {"KK-RECOMMENDATIONS"}, {"KK-PROPOSALS"}),
    ("ұсынымдар", {"KK-RECOMMENDATIONS"}, {"KK-PROPOSALS"}),
    ("ұсыныс", {"KK-PROPOSALS"}, {"KK-RECOMMENDATIONS"}),
    ("әйелдер", {"KK-WOMEN"}, {"KK-CHILDREN"}),
    ("баланың", {"KK-CHILDREN"}, {"KK-WOMEN"}),
    ("құқығы", {"KK-CHILDREN"}, {"KK-PROPOSALS"}),  # «құқық» + «ы»: the қ turns ғ
    ("бағалау", {"KK-RECOMMENDATIONS"}, {"KK-CHILDREN"}),
]


@pytest.fixture
def texts(db):
    # References that share no word with the texts (a reference is searched too).
    for n, text in enumerate(TEXTS.values(), start=1):
        factories.recommendation(
            reference=f"CAB-2020-{n:03d}", **{"text_en": "", "text_ru": "", "text_kk": "", **text}
        )


@pytest.mark.parametrize(("query", "must_find", "must_not_find"), QUERIES)
def test_a_query_finds_the_other_forms_of_its_words(texts, query, must_find, must_not_find):
    names = {f"CAB-2020-{n:03d}": name for n, name in enumerate(TEXTS, start=1)}
    references = Recommendation.objects.published().search(query).values_list("reference")
    found = {names[reference] for (reference,) in references}
    assert must_find <= found
    assert not must_not_find & found


def test_the_search_page_highlights_the_form_the_record_uses(client, texts):
    body = client.get(reverse("search"), {"q": "пытки"}).content.decode()
    assert "<mark>пытках</mark>" in body
    body = client.get(reverse("search"), {"q": "ұсынымдар"}).content.decode()
    assert "<mark>Ұсынымдардың</mark>" in body
