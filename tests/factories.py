"""Small factory functions: each builds one record, overrides as keyword arguments."""

import datetime
import itertools
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from meetings.models import (
    AgendaItem,
    Document,
    Meeting,
    Organisation,
    Participant,
    Person,
    Topic,
)
from plans.models import ActionPlan, Activity, OutsideRecommendation, SdgGoal, SdgTarget, Section
from recommendations.models import AffectedGroup, AssessmentOrigin, Recommendation
from reporting.models import Membership, Report, ReportingRound

_serial = itertools.count(1)


def topic(**overrides) -> Topic:
    n = next(_serial)
    return Topic.objects.create(**{"name": f"Topic {n}", "slug": f"topic-{n}", **overrides})


def affected_group(**overrides) -> AffectedGroup:
    n = next(_serial)
    return AffectedGroup.objects.create(**{"name": f"Group {n}", "slug": f"group-{n}", **overrides})


def organisation(**overrides) -> Organisation:
    n = next(_serial)
    fields = {"name": f"Organisation {n}", "slug": f"organisation-{n}"}
    return Organisation.objects.create(
        **{**fields, "kind": Organisation.Kind.GOVERNMENT, **overrides}
    )


def meeting(**overrides) -> Meeting:
    n = next(_serial)
    fields = {
        "title": f"Meeting {n}",
        "slug": f"meeting-{n}",
        "date": datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
        "is_published": True,
    }
    return Meeting.objects.create(**{**fields, **overrides})


def agenda_item(*, meeting: Meeting, **overrides) -> AgendaItem:
    n = next(_serial)
    return AgendaItem.objects.create(
        meeting=meeting,
        **{"order": meeting.agenda_items.count() + 1, "title": f"Item {n}", **overrides},
    )


def person(**overrides) -> Person:
    n = next(_serial)
    return Person.objects.create(**{"name": f"Person {n}", **overrides})


def participant(*, meeting: Meeting, **overrides) -> Participant:
    return Participant.objects.create(meeting=meeting, **overrides)


def document(**overrides) -> Document:
    n = next(_serial)
    fields = {
        "title": f"Document {n}",
        "kind": Document.Kind.ANALYTICAL_REPORT,
        "is_published": True,
    }
    return Document.objects.create(**{**fields, **overrides})


def recommendation(**overrides) -> Recommendation:
    n = next(_serial)
    fields = {"reference": f"CAB-2017-{n:03d}", "text": f"Recommendation text {n}", "year": 2017}
    return Recommendation.objects.create(**{**fields, "is_published": True, **overrides})


def action_plan(**overrides) -> ActionPlan:
    n = next(_serial)
    fields = {"title": f"Action plan {n}", "slug": f"plan-{n}", "is_published": True}
    return ActionPlan.objects.create(**{**fields, **overrides})


def section(*, plan: ActionPlan, **overrides) -> Section:
    n = next(_serial)
    return Section.objects.create(
        **{
            "plan": plan,
            "number": f"S{n}",
            "title": f"Section {n}",
            "order": plan.sections.count() + 1,  # the next, as the admin's inline would
            **overrides,
        }
    )


def activity(*, plan: ActionPlan | None = None, **overrides) -> Activity:
    n = next(_serial)
    fields = {"plan": plan or action_plan(), "number": str(n), "title": f"Activity {n}"}
    return Activity.objects.create(**{**fields, **overrides})


def outside_recommendation(**overrides) -> OutsideRecommendation:
    n = next(_serial)
    fields = {
        "mechanism": OutsideRecommendation.Mechanism.UPR,
        "cycle": "3",
        "year": 2019,
        "document_symbol": "A/HRC/41/10",
        "paragraph": f"139.{n}",
        "recommending_state": "Norway",
        "response": OutsideRecommendation.Response.SUPPORTED,
        "text": f"Outside recommendation text {n}",
        "is_published": True,
    }
    return OutsideRecommendation.objects.create(**{**fields, **overrides})


