"""Who may do what with reports and rounds: the one place object-level permissions come
from (django-rules; checked as `user.has_perm("reporting.<name>", obj)`).

- `report_on_item` (a recommendation or activity): a current focal point of a body the
  item is addressed to, or a current evaluator of an NGO; the item is published.
- `view_report`: a current member of the report's organisation, or secretariat staff with
  the model permission to view reports.
- `change_report`, `submit_report`: a current member, the report a draft or returned;
  `withdraw_report` also while submitted.
- `review_report` (publish, return): staff with the model permission `review_report`
  (view-only staff lack it), the report submitted.
- `open_round`: staff with the model permission to change rounds.

The model permissions are read from Django's ModelBackend directly: asking
`user.has_perm` from inside a rule would ask the rules again."""

from __future__ import annotations

import datetime

import rules
from django.contrib.auth.backends import ModelBackend
from django.db.models import Model

from meetings.models import Organisation
from plans import clock
from plans.models import Activity
from recommendations.models import AssessmentOrigin, Recommendation

from .models import Item, Membership, MembershipRole, Report, ReportQuerySet

_model_permissions = ModelBackend()


def has_model_permission(user, codename: str) -> bool:
    """The Django model permission `reporting.<codename>`, held by active staff."""
    return bool(
        user is not None
        and user.is_active
        and user.is_staff
        and _model_permissions.has_perm(user, f"reporting.{codename}")
    )


def current_roles(user) -> dict[int, frozenset[str]]:
    """The user's organisations (by primary key) today and the roles held in each; read
    once per user and day (the object is kept for a request, so a page checking many
    reports asks once)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    today = clock.today()
    cached: tuple[datetime.date, dict[int, frozenset[str]]] | None = getattr(
        user, "_reporting_roles", None
    )
    if cached is None or cached[0] != today:
        roles: dict[int, set[str]] = {}
        for organisation_id, role in (
            Membership.objects.of(user).current(today).values_list("organisation_id", "role")
        ):
            roles.setdefault(organisation_id, set()).add(role)
        cached = (today, {key: frozenset(value) for key, value in roles.items()})
        user._reporting_roles = cached
    return cached[1]


def addressed_organisation_ids(item: Item) -> set[int]:
    """The bodies an item is addressed to: a recommendation's responsible bodies, an
    activity's lead and co-implementing bodies (from a prefetch when there is one)."""
    if isinstance(item, Recommendation):
        return {organisation.pk for organisation in item.responsible_bodies.all()}
    return {body.organisation_id for body in item.bodies.all()}


def is_published(item: Item) -> bool:
    if isinstance(item, Recommendation):
        return item.is_published
    return item.plan.is_published


def may_report_for(user, *, organisation: Organisation, item: Item, origin: str) -> bool:
    """Whether `user` may write a report of `origin` in the name of `organisation` on
    `item`: its focal point, on a published item addressed to it (a government report);
    its evaluator, on any published item (an evaluation)."""
    if not isinstance(item, Recommendation | Activity) or not is_published(item):
        return False
    roles = current_roles(user).get(organisation.pk, frozenset())
    if origin == AssessmentOrigin.GOVERNMENT_REPORT:
        return (
            MembershipRole.FOCAL_POINT in roles
            and organisation.pk in addressed_organisation_ids(item)
        )
    if origin == AssessmentOrigin.EVALUATION:
        return MembershipRole.EVALUATOR in roles
    return False


@rules.predicate
def may_report_on_item(user, item: Model | None) -> bool:
    if not isinstance(item, Recommendation | Activity) or not is_published(item):
        return False
    roles = current_roles(user)
    if any(MembershipRole.EVALUATOR in held for held in roles.values()):
        return True
    focal = {pk for pk, held in roles.items() if MembershipRole.FOCAL_POINT in held}
    return bool(focal and focal & addressed_organisation_ids(item))


@rules.predicate
def is_report_member(user, report: Model | None) -> bool:
    """A current member of the report's organisation."""
    return isinstance(report, Report) and report.organisation_id in current_roles(user)


@rules.predicate
def is_secretariat_viewer(user) -> bool:
    return has_model_permission(user, "view_report")


@rules.predicate
def is_reviewer(user) -> bool:
    return has_model_permission(user, "review_report")


@rules.predicate
def may_open_rounds(user) -> bool:
    return has_model_permission(user, "change_reportinground")


def _state_allows(action: str):
    @rules.predicate(name=f"report_state_allows_{action}")
    def allows(user, report: Model | None) -> bool:
        return isinstance(report, Report) and report.may(action)

    return allows


# Who may take each action on a report at all, whatever its state: services.py refuses
# anyone else with PermissionDenied, and a right actor at the wrong moment with Refused.
ACTORS = {
    "change": is_report_member,
    "submit": is_report_member,
    "withdraw": is_report_member,
    "return": is_reviewer,
    "publish": is_reviewer,
}

rules.add_perm("reporting.report_on_item", may_report_on_item)
rules.add_perm("reporting.view_report", is_report_member | is_secretariat_viewer)
rules.add_perm("reporting.change_report", is_report_member & _state_allows("change"))
rules.add_perm("reporting.submit_report", is_report_member & _state_allows("submit"))
rules.add_perm("reporting.withdraw_report", is_report_member & _state_allows("withdraw"))
# Publish and return allow the same states (submitted).
rules.add_perm("reporting.review_report", is_reviewer & _state_allows("publish"))
rules.add_perm("reporting.open_round", may_open_rounds)


def visible_reports(reports: ReportQuerySet, user) -> ReportQuerySet:
    """`reports` narrowed to those `user` may view (the rule of `view_report`, in SQL)."""
    if is_secretariat_viewer(user):
        return reports
    organisations = list(current_roles(user))
    if not organisations:
        return reports.none()
    return reports.filter(organisation_id__in=organisations)
