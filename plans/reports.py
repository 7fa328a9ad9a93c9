"""The interim-results report of a plan: every activity's status as its history stood on
a date, counts by section and by responsible body, and what changed since an earlier date."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.db.models import OuterRef, Prefetch
from django.utils.translation import gettext_lazy as _

from recommendations.models import Status, status_of_latest

from .models import SETTLED, ActionPlan, Activity, ActivityAssessment, ActivityBody

ISO = ["%Y-%m-%d"]


class ReportForm(forms.Form):
    """`as_of` (default: today) and `since` (optional, before `as_of`), as YYYY-MM-DD."""

    as_of = forms.DateField(
        label=_("Status as of"), required=False, input_formats=ISO,
        error_messages={"invalid": _("Write the date as YYYY-MM-DD, e.g. 2021-12-31.")},
    )  # fmt: skip
    since = forms.DateField(
        label=_("Changes since"), required=False, input_formats=ISO,
        error_messages={"invalid": _("Write the date as YYYY-MM-DD, e.g. 2021-06-30.")},
    )  # fmt: skip

    def clean(self) -> dict:
        data = super().clean()
        as_of, since = data.get("as_of"), data.get("since")
        if as_of and since and since > as_of:
            self.add_error("since", _("The earlier date must come before the report's date."))
        return data


@dataclass
class Tally:
    """Counts of activities by status as of the report's date."""

    label: str
    url: str = ""
    counts: Counter = field(default_factory=Counter)
    overdue: int = 0
    row: list[int] = field(default_factory=list)  # the counts in the report's status order

    def add(self, activity: Activity) -> None:
        self.counts[activity.status_on] += 1
        self.overdue += activity.overdue_on

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def implemented(self) -> int:
        return self.counts[Status.IMPLEMENTED]


@dataclass
class Report:
    plan: ActionPlan
    as_of: datetime.date
    since: datetime.date | None
    activities: list[Activity]
    by_section: list[Tally]
    by_body: list[Tally]
    changes: list[ActivityAssessment]

    @property
    def statuses(self) -> list[tuple[str, str]]:
        """The statuses any activity had on the date, in the vocabulary's order."""
        seen = {a.status_on for a in self.activities}
        return [(value, label) for value, label in Status.choices if value in seen]

    @property
    def changed(self) -> list[Activity]:
        return [a for a in self.activities if a.changed]


def build(plan: ActionPlan, as_of: datetime.date, since: datetime.date | None) -> Report:
    """Four queries: the activities with their status on each date, their sections, their
    bodies, and the history entries dated in the period."""
    activities = Activity.objects.filter(plan=plan).with_status_on(as_of)
    if since:
        history = ActivityAssessment.objects.filter(activity=OuterRef("pk"), date__lte=since)
        activities = activities.annotate(status_since=status_of_latest(history))
    activities = list(
        activities.select_related("plan", "section").prefetch_related(
            Prefetch(
                "bodies",
                queryset=ActivityBody.objects.select_related("organisation"),
                to_attr="body_list",
            )
        )
    )
    labels = dict(Status.choices)
    sections: dict[object, Tally] = {}
    bodies: dict[str, Tally] = {}
    for activity in activities:
        activity.status_on_label = labels[activity.status_on]
        activity.overdue_on = bool(
            activity.due_date and activity.due_date < as_of and activity.status_on not in SETTLED
        )
        activity.changed = bool(since) and activity.status_since != activity.status_on
        if since:
            activity.status_since_label = labels[activity.status_since]
        activity.lead_bodies = [b for b in activity.body_list if b.role == ActivityBody.Role.LEAD]
        section = activity.section
        label = f"{section.number}. {section.title}" if section else str(_("Not in a section"))
        sections.setdefault(section.pk if section else None, Tally(label)).add(activity)
        for body in activity.body_list:
            organisation = body.organisation
            tally = Tally(organisation.name, organisation.get_absolute_url())
            bodies.setdefault(organisation.slug, tally).add(activity)
    changes = []
    if since:
        changes = list(
            ActivityAssessment.objects.filter(activity__plan=plan, date__gt=since, date__lte=as_of)
            .select_related("activity", "activity__plan")
            .order_by("date", "pk")
        )
    report = Report(
        plan=plan,
        as_of=as_of,
        since=since,
        activities=activities,
        by_section=list(sections.values()),
        by_body=sorted(bodies.values(), key=lambda t: (-t.total, t.label)),
        changes=changes,
    )
    for tally in (*report.by_section, *report.by_body):
        tally.row = [tally.counts[value] for value, _label in report.statuses]
    return report
