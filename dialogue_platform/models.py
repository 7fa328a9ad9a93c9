from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A back-office account (secretariat staff and administrators)."""

    class Meta(AbstractUser.Meta):
        ordering = ["username"]


class DataVersion(models.Model):
    """One row whose number grows with every write to the public record.

    Database triggers on every table of the `meetings` and `recommendations` apps bump
    it (see dialogue_platform/data_version.py), so bulk updates, imports and raw SQL
    count too. Cached pages and facet counts are keyed by it, so none is ever stale."""

    version = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="dataversion_single_row")
        ]

    def __str__(self) -> str:
        return str(self.version)
