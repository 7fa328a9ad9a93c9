"""Demonstration data: the affected-group vocabulary (real) and a set of illustrative
recommendations with implementation histories (not the body's real texts).

Illustrative recommendations carry the DEMO- reference prefix, so they can never be
mistaken for real ones, on the site or in an export, and the site shows a notice
while any is loaded."""

import csv
import datetime
import random
from pathlib import Path

from django.db import transaction

from meetings.models import Document, Meeting, Organisation, Topic
from meetings.seed import load_organisations, load_seed_meeting, load_topics, sync

from .models import DEMO_REFERENCE_PREFIX, AffectedGroup, Assessment, Recommendation, Status

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_COUNT = 162
SEED = 2013  # a fixed seed: the same data on every machine and every run

# topic slug -> (illustrative texts, affected groups, responsible bodies)
TEMPLATES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "torture-prevention": (
        [
            "Ensure that every allegation of torture or ill-treatment in places of detention is "
            "investigated promptly by a body independent of the police.",
            "Extend video recording to all interview rooms and keep recordings for at least one "
            "year.",
            "Give the national preventive mechanism unannounced access to all places of "
            "deprivation of liberty, including temporary holding facilities.",
        ],
        ["persons-deprived-of-liberty", "law-enforcement"],
        ["ministry-of-internal-affairs", "prosecutor-generals-office"],
    ),
    "criminal-penal-legislation": (
        [
            "Amend the Criminal Procedure Code so that a detained person has access to a lawyer "
            "from the moment of actual detention.",
            "Review the Penal Enforcement Code to widen the use of non-custodial sentences.",
            "Introduce judicial review of the sanction of pre-trial detention by an "
            "investigating judge in every case.",
        ],
        ["persons-deprived-of-liberty", "judges-lawyers"],
        ["ministry-of-justice", "supreme-court", "prosecutor-generals-office"],
    ),
    "human-trafficking": (
        [
            "Adopt a law on combating trafficking in human beings that defines the status of a "
            "victim and guarantees assistance regardless of cooperation with investigators.",
            "Fund shelters for victims of trafficking, especially women and children, in every "
            "region.",
            "Train labour inspectors to identify signs of forced labour among migrant workers.",
        ],
        ["victims-of-trafficking", "migrants", "women-girls", "children"],
        ["ministry-of-internal-affairs", "ministry-of-labour-and-social-protection"],
    ),
    "women-gender-equality": (
        [
            "Update the Concept of Family and Gender Policy until 2030 with measurable targets "
            "for women's participation in decision-making.",
            "Remove the list of occupations closed to women from labour legislation.",
            "Collect and publish data disaggregated by sex on employment and pay.",
        ],
        ["women-girls"],
        [
            "ministry-of-information-and-social-development",
            "ministry-of-labour-and-social-protection",
        ],
    ),
    "gender-based-violence": (
        [
            "Criminalise domestic violence as a separate offence and restore criminal liability "
            "for intentional infliction of light harm to health.",
            "Ensure protection orders are issued and enforced within 24 hours.",
        ],
        ["women-girls", "children"],
        ["ministry-of-internal-affairs", "parliament"],
    ),
    "children": (
        [
            "Establish specialised juvenile courts in every region and train their judges.",
            "Close residential institutions for children gradually in favour of family-based care.",
        ],
        ["children"],
        ["ministry-of-education", "supreme-court"],
    ),
    "persons-with-disabilities": (
        [
            "Ratify the Optional Protocol to the Convention on the Rights of Persons with "
            "Disabilities.",
            "Make public buildings, transport and state websites accessible within five years.",
        ],
        ["persons-with-disabilities"],
        ["ministry-of-labour-and-social-protection", "ministry-of-foreign-affairs"],
    ),
    "freedom-of-expression": (
        [
            "Decriminalise defamation and move it to civil law.",
            "Review the law on access to information to limit grounds for refusal.",
        ],
        ["journalists-media"],
        ["ministry-of-information-and-social-development", "parliament"],
    ),
    "assembly-association": (
        [
            "Replace the permission regime for peaceful assemblies with a notification regime.",
            "Simplify the registration of public associations and reduce reporting burdens on "
            "NGOs.",
        ],
        ["human-rights-defenders"],
        ["ministry-of-information-and-social-development", "ministry-of-internal-affairs"],
    ),
    "freedom-of-religion": (
        [
            "Review the requirements for registration of religious associations against "
            "international standards.",
        ],
        ["minorities"],
        ["ministry-of-information-and-social-development"],
    ),
    "national-human-rights-institution": (
        [
            "Bring the Commissioner for Human Rights into full compliance with the Paris "
            "Principles, including a separate budget line.",
            "Give the Commissioner for Human Rights the right to apply to the Constitutional "
            "Council.",
        ],
        ["human-rights-defenders"],
        ["presidential-administration", "parliament"],
    ),
    "international-instruments": (
        [
            "Ratify the Second Optional Protocol to the International Covenant on Civil and "
            "Political Rights.",
            "Submit overdue reports to the UN treaty bodies and publish their concluding "
            "observations in Kazakh and Russian.",
        ],
        ["persons-deprived-of-liberty"],
        ["ministry-of-foreign-affairs"],
    ),
    "justice-fair-trial": (
        [
            "Strengthen the independence of judges by reforming the procedure for their "
            "selection and disciplinary liability.",
            "Guarantee free legal aid in civil cases for low-income persons.",
        ],
        ["judges-lawyers"],
        ["supreme-court", "ministry-of-justice"],
    ),
    "migrants-refugees-statelessness": (
        [
            "Introduce a statelessness determination procedure and give stateless persons "
            "temporary documents.",
            "Ensure access to the territory and to asylum procedures at all border points.",
        ],
        ["stateless-persons", "refugees-asylum-seekers", "migrants"],
        ["ministry-of-internal-affairs", "ministry-of-labour-and-social-protection"],
    ),
    "equality-non-discrimination": (
        [
            "Adopt comprehensive anti-discrimination legislation with a definition of direct and "
            "indirect discrimination.",
        ],
        ["minorities", "persons-with-disabilities", "older-persons"],
        ["ministry-of-justice", "parliament"],
    ),
    "civil-society": (
        [
            "Publish draft laws affecting human rights for public discussion for at least 30 days.",
            "Report back to the Dialogue Platform each year on the follow-up given to its "
            "recommendations.",
        ],
        ["human-rights-defenders"],
        ["ministry-of-foreign-affairs", "ministry-of-justice"],
    ),
    "human-rights-action-plans": (
        [
            "Adopt a national human rights action plan with indicators, responsible bodies and "
            "deadlines for each measure.",
            "Complete the Plan of Priority Measures in the Field of Human Rights and report on "
            "each measure publicly.",
        ],
        [],
        ["presidential-administration", "ministry-of-justice"],
    ),
    "labour-social-rights": (
        [
            "Bring the law on trade unions into line with ILO Conventions 87 and 98.",
        ],
        ["migrants"],
        ["ministry-of-labour-and-social-protection"],
    ),
    "health-education-living": (
        [
            "Ensure access to health care in places of detention equivalent to that in the "
            "community.",
            "Provide inclusive education for children with disabilities in mainstream schools.",
        ],
        ["persons-deprived-of-liberty", "children", "persons-with-disabilities"],
        ["ministry-of-healthcare", "ministry-of-education"],
    ),
    "public-participation": (
        [
            "Guarantee independent public monitoring commissions access to places of detention.",
        ],
        ["human-rights-defenders", "persons-deprived-of-liberty"],
        ["ministry-of-internal-affairs", "commissioner-for-human-rights"],
    ),
    "human-rights-education": (
        [
            "Include human rights in the training curriculum of police, prosecutors and judges.",
        ],
        ["law-enforcement", "judges-lawyers"],
        ["ministry-of-internal-affairs", "ministry-of-education"],
    ),
}

