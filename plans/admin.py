"""Back office for action plans, their activities, outside recommendations and links."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.forms.models import InlineForeignKeyField
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from core.admin_mixins import (
    AuditHistoryAdmin,
    CsvImportAdminMixin,
    PublishActionsMixin,
    in_every_language,
)
from core.csv_import import ImportResult
from core.edit_conflicts import ConcurrentEditAdminMixin, ConcurrentEditForm
from recommendations.admin import RecommendationAdmin
from recommendations.models import Recommendation, Status

from .deadlines import due_date_from_deadline
from .exports import ACTIVITY_COLUMNS, OUTSIDE_COLUMNS
from .importer import import_activities, import_outside_recommendations
from .models import (
    ActionPlan,
    Activity,
    ActivityAssessment,
    ActivityBody,
    Link,
    OutsideRecommendation,
    SdgGoal,
    SdgTarget,
    Section,
    UprCycle,
)
from .services import activities_change_status

CHANGE_STATUS_REASON = "Status changed with the admin action"
# A plan's activities or the UN recommendations to Kazakhstan make files of a few megabytes.
MAX_IMPORT_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    """A CSV file in the columns of a public export, and the language of its texts."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, with the columns of the public export."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the texts"),
        choices=settings.LANGUAGES,
        help_text=_("The language of the page the file was exported from."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)d MB.")
                % {"limit": MAX_IMPORT_BYTES // (1024 * 1024)}
            )
        return file


class SectionInline(ConcurrentEditAdminMixin, TranslationTabularInline):
    model = Section
    extra = 0
    fields = ["order", "number", "title", "is_illustrative"]


@admin.register(ActionPlan)
class ActionPlanAdmin(
    ConcurrentEditAdminMixin, PublishActionsMixin, AuditHistoryAdmin, TranslationAdmin
):
    list_display = [
        "title",
        "legal_act_kind",
        "legal_act_number",
        "adopted_on",
        "is_archived",
        "is_published",
    ]
    list_filter = ["legal_act_kind", "is_archived", "is_published"]
    search_fields = [*in_every_language("title"), "legal_act_number", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["follows"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "is_published"]}),
        (
            _("Legal act"),
            {"fields": [("legal_act_kind", "legal_act_number", "legal_act_date"), "source_url"]},
        ),
        (_("Period"), {"fields": [("adopted_on", "ends_on"), "follows", "is_archived"]}),
    ]
    inlines = [SectionInline]

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        # Plans are archived, never deleted: not even by a superuser.
        return False


class ActivityForm(ConcurrentEditForm):
    """An activity's form: a due date left blank is read from the deadline as written."""

    class Meta:
        model = Activity
        fields = "__all__"

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("due_date"):
            # The first language whose deadline names a date: the plan's own wording.
            for code in ("ru", "en", "kk"):
                due = due_date_from_deadline(cleaned.get(f"deadline_{code}") or "")
                if due:
                    cleaned["due_date"] = due
                    break
        section = cleaned.get("section")
        plan = cleaned.get("plan")
        if section and plan and section.plan_id != plan.pk:
            self.add_error("section", _("Choose a section of the activity's own plan."))
        return cleaned


class ActivityBodyInline(ConcurrentEditAdminMixin, admin.TabularInline):
    model = ActivityBody
    extra = 0
    fields = ["order", "organisation", "role", "as_agreed"]
    autocomplete_fields = ["organisation"]


class ActivityAssessmentInline(ConcurrentEditAdminMixin, TranslationStackedInline):
    """The implementation history, newest first; past entries are kept as they were."""

    model = ActivityAssessment
    extra = 0
    ordering = ["-date", "-pk"]
    fields = [("date", "status", "origin"), "summary", ("assessed_by", "source"), "is_illustrative"]
    autocomplete_fields = ["assessed_by", "source"]
    can_delete = False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # Existing entries are shown read-only: a new assessment is added, never overwritten.
        return False


class LinkForm(ConcurrentEditForm):
    """A link's row: exactly two ends, two records linked once. The database holds both
    rules too; checked here, an editor gets a message instead of an error page."""

    def clean(self) -> dict:
        cleaned = super().clean()
        # On a record's page, that record is the end the form does not show (its inline
        # foreign key field).
        ends = {end: cleaned.get(end) for end in Link.ENDS}
        chosen = {end: record for end, record in ends.items() if record is not None}
        if len(chosen) != 2:
            shown = [
                end
                for end in Link.ENDS
                if end in self.fields and not isinstance(self.fields[end], InlineForeignKeyField)
            ]
            if len(shown) == len(Link.ENDS):
                message = _(
                    "A link joins exactly two records: fill in two of recommendation, activity "
                    "and outside recommendation."
                )
            else:
                message = _("A link joins exactly two records: choose one record to link to.")
            raise forms.ValidationError(message, code="link_ends")
        pair = {end: chosen.get(end) for end in Link.ENDS}
        if Link.objects.filter(**pair).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("These two records are already linked."), code="linked")
        return cleaned


