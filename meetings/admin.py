"""Back office for meetings: one page logs a whole meeting."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from dialogue_platform.edit_conflicts import ConcurrentEditAdminMixin
from dialogue_platform.publishing import set_published

from .models import AgendaItem, Document, Meeting, Organisation, Participant, Person, Topic


def in_every_language(*fields: str) -> list[str]:
    """Every language's column of translated fields, so admin search finds any of them."""
    return [f"{field}_{code}" for field in fields for code, _ in settings.LANGUAGES]


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


class AuditHistoryAdmin(SimpleHistoryAdmin):
    """A "History" page on each record: who changed what (each field, old → new), and
    when; every version kept. A past version can be restored by those who may change the
    record, and only by them."""

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context=None
    ) -> HttpResponse:
        # django-simple-history saves a posted past version for anyone who may view the
        # history: SIMPLE_HISTORY_REVERT_DISABLED and revert_disabled() only hide the button.
        if request.method == "POST" and not self.has_restore_permission(request, object_id):
            raise PermissionDenied
        # As the change form does: the record, its many-to-many fields and the log entry are
        # saved together or not at all.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def has_restore_permission(self, request: HttpRequest, object_id: str) -> bool:
        """May the user save a past version of the record over its current one?"""
        current = self.get_object(request, unquote(object_id))
        if current is None:  # deleted since: saving the past version would create it again
            return self.has_add_permission(request)
        return self.has_change_permission(request, current) and (
            self.has_change_history_permission(request, current)
        )

    def revert_disabled(self, request: HttpRequest, obj=None) -> bool:
        # The button is shown only to those whose restore would be accepted.
        return super().revert_disabled(request, obj) or not self.has_change_permission(request)


class PublishActionsMixin:
    """Publish and unpublish the selected records in one step, for those who may change
    them: the admin neither offers nor runs an action to a user without its permissions."""

    actions = ["publish", "unpublish"]

    @admin.action(permissions=["change"], description=_("Publish selected %(verbose_name_plural)s"))
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = set_published(
            queryset, published=True, user=request.user, reason="Published with the admin action"
        )
        self.message_user(
            request,
            ngettext("%(count)d record published.", "%(count)d records published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        permissions=["change"],
        description=_("Unpublish selected %(verbose_name_plural)s (back to draft)"),
    )
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = set_published(
            queryset, published=False, user=request.user, reason="Unpublished with the admin action"
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d record returned to draft.", "%(count)d records returned to draft.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )


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
    list_display = ["date", "title", "format", "kind", "is_published"]
    list_display_links = ["date", "title"]
    list_filter = [
        YearFilter,
        "format",
        "kind",
        ("agenda_items__topics", admin.RelatedOnlyFieldListFilter),
        "is_published",
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
    list_filter = [("topics", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "description", "meeting__title"]
    autocomplete_fields = ["meeting", "topics"]


@admin.register(Document)
class DocumentAdmin(
    ConcurrentEditAdminMixin, PublishActionsMixin, AuditHistoryAdmin, TranslationAdmin
):
    list_display = ["title", "kind", "language", "date", "meeting", "is_published"]
    list_select_related = ["meeting"]
    list_filter = ["kind", "language", ("topics", admin.RelatedOnlyFieldListFilter), "is_published"]
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
