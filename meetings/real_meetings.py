"""The body's meetings since 2013 that public sources document, beside the seed meeting of
22 October 2021 (seed.py). Each record holds only what its source states: docs/sources.md
quotes the source of every fact. A format or location the source does not give is left
blank; "regular" is the kind of every meeting not reported as a snap one. Every function is
idempotent."""

import datetime

from .models import AgendaItem, Meeting, Organisation, Participant, Person, Topic
from .seed import sync

Kind = Organisation.Kind
Role = Participant.Role

# Organisations these meetings name that the seed meeting does not (seed.ORGANISATIONS).
ORGANISATIONS = [
    ("united-nations", Kind.INTERNATIONAL, "https://www.un.org", {
        "name_en": "United Nations", "short_name_en": "UN",
        "name_ru": "Организация Объединенных Наций", "short_name_ru": "ООН",
        "name_kk": "Біріккен Ұлттар Ұйымы", "short_name_kk": "БҰҰ"}),
    ("constitutional-court", Kind.JUDICIARY, "", {
        "name_en": "Constitutional Court of the Republic of Kazakhstan",
        "name_ru": "Конституционный суд Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Конституциялық Соты"}),
    ("human-rights-commission", Kind.PRESIDENTIAL_ADMINISTRATION, "", {
        "name_en": "Human Rights Commission under the President of the Republic of Kazakhstan",
        "name_ru": "Комиссия по правам человека при Президенте Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Президенті жанындағы Адам құқықтары жөніндегі "
        "комиссия"}),
    ("national-centre-for-human-rights", Kind.OMBUDSMAN, "", {
        "name_en": "National Centre for Human Rights",
        "name_ru": "Национальный центр по правам человека",
        "name_kk": "Адам құқықтары жөніндегі ұлттық орталық"}),
    ("commissioner-for-socially-vulnerable-groups", Kind.OMBUDSMAN, "", {
        "name_en": "Commissioner for the Rights of Socially Vulnerable Population Groups under "
        "the President of the Republic of Kazakhstan",
        "name_ru": "Уполномоченный по правам социально уязвимых категорий населения при "
        "Президенте Республики Казахстан",
        "name_kk": "Қазақстан Республикасының Президенті жанындағы Халықтың әлеуметтік осал "
        "санаттарының құқықтары жөніндегі уәкіл"}),
]  # fmt: skip

AMBASSADOR_AT_LARGE = {
    "position_en": "Ambassador-at-Large",
    "position_ru": "Посол по особым поручениям",
    "position_kk": "Ерекше тапсырмалар жөніндегі елші",
}

# key: organisation slug, {field: value} in English, Russian and Kazakh
PEOPLE = {
    "idrissov": ("ministry-of-foreign-affairs", {
        "name_en": "Erlan Idrissov", "name_ru": "Ерлан Идрисов", "name_kk": "Ерлан Ыдырысов",
        "position_en": "Minister of Foreign Affairs", "position_ru": "Министр иностранных дел",
        "position_kk": "Сыртқы істер министрі"}),
    "murzamadiyeva": ("ministry-of-foreign-affairs", {
        "name_en": "Mainura Murzamadiyeva", "name_ru": "Майнура Мурзамадиева",
        "name_kk": "Майнура Мурзамадиева", **AMBASSADOR_AT_LARGE}),
    "nadirkulova": ("ministry-of-foreign-affairs", {
        "name_en": "Alua Nadirkulova", "name_ru": "Алуа Надиркулова",
        "name_kk": "Алуа Надиркулова", **AMBASSADOR_AT_LARGE}),
    "vassilenko": ("ministry-of-foreign-affairs", {
        "name_en": "Roman Vassilenko", "name_ru": "Роман Василенко", "name_kk": "Роман Василенко",
        "position_en": "Deputy Minister of Foreign Affairs",
        "position_ru": "Заместитель министра иностранных дел",
        "position_kk": "Сыртқы істер министрінің орынбасары"}),
    "sagindykova": ("ministry-of-labour-and-social-protection", {
        "name_en": "Nazgul Sagindykova", "name_ru": "Назгуль Сагиндыкова",
        "name_kk": "Назгүл Сағындықова",
        "position_en": "Vice Minister of Labour and Social Protection of the Population",
        "position_ru": "Вице-министр труда и социальной защиты населения",
        "position_kk": "Еңбек және халықты әлеуметтік қорғау вице-министрі"}),
    "seitzhan": ("commissioner-for-socially-vulnerable-groups", {
        "name_en": "Kenzhegul Seitzhan", "name_ru": "Кенжегуль Сейтжан",
        "name_kk": "Кенжегүл Сейітжан",
        "position_en": "Commissioner for the Rights of Socially Vulnerable Population Groups "
        "under the President; Deputy of the Mazhilis",
        "position_ru": "Уполномоченный по правам социально уязвимых категорий населения при "
        "Президенте, депутат Мажилиса",
        "position_kk": "Президент жанындағы Халықтың әлеуметтік осал санаттарының құқықтары "
        "жөніндегі уәкіл, Мәжіліс депутаты"}),
    "malakhov": ("prosecutor-generals-office", {
        "name_en": "Vladimir Malakhov", "name_ru": "Владимир Малахов",
        "name_kk": "Владимир Малахов",
        "position_en": "Deputy Head of the Pre-Trial Investigation Service of the Prosecutor "
        "General's Office",
        "position_ru": "Заместитель руководителя Службы досудебного расследования Генеральной "
        "прокуратуры",
        "position_kk": "Бас прокуратураның Сотқа дейінгі тергеп-тексеру қызметі басшысының "
        "орынбасары"}),
    "bigalieva": ("national-centre-for-human-rights", {
        "name_en": "Zhanar Bigalieva", "name_ru": "Жанар Бигалиева", "name_kk": "Жанар Бигалиева",
        "position_en": "Head of Department, National Centre for Human Rights",
        "position_ru": "Руководитель отдела Национального центра по правам человека",
        "position_kk": "Адам құқықтары жөніндегі ұлттық орталық бөлімінің басшысы"}),
}  # fmt: skip

