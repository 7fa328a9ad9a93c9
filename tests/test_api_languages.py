"""The API answers in the language asked for (`?lang=` or Accept-Language), marks each
field shown in another language, and gives every language with `?lang=all`."""

import pytest
from django.utils import translation

from recommendations.models import Status

from .test_visibility import add_plans

pytestmark = pytest.mark.django_db


def meeting(client, record, query: str = "", **headers) -> dict:
    response = client.get(f"/api/v1/meetings/{record.meeting.slug}/{query}", **headers)
    assert response.status_code == 200
    return response.json()


def test_english_by_default(client, record):
    found = meeting(client, record)
    assert found["title"] == {"text": record.meeting.title, "language": "en", "fallback": False}


def test_the_language_asked_for_with_fallbacks_marked_per_field(client, record):
    found = meeting(client, record, "?lang=ru")
    assert found["title"] == {"text": record.meeting.title_ru, "language": "ru", "fallback": False}
    first, second = found["agenda_items"]
    assert first["title"] == {"text": record.item.title_ru, "language": "ru", "fallback": False}
    # No Russian title: the English one, marked.
    assert second["title"] == {"text": record.second_item.title, "language": "en", "fallback": True}


def test_kazakh_falls_back_to_russian_first(client, record):
    found = meeting(client, record, "?lang=kk")
    assert found["title"]["text"] == record.meeting.title_kk
    first = found["agenda_items"][0]
    assert first["title"] == {"text": record.item.title_ru, "language": "ru", "fallback": True}


def test_accept_language_chooses_when_lang_is_not_given(client, record):
    response = client.get(f"/api/v1/meetings/{record.meeting.slug}/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.json()["title"]["text"] == record.meeting.title_ru
    assert response["Content-Language"] == "ru"
    assert "Accept-Language" in response["Vary"]
    asked = client.get(
        f"/api/v1/meetings/{record.meeting.slug}/?lang=kk", HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert asked.json()["title"]["language"] == "kk"


def test_every_language_on_request(client, record):
    found = meeting(client, record, "?lang=all")
    assert found["title"] == {
        "en": record.meeting.title,
        "ru": record.meeting.title_ru,
        "kk": record.meeting.title_kk,
    }
    assert found["agenda_items"][1]["title"] == {"en": record.second_item.title, "ru": "", "kk": ""}


def test_lists_and_facet_labels_follow_the_language(client, record):
    listed = client.get("/api/v1/recommendations/?lang=ru").json()
    adopted = next(r for r in listed["results"] if r["reference"] == record.adopted.reference)
    assert adopted["text"] == {"text": record.adopted.text_ru, "language": "ru", "fallback": False}
    labels = {f["value"]: f["label"] for f in listed["facets"]["topic"]}
    assert labels["torture-prevention"] == "Предупреждение пыток"


def test_an_acronym_left_empty_in_a_language_stays_empty_as_on_the_site(client, record):
    found = client.get("/api/v1/organisations/kbhr/?lang=ru").json()
    # Never given in Russian: the English one, marked, as the pages show it.
    assert found["short_name"] == {"text": "KBHR", "language": "en", "fallback": True}
    record.ngo.short_name_ru = ""  # what the admin saves for "none in Russian"
    record.ngo.save()
    found = client.get("/api/v1/organisations/kbhr/?lang=ru").json()
    assert found["short_name"] == {"text": "", "language": "ru", "fallback": False}
    assert found["name"]["fallback"] is True


def test_an_unknown_language_is_a_400(client, record):
    response = client.get("/api/v1/topics/?lang=fr")
    assert response.status_code == 400
    assert list(response.json()) == ["lang"]


def test_plans_records_in_the_language_asked_for_with_fallbacks_marked(client, record):
    add_plans(record)
    record.activity.title_ru = "Мониторинг мест содержания под стражей"
    record.activity.deadline = "2025"
    record.activity.save()
    url = f"/api/v1/plans/{record.plan.slug}/activities/"
    listed = client.get(f"{url}?lang=ru").json()
    found = listed["results"][0]
    assert found["title"] == {"text": record.activity.title_ru, "language": "ru", "fallback": False}
    assert found["deadline"] == {"text": "2025", "language": "en", "fallback": True}
    with translation.override("ru"):
        assert [f["label"] for f in listed["facets"]["status"]] == [str(Status.NOT_ASSESSED.label)]
    every = client.get(f"{url}{record.activity.number}/?lang=all").json()
    assert every["title"] == {"en": record.activity.title, "ru": record.activity.title_ru, "kk": ""}
    outside = client.get(f"/api/v1/un-recommendations/{record.outside.slug}/?lang=kk").json()
    assert outside["text"] == {"text": record.outside.text, "language": "en", "fallback": True}
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="ru").json() == listed
