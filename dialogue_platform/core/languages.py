"""The order in which a content field's languages are tried: the reader's, then its
fallbacks (MODELTRANSLATION_FALLBACK_LANGUAGES), each once."""

from django.conf import settings
from django.utils.translation import get_language


def content_languages() -> list[str]:
    current = get_language() or settings.LANGUAGE_CODE
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    order = [current, *fallbacks.get(current, fallbacks["default"])]
    return list(dict.fromkeys(code for code in order if code in dict(settings.LANGUAGES)))
