"""Illustrative records, made up so that every plans page has enough to show: the Follow-up
Plan's sections beyond the two verified, its activities beyond the four verified (up to
its 27), their implementation histories, UPR recommendations and the links between these
and the DEMO- recommendations. Every one is loaded with `is_illustrative` set; none is the
real text of the plan or of a UN report. The UPR recommendations' paragraph numbers are
made up too."""

from __future__ import annotations

# Section number, order, titles: the areas the plan's preamble names, in an assumed order.
SECTIONS = [
    ("III", 3, {
        "title_en": "Freedom of association",
        "title_ru": "Свобода объединений",
        "title_kk": "Бірлестіктер бостандығы"}),
    ("IV", 4, {
        "title_en": "Rights of persons with disabilities",
        "title_ru": "Права лиц с инвалидностью",
        "title_kk": "Мүгедектігі бар адамдардың құқықтары"}),
    ("V", 5, {
        "title_en": "Rights of victims of human trafficking",
        "title_ru": "Права жертв торговли людьми",
        "title_kk": "Адам саудасы құрбандарының құқықтары"}),
    ("VI", 6, {
        "title_en": "Rights of migrants",
        "title_ru": "Права мигрантов",
        "title_kk": "Мигранттардың құқықтары"}),
    ("VII", 7, {
        "title_en": "Rights of stateless persons and refugees",
        "title_ru": "Права лиц без гражданства и беженцев",
        "title_kk": "Азаматтығы жоқ адамдар мен босқындардың құқықтары"}),
    ("VIII", 8, {
        "title_en": "Interaction with UN human rights bodies",
        "title_ru": "Взаимодействие с правозащитными органами ООН",
        "title_kk": "БҰҰ-ның адам құқықтары жөніндегі органдарымен өзара іс-қимыл"}),
]  # fmt: skip

OUTCOMES = {
    "draft_law": {
        "expected_outcome_en": "Draft law submitted to Parliament",
        "expected_outcome_ru": "Проект закона, внесенный в Парламент",
        "expected_outcome_kk": "Парламентке енгізілген заң жобасы",
    },
    "order": {
        "expected_outcome_en": "Order of the ministry",
        "expected_outcome_ru": "Приказ министерства",
        "expected_outcome_kk": "Министрліктің бұйрығы",
    },
    "report": {
        "expected_outcome_en": "Information to the Government",
        "expected_outcome_ru": "Информация в Правительство",
        "expected_outcome_kk": "Үкіметке ақпарат",
    },
    "proposal": {
        "expected_outcome_en": "Proposal to the Presidential Administration",
        "expected_outcome_ru": "Предложение в Администрацию Президента",
        "expected_outcome_kk": "Президент Әкімшілігіне ұсыныс",
    },
}

DEADLINES = {
    "2022-12": {
        "deadline_en": "December 2022",
        "deadline_ru": "Декабрь 2022 года",
        "deadline_kk": "2022 жылғы желтоқсан",
    },
    "2022": {
        "deadline_en": "By the end of 2022",
        "deadline_ru": "До конца 2022 года",
        "deadline_kk": "2022 жылдың соңына дейін",
    },
    "2023-06": {
        "deadline_en": "June 2023",
        "deadline_ru": "Июнь 2023 года",
        "deadline_kk": "2023 жылғы маусым",
    },
    "2023": {
        "deadline_en": "By the end of 2023",
        "deadline_ru": "До конца 2023 года",
        "deadline_kk": "2023 жылдың соңына дейін",
    },
    "2024": {
        "deadline_en": "By the end of 2024",
        "deadline_ru": "До конца 2024 года",
        "deadline_kk": "2024 жылдың соңына дейін",
    },
}

