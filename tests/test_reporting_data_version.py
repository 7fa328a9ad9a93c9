"""Reports reach public pages (the history entry, a body's scorecard), so every table of
the reporting app carries the data-version trigger, on SQLite even after migrations that
rebuilt a table, and a report's move draws a new data version."""

import pytest
from django.db import connection

from core import data_version
from reporting import services
from reporting.models import ReportState
from tests import factories

pytestmark = pytest.mark.django_db


def test_every_reporting_table_carries_its_trigger():
    tables = {
        model._meta.db_table
        for model in data_version.tracked_models()
        if model._meta.app_label == "reporting"
    }
    assert tables == {
        "reporting_membership",
        "reporting_obligation",
        "reporting_report",
        "reporting_reportinground",
    }
    assert tables <= data_version.tables_with_triggers(connection)


def test_a_reports_move_draws_a_new_data_version(today):
    ministry = factories.organisation()
    report = factories.report(organisation=ministry)
    member = factories.membership(organisation=ministry).user
    before = data_version.current()
    services.report_submit(report=report, user=member, expected_version=1)
    assert data_version.current() != before
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED
