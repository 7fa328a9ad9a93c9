"""Demonstration data: the real vocabularies, organisations and meeting of 22 October 2021
(meetings/seed.py), and around them an illustrative record of twelve years: quarterly
meetings 2013–2025 with their agendas and the documents partners submitted, the
recommendations adopted at them and the history of their implementation.

Every illustrative row carries `is_illustrative` (and each recommendation the DEMO-
reference prefix), so the site marks it and `remove_demo` deletes exactly those rows. The
texts, in English, Russian and Kazakh, are in data/demo_*.csv; which meeting adopts which
text, and every date and status, are drawn from a fixed random seed, so every machine and
every run gets the same record."""

from __future__ import annotations

import csv
import datetime
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import translation

from meetings.models import AgendaItem, Document, Meeting, Organisation, Participant, Topic
from meetings.real_meetings import load_real_meetings
from meetings.seed import load_organisations, load_seed_meeting, load_topics, sync

from .demo_removal import remove_demo
from .models import DEMO_REFERENCE_PREFIX, AffectedGroup, Assessment, Recommendation, Status

ALMATY = ZoneInfo("Asia/Almaty")
DATA_DIR = Path(__file__).resolve().parent / "data"
SEED = 2013  # a fixed seed: the same record on every machine and every run
FIRST_YEAR, LAST_YEAR = 2013, 2025
HISTORY_ENDS = datetime.date(LAST_YEAR, 12, 31)
LANGUAGES = ("en", "ru", "kk")
QUARTER_MONTHS = (3, 6, 9, 12)
# Months in which the body really met (meetings documented in public sources): an
# illustrative meeting moves to the next month rather than sit beside a real one.
REAL_MEETING_MONTHS = {(2015, 2), (2016, 6), (2017, 1), (2021, 3), (2021, 10), (2022, 1),
                       (2023, 1), (2024, 1), (2025, 2), (2025, 7)}  # fmt: skip
CHAIR = "ministry-of-foreign-affairs"  # the Ministry convenes and chairs the body
EVALUATOR = "kibhr"  # KIBHR evaluates the body's recommendations each year
OMBUDSMAN = "commissioner-for-human-rights"
# From this year on, in this illustration, the state bodies' own reports (reviewed by the
# secretariat) are their entries; before it, the secretariat assessed what they said.
GOVERNMENT_REPORTS_FROM = 2022
STATE_KINDS = {Organisation.Kind.GOVERNMENT, Organisation.Kind.PARLIAMENT,
               Organisation.Kind.PRESIDENTIAL_ADMINISTRATION, Organisation.Kind.JUDICIARY}  # fmt: skip

# How a recommendation's implementation moves from one assessment to the next: mostly
# forward, sometimes stalling or slipping back. Implemented and no longer relevant end it.
NEXT_STATUS: dict[str, list[tuple[str, int]]] = {
    Status.NOT_STARTED: [(Status.NOT_STARTED, 3), (Status.IN_PROGRESS, 6), (Status.NOT_IMPLEMENTED, 1)],
    Status.IN_PROGRESS: [(Status.IN_PROGRESS, 35), (Status.PARTIALLY_IMPLEMENTED, 30),
                         (Status.IMPLEMENTED, 28), (Status.NOT_STARTED, 4),
                         (Status.NOT_IMPLEMENTED, 3)],
    Status.PARTIALLY_IMPLEMENTED: [(Status.PARTIALLY_IMPLEMENTED, 35), (Status.IMPLEMENTED, 50),
                                   (Status.IN_PROGRESS, 10), (Status.NO_LONGER_RELEVANT, 5)],
    Status.NOT_IMPLEMENTED: [(Status.NOT_IMPLEMENTED, 5), (Status.IN_PROGRESS, 3),
                             (Status.NO_LONGER_RELEVANT, 2)],
}  # fmt: skip
FIRST_STATUS = [(Status.NOT_STARTED, 3), (Status.IN_PROGRESS, 6), (Status.PARTIALLY_IMPLEMENTED, 1)]


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def in_languages(row: dict[str, str], column: str) -> dict:
    """`{column_en: …, column_ru: …, column_kk: …}`: a row's text in each language, as the
    model's translated fields are named."""
    return {f"{column}_{code}": row[f"{column}_{code}"] for code in LANGUAGES}


def pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


@dataclass
class PlannedDocument:
    texts: dict
    kind: str
    author: str
    topic: str
    language: str
    date: datetime.date
    pk: int | None = None


