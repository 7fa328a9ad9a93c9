"""Site-wide pages that bring meetings, recommendations and plans together: home, topics,
organisations, a recommendation with what links to it, and the health checks."""

from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, F
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core import health
from core.caching import cached_page
from core.pagination import paginate, valid_query
from core.site_url import absolute_url
from meetings.models import (
    AgendaItem,
    Document,
    Meeting,
    Organisation,
    Topic,
)
from meetings.views import meeting_context, stored_file_download
from plans import clock
from plans.filters import with_linked
from plans.models import Activity, OutsideRecommendation
from plans.selectors import listed_activities, public_links
from plans.views import activity_context
from recommendations.models import Recommendation
from recommendations.selectors import RecommendationResults
from recommendations.views import recommendation_context

from .charts import BarChart, bar_chart
from .reports import download_name, with_public_document, with_report_documents
from .scorecard import Scorecard, scorecard
from .search import KINDS, PER_KIND, SearchForm, illustrative_hit

# URLs crawlers are asked to keep out of, in each language's copy: the back office and
# the exports.
CRAWLERS_KEEP_OUT = ("admin:index", "recommendations:export_csv", "recommendations:export_json",
                     "upr:export_csv", "upr:export_json")  # fmt: skip
LATEST = 10  # recommendations shown on a topic or organisation page before "see all"


def recommendations_url(**filters) -> str:
    return f"{reverse('recommendations:list')}?{urlencode(filters, doseq=True)}"


def status_chart(title: str, counts: list[tuple[str, str, int]], **filters):
    return bar_chart(
        title,
        [
            (label, n, recommendations_url(status=value, **filters), f"bar--{value}")
            for value, label, n in counts
        ],
    )


@cached_page
def home(request: HttpRequest) -> HttpResponse:
    recommendations = RecommendationResults({}, request=request)
    by_year = sorted(recommendations.counts("year").items())
    topic_counts = recommendations.counts("topic")
    topics = list(Topic.objects.all())
    for topic in topics:
        topic.recommendation_count = topic_counts.get(topic.pk, 0)
    by_status = recommendations.count_by_status()
    context = {
        "meetings": Meeting.objects.published()[:5],
        "totals": {
            "meetings": Meeting.objects.published().count(),
            "recommendations": recommendations.count,
            "documents": Document.objects.published().count(),
        },
        "status_chart": status_chart(_("Recommendations by status"), by_status),
        "year_chart": bar_chart(
            _("Recommendations by year"),
            [
                (str(year), n, recommendations_url(year_from=year, year_to=year), "bar--year")
                for year, n in by_year
            ],
        ),
        "topics": topics,
    }
    return render(request, "site/home.html", context)


@cached_page
def topic_list(request: HttpRequest) -> HttpResponse:
    def counts(through, related: str, **published) -> dict[int, int]:
        return dict(
            through.objects.filter(**published).values_list("topic_id").annotate(Count(related))
        )

    recs = RecommendationResults({}, request=request).counts("topic")
    items = counts(AgendaItem.topics.through, "agendaitem", agendaitem__meeting__is_published=True)
    docs = counts(Document.topics.through, "document", document__is_published=True)
    topics = list(Topic.objects.all())
    for topic in topics:
        topic.counts = (recs.get(topic.pk, 0), items.get(topic.pk, 0), docs.get(topic.pk, 0))
    return render(request, "site/topic_list.html", {"topics": topics})


