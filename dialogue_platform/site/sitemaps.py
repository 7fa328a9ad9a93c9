"""/sitemap.xml: an index of sitemaps, one section per kind of page and as many pages of
each as it takes, listing every public page in every language with its hreflang
alternates, and nothing unpublished.

Each sitemap page holds 5,000 <url> entries: the protocol allows 50,000 per file, but
each entry costs five reverse() calls (its URL and its four alternates), so a page of
5,000 is about 2.6 MB written in under a second."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import Paginator
from django.db.models import Max, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse

from core.site_url import absolute_url, site_host
from meetings.models import Document, Meeting, Organisation, Topic
from plans.models import ActionPlan, Activity, OutsideRecommendation
from recommendations.models import Recommendation

LANGUAGES = [code for code, _ in settings.LANGUAGES]


class SiteSitemap(Sitemap):
    """Addresses on SITE_URL; Django's would take the request's host and scheme."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site: object = None) -> str:
        return site_host()


class SectionSitemap(SiteSitemap):
    """The home page and the section indexes."""

    changefreq = "daily"
    i18n = alternates = x_default = True  # each page in every language, with hreflang links

    def items(self) -> list[str]:
        return ["home", "meetings:list", "recommendations:list", "plans:list", "upr:list",
                "topics:list", "organisations:list", "documents:list"]  # fmt: skip

    def location(self, item: str) -> str:
        return reverse(item)


class InEveryLanguage(Sequence):
    """The (record, language) pairs the sitemap lists, read a page of records at a time:
    Django's Sitemap would pair every record with every language in one list first (at
    100,000 recommendations, 300,000 pairs and 100,000 model instances per request)."""

    def __init__(self, records: QuerySet) -> None:
        self.records = records

    def __len__(self) -> int:
        if not hasattr(self, "_length"):
            self._length = self.records.count() * len(LANGUAGES)
        return self._length

    def __getitem__(self, wanted: slice) -> list[tuple]:  # type: ignore[override]
        start, stop, _ = wanted.indices(len(self))
        first = start // len(LANGUAGES)
        last = -(-stop // len(LANGUAGES))  # rounded up
        pairs = [(record, code) for record in self.records[first:last] for code in LANGUAGES]
        skip = start - first * len(LANGUAGES)
        return pairs[skip : skip + stop - start]


class RecordSitemap(SiteSitemap):
    """The published records of one model, with their last change."""

    limit = 5_000  # <url> entries per sitemap page
    i18n = alternates = x_default = True

    def __init__(self, queryset: QuerySet) -> None:
        self.queryset = queryset

    def items(self) -> QuerySet:
        return self.queryset.order_by("pk")

    @property
    def paginator(self) -> Paginator:
        return Paginator(InEveryLanguage(self.items()), self.limit)

    def lastmod(self, item):
        return item.updated

    def get_latest_lastmod(self):
        # For the index; Django would read every record to find it.
        return self.queryset.aggregate(latest=Max("updated"))["latest"]


SITEMAPS = {
    "sections": SectionSitemap(),
    "meetings": RecordSitemap(Meeting.objects.published().only("slug", "updated")),
    "recommendations": RecordSitemap(
        Recommendation.objects.published().only("reference", "updated")
    ),
    "documents": RecordSitemap(Document.objects.published().only("pk", "updated")),
    "plans": RecordSitemap(ActionPlan.objects.published().only("slug", "updated")),
    "activities": RecordSitemap(
        Activity.objects.published().select_related("plan").only("number", "updated", "plan__slug")
    ),
    "un-recommendations": RecordSitemap(
        OutsideRecommendation.objects.published().only("document_symbol", "paragraph", "updated")
    ),
    "topics": RecordSitemap(Topic.objects.only("slug", "updated")),
    "organisations": RecordSitemap(Organisation.objects.only("slug", "updated")),
}


@x_robots_tag
def sitemap_index(request: HttpRequest) -> TemplateResponse:
    """/sitemap.xml: each page of each section, as Django's index view lists them but on
    SITE_URL (Django's takes the request's host). No Last-Modified header, as from Django's:
    the sections sitemap has no dates."""
    entries = []
    for section, sitemap in SITEMAPS.items():
        location = absolute_url(reverse("sitemap-section", kwargs={"section": section}))
        lastmod = sitemap.get_latest_lastmod()
        entries.append(SitemapIndexItem(location, lastmod))
        entries += [
            SitemapIndexItem(f"{location}?p={page}", lastmod)
            for page in range(2, sitemap.paginator.num_pages + 1)
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
