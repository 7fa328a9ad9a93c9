"""Meetings of the Dialogue Platform and what they are made of."""

from __future__ import annotations

from pathlib import Path

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import (
    Illustrative,
    PublishedQuerySet,
    SearchableQuerySet,
    TimeStamped,
    URLField,
    choices_constraint,
)
from core.search import SearchSpec

from .uploads import document_upload_to, validate_document_file


class Topic(TimeStamped):
    """An agenda topic from the shared vocabulary (agenda items, documents, recommendations)."""

    name = models.CharField(verbose_name=_("name"), max_length=200)
    slug = models.SlugField(verbose_name=_("slug"), max_length=100, unique=True)
    description = models.TextField(verbose_name=_("description"), blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("topics:detail", args=[self.slug])


class OrganisationKind(models.TextChoices):
    """What kind of body an organisation is; the meeting page groups participants by it."""

    PARLIAMENT = "parliament", _("Parliament")
    PRESIDENTIAL_ADMINISTRATION = "presidential_administration", _("Presidential Administration")
    GOVERNMENT = "government", _("Government (ministries and agencies)")
    JUDICIARY = "judiciary", _("Judiciary")
    OMBUDSMAN = "ombudsman", _("Ombudsman")
    NGO = "ngo", _("Non-governmental organisation")
    INTERNATIONAL = "international", _("International organisation")
    ACADEMIA = "academia", _("Academia")
    MEDIA = "media", _("Media")
    OTHER = "other", _("Other")


# How the public meeting page groups its participants, by kind of organisation.
PARTICIPANT_GROUPS = [
    (
        _("State bodies"),
        {OrganisationKind.GOVERNMENT, OrganisationKind.PRESIDENTIAL_ADMINISTRATION},
    ),
    (_("Parliament"), {OrganisationKind.PARLIAMENT}),
    (_("Judiciary"), {OrganisationKind.JUDICIARY}),
    (_("Ombudsman"), {OrganisationKind.OMBUDSMAN}),
    (_("Civil society"), {OrganisationKind.NGO, OrganisationKind.ACADEMIA, OrganisationKind.MEDIA}),
    (_("International partners"), {OrganisationKind.INTERNATIONAL}),
    (_("Others"), {OrganisationKind.OTHER}),
]


class Organisation(TimeStamped):
    """A state body, NGO or international partner that attends, reports or is addressed."""

    Kind = OrganisationKind

    name = models.CharField(verbose_name=_("name"), max_length=300)
    short_name = models.CharField(
        verbose_name=_("short name"), max_length=50, blank=True, help_text=_("Acronym, e.g. OHCHR")
    )
    slug = models.SlugField(verbose_name=_("slug"), max_length=100, unique=True)
    kind = models.CharField(
        verbose_name=_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER
    )
    website = URLField(verbose_name=_("website"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            choices_constraint("kind", OrganisationKind, "meetings_organisation_kind_valid")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", args=[self.slug])


class Person(TimeStamped):
    """Someone who takes part in meetings, such as the chair."""

    # A person's name, not a thing's ("имя", not "название").
    name = models.CharField(verbose_name=pgettext_lazy("person", "name"), max_length=200)
    position = models.CharField(verbose_name=_("position"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )

    class Meta:
        verbose_name = _("person")
        ordering = ["name"]
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return f"{self.name}, {self.position}" if self.position else self.name


class MeetingQuerySet(PublishedQuerySet):
    search_spec = SearchSpec(
        "meeting_search_idx",
        (("title", "A", True), ("summary", "B", True), ("location", "C", True)),
    )

    def for_topic(self, topic: Topic) -> MeetingQuerySet:
        return self.filter(agenda_items__topics=topic).distinct()

    def attended_by(self, organisation: Organisation) -> MeetingQuerySet:
        return self.filter(participants__organisation=organisation).distinct()


class MeetingFormat(models.TextChoices):
    """How a meeting was held."""

    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class MeetingKind(models.TextChoices):
    """A regular meeting, or an extraordinary (snap) one."""

    REGULAR = "regular", _("Regular")
    EXTRAORDINARY = "extraordinary", _("Extraordinary")


class Meeting(TimeStamped, Illustrative):
    """One meeting of the Dialogue Platform, as the secretariat records it."""

    Format = MeetingFormat

    Kind = MeetingKind

    title = models.CharField(verbose_name=_("title"), max_length=300)
    slug = models.SlugField(verbose_name=_("slug"), max_length=120, unique=True)
    date = models.DateField(verbose_name=_("date"))
    start_time = models.TimeField(verbose_name=_("start time"), null=True, blank=True)
    end_time = models.TimeField(verbose_name=_("end time"), null=True, blank=True)
    # Blank where the source of a past meeting does not say how it was held.
    format = models.CharField(
        verbose_name=_("format"),
        max_length=20,
        choices=Format.choices,
        default=Format.IN_PERSON,
        blank=True,
    )
    kind = models.CharField(
        verbose_name=_("kind"), max_length=20, choices=Kind.choices, default=Kind.REGULAR
    )
    location = models.CharField(verbose_name=_("location"), max_length=200, blank=True)
    summary = models.TextField(verbose_name=_("summary"), blank=True)
    source_url = URLField(
        verbose_name=_("source URL"),
        max_length=500,
        blank=True,
        help_text=_("The official announcement"),
    )
    is_published = models.BooleanField(_("published"), default=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(format__in=[*MeetingFormat.values, ""]),
                name="meetings_meeting_format_valid",
            ),
            choices_constraint("kind", MeetingKind, "meetings_meeting_kind_valid"),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(end_time__gte=models.F("start_time")),
                name="meetings_meeting_ends_after_start",
            ),
        ]
        indexes = [
            # Public meeting lists: published ones, newest first.
            models.Index(fields=["is_published", "-date"], name="meeting_published_date_idx"),
            # The demonstration-data notice on every page: is any illustrative meeting
            # published? (A few rows at most, so the index stays tiny.)
            models.Index(
                fields=["is_published"],
                condition=Q(is_illustrative=True),
                name="meeting_illustrative_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{date_format(self.date)}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.slug])


class AgendaItemQuerySet(SearchableQuerySet):
    search_spec = SearchSpec(
        "agendaitem_search_idx",
        (("title", "A", True), ("description", "B", True), ("outcome", "B", True)),
    )

    def published(self) -> AgendaItemQuerySet:
        """Items of published meetings."""
        return self.filter(meeting__is_published=True)


class AgendaItem(TimeStamped, Illustrative):
    """One numbered item on a meeting's agenda."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(verbose_name=_("order"), default=1)
    title = models.CharField(verbose_name=_("title"), max_length=500)
    description = models.TextField(verbose_name=_("description"), blank=True)
    outcome = models.TextField(verbose_name=_("outcome"), blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="agenda_items"
    )

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#item-{self.order}"


class ParticipantRole(models.TextChoices):
    """The part someone plays at a meeting; the chair is a participant too."""

    CHAIR = "chair", _("Chair")
    CO_CHAIR = "co_chair", _("Co-chair")
    SPEAKER = "speaker", _("Speaker")
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")
    SECRETARIAT = "secretariat", _("Secretariat")


class Participant(TimeStamped):
    """An organisation and/or person taking part in a meeting, in a role."""

    Role = ParticipantRole

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="participants"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(
        verbose_name=_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["meeting", "role", "organisation__name", "person__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(person__isnull=False),
                name="meetings_participant_names_someone",
            ),
            choices_constraint("role", ParticipantRole, "meetings_participant_role_valid"),
        ]

    def __str__(self) -> str:
        who = ", ".join(str(x) for x in (self.person, self.organisation) if x)
        return f"{who} ({self.get_role_display()})"


class DocumentKind(models.TextChoices):
    """What kind of paper a document is."""

    ANALYTICAL_REPORT = "analytical_report", _("Analytical report")
    EVALUATION = "evaluation", _("Evaluation")
    MINUTES = "minutes", _("Minutes")
    PRESS_RELEASE = "press_release", _("Press release")
    PRESENTATION = "presentation", _("Presentation")
    OTHER = "other", _("Other")


class Language(models.TextChoices):
    """The languages the Dialogue Platform publishes in."""

    KAZAKH = "kk", _("Kazakh")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")


class DocumentQuerySet(PublishedQuerySet):
    search_spec = SearchSpec(
        "document_search_idx", (("title", "A", True), ("description", "B", True))
    )


class Document(TimeStamped, Illustrative):
    """A report or other paper submitted to the Dialogue Platform."""

    Kind = DocumentKind

    Language = Language

    title = models.CharField(verbose_name=_("title"), max_length=500)
    kind = models.CharField(
        verbose_name=_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER
    )
    authors = models.ManyToManyField(
        Organisation, verbose_name=_("authors"), blank=True, related_name="documents"
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="documents"
    )
    file = models.FileField(
        verbose_name=_("file"),
        upload_to=document_upload_to,
        validators=[validate_document_file],
        blank=True,
        help_text=_("PDF, DOCX, ODT or XLSX."),
    )
    url = URLField(_("link"), max_length=500, blank=True)
    language = models.CharField(
        verbose_name=_("language"), max_length=2, choices=Language.choices, blank=True
    )
    date = models.DateField(verbose_name=_("date"), null=True, blank=True)
    description = models.TextField(verbose_name=_("description"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "title"]
        constraints = [
            choices_constraint("kind", DocumentKind, "meetings_document_kind_valid"),
            models.CheckConstraint(
                condition=Q(language="") | Q(language__in=Language.values),
                name="meetings_document_language_valid",
            ),
        ]
        indexes = [
            # The demonstration-data notice on every page: is any illustrative document
            # published?
            models.Index(
                fields=["is_published"],
                condition=Q(is_illustrative=True),
                name="document_illustrative_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.pk])

    @property
    def download_name(self) -> str:
        """A readable file name for downloads: the title and the stored file's extension."""
        extension = Path(self.file.name).suffix.lower() if self.file else ""
        return f"{slugify(self.title)[:80] or 'document'}{extension}"

    @property
    def public_meeting(self) -> Meeting | None:
        """The meeting it was submitted to, unless that meeting is still a draft."""
        return self.meeting if self.meeting and self.meeting.is_published else None
