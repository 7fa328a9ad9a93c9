"""Which language a reader sees a content field in: the reader's, then its fallbacks
(MODELTRANSLATION_FALLBACK_LANGUAGES), each once; the first of them the record has a value
in is shown, with the language it is in, so that a page, an export or the API can say so.

Every place that shows a translated field picks it here, so they cannot disagree about
which text a reader gets: the {% translated %} tag, the open-data export (which reads the
raw `field_<code>` columns: modeltranslation's own fallback costs more than the rest of it)
and, later, the API, which marks a fallback per field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from django.conf import settings
from django.utils.translation import get_language


class Translation(NamedTuple):
    """A content field as a reader sees it. (A tuple: the export builds one per row.)"""

    text: str
    language: str  # the language `text` is written in
    fallback: bool  # True when the reader's language has none, so `text` is another's


def content_languages() -> list[str]:
    """The reader's language, then its fallbacks, each once."""
    current = get_language() or settings.LANGUAGE_CODE
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    order = [current, *fallbacks.get(current, fallbacks["default"])]
    return list(dict.fromkeys(code for code in order if code in dict(settings.LANGUAGES)))


def first_translation(
    values: Mapping[str, str | None], languages: Sequence[str] | None = None
) -> Translation:
    """The first non-empty value of `values` (by language code) in the order of `languages`,
    content_languages() unless given (pass it when picking for many records: it is the same
    for all of them). With no value at all: an empty text in the reader's language."""
    order = content_languages() if languages is None else languages
    for code in order:
        if text := values.get(code):
            return Translation(text, code, code != order[0])
    return Translation("", order[0], False)


def translated(obj: object, field: str, languages: Sequence[str] | None = None) -> Translation:
    """`obj`'s `field` as the reader sees it, from its `<field>_<code>` attributes. A field
    that is not translated, or has no value in any language, is shown as `obj.<field>` is."""
    order = content_languages() if languages is None else languages
    found = first_translation(
        {code: getattr(obj, f"{field}_{code}", None) for code in order}, order
    )
    return found if found.text else Translation(getattr(obj, field, "") or "", order[0], False)
