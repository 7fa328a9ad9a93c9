"""The secretariat's side of reporting: the review queue of submitted reports, each shown
beside its item's current status and last published report, with "Publish" and "Return
with a note"; reporting rounds and their opening; who serves which body.

Reports are written by the bodies (the workspace), never in the admin: here they are read
and reviewed, through the same services the workspace uses, with the version the
reviewer saw, so a report changed meanwhile is refused with a message."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from modeltranslation.admin import TranslationAdmin

from core.admin_mixins import AuditHistoryAdmin, in_every_language

from . import rules, services
from .models import Membership, Obligation, Report, ReportingRound, Standing

QUEUE = "queue"  # the changelist's query parameter of the review queue


class ReviewQueueFilter(admin.SimpleListFilter):
    """The review queue: submitted reports, the longest waiting first."""

    title = _("review")
    parameter_name = QUEUE

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin):
        return [("1", _("Review queue (submitted, oldest first)"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.review_queue() if self.value() == "1" else queryset


def version_seen(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


@admin.register(Report)
class ReportAdmin(AuditHistoryAdmin):
    """Reports read and reviewed, never edited here: every field is read-only, and the
    review is two buttons on the report's page."""

    list_display = [
        "__str__",
        "organisation",
        "origin",
        "claimed_status",
        "state",
        "submitted_at",
    ]
    list_filter = [ReviewQueueFilter, "state", "origin", "round"]
    list_select_related = ["organisation", "recommendation", "activity__plan"]
    search_fields = [
        "organisation__name",
        "recommendation__reference",
        *in_every_language("narrative"),
    ]
    change_form_template = "admin/reporting/report/change_form.html"
    fieldsets = [
        (None, {"fields": ["organisation", "origin", "round", "recommendation", "activity"]}),
        (
            _("Report"),
            {
                "fields": [
                    "claimed_status",
                    *in_every_language("narrative"),
                    "document",
                    "document_is_public",
                ]
            },
        ),
        (
            _("Review"),
            {
                "fields": [
                    "state",
                    "version",
                    "author",
                    "submitted_at",
                    "reviewer_note",
                    "reviewed_by",
                    "published_at",
                ]
            },
        ),
    ]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return [name for _title, options in self.fieldsets for name in options["fields"]]

    def get_ordering(self, request: HttpRequest) -> list[str]:
        if request.GET.get(QUEUE) == "1":
            return ["submitted_at", "pk"]
        return super().get_ordering(request)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Only what the reviewer may view (the same rule as the workspace's).
        return rules.visible_reports(super().get_queryset(request), request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # the bodies write reports, in their workspace

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # reviewed with the buttons, never edited

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # withdrawn by their body, never deleted

    def get_urls(self) -> list[URLPattern]:
        review = self.admin_site.admin_view(require_POST(self.review_view))
        return [
            path("<path:object_id>/review/", review, name="reporting_report_review"),
            *super().get_urls(),
        ]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        report = self.get_object(request, unquote(object_id))
        extra = {}
        if report is not None:
            item = report.item
            extra = {
                "report": report,
                "item": item,
                "item_status": item.get_status_display(),
                "last_published": (
                    Report.objects.published()
                    .for_item(item)
                    .exclude(pk=report.pk)
                    .select_related("organisation")
                    .order_by("-published_at", "-pk")
                    .first()
                ),
                "may_review": request.user.has_perm("reporting.review_report", report),
            }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def review_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Publish or return (with the note) the report, as of the version shown."""
        if not request.user.has_perm("reporting.review_report"):
            raise PermissionDenied
        report = self.get_object(request, unquote(object_id))
        if report is None:
            raise Http404
        back = HttpResponseRedirect(reverse("admin:reporting_report_change", args=[report.pk]))
        version = version_seen(request)
        decision = request.POST.get("decision")
        if version is None or decision not in {"publish", "return"}:
            messages.error(request, _("The form was incomplete: nothing was done."))
            return back
        try:
            if decision == "publish":
                services.report_publish(report=report, user=request.user, expected_version=version)
                messages.success(request, _("The report is published in the item's history."))
            else:
                services.report_return(
                    report=report,
                    user=request.user,
                    expected_version=version,
                    note=request.POST.get("note", ""),
                )
                messages.success(request, _("The report is returned to its body with your note."))
        except services.Refused as refused:
            messages.error(request, refused.message)
        except ValidationError as invalid:
            messages.error(request, " ".join(invalid.messages))
        return back


@admin.register(ReportingRound)
class ReportingRoundAdmin(AuditHistoryAdmin, TranslationAdmin):
    list_display = ["title", "due_date", "meeting", "opened_at", "obligation_count"]
    list_select_related = ["meeting"]
    autocomplete_fields = ["meeting"]
    readonly_fields = ["opened_at"]
    fields = ["title", "due_date", "meeting", "opened_at"]
    actions = ["open_rounds"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(obligation_count=Count("obligations"))

    @admin.display(description=_("obligations"), ordering="obligation_count")
    def obligation_count(self, obj: ReportingRound) -> int:
        return obj.obligation_count

    def has_open_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("reporting.open_round")

    @admin.action(permissions=["open"], description=_("Open the selected rounds"))
    def open_rounds(self, request: HttpRequest, queryset: QuerySet) -> None:
        """Record what each body owes in each round (again: only what is new)."""
        created = 0
        for round in queryset:
            try:
                created += services.round_open(round=round, user=request.user)
            except PermissionDenied:
                messages.error(request, _("You may not open reporting rounds."))
                return
        self.message_user(
            request,
            ngettext(
                "Opened: %(count)d obligation recorded.",
                "Opened: %(count)d obligations recorded.",
                created,
            )
            % {"count": created},
            messages.SUCCESS,
        )


class StandingFilter(admin.SimpleListFilter):
    title = _("standing")
    parameter_name = "standing"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin):
        return Standing.choices

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(standing=self.value()) if self.value() else queryset


@admin.register(Obligation)
class ObligationAdmin(admin.ModelAdmin):
    """What each body owes in each round and where it stands today (read-only: opening a
    round writes them)."""

    list_display = ["round", "organisation", "item", "standing_display"]
    list_filter = [StandingFilter, "round"]
    list_select_related = ["round", "organisation", "recommendation", "activity__plan"]
    search_fields = ["organisation__name", "recommendation__reference"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_standing()

    @admin.display(description=_("standing"), ordering="standing")
    def standing_display(self, obj: Obligation) -> str:
        return Standing(obj.standing).label

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Membership)
class MembershipAdmin(AuditHistoryAdmin):
    list_display = ["user", "organisation", "role", "starts", "ends"]
    list_filter = ["role", "organisation"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__username", "user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    fields = ["organisation", "role", "starts", "ends"]
    autocomplete_fields = ["organisation"]


class UserWithMembershipsAdmin(UserAdmin):
    """The accounts' admin, with the bodies each person serves."""

    inlines = [*UserAdmin.inlines, MembershipInline]


User = get_user_model()
admin.site.unregister(User)
admin.site.register(User, UserWithMembershipsAdmin)
