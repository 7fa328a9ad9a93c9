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

# slug, kind, website, {field: value} in English, Russian and Kazakh. A short name is left
# empty in a language that has no established acronym (OHCHR and KIBHR in Kazakh): pages
# then show the full name (meetings/translation.py).
ORGANISATIONS = [
    ("parliament", Kind.PARLIAMENT, "https://www.parlam.kz", {
        "name_en": "Parliament of the Republic of Kazakhstan",
        "name_ru": "Парламент Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Парламенті"}),
    ("commissioner-for-human-rights", Kind.OMBUDSMAN, "https://www.gov.kz/memleket/entities/ombudsman", {
        "name_en": "Commissioner for Human Rights in the Republic of Kazakhstan",
        "name_ru": "Уполномоченный по правам человека в Республике Казахстан",
        "name_kk": "Қазақстан Республикасындағы Адам құқықтары жөніндегі уәкіл"}),
    ("presidential-administration", Kind.PRESIDENTIAL_ADMINISTRATION, "https://www.akorda.kz", {
        "name_en": "Administration of the President of the Republic of Kazakhstan",
        "name_ru": "Администрация Президента Республики Казахстан",
        "name_kk": "Қазақстан Республикасы Президентінің Әкімшілігі"}),
    ("supreme-court", Kind.JUDICIARY, "https://www.sud.gov.kz", {
        "name_en": "Supreme Court of the Republic of Kazakhstan",
        "name_ru": "Верховный суд Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Жоғарғы Соты"}),
    ("constitutional-council", Kind.JUDICIARY, "", {
        "name_en": "Constitutional Council of the Republic of Kazakhstan",
        "name_ru": "Конституционный совет Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Конституциялық Кеңесі"}),
    ("ministry-of-foreign-affairs", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/mfa", {
        "name_en": "Ministry of Foreign Affairs of the Republic of Kazakhstan", "short_name_en": "MFA",
        "name_ru": "Министерство иностранных дел Республики Казахстан", "short_name_ru": "МИД",
        "name_kk": "Қазақстан Республикасының Сыртқы істер министрлігі", "short_name_kk": "СІМ"}),
    ("ministry-of-justice", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/adilet", {
        "name_en": "Ministry of Justice of the Republic of Kazakhstan",
        "name_ru": "Министерство юстиции Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Әділет министрлігі"}),
    ("ministry-of-internal-affairs", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/qriim", {
        "name_en": "Ministry of Internal Affairs of the Republic of Kazakhstan",
        "name_ru": "Министерство внутренних дел Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Ішкі істер министрлігі"}),
    ("ministry-of-labour-and-social-protection", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/enbek", {
        "name_en": "Ministry of Labour and Social Protection of the Population of the Republic of Kazakhstan",
        "name_ru": "Министерство труда и социальной защиты населения Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Еңбек және халықты әлеуметтік қорғау министрлігі"}),
    ("ministry-of-education", Kind.GOVERNMENT, "", {
        "name_en": "Ministry of Education and Science of the Republic of Kazakhstan",
        "name_ru": "Министерство образования и науки Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Білім және ғылым министрлігі"}),
    ("ministry-of-healthcare", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/dsm", {
        "name_en": "Ministry of Healthcare of the Republic of Kazakhstan",
        "name_ru": "Министерство здравоохранения Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Денсаулық сақтау министрлігі"}),
    ("ministry-of-information-and-social-development", Kind.GOVERNMENT, "", {
        "name_en": "Ministry of Information and Social Development of the Republic of Kazakhstan",
        "name_ru": "Министерство информации и общественного развития Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Ақпарат және қоғамдық даму министрлігі"}),
    ("prosecutor-generals-office", Kind.GOVERNMENT, "https://www.gov.kz/memleket/entities/prokuror", {
        "name_en": "Prosecutor General's Office of the Republic of Kazakhstan",
        "name_ru": "Генеральная прокуратура Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Бас прокуратурасы"}),
    ("kibhr", Kind.NGO, "https://bureau.kz", {
        "name_en": "Kazakhstan International Bureau for Human Rights and Rule of Law", "short_name_en": "KIBHR",
        "name_ru": "Казахстанское международное бюро по правам человека и соблюдению законности", "short_name_ru": "КМБПЧиСЗ",
        "name_kk": "Адам құқықтары және заңдылықты сақтау жөніндегі Қазақстан халықаралық бюросы", "short_name_kk": ""}),
    ("un-women", Kind.INTERNATIONAL, "https://eca.unwomen.org", {
        "name_en": "UN Women (national office in Kazakhstan)", "short_name_en": "UN Women",
        "name_ru": "Структура «ООН-женщины» (национальный офис в Казахстане)", "short_name_ru": "ООН-женщины",
        "name_kk": "БҰҰ Әйелдер (Қазақстандағы ұлттық кеңсе)", "short_name_kk": "БҰҰ Әйелдер"}),
    ("undp", Kind.INTERNATIONAL, "https://www.undp.org", {
        "name_en": "United Nations Development Programme", "short_name_en": "UNDP",
        "name_ru": "Программа развития Организации Объединенных Наций", "short_name_ru": "ПРООН",
        "name_kk": "Біріккен Ұлттар Ұйымының Даму бағдарламасы", "short_name_kk": "БҰҰДБ"}),
    ("ohchr", Kind.INTERNATIONAL, "https://www.ohchr.org", {
        "name_en": "Office of the United Nations High Commissioner for Human Rights", "short_name_en": "OHCHR",
        "name_ru": "Управление Верховного комиссара ООН по правам человека", "short_name_ru": "УВКПЧ",
        "name_kk": "БҰҰ Адам құқықтары жөніндегі Жоғарғы комиссарының басқармасы", "short_name_kk": ""}),
    ("osce", Kind.INTERNATIONAL, "https://www.osce.org", {
        "name_en": "Organization for Security and Co-operation in Europe", "short_name_en": "OSCE",
        "name_ru": "Организация по безопасности и сотрудничеству в Европе", "short_name_ru": "ОБСЕ",
        "name_kk": "Еуропадағы қауіпсіздік және ынтымақтастық ұйымы", "short_name_kk": "ЕҚЫҰ"}),
    ("european-union", Kind.INTERNATIONAL, "https://www.eeas.europa.eu", {
        "name_en": "European Union", "short_name_en": "EU",
        "name_ru": "Европейский союз", "short_name_ru": "ЕС",
        "name_kk": "Еуропалық одақ", "short_name_kk": "ЕО"}),
    ("usaid", Kind.INTERNATIONAL, "https://www.usaid.gov", {
        "name_en": "United States Agency for International Development", "short_name_en": "USAID",
        "name_ru": "Агентство США по международному развитию", "short_name_ru": "USAID",
        "name_kk": "АҚШ Халықаралық даму агенттігі", "short_name_kk": "USAID"}),
]  # fmt: skip

