"""Removing the demonstration data: every record flagged illustrative, and nothing else."""

from django.db import models, transaction

from meetings.models import AgendaItem, Document, Meeting

from .models import Assessment, Recommendation

# Dependents before what they point to, so no PROTECT'd relation is ever in the way:
# an assessment protects its recommendation and its source document, a recommendation
# its meeting, a document its meeting. A participant goes with its meeting (CASCADE);
# the vocabularies and organisations, which are real, stay.
ORDER: list[type[models.Model]] = [Assessment, Recommendation, Document, AgendaItem, Meeting]


@transaction.atomic
def remove_demo() -> dict[str, int]:
    """Delete every illustrative record, in one transaction, with the audit history the
    deletions would leave (the demo never had any other); return how many of each went.

    If a real record refers to an illustrative one (say, a real assessment citing an
    illustrative document), the PROTECT'd relation raises ProtectedError and nothing
    is deleted."""
    removed = {}
    for model in ORDER:
        _, per_model = model.objects.filter(is_illustrative=True).delete()
        removed[model._meta.label] = per_model.get(model._meta.label, 0)
        model.history.model.objects.filter(is_illustrative=True).delete()
    return removed
