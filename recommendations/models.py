"""Recommendations adopted by the Dialogue Platform and their implementation history."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Now
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.search import SearchSpec
from meetings.models import (
    AgendaItem,
    Document,
    Illustrative,
    Meeting,
    Organisation,
    SearchableQuerySet,
    TimeStamped,
    Topic,
    choices_constraint,
)

FIRST_YEAR = 2013  # the Dialogue Platform was convened in 2013
# Illustrative (not real) recommendations carry this reference prefix as well as the flag,
# so an export or a citation shows what they are.
DEMO_REFERENCE_PREFIX = "DEMO-"


class Status(models.TextChoices):
    """How far a recommendation has been implemented."""

    NOT_ASSESSED = "not_assessed", _("Not assessed")
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTIALLY_IMPLEMENTED = "partially_implemented", _("Partially implemented")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")
    NO_LONGER_RELEVANT = "no_longer_relevant", _("No longer relevant")


class AssessmentOrigin(models.TextChoices):
    """Who speaks in a history entry: the secretariat's own assessment, a state body's
    report on its own work, or an independent (NGO) evaluation of it."""

    SECRETARIAT = "secretariat", _("Secretariat assessment")
    GOVERNMENT_REPORT = "government_report", _("Government report")
    EVALUATION = "evaluation", _("Independent evaluation")


class AffectedGroup(TimeStamped):
    """A group of persons a recommendation concerns (a facet separate from topics)."""

    name = models.CharField(verbose_name=_("name"), max_length=200)
    slug = models.SlugField(verbose_name=_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("affected group")
        verbose_name_plural = _("affected groups")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('recommendations:list')}?group={self.slug}"


class RecommendationQuerySet(SearchableQuerySet):
    search_spec = SearchSpec(
        "recommendation_search_idx", (("reference", "A", False), ("text", "B", True))
    )

    def published(self) -> RecommendationQuerySet:
        return self.filter(is_published=True)

    def demonstration(self) -> RecommendationQuerySet:
        return self.filter(is_illustrative=True)

    def refresh_statuses(self) -> int:
        """Set each recommendation's status to that of its latest assessment, in one UPDATE."""
        history = Assessment.objects.filter(recommendation=OuterRef("pk"))
        return self.update(status=status_of_latest(history), updated=Now())


