"""Content fields kept in Kazakh, Russian and English (see meetings/translation.py)."""

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
