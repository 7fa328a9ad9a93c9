"""Content fields kept in Kazakh, Russian and English (see meetings/translation.py)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import AffectedGroup, Assessment, Recommendation


@register(AffectedGroup)
class AffectedGroupTranslation(TranslationOptions):
    fields = ("name",)


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("text",)


@register(Assessment)
class AssessmentTranslation(TranslationOptions):
    fields = ("summary",)


# Audit history, after the translated fields exist (see meetings/translation.py).
for model in (Recommendation, Assessment):
    simple_history.register(model)
