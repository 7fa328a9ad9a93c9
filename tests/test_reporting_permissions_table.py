"""Who may do what with reports, rounds and items, as one table: every role × every action
× the actor's own organisation or another × every state of the report.

The expected outcome is written out below as data, not derived from the rules it checks.
"own" means the object belongs to the role's organisation (the item is addressed to it,
the report is its own); "other" means another organisation of the same kind. Roles
without an organisation take the item's body (the ministry) as theirs, so for them the
two halves must agree. Actions on an item or a round ignore the report's state, so their
five columns agree too."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from meetings.models import Organisation
from recommendations.models import AssessmentOrigin
from reporting.models import MembershipRole, Report, ReportState
from reporting.rules import visible_reports
from tests import factories

pytestmark = pytest.mark.django_db

STATES = [
    ReportState.DRAFT,
    ReportState.SUBMITTED,
    ReportState.RETURNED,
    ReportState.PUBLISHED,
    ReportState.WITHDRAWN,
]

# Y: allowed, -: refused. Columns: draft, submitted, returned, published, withdrawn.
TABLE = """
role                action          own:       other:
anonymous           report_on_item  - - - - -  - - - - -
anonymous           view            - - - - -  - - - - -
anonymous           change          - - - - -  - - - - -
anonymous           submit          - - - - -  - - - - -
anonymous           withdraw        - - - - -  - - - - -
anonymous           return          - - - - -  - - - - -
anonymous           publish         - - - - -  - - - - -
anonymous           open_round      - - - - -  - - - - -
no_membership       report_on_item  - - - - -  - - - - -
no_membership       view            - - - - -  - - - - -
no_membership       change          - - - - -  - - - - -
no_membership       submit          - - - - -  - - - - -
no_membership       withdraw        - - - - -  - - - - -
no_membership       return          - - - - -  - - - - -
no_membership       publish         - - - - -  - - - - -
no_membership       open_round      - - - - -  - - - - -
focal_point         report_on_item  Y Y Y Y Y  - - - - -
focal_point         view            Y Y Y Y Y  - - - - -
focal_point         change          Y - Y - -  - - - - -
focal_point         submit          Y - Y - -  - - - - -
focal_point         withdraw        Y Y Y - -  - - - - -
focal_point         return          - - - - -  - - - - -
focal_point         publish         - - - - -  - - - - -
focal_point         open_round      - - - - -  - - - - -
other_focal_point   report_on_item  Y Y Y Y Y  - - - - -
other_focal_point   view            Y Y Y Y Y  - - - - -
other_focal_point   change          Y - Y - -  - - - - -
other_focal_point   submit          Y - Y - -  - - - - -
other_focal_point   withdraw        Y Y Y - -  - - - - -
other_focal_point   return          - - - - -  - - - - -
other_focal_point   publish         - - - - -  - - - - -
other_focal_point   open_round      - - - - -  - - - - -
former_focal_point  report_on_item  - - - - -  - - - - -
former_focal_point  view            - - - - -  - - - - -
former_focal_point  change          - - - - -  - - - - -
former_focal_point  submit          - - - - -  - - - - -
former_focal_point  withdraw        - - - - -  - - - - -
former_focal_point  return          - - - - -  - - - - -
former_focal_point  publish         - - - - -  - - - - -
former_focal_point  open_round      - - - - -  - - - - -
evaluator           report_on_item  Y Y Y Y Y  Y Y Y Y Y
evaluator           view            Y Y Y Y Y  - - - - -
evaluator           change          Y - Y - -  - - - - -
evaluator           submit          Y - Y - -  - - - - -
evaluator           withdraw        Y Y Y - -  - - - - -
evaluator           return          - - - - -  - - - - -
evaluator           publish         - - - - -  - - - - -
evaluator           open_round      - - - - -  - - - - -
viewer_staff        report_on_item  - - - - -  - - - - -
viewer_staff        view            Y Y Y Y Y  Y Y Y Y Y
viewer_staff        change          - - - - -  - - - - -
viewer_staff        submit          - - - - -  - - - - -
viewer_staff        withdraw        - - - - -  - - - - -
viewer_staff        return          - - - - -  - - - - -
viewer_staff        publish         - - - - -  - - - - -
viewer_staff        open_round      - - - - -  - - - - -
reviewer            report_on_item  - - - - -  - - - - -
reviewer            view            Y Y Y Y Y  Y Y Y Y Y
reviewer            change          - - - - -  - - - - -
reviewer            submit          - - - - -  - - - - -
reviewer            withdraw        - - - - -  - - - - -
reviewer            return          - Y - - -  - Y - - -
reviewer            publish         - Y - - -  - Y - - -
reviewer            open_round      Y Y Y Y Y  Y Y Y Y Y
"""

PERMISSIONS = {
    "report_on_item": "reporting.report_on_item",
    "view": "reporting.view_report",
    "change": "reporting.change_report",
    "submit": "reporting.submit_report",
    "withdraw": "reporting.withdraw_report",
    "return": "reporting.review_report",
    "publish": "reporting.review_report",
    "open_round": "reporting.open_round",
}


def cases():
    lines = [line.split() for line in TABLE.strip().splitlines()[1:]]
    for role, action, *marks in lines:
        assert len(marks) == 2 * len(STATES), (role, action)
        for whose, half in (("own", marks[:5]), ("other", marks[5:])):
            for state, mark in zip(STATES, half, strict=True):
                yield pytest.param(
                    role, action, whose, state, mark == "Y", id=f"{role}-{action}-{whose}-{state}"
                )


class World:
    """Two ministries and two NGOs; objects are made only as a case asks for them."""

    def __init__(self) -> None:
        kind = Organisation.Kind
        self.ministry = factories.organisation(name="Ministry of Justice")
        self.other_ministry = factories.organisation(name="Ministry of Labour")
        self.ngo = factories.organisation(name="Human Rights Bureau", kind=kind.NGO)
        self.other_ngo = factories.organisation(name="Legal Aid Centre", kind=kind.NGO)
        self.other = {
            self.ministry: self.other_ministry,
            self.other_ministry: self.ministry,
            self.ngo: self.other_ngo,
        }

    def user(self, role: str):
        """The role's user and the organisation that counts as its own."""
        member = {"role": MembershipRole.FOCAL_POINT, "starts": datetime.date(2020, 1, 1)}
        if role == "anonymous":
            return AnonymousUser(), self.ministry
        if role == "no_membership":
            return factories.user(), self.ministry
        if role == "focal_point":
            return factories.membership(organisation=self.ministry, **member).user, self.ministry
        if role == "other_focal_point":
            user = factories.membership(organisation=self.other_ministry, **member).user
            return user, self.other_ministry
        if role == "former_focal_point":
            ended = {**member, "ends": datetime.date(2023, 12, 31)}  # today is 2024-01-01
            return factories.membership(organisation=self.ministry, **ended).user, self.ministry
        if role == "evaluator":
            evaluator = {**member, "role": MembershipRole.EVALUATOR}
            return factories.membership(organisation=self.ngo, **evaluator).user, self.ngo
        if role == "viewer_staff":
            return factories.viewer_user(), self.ministry
        if role == "reviewer":
            return factories.secretariat_user(), self.ministry
        raise AssertionError(role)

    def item(self, organisation: Organisation):
        """A published recommendation addressed to a ministry, or (for an NGO, which is
        addressed nothing) one addressed to no one."""
        recommendation = factories.recommendation()
        if organisation.kind != Organisation.Kind.NGO:
            recommendation.responsible_bodies.add(organisation)
        return recommendation

    def report(self, organisation: Organisation, state: str):
        """A ministry's government report on an item addressed to it, or an NGO's
        evaluation, in `state`."""
        origin = (
            AssessmentOrigin.EVALUATION
            if organisation.kind == Organisation.Kind.NGO
            else AssessmentOrigin.GOVERNMENT_REPORT
        )
        return factories.report(
            organisation=organisation, item=self.item(organisation), origin=origin, state=state
        )


@pytest.mark.parametrize(("role", "action", "whose", "state", "allowed"), list(cases()))
def test_permission(today, role, action, whose, state, allowed):
    world = World()
    user, own = world.user(role)
    organisation = own if whose == "own" else world.other[own]
    if action == "report_on_item":
        target = world.item(organisation)
    elif action == "open_round":
        target = factories.reporting_round()
    else:
        target = world.report(organisation, state)
    assert user.has_perm(PERMISSIONS[action], target) is allowed


def test_nobody_reports_on_an_unpublished_item(today):
    world = World()
    draft = factories.recommendation(is_published=False)
    draft.responsible_bodies.add(world.ministry)
    for role in ("focal_point", "evaluator", "reviewer"):
        user, _own = world.user(role)
        assert not user.has_perm("reporting.report_on_item", draft), role


def test_a_membership_counts_from_its_first_day_to_its_last(today):
    world = World()
    report = world.report(world.ministry, ReportState.DRAFT)
    membership = factories.membership(
        organisation=world.ministry,
        starts=datetime.date(2024, 2, 1),
        ends=datetime.date(2024, 2, 29),
    )
    for day, member in [
        (datetime.date(2024, 1, 31), False),
        (datetime.date(2024, 2, 1), True),
        (datetime.date(2024, 2, 29), True),
        (datetime.date(2024, 3, 1), False),
    ]:
        today(day)
        assert membership.user.has_perm("reporting.change_report", report) is member, day


def test_the_reports_a_user_may_view_are_those_the_rule_lets_them_view(today):
    world = World()
    reports = [world.report(org, ReportState.DRAFT) for org in (world.ministry, world.ngo)]
    focal_point, _own = world.user("focal_point")
    reviewer, _own = world.user("reviewer")
    for user in (focal_point, reviewer, AnonymousUser()):
        visible = set(visible_reports(Report.objects.all(), user))
        assert visible == {r for r in reports if user.has_perm("reporting.view_report", r)}
    assert set(visible_reports(Report.objects.all(), focal_point)) == {reports[0]}