class Recommendation(TimeStamped, Illustrative):
    """A recommendation adopted by the Dialogue Platform and addressed to state bodies."""

    Status = Status

    reference = models.CharField(
        verbose_name=_("reference"),
        max_length=40,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9-]*$",
                _("Use letters, digits and hyphens only, e.g. CAB-2017-014."),
            )
        ],
        help_text=_("Human-readable and stable, e.g. CAB-2017-014; it is used in the public URL."),
    )
    text = models.TextField(verbose_name=_("text"))
    year = models.PositiveSmallIntegerField(
        verbose_name=_("year"), validators=[MinValueValidator(FIRST_YEAR)]
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations",
        help_text=_("The meeting where it was adopted"),
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    # Each many-to-many table gets Django's own indexes: the unique (recommendation, value)
    # pair, which serves a recommendation's values (the detail page, prefetches, exports),
    # and one on the value column, which serves the topic, group and body filters outside
    # the facet index (feeds, topic and organisation pages).
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="recommendations"
    )
    affected_groups = models.ManyToManyField(
        AffectedGroup, verbose_name=_("affected groups"), blank=True, related_name="recommendations"
    )
    responsible_bodies = models.ManyToManyField(
        Organisation,
        verbose_name=_("responsible bodies"),
        blank=True,
        related_name="recommendations_addressed",
        help_text=_("The state bodies the recommendation is addressed to"),
    )
    proposed_by = models.ManyToManyField(
        Organisation,
        verbose_name=_("proposed by"),
        blank=True,
        related_name="recommendations_proposed",
    )
    status = models.CharField(
        verbose_name=_("status"),
        max_length=30,
        choices=Status.choices,
        default=Status.NOT_ASSESSED,
        editable=False,
        help_text=_("The status of the latest assessment"),
    )
    is_published = models.BooleanField(_("published"), default=False)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-year", "reference"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_YEAR), name="recommendations_recommendation_year_2013"
            ),
            choices_constraint("status", Status, "recommendations_recommendation_status_valid"),
        ]
        # Partial indexes over the published rows: the public queries say `WHERE
        # is_published`, which SQLite can only match to an index with the same condition.
        indexes = [
            # The public list sorted newest or oldest first (read forwards or backwards),
            # the year range filter and the year facet's counts.
            models.Index(
                fields=["year", "reference"],
                condition=Q(is_published=True),
                name="rec_public_year_idx",
            ),
            # The status filter, read in the list's order (newest or oldest first) so that
            # a page stops after 25 rows; the counts by status.
            models.Index(
                fields=["status", "year", "reference"],
                condition=Q(is_published=True),
                name="rec_public_status_year_idx",
            ),
            # The admin's list, drafts included, in the default order (-year, reference).
            models.Index(fields=["-year", "reference"], name="rec_year_reference_idx"),
            # The public list sorted by reference.
            models.Index(
                fields=["reference"],
                condition=Q(is_published=True),
                name="rec_public_reference_idx",
            ),
            # The demonstration-data notice on every page: is any illustrative
            # recommendation published? (Only the demo's rows, so the index stays small.)
            models.Index(
                fields=["is_published"],
                condition=Q(is_illustrative=True),
                name="rec_illustrative_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("recommendations:detail", args=[self.reference])

    @property
    def public_meeting(self) -> Meeting | None:
        """The meeting it was adopted at, unless that meeting is still a draft."""
        return self.meeting if self.meeting and self.meeting.is_published else None

    @property
    def public_agenda_item(self) -> AgendaItem | None:
        return self.agenda_item if self.public_meeting else None

    def refresh_status(self) -> None:
        """Set the status to that of the latest assessment (or not assessed)."""
        Recommendation.objects.filter(pk=self.pk).refresh_statuses()
        self.refresh_from_db(fields=["status", "updated"])

    def record_assessment(
        self,
        *,
        date: datetime.date,
        status: str,
        summary: str = "",
        assessed_by: Organisation | None = None,
        source: Document | None = None,
        origin: str = AssessmentOrigin.SECRETARIAT,
    ) -> Assessment:
        """Add one dated entry to the history; the current status follows the latest entry."""
        with transaction.atomic():
            assessment = Assessment.objects.create(
                recommendation=self,
                date=date,
                status=status,
                summary=summary,
                assessed_by=assessed_by,
                source=source,
                origin=origin,
            )
            self.refresh_status()
        return assessment


class AssessmentBase(TimeStamped):
    """One dated entry in an implementation history: what a recommendation's and a plan
    activity's histories share, so both speak of status the same way. The record it
    assesses is the subclass's foreign key; its status is that of its latest entry."""

    Origin = AssessmentOrigin

    date = models.DateField(verbose_name=_("date"))
    status = models.CharField(verbose_name=_("status"), max_length=30, choices=Status.choices)
    origin = models.CharField(
        verbose_name=_("origin"),
        max_length=30,
        choices=AssessmentOrigin.choices,
        default=AssessmentOrigin.SECRETARIAT,
        # In the database too: a server of the previous release, during a rolling deploy,
        # inserts entries without it (README, "Rolling deploys").
        db_default=AssessmentOrigin.SECRETARIAT,
        help_text=_(
            "An independent evaluation is shown beside the others but does not set the "
            "current status"
        ),
    )
    summary = models.TextField(verbose_name=_("summary"), blank=True)
    # "%(class)ss": a recommendation's entries stay `organisation.assessments`, as before.
    assessed_by = models.ForeignKey(
        Organisation,
        verbose_name=_("assessed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)ss",
        help_text=_("A ministry reporting, or an NGO evaluating"),
    )
    source = models.ForeignKey(
        Document,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)ss",
    )

    class Meta:
        abstract = True
        ordering = ["-date", "-pk"]
        constraints = [
            choices_constraint("status", Status, "%(app_label)s_%(class)s_status_valid"),
            choices_constraint("origin", AssessmentOrigin, "%(app_label)s_%(class)s_origin_valid"),
        ]

    @property
    def sets_status(self) -> bool:
        """Whether the entry can be the current status (status_of_latest's rule)."""
        return self.origin != AssessmentOrigin.EVALUATION

    def origin_label(self) -> str:
        """Who speaks, as a reader reads it: "Government report of <body>" (the body's name
        in the reader's language), and so on. Loads `assessed_by` unless selected with it."""
        body = self.assessed_by.name if self.assessed_by_id else ""
        return origin_label(self.origin, body)


# Who speaks, with the body named; a secretariat assessment names nobody. (ru and kk put
# the body after a colon: its name cannot be declined to fit the sentence.)
ORIGIN_OF = {
    AssessmentOrigin.GOVERNMENT_REPORT: _("Government report of %(body)s"),
    AssessmentOrigin.EVALUATION: _("Evaluation of %(body)s"),
}


def account_and_evaluation(
    history: Sequence[AssessmentBase],
) -> tuple[AssessmentBase | None, AssessmentBase | None]:
    """From a history, newest first: the entry the current status follows (the state's
    account, or the secretariat's) and the latest independent evaluation, which stands
    beside it; either may be None."""
    account = next((entry for entry in history if entry.sets_status), None)
    evaluation = next((entry for entry in history if not entry.sets_status), None)
    return account, evaluation


def origin_label(origin: str, body: str = "") -> str:
    """The label of an entry's origin, naming `body` where it has one: the one wording the
    pages, the feeds, the exports and the API share."""
    if body and origin in ORIGIN_OF:
        return str(ORIGIN_OF[origin]) % {"body": body}
    return str(AssessmentOrigin(origin).label)


def status_of_latest(history: models.QuerySet) -> Coalesce:
    """The status of the latest entry of `history` (filtered on an OuterRef to the record
    assessed), or not assessed: the one rule by which a current status follows its history.
    Independent evaluations stand beside the state's account of its work; they do not
    overwrite it."""
    latest = (
        history.exclude(origin=AssessmentOrigin.EVALUATION)
        .order_by("-date", "-pk")
        .values("status")[:1]
    )
    return Coalesce(Subquery(latest), Value(Status.NOT_ASSESSED))


class Assessment(AssessmentBase, Illustrative):
    """One dated entry in a recommendation's implementation history."""

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )

    class Meta(AssessmentBase.Meta):
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        indexes = [
            # The latest assessment of a recommendation (status, history timeline).
            models.Index(fields=["recommendation", "-date"], name="assessment_rec_date_idx"),
            # The admin's list of every assessment, newest first (-date, -pk), read backwards.
            models.Index(fields=["date", "id"], name="assessment_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation}: {self.get_status_display()} ({self.date:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return f"{self.recommendation.get_absolute_url()}#assessment-{self.pk}"


class RecommendationChange(models.Model):
    """A recommendation whose status, year, publication or links changed, and when (by the
    database's clock): written only by the triggers of migration 0010, read by the facet
    index (facet_index.py) to bring its counts forward instead of rebuilding them."""

    # No foreign key: a deleted recommendation's change is logged too. NULL: a truncation.
    recommendation_id = models.BigIntegerField(null=True)
    stamp = models.FloatField(help_text="seconds since 1970 by the database's clock")

    class Meta:
        db_table = "recommendations_change_log"
        ordering = ["stamp"]
        indexes = [
            # The changes since a copy of the facet index last read them; pruning.
            models.Index(fields=["stamp"], name="rec_change_stamp_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id} at {self.stamp}"
