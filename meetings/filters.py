"""Filters of the public meeting and document lists."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import AgendaItem, Document, Language, Meeting, Organisation, Participant, Topic


class MeetingFilter(django_filters.FilterSet):
    """The spec's /meetings/ filters: year, topic (repeatable), format, organisation."""

    year = django_filters.ChoiceFilter(
        field_name="date__year", label=_("Year"), empty_label=_("Any year")
    )
    topic = django_filters.ModelMultipleChoiceFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        method="with_topics",
        label=_("Topic"),
        widget=forms.CheckboxSelectMultiple,
    )
    format = django_filters.ChoiceFilter(
        choices=Meeting.Format.choices, label=_("Format"), empty_label=_("Any format")
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        method="attended_by",
        label=_("Organisation"),
        empty_label=_("Any organisation"),
    )

    class Meta:
        model = Meeting
        fields: list[str] = []

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(str(y), str(y)) for y in years]

    def with_topics(self, qs: QuerySet, name: str, value: list[Topic]) -> QuerySet:
        if not value:
            return qs
        items = AgendaItem.objects.filter(meeting=OuterRef("pk"), topics__in=value)
        return qs.filter(Exists(items))

    def attended_by(self, qs: QuerySet, name: str, value: Organisation) -> QuerySet:
        return qs.filter(
            Exists(Participant.objects.filter(meeting=OuterRef("pk"), organisation=value))
        )


class DocumentFilter(django_filters.FilterSet):
    """Documents by kind, language and topic."""

    kind = django_filters.ChoiceFilter(
        choices=Document.Kind.choices, label=_("Type"), empty_label=_("Any type")
    )
    language = django_filters.ChoiceFilter(
        choices=Language.choices, label=_("Language"), empty_label=_("Any language")
    )
    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        field_name="topics",
        label=_("Topic"),
        empty_label=_("Any topic"),
    )

    class Meta:
        model = Document
        fields: list[str] = []
