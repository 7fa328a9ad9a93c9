"""Removing the plans app's demonstration records (run by remove_demo before the
meetings' and recommendations', whose illustrative records these point to)."""

from django.db import models

from core.illustrative import remove_illustrative

from .models import Activity, ActivityAssessment, Link, OutsideRecommendation, Section

# Dependants first: links and assessments protect nothing but point at activities, UPR
# recommendations and documents; an activity protects its section. An activity's bodies
# go with it (CASCADE); plans, UPR cycles and SDG targets are real and stay.
ORDER: list[type[models.Model]] = [
    Link,
    ActivityAssessment,
    Activity,
    OutsideRecommendation,
    Section,
]


def remove_plans_demo() -> dict[str, int]:
    return remove_illustrative(ORDER)
