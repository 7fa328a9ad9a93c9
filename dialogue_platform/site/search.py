"""/search/: one search over meetings, agenda items, documents and recommendations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from dialogue_platform.core.search import MAX_QUERY_LENGTH, snippet
from meetings.models import AgendaItem, Document, Meeting
from recommendations.models import Recommendation

PER_KIND = 5  # results shown per kind on the overview; "see all" lists the rest


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=MAX_QUERY_LENGTH, strip=True)
    kind = forms.ChoiceField(required=False, choices=[])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "")] + [(k.slug, k.label) for k in KINDS]


@dataclass
class Hit:
    title: str
    url: str
    snippet: SafeString
    meta: str
    is_illustrative: bool = False


@dataclass
class Kind:
    slug: str
    label: Promise
    queryset: Callable[[], QuerySet]
    hit: Callable[[object, str], Hit]

    def all_url(self, query: str) -> str:
        if self.slug == "recommendations":
            return f"{reverse('recommendations:list')}?{urlencode({'q': query})}"
        return f"{reverse('search')}?{urlencode({'q': query, 'kind': self.slug})}"


def illustrative_hit(hit: Hit, record: object) -> Hit:
    """The hit, marked if its record is illustrative (every kind searched carries the flag)."""
    hit.is_illustrative = record.is_illustrative
    return hit


def meeting_hit(meeting: Meeting, query: str) -> Hit:
    return Hit(meeting.title, meeting.get_absolute_url(), snippet(meeting.summary, query),
               f"{meeting.date:%Y-%m-%d}")  # fmt: skip


def agenda_item_hit(item: AgendaItem, query: str) -> Hit:
    text = " ".join(t for t in (item.title, item.description, item.outcome) if t)
    return Hit(item.title, item.get_absolute_url(), snippet(text, query),
               f"{item.meeting.date:%Y-%m-%d} · {item.meeting.title}")  # fmt: skip


def document_hit(document: Document, query: str) -> Hit:
    text = document.description or document.title
    return Hit(document.title, document.get_absolute_url(), snippet(text, query),
               str(document.get_kind_display()))  # fmt: skip


def recommendation_hit(rec: Recommendation, query: str) -> Hit:
    return Hit(rec.reference, rec.get_absolute_url(), snippet(rec.text, query),
               f"{rec.year} · {rec.get_status_display()}")  # fmt: skip


KINDS = [
    Kind("recommendations", _("Recommendations"), lambda: Recommendation.objects.published(),
         recommendation_hit),
    Kind("meetings", _("Meetings"), lambda: Meeting.objects.published(), meeting_hit),
    Kind("agenda-items", _("Agenda items"),
         lambda: AgendaItem.objects.published().select_related("meeting"), agenda_item_hit),
    Kind("documents", _("Documents"), lambda: Document.objects.published(), document_hit),
]  # fmt: skip
