"""Following new meetings: an Atom feed and an iCalendar file."""

from __future__ import annotations

import datetime
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from core.site_url import SiteFeed, absolute_url, site_host, with_query

from .models import Meeting, Topic

FEED_LENGTH = 50
FIRST_MEETING_DATE = datetime.date(2013, 1, 1)  # the body first met in 2013


def shown_title(meeting: Meeting) -> str:
    """The title as a feed or a calendar shows it: there is no page notice there, so an
    illustrative meeting says what it is in its title."""
    if meeting.is_illustrative:
        return _("%(title)s (illustrative)") % {"title": meeting.title}
    return meeting.title


class FollowedMeetings(NamedTuple):
    """The meetings one request follows, and the topic it narrowed them to."""

    meetings: QuerySet
    topic: Topic | None

    @property
    def query(self) -> str:
        """The filter as a query string, for the feed's own links."""
        return urlencode({"topic": self.topic.slug}) if self.topic else ""


def meetings_for(request: HttpRequest) -> FollowedMeetings:
    """Published meetings, narrowed to `?topic=<slug>` if given (404 for an unknown topic)."""
    meetings = Meeting.objects.published()
    slug = request.GET.get("topic")
    if not slug:
        return FollowedMeetings(meetings, None)
    topic = get_object_or_404(Topic, slug=slug[:100])
    return FollowedMeetings(meetings.for_topic(topic), topic)


class MeetingFeed(SiteFeed):
    """Atom feed of published meetings, newest first; `?topic=` narrows it."""

    feed_type = Atom1Feed

    # The URLconf holds one feed object for every request, so what a request asked for is
    # returned here, and Django hands it to each method, never kept on the object.
    def get_object(self, request: HttpRequest) -> FollowedMeetings:
        return meetings_for(request)

    def title(self, followed: FollowedMeetings) -> str:
        title = _("Dialogue Platform on the Human Dimension: meetings")
        return f"{title} ({followed.topic.name})" if followed.topic else title

    def link(self, followed: FollowedMeetings) -> str:
        return with_query(reverse("meetings:list"), followed.query)

    def feed_url(self, followed: FollowedMeetings) -> str:
        return with_query(reverse("meetings:feed"), followed.query)

    def subtitle(self) -> str:
        return _("New meetings of the Dialogue Platform on the Human Dimension.")

    def items(self, followed: FollowedMeetings) -> QuerySet:
        return followed.meetings.order_by("-date", "-pk")[:FEED_LENGTH]

    def item_title(self, meeting: Meeting) -> str:
        return f"{meeting.date:%Y-%m-%d}: {shown_title(meeting)}"

    def item_description(self, meeting: Meeting) -> str:
        # Atom sends the summary as HTML: staff type plain text, so it is escaped (with
        # their line breaks kept) and a reader shows any markup in it as typed.
        return linebreaks(meeting.summary, autoescape=True)

    def item_pubdate(self, meeting: Meeting) -> datetime.datetime:
        return meeting.created

    def item_updateddate(self, meeting: Meeting) -> datetime.datetime:
        # RFC 4287 requires <updated> on every entry; Django writes it only when given.
        return meeting.updated


def calendar(request: HttpRequest) -> HttpResponse:
    """The meetings as an iCalendar file (`?topic=` narrows it), for calendar programs."""
    meetings, topic = meetings_for(request)
    cal = Calendar()
    cal.add("prodid", "-//Dialogue Platform Records//meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Dialogue Platform meetings") + (f": {topic.name}" if topic else ""))
    # Timed meetings name their zone (TZID), which RFC 5545 wants defined in the file; it
    # also keeps a calendar without meetings valid (a calendar needs one component).
    cal.add_component(Timezone.from_tzid(settings.TIME_ZONE, first_date=FIRST_MEETING_DATE))
    for meeting in meetings.order_by("date", "pk"):
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{site_host()}")
        event.add("summary", shown_title(meeting))
        if meeting.start_time:
            start = timezone.make_aware(datetime.datetime.combine(meeting.date, meeting.start_time))
            event.add("dtstart", start)
            if meeting.end_time:
                event.add(
                    "dtend",
                    start.replace(hour=meeting.end_time.hour, minute=meeting.end_time.minute),
                )
        else:
            event.add("dtstart", meeting.date)  # an all-day event
        event.add("dtstamp", meeting.updated)
        event.add("url", absolute_url(meeting.get_absolute_url()))
        if meeting.location:
            event.add("location", meeting.location)
        if meeting.summary:
            event.add("description", meeting.summary)
        cal.add_component(event)
    return HttpResponse(
        cal.to_ical(),
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="meetings.ics"'},
    )
