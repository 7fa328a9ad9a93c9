"""The state's action plans and their activities, outside (UN) recommendations, the SDG
targets they relate to, and the links between these and the Dialogue Platform's own
recommendations.

An activity's implementation history is the recommendations' own (AssessmentBase, Status):
one notion of status, whose current value is that of the latest dated entry. Overdue is
never stored: ActivityQuerySet.with_overdue(today) computes it in the query."""

from __future__ import annotations

import datetime

from django.db import models, transaction
from django.db.models import BooleanField, Case, Count, F, OuterRef, Q, Value, When
from django.db.models.functions import Now
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import (
    Illustrative,
    SearchableQuerySet,
    TimeStamped,
    URLField,
    choices_constraint,
)
from core.search import SearchSpec
from meetings.models import Document, Organisation, Topic
from recommendations.models import (
    AffectedGroup,
    AssessmentBase,
    AssessmentOrigin,
    Recommendation,
    Status,
    status_of_latest,
)

# The statuses after which a passed deadline no longer makes an activity overdue.
SETTLED = (Status.IMPLEMENTED, Status.NO_LONGER_RELEVANT)


class LegalActKind(models.TextChoices):
    """The kind of act that approved a plan."""

    PRESIDENTIAL_DECREE = "presidential_decree", _("Decree of the President")
    GOVERNMENT_RESOLUTION = "government_resolution", _("Resolution of the Government")
    PRESIDENTIAL_APPROVAL = "presidential_approval", _("Approved by the President")
    LAW = "law", _("Law")
    OTHER = "other", _("Other")


class ActionPlanQuerySet(SearchableQuerySet):
    search_spec = SearchSpec(
        "actionplan_search_idx", (("title", "A", True), ("description", "B", True))
    )

    def published(self) -> ActionPlanQuerySet:
        return self.filter(is_published=True)

    def in_force(self) -> ActionPlanQuerySet:
        return self.filter(is_archived=False)

    def with_progress(self, today: datetime.date) -> ActionPlanQuerySet:
        """Annotate `activity_count`, `implemented_count` and `overdue_count` (as of
        `today`), in the one query that lists the plans."""
        return self.annotate(
            activity_count=Count("activities"),
            implemented_count=Count("activities", filter=Q(activities__status=Status.IMPLEMENTED)),
            overdue_count=Count(
                "activities",
                filter=Q(activities__due_date__lt=today) & ~Q(activities__status__in=SETTLED),
            ),
        )


