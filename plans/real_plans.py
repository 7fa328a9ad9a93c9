"""The real record: Kazakhstan's human-rights action plans, the rows of the Follow-up Plan
of 28 April 2022 verified so far, and the cycles of the Universal Periodic Review, each
with its source. Nothing here is illustrative; what is not known is left blank.

Sources: gov.kz (Ministry of Justice, document 338328, "On the approval of Follow-up Plan
for Human Rights and the Rule of Law"); moderndiplomacy.eu (9 September 2022); akorda.kz;
the Astana Times' and WAM's summaries of Decree No. 597; Kazinform (14 April 2009) on the
first plan; OHCHR and right-docs.org for the UPR reports; the MFA's account (el.kz) of the
Dialogue Platform's UPR subgroup for the third cycle's figures."""

from __future__ import annotations

import datetime

from meetings.models import OrganisationKind as Kind

from .models import LegalActKind

FIRST_PLAN = "national-human-rights-action-plan-2009-2012"
PRIORITY_PLAN = "plan-of-priority-measures-in-the-field-of-human-rights"
FOLLOW_UP_PLAN = "follow-up-plan-for-human-rights-and-the-rule-of-law"
ACTION_PLAN_2023 = "action-plan-on-human-rights-and-the-rule-of-law"

# The Follow-up Plan's source: the Ministry of Justice's page of Government Resolution No. 258.
FOLLOW_UP_PLAN_SOURCE = (
    "https://www.gov.kz/memleket/entities/adilet/documents/details/338328?lang=en"
)