@dataclass
class PlannedItem:
    order: int
    row: dict[str, str]  # its line of data/demo_agenda.csv: topic, theme, title
    documents: list[PlannedDocument] = field(default_factory=list)
    pk: int | None = None

    @property
    def topic(self) -> str:
        return self.row["topic"]

    @property
    def texts(self) -> dict:
        return in_languages(self.row, "title")


@dataclass
class PlannedMeeting:
    slug: str
    date: datetime.date
    format: str
    fields: dict
    items: list[PlannedItem]
    adopts: int  # how much weight it has when recommendations are shared out (0: none)
    participants: dict[str, str] = field(default_factory=dict)  # organisation slug -> role
    evaluation: PlannedDocument | None = None


@dataclass
class PlannedAssessment:
    date: datetime.date
    status: str
    texts: dict
    assessed_by: str
    source: PlannedDocument | None = None
    origin: str = Assessment.Origin.SECRETARIAT


@dataclass
class PlannedRecommendation:
    row: dict[str, str]
    meeting: PlannedMeeting
    item: PlannedItem | None
    reference: str = ""
    topics: list[str] = field(default_factory=list)
    proposer: str = ""
    history: list[PlannedAssessment] = field(default_factory=list)


def meeting_date(rng: random.Random, year: int, month: int) -> datetime.date:
    if (year, month) in REAL_MEETING_MONTHS:
        month += 1
    day = datetime.date(year, month, rng.randint(8, 24))
    while day.weekday() > 3:  # Monday to Thursday
        day += datetime.timedelta(days=1)
    return day


def where(date: datetime.date, fmt: str) -> dict:
    """The capital's name on that date (Astana, Nur-Sultan from March 2019 to September
    2022), as the record of an in-person, online or hybrid meeting gives it."""
    nur_sultan = datetime.date(2019, 3, 23) <= date < datetime.date(2022, 9, 17)
    names = (
        ("Nur-Sultan", "Нур-Султан", "Нұр-Сұлтан") if nur_sultan else ("Astana", "Астана", "Астана")
    )
    suffix = {
        Meeting.Format.ONLINE: (" (online)", " (онлайн)", " (онлайн)"),
        Meeting.Format.HYBRID: (" (hybrid)", " (гибридный формат)", " (аралас формат)"),
    }.get(fmt, ("", "", ""))
    return {
        f"location_{code}": name + end
        for code, name, end in zip(LANGUAGES, names, suffix, strict=True)
    }


def meeting_format(rng: random.Random, date: datetime.date) -> str:
    if datetime.date(2020, 4, 1) <= date < datetime.date(2022, 1, 1):
        return Meeting.Format.ONLINE  # the pandemic years
    if date.year >= 2022:
        return rng.choice([Meeting.Format.HYBRID, Meeting.Format.HYBRID, Meeting.Format.IN_PERSON])
    return Meeting.Format.IN_PERSON


def title(items: list[PlannedItem]) -> dict:
    """The meeting's title: its agenda's themes, in order, joined as a list is in each
    language (lower case after the first, except names such as the Universal Periodic
    Review's, whose capitals Russian and Kazakh keep)."""
    titles = {}
    for code in LANGUAGES:
        parts = []
        for n, item in enumerate(items):
            theme = item.row[f"theme_{code}"]
            if n and (code == "en" or not item.row["theme_is_a_name"]):
                theme = theme[0].lower() + theme[1:]
            parts.append(theme)
        titles[f"title_{code}"] = "; ".join(parts)
    return titles