class ActionPlan(TimeStamped):
    """A plan of measures the state adopted (a national human rights action plan and its
    follow-ups). Plans are archived, never deleted: what a ministry was once asked to do
    stays on the record."""

    title = models.CharField(verbose_name=_("title"), max_length=300)
    slug = models.SlugField(verbose_name=_("slug"), max_length=100, unique=True)
    legal_act_kind = models.CharField(
        verbose_name=_("kind of legal act"),
        max_length=30,
        choices=LegalActKind.choices,
        default=LegalActKind.PRESIDENTIAL_DECREE,
    )
    legal_act_number = models.CharField(
        verbose_name=_("number of the legal act"), max_length=30, blank=True
    )
    legal_act_date = models.DateField(
        verbose_name=_("date of the legal act"), null=True, blank=True
    )
    adopted_on = models.DateField(verbose_name=_("adopted on"), null=True, blank=True)
    ends_on = models.DateField(
        verbose_name=_("ends on"),
        null=True,
        blank=True,
        help_text=_("The last day of the period the plan covers, if it names one"),
    )
    follows = models.ForeignKey(
        "self",
        verbose_name=_("follows"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="followed_by",
        help_text=_("The earlier plan this one follows up or supersedes"),
    )
    description = models.TextField(verbose_name=_("description"), blank=True)
    source_url = URLField(
        verbose_name=_("source"),
        max_length=500,
        blank=True,
        help_text=_("Where the plan's text or its official summary is published"),
    )
    is_archived = models.BooleanField(
        verbose_name=_("archived"),
        default=False,
        help_text=_("No longer in force; kept on the record, never deleted"),
    )
    is_published = models.BooleanField(_("published"), default=False)

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = [models.F("adopted_on").desc(nulls_last=True), "title"]
        constraints = [
            choices_constraint("legal_act_kind", LegalActKind, "plans_actionplan_legal_act_valid"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(adopted_on__isnull=True)
                | Q(ends_on__gte=models.F("adopted_on")),
                name="plans_actionplan_ends_after_adoption",
                violation_error_message=_("A plan cannot end before it is adopted."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", args=[self.slug])


class Section(TimeStamped, Illustrative):
    """A section of a plan, numbered as the plan numbers it ("I", "II")."""

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.PROTECT, related_name="sections"
    )
    number = models.CharField(
        verbose_name=_("number"), max_length=20, help_text=_("As the plan writes it, e.g. II")
    )
    title = models.CharField(verbose_name=_("title"), max_length=300)
    order = models.PositiveSmallIntegerField(verbose_name=_("order"), default=0)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["plan", "order", "pk"]
        constraints = [
            # Also the index of a plan's sections in order (the plan page, the admin inline).
            models.UniqueConstraint(fields=["plan", "number"], name="plans_section_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class ActivityQuerySet(SearchableQuerySet):
    # The number as the plan writes it ("3") finds the activity, as a reference finds a
    # recommendation.
    search_spec = SearchSpec(
        "activity_search_idx",
        (("number", "A", False), ("title", "A", True), ("expected_outcome", "B", True)),
    )

    def published(self) -> ActivityQuerySet:
        """Activities are published with their plan."""
        return self.filter(plan__is_published=True)

    def with_overdue(self, today: datetime.date) -> ActivityQuerySet:
        """Annotate `is_overdue`: the due date passed before `today` and the activity is
        neither implemented nor no longer relevant. Computed, never stored."""
        return self.annotate(
            is_overdue=Case(
                When(self._overdue(today), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )

    def in_plan_order(self) -> ActivityQuerySet:
        """Each plan's activities in the order its page lists them (views.by_section): by
        section, those in none last, each section's as entered; plans in their own order."""
        return self.order_by(
            "plan", "plan_id", F("section__order").asc(nulls_last=True), "section_id", "pk"
        )

    def overdue(self, today: datetime.date) -> ActivityQuerySet:
        return self.filter(self._overdue(today))

    @staticmethod
    def _overdue(today: datetime.date) -> Q:
        return Q(due_date__lt=today) & ~Q(status__in=SETTLED)

    def led_by(self, organisation: Organisation) -> ActivityQuerySet:
        """Activities the organisation leads or co-implements (a ministry's own list)."""
        return self.filter(bodies__organisation=organisation).distinct()

    def with_status_on(self, date: datetime.date) -> ActivityQuerySet:
        """Annotate `status_on`: the status of the latest assessment dated `date` or
        before (not assessed if none), for the record as it stood that day."""
        history = ActivityAssessment.objects.filter(activity=OuterRef("pk"), date__lte=date)
        return self.annotate(status_on=status_of_latest(history))

    def refresh_statuses(self) -> int:
        """Set each activity's status to that of its latest assessment, in one UPDATE."""
        history = ActivityAssessment.objects.filter(activity=OuterRef("pk"))
        return self.update(status=status_of_latest(history), updated=Now())


class Activity(TimeStamped, Illustrative):
    """One activity (measure) of a plan: what is to be done, by whom, by when."""

    Status = Status

    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    number = models.CharField(
        verbose_name=_("number"), max_length=20, help_text=_("As the plan writes it, e.g. 3")
    )
    title = models.TextField(verbose_name=_("title"))
    expected_outcome = models.TextField(verbose_name=_("expected outcome"), blank=True)
    deadline = models.CharField(
        verbose_name=_("deadline"),
        max_length=200,
        blank=True,
        help_text=_('As the plan writes it, e.g. "By the end of 2022" or "August 2022"'),
    )
    due_date = models.DateField(
        verbose_name=_("due date"),
        null=True,
        blank=True,
        help_text=_(
            "The last day the deadline allows; left blank, it is read from the deadline. "
            "Overdue flags are computed from it."
        ),
    )
    organisations = models.ManyToManyField(
        Organisation,
        through="ActivityBody",
        verbose_name=_("implementing bodies"),
        blank=True,
        related_name="plan_activities",
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="plan_activities"
    )
    affected_groups = models.ManyToManyField(
        AffectedGroup,
        verbose_name=_("affected groups"),
        blank=True,
        related_name="plan_activities",
    )
    status = models.CharField(
        verbose_name=_("status"),
        max_length=30,
        choices=Status.choices,
        default=Status.NOT_ASSESSED,
        editable=False,
        help_text=_("The status of the latest assessment"),
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["plan", "section__order", "pk"]
        constraints = [
            # Also the index of a plan's activities (the plan page, /plans/<slug>/<number>/).
            models.UniqueConstraint(fields=["plan", "number"], name="plans_activity_unique_number"),
            choices_constraint("status", Status, "plans_activity_status_valid"),
        ]
        indexes = [
            # Overdue counts and flags: due_date < today among activities not yet settled.
            models.Index(fields=["due_date", "status"], name="plans_activity_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.plan}: {self.number}"

    def get_absolute_url(self) -> str:
        """Needs the plan (select_related) for its slug."""
        return reverse("plans:activity", args=[self.plan.slug, self.number])

    def refresh_status(self) -> None:
        """Set the status to that of the latest assessment (or not assessed)."""
        Activity.objects.filter(pk=self.pk).refresh_statuses()
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
        is_illustrative: bool = False,
    ) -> ActivityAssessment:
        """Add one dated entry to the history; the current status follows the latest entry."""
        with transaction.atomic():
            assessment = ActivityAssessment.objects.create(
                activity=self,
                date=date,
                status=status,
                summary=summary,
                assessed_by=assessed_by,
                source=source,
                origin=origin,
                is_illustrative=is_illustrative,
            )
            self.refresh_status()
        return assessment


class BodyRole(models.TextChoices):
    """What part a body takes in an activity."""

    LEAD = "lead", _("Lead body")
    CO_IMPLEMENTING = "co_implementing", _("Co-implementing body")


class ActivityBody(TimeStamped):
    """A body named for an activity, in the plan's order, with its role and whether it
    takes part "as agreed" (by agreement rather than by order: the Prosecutor General's
    Office, the Commissioner and other bodies the Government cannot instruct)."""

    Role = BodyRole

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="bodies"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="plan_activity_roles",
    )
    role = models.CharField(
        verbose_name=_("role"), max_length=20, choices=BodyRole.choices, default=BodyRole.LEAD
    )
    as_agreed = models.BooleanField(
        verbose_name=_("as agreed"),
        default=False,
        help_text=_("Takes part by agreement rather than by order"),
    )
    order = models.PositiveSmallIntegerField(verbose_name=_("order"), default=0)

    class Meta:
        verbose_name = _("implementing body")
        verbose_name_plural = _("implementing bodies")
        ordering = ["activity", "order", "pk"]
        constraints = [
            # Also the index of an activity's bodies in order; a ministry's activities use
            # the index on organisation that the foreign key carries.
            models.UniqueConstraint(
                fields=["activity", "organisation"], name="plans_activitybody_unique_body"
            ),
            choices_constraint("role", BodyRole, "plans_activitybody_role_valid"),
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class ActivityAssessment(AssessmentBase, Illustrative):
    """One dated entry in an activity's implementation history."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.PROTECT, related_name="assessments"
    )

    class Meta(AssessmentBase.Meta):
        verbose_name = _("activity assessment")
        verbose_name_plural = _("activity assessments")
        indexes = [
            # The latest assessment of an activity (its status, its history, the status as
            # of a date in the interim-results report).
            models.Index(fields=["activity", "-date"], name="plans_assessment_act_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.get_status_display()} ({self.date:%d.%m.%Y})"


class SdgGoal(models.Model):
    """One of the 17 Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(verbose_name=_("number"), unique=True)
    # Goal 15's Russian and Kazakh titles run to over 230 characters.
    name = models.CharField(verbose_name=_("name"), max_length=400)

    class Meta:
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=17), name="plans_sdggoal_number_1_to_17"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    def get_absolute_url(self) -> str:
        """The UN recommendations that relate to it: a goal has no page of its own."""
        return f"{reverse('upr:list')}?sdg={self.number}"


class SdgTarget(models.Model):
    """One of the 169 SDG targets, numbered as the UN numbers it ("16.3", "16.a")."""

    goal = models.ForeignKey(
        SdgGoal, verbose_name=_("goal"), on_delete=models.PROTECT, related_name="targets"
    )
    number = models.CharField(verbose_name=_("number"), max_length=10, unique=True)
    text = models.TextField(verbose_name=_("text"))
    order = models.PositiveSmallIntegerField(verbose_name=_("order"), default=0)

    class Meta:
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")
        ordering = ["goal__number", "order"]

    def __str__(self) -> str:
        return self.number


class Mechanism(models.TextChoices):
    """The UN human rights mechanism a recommendation comes from."""

    UPR = "upr", _("Universal Periodic Review")
    TREATY_BODY = "treaty_body", _("Treaty body")
    SPECIAL_PROCEDURE = "special_procedure", _("Special procedure")


class Response(models.TextChoices):
    """The state's response to an outside recommendation."""

    SUPPORTED = "supported", _("Supported")
    SUPPORTED_IN_PART = "supported_in_part", _("Supported in part")
    NOTED = "noted", _("Noted")


class UprCycle(TimeStamped):
    """One cycle of Kazakhstan's Universal Periodic Review: when, the reports that carry
    it, and how many recommendations the state received, supported and noted."""

    number = models.PositiveSmallIntegerField(verbose_name=_("cycle"), unique=True)
    year = models.PositiveSmallIntegerField(verbose_name=_("year of the review"))
    working_group_report = models.CharField(
        verbose_name=_("Working Group report"),
        max_length=60,
        blank=True,
        help_text=_("Its document symbol, e.g. A/HRC/28/10"),
    )
    national_report = models.CharField(
        verbose_name=_("national report"),
        max_length=60,
        blank=True,
        help_text=_("Its document symbol, e.g. A/HRC/WG.6/34/KAZ/1"),
    )
    recommendations_received = models.PositiveSmallIntegerField(
        verbose_name=_("recommendations received"), null=True, blank=True
    )
    supported = models.PositiveSmallIntegerField(verbose_name=_("supported"), null=True, blank=True)
    noted = models.PositiveSmallIntegerField(verbose_name=_("noted"), null=True, blank=True)
    source_url = URLField(verbose_name=_("source"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("UPR cycle")
        verbose_name_plural = _("UPR cycles")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number} ({self.year})"


class OutsideRecommendationQuerySet(SearchableQuerySet):
    search_spec = SearchSpec(
        "outsiderecommendation_search_idx",
        (
            ("document_symbol", "A", False),
            ("paragraph", "A", False),
            ("text", "B", True),
            ("recommending_state", "C", True),
        ),
    )

    def published(self) -> OutsideRecommendationQuerySet:
        return self.filter(is_published=True)

    def with_link_count(self) -> OutsideRecommendationQuerySet:
        """Annotate `link_count`: the gap a ministry must close is a count of 0."""
        return self.annotate(link_count=Count("links", distinct=True))


class OutsideRecommendation(TimeStamped, Illustrative):
    """A recommendation to Kazakhstan from a UN mechanism: the Universal Periodic Review,
    a treaty body's concluding observations, or a special procedure's report."""

    Mechanism = Mechanism
    Response = Response

    mechanism = models.CharField(
        verbose_name=_("mechanism"), max_length=30, choices=Mechanism.choices
    )
    body = models.CharField(
        verbose_name=_("treaty body or special procedure"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Committee against Torture; blank for the Universal Periodic Review"),
    )
    cycle = models.CharField(
        verbose_name=_("cycle or session"),
        max_length=50,
        blank=True,
        help_text=_("The review cycle (e.g. 3) or the treaty body's session"),
    )
    year = models.PositiveSmallIntegerField(verbose_name=_("year"), null=True, blank=True)
    document_symbol = models.CharField(
        verbose_name=_("document symbol"),
        max_length=60,
        help_text=_("The UN symbol of the report, e.g. A/HRC/41/10"),
    )
    paragraph = models.CharField(
        verbose_name=_("paragraph"), max_length=20, help_text=_("E.g. 139.24")
    )
    recommending_state = models.CharField(
        verbose_name=_("recommending state"), max_length=100, blank=True
    )
    response = models.CharField(
        verbose_name=_("response"),
        max_length=30,
        choices=Response.choices,
        blank=True,
        help_text=_("The state's response; blank where none is given (treaty bodies)"),
    )
    text = models.TextField(verbose_name=_("text"))
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="outside_recommendations"
    )
    affected_groups = models.ManyToManyField(
        AffectedGroup,
        verbose_name=_("affected groups"),
        blank=True,
        related_name="outside_recommendations",
    )
    sdg_targets = models.ManyToManyField(
        SdgTarget,
        verbose_name=_("SDG targets"),
        blank=True,
        related_name="outside_recommendations",
    )
    source_url = URLField(verbose_name=_("source"), max_length=500, blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    objects = OutsideRecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("outside recommendation")
        verbose_name_plural = _("outside recommendations")
        ordering = ["-year", "document_symbol", "paragraph"]
        constraints = [
            # Also the index of the lookup by symbol and paragraph (the UPR import).
            models.UniqueConstraint(
                fields=["document_symbol", "paragraph"],
                name="plans_outsiderecommendation_unique_paragraph",
            ),
            choices_constraint(
                "mechanism", Mechanism, "plans_outsiderecommendation_mechanism_valid"
            ),
            models.CheckConstraint(
                condition=Q(response__in=[*Response.values, ""]),
                name="plans_outsiderecommendation_response_valid",
            ),
            # A treaty body or a special procedure is named; the UPR is the Council's own.
            models.CheckConstraint(
                condition=Q(mechanism=Mechanism.UPR) | ~Q(body=""),
                name="plans_outsiderecommendation_body_named",
                violation_error_message=_(
                    "Name the treaty body or special procedure the recommendation comes from."
                ),
            ),
        ]
        indexes = [
            # The public list, newest first, and its mechanism and response facets.
            models.Index(
                fields=["mechanism", "-year"],
                condition=Q(is_published=True),
                name="plans_outside_public_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_symbol}, {self.paragraph}"

    @property
    def slug(self) -> str:
        """The symbol and paragraph in an address: A/HRC/41/10, 139.24 is
        A-HRC-41-10-139.24 (UN symbols use no hyphens, paragraphs neither)."""
        return f"{self.document_symbol.replace('/', '-')}-{self.paragraph}"

    @staticmethod
    def lookup(key: str) -> Q:
        """What `key` (a slug, or a primary key) names."""
        if key.isascii() and key.isdigit() and len(key) < 10:
            return Q(pk=int(key))
        symbol, _, paragraph = key.rpartition("-")
        return Q(document_symbol=symbol.replace("-", "/"), paragraph=paragraph)

    def get_absolute_url(self) -> str:
        return reverse("upr:detail", args=[self.slug])


class LinkKind(models.TextChoices):
    """How two linked records relate."""

    IMPLEMENTS = "implements", _("Implements")
    FOLLOWS_UP = "follows_up", _("Follows up")
    SAME_AS = "same_as", _("Same as")
    RELATED = "related", _("Related")


class LinkQuerySet(models.QuerySet):
    def of(self, record: Recommendation | Activity | OutsideRecommendation) -> LinkQuerySet:
        """The links of `record`, whichever end it is: a link is visible from both ends."""
        return self.filter(**{Link.end_field(record): record}).select_related(
            "recommendation", "activity__plan", "outside_recommendation"
        )

    def published(self) -> LinkQuerySet:
        """Links whose both ends are public (an end left empty is no obstacle)."""
        return self.filter(
            Q(recommendation__isnull=True) | Q(recommendation__is_published=True),
            Q(activity__isnull=True) | Q(activity__plan__is_published=True),
            Q(outside_recommendation__isnull=True) | Q(outside_recommendation__is_published=True),
        )


class Link(TimeStamped, Illustrative):
    """A link between two records of different kinds: a Dialogue Platform recommendation,
    a plan activity, an outside recommendation. Exactly two of the three ends are set."""

    Kind = LinkKind
    ENDS = ("recommendation", "activity", "outside_recommendation")

    # Deleting an end deletes its links: the admin's confirmation page lists them. Each
    # foreign key has its own index (Django's), which serves `Link.objects.of(record)`.
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="links",
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="links",
    )
    outside_recommendation = models.ForeignKey(
        OutsideRecommendation,
        verbose_name=_("outside recommendation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="links",
    )
    kind = models.CharField(
        verbose_name=_("kind of link"),
        max_length=20,
        choices=LinkKind.choices,
        default=LinkKind.RELATED,
    )

    objects = LinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("link between records")
        verbose_name_plural = _("links between records")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(recommendation__isnull=False, activity__isnull=False)
                    & Q(outside_recommendation__isnull=True)
                )
                | (
                    Q(recommendation__isnull=False, activity__isnull=True)
                    & Q(outside_recommendation__isnull=False)
                )
                | (
                    Q(recommendation__isnull=True, activity__isnull=False)
                    & Q(outside_recommendation__isnull=False)
                ),
                name="plans_link_exactly_two_ends",
            ),
            choices_constraint("kind", LinkKind, "plans_link_kind_valid"),
            # One link per pair of records (the third end is empty by the check above).
            models.UniqueConstraint(
                fields=["recommendation", "activity"],
                condition=Q(outside_recommendation__isnull=True),
                name="plans_link_unique_recommendation_activity",
            ),
            models.UniqueConstraint(
                fields=["recommendation", "outside_recommendation"],
                condition=Q(activity__isnull=True),
                name="plans_link_unique_recommendation_outside",
            ),
            models.UniqueConstraint(
                fields=["activity", "outside_recommendation"],
                condition=Q(recommendation__isnull=True),
                name="plans_link_unique_activity_outside",
            ),
        ]

    def __str__(self) -> str:
        return " – ".join(
            str(getattr(self, end)) for end in self.ENDS if getattr(self, f"{end}_id")
        )

    @classmethod
    def end_field(cls, record: models.Model) -> str:
        """The end that holds records of `record`'s kind."""
        for end in cls.ENDS:
            if isinstance(record, cls._meta.get_field(end).related_model):
                return end
        raise TypeError(f"{type(record).__name__} records cannot be linked.")

    def other_end(
        self, record: Recommendation | Activity | OutsideRecommendation
    ) -> Recommendation | Activity | OutsideRecommendation:
        """The record at the other end from `record`."""
        own = self.end_field(record)
        return next(
            getattr(self, end) for end in self.ENDS if end != own and getattr(self, f"{end}_id")
        )
