"""Public pages of the action plans and the outside (UN) recommendations."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict

from django.db.models import Count, Prefetch, Q
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    QueryDict,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django_filters import FilterSet

from core import open_data
from core.caching import cached_page
from core.facets import FacetValue, facet_counts
from core.languages import translated
from core.pagination import paginate, valid_query
from core.site_url import absolute_url
from meetings.models import Organisation
from recommendations.exports import NO_HISTORY, latest_history_cells
from recommendations.models import Status

from . import clock, exports, reports
from .filters import ActivityFilter, OutsideRecommendationFilter, with_linked
from .models import (
    ActionPlan,
    Activity,
    ActivityAssessment,
    ActivityBody,
    BodyRole,
    OutsideRecommendation,
    Section,
)
from .reports import ReportForm
from .selectors import listed_activities, public_links

PER_PAGE = 25


def invalid_filters(filterset: FilterSet) -> list[tuple[str, list[str]]]:
    """The rejected filters, named above the results (the values are ignored)."""
    return [
        (filterset.form.fields[name].label, errors)
        for name, errors in filterset.form.errors.items()
    ]


def chips(
    query: QueryDict, filterset: FilterSet, facets: dict[str, list[FacetValue]]
) -> list[dict]:
    """One removable chip per active filter value: its label and the URL without it."""
    labels = {name: {v.value: v.label for v in values} for name, values in facets.items()}
    result = []
    for name in query:
        for value in query.getlist(name):
            without = query.copy()
            without.setlist(name, [v for v in query.getlist(name) if v != value])
            result.append(
                {
                    "field": filterset.form.fields[name].label,
                    "label": labels.get(name, {}).get(value, value),
                    "url": f"?{without.urlencode()}",
                }
            )
    return result


@cached_page(vary=clock.day_key)
def plan_list(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    plans = list(ActionPlan.objects.published().with_progress(today).select_related("follows"))
    by_status: dict[int, Counter] = defaultdict(Counter)
    for plan_id, status, n in (
        Activity.objects.filter(plan__in=plans)
        .values_list("plan", "status")
        .annotate(Count("pk"))
        .order_by()
    ):
        by_status[plan_id][status] = n
    sections: dict[int, list[Section]] = defaultdict(list)
    for section in Section.objects.filter(plan__in=plans).annotate(
        total=Count("activities"),
        implemented=Count("activities", filter=Q(activities__status=Status.IMPLEMENTED)),
    ):
        sections[section.plan_id].append(section)
    labels = dict(Status.choices)
    for plan in plans:
        plan.by_status = [
            (value, labels[value], by_status[plan.pk][value])
            for value in Status.values
            if by_status[plan.pk][value]
        ]
        plan.section_progress = sections[plan.pk]
    return render(request, "plans/plan_list.html", {"plans": plans, "today": today})


def by_section(plan: ActionPlan, activities: list[Activity]) -> list[tuple]:
    """The activities under their sections, in the plan's order; those in none last. The
    page and its exports list them in this order."""
    grouped: dict[int | None, list[Activity]] = defaultdict(list)
    for activity in activities:
        grouped[activity.section_id].append(activity)
    sections = [(s, grouped[s.pk]) for s in plan.sections.all() if grouped[s.pk]]
    if grouped[None]:
        sections.append((None, grouped[None]))
    return sections


def plan_activities(request: HttpRequest, slug: str) -> tuple[ActionPlan, ActivityFilter]:
    """The published plan and the filter of its activities (overdue as of today)."""
    today = clock.today()
    plan = get_object_or_404(ActionPlan.objects.published().with_progress(today), slug=slug)
    activities = Activity.objects.filter(plan=plan).with_overdue(today)
    return plan, ActivityFilter(request.GET, queryset=activities, plan=plan, today=today)


@cached_page(query=(ActivityFilter,), vary=clock.day_key)
def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    plan, filterset = plan_activities(request, slug)
    query = valid_query(request, filterset.form)
    facets = facet_counts(filterset, filterset.facets(), {k: query.getlist(k) for k in query})
    shown = list(listed_activities(filterset.qs))
    sections = by_section(plan, shown)
    context = {
        "plan": plan,
        "filter": filterset,
        "facets": facets,
        "query": query,
        "chips": chips(query, filterset, facets),
        "invalid": invalid_filters(filterset),
        "sections": sections,
        "count": len(shown),
        "today": filterset.today,
    }
    return render(request, "plans/plan_detail.html", context)


def activity_context(slug: str, number: str) -> dict:
    """One published activity and what its page shows. The page itself is served by the
    site layer (dialogue_platform/site/views.py), which adds what apps above this one say
    of its history."""
    today = clock.today()
    activity = get_object_or_404(
        Activity.objects.published()
        .with_overdue(today)
        .select_related("plan", "section")
        .prefetch_related(
            "topics",
            "affected_groups",
            Prefetch("bodies", queryset=ActivityBody.objects.select_related("organisation")),
            Prefetch(
                "assessments",
                queryset=ActivityAssessment.objects.select_related("assessed_by", "source"),
                to_attr="timeline",
            ),
        ),
        plan__slug=slug,
        number=number,
    )
    return {
        "activity": activity,
        "plan": activity.plan,
        "history": activity.timeline,
        "links": public_links(activity),
        "today": today,
    }


def outside_recommendations(request: HttpRequest) -> OutsideRecommendationFilter:
    """The /upr/ filter over the published outside recommendations (page, facets, exports)."""
    return OutsideRecommendationFilter(
        request.GET, queryset=with_linked(OutsideRecommendation.objects.published())
    )


@cached_page(query=(OutsideRecommendationFilter, "page"))
def outside_list(request: HttpRequest) -> HttpResponse:
    filterset = outside_recommendations(request)
    page = paginate(
        request,
        filterset.qs.prefetch_related(Prefetch("topics", to_attr="topic_list")),
        PER_PAGE,
    )
    query = valid_query(request, filterset.form, page)
    facets = facet_counts(filterset, filterset.facets(), {k: query.getlist(k) for k in query})
    context = {
        "filter": filterset,
        "page": page,
        "facets": facets,
        "query": query,
        "chips": chips(query, filterset, facets),
        "invalid": invalid_filters(filterset),
        "title": _("UN recommendations to Kazakhstan"),
    }
    return render(request, "plans/outside_list.html", context)


@cached_page
def outside_detail(request: HttpRequest, key: str) -> HttpResponse:
    recommendation = get_object_or_404(
        OutsideRecommendation.objects.published().prefetch_related(
            "topics", "affected_groups", "sdg_targets__goal"
        ),
        OutsideRecommendation.lookup(key),
    )
    context = {"recommendation": recommendation, "links": public_links(recommendation)}
    return render(request, "plans/outside_detail.html", context)


def report_dates(form: ReportForm) -> tuple[datetime.date, datetime.date | None]:
    """The report's dates: those accepted, today for a missing or rejected `as_of`."""
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    as_of, since = data.get("as_of") or clock.today(), data.get("since")
    return as_of, since if since and since <= as_of else None


