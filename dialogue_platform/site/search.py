"""/search/: one search over meetings, agenda items, documents, recommendations, action
plans, plan activities and UN (outside) recommendations."""

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

from core.search import MAX_QUERY_LENGTH, snippet
from meetings.models import AgendaItem, Document, Meeting
from plans.models import ActionPlan, Activity, OutsideRecommendation
from recommendations.models import Recommendation

PER_KIND = 5  # results shown per kind on the overview; "see all" lists the rest
# The kinds whose own list takes `q`: "see all" goes there, with that list's filters.
# Activities span plans, so theirs stays on /search/.
LISTS = {"recommendations": "recommendations:list", "un-recommendations": "upr:list"}


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
        if lists := LISTS.get(self.slug):
            return f"{reverse(lists)}?{urlencode({'q': query})}"
        return f"{reverse('search')}?{urlencode({'q': query, 'kind': self.slug})}"


def illustrative_hit(hit: Hit, record: object) -> Hit:
    """The hit, marked if its record is illustrative (an action plan is always a real one,
    and has no flag: only its sections and activities may be made up)."""
    hit.is_illustrative = getattr(record, "is_illustrative", False)
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


def plan_hit(plan: ActionPlan, query: str) -> Hit:
    adopted = f"{plan.adopted_on:%Y-%m-%d}" if plan.adopted_on else ""
    return Hit(plan.title, plan.get_absolute_url(), snippet(plan.description or plan.title, query),
               " · ".join(filter(None, [adopted, plan.legal_act_number])))  # fmt: skip


def activity_hit(activity: Activity, query: str) -> Hit:
    text = " ".join(t for t in (activity.title, activity.expected_outcome) if t)
    return Hit(f"{activity.number}. {activity.title}", activity.get_absolute_url(),
               snippet(text, query),
               " · ".join(filter(None, [activity.plan.title, activity.deadline])))  # fmt: skip


def outside_hit(outside: OutsideRecommendation, query: str) -> Hit:
    meta = [outside.get_mechanism_display(), outside.recommending_state or outside.body,
            outside.get_response_display()]  # fmt: skip
    return Hit(str(outside), outside.get_absolute_url(), snippet(outside.text, query),
               " · ".join(str(m) for m in meta if m))  # fmt: skip


KINDS = [
    Kind("recommendations", _("Recommendations"), lambda: Recommendation.objects.published(),
         recommendation_hit),
    Kind("meetings", _("Meetings"), lambda: Meeting.objects.published(), meeting_hit),
    Kind("agenda-items", _("Agenda items"),
         lambda: AgendaItem.objects.published().select_related("meeting"), agenda_item_hit),
    Kind("documents", _("Documents"), lambda: Document.objects.published(), document_hit),
    # Drafts never: a plan's activities are public with their plan.
    Kind("plans", _("Action plans"), lambda: ActionPlan.objects.published(), plan_hit),
    Kind("activities", _("Activities"),
         lambda: Activity.objects.published().select_related("plan"), activity_hit),
    Kind("un-recommendations", _("UN recommendations"),
         lambda: OutsideRecommendation.objects.published(), outside_hit),
]  # fmt: skip
