"""Back office for recommendations and their implementation history."""

from django.contrib import admin
from django.http import HttpRequest

from meetings.admin import PublishActionsMixin

from .models import AffectedGroup, Assessment, Recommendation


class AssessmentInline(admin.StackedInline):
    """The implementation history, newest first; past entries are kept as they were."""

    model = Assessment
    extra = 0
    ordering = ["-date", "-pk"]
    fields = [("date", "status"), "summary", ("assessed_by", "source")]
    autocomplete_fields = ["assessed_by", "source"]
    can_delete = False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # Existing entries are shown read-only: a new assessment is added, never overwritten.
        return False


@admin.register(Recommendation)
class RecommendationAdmin(PublishActionsMixin, admin.ModelAdmin):
    list_display = ["reference", "short_text", "year", "status", "is_published"]
    list_filter = [
        "status",
        "year",
        ("topics", admin.RelatedOnlyFieldListFilter),
        ("affected_groups", admin.RelatedOnlyFieldListFilter),
        ("responsible_bodies", admin.RelatedOnlyFieldListFilter),
        "is_published",
    ]
    search_fields = ["reference", "text"]
    readonly_fields = ["status"]
    autocomplete_fields = [
        "meeting",
        "agenda_item",
        "topics",
        "affected_groups",
        "responsible_bodies",
        "proposed_by",
    ]
    fieldsets = [
        (None, {"fields": [("reference", "year"), "text", "status", "is_published"]}),
        ("Where it was adopted", {"fields": ["meeting", "agenda_item"]}),
        (
            "Classification",
            {"fields": ["topics", "affected_groups", "responsible_bodies", "proposed_by"]},
        ),
    ]
    inlines = [AssessmentInline]
    save_on_top = True

    @admin.display(description="text")
    def short_text(self, obj: Recommendation) -> str:
        return obj.text if len(obj.text) <= 120 else obj.text[:119] + "…"

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # New assessments may have been added through the inline.
        form.instance.refresh_status()


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Corrections to a single entry; new entries go through the recommendation's page."""

    list_display = ["recommendation", "date", "status", "assessed_by"]
    list_select_related = ["recommendation", "assessed_by"]
    list_filter = ["status"]
    search_fields = ["recommendation__reference", "summary"]
    date_hierarchy = "date"
    autocomplete_fields = ["recommendation", "assessed_by", "source"]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        # Moving an entry to another recommendation would rewrite two histories.
        return ["recommendation"] if obj else []

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        obj.recommendation.refresh_status()


@admin.register(AffectedGroup)
class AffectedGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
