"""Reads of the reporting app that other layers build on (the workspace, the scorecard)."""

from __future__ import annotations

from django.db.models import QuerySet

from meetings.models import Organisation

from .models import Membership


def organisations_of(user, role: str | None = None) -> QuerySet[Organisation]:
    """The organisations `user` currently serves (in `role`, if given)."""
    memberships = Membership.objects.of(user).current()
    if role:
        memberships = memberships.filter(role=role)
    return Organisation.objects.filter(pk__in=memberships.values("organisation_id")).order_by(
        "name"
    )
