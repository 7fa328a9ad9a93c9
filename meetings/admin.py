"""Back office for meetings: one page logs a whole meeting."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from core.admin_mixins import (
    AuditHistoryAdmin,
    PublishActionsMixin,
    in_every_language,
)
from core.edit_conflicts import ConcurrentEditAdminMixin

from .models import AgendaItem, Document, Meeting, Organisation, Participant, Person, Topic


class YearFilter(admin.SimpleListFilter):
    """Filter a dated changelist by calendar year."""

    title = _("year")
    parameter_name = "year"
    date_field = "date"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        years = model_admin.get_queryset(request).dates(self.date_field, "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() and self.value().isdigit():
            return queryset.filter(**{f"{self.date_field}__year": int(self.value())})
        return queryset


class AgendaItemInline(ConcurrentEditAdminMixin, TranslationStackedInline):
    model = AgendaItem
    extra = 0
    fields = [("order", "title"), "topics", "description", "outcome"]
    autocomplete_fields = ["topics"]


class ParticipantInline(ConcurrentEditAdminMixin, admin.TabularInline):
    model = Participant
    extra = 0
    fields = ["role", "organisation", "person"]
    autocomplete_fields = ["organisation", "person"]


class DocumentInline(ConcurrentEditAdminMixin, TranslationStackedInline):
    model = Document
    extra = 0
    fields = [
        ("title", "kind"),
        ("file", "url"),
        ("language", "date"),
        "authors",
        "topics",
        "description",
        "is_published",
    ]
    autocomplete_fields = ["authors", "topics"]
    # The agenda item is chosen on the document's own page, once the meeting's items exist.
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(
    ConcurrentEditAdminMixin, PublishActionsMixin, AuditHistoryAdmin, TranslationAdmin
):
    list_display = ["date", "title", "format", "kind", "is_published", "is_illustrative"]
    list_display_links = ["date", "title"]
    list_filter = [
        YearFilter,
        "format",
        "kind",
        ("agenda_items__topics", admin.RelatedOnlyFieldListFilter),
        "is_published",
        "is_illustrative",
    ]
    search_fields = [*in_every_language("title", "summary"), "location", "agenda_items__title"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", ("date", "start_time", "end_time")]}),
        (
            None,
            {"fields": [("format", "kind"), "location", "summary", "source_url", "is_published"]},
        ),
    ]
    inlines = [AgendaItemInline, ParticipantInline, DocumentInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(ConcurrentEditAdminMixin, AuditHistoryAdmin, TranslationAdmin):
    list_display = ["title", "meeting", "order"]
    list_select_related = ["meeting"]
    list_filter = [("topics", admin.RelatedOnlyFieldListFilter), "is_illustrative"]
    search_fields = ["title", "description", "meeting__title"]
    # Set by load_demo only: a real record flagged by hand would go with remove_demo.
    readonly_fields = ["is_illustrative"]
    autocomplete_fields = ["meeting", "topics"]


@admin.register(Document)
class DocumentAdmin(
    ConcurrentEditAdminMixin, PublishActionsMixin, AuditHistoryAdmin, TranslationAdmin
):
    list_display = [
        "title",
        "kind",
        "language",
        "date",
        "meeting",
        "is_published",
        "is_illustrative",
    ]
    list_select_related = ["meeting"]
    list_filter = ["kind", "language", ("topics", admin.RelatedOnlyFieldListFilter), "is_published",
                   "is_illustrative"]  # fmt: skip
    # Set by load_demo only: a real record flagged by hand would go with remove_demo.
    readonly_fields = ["is_illustrative"]
    search_fields = ["title", "description"]
    date_hierarchy = "date"
    autocomplete_fields = ["authors", "meeting", "agenda_item", "topics"]


@admin.register(Topic)
class TopicAdmin(ConcurrentEditAdminMixin, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = [*in_every_language("name"), "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(ConcurrentEditAdminMixin, TranslationAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = [*in_every_language("name", "short_name"), "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(ConcurrentEditAdminMixin, TranslationAdmin):
    list_display = ["name", "position", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["name", "position", "organisation__name"]
    autocomplete_fields = ["organisation"]
