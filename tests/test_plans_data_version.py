"""Writes to the plans record change the data version, so cached pages showing plans,
activities and links are never stale."""

import datetime

import pytest

from core import data_version
from plans.models import Activity, Link

from . import factories

pytestmark = pytest.mark.django_db


def test_every_plans_table_carries_the_version_trigger():
    # The system check (dialogue_platform.E001) covers every tracked app; this names plans'.
    plans_tables = {
        model._meta.db_table
        for model in data_version.tracked_models()
        if model._meta.app_label == "plans"
    }
    assert {
        "plans_activity",
        "plans_link",
        "plans_outsiderecommendation_sdg_targets",
    } <= plans_tables
    assert plans_tables <= data_version.tables_with_triggers()


def test_plans_writes_each_change_the_version():
    activity = factories.activity()
    seen = {data_version.current()}
    activity.record_assessment(date=datetime.date(2022, 1, 1), status="in_progress")
    seen.add(data_version.current())
    Activity.objects.update(due_date=datetime.date(2022, 12, 31))  # a bulk update
    seen.add(data_version.current())
    Link.objects.create(
        activity=activity, outside_recommendation=factories.outside_recommendation()
    )
    seen.add(data_version.current())
    activity.topics.add(factories.topic())
    seen.add(data_version.current())
    assert len(seen) == 5
