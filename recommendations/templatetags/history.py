"""Tags of the implementation-history block (templates/includes/assessment_history.html),
which a recommendation's and a plan activity's pages share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from recommendations.models import (
    ORIGIN_OF,
    AssessmentBase,
    AssessmentOrigin,
    account_and_evaluation,
)

register = template.Library()


class SideBySide(NamedTuple):
    """The state's latest account of an item (what sets its status) and the latest
    independent evaluation of it."""

    account: AssessmentBase | None
    evaluation: AssessmentBase


@register.simple_tag
def origin_label(entry: AssessmentBase) -> SafeString:
    """The entry's origin as AssessmentBase.origin_label words it, the body's name a link
    to its page."""
    message = ORIGIN_OF.get(entry.origin)
    body = entry.assessed_by
    if not (message and body):
        return escape(AssessmentOrigin(entry.origin).label)
    link = format_html('<a href="{}">{}</a>', body.get_absolute_url(), body.name)
    # The message is escaped before the (already safe) link goes in.
    return mark_safe(escape(str(message)) % {"body": link})


@register.simple_tag
def side_by_side(history: Sequence[AssessmentBase]) -> SideBySide | None:
    """The latest evaluation and, beside it, the latest entry that sets the status; None
    when nobody has evaluated the item. `history` is newest first."""
    account, evaluation = account_and_evaluation(history)
    return SideBySide(account, evaluation) if evaluation else None
