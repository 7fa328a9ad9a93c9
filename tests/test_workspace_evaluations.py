"""An NGO's evaluator sees every published item in the workspace and submits evaluations of
them, which go to the same review."""

import pytest
from django.urls import reverse

from meetings.models import Organisation
from recommendations.models import AssessmentOrigin
from reporting.models import Membership, Report, ReportState

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluator(today, client):
    bureau = factories.organisation(name="Human Rights Bureau", kind=Organisation.Kind.NGO)
    membership = factories.membership(organisation=bureau, role=Membership.Role.EVALUATOR)
    client.force_login(membership.user)
    return membership


def test_an_evaluator_sees_every_published_item_and_no_draft(client, evaluator):
    published = factories.recommendation(reference="CAB-2021-010")
    factories.recommendation(reference="CAB-2021-011", is_published=False)

    page = client.get(reverse("workspace:items", args=["recommendations"]))

    assert published.reference in page.text
    assert "CAB-2021-011" not in page.text
    assert "Write an evaluation" in page.text


def test_an_evaluator_submits_an_evaluation(client, evaluator):
    item = factories.recommendation()

    client.post(
        reverse("workspace:report_new", args=["recommendation", item.pk]),
        {"claimed_status": "not_implemented", "narrative_kk": "Заң әлі қабылданған жоқ."},
    )
    report = Report.objects.get()
    client.post(reverse("workspace:report_submit", args=[report.pk]), {"version": report.version})

    report.refresh_from_db()
    assert (report.origin, report.organisation, report.state) == (
        AssessmentOrigin.EVALUATION, evaluator.organisation, ReportState.SUBMITTED,
    )  # fmt: skip


def test_an_unpublished_item_cannot_be_evaluated(client, evaluator):
    draft = factories.recommendation(is_published=False)

    response = client.post(
        reverse("workspace:report_new", args=["recommendation", draft.pk]),
        {"narrative_en": "Evaluation"},
    )

    assert response.status_code == 404
    assert not Report.objects.exists()
