"""Back-office parts every app's admin builds on: search across languages, the audit
history page with its restore permission, the publish actions, and the CSV import page."""

from collections.abc import Sequence

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from .csv_import import ImportResult
from .publishing import set_published


def in_every_language(*fields: str) -> list[str]:
    """Every language's column of translated fields, so admin search finds any of them."""
    return [f"{field}_{code}" for field in fields for code, _ in settings.LANGUAGES]


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


# Problems listed on an import page at most: a wholly wrong file would otherwise list one
# per row.
MAX_PROBLEMS_SHOWN = 1000


class CsvImportAdminMixin:
    """An "Import CSV" page (admin:<app>_<model>_import) that checks an uploaded file whole
    (core/csv_import.py): every problem listed and nothing written, or
    all of it imported. Importing creates and changes records, so it takes both
    permissions; a staff member who may only view is refused."""

    import_form: type[Form]  # with a `file` field
    import_template: str  # extends admin/csv_import.html
    import_title: str | Promise
    import_columns: Sequence[str]

    # Adds the "Import CSV" link beside "Add".
    change_list_template = "admin/csv_import_change_list.html"

    def import_csv(self, request: HttpRequest, cleaned_data: dict) -> ImportResult:
        raise NotImplementedError

    def has_import_permission(self, request: HttpRequest) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        extra = {"can_import_csv": self.has_import_permission(request), **(extra_context or {})}
        return super().changelist_view(request, extra)

    def get_urls(self) -> list[URLPattern]:
        # Before the default URLs, whose "<path:object_id>/" would otherwise match "import/".
        name = f"{self.opts.app_label}_{self.opts.model_name}_import"
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name=name),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a CSV file: every problem listed and nothing written, or all of it imported."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.import_form(request.POST or None, request.FILES or None)
        problems = []
        if request.method == "POST" and form.is_valid():
            result = self.import_csv(request, form.cleaned_data)
            if not result.problems:
                self.message_user(
                    request,
                    _("Import done: %(summary)s") % {"summary": result.summary},
                    messages.SUCCESS,
                )
                return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
            problems = result.problems
        context = {
            **self.admin_site.each_context(request),
            "title": self.import_title,
            "opts": self.opts,
            "form": form,
            "columns": self.import_columns,
            "problems": problems[:MAX_PROBLEMS_SHOWN],
            "problem_count": len(problems),
            "problems_not_shown": max(0, len(problems) - MAX_PROBLEMS_SHOWN),
        }
        return TemplateResponse(request, self.import_template, context)
