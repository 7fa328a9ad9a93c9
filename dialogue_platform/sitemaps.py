"""/sitemap.xml: every public page, and nothing unpublished."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from meetings.models import Document, Meeting, Organisation, Topic
from recommendations.models import Recommendation


class SectionSitemap(Sitemap):
    """The home page and the section indexes."""

    changefreq = "daily"
    i18n = alternates = x_default = True  # each page in every language, with hreflang links

    def items(self) -> list[str]:
        return ["home", "meetings:list", "recommendations:list", "topics:list",
                "organisations:list", "documents:list"]  # fmt: skip

    def location(self, item: str) -> str:
        return reverse(item)


class RecordSitemap(Sitemap):
    """The published records of one model, with their last change."""

    limit = 10_000
    i18n = alternates = x_default = True

    def __init__(self, queryset: QuerySet) -> None:
        self.queryset = queryset

    def items(self) -> QuerySet:
        return self.queryset.order_by("pk")

    def lastmod(self, item):
        return item.updated


SITEMAPS = {
    "sections": SectionSitemap,
    "meetings": RecordSitemap(Meeting.objects.published().only("slug", "updated")),
    "recommendations": RecordSitemap(
        Recommendation.objects.published().only("reference", "updated")
    ),
    "documents": RecordSitemap(Document.objects.published().only("pk", "updated")),
    "topics": RecordSitemap(Topic.objects.only("slug", "updated")),
    "organisations": RecordSitemap(Organisation.objects.only("slug", "updated")),
}