# slug, {field: value}, follows (slug): newest last, so that `follows` exists when needed.
PLANS = [
    (FIRST_PLAN, {
        "title_en": "National Human Rights Action Plan 2009–2012",
        "title_ru": "Национальный план действий в области прав человека на 2009–2012 годы",
        "title_kk": "Адам құқықтары саласындағы 2009–2012 жылдарға арналған ұлттық іс-қимыл жоспары",
        "legal_act_kind": LegalActKind.PRESIDENTIAL_APPROVAL,
        "description_en": "The country's first human rights action plan, approved by the President in 2009.",
        "description_ru": "Первый в стране план действий в области прав человека, одобренный Президентом в 2009 году.",
        "description_kk": "Елдегі адам құқықтары саласындағы алғашқы іс-қимыл жоспары, 2009 жылы Президент мақұлдаған.",
        "source_url": "https://en.inform.kz/news/national-action-plan-in-human-rights-for-2009-2012-developed-in-kazakhstan_a2178613/",
        "is_archived": True,
    }, None),
    (PRIORITY_PLAN, {
        "title_en": "Plan of Priority Measures in the Field of Human Rights",
        "title_ru": "План первоочередных мер в области прав человека",
        "title_kk": "Адам құқықтары саласындағы бірінші кезектегі шаралар жоспары",
        "legal_act_kind": LegalActKind.PRESIDENTIAL_DECREE,
        "legal_act_number": "597",
        "legal_act_date": datetime.date(2021, 6, 9),
        "adopted_on": datetime.date(2021, 6, 9),
        "ends_on": datetime.date(2021, 12, 31),
        "description_en": (
            "Set by Decree of the President No. 597 \"On further actions of the Republic of "
            "Kazakhstan in the field of human rights\" of 9 June 2021. The Dialogue Platform "
            "discussed the interim results of its implementation until the end of 2021 at its "
            "meeting of 22 October 2021."
        ),
        "description_ru": (
            "Предусмотрен Указом Президента № 597 «О дальнейших мерах Республики Казахстан в "
            "области прав человека» от 9 июня 2021 года. Промежуточные итоги его реализации до "
            "конца 2021 года Диалоговая площадка обсудила на заседании 22 октября 2021 года."
        ),
        "description_kk": (
            "Президенттің 2021 жылғы 9 маусымдағы № 597 «Қазақстан Республикасының адам "
            "құқықтары саласындағы одан арғы шаралары туралы» Жарлығымен көзделген. Оны 2021 "
            "жылдың соңына дейін іске асырудың аралық қорытындыларын Диалог алаңы 2021 жылғы "
            "22 қазандағы отырысында талқылады."
        ),
        "source_url": "https://www.urdupoint.com/en/middle-east/kazakh-president-signs-decree-supporting-huma-1275862.html",
        "is_archived": True,
    }, FIRST_PLAN),
    (FOLLOW_UP_PLAN, {
        "title_en": "Follow-up Plan for Human Rights and the Rule of Law",
        "title_ru": "План дальнейших мер в области прав человека и верховенства закона",
        "title_kk": "Адам құқықтары және заңның үстемдігі саласындағы одан арғы шаралар жоспары",
        "legal_act_kind": LegalActKind.GOVERNMENT_RESOLUTION,
        "legal_act_number": "258",
        "legal_act_date": datetime.date(2022, 4, 28),
        "adopted_on": datetime.date(2022, 4, 28),
        "description_en": (
            "Approved by Resolution of the Government No. 258 of 28 April 2022, as Decree of the "
            "President No. 871 of 13 April 2022, amending Decree No. 597, called for: 27 "
            "activities in 8 sections, each with its outcome, timeframe and agencies in charge."
        ),
        "description_ru": (
            "Утвержден постановлением Правительства № 258 от 28 апреля 2022 года во исполнение "
            "Указа Президента № 871 от 13 апреля 2022 года о внесении изменений в Указ № 597: "
            "27 мероприятий в 8 разделах, у каждого форма завершения, срок исполнения и "
            "ответственные исполнители."
        ),
        "description_kk": (
            "Президенттің № 597 Жарлығына өзгерістер енгізу туралы 2022 жылғы 13 сәуірдегі "
            "№ 871 Жарлығын орындау үшін Үкіметтің 2022 жылғы 28 сәуірдегі № 258 қаулысымен "
            "бекітілген: 8 бөлімдегі 27 іс-шара, әрқайсысының аяқталу нысаны, орындау мерзімі "
            "және жауапты орындаушылары бар."
        ),
        "source_url": FOLLOW_UP_PLAN_SOURCE,
    }, PRIORITY_PLAN),
    (ACTION_PLAN_2023, {
        "title_en": "Action Plan on Human Rights and the Rule of Law",
        "title_ru": "План действий в области прав человека и верховенства закона",
        "title_kk": "Адам құқықтары және заңның үстемдігі саласындағы іс-қимыл жоспары",
        "legal_act_kind": LegalActKind.PRESIDENTIAL_DECREE,
        "legal_act_date": datetime.date(2023, 12, 8),
        "adopted_on": datetime.date(2023, 12, 8),
        "description_en": (
            "Approved by Decree of the President of 8 December 2023: seven laws (among them on "
            "domestic violence, labour safety and regional child-rights ombudspersons) and four "
            "plans (labour safety, inclusive policy, gender equality, UN Security Council "
            "Resolution 1325)."
        ),
        "description_ru": (
            "Утвержден Указом Президента от 8 декабря 2023 года: семь законов (в том числе о "
            "бытовом насилии, безопасности труда и региональных уполномоченных по правам "
            "ребенка) и четыре плана (безопасность труда, инклюзивная политика, гендерное "
            "равенство, резолюция 1325 Совета Безопасности ООН)."
        ),
        "description_kk": (
            "Президенттің 2023 жылғы 8 желтоқсандағы Жарлығымен бекітілген: жеті заң (оның ішінде "
            "тұрмыстық зорлық-зомбылық, еңбек қауіпсіздігі және өңірлік бала құқықтары жөніндегі "
            "уәкілдер туралы) және төрт жоспар (еңбек қауіпсіздігі, инклюзивті саясат, гендерлік "
            "теңдік, БҰҰ Қауіпсіздік Кеңесінің 1325 қарары)."
        ),
        "source_url": "https://astanatimes.com/2023/12/president-tokayev-signs-action-plan-on-human-rights-ahead-of-world-human-rights-day/",
    }, FOLLOW_UP_PLAN),
]  # fmt: skip

# Bodies the Follow-up Plan names that the seed's organisations do not include.
ORGANISATIONS = [
    ("ministry-of-national-economy", Kind.GOVERNMENT, "", {
        "name_en": "Ministry of National Economy of the Republic of Kazakhstan",
        "name_ru": "Министерство национальной экономики Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Ұлттық экономика министрлігі"}),
    ("agency-for-civil-service-affairs", Kind.GOVERNMENT, "", {
        "name_en": "Agency of the Republic of Kazakhstan for Civil Service Affairs",
        "name_ru": "Агентство Республики Казахстан по делам государственной службы",
        "name_kk": "Қазақстан Республикасының Мемлекеттік қызмет істері агенттігі"}),
    ("national-centre-for-human-rights", Kind.OMBUDSMAN, "", {
        "name_en": "National Centre for Human Rights",
        "name_ru": "Национальный центр по правам человека",
        "name_kk": "Адам құқықтары жөніндегі ұлттық орталық"}),
    ("local-executive-bodies", Kind.GOVERNMENT, "", {
        "name_en": "Local executive bodies (akimats)",
        "name_ru": "Местные исполнительные органы (акиматы)",
        "name_kk": "Жергілікті атқарушы органдар (әкімдіктер)"}),
]  # fmt: skip

