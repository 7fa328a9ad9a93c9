"""Publishing and withdrawing many records at once, leaving the trace a save would leave.

A bulk UPDATE runs no save(), so django-simple-history records nothing and the admin logs
nothing. set_published() writes both itself, for the records whose state changes and only
those, in statements whose number does not grow with each record: per batch of records
the UPDATE and one INSERT … SELECT of their new versions into the audit history
(audit.record_versions, as the CSV import does), and the admin log entries of them all in
one bulk insert (which Django splits on SQLite, at most 999 values a statement).
django-simple-history's bulk_update_with_history would do the same in one call, but was
measured four to nine times as slow on 5,000 records (figures in audit.py).
"""

from __future__ import annotations

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.db import models, router, transaction
from django.utils import timezone

from .audit import CHANGED, record_versions

# Records per statement, which is also the length of their IN (...) list: below the 999
# variables per statement of SQLite builds before 3.32.
BATCH = 900


def set_published(
    records: models.QuerySet, *, published: bool, user: AbstractBaseUser, reason: str
) -> int:
    """Publish (or return to draft) each of `records` that is not so already; record each
    change, with `user` and `reason`, in its audit history and in the admin log. Returns the
    number of records changed.

    The model needs `is_published`, the `updated` timestamp (moved, so that a change form
    opened before sees it is out of date) and a django-simple-history history."""
    model = records.model
    manager = model._default_manager
    with transaction.atomic(using=router.db_for_write(model)):
        # Re-selected by primary key: the admin's queryset may be DISTINCT, which FOR UPDATE
        # refuses. The rows stay locked (on PostgreSQL) until the history and the log say
        # exactly what this UPDATE changed.
        changing = list(
            manager.filter(pk__in=records.values("pk"))
            .exclude(is_published=published)
            .order_by("pk")
            .select_for_update()
        )
        now = timezone.now()
        for start in range(0, len(changing), BATCH):
            batch = manager.filter(pk__in=[record.pk for record in changing[start : start + BATCH]])
            batch.update(is_published=published, updated=now)
            record_versions(batch, history_type=CHANGED, user=user, reason=reason)
        if changing:
            LogEntry.objects.log_actions(
                user_id=user.pk, queryset=changing, action_flag=CHANGE, change_message=reason
            )
    return len(changing)