class LinkFormSet(forms.BaseInlineFormSet):
    """Refuses two rows that link the same two records."""

    def clean(self) -> None:
        super().clean()
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            if form.cleaned_data.get("DELETE"):
                continue
            pair = tuple(form.cleaned_data.get(end) for end in Link.ENDS if end in form.fields)
            if pair in seen:
                raise forms.ValidationError(_("These two records are already linked."))
            seen.add(pair)


class LinkInline(ConcurrentEditAdminMixin, admin.TabularInline):
    """The record's links; the end that is this record is left out of the row."""

    model = Link
    form = LinkForm
    formset = LinkFormSet
    extra = 0
    autocomplete_fields = ["recommendation", "activity", "outside_recommendation"]

    def get_fields(self, request: HttpRequest, obj=None) -> list[str]:
        ends = [end for end in Link.ENDS if end != self.fk_name]
        return [*ends, "kind", "is_illustrative"]


class ActivityLinkInline(LinkInline):
    fk_name = "activity"


class OutsideRecommendationLinkInline(LinkInline):
    fk_name = "outside_recommendation"


class RecommendationLinkInline(LinkInline):
    fk_name = "recommendation"


# A recommendation's page shows its links too, so a link is seen from both ends. The
# recommendations app cannot name links (it sits below this one), so its admin is
# registered again here, extended with them.
admin.site.unregister(Recommendation)


@admin.register(Recommendation)
class RecommendationWithLinksAdmin(RecommendationAdmin):
    inlines = [*RecommendationAdmin.inlines, RecommendationLinkInline]


