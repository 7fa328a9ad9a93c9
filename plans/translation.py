"""Content fields kept in Kazakh, Russian and English (see meetings/translation.py), and
the audit history of the records staff edit."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import (
    ActionPlan,
    Activity,
    ActivityAssessment,
    ActivityBody,
    Link,
    OutsideRecommendation,
    SdgGoal,
    SdgTarget,
    Section,
    UprCycle,
)


@register(ActionPlan)
class ActionPlanTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title",)


@register(Activity)
class ActivityTranslation(TranslationOptions):
    # The deadline as written is text of the plan, in the plan's languages.
    fields = ("title", "expected_outcome", "deadline")


@register(ActivityAssessment)
class ActivityAssessmentTranslation(TranslationOptions):
    fields = ("summary",)


@register(OutsideRecommendation)
class OutsideRecommendationTranslation(TranslationOptions):
    fields = ("text", "body", "recommending_state")


@register(SdgGoal)
class SdgGoalTranslation(TranslationOptions):
    fields = ("name",)


@register(SdgTarget)
class SdgTargetTranslation(TranslationOptions):
    fields = ("text",)


# Audit history, after the translated fields exist (see meetings/translation.py). The SDG
# vocabulary is shipped data, not edited in the admin.
for model in (
    ActionPlan,
    Section,
    Activity,
    ActivityBody,
    ActivityAssessment,
    OutsideRecommendation,
    Link,
    UprCycle,
):
    simple_history.register(model)
