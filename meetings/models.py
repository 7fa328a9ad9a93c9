"""Meetings of the Dialogue Platform and what they are made of."""

from __future__ import annotations

from pathlib import Path

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    """Creation and last-change times, kept on every record."""

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def choices_constraint(field: str, choices: type[models.TextChoices], name: str):
    """A named CHECK constraint keeping `field` within its TextChoices."""
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=name)


class URLField(models.URLField):
    """A URL field whose form assumes https:// when the scheme is left out (Django 6 default)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class PublishedQuerySet(models.QuerySet):
    def published(self) -> PublishedQuerySet:
        return self.filter(is_published=True)


class Topic(TimeStamped):
    """An agenda topic from the shared vocabulary (agenda items, documents, recommendations)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("topics:detail", args=[self.slug])


class OrganisationKind(models.TextChoices):
    """What kind of body an organisation is; the meeting page groups participants by it."""

    PARLIAMENT = "parliament", "Parliament"
    PRESIDENTIAL_ADMINISTRATION = "presidential_administration", "Presidential Administration"
    GOVERNMENT = "government", "Government (ministries and agencies)"
    JUDICIARY = "judiciary", "Judiciary"
    OMBUDSMAN = "ombudsman", "Ombudsman"
    NGO = "ngo", "Non-governmental organisation"
    INTERNATIONAL = "international", "International organisation"
    ACADEMIA = "academia", "Academia"
    MEDIA = "media", "Media"
    OTHER = "other", "Other"


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

    name = models.CharField(max_length=300)
    short_name = models.CharField(max_length=50, blank=True, help_text="Acronym, e.g. OHCHR")
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)
    website = URLField(blank=True)

    class Meta:
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

    name = models.CharField(max_length=200)
    position = models.CharField(max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.name}, {self.position}" if self.position else self.name


class MeetingQuerySet(PublishedQuerySet):
    def for_topic(self, topic: Topic) -> MeetingQuerySet:
        return self.filter(agenda_items__topics=topic).distinct()

    def attended_by(self, organisation: Organisation) -> MeetingQuerySet:
        return self.filter(participants__organisation=organisation).distinct()


class MeetingFormat(models.TextChoices):
    """How a meeting was held."""

    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "Hybrid"


class MeetingKind(models.TextChoices):
    """A regular meeting, or an extraordinary (snap) one."""

    REGULAR = "regular", "Regular"
    EXTRAORDINARY = "extraordinary", "Extraordinary"


class Meeting(TimeStamped):
    """One meeting of the Dialogue Platform, as the secretariat records it."""

    Format = MeetingFormat

    Kind = MeetingKind

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120, unique=True)
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REGULAR)
    location = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    source_url = URLField(
        max_length=500, blank=True, verbose_name="source URL", help_text="The official announcement"
    )
    is_published = models.BooleanField("published", default=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            choices_constraint("format", MeetingFormat, "meetings_meeting_format_valid"),
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
        ]

    def __str__(self) -> str:
        return f"{self.date:%d %B %Y}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.slug])


class AgendaItem(TimeStamped):
    """One numbered item on a meeting's agenda."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="agenda_items")

    class Meta:
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#item-{self.order}"


class ParticipantRole(models.TextChoices):
    """The part someone plays at a meeting; the chair is a participant too."""

    CHAIR = "chair", "Chair"
    CO_CHAIR = "co_chair", "Co-chair"
    SPEAKER = "speaker", "Speaker"
    MEMBER = "member", "Member"
    OBSERVER = "observer", "Observer"
    SECRETARIAT = "secretariat", "Secretariat"


class Participant(TimeStamped):
    """An organisation and/or person taking part in a meeting, in a role."""

    Role = ParticipantRole

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)

    class Meta:
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

    ANALYTICAL_REPORT = "analytical_report", "Analytical report"
    EVALUATION = "evaluation", "Evaluation"
    MINUTES = "minutes", "Minutes"
    PRESS_RELEASE = "press_release", "Press release"
    PRESENTATION = "presentation", "Presentation"
    OTHER = "other", "Other"


class Language(models.TextChoices):
    """The languages the Dialogue Platform publishes in."""

    KAZAKH = "kk", "Kazakh"
    RUSSIAN = "ru", "Russian"
    ENGLISH = "en", "English"


class Document(TimeStamped):
    """A report or other paper submitted to the Dialogue Platform."""

    Kind = DocumentKind

    Language = Language

    title = models.CharField(max_length=500)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)
    authors = models.ManyToManyField(Organisation, blank=True, related_name="documents")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="documents")
    file = models.FileField(upload_to="documents/%Y/", blank=True)
    url = URLField("link", max_length=500, blank=True)
    language = models.CharField(max_length=2, choices=Language.choices, blank=True)
    date = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    is_published = models.BooleanField("published", default=False)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        constraints = [
            choices_constraint("kind", DocumentKind, "meetings_document_kind_valid"),
            models.CheckConstraint(
                condition=Q(language="") | Q(language__in=Language.values),
                name="meetings_document_language_valid",
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
