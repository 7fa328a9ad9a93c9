"""Real reference data: the topic vocabulary, the organisations named in the
Ministry of Foreign Affairs' press release of 22 October 2021, and that meeting
exactly as published. Every function is idempotent."""

import csv
import datetime
from pathlib import Path
from typing import TypeVar

from django.db.models import Model

from .models import AgendaItem, Document, Meeting, Organisation, Participant, Person, Topic

DATA_DIR = Path(__file__).resolve().parent / "data"
M = TypeVar("M", bound=Model)
SEED_MEETING_SLUG = "2021-10-22-snap-online-meeting"

Kind = Organisation.Kind

# slug, name, short name, kind, website
ORGANISATIONS = [
    ("parliament", "Parliament of the Republic of Kazakhstan", "", Kind.PARLIAMENT, "https://www.parlam.kz"),
    ("commissioner-for-human-rights", "Commissioner for Human Rights in the Republic of Kazakhstan", "", Kind.OMBUDSMAN, "https://www.gov.kz/memleket/entities/ombudsman"),
    ("presidential-administration", "Administration of the President of the Republic of Kazakhstan", "", Kind.PRESIDENTIAL_ADMINISTRATION, "https://www.akorda.kz"),
    ("supreme-court", "Supreme Court of the Republic of Kazakhstan", "", Kind.JUDICIARY, "https://www.sud.gov.kz"),
    ("constitutional-council", "Constitutional Council of the Republic of Kazakhstan", "", Kind.JUDICIARY, ""),
    ("ministry-of-foreign-affairs", "Ministry of Foreign Affairs of the Republic of Kazakhstan", "MFA", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/mfa"),
    ("ministry-of-justice", "Ministry of Justice of the Republic of Kazakhstan", "", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/adilet"),
    ("ministry-of-internal-affairs", "Ministry of Internal Affairs of the Republic of Kazakhstan", "", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/qriim"),
    ("ministry-of-labour-and-social-protection", "Ministry of Labour and Social Protection of the Population", "", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/enbek"),
    ("ministry-of-education", "Ministry of Education and Science of the Republic of Kazakhstan", "", Kind.GOVERNMENT, ""),
    ("ministry-of-healthcare", "Ministry of Healthcare of the Republic of Kazakhstan", "", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/dsm"),
    ("ministry-of-information-and-social-development", "Ministry of Information and Social Development of the Republic of Kazakhstan", "", Kind.GOVERNMENT, ""),
    ("prosecutor-generals-office", "Prosecutor General's Office of the Republic of Kazakhstan", "", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/prokuror"),
    ("kibhr", "Kazakhstan International Bureau for Human Rights and Rule of Law", "KIBHR", Kind.NGO, "https://bureau.kz"),
    ("un-women", "UN Women (national office in Kazakhstan)", "UN Women", Kind.INTERNATIONAL, "https://eca.unwomen.org"),
    ("undp", "United Nations Development Programme", "UNDP", Kind.INTERNATIONAL, "https://www.undp.org"),
    ("ohchr", "Office of the United Nations High Commissioner for Human Rights", "OHCHR", Kind.INTERNATIONAL, "https://www.ohchr.org"),
    ("osce", "Organization for Security and Co-operation in Europe", "OSCE", Kind.INTERNATIONAL, "https://www.osce.org"),
    ("european-union", "European Union", "EU", Kind.INTERNATIONAL, "https://www.eeas.europa.eu"),
    ("usaid", "United States Agency for International Development", "USAID", Kind.INTERNATIONAL, "https://www.usaid.gov"),
]  # fmt: skip

SEED_MEETING = {
    "title": (
        "Gender equality, previous recommendations and interim results of the "
        "Consultative and Advisory Body's work"
    ),
    "date": datetime.date(2021, 10, 22),
    "format": Meeting.Format.ONLINE,
    "kind": Meeting.Kind.EXTRAORDINARY,
    "location": "Nur-Sultan (online)",
    "summary": (
        "Kazakhstan's Ministry of Foreign Affairs held a snap online meeting of the "
        "Consultative and Advisory Body Dialogue Platform on the Human Dimension, chaired by "
        "Ambassador-at-Large Usen Suleimen.\n\n"
        "The participants noted that intensive work is being carried out in a number of areas "
        "within the framework of a dialogue between responsible state bodies, civil society "
        "organizations and experts. In particular, on measures on the prevention and "
        "suppression of human trafficking, especially women and children, and the elaboration "
        "of aspects of combating torture, cruel or degrading treatment and punishment, on "
        "amendments and additions to criminal procedure and penal enforcement legislation.\n\n"
        "Discussions on each agenda item were open and constructive in nature with the "
        "development of concrete proposals for further interaction between government "
        "agencies and NGOs on these issues.\n\n"
        "The event was attended by Members of Parliament of Kazakhstan, the country's "
        "Commissioner for Human Rights, representatives of the Administration of the President "
        "of Kazakhstan, the Supreme Court, the Constitutional Council, interested ministries, "
        "Kazakh human rights NGOs, as well as international partners including the UN "
        "Development Program, the Office of the High Commissioner for Human Rights (OHCHR), "
        "OSCE, the European Union, and USAID."
    ),
    "is_published": True,
}

# order, title, topic slugs, outcome
SEED_AGENDA = [
    (
        1,
        "Empowerment of women and girls",
        ["women-gender-equality", "gender-based-violence"],
        "The UN Women national office's analytical report on updating the Concept of Family and "
        "Gender Policy until 2030 was particularly noted.",
    ),
    (
        2,
        "Analysis of the Consultative and Advisory Body's recommendations for the period 2013–21",
        ["human-rights-action-plans", "civil-society"],
        "The Kazakhstan International Bureau for Human Rights and Rule of Law presented its "
        "analysis of the Consultative and Advisory Body's recommendations since 2013.",
    ),
    (
        3,
        "Interim results of the Consultative and Advisory Body's work on the implementation of "
        "the Plan of Priority Measures in the Field of Human Rights until the end of 2021",
        [
            "human-rights-action-plans",
            "human-trafficking",
            "torture-prevention",
            "criminal-penal-legislation",
        ],
        "Participants noted intensive work on preventing and suppressing human trafficking, "
        "especially of women and children; on combating torture, cruel or degrading treatment "
        "and punishment; and on amendments to criminal procedure and penal enforcement "
        "legislation. Concrete proposals were developed for further interaction between "
        "government agencies and NGOs.",
    ),
]

# agenda order, title, kind, author slugs, topic slugs, description
SEED_DOCUMENTS = [
    (
        1,
        "Recommendations of the UN Women for the elaboration of updates to the Concept of Family "
        "and Gender Policy in the Republic of Kazakhstan until 2030",
        Document.Kind.ANALYTICAL_REPORT,
        ["un-women"],
        ["women-gender-equality"],
        "Analytical report developed by the UN Women national office; submitted by the civil "
        "sector and particularly noted at the meeting.",
    ),
    (
        2,
        "Analysis of the recommendations of the Consultative and Advisory Body since 2013",
        Document.Kind.ANALYTICAL_REPORT,
        ["kibhr"],
        ["human-rights-action-plans", "civil-society"],
        "Report presented by the Kazakhstan International Bureau for Human Rights and Rule of Law.",
    ),
    (
        3,
        "Evaluation of the interim results of the Consultative and Advisory Body's work on the "
        "implementation of the Plan of Priority Measures in the Field of Human Rights until the "
        "end of 2021",
        Document.Kind.EVALUATION,
        ["kibhr"],
        ["human-rights-action-plans"],
        "Evaluation presented by the Kazakhstan International Bureau for Human Rights and Rule "
        "of Law.",
    ),
]

# role, organisation slug, person name (or "")
SEED_PARTICIPANTS = [
    (Participant.Role.CHAIR, "ministry-of-foreign-affairs", "Usen Suleimen"),
    (Participant.Role.SECRETARIAT, "ministry-of-foreign-affairs", ""),
    (Participant.Role.MEMBER, "parliament", ""),
    (Participant.Role.MEMBER, "commissioner-for-human-rights", ""),
    (Participant.Role.MEMBER, "presidential-administration", ""),
    (Participant.Role.MEMBER, "supreme-court", ""),
    (Participant.Role.MEMBER, "constitutional-council", ""),
    (Participant.Role.SPEAKER, "kibhr", ""),
    (Participant.Role.OBSERVER, "undp", ""),
    (Participant.Role.OBSERVER, "ohchr", ""),
    (Participant.Role.OBSERVER, "osce", ""),
    (Participant.Role.OBSERVER, "european-union", ""),
    (Participant.Role.OBSERVER, "usaid", ""),
]


def sync(model: type[M], defaults: dict, **lookup) -> M:
    """Get or create the record, saving only fields that differ (so a re-run changes nothing)."""
    obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
    changed = [f for f, v in defaults.items() if getattr(obj, f) != v]
    if changed and not created:
        for field in changed:
            setattr(obj, field, defaults[field])
        obj.save(update_fields=[*changed, "updated"])
    return obj


def load_topics() -> None:
    with open(DATA_DIR / "topics.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            sync(Topic, {"name": row["name"]}, slug=row["slug"])


def load_organisations() -> None:
    for slug, name, short_name, kind, website in ORGANISATIONS:
        fields = {"name": name, "short_name": short_name, "kind": kind, "website": website}
        sync(Organisation, fields, slug=slug)


def load_seed_meeting() -> Meeting:
    """The snap online meeting of 22 October 2021, as the press release describes it."""
    meeting = sync(Meeting, SEED_MEETING, slug=SEED_MEETING_SLUG)
    organisations = {o.slug: o for o in Organisation.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}

    items = {}
    for order, title, topic_slugs, outcome in SEED_AGENDA:
        items[order] = sync(
            AgendaItem, {"title": title, "outcome": outcome}, meeting=meeting, order=order
        )
        items[order].topics.set([topics[s] for s in topic_slugs])

    chair = sync(
        Person,
        {
            "position": "Ambassador-at-Large",
            "organisation": organisations["ministry-of-foreign-affairs"],
        },
        name="Usen Suleimen",
    )
    for role, org_slug, person_name in SEED_PARTICIPANTS:
        Participant.objects.get_or_create(
            meeting=meeting,
            role=role,
            organisation=organisations[org_slug],
            person=chair if person_name else None,
        )

    for order, title, kind, authors, topic_slugs, description in SEED_DOCUMENTS:
        document = sync(
            Document,
            {
                "kind": kind,
                "agenda_item": items[order],
                "date": meeting.date,
                "description": description,
                "is_published": True,
            },
            meeting=meeting,
            title=title,
        )
        document.authors.set([organisations[s] for s in authors])
        document.topics.set([topics[s] for s in topic_slugs])
    return meeting