def sdg_target(**overrides) -> SdgTarget:
    """Target 16.3 (the rule of law), with its goal."""
    goal, _ = SdgGoal.objects.get_or_create(
        number=16, defaults={"name": "Peace, justice and strong institutions"}
    )
    fields = {"goal": goal, "number": "16.3", "text": "Promote the rule of law", "order": 3}
    return SdgTarget.objects.create(**{**fields, **overrides})


def user(**overrides):
    n = next(_serial)
    return get_user_model().objects.create_user(
        **{"username": f"user{n}", "password": "correct horse battery staple", **overrides}
    )


def secretariat_user(**overrides):
    member = user(is_staff=True, **overrides)
    member.groups.add(Group.objects.get(name="Secretariat"))
    return member


def viewer_user(**overrides):
    """Staff who may look at every content record in the admin and change none."""
    member = user(is_staff=True, **overrides)
    member.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["meetings", "recommendations", "plans", "reporting"],
            codename__startswith="view_",
        )
    )
    return member


# The factories below take a `user` and an `organisation`, which hide these two.
_user, _organisation = user, organisation


def membership(*, user=None, organisation: Organisation | None = None, **overrides) -> Membership:
    """A current focal point's membership (since 2020) unless overridden."""
    fields = {"role": Membership.Role.FOCAL_POINT, "starts": datetime.date(2020, 1, 1)}
    return Membership.objects.create(
        user=user or _user(),
        organisation=organisation or _organisation(),
        **{**fields, **overrides},
    )


def reporting_round(**overrides) -> ReportingRound:
    n = next(_serial)
    fields = {"title": f"Round {n}", "due_date": datetime.date(2024, 3, 1)}
    return ReportingRound.objects.create(**{**fields, **overrides})


def report(*, organisation: Organisation, author=None, item=None, **overrides) -> Report:
    """A draft government report (written straight to the table, past the services: for
    setting up a state)."""
    item = item or recommendation()
    fields = {
        "origin": AssessmentOrigin.GOVERNMENT_REPORT,
        "narrative_en": "What the body did.",
        "recommendation": item if isinstance(item, Recommendation) else None,
        "activity": item if isinstance(item, Activity) else None,
    }
    return Report.objects.create(
        organisation=organisation,
        author=author or _user(),
        **{**fields, **overrides},
    )


@dataclass
class Record:
    """A small public record, published and draft, every piece named (see `record()`)."""

    torture: Topic
    children: Topic
    prisons: Topic
    detainees: AffectedGroup
    women: AffectedGroup
    ministry: Organisation
    court: Organisation
    ngo: Organisation
    osce: Organisation
    chair: Person
    meeting: Meeting
    item: AgendaItem
    second_item: AgendaItem
    older_meeting: Meeting
    older_item: AgendaItem
    draft_meeting: Meeting
    draft_item: AgendaItem
    report: Document
    evaluation: Document
    paper_of_draft_meeting: Document
    draft_document: Document
    adopted: Recommendation
    in_progress: Recommendation
    not_assessed: Recommendation
    adopted_at_draft_meeting: Recommendation
    draft_recommendation: Recommendation

    @property
    def published_recommendations(self) -> list[Recommendation]:
        """Newest first, as the public list shows them."""
        return [self.adopted_at_draft_meeting, self.adopted, self.in_progress, self.not_assessed]


# Every draft's title or text says so, and no published record's does.
DRAFT = "Confidential draft"


