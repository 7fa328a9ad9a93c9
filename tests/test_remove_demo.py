"""`manage.py remove_demo` deletes every illustrative record and nothing else."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from meetings.models import AgendaItem, Document, Meeting, Organisation, Participant, Topic
from plans.models import (
    ActionPlan,
    Activity,
    ActivityAssessment,
    ActivityBody,
    Link,
    OutsideRecommendation,
    SdgTarget,
    Section,
    UprCycle,
)
from recommendations.models import AffectedGroup, Assessment, Recommendation

from . import factories

pytestmark = pytest.mark.django_db

RECORDS = (Topic, Organisation, AffectedGroup, Meeting, AgendaItem, Participant, Document,
           Recommendation, Assessment, ActionPlan, Section, Activity, ActivityBody,
           ActivityAssessment, OutsideRecommendation, Link, UprCycle, SdgTarget)  # fmt: skip
ILLUSTRATIVE = (Meeting, AgendaItem, Document, Recommendation, Assessment, Section, Activity,
                ActivityAssessment, OutsideRecommendation, Link)  # fmt: skip


def rows() -> dict[str, set]:
    return {model.__name__: set(model.objects.values_list()) for model in RECORDS}


def real_record() -> Recommendation:
    """A real meeting with an agenda item, a document and an assessed recommendation,
    as the secretariat would enter them beside the demo."""
    meeting = factories.meeting(slug="2024-05-15-entered-meeting", date=datetime.date(2024, 5, 15))
    item = factories.agenda_item(meeting=meeting)
    document = factories.document(meeting=meeting, agenda_item=item)
    rec = factories.recommendation(meeting=meeting, agenda_item=item)
    rec.record_assessment(date=datetime.date(2025, 1, 1), status="in_progress", source=document)
    return rec


def test_removing_the_demo_leaves_exactly_the_real_records_and_the_vocabularies(demo):
    real_record()
    call_command("load_demo")  # the demo loaded again beside real records
    illustrative = {
        model.__name__: model.objects.filter(is_illustrative=True).count() for model in ILLUSTRATIVE
    }
    assert all(illustrative.values()), illustrative  # the demo flags every kind it makes
    real = {
        name: {row for row in values if not is_illustrative_row(name, row)}
        for name, values in rows().items()
    }
    # Participants of illustrative meetings and bodies of illustrative activities go with
    # them; every other real row stays.
    real["Participant"] = {row for row in real["Participant"] if meeting_is_real(row)}
    real["ActivityBody"] = {row for row in real["ActivityBody"] if activity_is_real(row)}

    call_command("remove_demo")

    assert rows() == real
    assert Meeting.objects.filter(slug="2021-10-22-snap-online-meeting").exists()
    assert Topic.objects.exists() and AffectedGroup.objects.exists()


def is_illustrative_row(model_name: str, row: tuple) -> bool:
    model = next(m for m in RECORDS if m.__name__ == model_name)
    if not hasattr(model, "is_illustrative"):
        return False
    pk = row[0]
    return model.objects.filter(pk=pk, is_illustrative=True).exists()


def meeting_is_real(row: tuple) -> bool:
    return not Participant.objects.select_related("meeting").get(pk=row[0]).meeting.is_illustrative


def activity_is_real(row: tuple) -> bool:
    return (
        not ActivityBody.objects.select_related("activity").get(pk=row[0]).activity.is_illustrative
    )


def test_removing_the_demo_leaves_no_audit_history_of_it(demo):
    call_command("load_demo")
    call_command("remove_demo")
    for model in ILLUSTRATIVE:
        assert not model.history.filter(is_illustrative=True).exists(), model.__name__


def test_the_site_notice_goes_with_the_demo(client, demo):
    assert "Demonstration data" in client.get("/").content.decode()
    call_command("remove_demo")
    assert "Demonstration data" not in client.get("/").content.decode()


def test_load_demo_after_remove_demo_brings_the_same_demo_back(demo):
    def illustrative() -> dict:
        return {
            model.__name__: model.objects.filter(is_illustrative=True).count()
            for model in (Meeting, AgendaItem, Document, Recommendation, Assessment)
        }

    before = illustrative()
    call_command("remove_demo")
    assert not any(illustrative().values())
    call_command("load_demo")
    assert illustrative() == before


def test_a_real_record_citing_an_illustrative_one_stops_the_removal_and_nothing_is_lost(demo):
    demo_document = Document.objects.filter(is_illustrative=True).first() or (
        factories.document(is_illustrative=True)
    )
    rec = real_record()
    rec.record_assessment(date=datetime.date(2025, 6, 1), status="implemented",
                          source=demo_document)  # fmt: skip
    before = rows()
    with pytest.raises(CommandError, match="Nothing was removed"):
        call_command("remove_demo")
    assert rows() == before