def plan_meetings(rng: random.Random) -> list[PlannedMeeting]:
    agenda = defaultdict(list)
    for row in rows("demo_agenda.csv"):
        agenda[row["topic"]].append(row)
    # The annual follow-up item, kept for the year's last meeting only.
    plans = agenda["human-rights-action-plans"]
    follow_up = next(row for row in plans if row["theme_en"] == "Follow-up to recommendations")
    plans.remove(follow_up)
    documents = defaultdict(list)
    for row in rows("demo_documents.csv"):
        documents[row["topic"]].append(row)
    evaluation = documents["human-rights-action-plans"][0]

    topics = sorted(agenda)
    deck: list[str] = []
    used = Counter()
    titles_used = set()
    meetings = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for quarter, month in enumerate(QUARTER_MONTHS, start=1):
            date = meeting_date(rng, year, month)
            fmt = meeting_format(rng, date)
            count = rng.choices([1, 2, 3], weights=[2, 5, 3])[0]
            chosen = []
            while len(chosen) < count:
                if not deck:
                    deck = rng.sample(topics, len(topics))
                topic = deck.pop()
                if topic not in chosen:
                    chosen.append(topic)
            items = []
            for topic in chosen:
                items.append(
                    PlannedItem(len(items) + 1, agenda[topic][used[topic] % len(agenda[topic])])
                )
                used[topic] += 1
            annual = quarter == 4 and year > FIRST_YEAR
            if annual:
                items.append(PlannedItem(len(items) + 1, follow_up))
            for item in items:
                candidates = [r for r in documents[item.topic] if r["kind"] != "evaluation"]
                if candidates and rng.random() < 0.6:
                    row = rng.choice(candidates)
                    # A dated paper, "(2016)", is that year's; a review "for 2016" is
                    # presented the year after.
                    covered = year if "({year})" in row["title_en"] else year - 1
                    texts = {
                        k: v.format(year=covered) for k, v in in_languages(row, "title").items()
                    }
                    if texts["title_en"] not in titles_used:  # one report a year per kind
                        titles_used.add(texts["title_en"])
                        language = "ru" if row["author"] == EVALUATOR else rng.choice(["en", "ru"])
                        item.documents.append(PlannedDocument(texts, row["kind"], row["author"],
                                                              item.topic, language, date))  # fmt: skip
            meeting = PlannedMeeting(
                slug=f"{date:%Y-%m-%d}-illustrative-meeting",
                date=date,
                format=fmt,
                fields={**title(items), **where(date, fmt)},
                items=items,
                adopts=rng.choice([1, 1, 2, 3]),
            )
            if annual:
                texts = {
                    k: v.format(year=year) for k, v in in_languages(evaluation, "title").items()
                }
                meeting.evaluation = PlannedDocument(texts, Document.Kind.EVALUATION, EVALUATOR,
                                                     follow_up["topic"], "ru", date)  # fmt: skip
                items[-1].documents.append(meeting.evaluation)
            meetings.append(meeting)
    # Some meetings hear reports and adopt nothing; a few adopt a great many.
    for meeting in rng.sample(meetings, 8):
        meeting.adopts = 0
    for meeting in rng.sample([m for m in meetings if m.adopts], 5):
        meeting.adopts = 10
    return meetings


def plan_recommendations(rng: random.Random, meetings: list[PlannedMeeting],
                         bodies_kind: dict[str, str]) -> list[PlannedRecommendation]:  # fmt: skip
    texts = rows("demo_recommendations.csv")
    rng.shuffle(texts)
    planned = []
    for row in texts:
        first, last = (int(y) for y in (row["years"] or f"{FIRST_YEAR}-{LAST_YEAR}").split("-"))
        in_years = [m for m in meetings if first <= m.date.year <= last and m.adopts]
        on_agenda = [(m, i) for m in in_years for i in m.items if i.topic == row["topic"]]
        if on_agenda:
            meeting, item = rng.choices(on_agenda, [m.adopts for m, _ in on_agenda])[0]
        else:  # adopted under another item, as happens when a discussion widens
            meeting, item = rng.choices(in_years, [m.adopts for m in in_years])[0], None
        rec = PlannedRecommendation(row, meeting, item, topics=[row["topic"]])
        authors = [d.author for d in item.documents] if item else []
        rec.proposer = rng.choice(authors or [EVALUATOR, EVALUATOR, OMBUDSMAN])
        planned.append(rec)

    planned.sort(key=lambda r: (r.meeting.date, r.item.order if r.item else 99, r.row["text_en"]))
    serial = Counter()
    for rec in planned:
        year = rec.meeting.date.year
        serial[year] += 1
        rec.reference = f"{DEMO_REFERENCE_PREFIX}{year}-{serial[year]:03d}"
    evaluations = {m.date.year: m.evaluation for m in meetings if m.evaluation}
    notes = defaultdict(list)
    for row in rows("demo_assessment_notes.csv"):
        notes[row["status"], row["by"]].append(in_languages(row, "summary"))
    for rec in planned:
        rec.history = history(rng, rec, evaluations, notes, bodies_kind)
    return planned


