"""Small factory functions: each builds one record, overrides as keyword arguments."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from meetings.models import AgendaItem, Document, Meeting, Organisation, Participant, Topic
from recommendations.models import AffectedGroup, Recommendation

_serial = itertools.count(1)


def topic(**overrides) -> Topic:
    n = next(_serial)
    return Topic.objects.create(**{"name": f"Topic {n}", "slug": f"topic-{n}", **overrides})


def affected_group(**overrides) -> AffectedGroup:
    n = next(_serial)
    return AffectedGroup.objects.create(**{"name": f"Group {n}", "slug": f"group-{n}", **overrides})


def organisation(**overrides) -> Organisation:
    n = next(_serial)
    fields = {"name": f"Organisation {n}", "slug": f"organisation-{n}"}
    return Organisation.objects.create(
        **{**fields, "kind": Organisation.Kind.GOVERNMENT, **overrides}
    )


def meeting(**overrides) -> Meeting:
    n = next(_serial)
    fields = {
        "title": f"Meeting {n}",
        "slug": f"meeting-{n}",
        "date": datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
        "is_published": True,
    }
    return Meeting.objects.create(**{**fields, **overrides})


def agenda_item(*, meeting: Meeting, **overrides) -> AgendaItem:
    n = next(_serial)
    return AgendaItem.objects.create(
        meeting=meeting, **{"order": n, "title": f"Item {n}", **overrides}
    )


def participant(*, meeting: Meeting, **overrides) -> Participant:
    return Participant.objects.create(meeting=meeting, **overrides)


def document(**overrides) -> Document:
    n = next(_serial)
    fields = {
        "title": f"Document {n}",
        "kind": Document.Kind.ANALYTICAL_REPORT,
        "is_published": True,
    }
    return Document.objects.create(**{**fields, **overrides})


def recommendation(**overrides) -> Recommendation:
    n = next(_serial)
    fields = {"reference": f"CAB-2017-{n:03d}", "text": f"Recommendation text {n}", "year": 2017}
    return Recommendation.objects.create(**{**fields, "is_published": True, **overrides})


def user(**overrides):
    n = next(_serial)
    return get_user_model().objects.create_user(
        **{"username": f"user{n}", "password": "correct horse battery staple", **overrides}
    )


def secretariat_user(**overrides):
    member = user(is_staff=True, **overrides)
    member.groups.add(Group.objects.get(name="Secretariat"))
    return member


def viewer_user(**overrides):
    """Staff who may look at every content record in the admin and change none."""
    member = user(is_staff=True, **overrides)
    member.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["meetings", "recommendations"],
            codename__startswith="view_",
        )
    )
    return member
