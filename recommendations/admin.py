"""Back office for recommendations and their implementation history."""

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from core.admin_mixins import (
    AuditHistoryAdmin,
    CsvImportAdminMixin,
    PublishActionsMixin,
    in_every_language,
)
from core.csv_import import ImportResult
from core.edit_conflicts import ConcurrentEditAdminMixin

from .exports import COLUMNS
from .importer import import_recommendations
from .models import FIRST_YEAR, AffectedGroup, Assessment, Recommendation

# An export of 100,000 recommendations is about 55 MB; far larger is not such a file.
MAX_IMPORT_BYTES = 200 * 1024 * 1024


class ImportForm(forms.Form):
    """The CSV file to import (the columns of /recommendations/export.csv)."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, with the columns of the public export (/recommendations/export.csv)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> UploadedFile:
        file = self.cleaned_data["file"]
        if file.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _(
                    "The file is larger than %(limit)d MB; "
                    "import it with the import_recommendations command instead."
                )
                % {"limit": MAX_IMPORT_BYTES // (1024 * 1024)}
            )
        return file


class AssessmentInline(ConcurrentEditAdminMixin, TranslationStackedInline):
    """The implementation history, newest first; past entries are kept as they were."""

    model = Assessment
    extra = 0
    ordering = ["-date", "-pk"]
    fields = [("date", "status", "origin"), "summary", ("assessed_by", "source")]
    autocomplete_fields = ["assessed_by", "source"]
    can_delete = False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # Existing entries are shown read-only: a new assessment is added, never overwritten.
        return False


class YearFilter(admin.SimpleListFilter):
    """Every year since the Platform began, newest first: choices that cost no scan of the
    table (the distinct years of 100,000 rows take 35 to 270 ms to find)."""

    title = _("year")
    parameter_name = "year"
    lookup = "year"  # the model's year, or its date's (date__year)

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        years = range(timezone.localdate().year + 1, FIRST_YEAR - 1, -1)
        return [(str(year), str(year)) for year in years]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(**{self.lookup: int(value)})
        return queryset


class AssessmentYearFilter(YearFilter):
    lookup = "date__year"


@admin.register(Recommendation)
class RecommendationAdmin(
    CsvImportAdminMixin,
    ConcurrentEditAdminMixin,
    PublishActionsMixin,
    AuditHistoryAdmin,
    TranslationAdmin,
):
    list_display = ["reference", "short_text", "year", "status", "is_published", "is_illustrative"]
    # Whole vocabularies: they are short, and listing only the values in use would join
    # every recommendation to its links on each page view.
    list_filter = [
        "status",
        YearFilter,
        "topics",
        "affected_groups",
        "responsible_bodies",
        "is_published",
        "is_illustrative",
    ]
    # "N total" beside a filtered count would cost a second COUNT of the whole table.
    show_full_result_count = False
    search_fields = ["reference", *in_every_language("text")]
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
        (_("Where it was adopted"), {"fields": ["meeting", "agenda_item"]}),
        (
            _("Classification"),
            {"fields": ["topics", "affected_groups", "responsible_bodies", "proposed_by"]},
        ),
    ]
    inlines = [AssessmentInline]
    save_on_top = True

    import_form = ImportForm
    import_template = "admin/recommendations/recommendation/import.html"
    import_title = _("Import recommendations from CSV")
    import_columns = COLUMNS

    def import_csv(self, request: HttpRequest, cleaned_data: dict) -> ImportResult:
        return import_recommendations(file=cleaned_data["file"], user=request.user)

    @admin.display(description=_("text"))
    def short_text(self, obj: Recommendation) -> str:
        return obj.text if len(obj.text) <= 120 else obj.text[:119] + "…"

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # New assessments may have been added through the inline.
        form.instance.refresh_status()


@admin.register(Assessment)
class AssessmentAdmin(ConcurrentEditAdminMixin, AuditHistoryAdmin, TranslationAdmin):
    """Corrections to a single entry; new entries go through the recommendation's page."""

    list_display = ["recommendation", "date", "status", "origin", "assessed_by"]
    list_select_related = ["recommendation", "assessed_by"]
    list_filter = ["status", "origin", AssessmentYearFilter, "is_illustrative"]
    search_fields = ["recommendation__reference", "summary"]
    autocomplete_fields = ["recommendation", "assessed_by", "source"]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        # Moving an entry to another recommendation would rewrite two histories; the flag
        # is set by load_demo only (a real entry flagged by hand would go with remove_demo).
        return ["recommendation", "is_illustrative"] if obj else ["is_illustrative"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        obj.recommendation.refresh_status()


@admin.register(AffectedGroup)
class AffectedGroupAdmin(ConcurrentEditAdminMixin, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = [*in_every_language("name"), "slug"]
    prepopulated_fields = {"slug": ["name"]}
