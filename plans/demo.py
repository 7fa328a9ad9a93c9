"""Load the plans record: the SDG vocabulary, the real plans and UPR cycles (real_plans.py)
and the illustrative activities, UPR recommendations and links (illustrative.py).
Running it again changes nothing."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

from django.db import transaction

from meetings.models import Organisation, Topic
from meetings.seed import sync
from recommendations.models import AffectedGroup, Recommendation

from . import illustrative, real_plans
from .deadlines import due_date_from_deadline
from .models import (
    ActionPlan,
    Activity,
    ActivityAssessment,
    ActivityBody,
    BodyRole,
    Link,
    LinkKind,
    OutsideRecommendation,
    SdgGoal,
    SdgTarget,
    Section,
    UprCycle,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_sdgs() -> None:
    """The 17 goals and their 169 targets (plans/data/sdg_goals.csv, sdg_targets.csv)."""
    with open(DATA_DIR / "sdg_goals.csv", encoding="utf-8") as f:
        goals = {
            int(row["number"]): sync(
                SdgGoal,
                {f"name_{code}": row[f"name_{code}"] for code in ("en", "ru", "kk")},
                number=int(row["number"]),
            )
            for row in csv.DictReader(f)
        }
    with open(DATA_DIR / "sdg_targets.csv", encoding="utf-8") as f:
        for order, row in enumerate(csv.DictReader(f)):
            goal = goals[int(row["number"].split(".")[0])]
            texts = {f"text_{code}": row[f"text_{code}"] or None for code in ("en", "ru", "kk")}
            sync(SdgTarget, {"goal": goal, "order": order, **texts}, number=row["number"])


def load_real_plans() -> dict[str, ActionPlan]:
    for slug, kind, website, names in real_plans.ORGANISATIONS:
        sync(Organisation, {"kind": kind, "website": website, **names}, slug=slug)
    plans = {}
    for slug, fields, follows in real_plans.PLANS:
        plans[slug] = sync(
            ActionPlan,
            {**fields, "follows": plans[follows] if follows else None, "is_published": True},
            slug=slug,
        )
    plan = plans[real_plans.FOLLOW_UP_PLAN]
    for number, order, titles in real_plans.SECTIONS:
        sync(Section, {"order": order, **titles}, plan=plan, number=number)
    for number, section, texts, agencies, topics, groups in real_plans.ACTIVITIES:
        load_activity(plan, number, section, texts, agencies, topics, groups, is_illustrative=False)
    for number, fields in real_plans.UPR_CYCLES:
        sync(UprCycle, fields, number=number)
    return plans


def load_activity(
    plan: ActionPlan,
    number: str,
    section: str,
    texts: dict,
    agencies: list[str],
    topics: list[str],
    groups: list[str],
    *,
    is_illustrative: bool,
    lead_only: bool = True,
) -> Activity:
    due = due_date_from_deadline(texts.get("deadline_en", ""))
    activity = sync(
        Activity,
        {
            "section": Section.objects.get(plan=plan, number=section),
            "due_date": due,
            "is_illustrative": is_illustrative,
            **texts,
        },
        plan=plan,
        number=number,
    )
    for order, agency in enumerate(agencies):
        slug = real_plans.AGENCIES[agency.rstrip("*")]
        role = BodyRole.LEAD if lead_only or order == 0 else BodyRole.CO_IMPLEMENTING
        sync(
            ActivityBody,
            {"role": role, "as_agreed": agency.endswith("*"), "order": order},
            activity=activity,
            organisation=Organisation.objects.get(slug=slug),
        )
    activity.topics.set(Topic.objects.filter(slug__in=topics))
    activity.affected_groups.set(AffectedGroup.objects.filter(slug__in=groups))
    return activity


def organisation(code: str) -> Organisation:
    """An agency by its code in the plan (MJ, MIA…) or an organisation by its slug."""
    return Organisation.objects.get(slug=real_plans.AGENCIES.get(code, code))


def load_illustrative(plan: ActionPlan) -> None:
    for number, order, titles in illustrative.SECTIONS:
        sync(Section, {"order": order, "is_illustrative": True, **titles}, plan=plan, number=number)
    activities = {activity.number: activity for activity in plan.activities.all()}
    for row in illustrative.ACTIVITIES:
        number, section, (en, ru, kk), outcome, deadline, agencies, topics, groups, history = row
        texts = {
            "title_en": en,
            "title_ru": ru,
            "title_kk": kk,
            **illustrative.OUTCOMES[outcome],
            **illustrative.DEADLINES[deadline],
        }
        activity = load_activity(
            plan, number, section, texts, agencies, topics, groups,
            is_illustrative=True, lead_only=False,
        )  # fmt: skip
        activities[number] = activity
        if history and not activity.assessments.exists():
            for date, status, *who in history:
                origin, by = who or (ActivityAssessment.Origin.SECRETARIAT, None)
                ActivityAssessment.objects.create(
                    activity=activity,
                    date=datetime.date.fromisoformat(date),
                    status=status,
                    origin=origin,
                    assessed_by=organisation(by) if by else None,
                    is_illustrative=True,
                )
            activity.refresh_status()

    outside = {}
    for (
        paragraph,
        states,
        response,
        texts,
        topics,
        groups,
        targets,
        implemented_by,
    ) in illustrative.UPR_RECOMMENDATIONS:
        record = sync(
            OutsideRecommendation,
            {
                "mechanism": OutsideRecommendation.Mechanism.UPR,
                "cycle": "3",
                "year": 2019,
                "response": response,
                "is_illustrative": True,
                "is_published": True,
                **dict(zip(("text_en", "text_ru", "text_kk"), texts, strict=True)),
                **dict(
                    zip(
                        ("recommending_state_en", "recommending_state_ru", "recommending_state_kk"),
                        states,
                        strict=True,
                    )
                ),
            },
            document_symbol=illustrative.UPR_SYMBOL,
            paragraph=paragraph,
        )
        record.topics.set(Topic.objects.filter(slug__in=topics))
        record.affected_groups.set(AffectedGroup.objects.filter(slug__in=groups))
        record.sdg_targets.set(SdgTarget.objects.filter(number__in=targets))
        outside[paragraph] = record
        for number in implemented_by:
            link(
                activity=activities[number], outside_recommendation=record, kind=LinkKind.IMPLEMENTS
            )

    for topic, numbers, paragraphs in illustrative.DEMO_RECOMMENDATION_LINKS:
        recommendation = (
            Recommendation.objects.demonstration()
            .filter(topics__slug=topic)
            .order_by("reference")
            .first()
        )
        if recommendation is None:
            continue
        for number in numbers:
            link(
                recommendation=recommendation, activity=activities[number], kind=LinkKind.FOLLOWS_UP
            )
        for paragraph in paragraphs:
            link(
                recommendation=recommendation,
                outside_recommendation=outside[paragraph],
                kind=LinkKind.RELATED,
            )


def link(*, kind: str, **ends) -> Link:
    """One illustrative link between two records, created once."""
    for end in Link.ENDS:
        ends.setdefault(end, None)
    return sync(Link, {"kind": kind, "is_illustrative": True}, **ends)


def forget_illustrative_history() -> None:
    """Made-up records leave no audit history, as the other demonstration loaders' do not:
    the history is the record of what staff did."""
    for model in (Section, Activity, ActivityAssessment, OutsideRecommendation, Link):
        model.history.filter(is_illustrative=True).delete()
    illustrative_activities = Activity.objects.filter(is_illustrative=True).values("pk")
    ActivityBody.history.filter(activity_id__in=illustrative_activities).delete()


@transaction.atomic
def load_plans_demo() -> ActionPlan:
    """Everything the plans app adds to `manage.py load_demo`; returns the Follow-up Plan."""
    load_sdgs()
    plans = load_real_plans()
    follow_up = plans[real_plans.FOLLOW_UP_PLAN]
    load_illustrative(follow_up)
    forget_illustrative_history()
    return follow_up