class OverdueFilter(admin.SimpleListFilter):
    """Overdue today: due date passed, neither implemented nor no longer relevant."""

    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        return [("yes", _("Overdue")), ("no", _("Not overdue"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        today = timezone.localdate()
        if self.value() == "yes":
            return queryset.overdue(today)
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.overdue(today).values("pk"))
        return queryset


class ChangeStatusForm(forms.Form):
    """The status to record, as one assessment, for every selected activity."""

    status = forms.ChoiceField(label=_("status"), choices=Status.choices)
    date = forms.DateField(label=_("date"), initial=timezone.localdate)
    summary = forms.CharField(label=_("summary"), widget=forms.Textarea, required=False)


@admin.register(Activity)
class ActivityAdmin(
    CsvImportAdminMixin, ConcurrentEditAdminMixin, AuditHistoryAdmin, TranslationAdmin
):
    form = ActivityForm
    import_form = ImportForm
    import_template = "admin/plans/activity/import.html"
    import_title = _("Import activities from CSV")
    import_columns = ACTIVITY_COLUMNS
    list_display = ["number", "short_title", "plan", "section", "deadline", "due_date", "status"]
    list_select_related = ["plan", "section"]
    list_filter = ["plan", "status", OverdueFilter, "topics", "affected_groups", "is_illustrative"]
    show_full_result_count = False
    search_fields = ["number", *in_every_language("title", "expected_outcome")]
    readonly_fields = ["status"]
    autocomplete_fields = ["plan", "topics", "affected_groups"]
    fieldsets = [
        (None, {"fields": [("plan", "section", "number"), "title", "expected_outcome", "status"]}),
        (_("Deadline"), {"fields": ["deadline", "due_date"]}),
        (_("Classification"), {"fields": ["topics", "affected_groups", "is_illustrative"]}),
    ]
    inlines = [ActivityBodyInline, ActivityAssessmentInline, ActivityLinkInline]
    actions = ["change_status"]
    save_on_top = True

    def import_csv(self, request: HttpRequest, cleaned_data: dict) -> ImportResult:
        return import_activities(
            file=cleaned_data["file"], language=cleaned_data["language"], user=request.user
        )

    @admin.display(description=_("title"))
    def short_title(self, obj: Activity) -> str:
        return obj.title if len(obj.title) <= 100 else obj.title[:99] + "…"

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # New assessments may have been added through the inline.
        form.instance.refresh_status()

    @admin.action(permissions=["change"], description=_("Change the status of selected activities"))
    def change_status(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        """A page asking for the status, date and summary, then one assessment each."""
        form = ChangeStatusForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            count = activities_change_status(
                activities=queryset,
                status=form.cleaned_data["status"],
                date=form.cleaned_data["date"],
                summary=form.cleaned_data["summary"],
                user=request.user,
                reason=CHANGE_STATUS_REASON,
            )
            self.message_user(
                request,
                ngettext(
                    "A new status was recorded for %(count)d activity.",
                    "A new status was recorded for %(count)d activities.",
                    count,
                )
                % {"count": count},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Change the status of selected activities"),
            "opts": self.opts,
            "form": form,
            "activities": queryset.select_related("plan"),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/plans/activity/change_status.html", context)


@admin.register(ActivityAssessment)
class ActivityAssessmentAdmin(ConcurrentEditAdminMixin, AuditHistoryAdmin, TranslationAdmin):
    """Corrections to a single entry; new entries go through the activity's page."""

    list_display = ["activity", "date", "status", "origin", "assessed_by"]
    list_select_related = ["activity__plan", "assessed_by"]
    list_filter = ["status", "origin", "is_illustrative"]
    search_fields = ["activity__number", *in_every_language("summary")]
    autocomplete_fields = ["activity", "assessed_by", "source"]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        # Moving an entry to another activity would rewrite two histories.
        return ["activity"] if obj else []

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        obj.activity.refresh_status()


class OutsideRecommendationForm(ConcurrentEditForm):
    """The database requires a treaty body's or special procedure's name; the form asks for
    it where the editor types it, in the default language's field, which the column holds."""

    def clean(self) -> dict:
        cleaned = super().clean()
        mechanism = cleaned.get("mechanism")
        if mechanism and mechanism != OutsideRecommendation.Mechanism.UPR:
            field = f"body_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
            if field in self.fields and not cleaned.get(field):
                self.add_error(
                    field,
                    _("Name the treaty body or special procedure the recommendation comes from."),
                )
        return cleaned


@admin.register(OutsideRecommendation)
class OutsideRecommendationAdmin(
    CsvImportAdminMixin,
    ConcurrentEditAdminMixin,
    PublishActionsMixin,
    AuditHistoryAdmin,
    TranslationAdmin,
):
    import_form = ImportForm
    import_template = "admin/plans/outsiderecommendation/import.html"
    import_title = _("Import UN recommendations from CSV")
    import_columns = OUTSIDE_COLUMNS

    def import_csv(self, request: HttpRequest, cleaned_data: dict) -> ImportResult:
        return import_outside_recommendations(
            file=cleaned_data["file"], language=cleaned_data["language"], user=request.user
        )

    list_display = [
        "document_symbol",
        "paragraph",
        "mechanism",
        "recommending_state",
        "response",
        "is_published",
    ]
    list_filter = [
        "mechanism",
        "cycle",
        "response",
        "topics",
        "affected_groups",
        "sdg_targets__goal",
        "is_illustrative",
        "is_published",
    ]
    show_full_result_count = False
    search_fields = [
        "document_symbol",
        "paragraph",
        *in_every_language("text", "recommending_state", "body"),
    ]
    autocomplete_fields = ["topics", "affected_groups", "sdg_targets"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("mechanism", "body"),
                    ("cycle", "year"),
                    ("document_symbol", "paragraph"),
                    ("recommending_state", "response"),
                    "text",
                    "source_url",
                    "is_published",
                ]
            },
        ),
        (
            _("Classification"),
            {"fields": ["topics", "affected_groups", "sdg_targets", "is_illustrative"]},
        ),
    ]
    form = OutsideRecommendationForm
    inlines = [OutsideRecommendationLinkInline]
    save_on_top = True


@admin.register(Link)
class LinkAdmin(ConcurrentEditAdminMixin, AuditHistoryAdmin):
    form = LinkForm
    list_display = ["__str__", "kind", "is_illustrative"]
    list_select_related = ["recommendation", "activity__plan", "outside_recommendation"]
    list_filter = ["kind", "is_illustrative"]
    search_fields = [
        "recommendation__reference",
        "activity__number",
        "outside_recommendation__document_symbol",
        "outside_recommendation__paragraph",
    ]
    autocomplete_fields = ["recommendation", "activity", "outside_recommendation"]


class VocabularyAdmin(TranslationAdmin):
    """The SDG vocabulary ships with the product (plans/data/): shown, not edited."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(SdgGoal)
class SdgGoalAdmin(VocabularyAdmin):
    list_display = ["number", "name"]
    search_fields = [*in_every_language("name")]


@admin.register(SdgTarget)
class SdgTargetAdmin(VocabularyAdmin):
    list_display = ["number", "text"]
    list_filter = ["goal"]
    search_fields = ["number", *in_every_language("text")]


@admin.register(UprCycle)
class UprCycleAdmin(ConcurrentEditAdminMixin, AuditHistoryAdmin):
    list_display = [
        "number",
        "year",
        "working_group_report",
        "recommendations_received",
        "supported",
        "noted",
    ]
