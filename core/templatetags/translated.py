"""{% translated obj "field" %}: a content field in the reader's language or, where it has
not been translated yet, in the language it exists in, marked as such (never empty). Which
text that is, languages.translated() decides, as it does for the exports."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from core import languages

register = template.Library()

SHOWN_IN = {
    "en": _("shown in English"),
    "ru": _("shown in Russian"),
    "kk": _("shown in Kazakh"),
}


class ShownTranslation(languages.Translation):
    """A Translation as a page shows it: `{{ t }}` inline, or `t.text` and `t.marker` apart."""

    __slots__ = ()

    def __str__(self) -> str:
        return self.text

    def marker(self) -> SafeString:
        if not self.fallback:
            return SafeString("")
        return format_html(' <small class="fallback">({})</small>', SHOWN_IN[self.language])

    def __html__(self) -> SafeString:
        """Inline use: the text tagged with its language, and the marker if it is a fallback."""
        if not self.fallback:
            return format_html("{}", self.text)
        return format_html('<span lang="{}">{}</span>{}', self.language, self.text, self.marker())


@register.simple_tag
def translated(obj: object, field: str) -> ShownTranslation:
    return ShownTranslation(*languages.translated(obj, field))