def history(rng: random.Random, rec: PlannedRecommendation, evaluations: dict,
            notes: dict, bodies_kind: dict[str, str]) -> list[PlannedAssessment]:  # fmt: skip
    """The dated assessments of one recommendation, from some months after its adoption
    to the end of 2025: the responsible bodies report, and now and then KIBHR's yearly
    evaluation (an independent evaluation: it stands beside the bodies' account without
    setting the status) or the Commissioner for Human Rights weighs in."""
    entries: list[PlannedAssessment] = []
    bodies = [b for b in rec.row["bodies"].split(";") if bodies_kind.get(b) in STATE_KINDS]
    limit = rng.choices([0, 1, 2, 3, 4, 5], weights=[1, 3, 4, 4, 3, 2])[0]
    date = rec.meeting.date + datetime.timedelta(days=rng.randint(90, 300))
    status = None
    while len(entries) < limit and date <= HISTORY_ENDS:
        status = pick(rng, FIRST_STATUS) if status is None else pick(rng, NEXT_STATUS[status])
        by, source, when = rng.choice(bodies or [OMBUDSMAN]), None, date
        roll = rng.random()
        evaluation = evaluations.get(date.year)
        previous = entries[-1].date if entries else rec.meeting.date
        # KIBHR's evaluation is dated its meeting's day, so it must come after the last entry.
        if roll < 0.22 and evaluation and evaluation.date > previous:
            by, source, when = EVALUATOR, evaluation, evaluation.date
        elif roll < 0.32:
            by = OMBUDSMAN
        kind = "state" if by not in (EVALUATOR, OMBUDSMAN) else "evaluator"
        # A note once per history: the same words twice would read as a form letter.
        said = [e.texts for e in entries]
        note = rng.choice([n for n in notes[status, kind] if n not in said] or notes[status, kind])
        entries.append(PlannedAssessment(when, status, note, by, source, origin(by, kind, when)))
        if status in (Status.IMPLEMENTED, Status.NO_LONGER_RELEVANT):
            break
        date = when + datetime.timedelta(days=rng.randint(200, 560))
    return entries


def origin(by: str, kind: str, date: datetime.date) -> str:
    """Who speaks in an illustrative entry (decided without drawing from the random
    sequence, so the record's statuses and dates stay those of earlier versions)."""
    if by == EVALUATOR:
        return Assessment.Origin.EVALUATION
    if kind == "state" and date.year >= GOVERNMENT_REPORTS_FROM:
        return Assessment.Origin.GOVERNMENT_REPORT
    return Assessment.Origin.SECRETARIAT


def plan(bodies_kind: dict[str, str]) -> tuple[list[PlannedMeeting], list[PlannedRecommendation]]:
    rng = random.Random(SEED)
    meetings = plan_meetings(rng)
    return meetings, plan_recommendations(rng, meetings, bodies_kind)


