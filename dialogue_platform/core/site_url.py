"""Absolute URLs, always on settings.SITE_URL and never on the request's Host or scheme: a
cached page is served to every request whatever host or proxy header it came with, and
crawlers, feed readers and calendars should each see the site under one address."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Model


def absolute_url(path: str) -> str:
    """`path` (as reverse() gives it) on the site's origin."""
    return settings.SITE_URL + path


def site_host() -> str:
    """The site's host name (and port, if any): the domain of calendar event UIDs."""
    return urlsplit(settings.SITE_URL).netloc


class SiteFeed(Feed):
    """A feed whose links are on SITE_URL. Django's Feed puts the request's host and scheme
    before relative URLs only, so subclasses give `link` and `feed_url` as absolute_url()s."""

    def item_link(self, item: Model) -> str:
        return absolute_url(item.get_absolute_url())
