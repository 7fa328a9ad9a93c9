"""The state bodies' own reports on the recommendations and plan activities addressed to
them, NGOs' evaluations of the same, the reporting rounds that say what is owed by when,
and the memberships that make a person a body's focal point or an NGO's evaluator.

A report moves draft → submitted → returned → submitted … → published, or is withdrawn;
every move goes through reporting/services.py, which checks the actor (reporting/rules.py),
the state (Report.TRANSITIONS) and the version the actor saw. Publishing writes the item's
dated history: the public record only ever shows a report through that entry."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStamped, choices_constraint
from meetings.models import Meeting, Organisation
from meetings.uploads import document_upload_to, validate_document_file
from plans import clock
from plans.models import Activity, ActivityAssessment
from recommendations.models import Assessment, AssessmentOrigin, Recommendation, Status

# How long before a round's due date an obligation with nothing submitted shows as due.
DUE_WINDOW = datetime.timedelta(days=30)

Item = Recommendation | Activity


class Refused(Exception):
    """A state change that cannot happen now: the report is no longer in a state that
    allows it, or someone changed it since the actor saw it. The message says which, in
    words for the person who tried (reporting/services.py raises it)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MembershipRole(models.TextChoices):
    """What a member does for an organisation."""

    FOCAL_POINT = "focal_point", _("Focal point")
    EVALUATOR = "evaluator", _("Evaluator")


class MembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> MembershipQuerySet:
        """Memberships in force on `on` (today by default): started, and not yet ended
        (the end date is the last day in force)."""
        on = on or clock.today()
        return self.filter(Q(starts__lte=on) & (Q(ends__isnull=True) | Q(ends__gte=on)))

    def of(self, user) -> MembershipQuerySet:
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        return self.filter(user=user)


