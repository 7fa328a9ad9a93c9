"""Workflows across several plans records."""

from __future__ import annotations

import datetime

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from core.audit import CHANGED, record_versions

from .models import Activity, ActivityAssessment, ActivityQuerySet


def activities_change_status(
    *,
    activities: ActivityQuerySet,
    status: str,
    date: datetime.date,
    summary: str,
    user: AbstractBaseUser,
    reason: str,
) -> int:
    """Record one assessment (`status` on `date`) for each of `activities`, and leave the
    trace an edit would: each assessment and each activity's new status in the audit
    history with `user` and `reason`, and an admin log entry per activity. Returns the
    number of activities assessed."""
    with transaction.atomic():
        # Locked until the history says exactly what changed (PostgreSQL).
        chosen = list(
            Activity.objects.filter(pk__in=activities.values("pk"))
            .order_by("pk")
            .select_for_update()
        )
        for activity in chosen:
            # Saved one by one: django-simple-history records each new entry with its author.
            assessment = ActivityAssessment(
                activity=activity, date=date, status=status, summary=summary
            )
            assessment._history_user = user
            assessment._change_reason = reason
            assessment.save()
        changed = Activity.objects.filter(pk__in=[activity.pk for activity in chosen])
        changed.refresh_statuses()
        # The status moved by an UPDATE, which the history does not hear: recorded here.
        record_versions(changed, history_type=CHANGED, user=user, reason=reason)
        if chosen:
            LogEntry.objects.log_actions(
                user_id=user.pk, queryset=chosen, action_flag=CHANGE, change_message=reason
            )
    return len(chosen)
