"""The window of a text around its first matched word, with the matches highlighted: a
query word highlights every word that begins with its stem, as the search matched it."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .query import positive_terms
from .stemming import is_word, stem


def snippet(text: str, query: str, width: int = 220) -> SafeString:
    """A window of `text` around the first matched word, escaped, with matches in <mark>."""
    terms = sorted(
        {stem(t) if is_word(t) else t for t in positive_terms(query)}, key=len, reverse=True
    )
    folded_text = text.casefold()
    starts = [i for i in (folded_text.find(t) for t in terms) if i >= 0]
    start = max(0, min(starts) - width // 3) if starts else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    window = text[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    if not terms:
        return mark_safe(escape(prefix + window + suffix))
    # casefold() can change lengths for a few characters; fall back to no highlighting then.
    if len(window.casefold()) != len(window):
        return mark_safe(escape(prefix + window + suffix))
    pattern = re.compile(
        "|".join(re.escape(t) + (r"\w*" if is_word(t) else "") for t in terms), re.IGNORECASE
    )
    out, last = [], 0
    for match in pattern.finditer(window):
        out += [escape(window[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        last = match.end()
    out.append(escape(window[last:]))
    return mark_safe(escape(prefix) + "".join(out) + escape(suffix))
