"""The foundations' own records (accounts, the data version) and the bases every app's
models build on: timestamps, vocabulary constraints, searchable and publishable querysets."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .search import SearchSpec, search


class User(AbstractUser):
    """An account: secretariat staff and administrators, who work in the admin, and the focal
    points and evaluators of organisations, who work in the workspace. No one signs up: the
    secretariat invites each one."""

    # The language of the e-mails the account receives (invitation, password reset,
    # reminders), which are sent outside any request and so outside any page's language.
    language = models.CharField(
        verbose_name=_("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails sent to this account."),
    )

    class Meta(AbstractUser.Meta):
        ordering = ["username"]


class DataVersion(models.Model):
    """One row whose number grows with every write to the public record.

    Database triggers on every table of the apps the setting DATA_VERSION_TRACKED_APPS names
    bump it (see core/data_version.py), so bulk updates, imports and raw
    SQL count too. Cached pages and facet counts are keyed by it, so none is ever stale."""

    version = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="dataversion_single_row")
        ]

    def __str__(self) -> str:
        return str(self.version)


class TimeStamped(models.Model):
    """Creation and last-change times, kept on every record."""

    created = models.DateTimeField(verbose_name=_("created"), auto_now_add=True)
    updated = models.DateTimeField(verbose_name=_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Illustrative(models.Model):
    """Records made up to show how the record works (the demonstration data), marked on
    every page that shows them and removed together by `manage.py remove_demo`; the real
    records, which carry their sources, never have the flag."""

    is_illustrative = models.BooleanField(
        verbose_name=_("illustrative"),
        default=False,
        help_text=_("Made up for the demonstration, not the body's real record."),
    )

    class Meta:
        abstract = True


def choices_constraint(field: str, choices: type[models.TextChoices], name: str):
    """A named CHECK constraint keeping `field` within its TextChoices."""
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=name)


class URLField(models.URLField):
    """A URL field whose form assumes https:// when the scheme is left out (Django 6 default)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class SearchableQuerySet(models.QuerySet):
    search_spec: SearchSpec  # what the model is searched on (core/search/spec.py)

    def search(self, query: str, *, rank: bool = True) -> SearchableQuerySet:
        """Full-text matches of `query` (web-search syntax), best first when `rank`."""
        return search(self, self.search_spec, query, rank=rank)


class PublishedQuerySet(SearchableQuerySet):
    def published(self) -> PublishedQuerySet:
        return self.filter(is_published=True)