SEED_MEETING = {
    "title_en": (
        "Gender equality, previous recommendations and interim results of the "
        "Consultative and Advisory Body's work"
    ),
    "title_ru": (
        "Гендерное равенство, предыдущие рекомендации и промежуточные итоги работы "
        "Консультативно-совещательного органа"
    ),
    "title_kk": (
        "Гендерлік теңдік, бұрынғы ұсынымдар және Консультативтік-кеңесші орган "
        "жұмысының аралық қорытындылары"
    ),
    "date": datetime.date(2021, 10, 22),
    "format": Meeting.Format.ONLINE,
    "kind": Meeting.Kind.EXTRAORDINARY,
    "location_en": "Nur-Sultan (online)",
    "location_ru": "Нур-Султан (онлайн)",
    "location_kk": "Нұр-Сұлтан (онлайн)",
    "summary_ru": (
        "Министерство иностранных дел Казахстана провело внеочередное онлайн-заседание "
        "Консультативно-совещательного органа «Диалоговая площадка по человеческому "
        "измерению» под председательством посла по особым поручениям Усена Сулеймена.\n\n"
        "Участники отметили, что в рамках диалога между ответственными государственными "
        "органами, организациями гражданского общества и экспертами ведется интенсивная "
        "работа по ряду направлений, в частности по мерам предупреждения и пресечения "
        "торговли людьми, особенно женщинами и детьми, проработке аспектов борьбы с пытками, "
        "жестоким или унижающим достоинство обращением и наказанием, по внесению изменений и "
        "дополнений в уголовно-процессуальное и уголовно-исполнительное законодательство.\n\n"
        "Обсуждение по каждому вопросу повестки дня носило открытый и конструктивный характер "
        "с выработкой конкретных предложений по дальнейшему взаимодействию государственных "
        "органов и НПО.\n\n"
        "В мероприятии приняли участие депутаты Парламента Казахстана, Уполномоченный по "
        "правам человека, представители Администрации Президента, Верховного суда, "
        "Конституционного совета, заинтересованных министерств, казахстанских правозащитных "
        "НПО, а также международных партнеров, включая ПРООН, Управление Верховного "
        "комиссара ООН по правам человека (УВКПЧ), ОБСЕ, Европейский союз и USAID."
    ),
    "summary_kk": (
        "Қазақстан Республикасы Сыртқы істер министрлігі Ерекше тапсырмалар жөніндегі елші "
        "Үсен Сүлейменнің төрағалығымен «Адами өлшем бойынша диалог алаңы» "
        "консультативтік-кеңесші органының кезектен тыс онлайн-отырысын өткізді.\n\n"
        "Қатысушылар жауапты мемлекеттік органдар, азаматтық қоғам ұйымдары мен сарапшылар "
        "арасындағы диалог аясында бірқатар бағыт бойынша қарқынды жұмыс жүргізіліп жатқанын "
        "атап өтті: атап айтқанда, адам саудасының, әсіресе әйелдер мен балалар саудасының "
        "алдын алу және жолын кесу шаралары, азаптауға, қатыгез немесе ар-намысты қорлайтын "
        "қарым-қатынас пен жазалауға қарсы күрестің мәселелерін пысықтау, қылмыстық іс жүргізу "
        "және қылмыстық-атқару заңнамасына өзгерістер мен толықтырулар енгізу.\n\n"
        "Күн тәртібіндегі әрбір мәселе ашық және сындарлы талқыланып, мемлекеттік органдар мен "
        "ҮЕҰ-ның одан әрі өзара іс-қимылы жөнінде нақты ұсыныстар әзірленді.\n\n"
        "Іс-шараға Қазақстан Парламентінің депутаттары, Адам құқықтары жөніндегі уәкіл, "
        "Президент Әкімшілігінің, Жоғарғы Соттың, Конституциялық Кеңестің, мүдделі "
        "министрліктердің, қазақстандық құқық қорғау ҮЕҰ-ларының өкілдері, сондай-ақ "
        "халықаралық әріптестер, соның ішінде БҰҰДБ, БҰҰ Адам құқықтары жөніндегі Жоғарғы "
        "комиссарының басқармасы, ЕҚЫҰ, Еуропалық одақ және USAID қатысты."
    ),
    "summary_en": (
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
    "source_url": "https://www.gov.kz/memleket/entities/mfa/press/news/details/273759?lang=en",
    "is_published": True,
}

# order, topic slugs, {field: value} in English, Russian and Kazakh
SEED_AGENDA = [
    (1, ["women-gender-equality", "gender-based-violence"], {
        "title_en": "Empowerment of women and girls",
        "title_ru": "Расширение прав и возможностей женщин и девочек",
        "title_kk": "Әйелдер мен қыздардың құқықтары мен мүмкіндіктерін кеңейту",
        "outcome_en": "The UN Women national office's analytical report on updating the Concept "
        "of Family and Gender Policy until 2030 was particularly noted.",
        "outcome_ru": "Особо отмечен аналитический доклад национального офиса Структуры "
        "«ООН-женщины» об обновлении Концепции семейной и гендерной политики до 2030 года.",
        "outcome_kk": "«БҰҰ Әйелдер» ұлттық кеңсесінің 2030 жылға дейінгі Отбасылық және "
        "гендерлік саясат тұжырымдамасын жаңарту туралы талдамалық баяндамасы ерекше атап өтілді.",
    }),
    (2, ["human-rights-action-plans", "civil-society"], {
        "title_en": "Analysis of the Consultative and Advisory Body's recommendations for the "
        "period 2013–21",
        "title_ru": "Анализ рекомендаций Консультативно-совещательного органа за 2013–2021 годы",
        "title_kk": "Консультативтік-кеңесші органның 2013–2021 жылдардағы ұсынымдарын талдау",
        "outcome_en": "The Kazakhstan International Bureau for Human Rights and Rule of Law "
        "presented its analysis of the Consultative and Advisory Body's recommendations since 2013.",
        "outcome_ru": "Казахстанское международное бюро по правам человека и соблюдению "
        "законности представило анализ рекомендаций Консультативно-совещательного органа с 2013 года.",
        "outcome_kk": "Адам құқықтары және заңдылықты сақтау жөніндегі Қазақстан халықаралық "
        "бюросы Консультативтік-кеңесші органның 2013 жылдан бергі ұсынымдарына жасалған "
        "талдауды таныстырды.",
    }),
    (3, ["human-rights-action-plans", "human-trafficking", "torture-prevention",
         "criminal-penal-legislation"], {
        "title_en": "Interim results of the Consultative and Advisory Body's work on the "
        "implementation of the Plan of Priority Measures in the Field of Human Rights until the "
        "end of 2021",
        "title_ru": "Промежуточные итоги работы Консультативно-совещательного органа по "
        "реализации Плана первоочередных мер в области прав человека до конца 2021 года",
        "title_kk": "Консультативтік-кеңесші органның Адам құқықтары саласындағы бірінші "
        "кезектегі шаралар жоспарын 2021 жылдың соңына дейін іске асыру жөніндегі жұмысының "
        "аралық қорытындылары",
        "outcome_en": "Participants noted intensive work on preventing and suppressing human "
        "trafficking, especially of women and children; on combating torture, cruel or degrading "
        "treatment and punishment; and on amendments to criminal procedure and penal enforcement "
        "legislation. Concrete proposals were developed for further interaction between "
        "government agencies and NGOs.",
        "outcome_ru": "Участники отметили интенсивную работу по предупреждению и пресечению "
        "торговли людьми, особенно женщинами и детьми, по борьбе с пытками, жестоким или "
        "унижающим достоинство обращением и наказанием, а также по изменениям "
        "уголовно-процессуального и уголовно-исполнительного законодательства. Выработаны "
        "конкретные предложения по дальнейшему взаимодействию государственных органов и НПО.",
        "outcome_kk": "Қатысушылар адам саудасының, әсіресе әйелдер мен балалар саудасының "
        "алдын алу және жолын кесу, азаптауға, қатыгез немесе ар-намысты қорлайтын "
        "қарым-қатынас пен жазалауға қарсы күрес, сондай-ақ қылмыстық іс жүргізу және "
        "қылмыстық-атқару заңнамасына өзгерістер енгізу жөніндегі қарқынды жұмысты атап өтті. "
        "Мемлекеттік органдар мен ҮЕҰ-ның одан әрі өзара іс-қимылы жөнінде нақты ұсыныстар "
        "әзірленді.",
    }),
]  # fmt: skip

# agenda order, kind, author slugs, topic slugs, {field: value} in English, Russian and Kazakh
SEED_DOCUMENTS = [
    (1, Document.Kind.ANALYTICAL_REPORT, ["un-women"], ["women-gender-equality"], {
        "title_en": "Recommendations of the UN Women for the elaboration of updates to the "
        "Concept of Family and Gender Policy in the Republic of Kazakhstan until 2030",
        "title_ru": "Рекомендации Структуры «ООН-женщины» по разработке обновлений Концепции "
        "семейной и гендерной политики в Республике Казахстан до 2030 года",
        "title_kk": "2030 жылға дейінгі Қазақстан Республикасындағы Отбасылық және гендерлік "
        "саясат тұжырымдамасын жаңартуды әзірлеу жөніндегі «БҰҰ Әйелдер» ұсынымдары",
        "description_en": "Analytical report developed by the UN Women national office; "
        "submitted by the civil sector and particularly noted at the meeting.",
        "description_ru": "Аналитический доклад, подготовленный национальным офисом Структуры "
        "«ООН-женщины»; представлен гражданским сектором и особо отмечен на заседании.",
        "description_kk": "«БҰҰ Әйелдер» ұлттық кеңсесі әзірлеген талдамалық баяндама; "
        "азаматтық сектор ұсынды, отырыста ерекше атап өтілді.",
    }),
    (2, Document.Kind.ANALYTICAL_REPORT, ["kibhr"], ["human-rights-action-plans", "civil-society"], {
        "title_en": "Analysis of the recommendations of the Consultative and Advisory Body since 2013",
        "title_ru": "Анализ рекомендаций Консультативно-совещательного органа с 2013 года",
        "title_kk": "Консультативтік-кеңесші органның 2013 жылдан бергі ұсынымдарын талдау",
        "description_en": "Report presented by the Kazakhstan International Bureau for Human "
        "Rights and Rule of Law.",
        "description_ru": "Доклад, представленный Казахстанским международным бюро по правам "
        "человека и соблюдению законности.",
        "description_kk": "Адам құқықтары және заңдылықты сақтау жөніндегі Қазақстан "
        "халықаралық бюросы ұсынған баяндама.",
    }),
    (3, Document.Kind.EVALUATION, ["kibhr"], ["human-rights-action-plans"], {
        "title_en": "Evaluation of the interim results of the Consultative and Advisory Body's "
        "work on the implementation of the Plan of Priority Measures in the Field of Human "
        "Rights until the end of 2021",
        "title_ru": "Оценка промежуточных итогов работы Консультативно-совещательного органа по "
        "реализации Плана первоочередных мер в области прав человека до конца 2021 года",
        "title_kk": "Консультативтік-кеңесші органның Адам құқықтары саласындағы бірінші "
        "кезектегі шаралар жоспарын 2021 жылдың соңына дейін іске асыру жөніндегі жұмысының "
        "аралық қорытындыларын бағалау",
        "description_en": "Evaluation presented by the Kazakhstan International Bureau for "
        "Human Rights and Rule of Law.",
        "description_ru": "Оценочный доклад, представленный Казахстанским международным бюро по "
        "правам человека и соблюдению законности.",
        "description_kk": "Адам құқықтары және заңдылықты сақтау жөніндегі Қазақстан "
        "халықаралық бюросы ұсынған бағалау есебі.",
    }),
]  # fmt: skip

CHAIR = {
    "name_en": "Usen Suleimen", "name_ru": "Усен Сулеймен", "name_kk": "Үсен Сүлеймен",
    "position_en": "Ambassador-at-Large", "position_ru": "Посол по особым поручениям",
    "position_kk": "Ерекше тапсырмалар жөніндегі елші",
}  # fmt: skip

# role, organisation slug, whether the chair in person
SEED_PARTICIPANTS = [
    (Participant.Role.CHAIR, "ministry-of-foreign-affairs", True),
    (Participant.Role.SECRETARIAT, "ministry-of-foreign-affairs", False),
    (Participant.Role.MEMBER, "parliament", False),
    (Participant.Role.MEMBER, "commissioner-for-human-rights", False),
    (Participant.Role.MEMBER, "presidential-administration", False),
    (Participant.Role.MEMBER, "supreme-court", False),
    (Participant.Role.MEMBER, "constitutional-council", False),
    (Participant.Role.SPEAKER, "kibhr", False),
    (Participant.Role.OBSERVER, "undp", False),
    (Participant.Role.OBSERVER, "ohchr", False),
    (Participant.Role.OBSERVER, "osce", False),
    (Participant.Role.OBSERVER, "european-union", False),
    (Participant.Role.OBSERVER, "usaid", False),
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
            names = {"name_en": row["name"], "name_ru": row["name_ru"], "name_kk": row["name_kk"]}
            sync(Topic, names, slug=row["slug"])


def load_organisations() -> None:
    for slug, kind, website, names in ORGANISATIONS:
        sync(Organisation, {"kind": kind, "website": website, **names}, slug=slug)


def load_seed_meeting() -> Meeting:
    """The snap online meeting of 22 October 2021, as the press release describes it."""
    meeting = sync(Meeting, SEED_MEETING, slug=SEED_MEETING_SLUG)
    organisations = {o.slug: o for o in Organisation.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}

    items = {}
    for order, topic_slugs, texts in SEED_AGENDA:
        items[order] = sync(AgendaItem, texts, meeting=meeting, order=order)
        items[order].topics.set([topics[s] for s in topic_slugs])

    chair = sync(
        Person,
        {**CHAIR, "organisation": organisations["ministry-of-foreign-affairs"]},
        name_en=CHAIR["name_en"],
    )
    for role, org_slug, is_chair in SEED_PARTICIPANTS:
        Participant.objects.get_or_create(
            meeting=meeting,
            role=role,
            organisation=organisations[org_slug],
            person=chair if is_chair else None,
        )

    for order, kind, authors, topic_slugs, texts in SEED_DOCUMENTS:
        fields = {"kind": kind, "agenda_item": items[order], "date": meeting.date,
                  "is_published": True, **texts}  # fmt: skip
        document = sync(Document, fields, meeting=meeting, title_en=texts["title_en"])
        document.authors.set([organisations[s] for s in authors])
        document.topics.set([topics[s] for s in topic_slugs])
    return meeting