def record() -> Record:
    """Some published and some draft records, for tests that need "a record" rather than
    particular numbers: two published meetings and a draft one, their agendas, participants
    and documents, four published recommendations (one adopted at the draft meeting) with
    their implementation histories, and a draft recommendation and document.

    Published (2 meetings, 4 recommendations, 3 documents):
    - `meeting` (2022-06-15, online, extraordinary, Astana, chaired by `chair`; titled in
      English, Russian and Kazakh, its first item and chair also in Russian): `item` on
      `torture` and `second_item` on `children`; `ministry`, `ngo` (speaker) and `osce`
      (observer) attend; `report` (by `ngo`, on `item`) and `evaluation` (by `ngo`, no file).
    - `older_meeting` (2019-05-01, in person, regular): `older_item` on `children`; `court`.
    - `adopted` (CAB-2022-001, at `meeting`, `item`): `torture`, `detainees`, addressed to
      `ministry`, proposed by `ngo`; in progress (2022-09-01, by `ministry`), then
      implemented (2023-03-01, by `ngo`, source `evaluation`). Also in Russian.
    - `in_progress` (CAB-2019-001, at `older_meeting`): `children` and `torture`, `women`,
      addressed to `court` and `ministry`; in progress (2020-02-01).
    - `not_assessed` (CAB-2017-001): `children`, addressed to `court`; no history.
    - `adopted_at_draft_meeting` (CAB-2023-002, at `draft_meeting`): `prisons`, `ministry`;
      and `paper_of_draft_meeting`, a document: records published before their meeting.

    Drafts, each titled or worded with DRAFT: `draft_meeting` (2023-03-01) with `draft_item`
    on `prisons`; `draft_document` and `draft_recommendation` (CAB-2023-001, implemented) on
    `prisons`. No published agenda item or document is on `prisons`.
    """
    torture = topic(
        name="Prevention of torture", name_ru="Предупреждение пыток", slug="torture-prevention"
    )
    children = topic(name="Rights of the child", name_ru="Права ребёнка", slug="children")
    prisons = topic(name="Prison reform", name_ru="Реформа тюрем", slug="prison-reform")
    detainees = affected_group(
        name="Persons deprived of liberty", slug="persons-deprived-of-liberty"
    )
    women = affected_group(name="Women and girls", slug="women-girls")
    ministry = organisation(
        name="Ministry of Internal Affairs", slug="ministry-of-internal-affairs"
    )
    court = organisation(
        name="Supreme Court", slug="supreme-court", kind=Organisation.Kind.JUDICIARY
    )
    ngo = organisation(
        name="Kazakhstan Bureau for Human Rights",
        short_name="KBHR",
        slug="kbhr",
        kind=Organisation.Kind.NGO,
    )
    osce = organisation(
        name="OSCE Programme Office in Astana",
        short_name="OSCE",
        slug="osce",
        kind=Organisation.Kind.INTERNATIONAL,
    )
    chair = person(name="Aliya Bekova", name_ru="Алия Бекова", position="Ambassador-at-Large")

    the_meeting = meeting(
        title="Extraordinary meeting on places of detention",
        title_ru="Внеочередное заседание о местах лишения свободы",
        title_kk="Бас бостандығынан айыру орындары туралы кезектен тыс отырыс",
        slug="2022-06-15-extraordinary",
        date=datetime.date(2022, 6, 15),
        format=Meeting.Format.ONLINE,
        kind=Meeting.Kind.EXTRAORDINARY,
        location="Astana",
        summary="The Platform discussed monitoring of places of detention.",
    )
    item = agenda_item(
        meeting=the_meeting,
        order=1,
        title="Independent monitoring of places of detention",
        title_ru="Независимый мониторинг мест лишения свободы",
        outcome="Recommendations adopted.",
    )
    item.topics.add(torture)
    second_item = agenda_item(meeting=the_meeting, order=2, title="Juvenile justice")
    second_item.topics.add(children)
    participant(meeting=the_meeting, person=chair, role=Participant.Role.CHAIR)
    participant(meeting=the_meeting, organisation=ministry)
    participant(meeting=the_meeting, organisation=ngo, role=Participant.Role.SPEAKER)
    participant(meeting=the_meeting, organisation=osce, role=Participant.Role.OBSERVER)

    older = meeting(
        title="Regular meeting on the rights of the child",
        slug="2019-05-01-regular",
        date=datetime.date(2019, 5, 1),
        format=Meeting.Format.IN_PERSON,
        kind=Meeting.Kind.REGULAR,
    )
    older_item = agenda_item(meeting=older, order=1, title="Family-based care")
    older_item.topics.add(children)
    participant(meeting=older, organisation=court)

    draft_meeting = meeting(
        title=f"{DRAFT}: meeting on prison reform",
        slug="2023-03-01-draft",
        date=datetime.date(2023, 3, 1),
        is_published=False,
    )
    draft_item = agenda_item(meeting=draft_meeting, order=1, title=f"{DRAFT}: agenda item")
    draft_item.topics.add(prisons)

    report = document(
        title="Shadow report on places of detention",
        kind=Document.Kind.ANALYTICAL_REPORT,
        meeting=the_meeting,
        agenda_item=item,
        language=Document.Language.ENGLISH,
        date=datetime.date(2022, 6, 1),
    )
    report.authors.add(ngo)
    report.topics.add(torture)
    evaluation = document(
        title="Evaluation of the Platform's recommendations",
        kind=Document.Kind.EVALUATION,
        meeting=the_meeting,
    )
    evaluation.authors.add(ngo)
    paper_of_draft_meeting = document(
        title="Statement on pre-trial detention", kind=Document.Kind.OTHER, meeting=draft_meeting
    )
    draft_document = document(title=f"{DRAFT}: document", is_published=False)
    draft_document.topics.add(prisons)

    adopted = recommendation(
        reference="CAB-2022-001",
        year=2022,
        text="Give the national preventive mechanism unannounced access to every place of "
        "detention.",
        text_ru="Предоставить национальному превентивному механизму доступ без предупреждения "
        "во все места лишения свободы.",
        meeting=the_meeting,
        agenda_item=item,
    )
    adopted.topics.add(torture)
    adopted.affected_groups.add(detainees)
    adopted.responsible_bodies.add(ministry)
    adopted.proposed_by.add(ngo)
    adopted.record_assessment(
        date=datetime.date(2022, 9, 1), status="in_progress", assessed_by=ministry
    )
    adopted.record_assessment(
        date=datetime.date(2023, 3, 1),
        status="implemented",
        summary="Unannounced visits are now allowed by law.",
        assessed_by=ngo,
        source=evaluation,
    )

    in_progress = recommendation(
        reference="CAB-2019-001",
        year=2019,
        text="Establish juvenile courts in every region and train their judges.",
        meeting=older,
        agenda_item=older_item,
    )
    in_progress.topics.add(children, torture)
    in_progress.affected_groups.add(women)
    in_progress.responsible_bodies.add(court, ministry)
    in_progress.record_assessment(
        date=datetime.date(2020, 2, 1), status="in_progress", assessed_by=court
    )

    not_assessed = recommendation(
        reference="CAB-2017-001",
        year=2017,
        text="Close residential institutions for children in favour of family-based care.",
    )
    not_assessed.topics.add(children)
    not_assessed.responsible_bodies.add(court)

    adopted_at_draft = recommendation(
        reference="CAB-2023-002",
        year=2023,
        text="Publish the rules of every pre-trial detention centre.",
        meeting=draft_meeting,
        agenda_item=draft_item,
    )
    adopted_at_draft.topics.add(prisons)
    adopted_at_draft.responsible_bodies.add(ministry)

    draft_recommendation = recommendation(
        reference="CAB-2023-001",
        year=2023,
        text=f"{DRAFT}: a recommendation on prison reform.",
        is_published=False,
    )
    draft_recommendation.topics.add(prisons)
    draft_recommendation.responsible_bodies.add(ministry)
    draft_recommendation.record_assessment(date=datetime.date(2023, 6, 1), status="implemented")

    return Record(
        torture=torture,
        children=children,
        prisons=prisons,
        detainees=detainees,
        women=women,
        ministry=ministry,
        court=court,
        ngo=ngo,
        osce=osce,
        chair=chair,
        meeting=the_meeting,
        item=item,
        second_item=second_item,
        older_meeting=older,
        older_item=older_item,
        draft_meeting=draft_meeting,
        draft_item=draft_item,
        report=report,
        evaluation=evaluation,
        paper_of_draft_meeting=paper_of_draft_meeting,
        draft_document=draft_document,
        adopted=adopted,
        in_progress=in_progress,
        not_assessed=not_assessed,
        adopted_at_draft_meeting=adopted_at_draft,
        draft_recommendation=draft_recommendation,
    )
