"""Removing an app's demonstration records: every row flagged `is_illustrative`
(core/models.Illustrative), and nothing else."""

from django.db import models


def remove_illustrative(order: list[type[models.Model]]) -> dict[str, int]:
    """Delete the illustrative rows of each model in `order` (dependants before what they
    point to, so no PROTECT'd relation is in the way), with the audit history the deletions
    leave (the demo never had any other); return how many of each went. Call it inside a
    transaction: a real record referring to an illustrative one raises ProtectedError."""
    removed = {}
    for model in order:
        _, per_model = model.objects.filter(is_illustrative=True).delete()
        removed[model._meta.label] = per_model.get(model._meta.label, 0)
        if history := getattr(model, "history", None):
            history.model.objects.filter(is_illustrative=True).delete()
    return removed
