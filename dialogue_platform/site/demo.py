"""The whole demo, across the apps: each app loads and removes its own part, and this layer,
which sits above them all, runs the parts in the order their links need."""

from __future__ import annotations

from django.db import transaction

from meetings.models import Meeting
from plans.demo import load_plans_demo
from plans.demo_removal import remove_plans_demo
from recommendations.demo import load_demo as load_record_demo
from recommendations.demo_removal import remove_demo as remove_record_demo


@transaction.atomic
def load() -> Meeting:
    """Everything `manage.py load_demo` loads (running it again changes nothing): the
    vocabularies, the real meetings and the illustrative record, then the plans app's plans,
    activities and UN recommendations, which link to those recommendations. Returns the
    real meeting of 22 October 2021."""
    meeting = load_record_demo()
    load_plans_demo()
    return meeting


@transaction.atomic
def remove() -> dict[str, int]:
    """Delete every illustrative record, in one transaction: the plans app's first (they
    point at the recommendations and documents), then the record's. How many of each went;
    ProtectedError, and nothing deleted, if a real record refers to an illustrative one."""
    return {**remove_plans_demo(), **remove_record_demo()}
