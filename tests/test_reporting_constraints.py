"""What must always hold of reports, obligations and memberships is enforced by the
database itself, not only by the services and forms."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import Organisation
from recommendations.models import AssessmentOrigin
from reporting.models import Membership, MembershipRole, Obligation
from tests import factories

pytestmark = pytest.mark.django_db


def refused(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


@pytest.fixture
def ministry():
    return factories.organisation()


def test_a_report_names_exactly_one_item(ministry):
    activity = factories.activity()
    assert refused(lambda: factories.report(organisation=ministry, activity=activity))
    assert refused(
        lambda: factories.report(organisation=ministry, recommendation=None, activity=None)
    )
    assert not refused(lambda: factories.report(organisation=ministry, item=activity))


def test_a_report_is_never_the_secretariats_own(ministry):
    assert refused(
        lambda: factories.report(organisation=ministry, origin=AssessmentOrigin.SECRETARIAT)
    )


def test_a_report_has_a_narrative_in_some_language(ministry):
    empty = {"narrative_en": "", "narrative_ru": None, "narrative_kk": ""}
    assert refused(lambda: factories.report(organisation=ministry, **empty))
    assert not refused(
        lambda: factories.report(organisation=ministry, **{**empty, "narrative_kk": "Иә."})
    )


def test_states_and_claimed_statuses_stay_in_their_vocabularies(ministry):
    assert refused(lambda: factories.report(organisation=ministry, state="approved"))
    assert refused(lambda: factories.report(organisation=ministry, claimed_status="done"))
    assert not refused(lambda: factories.report(organisation=ministry, claimed_status=""))


def test_a_body_owes_one_report_per_item_and_round(ministry):
    round = factories.reporting_round()
    recommendation, activity = factories.recommendation(), factories.activity()
    Obligation.objects.create(round=round, organisation=ministry, recommendation=recommendation)
    Obligation.objects.create(round=round, organisation=ministry, activity=activity)
    assert refused(
        lambda: Obligation.objects.create(
            round=round, organisation=ministry, recommendation=recommendation
        )
    )
    assert refused(
        lambda: Obligation.objects.create(round=round, organisation=ministry, activity=activity)
    )
    assert refused(lambda: Obligation.objects.create(round=round, organisation=ministry))


def test_a_membership_ends_no_earlier_than_it_starts(ministry):
    day = datetime.date(2024, 1, 1)
    assert refused(
        lambda: factories.membership(
            organisation=ministry, starts=day, ends=day - datetime.timedelta(days=1)
        )
    )
    assert not refused(lambda: factories.membership(organisation=ministry, starts=day, ends=day))
    assert refused(lambda: factories.membership(organisation=ministry, role="chair"))


def test_an_evaluator_serves_an_ngo(ministry):
    ngo = factories.organisation(kind=Organisation.Kind.NGO)
    user = factories.user()
    with pytest.raises(ValidationError):
        Membership(user=user, organisation=ministry, role=MembershipRole.EVALUATOR).full_clean()
    Membership(user=user, organisation=ngo, role=MembershipRole.EVALUATOR).full_clean()