@cached_page
def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The meetings app's page of one meeting, with the recommendations adopted at it (the
    recommendations app sits above meetings, so the site layer joins them)."""
    context = meeting_context(slug)
    context["adopted"] = (
        Recommendation.objects.published().filter(meeting=context["meeting"]).order_by("reference")
    )
    return render(request, "meetings/meeting_detail.html", context)


@cached_page
def recommendation_detail(request: HttpRequest, reference: str) -> HttpResponse:
    """The recommendations app's page, with the plan activities and UN recommendations
    linked to it (the plans app sits above recommendations, so the site layer joins them)."""
    context = recommendation_context(reference)
    context["links"] = public_links(context["recommendation"])
    with_report_documents(context["history"])
    return render(request, "recommendations/recommendation_detail.html", context)


@cached_page(vary=clock.day_key)
def activity_detail(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    """The plans app's page of one activity, with the public documents of the reports its
    history was published from."""
    context = activity_context(slug, number)
    with_report_documents(context["history"])
    return render(request, "plans/activity_detail.html", context)


def report_document(request: HttpRequest, pk: int) -> FileResponse:
    """The document of a published report on a published item, where its body made it
    public; any other report's document (a draft's, a returned or withdrawn one's, one kept
    internal) does not exist here."""
    report = get_object_or_404(with_public_document(), pk=pk)
    return stored_file_download(report.document, download_name(report))


@cached_page(vary=clock.day_key)
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    recommendations = RecommendationResults.within(request, "topic", topic)
    context = {
        "topic": topic,
        "agenda_items": AgendaItem.objects.filter(topics=topic, meeting__is_published=True)
        .select_related("meeting")
        .order_by("-meeting__date", "order"),
        "documents": Document.objects.published().filter(topics=topic).prefetch_related("authors"),
        "status_chart": status_chart(
            _("By status"), recommendations.count_by_status(), topic=topic.slug
        ),
        "recommendation_total": recommendations.count,
        "latest": recommendations.latest(LATEST),
        "all_url": recommendations_url(topic=topic.slug),
        "activities": listed_activities(
            Activity.objects.published().filter(topics=topic).with_overdue(clock.today())
        ).order_by("plan", "section__order", "pk"),
        "outside_recommendations": with_linked(
            OutsideRecommendation.objects.published().filter(topics=topic)
        )[:LATEST],
        "upr_url": f"{reverse('upr:list')}?{urlencode({'topic': topic.slug})}",
    }
    return render(request, "site/topic_detail.html", context)


@cached_page
def organisation_list(request: HttpRequest) -> HttpResponse:
    addressed = RecommendationResults({}, request=request).counts("body")
    by_kind: dict[str, list[Organisation]] = {}
    for organisation in Organisation.objects.all():
        organisation.addressed_count = addressed.get(organisation.pk, 0)
        by_kind.setdefault(organisation.kind, []).append(organisation)
    groups = [
        (label, by_kind[kind]) for kind, label in Organisation.Kind.choices if kind in by_kind
    ]
    return render(request, "site/organisation_list.html", {"groups": groups})


def rounds_chart(card: Scorecard) -> BarChart:
    """The share of what the body owed in each past round that it submitted on time."""
    rows = [
        (row.title, row.rate, f"#round-{row.pk}", "bar--on-time")
        for row in reversed(card.rounds)  # oldest first, as time reads
    ]
    return bar_chart(
        _("Reported on time, by round"), rows, largest=100, unit=_("On time"), suffix="%"
    )


@cached_page(vary=clock.day_key)
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    today = clock.today()
    addressed = RecommendationResults.within(request, "body", organisation)
    by_status = addressed.count_by_status()
    card = scorecard(organisation, recommendation_counts=by_status, today=today)
    topic_counts = addressed.counts("topic")
    by_topic = sorted(
        ((topic.slug, topic.name, topic_counts[topic.pk])
         for topic in Topic.objects.filter(pk__in=topic_counts)),
        key=lambda row: (-row[2], row[1]),
    )  # fmt: skip
    context = {
        "organisation": organisation,
        "meetings": Meeting.objects.published().attended_by(organisation),
        "documents": Document.objects.published().filter(authors=organisation),
        "status_chart": status_chart(_("By status"), by_status, body=organisation.slug),
        "scorecard": card,
        "rounds_chart": rounds_chart(card),
        "page_url": absolute_url(organisation.get_absolute_url()),
        "recommendation_total": addressed.count,
        "by_topic": [
            (name, count, recommendations_url(body=organisation.slug, topic=slug))
            for slug, name, count in by_topic
        ],
        "latest": addressed.latest(LATEST),
        "all_url": recommendations_url(body=organisation.slug),
        # Its plan activities, lead or co-implementing, soonest deadline first.
        "activities": listed_activities(
            Activity.objects.published().led_by(organisation).with_overdue(today)
        ).order_by(F("due_date").asc(nulls_last=True), "plan", "pk"),
    }
    return render(request, "site/organisation_detail.html", context)


@cached_page(query=(SearchForm, "page"))
def search(request: HttpRequest) -> HttpResponse:
    """Results grouped by kind, with a count per kind; one kind in full with `kind=`."""
    form = SearchForm(request.GET or None)
    context: dict = {"form": form, "groups": [], "page": None}
    if form.is_valid():
        query, chosen = form.cleaned_data["q"], form.cleaned_data["kind"]
        for kind in KINDS:
            if chosen and kind.slug != chosen:
                continue
            results = kind.queryset().search(query)
            if chosen:
                page = paginate(request, results, 20)
                context["page"] = page
                count, shown = page.paginator.count, page.object_list
            else:
                count = results.count()
                shown = results[:PER_KIND] if count else []
            context["groups"].append(
                {
                    "kind": kind,
                    "count": count,
                    "hits": [illustrative_hit(kind.hit(r, query), r) for r in shown],
                    "all_url": kind.all_url(query),
                }
            )
        context["query"] = valid_query(request, form, context["page"])
        context["total"] = sum(g["count"] for g in context["groups"])
    return render(request, "site/search.html", context)


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read everything public; the back office and the exports (whole result
    sets, in every language's copy of their URL) are left out."""
    lines = ["User-agent: *"]
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            lines += [f"Disallow: {reverse(name)}" for name in CRAWLERS_KEEP_OUT]
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database answers, 503 when it does not."""
    if not health.database_answers():
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """For deploys: 200 when this server reaches the database, the cache and the file
    storage it is configured with; 503 naming what it does not reach."""
    checks = {
        "database": health.database_answers(),
        "cache": health.cache_answers(),
        "storage": health.storage_answers(),
    }
    body = {name: "ok" if answered else "unreachable" for name, answered in checks.items()}
    ready = all(checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "error", **body}, status=200 if ready else 503
    )
