"""The weekly reminder e-mails (management command send_reminders, run by cron): each
current focal point gets one digest of what their bodies owe that is due or overdue, and
the secretariat (those who may publish and return reports) one of the review queue. Each
person at most one of each a week, however often the command runs: what was sent is
recorded (ReminderSent)."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.db.models import Q

from plans import clock
from reporting.models import Membership, MembershipRole, Obligation, Report, Standing

from .accounts import send_in_language
from .models import ReminderKind, ReminderSent

logger = logging.getLogger(__name__)
User = get_user_model()


@dataclass
class Sent:
    focal_points: int = 0
    secretariat: int = 0


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of `day`'s week."""
    return day - datetime.timedelta(days=day.weekday())


def _send_once(*, user, kind: str, week: datetime.date, template: str, context: dict) -> bool:
    """Send unless this week's was sent: the record and the message stand or fall together
    (a failed send leaves no record, so the next run tries again)."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(user=user, kind=kind, week=week)
            send_in_language(user=user, template=template, context=context)
    except IntegrityError:  # sent already, by this week's earlier run
        return False
    return True


def send_reminders(*, today: datetime.date | None = None) -> Sent:
    today = today or clock.today()
    week = week_of(today)
    sent = Sent()
    already = set(ReminderSent.objects.filter(week=week).values_list("user_id", "kind"))

    # Focal points: what their bodies owe in open rounds, due or overdue.
    members: dict[int, list[int]] = {}  # organisation → users
    users = {}
    for membership in (
        Membership.objects.current(today)
        .filter(role=MembershipRole.FOCAL_POINT, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
    ):
        members.setdefault(membership.organisation_id, []).append(membership.user_id)
        users[membership.user_id] = membership.user
    owed: dict[int, list[Obligation]] = {}
    for obligation in (
        Obligation.objects.with_standing(today)
        .filter(
            organisation__in=list(members),
            round__opened_at__isnull=False,
            standing__in=[Standing.OVERDUE, Standing.DUE],
        )
        .select_related("round", "organisation", "recommendation", "activity__plan")
        .order_by("round__due_date", "organisation__name", "pk")
    ):
        for user_id in members[obligation.organisation_id]:
            owed.setdefault(user_id, []).append(obligation)
    for user_id, obligations in owed.items():
        if (user_id, ReminderKind.DUE.value) in already:
            continue
        overdue = [o for o in obligations if o.standing == Standing.OVERDUE]
        due = [o for o in obligations if o.standing == Standing.DUE]
        if _send_once(
            user=users[user_id],
            kind=ReminderKind.DUE,
            week=week,
            template="workspace/email/due_digest",
            context={"overdue": overdue, "due": due},
        ):
            sent.focal_points += 1

    # The secretariat: the reports waiting for review, the longest waiting first.
    queue = list(
        Report.objects.review_queue().select_related(
            "organisation", "recommendation", "activity__plan"
        )
    )
    if queue:
        for reviewer in reviewers():
            if (reviewer.pk, ReminderKind.REVIEW_QUEUE.value) in already:
                continue
            if _send_once(
                user=reviewer,
                kind=ReminderKind.REVIEW_QUEUE,
                week=week,
                template="workspace/email/review_digest",
                context={"queue": queue},
            ):
                sent.secretariat += 1
    logger.info(
        "Reminders sent: %d to focal points, %d to the secretariat.",
        sent.focal_points,
        sent.secretariat,
    )
    return sent


def reviewers():
    """Active staff who hold the permission to publish and return reports (directly, by a
    group, or as superusers), with an address."""
    permission = Permission.objects.get(
        content_type__app_label="reporting", codename="review_report"
    )
    return (
        User.objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions=permission)
            | Q(groups__permissions=permission)
        )
        .distinct()
        .order_by("pk")
    )
