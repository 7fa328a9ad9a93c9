"""Every change to a report and the opening of a round.

Each runs in one transaction and re-reads the report under a row lock
(select_for_update): of two people acting on the same report at once, the second waits for
the first, then finds the version it saw gone and is refused (Refused, with a message for
them) instead of overwriting. Someone who may not act at all gets PermissionDenied
(reporting/rules.py says who may)."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import User
from meetings.models import Organisation
from meetings.uploads import validate_document_file
from plans import clock
from plans.models import Activity, ActivityBody
from recommendations.models import Recommendation

from . import rules
from .models import Item, Obligation, Refused, Report, ReportingRound

__all__ = [
    "Refused",
    "report_create",
    "report_publish",
    "report_return",
    "report_submit",
    "report_update",
    "report_withdraw",
    "round_open",
]

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
UNCHANGED = object()  # report_update's document arguments, when not given
# The audit history's reason for each change (English, as the history's other reasons).
REASONS = {
    "create": "Report drafted",
    "change": "Report edited",
    "submit": "Report submitted",
    "withdraw": "Report withdrawn",
    "return": "Report returned with a note",
    "publish": "Report published",
}


def _narrative_fields(narratives: dict[str, str]) -> dict[str, str]:
    """narrative_en/_ru/_kk from {"en": …, "ru": …, "kk": …}; at least one not blank."""
    unknown = set(narratives) - set(LANGUAGE_CODES)
    if unknown:
        raise ValidationError(_("Unknown language: %(codes)s.") % {"codes": ", ".join(unknown)})
    fields = {f"narrative_{code}": (narratives.get(code) or "").strip() for code in LANGUAGE_CODES}
    if not any(fields.values()):
        raise ValidationError(
            _("Write the narrative in at least one language."), code="narrative_required"
        )
    return fields


def _check_claimed_status(claimed_status: str) -> None:
    choices = {value for value, _label in Report._meta.get_field("claimed_status").choices}
    if claimed_status and claimed_status not in choices:
        raise ValidationError(_("Choose a status from the list."), code="claimed_status")


def _check_document(document: File | None) -> None:
    if document:
        validate_document_file(document)


def report_create(
    *,
    user: User,
    organisation: Organisation,
    item: Item,
    origin: str,
    round: ReportingRound | None = None,
    claimed_status: str = "",
    narratives: dict[str, str],
    document: File | None = None,
    document_is_public: bool = False,
) -> Report:
    """A draft report by `organisation` on `item`, written by `user` (its focal point for
    a government report, its evaluator for an evaluation)."""
    if not rules.may_report_for(user, organisation=organisation, item=item, origin=origin):
        raise PermissionDenied(_("You may not report on this item for this organisation."))
    fields = _narrative_fields(narratives)
    _check_claimed_status(claimed_status)
    _check_document(document)
    report = Report(
        organisation=organisation,
        author=user,
        origin=origin,
        round=round,
        recommendation=item if isinstance(item, Recommendation) else None,
        activity=item if isinstance(item, Activity) else None,
        claimed_status=claimed_status,
        document_is_public=document_is_public,
        **fields,
    )
    if document:
        report.document = document
    report._history_user = user
    report._change_reason = REASONS["create"]
    report.save()
    return report


def _act(
    action: str, *, report: Report, user: User, expected_version: int, change: Callable
) -> Report:
    """Take `action` on `report` for `user`, who saw `expected_version`: lock the row,
    check the actor, the version and the state, apply `change` and the move, save."""
    with transaction.atomic():
        current = Report.objects.select_for_update().get(pk=report.pk)
        if not rules.ACTORS[action].test(user, current):
            raise PermissionDenied(_("You may not do this with this report."))
        if current.version != expected_version:
            raise Refused(
                _(
                    "The report changed since you opened it (it is now “%(state)s”): "
                    "nothing was done. Look at it again and decide."
                )
                % {"state": current.get_state_display()}
            )
        current.move(action)  # refuses a move its state does not allow
        change(current)
        # The audit history names who acted and how (as plans/services.py does).
        current._history_user = user
        current._change_reason = REASONS[action]
        current.save()
    return current


def report_update(
    *,
    report: Report,
    user: User,
    expected_version: int,
    claimed_status: str,
    narratives: dict[str, str],
    document: File | object | None = UNCHANGED,
    document_is_public: bool | object = UNCHANGED,
) -> Report:
    """New content for a draft or returned report (`document=None` removes the file)."""
    fields = _narrative_fields(narratives)
    _check_claimed_status(claimed_status)
    if document is not UNCHANGED:
        _check_document(document)

    def change(current: Report) -> None:
        for name, value in fields.items():
            setattr(current, name, value)
        current.claimed_status = claimed_status
        if document is not UNCHANGED:
            current.document = document or ""
        if document_is_public is not UNCHANGED:
            current.document_is_public = bool(document_is_public)

    return _act(
        "change", report=report, user=user, expected_version=expected_version, change=change
    )


def report_submit(*, report: Report, user: User, expected_version: int) -> Report:
    """Send a draft (or a corrected returned report) to the secretariat."""

    def change(current: Report) -> None:
        current.submitted_at = timezone.now()

    return _act(
        "submit", report=report, user=user, expected_version=expected_version, change=change
    )


def report_withdraw(*, report: Report, user: User, expected_version: int) -> Report:
    """The body takes its report back, before it is published."""
    return _act(
        "withdraw",
        report=report,
        user=user,
        expected_version=expected_version,
        change=lambda current: None,
    )


def report_return(*, report: Report, user: User, expected_version: int, note: str) -> Report:
    """The secretariat sends a submitted report back to its body with a note."""
    note = (note or "").strip()
    if not note:
        raise ValidationError(
            _("Say in a note what the body should correct."), code="note_required"
        )

    def change(current: Report) -> None:
        current.reviewer_note = note
        current.reviewed_by = user

    return _act(
        "return", report=report, user=user, expected_version=expected_version, change=change
    )


def report_publish(
    *, report: Report, user: User, expected_version: int, date: datetime.date | None = None
) -> Report:
    """The secretariat publishes a submitted report: it becomes a dated entry of the item's
    history whose origin and body say who speaks; a government report's claimed status
    becomes the item's current status by the usual rule, an evaluation's stands beside it."""

    def change(current: Report) -> None:
        item = current.item
        entry = item.record_assessment(
            date=date or clock.today(),
            status=current.claimed_status or item.status,
            summary=current.narratives[settings.MODELTRANSLATION_DEFAULT_LANGUAGE],
            assessed_by=current.organisation,
            origin=current.origin,
        )
        # The history entry's summary is translated like the narrative.
        for code, text in current.narratives.items():
            setattr(entry, f"summary_{code}", text or None)
        entry.save(update_fields=[f"summary_{code}" for code in LANGUAGE_CODES])
        if isinstance(item, Recommendation):
            current.recommendation_assessment = entry
        else:
            current.activity_assessment = entry
        current.reviewed_by = user
        current.published_at = timezone.now()

    return _act(
        "publish", report=report, user=user, expected_version=expected_version, change=change
    )


def round_open(*, round: ReportingRound, user: User) -> int:
    """Open `round`: record, for each published recommendation and activity, what each
    body it is addressed to owes (a recommendation's responsible bodies, an activity's
    lead and co-implementing bodies). Opening again adds what was addressed since and
    nothing twice. Returns the number of obligations created."""
    if not user.has_perm("reporting.open_round", round):
        raise PermissionDenied(_("You may not open reporting rounds."))
    with transaction.atomic():
        current = ReportingRound.objects.select_for_update().get(pk=round.pk)
        if current.opened_at is None:
            # The first opening counts: reports submitted since then answer the round.
            current.opened_at = timezone.now()
            current.save(update_fields=["opened_at", "updated"])
        before = current.obligations.count()
        addressed = Recommendation.responsible_bodies.through.objects.filter(
            recommendation__is_published=True
        ).values_list("recommendation_id", "organisation_id")
        bodies = (
            ActivityBody.objects.filter(activity__plan__is_published=True)
            .values_list("activity_id", "organisation_id")
            .distinct()
        )
        obligations = [
            Obligation(round=current, organisation_id=organisation, recommendation_id=pk)
            for pk, organisation in addressed
        ] + [
            Obligation(round=current, organisation_id=organisation, activity_id=pk)
            for pk, organisation in bodies
        ]
        # The unique constraints keep one per body and item; re-opening skips those.
        Obligation.objects.bulk_create(obligations, ignore_conflicts=True, batch_size=500)
        created = current.obligations.count() - before
    round.opened_at = current.opened_at
    return created
