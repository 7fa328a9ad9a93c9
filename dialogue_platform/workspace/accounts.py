"""Accounts: the secretariat invites people (no one signs up), and everyone may reset a
forgotten password; both by a one-time link e-mailed in the account's own language."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from meetings.models import Organisation
from plans import clock
from reporting.models import Membership, MembershipRole

User = get_user_model()

SECRETARIAT_GROUP = "Secretariat"


def password_link(user) -> str:
    """The one-time link to choose a password: it stops working once a password is set
    (the token is signed over the current one) or after PASSWORD_RESET_TIMEOUT.
    Call it inside the account's language: the link leads to the page in it."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("workspace:set_password", kwargs={"uidb64": uid, "token": token})
    return f"{settings.SITE_URL}{path}"


def send_in_language(*, user, template: str, context: dict) -> None:
    """E-mail `user` the message `template` (…_subject.txt and ….txt) in the account's
    language, whatever the language of the request that sends it."""
    with translation.override(user.language):
        context = {"user": user, "site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    message = EmailMultiAlternatives(
        # A subject is one line, whatever the template's layout.
        subject=" ".join(subject.split()),
        body=body,
        to=[user.email],
        headers={"Content-Language": user.language},
    )
    message.send()


def invite(
    *,
    email: str,
    first_name: str = "",
    last_name: str = "",
    language: str = settings.LANGUAGE_CODE,
    secretariat: bool = False,
    organisation: Organisation | None = None,
    role: str = MembershipRole.FOCAL_POINT,
    invited_by,
) -> User:
    """Create an account without a password and e-mail its owner the link to choose one.

    Secretariat staff get the back office (the Secretariat group, and two-factor before
    the admin); everyone else works in the workspace, through the organisations the
    secretariat makes them a member of (`organisation`, in `role` from today, if given)."""
    with transaction.atomic():
        user = User(
            username=email.lower(),
            email=email.lower(),
            first_name=first_name,
            last_name=last_name,
            language=language,
            is_staff=secretariat,
        )
        user.set_unusable_password()
        user.save()
        if secretariat:
            user.groups.add(Group.objects.get(name=SECRETARIAT_GROUP))
        if organisation is not None:
            Membership.objects.create(
                user=user, organisation=organisation, role=role, starts=clock.today()
            )
        # Sent once the account exists for good: a rolled-back invitation sends nothing.
        transaction.on_commit(lambda: send_invitation(user=user, invited_by=invited_by))
    return user


def send_invitation(*, user, invited_by) -> None:
    """(Again) e-mail an invited account its link to choose a password."""
    with translation.override(user.language):
        link = password_link(user)
    send_in_language(
        user=user,
        template="workspace/email/invitation",
        context={"link": link, "invited_by": invited_by, "timeout_days": timeout_days()},
    )


def timeout_days() -> int:
    return settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)


class LocalisedPasswordResetForm(PasswordResetForm):
    """Django's password reset form, whose e-mail is in the account's own language (the
    request asking for it may be in another) and links to SITE_URL, never the request's
    host, which a client could forge to steal the token."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        user = context["user"]
        with translation.override(user.language):
            link = password_link(user)
        send_in_language(
            user=user,
            template="workspace/email/password_reset",
            context={"link": link, "timeout_days": timeout_days()},
        )
