"""A body's scorecard on its organisation page: what is addressed to it by status (its
recommendations and plan activities), how many of its activities are overdue, the last of
its reports the secretariat published, and how often it reported on time in the last
rounds. Every number is counted in the database, in a fixed number of queries, and only
from what is public: published items, and reports through the history entries publishing
wrote (a draft, submitted, returned or withdrawn report has none)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from core.languages import content_languages, first_translation, translated
from meetings.models import Organisation
from plans.models import Activity, ActivityAssessment
from recommendations.models import Assessment, AssessmentBase, AssessmentOrigin, Status
from reporting.models import Obligation, Report, ReportState

LAST_ROUNDS = 4  # rounds the on-time rate covers: about a year of quarterly meetings
REPORTED = [AssessmentOrigin.GOVERNMENT_REPORT, AssessmentOrigin.EVALUATION]


@dataclass(frozen=True)
class StatusRow:
    """How many of the body's recommendations and activities stand at one status."""

    value: str
    label: str
    recommendations: int
    activities: int

    @property
    def total(self) -> int:
        return self.recommendations + self.activities


@dataclass(frozen=True)
class RoundRow:
    """One past round: what the body owed, and how much of it it submitted by the due date."""

    pk: int
    title: str
    due_date: datetime.date
    owed: int
    on_time: int

    @property
    def rate(self) -> int:
        return percent(self.on_time, self.owed)


@dataclass(frozen=True)
class LastReport:
    """The body's latest published report (or evaluation): its history entry and item."""

    entry: AssessmentBase
    item: str  # how the item is named: a recommendation's reference, an activity's number
    url: str  # the entry in the item's history
    report: Report | None  # None for an entry recorded before reports were made online


@dataclass
class Scorecard:
    organisation: Organisation
    as_of: datetime.date
    statuses: list[StatusRow]
    overdue_activities: int
    last_report: LastReport | None
    rounds: list[RoundRow]

    @property
    def recommendations(self) -> int:
        return sum(row.recommendations for row in self.statuses)

    @property
    def activities(self) -> int:
        return sum(row.activities for row in self.statuses)

    @property
    def total(self) -> int:
        return self.recommendations + self.activities

    @property
    def owed(self) -> int:
        return sum(row.owed for row in self.rounds)

    @property
    def on_time(self) -> int:
        return sum(row.on_time for row in self.rounds)

    @property
    def rate(self) -> int:
        return percent(self.on_time, self.owed)

    @property
    def is_empty(self) -> bool:
        return not (self.total or self.last_report or self.rounds)


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def scorecard(
    organisation: Organisation,
    *,
    recommendation_counts: list[tuple[str, str, int]],
    today: datetime.date,
) -> Scorecard:
    """The scorecard of `organisation` on `today`. `recommendation_counts` are its
    published recommendations by status ((value, label, count), as the page already has
    them from the facet index): four more queries, whatever the number of items."""
    recommendations = {value: count for value, _label, count in recommendation_counts}
    activities, overdue = activities_by_status(organisation, today)
    statuses = [
        StatusRow(value, label, recommendations.get(value, 0), activities.get(value, 0))
        for value, label in Status.choices
        if recommendations.get(value) or activities.get(value)
    ]
    return Scorecard(
        organisation=organisation,
        as_of=today,
        statuses=statuses,
        overdue_activities=overdue,
        last_report=last_report(organisation),
        rounds=past_rounds(organisation, today),
    )


def activities_by_status(
    organisation: Organisation, today: datetime.date
) -> tuple[dict[str, int], int]:
    """{status: count} of the published activities the body leads or co-implements, and
    how many of them are overdue on `today` (plans' rule), in one GROUP BY."""
    rows = (
        Activity.objects.published()
        .filter(bodies__organisation=organisation)
        .with_overdue(today)
        .order_by()
        .values("status")
        .annotate(
            count=Count("pk", distinct=True),
            overdue=Count("pk", distinct=True, filter=Q(is_overdue=True)),
        )
    )
    counts, overdue = {}, 0
    for row in rows:
        counts[row["status"]] = row["count"]
        overdue += row["overdue"]
    return counts, overdue


def last_report(organisation: Organisation) -> LastReport | None:
    """The latest history entry in which the body speaks for itself (a government report)
    or evaluates (an NGO), on a published item: what publishing a report writes. One query
    for recommendations, one for activities."""
    recommendation_entry = (
        Assessment.objects.filter(
            assessed_by=organisation, origin__in=REPORTED, recommendation__is_published=True
        )
        .select_related("recommendation", "report")
        .order_by("-date", "-created", "-pk")
        .first()
    )
    activity_entry = (
        ActivityAssessment.objects.filter(
            assessed_by=organisation, origin__in=REPORTED, activity__plan__is_published=True
        )
        .select_related("activity__plan", "report")
        .order_by("-date", "-created", "-pk")
        .first()
    )
    found = [e for e in (recommendation_entry, activity_entry) if e is not None]
    if not found:
        return None
    entry = max(found, key=lambda e: (e.date, e.created))
    if isinstance(entry, Assessment):
        item, name = entry.recommendation, entry.recommendation.reference
    else:
        item = entry.activity
        name = _("Activity %(number)s, %(plan)s") % {
            "number": item.number,
            "plan": translated(item.plan, "title").text,
        }
    # A report is the entry's only if it really was published (the entry is public).
    report = getattr(entry, "report", None)
    if report is not None and report.state != ReportState.PUBLISHED:
        report = None
    return LastReport(entry, name, f"{item.get_absolute_url()}#assessment-{entry.pk}", report)


def past_rounds(organisation: Organisation, today: datetime.date) -> list[RoundRow]:
    """The last rounds whose due date has passed, newest first, each with what the body
    owed and how much of it it submitted by the due date: a report on the item, by the
    body, submitted after the round opened and on or before its due date, and not since
    withdrawn or returned. One query."""
    on_time = Report.objects.filter(
        Q(recommendation=OuterRef("recommendation")) | Q(activity=OuterRef("activity")),
        organisation=OuterRef("organisation"),
        state__in=[ReportState.SUBMITTED, ReportState.PUBLISHED],
        submitted_at__gte=OuterRef("round__opened_at"),
        submitted_at__date__lte=OuterRef("round__due_date"),
    )
    languages = content_languages()
    titles = [f"round__title_{code}" for code in languages]
    rows = (
        Obligation.objects.filter(
            organisation=organisation,
            round__opened_at__isnull=False,
            round__due_date__lt=today,
        )
        .values("round", "round__due_date", *titles)
        .annotate(owed=Count("pk"), on_time=Count("pk", filter=Exists(on_time)))
        .order_by("-round__due_date", "-round")[:LAST_ROUNDS]
    )
    return [
        RoundRow(
            pk=row["round"],
            title=first_translation(
                {code: row[f"round__title_{code}"] for code in languages}, languages
            ).text,
            due_date=row["round__due_date"],
            owed=row["owed"],
            on_time=row["on_time"],
        )
        for row in rows
    ]