@cached_page(query=(ReportForm,), vary=clock.day_key)
def plan_report(request: HttpRequest, slug: str) -> HttpResponse:
    plan = get_object_or_404(ActionPlan.objects.published(), slug=slug)
    form = ReportForm(request.GET)
    as_of, since = report_dates(form)
    query = valid_query(request, form)
    context = {
        "plan": plan,
        "form": form,
        "report": reports.build(plan, as_of, since),
        "query": query,
        "statuses": Status.choices,
    }
    return render(request, "plans/plan_report.html", context)


def plan_report_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The report's activities as CSV; bad dates are refused with the reason (400)."""
    plan = get_object_or_404(ActionPlan.objects.published(), slug=slug)
    form = ReportForm(request.GET)
    if not form.is_valid():
        reasons = [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
        return HttpResponseBadRequest(
            "\n".join(reasons) + "\n", content_type="text/plain; charset=utf-8"
        )
    as_of, since = report_dates(form)
    report = reports.build(plan, as_of, since)
    rows = (
        [
            a.section.number if a.section else "",
            a.number,
            translated(a, "title").text,
            [b.organisation.slug for b in a.lead_bodies],
            translated(a, "deadline").text,
            a.due_date.isoformat() if a.due_date else "",
            a.status_on,
            "yes" if a.overdue_on else "no",
            a.status_since if since else "",
            ("yes" if a.changed else "no") if since else "",
            absolute_url(a.get_absolute_url()),
        ]
        for a in report.activities
    )
    filename = f"{plan.slug}-{as_of.isoformat()}.csv"
    return StreamingHttpResponse(
        open_data.csv_lines(exports.REPORT_COLUMNS, rows),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def export_response(columns: list[str], rows, format: str, name: str) -> StreamingHttpResponse:
    if format == "csv":
        content, content_type = open_data.csv_lines(columns, rows), "text/csv; charset=utf-8"
    else:
        content, content_type = exports.json_chunks(columns, rows), "application/json"
    return StreamingHttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="{name}.{format}"'},
    )


def plan_export(request: HttpRequest, slug: str, format: str) -> StreamingHttpResponse:
    """The plan's activities the page shows for the same filters, in the page's order."""
    plan, filterset = plan_activities(request, slug)
    activities = filterset.qs.select_related("plan", "section").prefetch_related(
        Prefetch(
            "bodies",
            queryset=ActivityBody.objects.select_related("organisation"),
            to_attr="body_list",
        ),
        Prefetch("topics", to_attr="topic_list"),
    )
    ordered = [a for _, group in by_section(plan, list(activities)) for a in group]
    histories = latest_history_cells(
        ActivityAssessment.objects,
        "activity_id",
        [a.pk for a in ordered],
        dict(Organisation.objects.values_list("pk", "slug")),
    )
    rows = (
        [
            plan.slug,
            a.section.number if a.section else "",
            a.number,
            translated(a, "title").text,
            [b.organisation.slug for b in a.body_list if b.role == BodyRole.LEAD],
            [b.organisation.slug for b in a.body_list if b.role != BodyRole.LEAD],
            translated(a, "deadline").text,
            a.due_date.isoformat() if a.due_date else "",
            a.status,
            "yes" if a.is_overdue else "no",
            [t.slug for t in a.topic_list],
            absolute_url(a.get_absolute_url()),
            *histories.get(a.pk, NO_HISTORY),
        ]
        for a in ordered
    )
    return export_response(exports.ACTIVITY_COLUMNS, rows, format, f"{plan.slug}-activities")


def outside_export(request: HttpRequest, format: str) -> StreamingHttpResponse:
    """The whole filtered /upr/ list (not one page), in the list's order."""
    filterset = outside_recommendations(request)
    records = filterset.qs.prefetch_related(
        Prefetch("topics", to_attr="topic_list"),
        Prefetch("affected_groups", to_attr="group_list"),
        Prefetch("sdg_targets", to_attr="target_list"),
    )
    rows = (
        [
            r.mechanism,
            translated(r, "body").text,
            r.cycle,
            r.year,
            r.document_symbol,
            r.paragraph,
            r.recommending_state_en,
            r.response,
            translated(r, "text").text,
            [t.slug for t in r.topic_list],
            [g.slug for g in r.group_list],
            [t.number for t in r.target_list],
            "yes" if r.is_linked else "no",
            absolute_url(r.get_absolute_url()),
        ]
        for r in records
    )
    return export_response(exports.OUTSIDE_COLUMNS, rows, format, "un-recommendations")
