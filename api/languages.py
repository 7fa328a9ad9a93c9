"""Which language the API answers in: `?lang=en|ru|kk`, else the Accept-Language header
(LocaleMiddleware), and `?lang=all` for every language of each translated field. A field
shown in another language than the one asked for is marked, as the pages mark it
(core/languages.py picks the text for both)."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language_from_request
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.languages import content_languages, translated

ALL = "all"
CODES = [code for code, _ in settings.LANGUAGES]
CHOICES = [*CODES, ALL]

ONE_LANGUAGE = {
    "type": "object",
    "description": "The text in the language asked for or, where it has none, in the first "
    "language it falls back to: `language` names the language `text` is in, and `fallback` "
    "is true when that is not the one asked for.",
    "properties": {
        "text": {"type": "string"},
        "language": {"type": "string", "enum": CODES},
        "fallback": {"type": "boolean"},
    },
    "required": ["text", "language", "fallback"],
    "additionalProperties": False,
}
EVERY_LANGUAGE = {
    "type": "object",
    "description": "With `lang=all`: the text in each language (empty where there is none).",
    "properties": {code: {"type": "string"} for code in CODES},
    "required": CODES,
    "additionalProperties": False,
}


def requested(request: HttpRequest) -> str:
    """The language to answer in: `?lang=` (English for `all`, or an unknown code, which the
    view refuses), else the Accept-Language header's choice among ours."""
    lang = request.GET.get("lang")
    if lang is not None:
        return lang if lang in CODES else settings.LANGUAGE_CODE
    return get_language_from_request(request, check_path=False)


def reader_languages(lang: str | None) -> Sequence[str] | str:
    """The order a translated field's languages are tried in, or ALL for every language."""
    return ALL if lang == ALL else content_languages()


@extend_schema_field({"oneOf": [ONE_LANGUAGE, EVERY_LANGUAGE]})
class TranslatedField(serializers.Field):
    """A content field kept in three languages (django-modeltranslation's `<field>_<code>`
    columns), read from the instance without a query. `empty_stands`: only a language
    without any value (None) falls back, as modeltranslation's `fallback_undefined` makes the
    pages do (an acronym belongs to its language: see meetings/translation.py)."""

    def __init__(self, *, empty_stands: bool = False, **kwargs) -> None:
        self.empty_stands = empty_stands
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance: object) -> dict:
        name = self.field_name
        languages = self.context.get("languages") or content_languages()
        if languages == ALL:
            return {code: getattr(instance, f"{name}_{code}", "") or "" for code in CODES}
        if self.empty_stands:
            for code in languages:
                if (value := getattr(instance, f"{name}_{code}", None)) is not None:
                    return {"text": value, "language": code, "fallback": code != languages[0]}
            return {"text": "", "language": languages[0], "fallback": False}
        shown = translated(instance, name, languages)
        return {"text": shown.text, "language": shown.language, "fallback": shown.fallback}
