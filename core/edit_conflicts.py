"""Lost updates in the admin: a form saved from a page opened before someone else saved the
same record is refused, instead of silently putting back what they changed.

Optimistic locking on the record's `updated` timestamp (every record has one, moved on
each save and by the publishing actions): the change form carries, hidden, the timestamp
the record had when the page was opened, and validating the form compares it with the
one stored now. The same form serves inline rows, each checked against its own record,
and django-simple-history's restore of a past version, checked against the record it
would overwrite. No column is added and nothing changes outside the admin.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db import connections, models, router
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

VERSION_FIELD = "seen_version"
TIMESTAMP = "updated"


class VersionField(forms.CharField):
    """The `updated` timestamp of the record as the page showed it, sent back unchanged."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        # Hidden, but labelled for whoever reads the page without its stylesheet.
        super().__init__(required=False, label=gettext_lazy("version when opened"), **kwargs)

    def has_changed(self, initial: Any, data: Any) -> bool:
        # Whether a form was edited is for the fields the user sees to say.
        return False


def stored_version(record: models.Model, *, lock: bool = False) -> str | None:
    """The record's `updated` timestamp as stored now; None if it no longer exists."""
    # Ordered by the key alone: a default ordering across joins (participants order by
    # organisation and person) would make PostgreSQL refuse FOR UPDATE.
    rows = type(record)._default_manager.filter(pk=record.pk).order_by("pk")
    if lock:
        rows = rows.select_for_update()
    updated = rows.values_list(TIMESTAMP, flat=True).first()
    return None if updated is None else updated.isoformat()


class ConcurrentEditForm(forms.ModelForm):
    """A model form refused if its record was saved since the form was shown."""

    seen_version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial[VERSION_FIELD] = self._version_shown()

    def _version_shown(self) -> str | None:
        if self.instance._state.db is None:
            # A past version being restored: what it would overwrite is the stored record.
            return stored_version(self.instance)
        updated = getattr(self.instance, TIMESTAMP)
        return updated.isoformat() if updated else None

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        if self.instance.pk is not None and self._would_write_something():
            # Within the admin's transaction the row is locked until the save (PostgreSQL),
            # so no other save slips in between this check and this form's own.
            database = connections[router.db_for_write(type(self.instance))]
            stored = stored_version(self.instance, lock=database.in_atomic_block)
            if stored is not None and stored != cleaned_data.get(VERSION_FIELD):
                raise ValidationError(self._conflict_message(), code="edit_conflict")
        return cleaned_data

    def _would_write_something(self) -> bool:
        # A record loaded now, whose fields the form leaves as they are, is saved unchanged:
        # nobody's changes are lost. A past version being restored always writes.
        return self.instance._state.db is None or self.has_changed()

    def _conflict_message(self) -> str:
        opts = self.instance._meta
        names = {"name": opts.verbose_name, "record": str(self.instance)}
        try:
            url = reverse(admin_urlname(opts, "change"), args=[quote(self.instance.pk)])
        except NoReverseMatch:  # a row edited only inline, on its parent's page
            return format_html(
                _(
                    "The {name} “{record}” has been changed since you opened the page. Your "
                    "changes have not been saved, so as not to overwrite the newer version: "
                    "reload the page and make your changes again."
                ),
                **names,
            )
        return format_html(
            _(
                "The {name} “{record}” has been changed since you opened it. Your changes have "
                "not been saved, so as not to overwrite the newer version: "
                '<a href="{url}">open the current version</a> and make your changes there.'
            ),
            url=url,
            **names,
        )


class ConcurrentEditAdminMixin:
    """For a ModelAdmin or an inline: its forms refuse to overwrite a newer save.

    A custom `form` must subclass ConcurrentEditForm. The version is a hidden field in a
    fieldset of its own, shown only to those who may change the record."""

    form = ConcurrentEditForm

    def get_fieldsets(self, request: HttpRequest, obj: models.Model | None = None) -> list:
        # Default fieldsets list every form field, the version among them; it is placed
        # here instead, so that a view-only page does not show it as a read-only field.
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != VERSION_FIELD]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is not None and self.has_change_permission(request, obj):
            fieldsets.append((None, {"fields": [VERSION_FIELD], "classes": ["hidden"]}))
        return fieldsets