class Membership(TimeStamped):
    """A person serving an organisation: a ministry's focal point, who reports on what is
    addressed to it, or an NGO's evaluator. A person may serve more than one body; a
    membership that ended leaves the person no access to the body's reports."""

    Role = MembershipRole

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(
        verbose_name=_("role"),
        max_length=20,
        choices=MembershipRole.choices,
        default=MembershipRole.FOCAL_POINT,
    )
    starts = models.DateField(verbose_name=_("starts"), default=timezone.localdate)
    ends = models.DateField(
        verbose_name=_("ends"),
        null=True,
        blank=True,
        help_text=_("The last day of the membership; blank while it lasts"),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation", "user", "-starts"]
        constraints = [
            choices_constraint("role", MembershipRole, "reporting_membership_role_valid"),
            models.CheckConstraint(
                condition=Q(ends__isnull=True) | Q(ends__gte=models.F("starts")),
                name="reporting_membership_ends_after_start",
            ),
        ]
        indexes = [
            # A user's current bodies, asked on every permission check.
            models.Index(fields=["user", "organisation"], name="reporting_membership_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"

    def clean(self) -> None:
        # Evaluations are independent: an evaluator speaks for an NGO, not a state body.
        if (
            self.role == MembershipRole.EVALUATOR
            and self.organisation_id
            and self.organisation.kind != Organisation.Kind.NGO
        ):
            raise ValidationError(
                {"organisation": _("An evaluator is a member of a non-governmental organisation.")}
            )


class ReportingRound(TimeStamped):
    """A call for reports, usually before a meeting: opening it (services.round_open)
    records what each body owes; the due date is when."""

    title = models.CharField(verbose_name=_("title"), max_length=300)
    due_date = models.DateField(verbose_name=_("due date"))
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reporting_rounds",
        help_text=_("The meeting the round prepares, if any"),
    )
    opened_at = models.DateTimeField(
        verbose_name=_("opened"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Blank until the round is opened"),
    )

    class Meta:
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        ordering = ["-due_date", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None


class Standing(models.TextChoices):
    """Where an obligation stands on a day: computed in the query, never stored."""

    SUBMITTED = "submitted", _("Submitted")
    OVERDUE = "overdue", _("Overdue")
    DUE = "due", _("Due")
    UPCOMING = "upcoming", _("Upcoming")


class ObligationQuerySet(models.QuerySet):
    def with_standing(self, today: datetime.date | None = None) -> ObligationQuerySet:
        """Annotate `standing` (Standing): submitted if the body submitted (or had
        published) a report on the item since the round opened, else overdue after the due
        date, due in the 30 days before it, upcoming before that."""
        today = today or clock.today()
        reported = Report.objects.filter(
            Q(recommendation=OuterRef("recommendation")) | Q(activity=OuterRef("activity")),
            organisation=OuterRef("organisation"),
            state__in=[ReportState.SUBMITTED, ReportState.PUBLISHED],
            submitted_at__gte=OuterRef("round__opened_at"),
        )
        return self.annotate(
            standing=Case(
                When(Exists(reported), then=Value(Standing.SUBMITTED)),
                When(round__due_date__lt=today, then=Value(Standing.OVERDUE)),
                When(round__due_date__lte=today + DUE_WINDOW, then=Value(Standing.DUE)),
                default=Value(Standing.UPCOMING),
                output_field=models.CharField(),
            )
        )

    def of(self, organisation: Organisation) -> ObligationQuerySet:
        return self.filter(organisation=organisation)


class Obligation(TimeStamped):
    """What a body owes in a round: a report on one recommendation or activity addressed
    to it. Written when the round opens (services.round_open), never by hand."""

    round = models.ForeignKey(
        ReportingRound,
        verbose_name=_("reporting round"),
        on_delete=models.CASCADE,
        related_name="obligations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="reporting_obligations",
    )
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reporting_obligations",
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reporting_obligations",
    )

    objects = ObligationQuerySet.as_manager()

    class Meta:
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")
        ordering = ["round", "organisation", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(recommendation__isnull=True, activity__isnull=False)
                | Q(recommendation__isnull=False, activity__isnull=True),
                name="reporting_obligation_one_item",
            ),
            # Partial: NULL is never equal to NULL, so one constraint per kind of item.
            models.UniqueConstraint(
                fields=["round", "organisation", "recommendation"],
                condition=Q(recommendation__isnull=False),
                name="reporting_obligation_unique_recommendation",
            ),
            models.UniqueConstraint(
                fields=["round", "organisation", "activity"],
                condition=Q(activity__isnull=False),
                name="reporting_obligation_unique_activity",
            ),
        ]
        indexes = [
            # A body's obligations (its workspace, its scorecard).
            models.Index(fields=["organisation", "round"], name="reporting_obligation_org_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.organisation} — {self.item}"

    @property
    def item(self) -> Item:
        return self.recommendation or self.activity


class ReportState(models.TextChoices):
    """Where a report is in its review."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ReportQuerySet(models.QuerySet):
    def published(self) -> ReportQuerySet:
        return self.filter(state=ReportState.PUBLISHED)

    def for_item(self, item: Item) -> ReportQuerySet:
        if isinstance(item, Recommendation):
            return self.filter(recommendation=item)
        return self.filter(activity=item)

    def review_queue(self) -> ReportQuerySet:
        """Submitted reports, the longest waiting first."""
        return self.filter(state=ReportState.SUBMITTED).order_by("submitted_at", "pk")


class Report(TimeStamped):
    """A body's report on one recommendation or activity addressed to it (a government
    report), or an NGO's evaluation of one: a claimed status and a narrative, reviewed by
    the secretariat before anything of it becomes public."""

    State = ReportState
    Origin = AssessmentOrigin

    # action: (states it may be taken from, state it leads to). The one table of moves;
    # services.py takes every move through it.
    TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
        "change": (frozenset({ReportState.DRAFT, ReportState.RETURNED}), ""),
        "submit": (frozenset({ReportState.DRAFT, ReportState.RETURNED}), ReportState.SUBMITTED),
        "withdraw": (
            frozenset({ReportState.DRAFT, ReportState.SUBMITTED, ReportState.RETURNED}),
            ReportState.WITHDRAWN,
        ),
        "return": (frozenset({ReportState.SUBMITTED}), ReportState.RETURNED),
        "publish": (frozenset({ReportState.SUBMITTED}), ReportState.PUBLISHED),
    }

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="reports",
        help_text=_("The reporting body, or the NGO evaluating"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    origin = models.CharField(
        verbose_name=_("origin"),
        max_length=30,
        choices=[
            (AssessmentOrigin.GOVERNMENT_REPORT, AssessmentOrigin.GOVERNMENT_REPORT.label),
            (AssessmentOrigin.EVALUATION, AssessmentOrigin.EVALUATION.label),
        ],
        default=AssessmentOrigin.GOVERNMENT_REPORT,
    )
    round = models.ForeignKey(
        ReportingRound,
        verbose_name=_("reporting round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    claimed_status = models.CharField(
        verbose_name=_("claimed status"),
        max_length=30,
        choices=Status.choices,
        blank=True,
        help_text=_("Blank: the report claims no change of status"),
    )
    narrative = models.TextField(verbose_name=_("narrative"), blank=True)
    document = models.FileField(
        verbose_name=_("document"),
        upload_to=document_upload_to,
        validators=[validate_document_file],
        blank=True,
        max_length=200,
    )
    document_is_public = models.BooleanField(
        verbose_name=_("document is public"),
        default=False,
        help_text=_("Published with the report; otherwise only the secretariat sees it"),
    )
    reviewer_note = models.TextField(
        verbose_name=_("reviewer's note"),
        blank=True,
        help_text=_("Internal: shown to the reporting body, never public"),
    )
    state = models.CharField(
        verbose_name=_("state"),
        max_length=20,
        choices=ReportState.choices,
        default=ReportState.DRAFT,
    )
    # Bumped on every change; an action names the version its actor saw, and a stale one
    # is refused rather than applied over someone else's change.
    version = models.PositiveIntegerField(verbose_name=_("version number"), default=1)
    submitted_at = models.DateTimeField(verbose_name=_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports_reviewed",
    )
    published_at = models.DateTimeField(verbose_name=_("published"), null=True, blank=True)
    recommendation_assessment = models.OneToOneField(
        Assessment,
        verbose_name=_("history entry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report",
    )
    activity_assessment = models.OneToOneField(
        ActivityAssessment,
        verbose_name=_("history entry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report",
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created", "-pk"]
        permissions = [("review_report", _("Can publish or return submitted reports"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(recommendation__isnull=True, activity__isnull=False)
                | Q(recommendation__isnull=False, activity__isnull=True),
                name="reporting_report_one_item",
            ),
            models.CheckConstraint(
                condition=Q(
                    origin__in=[AssessmentOrigin.GOVERNMENT_REPORT, AssessmentOrigin.EVALUATION]
                ),
                name="reporting_report_origin_not_secretariat",
            ),
            models.CheckConstraint(
                condition=Q(claimed_status__in=[*Status.values, ""]),
                name="reporting_report_claimed_status_valid",
            ),
            choices_constraint("state", ReportState, "reporting_report_state_valid"),
            # At least one language of the narrative (the translated columns). IS NOT NULL
            # spelled out: a CHECK whose condition is NULL passes.
            models.CheckConstraint(
                condition=Q(narrative_en__isnull=False, narrative_en__gt="")
                | Q(narrative_ru__isnull=False, narrative_ru__gt="")
                | Q(narrative_kk__isnull=False, narrative_kk__gt=""),
                name="reporting_report_has_narrative",
            ),
        ]
        indexes = [
            # The review queue: submitted, the longest waiting first.
            models.Index(fields=["state", "submitted_at"], name="reporting_report_queue_idx"),
            # A body's reports (its workspace), an item's reports.
            models.Index(fields=["organisation", "state"], name="reporting_report_org_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.item} ({self.get_state_display()})"

    @property
    def item(self) -> Item:
        return self.recommendation or self.activity

    @property
    def assessment(self) -> Assessment | ActivityAssessment | None:
        """The history entry publishing wrote (None until published)."""
        return self.recommendation_assessment or self.activity_assessment

    @property
    def narratives(self) -> dict[str, str]:
        return {code: getattr(self, f"narrative_{code}") or "" for code, _ in settings.LANGUAGES}

    def may(self, action: str) -> bool:
        """Whether the report's state allows `action` (a key of TRANSITIONS)."""
        return self.state in self.TRANSITIONS[action][0]

    def move(self, action: str) -> None:
        """Take `action`: the state it leads to and a new version (unsaved; services.py
        saves it under the row's lock)."""
        allowed, target = self.TRANSITIONS[action]
        if self.state not in allowed:
            raise Refused(self.refusal(action))
        if target:
            self.state = target
        self.version += 1

    def refusal(self, action: str) -> str:
        messages = {
            "change": _("The report is “%(state)s”: it can no longer be edited."),
            "submit": _("The report is “%(state)s”: it cannot be submitted."),
            "withdraw": _("The report is “%(state)s”: it can no longer be withdrawn."),
            "return": _("The report is “%(state)s”, not submitted: it cannot be returned."),
            "publish": _("The report is “%(state)s”, not submitted: it cannot be published."),
        }
        return str(messages[action] % {"state": self.get_state_display()})
