"""What a workspace page reads: the member's organisations, what is addressed to them and
owed by them, and their reports. Each a fixed number of queries, however many rows."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, IntegerField, QuerySet, Value, When

from meetings.models import Organisation
from plans.models import Activity
from recommendations.models import AssessmentOrigin, Recommendation
from reporting.models import MembershipRole, Obligation, Report, ReportState, Standing
from reporting.rules import may_report_for
from reporting.selectors import organisations_of

# The order a member reads their reports in: what waits for them first.
STATE_ORDER = [
    ReportState.RETURNED,
    ReportState.DRAFT,
    ReportState.SUBMITTED,
    ReportState.PUBLISHED,
    ReportState.WITHDRAWN,
]
STANDING_ORDER = [Standing.OVERDUE, Standing.DUE, Standing.UPCOMING, Standing.SUBMITTED]


def _in_order(field: str, values: list[str]) -> Case:
    return Case(
        *(When(**{field: value}, then=Value(n)) for n, value in enumerate(values)),
        output_field=IntegerField(),
    )


def member_reports(user) -> QuerySet[Report]:
    """The reports of the organisations `user` serves today: the only ones the workspace
    shows (another body's report is a 404, whoever asks)."""
    return Report.objects.filter(organisation__in=organisations_of(user)).select_related(
        "organisation", "recommendation", "activity__plan", "round"
    )


def reports_by_state(user) -> list[tuple[str, list[Report]]]:
    reports = member_reports(user).order_by(_in_order("state", STATE_ORDER), "-updated", "-pk")
    grouped: dict[str, list[Report]] = {}
    for report in reports:
        grouped.setdefault(report.state, []).append(report)
    return [(ReportState(state).label, grouped[state]) for state in STATE_ORDER if state in grouped]


def open_obligations(user) -> QuerySet[Obligation]:
    """What the user's bodies owe in the rounds that are open, overdue first, with where
    each stands today (computed in the query)."""
    return (
        Obligation.objects.with_standing()
        .filter(
            organisation__in=organisations_of(user, role=MembershipRole.FOCAL_POINT),
            round__opened_at__isnull=False,
        )
        .select_related("round", "organisation", "recommendation", "activity__plan")
        .order_by(_in_order("standing", STANDING_ORDER), "round__due_date", "pk")
    )


def addressed_recommendations(organisations: QuerySet[Organisation]) -> QuerySet:
    return (
        Recommendation.objects.published()
        .filter(responsible_bodies__in=organisations)
        .distinct()
        .order_by("reference")
    )


def addressed_activities(organisations: QuerySet[Organisation]) -> QuerySet:
    return (
        Activity.objects.published()
        .filter(bodies__organisation__in=organisations)
        .distinct()
        .select_related("plan")
        .order_by("plan__title", "pk")
    )


@dataclass(frozen=True)
class Voice:
    """In whose name, and as what, a member may report on an item."""

    organisation: Organisation
    origin: str

    @property
    def key(self) -> str:
        return str(self.organisation.pk)


def voices(user, item: Recommendation | Activity) -> list[Voice]:
    """The bodies `user` may report for on `item`: a focal point's bodies it is addressed
    to (a government report), an evaluator's NGOs (an evaluation). The rules decide."""
    found = []
    for organisation in organisations_of(user):
        for origin in (AssessmentOrigin.GOVERNMENT_REPORT, AssessmentOrigin.EVALUATION):
            if may_report_for(user, organisation=organisation, item=item, origin=origin):
                found.append(Voice(organisation=organisation, origin=origin))
                break
    return found