# The plan's abbreviations of the agencies in charge, and the organisations they name.
AGENCIES = {
    "MIA": "ministry-of-internal-affairs",
    "GPO": "prosecutor-generals-office",
    "MEAS": "ministry-of-education",
    "MLSP": "ministry-of-labour-and-social-protection",
    "MJ": "ministry-of-justice",
    "MIPD": "ministry-of-information-and-social-development",
    "MNE": "ministry-of-national-economy",
    "APS": "agency-for-civil-service-affairs",
    "NCHR": "national-centre-for-human-rights",
    "LEB": "local-executive-bodies",
}

# The Follow-up Plan's sections whose titles are verified (the others are illustrative).
SECTIONS = [
    ("I", 1, {
        "title_en": "Elimination of discrimination against women",
        "title_ru": "Искоренение дискриминации в отношении женщин",
        "title_kk": "Әйелдерге қатысты кемсітушілікті жою"}),
    ("II", 2, {
        "title_en": "Promoting equal rights and opportunities for men and women",
        "title_ru": "Содействие равным правам и возможностям мужчин и женщин",
        "title_kk": "Ерлер мен әйелдердің тең құқықтары мен мүмкіндіктеріне жәрдемдесу"}),
]  # fmt: skip

# The rows of the Follow-up Plan verified so far: number, section, title, outcome, timeframe
# (as the plan writes it, with its Russian and Kazakh wording), agencies in charge in the
# plan's order ("*": as agreed), topics. The plan names its agencies "in charge" without
# a lead among them, so each is recorded as a lead body. Row 4's text is cut off in the
# source: its outcome, timeframe and agencies are not known.
PROPOSAL_TO_ADMINISTRATION = {
    "expected_outcome_en": "Proposal to the Presidential Administration",
    "expected_outcome_ru": "Предложение в Администрацию Президента",
    "expected_outcome_kk": "Президент Әкімшілігіне ұсыныс",
}
ACTIVITIES = [
    ("1", "I", {
        "title_en": "Developing mechanisms to prevent violence against women and children",
        **PROPOSAL_TO_ADMINISTRATION,
        "deadline_en": "By the end of 2022",
        "deadline_ru": "До конца 2022 года",
        "deadline_kk": "2022 жылдың соңына дейін",
    }, ["MIA", "GPO*", "MEAS", "MLSP"], ["gender-based-violence", "children"], ["women-girls", "children"]),
    ("2", "I", {
        "title_en": (
            "Proposal for accession to ILO Convention No. 190 on the elimination of violence "
            "and harassment in the workplace"
        ),
        "expected_outcome_en": (
            "Submitting proposals to the interdepartmental commission on humanitarian law and "
            "human rights"
        ),
        "deadline_en": "By the end of 2023",
        "deadline_ru": "До конца 2023 года",
        "deadline_kk": "2023 жылдың соңына дейін",
    }, ["MLSP", "MIA", "GPO*", "MJ"], ["international-instruments", "labour-social-rights"], ["women-girls"]),
    ("3", "II", {
        "title_en": (
            "Promote the commitments made to improve gender policy at the local government level"
        ),
        **PROPOSAL_TO_ADMINISTRATION,
        "deadline_en": "August 2022",
        "deadline_ru": "Август 2022 года",
        "deadline_kk": "2022 жылғы тамыз",
    }, ["MIPD", "MNE", "APS*", "NCHR*", "LEB"], ["women-gender-equality"], ["women-girls"]),
    ("4", "II", {
        "title_en": (
            "Increasing women's representation in public and business councils and in "
            "consultative and advisory bodies"
        ),
    }, [], ["women-gender-equality", "public-participation"], ["women-girls"]),
]  # fmt: skip

# Kazakhstan's Universal Periodic Review, as far as the sources state it.
OHCHR_UPR_KAZAKHSTAN = "https://www.ohchr.org/en/hr-bodies/upr/kz-index"
UPR_CYCLES = [
    (1, {"year": 2010, "working_group_report": "A/HRC/14/10",
         "source_url": "https://right-docs.org/doc/a-hrc-14-10"}),
    (2, {"year": 2014, "working_group_report": "A/HRC/28/10", "source_url": OHCHR_UPR_KAZAKHSTAN}),
    (3, {"year": 2019, "national_report": "A/HRC/WG.6/34/KAZ/1", "recommendations_received": 245,
         "supported": 214, "noted": 31,
         "source_url": "https://el.kz/en/implementation-of-received-by-kazakhstan-within-framework-of-upr-procedure-discussed-at-foreign-ministry_400000750"}),
    # 259 of the 294 accepted; how many of the rest were noted is not stated.
    (4, {"year": 2025, "recommendations_received": 294, "supported": 259,
         "source_url": OHCHR_UPR_KAZAKHSTAN}),
]  # fmt: skip
