"""The workspace's pages: what is addressed to a member's organisations and what they owe,
their reports, and writing, submitting and withdrawing one.

Every change goes through reporting.services with the version of the report the person
saw; the services decide who may and when (reporting/rules.py), and their refusals become
messages here, never errors. A report of a body the person does not serve is a 404."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import paginate
from meetings.uploads import content_type
from plans.models import Activity
from recommendations.models import Recommendation
from reporting import services
from reporting.models import Membership, MembershipRole, Obligation, Report, Standing
from reporting.selectors import organisations_of

from . import selectors
from .account_views import signed_in
from .forms import ActionForm, ReportForm

ITEMS_PER_PAGE = 50
ITEM_KINDS = {
    "recommendations": lambda: Recommendation.objects.published().order_by("reference"),
    "activities": lambda: (
        Activity.objects.published().select_related("plan").order_by("plan__title", "pk")
    ),
}


def refused(request: HttpRequest, message: str) -> HttpResponse:
    """What someone who may not act sees: why, with the way back (403, never a 500)."""
    return render(request, "workspace/refused.html", {"message": message}, status=403)


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    memberships = (
        Membership.objects.of(request.user)
        .current()
        .select_related("organisation")
        .order_by("organisation__name", "role")
    )
    return render(
        request,
        "workspace/home.html",
        {
            "memberships": memberships,
            "obligations": [
                (obligation, Standing(obligation.standing))
                for obligation in selectors.open_obligations(request.user)
            ],
            "reports_by_state": selectors.reports_by_state(request.user),
        },
    )


@signed_in
def items(request: HttpRequest, kind: str) -> HttpResponse:
    """The items a member may report on: those addressed to a focal point's bodies, or
    every published one for an evaluator."""
    if kind not in ITEM_KINDS:
        raise Http404
    evaluator = organisations_of(request.user, role=MembershipRole.EVALUATOR).exists()
    if evaluator:
        queryset = ITEM_KINDS[kind]()
    else:
        bodies = organisations_of(request.user, role=MembershipRole.FOCAL_POINT)
        queryset = (
            selectors.addressed_recommendations(bodies)
            if kind == "recommendations"
            else selectors.addressed_activities(bodies)
        )
    page = paginate(request, queryset, ITEMS_PER_PAGE)
    return render(
        request,
        "workspace/items.html",
        {"kind": kind, "page": page, "evaluator": evaluator, "query": request.GET.copy()},
    )


def _item(kind: str, pk: int) -> Recommendation | Activity:
    if kind == "recommendation":
        return get_object_or_404(Recommendation.objects.published(), pk=pk)
    if kind == "activity":
        return get_object_or_404(Activity.objects.published().select_related("plan"), pk=pk)
    raise Http404


def _round_for(organisation, item):
    """The open round that asks `organisation` about `item` (the latest), if any."""
    field = "recommendation" if isinstance(item, Recommendation) else "activity"
    obligation = (
        Obligation.objects.filter(
            organisation=organisation, round__opened_at__isnull=False, **{field: item}
        )
        .select_related("round")
        .order_by("-round__due_date")
        .first()
    )
    return obligation.round if obligation else None


@signed_in
def report_new(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = _item(kind, pk)
    voices = selectors.voices(request.user, item)
    if not voices:
        return refused(
            request, _("You may not report on this item: it is not addressed to a body you serve.")
        )
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        voices=voices,
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data.get("organisation", voices[0].organisation.pk)
        voice = next(v for v in voices if v.organisation.pk == chosen)
        try:
            report = services.report_create(
                user=request.user,
                organisation=voice.organisation,
                item=item,
                origin=voice.origin,
                round=_round_for(voice.organisation, item),
                claimed_status=form.cleaned_data["claimed_status"],
                narratives=form.narratives,
                document=form.cleaned_data["document"],
                document_is_public=form.cleaned_data["document_is_public"],
            )
        except PermissionDenied as refusal:
            return refused(request, str(refusal))
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(
                request, _("Draft saved. Submit it when it is ready for the secretariat.")
            )
            return redirect("workspace:report", report.pk)
    return render(
        request,
        "workspace/report_form.html",
        {"form": form, "item": item, "report": None},
        status=400 if form.is_bound else 200,
    )


def _member_report(request: HttpRequest, pk: int) -> Report:
    return get_object_or_404(selectors.member_reports(request.user), pk=pk)


@signed_in
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _member_report(request, pk)
    user = request.user
    return render(
        request,
        "workspace/report_detail.html",
        {
            "report": report,
            "item": report.item,
            "may_change": user.has_perm("reporting.change_report", report),
            "may_submit": user.has_perm("reporting.submit_report", report),
            "may_withdraw": user.has_perm("reporting.withdraw_report", report),
        },
    )


@signed_in
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _member_report(request, pk)
    if not request.user.has_perm("reporting.change_report", report):
        messages.error(request, report.refusal("change"))
        return redirect("workspace:report", report.pk)
    initial = {
        "claimed_status": report.claimed_status,
        "document_is_public": report.document_is_public,
        "version": report.version,
        **{f"narrative_{code}": text for code, text in report.narratives.items()},
    }
    form = ReportForm(request.POST or None, request.FILES or None, report=report, initial=initial)
    if request.method == "POST" and form.is_valid():
        document = {}
        if form.cleaned_data["document"]:
            document = {"document": form.cleaned_data["document"]}
        elif form.cleaned_data.get("remove_document"):
            document = {"document": None}
        try:
            report = services.report_update(
                report=report,
                user=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                claimed_status=form.cleaned_data["claimed_status"],
                narratives=form.narratives,
                document_is_public=form.cleaned_data["document_is_public"],
                **document,
            )
        except services.Refused as refusal:
            messages.error(request, refusal.message)
            return redirect("workspace:report", report.pk)
        except PermissionDenied as refusal:
            return refused(request, str(refusal))
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(request, _("Report saved."))
            return redirect("workspace:report", report.pk)
    return render(
        request,
        "workspace/report_form.html",
        {"form": form, "item": report.item, "report": report},
        status=400 if form.is_bound else 200,
    )


def _action(request: HttpRequest, pk: int, service, done: str) -> HttpResponse:
    report = _member_report(request, pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete: nothing was done. Try again."))
        return redirect("workspace:report", report.pk)
    try:
        service(report=report, user=request.user, expected_version=form.cleaned_data["version"])
    except services.Refused as refusal:
        messages.error(request, refusal.message)
    except PermissionDenied as refusal:
        return refused(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect("workspace:report", report.pk)


@require_POST
@signed_in
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(
        request, pk, services.report_submit, _("Report submitted to the secretariat for review.")
    )


@require_POST
@signed_in
def report_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(request, pk, services.report_withdraw, _("Report withdrawn."))


@signed_in
def report_document(request: HttpRequest, pk: int) -> FileResponse:
    """The document attached to one of the member's reports, public or internal, as a
    download (members only: another body's is a 404, like its report)."""
    report = get_object_or_404(selectors.member_reports(request.user).exclude(document=""), pk=pk)
    try:
        handle = report.document.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The file of this report is missing.") from missing
    handle.open("rb")  # read from the bucket now, before the headers go (meetings/views.py)
    extension = PurePosixPath(report.document.name).suffix
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"report-{report.pk}{extension}",
        content_type=content_type(report.document.name),
    )
