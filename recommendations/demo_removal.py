"""Removing the demonstration data: every record flagged illustrative, and nothing else."""

from django.db import models, transaction

from core.illustrative import remove_illustrative
from meetings.models import AgendaItem, Document, Meeting

from .models import Assessment, Recommendation

# Dependents before what they point to, so no PROTECT'd relation is ever in the way:
# an assessment protects its recommendation and its source document, a recommendation
# its meeting, a document its meeting. A participant goes with its meeting (CASCADE);
# the vocabularies and organisations, which are real, stay.
ORDER: list[type[models.Model]] = [Assessment, Recommendation, Document, AgendaItem, Meeting]


@transaction.atomic
def remove_demo() -> dict[str, int]:
    """Delete every illustrative record of the meetings and recommendations apps, in one
    transaction; return how many of each went. If a real record refers to an illustrative
    one (say, a real assessment citing an illustrative document), nothing is deleted."""
    return remove_illustrative(ORDER)