def load_affected_groups() -> None:
    with open(DATA_DIR / "affected_groups.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names = {"name_en": row["name"], "name_ru": row["name_ru"], "name_kk": row["name_kk"]}
            sync(AffectedGroup, names, slug=row["slug"])


def load_illustrative_record() -> None:
    """Insert the illustrative record in bulk, unless exactly it is already there; an
    older or partial one is removed first. Leaves no audit history (bulk inserts)."""
    organisations = dict(Organisation.objects.values_list("slug", "pk"))
    kinds = dict(Organisation.objects.values_list("slug", "kind"))
    meetings, recommendations = plan(kinds)
    have = (
        set(Meeting.objects.filter(is_illustrative=True).values_list("slug", flat=True)),
        set(Recommendation.objects.demonstration().values_list("reference", flat=True)),
    )
    # (A record loaded before its entries said who speaks is loaded again.)
    who_speaks = Assessment.objects.filter(
        is_illustrative=True, origin=Assessment.Origin.EVALUATION
    )
    if have == ({m.slug for m in meetings}, {r.reference for r in recommendations}) and (
        who_speaks.exists()
    ):
        return
    if any(have):
        remove_demo()
    topics = dict(Topic.objects.values_list("slug", "pk"))
    groups = dict(AffectedGroup.objects.values_list("slug", "pk"))

    for meeting in meetings:
        meeting.participants[CHAIR] = Participant.Role.CHAIR
        for item in meeting.items:
            for document in item.documents:
                meeting.participants.setdefault(document.author, Participant.Role.SPEAKER)
    for rec in recommendations:
        for body in rec.row["bodies"].split(";"):
            rec.meeting.participants.setdefault(body, Participant.Role.MEMBER)
        rec.meeting.participants.setdefault(rec.proposer, Participant.Role.MEMBER)

    rows_of_meetings = Meeting.objects.bulk_create(
        Meeting(slug=m.slug, date=m.date, format=m.format, kind=Meeting.Kind.REGULAR,
                title=m.fields["title_en"], is_published=True, is_illustrative=True, **m.fields)
        for m in meetings
    )  # fmt: skip
    meeting_pk = {m.slug: row.pk for m, row in zip(meetings, rows_of_meetings, strict=True)}
    items = [(m, i) for m in meetings for i in m.items]
    rows_of_items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting_id=meeting_pk[m.slug], order=i.order, title=i.texts["title_en"],
                   is_illustrative=True, **i.texts)
        for m, i in items
    )  # fmt: skip
    for (_, item), row in zip(items, rows_of_items, strict=True):
        item.pk = row.pk
    documents = [(m, i, d) for m, i in items for d in i.documents]
    rows_of_documents = Document.objects.bulk_create(
        Document(meeting_id=meeting_pk[m.slug], agenda_item_id=i.pk, kind=d.kind,
                 title=d.texts["title_en"], language=d.language, date=m.date,
                 is_published=True, is_illustrative=True, **d.texts)
        for m, i, d in documents
    )  # fmt: skip
    for (_, _, document), row in zip(documents, rows_of_documents, strict=True):
        document.pk = row.pk
    Participant.objects.bulk_create(
        Participant(meeting_id=meeting_pk[m.slug], organisation_id=organisations[slug], role=role)
        for m in meetings
        for slug, role in m.participants.items()
    )
    links = [
        (AgendaItem.topics.through, {"agendaitem_id": i.pk, "topic_id": topics[i.topic]})
        for _, i in items
    ]
    for _, _, d in documents:
        links.append((Document.topics.through, {"document_id": d.pk, "topic_id": topics[d.topic]}))
        links.append((Document.authors.through,
                      {"document_id": d.pk, "organisation_id": organisations[d.author]}))  # fmt: skip

    rows_of_recommendations = Recommendation.objects.bulk_create(
        Recommendation(reference=r.reference, year=r.meeting.date.year,
                       meeting_id=meeting_pk[r.meeting.slug],
                       agenda_item_id=r.item.pk if r.item else None,
                       text=r.row["text_en"], is_published=True, is_illustrative=True,
                       **in_languages(r.row, "text"))
        for r in recommendations
    )  # fmt: skip
    assessments = []
    for rec, row in zip(recommendations, rows_of_recommendations, strict=True):
        pk = row.pk
        links += [(Recommendation.topics.through, {"recommendation_id": pk, "topic_id": topics[t]})
                  for t in dict.fromkeys(rec.topics)]  # fmt: skip
        links += [(Recommendation.affected_groups.through,
                   {"recommendation_id": pk, "affectedgroup_id": groups[g]})
                  for g in rec.row["groups"].split(";") if g]  # fmt: skip
        links += [(Recommendation.responsible_bodies.through,
                   {"recommendation_id": pk, "organisation_id": organisations[b]})
                  for b in rec.row["bodies"].split(";")]  # fmt: skip
        links.append((Recommendation.proposed_by.through,
                      {"recommendation_id": pk, "organisation_id": organisations[rec.proposer]}))  # fmt: skip
        assessments += [
            Assessment(recommendation_id=pk, date=a.date, status=a.status,
                       summary=a.texts["summary_en"], assessed_by_id=organisations[a.assessed_by],
                       source_id=a.source.pk if a.source else None, is_illustrative=True,
                       origin=a.origin,
                       **a.texts)
            for a in rec.history
        ]  # fmt: skip
    Assessment.objects.bulk_create(assessments)
    by_model = defaultdict(list)
    for model, values in links:
        by_model[model].append(model(**values))
    for model, objects in by_model.items():
        model.objects.bulk_create(objects)
    # The current status follows each history's latest entry, as record_assessment keeps it.
    Recommendation.objects.demonstration().refresh_statuses()
    date_as_entered(meetings, rows_of_meetings, recommendations, rows_of_recommendations)


def entered(date: datetime.date) -> datetime.datetime:
    """A day of the record as a time of entry: mid-morning in Kazakhstan."""
    return datetime.datetime.combine(date, datetime.time(10), tzinfo=ALMATY)


def date_as_entered(meetings, meeting_rows, recommendations, recommendation_rows) -> None:
    """Give each illustrative meeting and recommendation the times it would have been
    entered and last changed (its meeting; its latest assessment), not the moment the demo
    was loaded: feeds and the admin date and order records by these."""
    for planned, row in zip(meetings, meeting_rows, strict=True):
        row.created = row.updated = entered(planned.date)
    for planned, row in zip(recommendations, recommendation_rows, strict=True):
        row.created = entered(planned.meeting.date)
        row.updated = entered(max([planned.meeting.date, *(a.date for a in planned.history)]))
    Meeting.objects.bulk_update(meeting_rows, ["created", "updated"])
    Recommendation.objects.bulk_update(recommendation_rows, ["created", "updated"])


@transaction.atomic
def load_demo() -> Meeting:
    """Everything `manage.py load_demo` loads; running it again changes nothing."""
    with translation.override("en"):
        load_topics()
        load_affected_groups()
        load_organisations()
        meeting = load_seed_meeting()
        load_real_meetings()
        load_illustrative_record()
    return meeting