# number, section, (en, ru, kk) title, outcome, deadline, bodies ("*": as agreed; the first
# leads, the others co-implement), topics, affected groups, history [(date, status)], where
# an entry may add who speaks: (date, status, REPORT, agency) for a body's own report, or
# (date, status, EVALUATION, NGO) for an independent evaluation, which stands beside the
# body's account without setting the status.
REPORT, EVALUATION = "government_report", "evaluation"
NGO = "kibhr"
ACTIVITIES = [
    ("5", "II", (
        "Introduce a gender assessment of draft laws and programmes",
        "Внедрить гендерную экспертизу проектов законов и программ",
        "Заң жобалары мен бағдарламалардың гендерлік сараптамасын енгізу",
    ), "order", "2023", ["MJ", "MIPD"], ["women-gender-equality"], ["women-girls"],
        [("2023-03-01", "in_progress"), ("2024-02-01", "implemented")]),
    ("6", "III", (
        "Simplify the registration of non-profit organisations",
        "Упростить регистрацию некоммерческих организаций",
        "Коммерциялық емес ұйымдарды тіркеуді жеңілдету",
    ), "draft_law", "2022", ["MJ", "MIPD"], ["assembly-association", "civil-society"], [],
        [("2022-10-01", "in_progress"), ("2023-04-01", "partially_implemented", REPORT, "MJ"),
         ("2023-10-20", "not_implemented", EVALUATION, NGO)]),
    ("7", "III", (
        "Review the grounds for suspending the activities of public associations",
        "Пересмотреть основания приостановления деятельности общественных объединений",
        "Қоғамдық бірлестіктердің қызметін тоқтата тұру негіздерін қайта қарау",
    ), "proposal", "2022-12", ["MJ", "GPO*"], ["assembly-association"], [],
        [("2022-11-15", "not_started")]),
    ("8", "III", (
        "Publish the state social order and grant competitions for NGOs in full",
        "Обеспечить полную публикацию государственного социального заказа и грантовых конкурсов для НПО",
        "ҮЕҰ үшін мемлекеттік әлеуметтік тапсырыс пен гранттық конкурстарды толық жариялауды қамтамасыз ету",
    ), "order", "2023-06", ["MIPD", "LEB"], ["civil-society", "governance-corruption"], [],
        [("2023-07-01", "implemented")]),
    ("9", "III", (
        "Hold public consultations with NGOs on draft laws on public associations",
        "Проводить публичные консультации с НПО по проектам законов об общественных объединениях",
        "Қоғамдық бірлестіктер туралы заң жобалары бойынша ҮЕҰ-мен қоғамдық консультациялар өткізу",
    ), "report", "2023", ["MIPD", "MJ"], ["public-participation", "civil-society"], [],
        [("2023-12-20", "in_progress")]),
    ("10", "IV", (
        "Bring the definition of disability into line with the Convention on the Rights of Persons with Disabilities",
        "Привести определение инвалидности в соответствие с Конвенцией о правах инвалидов",
        "Мүгедектік ұғымын Мүгедектердің құқықтары туралы конвенцияға сәйкес келтіру",
    ), "draft_law", "2023", ["MLSP", "MJ"], ["persons-with-disabilities", "international-instruments"],
        ["persons-with-disabilities"], [("2023-05-10", "in_progress")]),
    ("11", "IV", (
        "Ensure that polling stations and court buildings are accessible to persons with disabilities",
        "Обеспечить доступность избирательных участков и зданий судов для лиц с инвалидностью",
        "Сайлау учаскелері мен сот ғимараттарының мүгедектігі бар адамдар үшін қолжетімділігін қамтамасыз ету",
    ), "report", "2022", ["LEB", "MLSP"], ["persons-with-disabilities", "justice-fair-trial"],
        ["persons-with-disabilities"], [("2022-12-28", "partially_implemented")]),
    ("12", "IV", (
        "Introduce inclusive education standards in general schools",
        "Внедрить стандарты инклюзивного образования в общеобразовательных школах",
        "Жалпы білім беретін мектептерде инклюзивті білім беру стандарттарын енгізу",
    ), "order", "2023-06", ["MEAS", "LEB"], ["persons-with-disabilities", "health-education-living"],
        ["persons-with-disabilities", "children"], []),
    ("13", "IV", (
        "Provide sign language interpretation of official television broadcasts",
        "Обеспечить сурдоперевод официальных телетрансляций",
        "Ресми телехабарларды ымдау тіліне аударуды қамтамасыз ету",
    ), "order", "2022-12", ["MIPD"], ["persons-with-disabilities", "freedom-of-expression"],
        ["persons-with-disabilities"], [("2022-12-01", "implemented", REPORT, "MIPD"),
                                        ("2023-03-10", "partially_implemented", EVALUATION, NGO)]),
    ("14", "V", (
        "Adopt a law on combating trafficking in persons",
        "Принять закон о противодействии торговле людьми",
        "Адам саудасына қарсы іс-қимыл туралы заң қабылдау",
    ), "draft_law", "2023", ["MIA", "GPO*", "MLSP"], ["human-trafficking"], ["victims-of-trafficking"],
        [("2023-02-01", "in_progress"), ("2023-11-01", "in_progress", REPORT, "MIA")]),
    ("15", "V", (
        "Establish a national referral mechanism for victims of trafficking",
        "Создать национальный механизм перенаправления жертв торговли людьми",
        "Адам саудасы құрбандарын жіберудің ұлттық тетігін құру",
    ), "order", "2022", ["MLSP", "MIA"], ["human-trafficking"], ["victims-of-trafficking"],
        [("2023-01-20", "implemented", REPORT, "MLSP"),
         ("2023-06-15", "partially_implemented", EVALUATION, NGO)]),
    ("16", "V", (
        "Train police officers, prosecutors and judges to identify victims of trafficking",
        "Обучить сотрудников полиции, прокуроров и судей выявлению жертв торговли людьми",
        "Полиция қызметкерлерін, прокурорлар мен судьяларды адам саудасы құрбандарын анықтауға оқыту",
    ), "report", "2023", ["MIA", "GPO*", "MJ"], ["human-trafficking", "human-rights-education"],
        ["victims-of-trafficking", "law-enforcement"], []),
    ("17", "V", (
        "Fund shelters for victims of trafficking from the local budgets",
        "Финансировать приюты для жертв торговли людьми из местных бюджетов",
        "Адам саудасы құрбандарына арналған баспаналарды жергілікті бюджеттен қаржыландыру",
    ), "report", "2022-12", ["LEB", "MLSP"], ["human-trafficking"], ["victims-of-trafficking"],
        [("2022-12-15", "not_implemented")]),
    ("18", "VI", (
        "Simplify the procedure for migrant workers to obtain work permits",
        "Упростить порядок получения разрешений на работу трудящимися-мигрантами",
        "Еңбекші көшіп-қонушылардың жұмысқа рұқсат алу тәртібін жеңілдету",
    ), "order", "2022", ["MLSP", "MIA"], ["migrants-refugees-statelessness", "labour-social-rights"],
        ["migrants"], [("2022-09-01", "in_progress")]),
    ("19", "VI", (
        "Give the children of migrant workers access to schools and health care",
        "Обеспечить детям трудящихся-мигрантов доступ к школам и медицинской помощи",
        "Еңбекші көшіп-қонушылардың балаларына мектептер мен медициналық көмекке қол жеткізуді қамтамасыз ету",
    ), "report", "2023", ["MEAS", "MLSP"], ["migrants-refugees-statelessness", "children"],
        ["migrants", "children"], []),
    ("20", "VI", (
        "Inform migrants of their rights in the languages they speak",
        "Информировать мигрантов об их правах на понятных им языках",
        "Көшіп-қонушыларды олардың құқықтары туралы өздеріне түсінікті тілдерде хабардар ету",
    ), "report", "2022-12", ["MIPD", "MLSP"], ["migrants-refugees-statelessness"], ["migrants"],
        [("2023-01-10", "partially_implemented")]),
    ("21", "VI", (
        "Review the grounds for the expulsion of foreigners",
        "Пересмотреть основания выдворения иностранцев",
        "Шетелдіктерді шығарып жіберу негіздерін қайта қарау",
    ), "proposal", "2023-06", ["MIA", "GPO*"], ["migrants-refugees-statelessness", "justice-fair-trial"],
        ["migrants"], []),
    ("22", "VII", (
        "Introduce a statelessness determination procedure",
        "Ввести процедуру определения статуса лица без гражданства",
        "Азаматтығы жоқ адамның мәртебесін айқындау рәсімін енгізу",
    ), "draft_law", "2023", ["MIA", "MJ"], ["migrants-refugees-statelessness"], ["stateless-persons"],
        [("2023-06-01", "in_progress"), ("2024-01-15", "implemented")]),
    ("23", "VII", (
        "Document persons without identity papers",
        "Документировать лиц, не имеющих документов, удостоверяющих личность",
        "Жеке басын куәландыратын құжаттары жоқ адамдарды құжаттандыру",
    ), "report", "2022", ["MIA", "LEB"], ["migrants-refugees-statelessness"], ["stateless-persons"],
        [("2022-12-20", "partially_implemented")]),
    ("24", "VII", (
        "Give asylum seekers access to the asylum procedure at the border",
        "Обеспечить лицам, ищущим убежища, доступ к процедуре предоставления убежища на границе",
        "Пана іздеген адамдарға шекарада пана беру рәсіміне қол жеткізуді қамтамасыз ету",
    ), "order", "2023-06", ["MIA", "MLSP"], ["migrants-refugees-statelessness"],
        ["refugees-asylum-seekers"], []),
    ("25", "VIII", (
        "Submit overdue periodic reports to the UN treaty bodies",
        "Представить просроченные периодические доклады договорным органам ООН",
        "БҰҰ шарттық органдарына мерзімі өткен мерзімдік баяндамаларды ұсыну",
    ), "report", "2022-12", ["MJ", "MIPD"], ["international-instruments"], [],
        [("2022-12-10", "implemented")]),
    ("26", "VIII", (
        "Adopt an interdepartmental plan to implement the UPR recommendations of the third cycle",
        "Принять межведомственный план реализации рекомендаций УПО третьего цикла",
        "ЖМШ-ның үшінші циклінің ұсынымдарын іске асырудың ведомствоаралық жоспарын қабылдау",
    ), "order", "2022", ["MJ", "MIPD"], ["international-instruments", "human-rights-action-plans"], [],
        [("2022-11-01", "implemented")]),
    ("27", "VIII", (
        "Extend a standing invitation to the special procedures of the Human Rights Council",
        "Направить постоянное приглашение специальным процедурам Совета по правам человека",
        "Адам құқықтары жөніндегі кеңестің арнайы рәсімдеріне тұрақты шақыру жолдау",
    ), "proposal", "2023", ["MJ", "MIPD"], ["international-instruments"], [],
        [("2023-09-01", "no_longer_relevant")]),
]  # fmt: skip

# UPR recommendations of the third cycle (2019), made up: recommending state in three
# languages, response, (en, ru, kk) text, topics, affected groups, SDG targets, and the
# Follow-up Plan activities (numbers) that implement each.
UPR_SYMBOL = "A/HRC/41/10"
UPR_RECOMMENDATIONS = [
    ("139.201", ("Norway", "Норвегия", "Норвегия"), "supported", (
        "Ensure that non-profit organisations can register and operate without undue restrictions",
        "Обеспечить, чтобы некоммерческие организации могли регистрироваться и действовать без неоправданных ограничений",
        "Коммерциялық емес ұйымдардың негізсіз шектеулерсіз тіркеліп, жұмыс істеуін қамтамасыз ету",
    ), ["assembly-association", "civil-society"], [], ["16.10"], ["6", "7"]),
    ("139.202", ("Sweden", "Швеция", "Швеция"), "supported_in_part", (
        "Bring the legislation on public associations into line with international standards",
        "Привести законодательство об общественных объединениях в соответствие с международными стандартами",
        "Қоғамдық бірлестіктер туралы заңнаманы халықаралық стандарттарға сәйкес келтіру",
    ), ["assembly-association"], [], ["16.10"], ["7", "9"]),
    ("139.203", ("Spain", "Испания", "Испания"), "supported", (
        "Criminalise domestic violence as a separate offence",
        "Криминализировать бытовое насилие в качестве отдельного преступления",
        "Тұрмыстық зорлық-зомбылықты жеке қылмыс ретінде қылмыстық жазаланатын әрекет деп тану",
    ), ["gender-based-violence"], ["women-girls"], ["5.2"], ["1"]),
    ("139.204", ("Iceland", "Исландия", "Исландия"), "supported", (
        "Ratify ILO Convention No. 190 on violence and harassment",
        "Ратифицировать Конвенцию МОТ № 190 о насилии и домогательствах",
        "Зорлық-зомбылық пен қудалау туралы ХЕҰ-ның № 190 конвенциясын ратификациялау",
    ), ["international-instruments", "labour-social-rights"], ["women-girls"], ["5.2", "8.8"], ["2"]),
    ("139.205", ("Chile", "Чили", "Чили"), "supported", (
        "Increase the participation of women in decision-making at every level of government",
        "Расширить участие женщин в принятии решений на всех уровнях государственного управления",
        "Мемлекеттік басқарудың барлық деңгейінде шешім қабылдауға әйелдердің қатысуын кеңейту",
    ), ["women-gender-equality", "public-participation"], ["women-girls"], ["5.5"], ["3", "4", "5"]),
    ("139.206", ("Thailand", "Таиланд", "Таиланд"), "supported", (
        "Continue to protect the rights of persons with disabilities, including access to inclusive education",
        "Продолжать защищать права лиц с инвалидностью, включая доступ к инклюзивному образованию",
        "Мүгедектігі бар адамдардың құқықтарын, оның ішінде инклюзивті білім алуға қол жеткізуін қорғауды жалғастыру",
    ), ["persons-with-disabilities"], ["persons-with-disabilities"], ["4.5", "10.2"], ["10", "12"]),
    ("139.207", ("Philippines", "Филиппины", "Филиппин"), "supported", (
        "Strengthen the identification and protection of victims of trafficking in persons",
        "Усилить выявление и защиту жертв торговли людьми",
        "Адам саудасы құрбандарын анықтау мен қорғауды күшейту",
    ), ["human-trafficking"], ["victims-of-trafficking"], ["16.2", "8.7"], ["14", "15", "16"]),
    ("139.208", ("Belarus", "Беларусь", "Беларусь"), "supported", (
        "Adopt a comprehensive law on combating trafficking in persons",
        "Принять всеобъемлющий закон о противодействии торговле людьми",
        "Адам саудасына қарсы іс-қимыл туралы кешенді заң қабылдау",
    ), ["human-trafficking"], ["victims-of-trafficking"], ["16.2"], ["14"]),
    ("139.209", ("Mexico", "Мексика", "Мексика"), "supported", (
        "Protect the labour rights of migrant workers and their families",
        "Защищать трудовые права трудящихся-мигрантов и членов их семей",
        "Еңбекші көшіп-қонушылар мен олардың отбасы мүшелерінің еңбек құқықтарын қорғау",
    ), ["migrants-refugees-statelessness", "labour-social-rights"], ["migrants"], ["8.8", "10.7"], ["18", "19"]),
    ("139.210", ("Brazil", "Бразилия", "Бразилия"), "noted", (
        "Accede to the 1954 Convention relating to the Status of Stateless Persons",
        "Присоединиться к Конвенции о статусе апатридов 1954 года",
        "Азаматтығы жоқ адамдардың мәртебесі туралы 1954 жылғы конвенцияға қосылу",
    ), ["migrants-refugees-statelessness", "international-instruments"], ["stateless-persons"], ["16.9"], ["22"]),
    ("139.211", ("Portugal", "Португалия", "Португалия"), "supported", (
        "Submit overdue reports to the treaty bodies and cooperate fully with the special procedures",
        "Представить просроченные доклады договорным органам и в полной мере сотрудничать со специальными процедурами",
        "Шарттық органдарға мерзімі өткен баяндамаларды ұсыну және арнайы рәсімдермен толық ынтымақтасу",
    ), ["international-instruments"], [], ["16.6"], ["25", "27"]),
    ("139.212", ("Uruguay", "Уругвай", "Уругвай"), "noted", (
        "Ensure free legal aid to asylum seekers at the border",
        "Обеспечить бесплатную юридическую помощь лицам, ищущим убежища, на границе",
        "Шекарада пана іздеген адамдарға тегін заң көмегін қамтамасыз ету",
    ), ["migrants-refugees-statelessness", "justice-fair-trial"], ["refugees-asylum-seekers"], ["16.3"], []),
]  # fmt: skip

# DEMO- recommendations linked to the activities and UPR recommendations on the same
# topic: (topic slug, activity numbers, UPR paragraphs). The first DEMO- recommendation
# on each topic is taken, so these links follow whatever illustrative set is loaded.
DEMO_RECOMMENDATION_LINKS = [
    ("gender-based-violence", ["1"], ["139.203"]),
    ("women-gender-equality", ["3"], ["139.205"]),
    ("assembly-association", ["6"], ["139.201"]),
    ("persons-with-disabilities", ["10", "11"], ["139.206"]),
    ("human-trafficking", ["14", "15"], ["139.207"]),
    ("migrants-refugees-statelessness", ["18", "22"], ["139.212"]),
    ("international-instruments", ["25"], ["139.211"]),
]
