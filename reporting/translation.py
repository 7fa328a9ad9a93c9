"""Content fields kept in Kazakh, Russian and English (see meetings/translation.py), and
the audit history of reports, rounds and memberships."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Membership, Report, ReportingRound


@register(ReportingRound)
class ReportingRoundTranslation(TranslationOptions):
    fields = ("title",)


@register(Report)
class ReportTranslation(TranslationOptions):
    # A body writes in whichever of the three languages it works in (at least one).
    fields = ("narrative",)


# Audit history, after the translated fields exist (see meetings/translation.py).
# Obligations are written only by opening a round, which the round's history records.
for model in (Report, ReportingRound, Membership):
    simple_history.register(model)
