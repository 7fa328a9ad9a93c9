"""The Atom feeds show what staff typed as text, and each visitor gets their own filter."""

from html.parser import HTMLParser

import feedparser
import pytest
from django.urls import reverse

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
