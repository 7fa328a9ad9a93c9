from axes import admin as axes_admin
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import User

admin.site.register(User, UserAdmin)
admin.site.site_header = _("Dialogue Platform Records — back office")
admin.site.site_title = _("Dialogue Platform Records")
admin.site.index_title = _("Secretariat")


class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
    """django-axes' list of login attempts. Its clean-up action deletes rows, so it takes
    the delete permission (axes declares none, which offers it to view-only staff)."""

    @admin.action(
        description=axes_admin.AccessAttemptAdmin.cleanup_expired_attempts.short_description,
        permissions=["delete"],
    )
    def cleanup_expired_attempts(self, request: HttpRequest, queryset: QuerySet) -> None:
        super().cleanup_expired_attempts(request, queryset)


# Importing axes.admin above registered axes' own class; replace it with ours.
admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, AccessAttemptAdmin)
