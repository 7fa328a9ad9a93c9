"""The Atom feeds show what staff typed as text, and each visitor gets their own filter."""

from html.parser import HTMLParser

import feedparser
import pytest
from django.test import RequestFactory
from django.urls import resolve, reverse

from . import factories

pytestmark = pytest.mark.django_db

# What a member of staff might type: markup that must reach a feed reader as text.
TYPED = (
    "Ratify the Optional Protocol.\n<b>Urgently</b> & <script>alert('x')</script>\n\nReport back."
)


class ShownText(HTMLParser):
    """What a feed reader shows of an HTML summary: its text, with a line break for <br>
    and a blank line between paragraphs; other elements are collected to be refused."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.elements: list[str] = []
        self.in_paragraph = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self.text += "\n"
        elif tag == "p":
            self.in_paragraph = True
        else:
            self.elements.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.text += "\n\n"
            self.in_paragraph = False

    def handle_data(self, data: str) -> None:
        if self.in_paragraph or data.strip():  # white space between paragraphs is not shown
            self.text += data


def shown(summary: str) -> str:
    parser = ShownText()
    parser.feed(summary)
    assert parser.elements == [], "markup in the summary would be rendered"
    return parser.text.strip()


def only_entry(response) -> feedparser.FeedParserDict:
    # feedparser would strip the <script> itself; a reader may not, so look at what was sent.
    feed = feedparser.parse(response.content, sanitize_html=False)
    assert not feed.bozo
    [entry] = feed.entries
    return entry


def test_markup_in_a_recommendations_text_reaches_the_feed_as_text(client):
    factories.recommendation(text=TYPED)

    entry = only_entry(client.get(reverse("recommendations:feed")))

    assert shown(entry.summary) == TYPED


def test_markup_in_a_meetings_summary_reaches_the_feed_as_text(client):
    factories.meeting(summary=TYPED)

    entry = only_entry(client.get(reverse("meetings:feed")))

    assert shown(entry.summary) == TYPED


def served_interleaved(path: str, query_a: dict, query_b: dict) -> tuple:
    """Serve the feed at `path` to visitor A and, while A's request is under way (just
    after A's filter was read), to visitor B in full, as a threaded server may; return
    both feeds. The URLconf holds one feed object for every request."""
    feed = resolve(path).func
    request_a, request_b = RequestFactory().get(path, query_a), RequestFactory().get(path, query_b)
    read_filter = feed.get_object
    served: dict[str, bytes] = {}

    def read_filter_then_serve_b(request, *args, **kwargs):
        obj = read_filter(request, *args, **kwargs)
        if request is request_a:
            served["b"] = feed(request_b).content
        return obj

    feed.get_object = read_filter_then_serve_b
    try:
        served["a"] = feed(request_a).content
    finally:
        del feed.get_object
    return feedparser.parse(served["a"]), feedparser.parse(served["b"])


def test_two_visitors_following_different_topics_each_get_their_own_meetings(db):
    rights, courts = factories.topic(slug="rights"), factories.topic(slug="courts")
    for topic, title in [(rights, "On rights"), (courts, "On courts")]:
        factories.agenda_item(meeting=factories.meeting(title=title)).topics.add(topic)

    feed_a, feed_b = served_interleaved(
        reverse("meetings:feed"), {"topic": "rights"}, {"topic": "courts"}
    )

    assert [entry.title.split(": ", 1)[1] for entry in feed_a.entries] == ["On rights"]
    assert [entry.title.split(": ", 1)[1] for entry in feed_b.entries] == ["On courts"]


def test_two_visitors_filtering_recommendations_differently_each_get_their_own(db):
    factories.recommendation(reference="CAB-2017-001", year=2017)
    factories.recommendation(reference="CAB-2021-001", year=2021)

    feed_a, feed_b = served_interleaved(
        reverse("recommendations:feed"), {"year_to": "2018"}, {"year_from": "2020"}
    )

    assert [entry.title.split()[0] for entry in feed_a.entries] == ["CAB-2017-001"]
    assert feed_a.feed.link.endswith("/recommendations/?year_to=2018")
    assert [entry.title.split()[0] for entry in feed_b.entries] == ["CAB-2021-001"]
    assert feed_b.feed.link.endswith("/recommendations/?year_from=2020")


def test_an_illustrative_meeting_says_so_in_the_feed_and_the_calendar(client):
    factories.meeting(title="The real meeting")
    factories.meeting(title="The made-up meeting", is_illustrative=True)

    feed = feedparser.parse(client.get(reverse("meetings:feed")).content)
    titles = sorted(entry.title.split(": ", 1)[1] for entry in feed.entries)
    assert titles == ["The made-up meeting (illustrative)", "The real meeting"]

    calendar = client.get(reverse("meetings:calendar")).content
    assert b"SUMMARY:The made-up meeting (illustrative)" in calendar
    assert b"SUMMARY:The real meeting\r\n" in calendar
