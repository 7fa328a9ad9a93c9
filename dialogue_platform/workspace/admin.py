"""The secretariat invites accounts from the admin's list of users: no one signs up."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from reporting.admin import UserWithMembershipsAdmin

from . import accounts
from .forms import InvitationForm

User = get_user_model()


class InvitingUserAdmin(UserWithMembershipsAdmin):
    """The users' admin (with the bodies each person serves), plus the invitation page and
    the e-mail language."""

    change_list_template = "admin/workspace/user_change_list.html"
    list_display = ["username", "email", "first_name", "last_name", "language", "is_staff"]
    fieldsets = [
        *UserWithMembershipsAdmin.fieldsets[:1],
        (_("Personal info"), {"fields": ["first_name", "last_name", "email", "language"]}),
        *UserWithMembershipsAdmin.fieldsets[2:],
    ]
    actions = ["invite_again"]

    def get_urls(self):
        return [
            path(
                "invite/",
                self.admin_site.admin_view(self.invite_view),
                name="dialogue_platform_user_invite",
            ),
            *super().get_urls(),
        ]

    def invite_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = InvitationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            user = accounts.invite(invited_by=request.user, **form.cleaned_data)
            self.log_addition(request, user, [{"added": {}}])
            self.message_user(
                request,
                _("Invitation sent to %(email)s.") % {"email": user.email},
                messages.SUCCESS,
            )
            return redirect("admin:dialogue_platform_user_change", user.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Invite someone"),
            "form": form,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/workspace/invite.html", context)

    @admin.action(description=_("Send the invitation again"), permissions=["add"])
    def invite_again(self, request: HttpRequest, queryset: QuerySet) -> None:
        # Only to those who have not chosen a password: for the others, a reset link
        # would arrive worded as an invitation.
        waiting = [u for u in queryset if not u.has_usable_password() and u.email]
        for user in waiting:
            accounts.send_invitation(user=user, invited_by=request.user)
        self.message_user(
            request,
            ngettext(
                "Invitation sent again to %(count)d account.",
                "Invitation sent again to %(count)d accounts.",
                len(waiting),
            )
            % {"count": len(waiting)},
            messages.SUCCESS,
        )


admin.site.unregister(User)
admin.site.register(User, InvitingUserAdmin)
