"""A synthetic data set for measuring performance (`python -m bench.generate_sample`).

It is made to look like the real record at scale: published meetings with agendas,
participants and documents, and recommendations spread over 2013 to 2025 with topics,
affected groups, responsible bodies and implementation histories, in English and Russian
so that search has something to find. It is never mixed with real or demonstration data:
every synthetic recommendation's reference starts with SAMPLE-, every synthetic meeting's
slug with sample-, and generation refuses a database holding other recommendations.

Everything is bulk-inserted in one transaction from a seeded random generator, so the
same arguments give the same records on every machine (100,000 recommendations take
well under a minute on SQLite).
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import connection, models, transaction

from meetings.models import AgendaItem, Document, Meeting, Organisation, Participant, Topic
from meetings.seed import load_organisations, load_topics
from recommendations.bulk import insert_many
from recommendations.demo import load_affected_groups
from recommendations.models import FIRST_YEAR, AffectedGroup, Assessment, Recommendation, Status

SAMPLE_REFERENCE_PREFIX = "SAMPLE-"
SAMPLE_SLUG_PREFIX = "sample-"
LAST_YEAR = 2025
DEFAULT_SEED = 100_000
# Share of recommendations left as drafts: the public pages must keep ignoring them.
UNPUBLISHED_SHARE = 0.02
# Share of recommendations adopted at a (sample) meeting of their year.
AT_MEETING_SHARE = 0.7

T = TypeVar("T")

EN_VERBS = [
    "Ensure that the authorities",
    "Amend the legislation so that the state",
    "Adopt measures so that public bodies",
    "Review existing practice so that officials",
    "Guarantee in law that the courts",
    "Strengthen the capacity of regional authorities to",
    "Develop a plan of action under which ministries",
    "Provide adequate funding so that local executive bodies",
    "Introduce clear procedures so that the police",
    "Publish annual reports showing how the government will",
    "Consult civil society before the responsible bodies",
    "Align national law with international standards so that prosecutors",
]
EN_ACTIONS = [
    "investigate every complaint of torture and ill-treatment promptly and independently",
    "protect victims of domestic violence with enforceable protection orders",
    "identify and assist victims of human trafficking and forced labour",
    "guarantee access to a lawyer from the moment of actual detention",
    "register public associations and religious communities without undue delay",
    "allow peaceful assemblies on simple notification",
    "make public buildings, transport and websites accessible to persons with disabilities",
    "collect data disaggregated by sex, age, disability and region",
    "provide free legal aid to low-income persons in civil and administrative cases",
    "close residential institutions in favour of family-based care for children",
    "issue identity documents to stateless persons and determine their status",
    "train judges, prosecutors and police officers in international human rights law",
    "protect journalists and human rights defenders from harassment",
    "decriminalise defamation and limit grounds for refusing access to information",
    "give the Commissioner for Human Rights a separate budget line and full independence",
    "submit overdue reports to the UN treaty bodies and publish their concluding observations",
    "ensure health care in places of detention equivalent to that in the community",
    "bring the law on trade unions into line with ILO conventions",
    "prevent discrimination on any ground in employment, education and housing",
    "involve independent public monitoring commissions in visits to places of detention",
    "fight corruption in public procurement and in the judiciary",
    "respect business and human rights standards in state-owned companies",
]
EN_QUALIFIERS = [
    "within two years",
    "in every region of the country",
    "with measurable indicators and deadlines",
    "in consultation with non-governmental organisations",
    "and report back to the Dialogue Platform each year",
    "in line with the recommendations of the UN treaty bodies",
    "with particular attention to rural areas",
    "as part of the national human rights action plan",
]
RU_VERBS = [
    "Обеспечить, чтобы государственные органы",
    "Внести изменения в законодательство, чтобы суды",
    "Принять меры, чтобы местные исполнительные органы",
    "Рассмотреть возможность, чтобы министерства",
    "Гарантировать, чтобы органы внутренних дел",
    "Разработать план действий, по которому прокуратура",
]
RU_ACTIONS = [
    "эффективно расследовали все жалобы на пытки и жестокое обращение",
    "защищали жертв бытового насилия и торговли людьми",
    "обеспечивали доступ к адвокату с момента фактического задержания",
    "регистрировали общественные объединения без необоснованных задержек",
    "обеспечивали доступность зданий и транспорта для лиц с инвалидностью",
    "предоставляли бесплатную юридическую помощь малоимущим гражданам",
    "развивали семейные формы устройства детей, оставшихся без попечения родителей",
    "выдавали документы лицам без гражданства",
    "защищали журналистов и правозащитников от преследования",
    "соблюдали право на мирные собрания в уведомительном порядке",
    "противодействовали коррупции в судебной системе",
    "обеспечивали равенство мужчин и женщин в сфере труда",
]
RU_QUALIFIERS = [
    "в течение двух лет",
    "во всех регионах страны",
    "с участием неправительственных организаций",
    "в соответствии с международными стандартами",
    "и ежегодно отчитываться перед Диалоговой платформой",
]
MEETING_THEMES = [
    "Implementation of the Plan of Priority Measures in the Field of Human Rights",
    "Follow-up to the recommendations of the UN treaty bodies",
    "Prevention of torture and ill-treatment",
    "Gender equality and the empowerment of women and girls",
    "Freedom of expression and access to information",
    "The rights of persons with disabilities",
    "Combating human trafficking",
    "Reform of criminal and penal enforcement legislation",
    "Civil society and freedom of association",
    "The rights of the child",
    "Migrants, refugees and stateless persons",
    "Interim results of the Dialogue Platform's work",
]
AGENDA_OPENINGS = [
    "Discussion of",
    "Report of the responsible state bodies on",
    "Presentation of civil society proposals on",
    "Follow-up to earlier recommendations on",
    "Review of draft legislation on",
]
LOCATIONS = ["Astana", "Almaty", "Nur-Sultan", "Shymkent", "Astana (online)", ""]
DOCUMENT_KINDS = [
    Document.Kind.ANALYTICAL_REPORT,
    Document.Kind.EVALUATION,
    Document.Kind.PRESENTATION,
    Document.Kind.MINUTES,
    Document.Kind.OTHER,
]
STATE_KINDS = {
    Organisation.Kind.GOVERNMENT,
    Organisation.Kind.PARLIAMENT,
    Organisation.Kind.JUDICIARY,
    Organisation.Kind.PRESIDENTIAL_ADMINISTRATION,
    Organisation.Kind.OMBUDSMAN,
}
AUTHOR_KINDS = {
    Organisation.Kind.NGO,
    Organisation.Kind.INTERNATIONAL,
    Organisation.Kind.OMBUDSMAN,
}

# The sample's statuses and notes (the demo's before it became an illustrative record in
# three languages): kept as they were, so samples stay comparable across runs.
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


class SampleRefused(Exception):
    """The database holds data the sample must not be mixed with (or a sample already)."""


@dataclass
class SampleReport:
    """What was created, and how long each step took (seconds)."""

    meetings: int = 0
    agenda_items: int = 0
    documents: int = 0
    recommendations: int = 0
    assessments: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def sample_recommendations() -> models.QuerySet:
    return Recommendation.objects.filter(reference__startswith=SAMPLE_REFERENCE_PREFIX)


def sample_meetings() -> models.QuerySet:
    return Meeting.objects.filter(slug__startswith=SAMPLE_SLUG_PREFIX)


def check_can_generate() -> None:
    """Refuse to mix: no real or demonstration recommendations, and no earlier sample."""
    others = Recommendation.objects.exclude(reference__startswith=SAMPLE_REFERENCE_PREFIX)
    if others.exists():
        raise SampleRefused(
            f"This database holds {others.count()} recommendations that are not synthetic "
            f"(e.g. {others.order_by('reference').first()}). The sample data set must never be "
            "mixed with real or demonstration data: use an empty database, e.g. "
            "DATABASE_URL=sqlite:///bench/bench.sqlite3."
        )
    if sample_recommendations().exists() or sample_meetings().exists():
        raise SampleRefused(
            "This database already holds a sample data set; pass --clear to replace it."
        )


def clear_sample() -> int:
    """Delete every synthetic record, in the order the PROTECT relations require."""
    with transaction.atomic():
        recommendations = sample_recommendations()
        deleted = recommendations.count()
        # Assessment → recommendation is PROTECTed, so the history goes first.
        Assessment.objects.filter(recommendation__in=recommendations).delete()
        recommendations.delete()
        # Recommendation → meeting was PROTECTed too; documents PROTECT their meeting.
        Document.objects.filter(meeting__in=sample_meetings()).delete()
        sample_meetings().delete()
    return deleted


def weighted(rng: random.Random, items: Sequence[T], skew: float = 0.8) -> list[float]:
    """Zipf-like weights over a shuffled copy of `items`, so a few values are common and the
    rest rare, as topics and addressees are in the real record; the order depends on rng."""
    order = list(range(len(items)))
    rng.shuffle(order)
    weights = [0.0] * len(items)
    for rank, index in enumerate(order):
        weights[index] = 1 / (rank + 1) ** skew
    return weights


def picker(rng: random.Random, items: Sequence[T], skew: float = 0.8) -> Callable[[int], list[T]]:
    """A function drawing k distinct items with the skewed weights."""
    weights = weighted(rng, items, skew)
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)

    def pick(k: int) -> list[T]:
        chosen: list[T] = []
        while len(chosen) < min(k, len(items)):
            item = rng.choices(items, cum_weights=cumulative)[0]
            if item not in chosen:
                chosen.append(item)
        return chosen

    return pick


def recommendation_text(rng: random.Random) -> str:
    """One to three sentences, English, Russian or both, so search has varied words to match."""
    sentences = []
    language = rng.choices(["en", "ru", "both"], weights=[6, 2, 2])[0]
    for _ in range(rng.choice([1, 1, 2, 3])):
        russian = language == "ru" or (language == "both" and sentences and rng.random() < 0.7)
        if russian:
            parts = (rng.choice(RU_VERBS), rng.choice(RU_ACTIONS), rng.choice(RU_QUALIFIERS))
        else:
            parts = (rng.choice(EN_VERBS), rng.choice(EN_ACTIONS), rng.choice(EN_QUALIFIERS))
        sentences.append(" ".join(parts) + ".")
    return " ".join(sentences)


def random_date(rng: random.Random, year: int) -> datetime.date:
    return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))


@dataclass
class Vocabulary:
    """Primary keys of the real vocabularies and organisations the sample refers to."""

    topics: list[int]
    topic_names: dict[int, str]
    groups: list[int]
    state_bodies: list[int]
    authors: list[int]
    organisations: dict[str, int]
    kinds: dict[int, str]

    @classmethod
    def load(cls) -> Vocabulary:
        organisations = list(
            Organisation.objects.order_by("slug").values_list("pk", "slug", "kind")
        )
        topics = list(Topic.objects.order_by("slug").values_list("pk", "name"))
        return cls(
            topics=[pk for pk, _ in topics],
            topic_names=dict(topics),
            groups=list(AffectedGroup.objects.order_by("slug").values_list("pk", flat=True)),
            state_bodies=[pk for pk, _, kind in organisations if kind in STATE_KINDS],
            authors=[pk for pk, _, kind in organisations if kind in AUTHOR_KINDS],
            organisations={slug: pk for pk, slug, _ in organisations},
            kinds={pk: kind for pk, _, kind in organisations},
        )


def bulk_insert(model: type[models.Model], objects: list[models.Model]) -> None:
    # Large batches: fewer round trips; Django still splits by the backend's parameter limit.
    model.objects.bulk_create(objects, batch_size=5000)


# The recommendations, their links and their histories (100,000, some 470,000 and 150,000
# rows) go through recommendations/bulk.py, not bulk_create: a model instance per row made
# the whole sample three times as slow (SQLite, 100,000 recommendations: 45–46 s of CPU
# instead of 15–16, and 95–142 s instead of 16–62 on a two-core machine shared with other
# work), where it must stay well under a minute. The few thousand meetings, agenda items
# and documents use bulk_create.


def insert_links(relation: models.ManyToManyField, pairs: list[tuple[int, int]]) -> None:
    """Insert many-to-many rows straight into the through table."""
    varying = (relation.m2m_column_name(), relation.m2m_reverse_name())
    insert_many(relation.remote_field.through, constant={}, varying=varying, rows=pairs)


def insert_rows(
    model: type[models.Model], rows: list[dict], *, return_keys: bool = False
) -> list[int]:
    """Insert rows (field name → value, the same names in each) of one model; with
    `return_keys`, their primary keys in the same order."""
    if not rows:
        return []
    values = [tuple(row.values()) for row in rows]
    return insert_many(
        model, constant={}, varying=list(rows[0]), rows=values, return_keys=return_keys
    )


def create_meetings(rng: random.Random, vocabulary: Vocabulary, count: int) -> dict[int, list]:
    """Published meetings with agendas, participants and documents; returns, per year,
    (meeting pk, [(agenda item pk, [topic pks])]) for the recommendations to refer to."""
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    pick_topics = picker(rng, vocabulary.topics)
    meetings = []
    for number in range(count):
        year = years[number * len(years) // count]
        date = random_date(rng, year)
        theme = rng.choice(MEETING_THEMES)
        meetings.append(
            Meeting(
                title=theme,
                slug=f"{SAMPLE_SLUG_PREFIX}{date.isoformat()}-{number + 1:04d}",
                date=date,
                format=rng.choices(list(Meeting.Format.values), weights=[5, 3, 2])[0],
                kind=rng.choices(list(Meeting.Kind.values), weights=[9, 1])[0],
                location=rng.choice(LOCATIONS),
                summary=(
                    f"A meeting of the Dialogue Platform on the Human Dimension on {theme.lower()}. "
                    "State bodies, civil society organisations and international partners "
                    "discussed the implementation of earlier recommendations."
                ),
                is_published=True,
            )
        )
    bulk_insert(Meeting, meetings)
    meetings = list(sample_meetings().order_by("slug"))

    items, item_topics = [], []
    for meeting in meetings:
        for order in range(1, rng.randint(2, 5) + 1):
            topics = pick_topics(rng.choice([1, 1, 2]))
            item = AgendaItem(
                meeting=meeting,
                order=order,
                title=f"{rng.choice(AGENDA_OPENINGS)} {vocabulary.topic_names[topics[0]].lower()}",
                outcome=rng.choice(
                    ["", "The participants agreed on proposals to the responsible bodies."]
                ),
            )
            items.append(item)
            item_topics.append(topics)
    bulk_insert(AgendaItem, items)
    through = AgendaItem.topics.through
    bulk_insert(
        through,
        [
            through(agendaitem_id=item.pk, topic_id=topic)
            for item, topics in zip(items, item_topics, strict=True)
            for topic in topics
        ],
    )

    participants = []
    for meeting in meetings:
        chair = vocabulary.organisations["ministry-of-foreign-affairs"]
        participants.append(
            Participant(meeting=meeting, organisation_id=chair, role=Participant.Role.CHAIR)
        )
        others = rng.sample(sorted(set(vocabulary.kinds) - {chair}), k=rng.randint(5, 12))
        for organisation in others:
            international = vocabulary.kinds[organisation] == Organisation.Kind.INTERNATIONAL
            role = (
                Participant.Role.OBSERVER
                if international
                else rng.choice([Participant.Role.MEMBER, Participant.Role.SPEAKER])
            )
            participants.append(
                Participant(meeting=meeting, organisation_id=organisation, role=role)
            )
    bulk_insert(Participant, participants)

    documents, document_links = [], []
    by_meeting: dict[int, list[AgendaItem]] = {}
    for item in items:
        by_meeting.setdefault(item.meeting_id, []).append(item)
    topics_of = {item.pk: topics for item, topics in zip(items, item_topics, strict=True)}
    for meeting in meetings:
        for _ in range(rng.randint(1, 3)):
            item = rng.choice(by_meeting[meeting.pk])
            kind = rng.choice(DOCUMENT_KINDS)
            documents.append(
                Document(
                    title=f"{Document.Kind(kind).label}: {item.title}",
                    kind=kind,
                    meeting=meeting,
                    agenda_item=item,
                    language=rng.choice(Document.Language.values),
                    date=meeting.date,
                    description="Submitted to the meeting for discussion.",
                    is_published=True,
                )
            )
            document_links.append((rng.sample(vocabulary.authors, k=rng.randint(1, 2)), item.pk))
    bulk_insert(Document, documents)
    authors, topics = Document.authors.through, Document.topics.through
    bulk_insert(
        authors,
        [
            authors(document_id=document.pk, organisation_id=organisation)
            for document, (organisations, _) in zip(documents, document_links, strict=True)
            for organisation in organisations
        ],
    )
    bulk_insert(
        topics,
        [
            topics(document_id=document.pk, topic_id=topic)
            for document, (_, item) in zip(documents, document_links, strict=True)
            for topic in topics_of[item]
        ],
    )

    per_year: dict[int, list] = {}
    for meeting in meetings:
        agenda = [(item.pk, topics_of[item.pk]) for item in by_meeting[meeting.pk]]
        per_year.setdefault(meeting.date.year, []).append((meeting.pk, agenda))
    return per_year


def create_recommendations(
    rng: random.Random, vocabulary: Vocabulary, count: int, meetings: dict[int, list]
) -> tuple[int, int]:
    """Recommendations with their classification and histories; returns (recommendations,
    assessments) created."""
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    # The record grows: later years have more recommendations than the first ones.
    year_weights = [1 + 0.12 * (year - FIRST_YEAR) for year in years]
    pick_topics = picker(rng, vocabulary.topics)
    pick_groups = picker(rng, vocabulary.groups)
    pick_bodies = picker(rng, vocabulary.state_bodies)
    proposers = [
        pk
        for pk in vocabulary.authors
        if vocabulary.kinds[pk] in (Organisation.Kind.NGO, Organisation.Kind.OMBUDSMAN)
    ] + [vocabulary.organisations["ohchr"]]
    evaluator = vocabulary.organisations["kibhr"]

    chosen_years = sorted(rng.choices(years, weights=year_weights, k=count))
    serials: dict[int, int] = {}
    recommendations, links = [], []
    for year in chosen_years:
        serials[year] = serials.get(year, 0) + 1
        meeting_pk = agenda_item_pk = None
        topics: list[int] = []
        if meetings.get(year) and rng.random() < AT_MEETING_SHARE:
            meeting_pk, agenda = rng.choice(meetings[year])
            agenda_item_pk, item_topics = rng.choice(agenda)
            topics = list(item_topics)
        wanted = rng.choices([1, 2, 3], weights=[5, 3, 1])[0]
        for topic in pick_topics(wanted):
            if len(topics) < wanted and topic not in topics:
                topics.append(topic)
        bodies = pick_bodies(rng.choices([1, 2, 3], weights=[5, 3, 1])[0])
        recommendations.append(
            {
                "reference": f"{SAMPLE_REFERENCE_PREFIX}{year}-{serials[year]:05d}",
                "text": recommendation_text(rng),
                "year": year,
                "meeting_id": meeting_pk,
                "agenda_item_id": agenda_item_pk,
                "is_published": rng.random() >= UNPUBLISHED_SHARE,
            }
        )
        start = datetime.date(year, rng.randint(1, 12), 1)
        entries = history(rng, year, start)
        evaluated_by_ngo = rng.random() < 0.15
        links.append(
            (
                topics,
                pick_groups(rng.choices([0, 1, 2], weights=[3, 5, 2])[0]),
                bodies,
                [rng.choice(proposers)] if rng.random() < 0.6 else [],
                [
                    (date, status, evaluator if evaluated_by_ngo else bodies[0])
                    for date, status in entries
                ],
            )
        )
    pks = insert_rows(Recommendation, recommendations, return_keys=True)

    links_of: dict[str, list[tuple[int, int]]] = {
        "topics": [],
        "affected_groups": [],
        "responsible_bodies": [],
        "proposed_by": [],
    }
    assessments = []
    for pk, (topics, groups, bodies, proposed, entries) in zip(pks, links, strict=True):
        links_of["topics"] += [(pk, t) for t in topics]
        links_of["affected_groups"] += [(pk, g) for g in groups]
        links_of["responsible_bodies"] += [(pk, b) for b in bodies]
        links_of["proposed_by"] += [(pk, p) for p in proposed]
        assessments += [
            {
                "recommendation_id": pk,
                "date": date,
                "status": str(status),
                "summary": SUMMARIES[Status(status)],
                "assessed_by_id": assessed_by,
            }
            for date, status, assessed_by in entries
        ]
    for name, pairs in links_of.items():
        insert_links(Recommendation._meta.get_field(name), pairs)
    insert_rows(Assessment, assessments)
    # The current status follows each history's latest entry, as record_assessment keeps it.
    # Only those with a history: the others keep the default (not assessed), and every
    # row rewritten costs PostgreSQL its full-text index entries again.
    assessed = Assessment.objects.filter(recommendation=models.OuterRef("pk"))
    sample_recommendations().filter(models.Exists(assessed)).refresh_statuses()
    return len(recommendations), len(assessments)


def generate_sample(
    *, recommendations: int, meetings: int, seed: int = DEFAULT_SEED, clear: bool = False
) -> SampleReport:
    """Load the real vocabularies, then bulk-insert the synthetic meetings and
    recommendations; refuses (SampleRefused) to mix with other recommendations."""
    if not connection.features.can_return_rows_from_bulk_insert:
        # The links (agenda items, M2M rows, histories) need the primary keys that
        # PostgreSQL and SQLite 3.35+ return from a bulk insert.
        raise SampleRefused("This database backend does not return keys from bulk inserts.")
    report = SampleReport()
    started = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal started
        now = time.perf_counter()
        report.timings[name] = now - started
        started = now

    with transaction.atomic():
        if clear:
            clear_sample()
            lap("clear")
        check_can_generate()
        load_topics()
        load_organisations()
        load_affected_groups()
        vocabulary = Vocabulary.load()
        lap("vocabularies")
        rng = random.Random(seed)
        per_year = create_meetings(rng, vocabulary, meetings)
        lap("meetings")
        report.recommendations, report.assessments = create_recommendations(
            rng, vocabulary, recommendations, per_year
        )
        lap("recommendations")
    report.meetings = sample_meetings().count()
    report.agenda_items = AgendaItem.objects.filter(meeting__in=sample_meetings()).count()
    report.documents = Document.objects.filter(meeting__in=sample_meetings()).count()
    return report
