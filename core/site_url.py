"""Absolute URLs, always on settings.SITE_URL and never on the request's Host or scheme: a
cached page is served to every request whatever host or proxy header it came with, and
crawlers, feed readers and calendars should each see the site under one address."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from .http_caching import public_response


def absolute_url(path: str) -> str:
    """`path` (as reverse() gives it) on the site's origin."""
    return settings.SITE_URL + path


def site_host() -> str:
    """The site's host name (and port, if any): the domain of calendar event UIDs."""
    return urlsplit(settings.SITE_URL).netloc


class SiteFeed(Feed):
    """A feed whose links are on SITE_URL. Django's Feed puts the request's host and scheme
    before relative URLs only, so subclasses give `link` and `feed_url` as absolute_url()s.

    RFC 4287 wants an author on the feed or on every entry: the body is the feed's author.
    A filtered feed is a feed of its own, so its `feed_url` (its rel="self" link) carries
    the filter, and that URL is also its <id>: two filters never share an id."""

    author_name = _("Dialogue Platform on the Human Dimension")

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Feed readers poll: an unchanged feed is answered 304 (core/http_caching.py).
        return public_response(super().__call__)(request, *args, **kwargs)

    def author_link(self) -> str:
        return absolute_url("/")

    def feed_guid(self, obj: object) -> str:
        return self._get_dynamic_attr("feed_url", obj)

    def item_link(self, item: Model) -> str:
        return absolute_url(item.get_absolute_url())


def with_query(path: str, query: str) -> str:
    """`path` on the site's origin, with `query` (already encoded) if there is one."""
    return absolute_url(f"{path}?{query}" if query else path)