# Each meeting: its fields, its agenda (order, topic slugs, texts) and its participants
# (role, organisation slug, person key or None). The source of each: docs/sources.md.
REAL_MEETINGS = [
    {
        "slug": "2015-02-11-meeting",
        "fields": {
            "date": datetime.date(2015, 2, 11),
            "format": "",
            "source_url": "https://astanatimes.com/2015/02/advisory-body-continue-focus-peoples-rights-needs/",
            "title_en": "Results of 2014, the plan for 2015 and the working group",
            "title_ru": "Итоги 2014 года, план на 2015 год и рабочая группа",
            "title_kk": "2014 жылдың қорытындылары, 2015 жылға арналған жоспар және жұмыс тобы",
            "summary_en": (
                "The first meeting of the year, chaired by the Minister of Foreign Affairs, Erlan "
                "Idrissov. Representatives of state bodies and leaders of civil society summed up "
                "the Dialogue Platform's work in 2014 and approved its plan for the year.\n\n"
                "The minister welcomed the institutionalisation of the Dialogue Platform, which "
                "had set up a working group and subgroups. The working group is co-chaired by "
                "Aigul Solovyova, a deputy of the Mazhilis, and Yevgeniy Zhovtis, Chairman of the "
                "Board of the Kazakhstan International Bureau for Human Rights and Rule of Law; "
                "its four subgroups cover democracy, human rights, the rule of law and "
                "legislative initiative."
            ),
            "summary_ru": (
                "Первое в году заседание под председательством Министра иностранных дел Ерлана "
                "Идрисова. Представители государственных органов и лидеры гражданского общества "
                "подвели итоги работы Диалоговой площадки в 2014 году и утвердили план на текущий "
                "год.\n\n"
                "Министр приветствовал институционализацию Диалоговой площадки, при которой "
                "созданы рабочая группа и подгруппы. Сопредседатели рабочей группы — депутат "
                "Мажилиса Айгуль Соловьева и председатель правления Казахстанского "
                "международного бюро по правам человека и соблюдению законности Евгений Жовтис; "
                "в ее составе четыре подгруппы: по демократии, правам человека, верховенству "
                "закона и законодательной инициативе."
            ),
            "summary_kk": (
                "Жылдың алғашқы отырысы, төрағасы — Сыртқы істер министрі Ерлан Ыдырысов. "
                "Мемлекеттік органдардың өкілдері мен азаматтық қоғам көшбасшылары Диалог "
                "алаңының 2014 жылғы жұмысын қорытындылап, ағымдағы жылға арналған жоспарды "
                "бекітті.\n\n"
                "Министр Диалог алаңының институттануын құптады: оның жанынан жұмыс тобы мен "
                "кіші топтар құрылды. Жұмыс тобының тең төрағалары — Мәжіліс депутаты Айгүл "
                "Соловьева және Адам құқықтары және заңдылықты сақтау жөніндегі Қазақстан "
                "халықаралық бюросы басқармасының төрағасы Евгений Жовтис; жұмыс тобында "
                "демократия, адам құқықтары, заңның үстемдігі және заң шығару бастамасы "
                "жөніндегі төрт кіші топ бар."
            ),
        },
        "agenda": [
            (1, ["civil-society", "public-participation"], {
                "title_en": "Results of the Dialogue Platform's work in 2014 and its plan for 2015",
                "title_ru": "Итоги работы Диалоговой площадки в 2014 году и план на 2015 год",
                "title_kk": "Диалог алаңының 2014 жылғы жұмысының қорытындылары және 2015 "
                "жылға арналған жоспары",
                "outcome_en": "The plan for the year was approved.",
                "outcome_ru": "План на год утвержден.",
                "outcome_kk": "Жылдық жоспар бекітілді.",
            }),
            (2, ["legal-institutional-reform", "civil-society"], {
                "title_en": "The agenda of the working group and its subgroups",
                "title_ru": "Повестка дня рабочей группы и ее подгрупп",
                "title_kk": "Жұмыс тобының және оның кіші топтарының күн тәртібі",
                "description_en": "Members were briefed on the agenda of the working group "
                "co-chaired by Aigul Solovyova and Yevgeniy Zhovtis, and on its subgroups on "
                "democracy, human rights, the rule of law and legislative initiative.",
                "description_ru": "Члены органа ознакомлены с повесткой дня рабочей группы под "
                "сопредседательством Айгуль Соловьевой и Евгения Жовтиса и ее подгрупп по "
                "демократии, правам человека, верховенству закона и законодательной инициативе.",
                "description_kk": "Мүшелер Айгүл Соловьева мен Евгений Жовтис тең төрағалық "
                "ететін жұмыс тобының және оның демократия, адам құқықтары, заңның үстемдігі "
                "және заң шығару бастамасы жөніндегі кіші топтарының күн тәртібімен танысты.",
            }),
        ],
        "participants": [(Role.CHAIR, "ministry-of-foreign-affairs", "idrissov")],
    },
    {
        "slug": "2016-06-01-meeting",
        "fields": {
            "date": datetime.date(2016, 6, 1),
            "format": Meeting.Format.IN_PERSON,
            "source_url": "https://zakon.kz/politika/4797184-v-mid-rk-sostojalos-vtoroe-zasedanie.html",
            "location_en": "Ministry of Foreign Affairs of the Republic of Kazakhstan",
            "location_ru": "Министерство иностранных дел Республики Казахстан",
            "location_kk": "Қазақстан Республикасының Сыртқы істер министрлігі",
            "title_en": "Current issues of Kazakhstan's political development",
            "title_ru": "Актуальные вопросы политического развития Казахстана",
            "title_kk": "Қазақстанның саяси дамуының өзекті мәселелері",
            "summary_en": (
                "The second meeting of the year, held at the Ministry of Foreign Affairs and "
                "chaired by the newly appointed Ambassador-at-Large, Mainura Murzamadiyeva.\n\n"
                "Leaders of Kazakhstan's civil society, officials and representatives of "
                "international organisations, among them the European Union, the United Nations "
                "and the OSCE, took part. Axel Fischer, a member of the German Bundestag, head of "
                "Germany's delegation to the Parliamentary Assembly of the Council of Europe and "
                "chair of the European People's Party group in that Assembly, joined the "
                "discussions as a guest of honour. The meeting's key themes were the most "
                "pressing issues of Kazakhstan's political development."
            ),
            "summary_ru": (
                "Второе в текущем году заседание прошло в Министерстве иностранных дел под "
                "председательством недавно назначенного посла по особым поручениям Майнуры "
                "Мурзамадиевой.\n\n"
                "В работе заседания приняли участие лидеры гражданского общества Казахстана, "
                "официальные представители, представители международных организаций, в том "
                "числе ЕС, ООН, ОБСЕ. Депутат Бундестага Федеративной Республики Германия, глава "
                "делегации ФРГ в Парламентской ассамблее Совета Европы, председатель "
                "парламентской группы Европейской народной партии в ПАСЕ Аксель Фишер принял "
                "участие в дискуссиях в качестве почетного гостя. Ключевыми темами заседания "
                "стали наиболее актуальные вопросы политического развития Казахстана."
            ),
            "summary_kk": (
                "Ағымдағы жылдың екінші отырысы Сыртқы істер министрлігінде жақында "
                "тағайындалған ерекше тапсырмалар жөніндегі елші Майнура Мурзамадиеваның "
                "төрағалығымен өтті.\n\n"
                "Отырыс жұмысына Қазақстанның азаматтық қоғам көшбасшылары, ресми өкілдер, "
                "халықаралық ұйымдардың, соның ішінде ЕО, БҰҰ, ЕҚЫҰ өкілдері қатысты. Германия "
                "Федеративтік Республикасы Бундестагының депутаты, Еуропа Кеңесі "
                "Парламенттік Ассамблеясындағы ГФР делегациясының басшысы, ЕКПА-дағы Еуропалық "
                "халықтық партия парламенттік тобының төрағасы Аксель Фишер талқылауларға "
                "құрметті қонақ ретінде қатысты. Отырыстың негізгі тақырыптары Қазақстанның "
                "саяси дамуының ең өзекті мәселелері болды."
            ),
        },
        "agenda": [
            (1, ["legal-institutional-reform", "public-participation"], {
                "title_en": "The most pressing issues of Kazakhstan's political development",
                "title_ru": "Наиболее актуальные вопросы политического развития Казахстана",
                "title_kk": "Қазақстанның саяси дамуының ең өзекті мәселелері",
            }),
        ],
        "participants": [
            (Role.CHAIR, "ministry-of-foreign-affairs", "murzamadiyeva"),
            (Role.OBSERVER, "european-union", None),
            (Role.OBSERVER, "united-nations", None),
            (Role.OBSERVER, "osce", None),
        ],
    },
    {
        "slug": "2023-01-30-meeting",
        "fields": {
            "date": datetime.date(2023, 1, 30),
            "format": "",
            "source_url": "https://astanatimes.com/2023/02/officials-ngos-address-kazakhstans-international-obligations-on-human-rights-improvements-to-criminal-justice-system/",
            "title_en": "International human rights obligations and the judicial system",
            "title_ru": "Международные обязательства в области прав человека и судебная система",
            "title_kk": "Адам құқықтары саласындағы халықаралық міндеттемелер және сот жүйесі",
            "summary_en": (
                "The first meeting of 2023 discussed Kazakhstan's international obligations in "
                "the field of human rights and their implementation in the judicial system. The "
                "Deputy Minister of Foreign Affairs, Roman Vassilenko, addressed the meeting.\n\n"
                "A representative of the Constitutional Court presented the functions and "
                "mechanisms of the new court; a Supreme Court official described new legislation "
                "reforming the judicial system. Representatives of the Ministries of Justice and "
                "Foreign Affairs spoke on the Government's plan of priority measures in the field "
                "of human rights. Civil society representatives proposed recommendations on "
                "improving criminal legislation, the legal and judicial protection of citizens "
                "and the forming of a high-quality judicial corps. Deputies of Parliament took "
                "part."
            ),
            "summary_ru": (
                "На первом в 2023 году заседании обсуждены международные обязательства "
                "Казахстана в области прав человека и их выполнение в судебной системе. С "
                "обращением к участникам выступил заместитель министра иностранных дел Роман "
                "Василенко.\n\n"
                "Представитель Конституционного суда рассказал о функциях и механизмах работы "
                "нового органа, представитель Верховного суда — о новеллах законодательства, "
                "направленных на реформирование судебной системы. Представители министерств "
                "юстиции и иностранных дел выступили по реализации Плана первоочередных мер "
                "Правительства в области прав человека. Представители гражданского общества "
                "внесли рекомендации по совершенствованию уголовного законодательства, правовой "
                "и судебной защите граждан и формированию высококвалифицированного судейского "
                "корпуса. В заседании приняли участие депутаты Парламента."
            ),
            "summary_kk": (
                "2023 жылғы алғашқы отырыста Қазақстанның адам құқықтары саласындағы "
                "халықаралық міндеттемелері және олардың сот жүйесінде орындалуы талқыланды. "
                "Отырыста Сыртқы істер министрінің орынбасары Роман Василенко сөз сөйледі.\n\n"
                "Конституциялық Соттың өкілі жаңа органның функциялары мен жұмыс тетіктері "
                "туралы, Жоғарғы Соттың өкілі сот жүйесін реформалауға бағытталған заңнамалық "
                "жаңалықтар туралы баяндады. Әділет және Сыртқы істер министрліктерінің "
                "өкілдері Үкіметтің адам құқықтары саласындағы бірінші кезектегі шаралар "
                "жоспарының іске асырылуы туралы айтты. Азаматтық қоғам өкілдері қылмыстық "
                "заңнаманы жетілдіру, азаматтарды құқықтық және соттық қорғау және жоғары "
                "білікті судьялар корпусын қалыптастыру жөнінде ұсынымдар енгізді. Отырысқа "
                "Парламент депутаттары қатысты."
            ),
        },
        "agenda": [
            (1, ["international-instruments", "justice-fair-trial", "criminal-penal-legislation"], {
                "title_en": "Kazakhstan's international obligations in the field of human rights "
                "and their implementation in the judicial system",
                "title_ru": "Международные обязательства Казахстана в области прав человека и их "
                "выполнение в судебной системе",
                "title_kk": "Қазақстанның адам құқықтары саласындағы халықаралық міндеттемелері "
                "және олардың сот жүйесінде орындалуы",
                "description_en": "The Constitutional Court presented the new court's functions "
                "and mechanisms; the Supreme Court, new legislation reforming the judicial "
                "system.",
                "description_ru": "Конституционный суд представил функции и механизмы работы "
                "нового органа, Верховный суд — новеллы законодательства о реформировании "
                "судебной системы.",
                "description_kk": "Конституциялық Сот жаңа органның функциялары мен жұмыс "
                "тетіктерін, Жоғарғы Сот сот жүйесін реформалау жөніндегі заңнамалық "
                "жаңалықтарды таныстырды.",
                "outcome_en": "Civil society representatives proposed recommendations on "
                "improving criminal legislation, on the legal and judicial protection of "
                "citizens and on forming a high-quality judicial corps.",
                "outcome_ru": "Представители гражданского общества внесли рекомендации по "
                "совершенствованию уголовного законодательства, правовой и судебной защите "
                "граждан и формированию высококвалифицированного судейского корпуса.",
                "outcome_kk": "Азаматтық қоғам өкілдері қылмыстық заңнаманы жетілдіру, "
                "азаматтарды құқықтық және соттық қорғау және жоғары білікті судьялар "
                "корпусын қалыптастыру жөнінде ұсынымдар енгізді.",
            }),
            (2, ["human-rights-action-plans"], {
                "title_en": "Implementation of the Government's plan of priority measures in "
                "the field of human rights",
                "title_ru": "Реализация Плана первоочередных мер Правительства в области прав "
                "человека",
                "title_kk": "Үкіметтің адам құқықтары саласындағы бірінші кезектегі шаралар "
                "жоспарын іске асыру",
                "description_en": "Presented by the Ministries of Justice and Foreign Affairs.",
                "description_ru": "Выступили представители министерств юстиции и иностранных "
                "дел.",
                "description_kk": "Әділет және Сыртқы істер министрліктерінің өкілдері сөз "
                "сөйледі.",
            }),
        ],
        "participants": [
            (Role.SPEAKER, "ministry-of-foreign-affairs", "vassilenko"),
            (Role.SPEAKER, "constitutional-court", None),
            (Role.SPEAKER, "supreme-court", None),
            (Role.SPEAKER, "ministry-of-justice", None),
            (Role.MEMBER, "parliament", None),
        ],
    },
    {
        "slug": "2024-01-29-meeting",
        "fields": {
            "date": datetime.date(2024, 1, 29),
            "format": "",
            "source_url": "https://astanatimes.com/2024/02/kazakh-foreign-ministry-hosts-first-2024-human-rights-dialogue-platform-meeting/",
            "title_en": "Human rights measures, the report on the rights of persons with "
            "disabilities and the Sustainable Development Goals",
            "title_ru": "Меры в области прав человека, доклад о правах лиц с инвалидностью и "
            "Цели устойчивого развития",
            "title_kk": "Адам құқықтары саласындағы шаралар, мүгедектігі бар адамдардың "
            "құқықтары туралы баяндама және Тұрақты даму мақсаттары",
            "summary_en": (
                "The first meeting of 2024, chaired by Ambassador-at-Large Alua Nadirkulova, "
                "considered the Government's measures in the field of human rights, the "
                "preparation of Kazakhstan's initial report under the UN Convention on the Rights "
                "of Persons with Disabilities, and the country's efforts to meet its commitments "
                "under the Sustainable Development Goals.\n\n"
                "The chair noted the action plan on human rights and the rule of law adopted by "
                "Presidential Decree on 8 December, on the eve of Human Rights Day, which "
                "provides for more than 40 joint events with civil society and international "
                "partners. The Vice Minister of Labour and Social Protection of the Population, "
                "Nazgul Sagindykova, announced that Kazakhstan would present its national report "
                "on the rights of persons with disabilities in Geneva on 3–4 March, and presented "
                "a new professional standard for social work."
            ),
            "summary_ru": (
                "Первое в 2024 году заседание под председательством посла по особым поручениям "
                "Алуа Надиркуловой рассмотрело меры Правительства в области прав человека, "
                "подготовку первоначального доклада Казахстана о выполнении Конвенции ООН о "
                "правах лиц с инвалидностью и усилия страны по выполнению обязательств в рамках "
                "Целей устойчивого развития.\n\n"
                "Председатель отметила план действий в области прав человека и верховенства "
                "закона, утвержденный Указом Президента 8 декабря, накануне Дня прав человека: "
                "он предусматривает более 40 совместных мероприятий с участием гражданского "
                "общества и международных партнеров. Вице-министр труда и социальной защиты "
                "населения Назгуль Сагиндыкова сообщила, что Казахстан представит национальный "
                "доклад о защите прав лиц с инвалидностью в Женеве 3–4 марта, и представила "
                "новый профессиональный стандарт в области социальной работы."
            ),
            "summary_kk": (
                "Ерекше тапсырмалар жөніндегі елші Алуа Надиркулова төрағалық еткен 2024 "
                "жылғы алғашқы отырыс Үкіметтің адам құқықтары саласындағы шараларын, "
                "Қазақстанның БҰҰ-ның Мүгедектігі бар адамдардың құқықтары туралы "
                "конвенциясының орындалуы туралы бастапқы баяндамасының дайындалуын және "
                "елдің Тұрақты даму мақсаттары бойынша міндеттемелерді орындау жөніндегі "
                "күш-жігерін қарады.\n\n"
                "Төраға Адам құқықтары күні қарсаңында, 8 желтоқсанда Президент Жарлығымен "
                "бекітілген адам құқықтары және заңның үстемдігі саласындағы іс-қимыл "
                "жоспарын атап өтті: ол азаматтық қоғам мен халықаралық әріптестердің "
                "қатысуымен 40-тан астам бірлескен іс-шараны көздейді. Еңбек және халықты "
                "әлеуметтік қорғау вице-министрі Назгүл Сағындықова Қазақстан мүгедектігі бар "
                "адамдардың құқықтарын қорғау туралы ұлттық баяндаманы 3–4 наурызда Женевада "
                "таныстыратынын хабарлап, әлеуметтік жұмыс саласындағы жаңа кәсіптік "
                "стандартты таныстырды."
            ),
        },
        "agenda": [
            (1, ["human-rights-action-plans"], {
                "title_en": "The Government's measures in the field of human rights",
                "title_ru": "Меры Правительства в области прав человека",
                "title_kk": "Үкіметтің адам құқықтары саласындағы шаралары",
            }),
            (2, ["persons-with-disabilities", "international-instruments"], {
                "title_en": "Preparation of the initial report under the UN Convention on the "
                "Rights of Persons with Disabilities",
                "title_ru": "Подготовка первоначального доклада по Конвенции ООН о правах лиц с "
                "инвалидностью",
                "title_kk": "БҰҰ-ның Мүгедектігі бар адамдардың құқықтары туралы конвенциясы "
                "бойынша бастапқы баяндаманы дайындау",
            }),
            (3, ["international-instruments", "labour-social-rights"], {
                "title_en": "Kazakhstan's commitments under the Sustainable Development Goals",
                "title_ru": "Обязательства Казахстана в рамках Целей устойчивого развития",
                "title_kk": "Қазақстанның Тұрақты даму мақсаттары бойынша міндеттемелері",
            }),
        ],
        "participants": [
            (Role.CHAIR, "ministry-of-foreign-affairs", "nadirkulova"),
            (Role.SPEAKER, "ministry-of-labour-and-social-protection", "sagindykova"),
        ],
    },
    {
        "slug": "2025-02-27-subgroup-meeting",
        "fields": {
            "date": datetime.date(2025, 2, 27),
            "format": Meeting.Format.IN_PERSON,
            "source_url": "https://www.enbekshiqazaq.kz/en/news/378553-the-issues-of-preventing-torture-were-discussed.html",
            "location_en": "Ministry of Foreign Affairs of the Republic of Kazakhstan, Astana",
            "location_ru": "Министерство иностранных дел Республики Казахстан, Астана",
            "location_kk": "Қазақстан Республикасының Сыртқы істер министрлігі, Астана",
            "title_en": "Subgroup meeting: preventing torture and ill-treatment",
            "title_ru": "Заседание подгруппы: предупреждение пыток и жестокого обращения",
            "title_kk": "Кіші топ отырысы: азаптау мен қатыгез қарым-қатынастың алдын алу",
            "summary_en": (
                "A meeting of the Dialogue Platform's subgroup, held at the Ministry of Foreign "
                "Affairs and chaired by Alua Nadirkulova, on improving measures to prevent and "
                "protect against torture and cruel, inhuman or degrading treatment.\n\n"
                "Vladimir Malakhov, Deputy Head of the Pre-Trial Investigation Service of the "
                "Prosecutor General's Office, spoke of the reforms of criminal proceedings that "
                "bring criminal legislation into line with Kazakhstan's international "
                "obligations, and of the need for full rehabilitation and compensation of victims "
                "of torture: amendments raising the compensation for harm and improving its "
                "mechanism are under consideration. Zhanar Bigalieva, head of department at the "
                "National Centre for Human Rights, presented the role of the national preventive "
                "mechanism. The Ministry of Healthcare reported on the third item."
            ),
            "summary_ru": (
                "Заседание подгруппы Диалоговой площадки в Министерстве иностранных дел под "
                "председательством Алуа Надиркуловой — о совершенствовании мер по "
                "предупреждению пыток и жестокого, бесчеловечного или унижающего достоинство "
                "обращения и защите от них.\n\n"
                "Заместитель руководителя Службы досудебного расследования Генеральной "
                "прокуратуры Владимир Малахов рассказал о реформах уголовного судопроизводства, "
                "приводящих уголовное законодательство в соответствие с международными "
                "обязательствами Казахстана, и о необходимости полной реабилитации жертв пыток и "
                "возмещения им вреда: рассматриваются поправки об увеличении размера возмещения "
                "и совершенствовании его механизма. Руководитель отдела Национального центра по "
                "правам человека Жанар Бигалиева представила доклад о роли национального "
                "превентивного механизма. По третьему вопросу выступило Министерство "
                "здравоохранения."
            ),
            "summary_kk": (
                "Диалог алаңы кіші тобының Сыртқы істер министрлігінде Алуа Надиркулованың "
                "төрағалығымен өткен отырысы азаптауды және қатыгез, адамгершілікке жатпайтын "
                "немесе ар-намысты қорлайтын қарым-қатынасты болдырмау және олардан қорғау "
                "шараларын жетілдіруге арналды.\n\n"
                "Бас прокуратураның Сотқа дейінгі тергеп-тексеру қызметі басшысының орынбасары "
                "Владимир Малахов қылмыстық заңнаманы Қазақстанның халықаралық "
                "міндеттемелеріне сәйкес келтіретін қылмыстық сот ісін жүргізу реформалары "
                "туралы, сондай-ақ азаптаудан зардап шеккендерді толық оңалту және оларға "
                "келтірілген зиянды өтеу қажеттігі туралы айтты: өтемақы мөлшерін арттыру және "
                "оның тетігін жетілдіру жөніндегі түзетулер қаралуда. Адам құқықтары жөніндегі "
                "ұлттық орталық бөлімінің басшысы Жанар Бигалиева ұлттық превентивтік "
                "механизмнің рөлі туралы баяндама жасады. Үшінші мәселе бойынша Денсаулық сақтау "
                "министрлігі сөз сөйледі."
            ),
        },
        "agenda": [
            (1, ["torture-prevention", "criminal-penal-legislation"], {
                "title_en": "Criminal procedure reforms, and the rehabilitation and compensation "
                "of victims of torture",
                "title_ru": "Реформы уголовного судопроизводства, реабилитация жертв пыток и "
                "возмещение им вреда",
                "title_kk": "Қылмыстық сот ісін жүргізу реформалары, азаптаудан зардап "
                "шеккендерді оңалту және оларға келтірілген зиянды өтеу",
            }),
            (2, ["torture-prevention", "national-human-rights-institution"], {
                "title_en": "The role of the national preventive mechanism in preventing torture",
                "title_ru": "Роль национального превентивного механизма в предупреждении пыток",
                "title_kk": "Азаптаудың алдын алудағы ұлттық превентивтік механизмнің рөлі",
                "description_en": "The National Centre for Human Rights' priorities: improving the "
                "Commissioner's information system and completing its integration with the "
                "terminals for complaints from convicted persons, completing the move of the "
                "mechanism's participants to digital reports, and more funding for the "
                "mechanism.",
                "description_ru": "Приоритеты Национального центра по правам человека: "
                "совершенствование информационной системы Уполномоченного и завершение ее "
                "интеграции с терминалами для подачи жалоб осужденных, завершение перехода "
                "участников механизма на цифровой формат подготовки отчетов, увеличение "
                "финансирования механизма.",
                "description_kk": "Адам құқықтары жөніндегі ұлттық орталықтың басымдықтары: "
                "Уәкілдің ақпараттық жүйесін жетілдіру және оның сотталғандардың шағымдарын "
                "беруге арналған терминалдармен интеграциясын аяқтау, механизм "
                "қатысушыларының есептерді цифрлық форматта дайындауға көшуін аяқтау, "
                "механизмді қаржыландыруды ұлғайту.",
            }),
        ],
        "participants": [
            (Role.CHAIR, "ministry-of-foreign-affairs", "nadirkulova"),
            (Role.SPEAKER, "prosecutor-generals-office", "malakhov"),
            (Role.SPEAKER, "national-centre-for-human-rights", "bigalieva"),
            (Role.SPEAKER, "ministry-of-healthcare", None),
        ],
    },
    {
        "slug": "2025-07-04-meeting",
        "fields": {
            "date": datetime.date(2025, 7, 4),
            "format": "",
            "kind": Meeting.Kind.REGULAR,
            "source_url": "https://www.gov.kz/memleket/entities/mfa/press/news/details/1031014?lang=en",
            "location_en": "Astana",
            "location_ru": "Астана",
            "location_kk": "Астана",
            "title_en": "The Sustainable Development Goals, disability inclusion and "
            "inclusive education",
            "title_ru": "Цели устойчивого развития, инклюзия лиц с инвалидностью и "
            "инклюзивное образование",
            "title_kk": "Тұрақты даму мақсаттары, мүгедектігі бар адамдардың инклюзиясы және "
            "инклюзивті білім беру",
            "summary_en": (
                "A regular meeting hosted by the Ministry of Foreign Affairs. It was attended by "
                "the Deputy Chairperson of the Human Rights Commission under the President, "
                "representatives of the National Centre for Human Rights, relevant ministries, "
                "Kazakhstani human rights defenders and civil society, and guests from the "
                "Office of the UN High Commissioner for Human Rights and the UN Development "
                "Programme.\n\n"
                "Opening the meeting, Ambassador-at-Large Alua Nadirkulova spoke of Kazakhstan's "
                "steps to implement the Sustainable Development Goals and the UN Disability "
                "Inclusion Strategy, among them the Inclusive Policy Concept for 2025–2030 "
                "adopted in December 2024. On inclusive education, the Commissioner for the "
                "Rights of Socially Vulnerable Population Groups under the President, Kenzhegul "
                "Seitzhan, stressed the need to strengthen the practical training of "
                "specialists."
            ),
            "summary_ru": (
                "Очередное заседание в Министерстве иностранных дел. В нем приняли участие "
                "заместитель председателя Комиссии по правам человека при Президенте, "
                "представители Национального центра по правам человека, профильных министерств, "
                "казахстанские правозащитники и представители гражданского общества, а также "
                "гости из Управления Верховного комиссара ООН по правам человека и Программы "
                "развития ООН.\n\n"
                "Открывая заседание, посол по особым поручениям Алуа Надиркулова рассказала о "
                "шагах Казахстана по достижению Целей устойчивого развития и выполнению "
                "Стратегии ООН по вопросам инклюзии лиц с инвалидностью, в том числе о "
                "Концепции инклюзивной политики на 2025–2030 годы, принятой в декабре 2024 "
                "года. По вопросу инклюзивного образования Уполномоченный по правам социально "
                "уязвимых категорий населения при Президенте Кенжегуль Сейтжан подчеркнула "
                "необходимость усилить практическую подготовку специалистов."
            ),
            "summary_kk": (
                "Сыртқы істер министрлігінде өткен кезекті отырыс. Оған Президент жанындағы "
                "Адам құқықтары жөніндегі комиссия төрағасының орынбасары, Адам құқықтары "
                "жөніндегі ұлттық орталықтың, тиісті министрліктердің өкілдері, қазақстандық "
                "құқық қорғаушылар мен азаматтық қоғам өкілдері, сондай-ақ БҰҰ Адам құқықтары "
                "жөніндегі Жоғарғы комиссарының басқармасы мен БҰҰ Даму бағдарламасынан "
                "келген қонақтар қатысты.\n\n"
                "Отырысты ашқан ерекше тапсырмалар жөніндегі елші Алуа Надиркулова "
                "Қазақстанның Тұрақты даму мақсаттарына қол жеткізу және БҰҰ-ның Мүгедектігі "
                "бар адамдарды инклюзиялау стратегиясын орындау жөніндегі қадамдары, соның "
                "ішінде 2024 жылғы желтоқсанда қабылданған 2025–2030 жылдарға арналған "
                "Инклюзивті саясат тұжырымдамасы туралы айтты. Инклюзивті білім беру мәселесі "
                "бойынша Президент жанындағы Халықтың әлеуметтік осал санаттарының құқықтары "
                "жөніндегі уәкіл Кенжегүл Сейітжан мамандарды практикалық даярлауды күшейту "
                "қажеттігін атап өтті."
            ),
        },
        "agenda": [
            (1, ["persons-with-disabilities", "equality-non-discrimination"], {
                "title_en": "The Sustainable Development Goals and the UN Disability Inclusion "
                "Strategy",
                "title_ru": "Цели устойчивого развития и Стратегия ООН по вопросам инклюзии лиц "
                "с инвалидностью",
                "title_kk": "Тұрақты даму мақсаттары және БҰҰ-ның Мүгедектігі бар адамдарды "
                "инклюзиялау стратегиясы",
            }),
            (2, ["persons-with-disabilities", "health-education-living"], {
                "title_en": "Inclusive education",
                "title_ru": "Инклюзивное образование",
                "title_kk": "Инклюзивті білім беру",
                "description_en": "The need to strengthen the practical training of specialists "
                "in inclusive education.",
                "description_ru": "Необходимость усилить практическую подготовку специалистов в "
                "области инклюзивного образования.",
                "description_kk": "Инклюзивті білім беру саласындағы мамандарды практикалық "
                "даярлауды күшейту қажеттігі.",
            }),
        ],
        "participants": [
            (Role.SPEAKER, "ministry-of-foreign-affairs", "nadirkulova"),
            (Role.MEMBER, "human-rights-commission", None),
            (Role.MEMBER, "national-centre-for-human-rights", None),
            (Role.SPEAKER, "commissioner-for-socially-vulnerable-groups", "seitzhan"),
            (Role.OBSERVER, "ohchr", None),
            (Role.OBSERVER, "undp", None),
        ],
    },
]  # fmt: skip


def load_real_meetings() -> list[Meeting]:
    """The documented meetings, published, with their agendas and participants. Needs the
    topics and the seed's organisations (seed.load_topics, seed.load_organisations)."""
    for slug, kind, website, names in ORGANISATIONS:
        sync(Organisation, {"kind": kind, "website": website, **names}, slug=slug)
    organisations = {o.slug: o for o in Organisation.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    people = {
        key: sync(Person, {**texts, "organisation": organisations[org]}, name_en=texts["name_en"])
        for key, (org, texts) in PEOPLE.items()
    }

    meetings = []
    for record in REAL_MEETINGS:
        fields = {"kind": Meeting.Kind.REGULAR, **record["fields"], "is_published": True}
        meeting = sync(Meeting, fields, slug=record["slug"])
        for order, topic_slugs, texts in record["agenda"]:
            item = sync(AgendaItem, texts, meeting=meeting, order=order)
            item.topics.set([topics[s] for s in topic_slugs])
        for role, org_slug, person in record["participants"]:
            Participant.objects.get_or_create(
                meeting=meeting,
                role=role,
                organisation=organisations[org_slug],
                person=people[person] if person else None,
            )
        meetings.append(meeting)
    return meetings