PROGRESS = [
    Status.NOT_STARTED,
    Status.IN_PROGRESS,
    Status.PARTIALLY_IMPLEMENTED,
    Status.IMPLEMENTED,
]
SUMMARIES = {
    Status.NOT_STARTED: "No measures reported yet.",
    Status.IN_PROGRESS: "A draft law has been prepared and sent to the interested state bodies.",
    Status.PARTIALLY_IMPLEMENTED: "Amendments adopted in part; secondary legislation pending.",
    Status.IMPLEMENTED: "The measure was adopted and is in force.",
    Status.NOT_IMPLEMENTED: "The responsible body considered the measure premature.",
    Status.NO_LONGER_RELEVANT: "Superseded by later legislation.",
}


def load_affected_groups() -> None:
    with open(DATA_DIR / "affected_groups.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names = {"name_en": row["name"], "name_ru": row["name_ru"], "name_kk": row["name_kk"]}
            sync(AffectedGroup, names, slug=row["slug"])


def history(rng: random.Random, year: int, start: datetime.date) -> list[tuple[datetime.date, str]]:
    """One to four dated statuses moving forward in time (or none, for a few)."""
    count = rng.choices([0, 1, 2, 3, 4], weights=[1, 3, 3, 2, 1])[0]
    dates = sorted(
        {start + datetime.timedelta(days=rng.randint(60, 365 * 4)) for _ in range(count)}
    )
    dates = [d for d in dates if d <= datetime.date(2025, 12, 31)]
    step = 0
    entries = []
    for date in dates:
        step = min(step + rng.choice([0, 1, 1, 2]), len(PROGRESS) - 1)
        status = PROGRESS[step]
        if date == dates[-1] and rng.random() < 0.12:
            status = rng.choice([Status.NOT_IMPLEMENTED, Status.NO_LONGER_RELEVANT])
        entries.append((date, status))
    return entries


def load_illustrative_recommendations(meeting: Meeting) -> None:
    """Bulk-insert the illustrative recommendations that are not there yet, with their
    classification and history; the same records on every run (a fixed random seed)."""
    rng = random.Random(SEED)
    topics = {t.slug: t.pk for t in Topic.objects.all()}
    groups = {g.slug: g.pk for g in AffectedGroup.objects.all()}
    organisations = {o.slug: o.pk for o in Organisation.objects.all()}
    items = {item.order: item for item in meeting.agenda_items.all()}
    evaluation = Document.objects.get(meeting=meeting, kind=Document.Kind.EVALUATION)
    existing = set(Recommendation.objects.demonstration().values_list("reference", flat=True))
    topic_slugs = sorted(TEMPLATES)

    planned = []  # (recommendation, topic pks, group pks, body pks, proposer pk, history)
    for number in range(DEMO_COUNT):
        year = 2013 + number * 9 // DEMO_COUNT
        serial = number - (year - 2013) * DEMO_COUNT // 9 + 1
        reference = f"{DEMO_REFERENCE_PREFIX}{year}-{serial:03d}"
        # Every value is drawn whether or not the record exists, so each run sees the
        # same sequence.
        topic_slug = topic_slugs[rng.randrange(len(topic_slugs))]
        texts, group_slugs, body_slugs = TEMPLATES[topic_slug]
        text = rng.choice(texts)
        at_seed_meeting = year == 2021 and serial <= 12
        agenda_order = 1 if topic_slug in ("women-gender-equality", "gender-based-violence") else 3
        extra_topic = rng.choice(topic_slugs)
        chosen_groups = rng.sample(group_slugs, k=min(len(group_slugs), rng.randint(1, 2)))
        chosen_bodies = rng.sample(body_slugs, k=rng.randint(1, len(body_slugs)))
        proposer = rng.choice(["kibhr", "commissioner-for-human-rights", "ohchr"])
        start = meeting.date if at_seed_meeting else datetime.date(year, rng.randint(1, 12), 1)
        entries = history(rng, year, start)
        evaluated = year < 2021 and rng.random() < 0.3
        two_topics = rng.random() < 0.3
        if reference in existing:
            continue

        assessments = [
            Assessment(
                date=date,
                status=status,
                summary=SUMMARIES[status],
                assessed_by_id=organisations[chosen_bodies[0]],
                is_illustrative=True,
            )
            for date, status in entries
        ]
        if evaluated:
            before = [status for date, status in entries if date <= evaluation.date]
            assessments.append(
                Assessment(
                    date=evaluation.date,
                    status=before[-1] if before else Status.NOT_STARTED,
                    summary="Evaluated in KIBHR's analysis of the body's recommendations since 2013.",
                    assessed_by_id=organisations["kibhr"],
                    source=evaluation,
                    is_illustrative=True,
                )
            )
        recommendation = Recommendation(
            reference=reference,
            text=text,
            year=year,
            meeting=meeting if at_seed_meeting else None,
            agenda_item=items[agenda_order] if at_seed_meeting else None,
            is_published=True,
            is_illustrative=True,
        )
        planned.append(
            (
                recommendation,
                {topics[topic_slug], topics[extra_topic if two_topics else topic_slug]},
                [groups[s] for s in chosen_groups],
                [organisations[s] for s in chosen_bodies],
                organisations[proposer],
                assessments,
            )
        )

    Recommendation.objects.bulk_create([p[0] for p in planned])
    created = {r.reference: r.pk for r in Recommendation.objects.filter(
        reference__in=[p[0].reference for p in planned])}  # fmt: skip
    m2m = Recommendation.topics.through, Recommendation.affected_groups.through
    bodies, proposers = (
        Recommendation.responsible_bodies.through,
        Recommendation.proposed_by.through,
    )
    rows: dict = {m2m[0]: [], m2m[1]: [], bodies: [], proposers: [], Assessment: []}
    for rec, topic_pks, group_pks, body_pks, proposer_pk, assessments in planned:
        pk = created[rec.reference]
        rows[m2m[0]] += [m2m[0](recommendation_id=pk, topic_id=t) for t in topic_pks]
        rows[m2m[1]] += [m2m[1](recommendation_id=pk, affectedgroup_id=g) for g in group_pks]
        rows[bodies] += [bodies(recommendation_id=pk, organisation_id=b) for b in body_pks]
        rows[proposers].append(proposers(recommendation_id=pk, organisation_id=proposer_pk))
        for assessment in assessments:
            assessment.recommendation_id = pk
        rows[Assessment] += assessments
    for model, objects in rows.items():
        model.objects.bulk_create(objects)
    # The current status follows each history's latest entry, as record_assessment keeps it.
    Recommendation.objects.filter(pk__in=created.values()).refresh_statuses()


@transaction.atomic
def load_demo() -> Meeting:
    """Everything `manage.py load_demo` loads; running it again changes nothing."""
    load_topics()
    load_affected_groups()
    load_organisations()
    meeting = load_seed_meeting()
    load_illustrative_recommendations(meeting)
    return meeting
