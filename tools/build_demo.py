"""Build qorgau/interchange/demo/demo.jsonl: the cases of three published documents as structured facts.

Facts only (names, dates, places, articles, penalties, officials' addresses),
written in our own words, each citing its publication. Run from the
repository root: `python tools/build_demo.py`. A test checks that the
committed file is what this script writes.
"""

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "qorgau" / "interchange" / "demo" / "demo.jsonl"

ODF, AI17, UA = "doc_odf_dck_ban_2018", "doc_ai_think_before_you_post", "doc_ai_ua_63_18"
records = []
acts = []
_n = {"act": 0}


def cite(doc, note=""):
    row = {"document": doc, "start": None, "end": None, "method": "manual", "review": "accepted"}
    if note:
        row["note"] = note
    return row


def org(uid, name, kind, names=(), place=None, url=None, doc=None):
    records.append({"type": "organization", "id": uid, "name": name, "kind": kind, "place": place, "url": url,
                    "names": [{"name": n, "script": "Cyrl" if any("\u0400" <= c <= "\u04ff" for c in n) else "Latn",
                               "lang": lang, "kind": kind_} for n, lang, kind_ in names],
                    "sensitivity": "public",
                    "citations": [cite(d) for d in ([doc] if isinstance(doc, str) else doc or [])]})


def person(uid, name, gender=None, roles=(), names=(), place=None, doc=ODF, sensitivity="public", notes=None,
           given=None, family=None, consent="unknown", relations=(), affiliations=()):
    row = {"type": "person", "id": uid, "name": name, "given_name": given, "family_name": family,
           "gender": gender, "roles": list(roles), "home_place": place, "consent": consent, "notes": notes,
           "names": [{"name": n, "script": "Cyrl" if any("\u0400" <= c <= "\u04ff" for c in n) else "Latn",
                      "lang": lang, "kind": kind} for n, lang, kind in names],
           "affiliations": [{"organization": o, "role": r, "from": None, "to": None} for o, r in affiliations],
           "relations": [{"relation": r, "person": p} for r, p in relations],
           "sensitivity": sensitivity, "citations": [cite(d) for d in ([doc] if isinstance(doc, str) else doc)]}
    records.append(row)


def act(victim, act_type, date=None, place=None, provisions=(), penalty=None, perpetrators=(), doc=ODF,
        description=None, date_end=None, event=None, status="alleged", sensitivity="public", court=None):
    _n["act"] += 1
    uid = f"act_demo{_n['act']:03d}"
    acts.append({"type": "act", "id": uid, "act_type": act_type, "victim": victim, "event": event, "date": date,
                 "date_end": date_end, "place": place,
                 "provisions": [{"id": p.split(":")[0], "relation": p.split(":")[1] if ":" in p else "charged"}
                                for p in provisions],
                 "penalty": penalty, "perpetrators": [{"id": i, "role": r} for i, r in perpetrators],
                 "court": court, "description": description, "status": status, "review": "accepted",
                 "citations": [cite(d) for d in ([doc] if isinstance(doc, str) else doc)],
                 "sensitivity": sensitivity})
    return uid


# Documents ------------------------------------------------------------------------------------
org("org_odf", "Open Dialog Foundation", "ngo", [("Фонд «Открытый диалог»", "ru", "alias"), ("ODF", "en", "abbreviation")])
org("org_amnesty", "Amnesty International", "ngo", [("Международная амнистия", "ru", "alias"), ("AI", "en", "abbreviation")])
records.append({"type": "document", "id": ODF, "filename": None, "title": "Report: the ban of the Democratic Choice of Kazakhstan movement and the persecution of its supporters",
                "publisher": "org_odf", "published": "2018-04", "language": "en", "kind": "report",
                "reliability": "mostly_reliable", "sha256": None, "url": "https://en.odfoundation.eu", "reference": None,
                "text": None, "review_state": "none", "sensitivity": "public", "citations": []})
records.append({"type": "document", "id": AI17, "filename": None, "title": "Think before you post: closing down social media space in Kazakhstan",
                "publisher": "org_amnesty", "published": "2017", "language": "en", "kind": "report",
                "reliability": "highly_reliable", "sha256": None, "url": "https://www.amnesty.org", "reference": "EUR 57/5644/2017",
                "text": None, "review_state": "none", "sensitivity": "public", "citations": []})
records.append({"type": "document", "id": UA, "filename": None, "title": "Urgent Action UA 63/18: woman detained for reading an opposition website",
                "publisher": "org_amnesty", "published": "2018-03-27", "language": "en", "kind": "urgent_action",
                "reliability": "highly_reliable", "sha256": None, "url": "https://www.amnestyusa.org/uan", "reference": "EUR 57/8122/2018",
                "text": None, "review_state": "none", "sensitivity": "public", "citations": []})

# Organisations --------------------------------------------------------------------------------
org("org_dck", "Democratic Choice of Kazakhstan", "party",
    [("DCK", "en", "abbreviation"), ("DVK", "en", "abbreviation"), ("ДВК", "ru", "abbreviation"),
     ("Демократический выбор Казахстана", "ru", "alias"), ("Қазақстанның демократиялық таңдауы", "kk", "alias")], doc=ODF)
org("org_alga", "Alga!", "party", [("Алга!", "ru", "alias")], doc=ODF)
org("org_kibhr", "Kazakhstan International Bureau for Human Rights and the Rule of Law", "ngo",
    [("KIBHR", "en", "abbreviation"), ("Казахстанское международное бюро по правам человека и соблюдению законности", "ru", "alias")], "plc_almaty", doc=UA)
org("org_arrukhkhak", "Ar.Rukh.Khak", "ngo", [("Ар.Рух.Хак", "ru", "alias")], "plc_almaty", doc=AI17)
org("org_antigeptil", "Antigeptil", "ngo", [("Антигептил", "ru", "alias")], doc=AI17)
org("org_gpo", "General Prosecutor's Office of Kazakhstan", "prosecutor",
    [("Prosecutor General's Office", "en", "alias"), ("Генеральная прокуратура Республики Казахстан", "ru", "alias")], "plc_astana", doc=ODF)
org("org_mia", "Ministry of Internal Affairs of Kazakhstan", "police",
    [("MIA", "en", "abbreviation"), ("МВД", "ru", "abbreviation"), ("Министерство внутренних дел Республики Казахстан", "ru", "alias")], "plc_astana", doc=ODF)
org("org_local_police", "Local Police Service", "police", [("Местная полицейская служба", "ru", "alias")], doc=ODF)
org("org_nsc", "National Security Committee of Kazakhstan", "security",
    [("NSC", "en", "abbreviation"), ("KNB", "en", "abbreviation"), ("КНБ", "ru", "abbreviation"), ("Комитет национальной безопасности", "ru", "alias")], "plc_astana", doc=ODF)
org("org_min_info", "Ministry of Information and Communication of Kazakhstan", "state_body",
    [("Министерство информации и коммуникаций", "ru", "alias")], "plc_astana", doc=ODF)
org("org_min_justice", "Ministry of Justice of Kazakhstan", "state_body", [("Министерство юстиции", "ru", "alias")], "plc_astana", doc=ODF)
org("org_presidential_administration", "Administration of the President of Kazakhstan", "state_body",
    [("Администрация Президента Республики Казахстан", "ru", "alias")], "plc_astana", doc=ODF)
org("org_ombudsman", "Ombudsman of Kazakhstan", "state_body", [("Уполномоченный по правам человека", "ru", "alias")], "plc_astana", doc=ODF)
org("org_yesil_court", "Yesil District Court, Astana", "court",
    [("Yesilskiy District Court", "en", "alias"), ("Yesilsky court", "en", "alias"), ("Есильский районный суд", "ru", "alias")], "plc_astana", doc=[ODF])
org("org_almaly_court", "Almaly District Court, Almaty", "court",
    [("Almalinsky district court", "en", "alias"), ("Алмалинский районный суд", "ru", "alias")], "plc_almaty", doc=UA)
org("org_almaty_admin_court", "Specialised Interdistrict Administrative Court of Almaty", "court",
    [("Специализированный межрайонный административный суд", "ru", "alias")], "plc_almaty", doc=AI17)
org("org_atyrau_city_court_2", "Atyrau City Court No. 2", "court", [("Атырауский городской суд №2", "ru", "alias")], "plc_atyrau", doc=AI17)
org("org_atyrau_regional_court", "Atyrau Regional Court", "court", [("Атырауский областной суд", "ru", "alias")], "plc_atyrau", doc=AI17)
org("org_almaty_district_court", "Almaty District Court", "court", [], "plc_almaty", doc=AI17)
org("org_almaty_city_court", "Almaty City Court", "court", [("Алматинский городской суд", "ru", "alias")], "plc_almaty", doc=AI17)
org("org_almaty_dia", "Almaty Department of Internal Affairs", "police", [("ДВД г. Алматы", "ru", "alias")], "plc_almaty", doc=ODF)
org("org_almaty_prosecutor", "Almaty City Prosecutor's Office", "prosecutor", [("Прокуратура г. Алматы", "ru", "alias")], "plc_almaty", doc=AI17)
org("org_medeu_prosecutor", "Medeu District Prosecutor's Office, Almaty", "prosecutor", [], "plc_almaty", doc=AI17)
org("org_atyrau_city_akimat", "Atyrau City Akimat", "state_body", [("Акимат города Атырау", "ru", "alias")], "plc_atyrau", doc=AI17)
org("org_ukraine_migration", "State Migration Service of Ukraine", "state_body", [("Государственная миграционная служба Украины", "ru", "alias")], "plc_ua", doc=ODF)
org("org_kazkommertsbank", "Kazkommertsbank", "company", [("Казкоммерцбанк", "ru", "alias")], "plc_almaty", doc=AI17)
org("org_shymkent_clinic", "Regional psychoneurological clinic, Shymkent", "state_body", [], "plc_shymkent", doc=ODF)
org("org_adam_bol", "Adam Bol", "media", [("ADAMbol", "en", "alias"), ("Адам Бол", "ru", "alias")], "plc_almaty", doc=AI17)
org("org_adam", "Adam", "media", [("ADAM", "en", "alias"), ("Адам", "ru", "alias")], "plc_almaty", doc=AI17)
org("org_respublika", "Respublika", "media", [("Республика", "ru", "alias")], "plc_almaty", doc=AI17)
org("org_golos_respubliki", "Golos Respubliki", "media", [("Голос Республики", "ru", "alias")], "plc_almaty", doc=AI17)
org("org_assandi_times", "Assandi Times", "media", [], "plc_almaty", doc=AI17)
org("org_nakanune", "Nakanune.kz", "media", [("Накануне.kz", "ru", "alias")], "plc_almaty", doc=AI17)
org("org_azattyq", "Radio Azattyq", "media",
    [("Radio Free Europe / Radio Liberty Kazakh service", "en", "alias"), ("Радио Азаттык", "ru", "alias"), ("Азаттық радиосы", "kk", "alias")], doc=[AI17, ODF])
org("org_youtube", "YouTube", "company", [], doc=AI17)
org("org_periscope", "Periscope", "company", [], doc=AI17)
org("org_kz_embassy_us", "Embassy of the Republic of Kazakhstan in the United States", "state_body", [], "plc_washington", doc=UA)
for uid, name in [("org_european_parliament", "European Parliament"), ("org_european_commission", "European Commission"),
                  ("org_european_council", "European Council"), ("org_eeas", "European External Action Service"),
                  ("org_osce_pa", "OSCE Parliamentary Assembly"), ("org_council_of_europe", "Council of Europe"),
                  ("org_pace", "Parliamentary Assembly of the Council of Europe"), ("org_ohchr", "Office of the UN High Commissioner for Human Rights"),
                  ("org_wgad", "UN Working Group on Arbitrary Detention"), ("org_us_state_department", "US Department of State"),
                  ("org_us_house", "United States House of Representatives"), ("org_canada_pmo", "Office of the Prime Minister of Canada")]:
    org(uid, name, "international" if not uid.startswith(("org_us_", "org_canada")) else "state_body", doc=ODF)

# Persons: officials and perpetrators ---------------------------------------------------------------
person("per_nazarbayev", "Nursultan Nazarbayev", "m", ["politician", "official"],
       [("Nazarbaev", "en", "transliteration"), ("Нурсултан Назарбаев", "ru", "alias"), ("Нұрсұлтан Назарбаев", "kk", "alias")], doc=[ODF, AI17])
person("per_smatov", "Zh. Smatov", "m", ["prosecutor"], notes="Prosecutor of Astana in March 2018.")
person("per_shuykebayev", "D. Shuykebayev", "m", ["prosecutor"], notes="Prosecutor of Almaty in March 2018.")
person("per_ospanov", "T. Ospanov", None, ["prosecutor"], notes="Prosecutor of Kokshetau in March 2018.")
person("per_naimanov", "T. Naimanov", None, ["prosecutor"], notes="Deputy prosecutor of West Kazakhstan Region in March 2018.")
person("per_kuttukov", "R. Kuttukov", None, ["prosecutor"], notes="Prosecutor of Atyrau in March 2018.")
person("per_yerzhanova", "T. Yerzhanova", "f", ["investigator"], notes="Investigator, Almaty Department of Internal Affairs.")
person("per_syzdykov", "Bakytzhan Syzdykov", "m", ["investigator"], [("Бакытжан Сыздыков", "ru", "alias")])
person("per_aynabekov", "S. Aynabekov", None, ["judge"])
person("per_onalbayev", "Koblanbek Onalbayev", "m", ["doctor"], notes="Chief doctor of the regional psychoneurological clinic in Shymkent.")
person("per_tuymebayev", "Zhanseit Tuymebayev", "m", ["official"], [("Жансеит Туймебаев", "ru", "alias")], notes="Akim of South Kazakhstan Region in 2018.")
person("per_magerramov", "Magerram Magerramov", "m", ["politician"], notes="Member of parliament.")
person("per_baybek", "Baurzhan Baybek", "m", ["official"], [("Бауыржан Байбек", "kk", "alias")], doc=AI17, notes="Akim (mayor) of Almaty in 2016.")
# Holders of offices to write to.
holders = [
    ("per_kozhamzharov", "Kairat Kozhamzharov", "m", [("K.P. Kozhamzharov", "en", "alias"), ("Кайрат Кожамжаров", "ru", "alias")], [ODF, UA]),
    ("per_kasymov", "Kalmukhanbet Kasymov", "m", [("Калмуханбет Касымов", "ru", "alias")], ODF),
    ("per_masimov", "K.K. Masimov", "m", [("Масимов", "ru", "alias")], ODF),
    ("per_shakirov", "A.O. Shakirov", "m", [], ODF),
    ("per_abayev", "Dauren Abayev", "m", [("Даурен Абаев", "ru", "alias")], ODF),
    ("per_beketayev", "Marat Beketayev", "m", [("Марат Бекетаев", "ru", "alias")], ODF),
    ("per_kazykhanov", "Erzhan Kazykhanov", "m", [("Yerzhan Kazykhanov", "en", "transliteration"), ("Ержан Казыханов", "ru", "alias")], UA),
    ("per_tajani", "Antonio Tajani", "m", [], ODF), ("per_juncker", "Jean-Claude Juncker", "m", [], ODF),
    ("per_tusk", "Donald Tusk", "m", [], ODF), ("per_mogherini", "Federica Mogherini", "f", [], ODF),
    ("per_mcallister", "David McAllister", "m", [], ODF), ("per_panzeri", "Antonio Panzeri", "m", [], ODF),
    ("per_lambrinidis", "Stavros Lambrinidis", "m", [], ODF), ("per_tsereteli", "George Tsereteli", "m", [], ODF),
    ("per_sanchez_amor", "Ignacio Sanchez Amor", "m", [], ODF), ("per_jagland", "Thorbjørn Jagland", "m", [], ODF),
    ("per_nicoletti", "Michele Nicoletti", "m", [], ODF), ("per_zeid", "Zeid Ra'ad Al-Hussein", "m", [], ODF),
    ("per_kaye", "David Kaye", "m", [], ODF), ("per_ciampi", "Annalisa Ciampi", "f", [], ODF),
    ("per_trudeau", "Justin Trudeau", "m", [], ODF),
]
for uid, name, g, names, doc in holders:
    person(uid, name, g, ["official"], names, doc=doc)

# Persons: victims, 2018 (Open Dialog Foundation; UA 63/18) ----------------------------------------
V = {}


def victim(key, name, gender, roles, names=(), place=None, doc=ODF, **kw):
    V[key] = f"per_{key}"
    person(V[key], name, gender, roles, names, place, doc, **kw)


victim("toregozhina", "Bakhytzhan Toregozhina", "f", ["human_rights_defender"],
       [("Бахытжан Торегожина", "ru", "alias")], "plc_almaty", [ODF, AI17], affiliations=[("org_arrukhkhak", "president")])
victim("ageleuov", "Galym Ageleuov", "m", ["human_rights_defender"], [("Галым Агелеуов", "ru", "alias")])
victim("kaliyev", "Yerlan Kaliyev", "m", ["human_rights_defender"], [("Yerlan Kaliev", "en", "transliteration"), ("Ерлан Калиев", "ru", "alias")])
victim("shayakhmetova", "Akmaral Shayakhmetova", "f", ["journalist"], [("Акмарал Шаяхметова", "ru", "alias")])
victim("insenova", "Dilnar Insenova", "f", ["activist"], [("Дильнар Инсенова", "ru", "alias")], "plc_almaty")
victim("shaygumarov", "Askar Shaygumarov", "m", ["activist"], [("Аскар Шайгумаров", "ru", "alias")])
victim("aldabergenov", "Suyundyk Aldabergenov", "m", ["activist"], [("Суюндык Алдабергенов", "ru", "alias")])
victim("ismailov", "Kayrat Ismailov", "m", ["activist"], [("Kairat Ismailov", "en", "transliteration"), ("Кайрат Исмаилов", "ru", "alias")], "plc_saran")
victim("kayipnazar", "Yergali Kayipnazar", "m", ["activist"], [("Ергали Кайыпназар", "ru", "alias")], "plc_mangystau")
victim("izmaylov", "Sergey Izmaylov", "m", ["activist"], [("Sergei Izmailov", "en", "transliteration"), ("Сергей Измайлов", "ru", "alias")])
victim("musauly", "Alibek Musauly", "m", ["activist"], [("Alibek Musauli", "en", "transliteration"), ("Алибек Мусаулы", "ru", "alias")])
victim("kuanyshalin", "Zhasaral Kuanyshalin", "m", ["activist"], [("Жасарал Куанышалин", "ru", "alias")])
victim("zhanuzakov", "Marat Zhanuzakov", "m", ["activist"], [("Марат Жанузаков", "ru", "alias")])
victim("medeuov", "Kural Medeuov", "m", ["activist"], [("Курал Медеуов", "ru", "alias")])
victim("sadykova", "Maygul Sadykova", "f", ["activist"],
       [("Maigul Sadykova", "en", "transliteration"), ("Майгуль Садыкова", "ru", "alias"), ("Майгүл Садықова", "kk", "alias")], "plc_astana")
victim("sultanbekov", "Kenzhebek Sultanbekov", "m", ["activist"], [("Кенжебек Султанбеков", "ru", "alias")])
victim("marmalidi", "Nikolaos Marmalidi", "m", ["activist"], [("Николаос Мармалиди", "ru", "alias")], "plc_kostanay_region")
victim("nurumov", "Ildar Nurumov", "m", ["activist"], [], "plc_almaty", notes="Name as used on social networks.")
victim("miranbek", "Azhar Miranbek", None, ["activist"], [], "plc_atyrau", notes="Name as used on social networks.")
victim("sarsen", "Batyr Sarsen", "m", ["activist"], [], "plc_aktau", notes="Name as used on social networks.")
victim("bizhanov", "Dauren Bizhanov", "m", ["activist"], [], "plc_uralsk", notes="Name as used on social networks.")
victim("amangeldy", "Akbota Amangeldy", "f", ["activist"], [], "plc_pavlodar", notes="Name as used on social networks.")
victim("surabaldiyeva", "Zhanat Surabaldiyeva", "f", ["activist"], [("Жанат Сурабалдиева", "ru", "alias")], "plc_astana")
victim("bekishev", "Kuanysh Bekishev", "m", ["activist"], [], "plc_astana")
victim("amirkhanov", "Yerzhan Amirkhanov", "m", ["journalist"], [("Ержан Амирханов", "ru", "alias")], "plc_astana",
       affiliations=[("org_azattyq", "reporter")])
victim("zhumatayev", "Arsen Zhumatayev", "m", ["activist"], [("Арсен Жуматаев", "ru", "alias")], "plc_almaty")
victim("tobylova", "Akmaral Tobylova", "f", ["activist"], [("Акмарал Тобылова", "ru", "alias"), ("Ақмарал Тобылова", "kk", "alias")],
       "plc_almaty", [ODF, UA], notes="Graphic designer, 27 years old in March 2018.", consent="granted")
victim("kamalbekov", "Sabyr Kamalbekov", "m", ["activist"], [("Сабыр Камалбеков", "ru", "alias")])
victim("toychiyev", "R. Toychiyev", None, ["activist"], [])
victim("zhumagulov", "Almat Zhumagulov", "m", ["activist"], [("Алмат Жумагулов", "ru", "alias")], affiliations=[("org_dck", "activist")])
victim("abishev", "Kenzhebek Abishev", "m", ["activist"], [("Кенжебек Абишев", "ru", "alias")])
victim("zh_akhmetova", "Zhanara Akhmetova", "f", ["journalist"], [("Жанара Ахметова", "ru", "alias")], affiliations=[("org_dck", "member")])
victim("b_akhmetov", "Bekzhan Akhmetov", "m", ["activist"], [("Бекжан Ахметов", "ru", "alias")], "plc_atyrau")
victim("jardemali", "Botagoz Jardemali", "f", ["lawyer"], [("Botagoz Zhardemali", "en", "transliteration"), ("Ботагоз Жардемали", "ru", "alias")])
victim("yerimbetov", "Iskander Yerimbetov", "m", ["businessperson"], [("Искандер Еримбетов", "ru", "alias")],
       relations=[("sibling_of", "per_jardemali")])
victim("tokmadi", "Tokmadi", "m", ["businessperson"], [("Токмади", "ru", "alias")])
victim("ashim", "Ardak Ashim", "f", ["activist", "blogger"], [("Ардак Ашим", "ru", "alias"), ("Ардақ Әшім", "kk", "alias")], "plc_shymkent")
victim("ashimova", "Aynura Ashimova", "f", ["relative"], [("Айнура Ашимова", "ru", "alias")], "plc_shymkent",
       relations=[("child_of", "per_ashim")])
victim("ulasik", "Natalia Ulasik", "f", ["activist"], [("Наталья Уласик", "ru", "alias")])
victim("mukhortova", "Zinaida Mukhortova", "f", ["activist"], [("Зинаида Мухортова", "ru", "alias")])
victim("ablyazov", "Mukhtar Ablyazov", "m", ["politician"], [("Мухтар Аблязов", "ru", "alias"), ("Мұхтар Әблязов", "kk", "alias")],
       doc=[ODF, UA], affiliations=[("org_dck", "founder")])
# The two people UA 63/18 mentions who asked not to be named.
for i, letter in ((1, "A"), (2, "B")):
    V[f"anon{i}"] = f"per_anonymous_ua63_{letter.lower()}"
    person(V[f"anon{i}"], f"Anonymous detainee {letter} (UA 63/18)", None, [], [], None, UA, sensitivity="confidential",
           consent="refused", notes="Asked to remain anonymous; identity known to KIBHR.")

# Persons: victims, 2015–2016 (Amnesty International briefing) ----------------------------------------
victim("bokaev", "Maks Bokaev", "m", ["human_rights_defender", "activist"],
       [("Maksim Bokaev", "en", "alias"), ("Max Bokayev", "en", "transliteration"), ("Макс Бокаев", "ru", "alias")], "plc_atyrau", AI17)
victim("ayan", "Talgat Ayan", "m", ["human_rights_defender", "activist"], [("Талгат Аян", "ru", "alias")], "plc_atyrau", AI17)
victim("narymbaev", "Yermek Narymbaev", "m", ["activist"], [("Ермек Нарымбаев", "ru", "alias")], doc=AI17)
victim("mambetalin", "Serikzhan Mambetalin", "m", ["activist"], [("Серикжан Мамбеталин", "ru", "alias")], doc=AI17)
victim("baikenov", "Saken Baikenov", "m", ["activist"], [("Сакен Байкенов", "ru", "alias")], "plc_astana", AI17,
       affiliations=[("org_antigeptil", "member")])
victim("shevtsova_valova", "Tatiana Shevtsova-Valova", "f", [], [("Татьяна Шевцова-Валова", "ru", "alias")], "plc_almaty", AI17)
victim("semyonova", "Elena Semyonova", "f", ["human_rights_defender"], [("Yelena Semenova", "en", "transliteration"), ("Елена Семенова", "ru", "alias")], doc=AI17)
victim("baidalinova", "Guzyal Baidalinova", "f", ["journalist"], [("Гузяль Байдалинова", "ru", "alias")], "plc_almaty", AI17,
       affiliations=[("org_nakanune", "owner")])
victim("kozlova", "Yulia Kozlova", "f", ["journalist"], [("Юлия Козлова", "ru", "alias")], "plc_almaty", AI17,
       affiliations=[("org_nakanune", "journalist")])
victim("sharipbaev", "Ayan Sharipbaev", "m", ["journalist"], [("Аян Шарипбаев", "ru", "alias")], "plc_almaty", AI17,
       affiliations=[("org_adam", "editor-in-chief")])
victim("ospan", "Fariza Ospan", "f", ["blogger"], [("Фариза Оспан", "ru", "alias")], "plc_almaty", AI17)

# Events --------------------------------------------------------------------------------------------
def event(uid, event_type, title, start, end=None, places=(), tallies=(), links=(), doc=ODF, description=None):
    records.append({"type": "event", "id": uid, "event_type": event_type, "title": title, "start": start, "end": end,
                    "description": description, "places": list(places),
                    "tallies": [{"act_type": t, "min": lo, "max": hi, "place": p} for t, lo, hi, p in tallies],
                    "links": [{"relation": r, "event": e} for r, e in links], "sensitivity": "public",
                    "citations": [cite(d) for d in ([doc] if isinstance(doc, str) else doc)]})


event("evt_dck_ban", "ban", "Court bans the Democratic Choice of Kazakhstan as extremist", "2018-03-13", None, ["plc_astana"],
      links=[("causes", "evt_dck_warnings")], doc=[ODF, UA])
event("evt_dck_warnings", "crackdown", "Supporters of the DCK summoned and warned across Kazakhstan", "2018-03-13", "2018-04",
      ["plc_kz"], [("summoned", 16, None, None)], doc=[ODF, UA],
      description="Police and prosecutors summon activists, journalists and people who liked DCK posts and warn them of criminal liability.")
event("evt_blue_balloons", "crackdown", "Police stop people carrying blue balloons at Nauryz", "2018-03-21", "2018-03-22",
      ["plc_almaty", "plc_astana", "plc_atyrau", "plc_aktau", "plc_uralsk", "plc_pavlodar", "plc_saran", "plc_kokshetau"],
      [("detained", 2, None, None), ("attacked", 1, 1, "plc_almaty")], [("consequence_of", "evt_dck_ban")])
event("evt_social_media_blocking_2018", "internet_disruption", "Social networks disrupted to remove DCK material", "2018-03-20", None, ["plc_kz"])
event("evt_land_protests", "protest", "Protests against the Land Code amendments", "2016-04-24", "2016-05-21", ["plc_kz"],
      [("detained", 1000, None, None)], doc=[AI17, ODF])
event("evt_atyrau_rally", "protest", "Rally on Isatai-Makhambet Square, Atyrau", "2016-04-24", None,
      ["plc_isatai_makhambet_square"], links=[("part_of", "evt_land_protests")], doc=AI17,
      description="The first land protest; about a thousand people took part after permission was refused.")
event("evt_preemptive_arrests_2016", "crackdown", "Pre-emptive administrative arrests before the 21 May protests", "2016-05-16", "2016-05-20",
      ["plc_almaty", "plc_astana", "plc_talgar", "plc_atyrau", "plc_uralsk", "plc_semey", "plc_kokshetau", "plc_shymkent"],
      [("administrative_detention", 34, 34, None)], [("part_of", "evt_land_protests"), ("precedes", "evt_may21_dispersal")], doc=AI17)
event("evt_may21_dispersal", "dispersal", "Protests of 21 May 2016 prevented and dispersed", "2016-05-21", None,
      ["plc_almaty", "plc_astana", "plc_karaganda", "plc_uralsk", "plc_aktobe", "plc_atyrau", "plc_kostanay", "plc_pavlodar"],
      [("detained", 300, 500, "plc_almaty"), ("detained", 55, 55, None)], [("part_of", "evt_land_protests")], doc=AI17,
      description="Hundreds detained in Almaty; 55 journalists covering the protests detained; YouTube, Periscope and Radio Azattyq blocked.")
event("evt_bokaev_ayan_trial", "trial", "Trial of Maks Bokaev and Talgat Ayan", "2016-10-12", "2016-11-28", ["plc_atyrau"],
      links=[("consequence_of", "evt_preemptive_arrests_2016")], doc=AI17)
event("evt_zhanaozen", "dispersal", "Zhanaozen: police open fire on striking oil workers", "2011-12-16", None, ["plc_zhanaozen"],
      [("detained", 200, None, None), ("ill_treatment", 100, None, None)], doc=AI17,
      description="Fourteen people killed; hundreds detained, many tortured or ill-treated.")
event("evt_respublika_closures", "ban", "Prosecutors seek closure of the Respublika media group", "2012-11", None, ["plc_almaty"],
      [("closed", 31, None, None)], [("consequence_of", "evt_zhanaozen")], doc=AI17,
      description="Eight print outlets and 23 websites of one media group, plus other outlets, accused of extremism.")

# Acts -----------------------------------------------------------------------------------------------
police, prosecutors, nsc = ("org_mia", "carried_out"), ("org_gpo", "ordered"), ("org_nsc", "carried_out")
WARNED = "Summoned to a police station and handed a written warning of criminal liability for supporting the DCK."
for key in ["toregozhina", "ageleuov", "kaliyev", "shayakhmetova", "insenova", "shaygumarov", "aldabergenov", "ismailov",
            "kayipnazar", "izmaylov", "musauly", "kuanyshalin", "zhanuzakov", "medeuov", "sadykova", "sultanbekov"]:
    act(V[key], "summoned", "2018-03", perpetrators=[police, prosecutors], event="evt_dck_warnings", description=WARNED)
act(V["insenova"], "threatened", "2018-03", "plc_almaty", perpetrators=[police], event="evt_dck_warnings",
    description="Police warned that her daughter might not be allowed to graduate from university.")
for key in ["sadykova", "shaygumarov", "aldabergenov", "musauly"]:
    act(V[key], "threatened", "2018-03", perpetrators=[police], event="evt_dck_warnings",
        description="Threatened at the police station with prosecution for extremism for liking DCK posts.")
act(V["marmalidi"], "summoned", "2018-03", "plc_kostanay_region", perpetrators=[("org_gpo", "carried_out"), nsc],
    event="evt_dck_warnings", description="Questioned by a prosecutor and an NSC officer; made to write a note renouncing his views.")
BALLOON = "Stopped by police for carrying blue balloons during Nauryz; identity and phone data recorded."
for key, plc in [("nurumov", "plc_almaty"), ("miranbek", "plc_atyrau"), ("sarsen", "plc_aktau"), ("kayipnazar", "plc_aktau"),
                 ("bizhanov", "plc_uralsk"), ("amangeldy", "plc_pavlodar"), ("surabaldiyeva", "plc_astana"), ("bekishev", "plc_astana")]:
    act(V[key], "summoned", "2018-03-21", plc, perpetrators=[police, ("org_local_police", "carried_out")], event="evt_blue_balloons",
        description=BALLOON, date_end="2018-03-22")
act(V["amirkhanov"], "detained", "2018-03-21", "plc_astana", perpetrators=[police], event="evt_blue_balloons", date_end="2018-03-22",
    description="Held briefly in a police bus while reporting for Radio Azattyq.")
act(V["b_akhmetov"], "detained", "2018-03-21", "plc_atyrau", perpetrators=[police], event="evt_blue_balloons",
    description="Held for several hours at a police station, accused of sticking up leaflets.")
act(V["b_akhmetov"], "released", "2018-03-21", "plc_atyrau", event="evt_blue_balloons")
act(V["ismailov"], "detained", "2018-03-22", "plc_saran", perpetrators=[police], event="evt_blue_balloons",
    description="Held for several hours at a police station; told he might be carrying drugs.")
act(V["ismailov"], "released", "2018-03-22", "plc_saran", event="evt_blue_balloons")
act(V["kayipnazar"], "detained", "2018-02", "plc_mangystau", perpetrators=[police],
    description="Detained for putting up leaflets; told to pay a fine without any written decision, which he refused.")
act(V["sadykova"], "investigated", "2018-03", "plc_astana", ["CC-174:suspected"], perpetrators=[("org_nsc", "investigated")],
    description="Search warrant issued in a criminal case over DCK material in a Telegram group.")
act(V["zhumatayev"], "investigated", "2018-03", "plc_almaty", ["CC-266:suspected"],
    perpetrators=[("per_yerzhanova", "investigated"), ("org_almaty_dia", "investigated")],
    description="Notice of suspicion for having administered the 'DCK Activist' Telegram group.")
tob_arrest = act(V["tobylova"], "arrested", "2018-03-13", "plc_almaty", ["CC-258:suspected"], perpetrators=[police], doc=[ODF, UA])
tob_charge = act(V["tobylova"], "charged", "2018-03", "plc_almaty", ["CC-258:charged"], perpetrators=[("org_almaty_dia", "investigated")],
                 doc=[ODF, UA], description="Accused of financing an extremist organisation for reading and discussing the DCK's website.")
tob_house = act(V["tobylova"], "house_arrest", "2018-03-15", "plc_almaty", court="org_almaly_court",
                perpetrators=[("org_almaly_court", "judged")], doc=[ODF, UA],
                description="House arrest, as she was pregnant; forbidden to use the phone or the internet or to leave home.")
act(V["kamalbekov"], "investigated", "2018-03", description="Criminal case over support for the DCK.")
act(V["toychiyev"], "investigated", "2018-03", description="Criminal case over support for the DCK.")
for key in ["zhumagulov", "abishev"]:
    act(V[key], "charged", "2017-11", description="Accused of terrorism; the case resembles entrapment.", perpetrators=[("org_nsc", "investigated")])
    act(V[key], "pretrial_detention", "2017-11", perpetrators=[("org_nsc", "carried_out")])
act(V["zh_akhmetova"], "investigated", "2017", perpetrators=[("org_gpo", "prosecuted")], description="Prosecuted by Kazakhstan, which used INTERPOL to find her.")
act(V["zh_akhmetova"], "arrested", "2017-10", "plc_ua", description="Arrested in Ukraine at Kazakhstan's request.")
act(V["zh_akhmetova"], "extradition_sought", "2017-10", "plc_ua", perpetrators=[("org_gpo", "ordered")])
act(V["zh_akhmetova"], "released", "2017-11", "plc_ua")
act(V["yerimbetov"], "pretrial_detention", None, perpetrators=[nsc])
act(V["yerimbetov"], "ill_treatment", None, perpetrators=[nsc], description="Tortured in custody, confirmed by human rights defenders who visited him; denied by the authorities.")
act(V["yerimbetov"], "threatened", None, perpetrators=[nsc], description="Pressed to make his sister return to Kazakhstan and testify against Ablyazov.")
act(V["jardemali"], "threatened", None, perpetrators=[nsc], description="Targeted through pressure on her detained brother.")
act(V["tokmadi"], "pretrial_detention", None)
act(V["tokmadi"], "ill_treatment", None, description="Ill-treated in detention before a public 'confession' implicating Ablyazov.")
act(V["ashim"], "interrogated", "2018-03-31", "plc_shymkent", perpetrators=[("per_syzdykov", "investigated")])
act(V["ashim"], "investigated", "2018-03-31", "plc_shymkent", ["CC-174:suspected"], perpetrators=[("per_syzdykov", "investigated")],
    description="Accused of inciting social discord over critical Facebook comments; asked about the DCK.")
act(V["ashim"], "psychiatric_detention", "2018-03-31", "plc_shymkent_psychiatric_clinic", [],
    perpetrators=[("per_aynabekov", "judged"), ("per_onalbayev", "carried_out"), ("per_tuymebayev", "ordered")],
    description="Forcibly placed in a psychiatric hospital by a court order issued without her, her lawyers or "
                "relatives, contrary to CCP-67 (mandatory defence counsel).")
act(V["ashimova"], "threatened", "2018-04", "plc_shymkent", perpetrators=[("per_onalbayev", "carried_out")],
    description="The chief doctor threatened the family and barred them from visiting her mother.")
act(V["ulasik"], "psychiatric_detention", None)
act(V["mukhortova"], "psychiatric_detention", None)
act(V["mukhortova"], "released", None, description="Released after international pressure.")
act(V["ablyazov"], "investigated", "2009", doc=UA, description="Accused of financial crimes after the state took over BTA Bank.")
act(V["ablyazov"], "extradition_sought", None, date_end="2016-12", description="France refused extradition in December 2016, finding the prosecution politically motivated.")
for i in (1, 2):
    act(V[f"anon{i}"], "detained", "2018-03", doc=UA, sensitivity="confidential", description="Detained in the crackdown on DCK supporters.")
act("org_dck", "registration_denied", None, doc=UA, description="Repeatedly refused registration since its founding in 2001.")
act("org_dck", "banned", "2005", doc=ODF, description="The earlier DCK was declared extremist by a court.")
act("org_dck", "banned", "2018-03-13", "plc_astana", ["CC-405"], perpetrators=[("org_yesil_court", "judged"), ("org_gpo", "prosecuted")],
    court="org_yesil_court", event="evt_dck_ban", doc=[ODF, UA], status="confirmed",
    description="Declared extremist at the General Prosecutor's request, behind closed doors.")
act("org_dck", "blocked", "2018-03-20", perpetrators=[("org_min_info", "carried_out")], event="evt_social_media_blocking_2018",
    description="DCK material made unavailable on VKontakte and Odnoklassniki and partly removed from Instagram and Telegram.")
act("org_alga", "banned", None, description="Declared extremist by a court.")

# Acts, 2015–2016 (Amnesty International briefing) -----------------------------------------------------
ADM = {"kind": "administrative_detention", "amount": 15, "unit": "days"}
FIVE_YEARS = {"kind": "imprisonment", "amount": 5, "unit": "years"}
for key in ["bokaev", "ayan"]:
    v = V[key]
    act(v, "administrative_detention", "2016-05-17", "plc_atyrau", ["AOC-488:convicted"], ADM, [police], AI17,
        event="evt_preemptive_arrests_2016", status="confirmed")
    act(v, "charged", "2016-05-21", "plc_atyrau", ["CC-179:charged", "CC-174:charged", "CC-274:charged", "CC-400:charged"],
        perpetrators=[("org_gpo", "prosecuted")], doc=AI17, status="confirmed")
    act(v, "pretrial_detention", "2016-05-21", "plc_atyrau_pretrial_centre", doc=AI17, status="confirmed")
    act(v, "charged", "2016-09-25", "plc_atyrau", ["CC-174:charged", "CC-274:charged", "CC-400:charged", "CC-179:dropped"],
        perpetrators=[("org_gpo", "prosecuted")], doc=AI17, description="Charge sheet; the charge under CC-179 was dropped.")
    act(v, "tried", "2016-10-12", "plc_atyrau", court="org_atyrau_city_court_2", perpetrators=[("org_atyrau_city_court_2", "judged")],
        doc=AI17, event="evt_bokaev_ayan_trial", date_end="2016-11-28", description="The trial fell short of fair-trial standards.")
    act(v, "sentenced", "2016-11-28", "plc_atyrau", ["CC-174:convicted", "CC-274:convicted", "CC-400:convicted"], FIVE_YEARS,
        [("org_atyrau_city_court_2", "judged")], AI17, court="org_atyrau_city_court_2", event="evt_bokaev_ayan_trial", status="confirmed")
    act(v, "sentenced", "2017-01-20", "plc_atyrau", ["CC-174:convicted", "CC-274:convicted", "CC-400:convicted"], FIVE_YEARS,
        [("org_atyrau_regional_court", "judged")], AI17, court="org_atyrau_regional_court", status="confirmed",
        description="Appeal rejected; the five-year sentence upheld.")
    act(v, "imprisoned", "2017-01-20", doc=AI17, status="confirmed")
act(V["bokaev"], "ill_treatment", "2016-10-18", "plc_atyrau", doc=AI17,
    description="Denied the treatment he needs for chronic tuberculosis in pre-trial detention; taken ill in court.")
act(V["toregozhina"], "detained", "2016-05", "plc_almaty", perpetrators=[police], doc=AI17, event="evt_preemptive_arrests_2016",
    description="Taken from her flat by police over a Facebook post against the sale of land.")
act(V["toregozhina"], "administrative_detention", "2016-05", "plc_almaty", ["AOC-488:convicted"],
    {"kind": "administrative_detention", "amount": None, "unit": "days"}, [("org_almaty_admin_court", "judged")], AI17,
    court="org_almaty_admin_court", event="evt_preemptive_arrests_2016", status="confirmed",
    description="A hearing of under five minutes with a state-appointed lawyer; 10 to 15 days, as for the others arrested.")
for key, years in (("narymbaev", 3), ("mambetalin", 2)):
    act(V[key], "sentenced", "2016-01", None, ["CC-174:convicted"], {"kind": "imprisonment", "amount": years, "unit": "years"},
        doc=AI17, status="confirmed", description="For posting extracts of an unpublished book on Facebook.")
    act(V[key], "sentence_reduced", "2016", doc=AI17, description="Sentence shortened on appeal.")
act(V["baikenov"], "arrested", "2016-03", "plc_astana", ["CC-174:suspected"], doc=AI17)
act(V["baikenov"], "sentenced", "2016-04", "plc_astana", ["CC-174:convicted"], {"kind": "restriction_of_freedom", "amount": 2, "unit": "years"},
    doc=AI17, status="confirmed", description="For Facebook posts.")
act(V["shevtsova_valova"], "sentenced", "2015-03", "plc_almaty", ["CC-174:convicted"], {"kind": "suspended_sentence", "amount": 4, "unit": "years"},
    doc=AI17, status="confirmed")
act(V["semyonova"], "investigated", "2015", None, ["CC-274:suspected"], doc=AI17,
    description="Investigated for posting about ill-treatment she saw in a prison; not prosecuted in the end.")
act(V["baidalinova"], "searched", "2015-12", "plc_almaty", perpetrators=[police], doc=AI17)
act(V["baidalinova"], "arrested", "2015-12", "plc_almaty", ["CC-274:suspected"], perpetrators=[police, ("org_kazkommertsbank", "complained")], doc=AI17)
act(V["baidalinova"], "sentenced", "2016-05", "plc_almaty", ["CC-274:convicted"], {"kind": "imprisonment", "amount": 1.5, "unit": "years"},
    doc=AI17, status="confirmed")
act(V["baidalinova"], "sentence_reduced", "2016-07", "plc_almaty", doc=AI17, description="Converted to a suspended sentence on appeal.")
act(V["kozlova"], "searched", "2015-12", "plc_almaty", perpetrators=[police], doc=AI17)
act(V["kozlova"], "arrested", "2015-12", "plc_almaty", perpetrators=[police], doc=AI17, description="Arrested on drugs charges.")
act(V["kozlova"], "acquitted", "2016-02", "plc_almaty", doc=AI17, status="confirmed")
act(V["ospan"], "dismissed", "2016-05-31", "plc_almaty", doc=AI17, description="Fired by her employer over her posts on the land protests.")
act("org_adam_bol", "closed", "2014-11-20", "plc_almaty", perpetrators=[("org_almaty_district_court", "judged")], doc=AI17, status="confirmed")
act("org_adam_bol", "closed", "2015-02", "plc_almaty", perpetrators=[("org_almaty_city_court", "judged")], doc=AI17, status="confirmed",
    description="Appeal rejected; closure made permanent.")
act("org_adam", "suspended", "2015-09-25", "plc_almaty", doc=AI17, status="confirmed", description="Three-month suspension over its publication language.")
act("org_adam", "closed", "2015-10", "plc_almaty", perpetrators=[("org_medeu_prosecutor", "prosecuted")], doc=AI17, status="confirmed",
    description="Closed for continuing to publish on Facebook during the suspension.")
for key in ["org_respublika", "org_golos_respubliki"]:
    act(key, "investigated", "2012-11", "plc_almaty", perpetrators=[("org_almaty_prosecutor", "prosecuted")], doc=AI17, event="evt_respublika_closures")
    act(key, "closed", "2012", "plc_almaty", doc=AI17, event="evt_respublika_closures")
act("org_assandi_times", "closed", "2014", "plc_almaty", doc=AI17)
act("org_nakanune", "searched", "2015-12", "plc_almaty", perpetrators=[police], doc=AI17)
act("org_nakanune", "civil_lawsuit", "2015", "plc_almaty", perpetrators=[("org_kazkommertsbank", "complained")], doc=AI17)
for key in ["org_azattyq", "org_youtube", "org_periscope"]:
    act(key, "blocked", "2016-05-21", "plc_kz", doc=AI17, event="evt_may21_dispersal", description="Access temporarily blocked.")

# Recognitions -----------------------------------------------------------------------------------------------
for key, date, doc in (("tobylova", "2018-03-27", UA), ("bokaev", "2017", AI17), ("ayan", "2017", AI17)):
    records.append({"type": "recognition", "id": f"rcg_ai_{key}", "person": V[key], "organization": "org_amnesty",
                    "status": "prisoner_of_conscience", "date": date, "criteria": "Amnesty International prisoner of conscience",
                    "criteria_version": None, "reasons": "Prosecuted solely for peacefully exercising the right to freedom of expression.",
                    "sensitivity": "public", "citations": [cite(doc)]})

# Targets -----------------------------------------------------------------------------------------------------
SALUTATIONS = {  # English salutation -> (Russian, Kazakh), our own wording
    "Dear Prosecutor General": ("Уважаемый Генеральный прокурор", "Құрметті Бас прокурор"),
    "Dear Ambassador": ("Уважаемый господин Посол", "Құрметті Елші мырза"),
    "Dear Minister": ("Уважаемый господин Министр", "Құрметті Министр мырза"),
    "Dear Chairman": ("Уважаемый господин Председатель", "Құрметті Төраға мырза"),
    "Dear Ombudsman": ("Уважаемый Уполномоченный по правам человека", "Құрметті Адам құқықтары жөніндегі уәкіл"),
}


def target(uid, office, holder, organisation, address, fax=None, emails=(), phone=None, salutation=None, valid_from=None):
    ru, kk = SALUTATIONS.get(salutation, (None, None))
    local = LOCAL.get(uid, {})
    records.append({"type": "target", "id": uid, "office": office, "office_ru": local.get("ru", (None,))[0],
                    "office_kk": local.get("kk", (None,))[0], "holder": holder, "holder_name": None,
                    "organization": organisation, "address": list(address),
                    "address_ru": list(local.get("ru", (None, []))[1]), "address_kk": list(local.get("kk", (None, []))[1]),
                    "fax": fax, "emails": list(emails),
                    "phone": phone, "salutation": salutation, "salutation_ru": ru, "salutation_kk": kk,
                    "through_authorities": not uid.startswith(DOMESTIC),
                    "valid_from": valid_from, "valid_to": None, "sensitivity": "public"})


# Offices in Kazakhstan act themselves; every other target (UN, EU, OSCE, PACE, foreign governments, an
# embassy abroad) is asked to call on the Kazakh authorities. Office and address in Russian and Kazakh (our
# rendering of the same street addresses) for the offices in Kazakhstan.
DOMESTIC = ("tgt_prosecutor_general", "tgt_interior_minister", "tgt_nsc_chairman", "tgt_presidential_administration",
            "tgt_ombudsman", "tgt_information_minister", "tgt_justice_minister")
KZ_RU, KZ_KK = "г. Астана, 010000", "Астана қ., 010000"
LOCAL = {
    "tgt_prosecutor_general_ua6318": {
        "ru": ("Генеральный прокурор Республики Казахстан", ["ул. Орынбор, 14", KZ_RU, "Республика Казахстан"]),
        "kk": ("Қазақстан Республикасының Бас прокуроры", ["Орынбор көшесі, 14", KZ_KK, "Қазақстан Республикасы"])},
    "tgt_prosecutor_general_odf": {
        "ru": ("Генеральный прокурор Республики Казахстан", ["пр. Мангилик Ел, 14", KZ_RU, "Республика Казахстан"]),
        "kk": ("Қазақстан Республикасының Бас прокуроры", ["Мәңгілік Ел даңғылы, 14", KZ_KK, "Қазақстан Республикасы"])},
    "tgt_interior_minister": {
        "ru": ("Министр внутренних дел", ["пр. Тауелсиздик, 1", KZ_RU]),
        "kk": ("Ішкі істер министрі", ["Тәуелсіздік даңғылы, 1", KZ_KK])},
    "tgt_nsc_chairman": {
        "ru": ("Председатель Комитета национальной безопасности", ["ул. Кенесары, 31/33", KZ_RU]),
        "kk": ("Ұлттық қауіпсіздік комитетінің төрағасы", ["Кенесары көшесі, 31/33", KZ_KK])},
    "tgt_presidential_administration": {
        "ru": ("Администрация Президента", ["Дом Правительства", "ул. Мангилик Ел, 6", KZ_RU]),
        "kk": ("Президент Әкімшілігі", ["Үкімет үйі", "Мәңгілік Ел көшесі, 6", KZ_KK])},
    "tgt_ombudsman": {
        "ru": ("Уполномоченный по правам человека", ["Дом министерств", "Левый берег", KZ_RU]),
        "kk": ("Адам құқықтары жөніндегі уәкіл", ["Министрліктер үйі", "Сол жағалау", KZ_KK])},
    "tgt_information_minister": {
        "ru": ("Министр информации и коммуникаций", ["Дом министерств, подъезд 14", "ул. Мангилик Ел, 8", KZ_RU]),
        "kk": ("Ақпарат және коммуникациялар министрі", ["Министрліктер үйі, 14-кіреберіс", "Мәңгілік Ел көшесі, 8", KZ_KK])},
    "tgt_justice_minister": {
        "ru": ("Министр юстиции", ["Дом министерств", "ул. Мангилик Ел, 8, Левый берег", KZ_RU]),
        "kk": ("Әділет министрі", ["Министрліктер үйі", "Мәңгілік Ел көшесі, 8, Сол жағалау", KZ_KK])},
    "tgt_ambassador_usa": {"ru": ("Посол Казахстана в США", []), "kk": ("Қазақстанның АҚШ-тағы елшісі", [])},
}


target("tgt_prosecutor_general_ua6318", "Prosecutor General", "per_kozhamzharov", "org_gpo",
       ["14 Orynbor Street", "Astana, 010000", "Republic of Kazakhstan"], "+7 7172 506 402", salutation="Dear Prosecutor General")
target("tgt_ambassador_usa", "Ambassador of Kazakhstan to the United States", "per_kazykhanov", "org_kz_embassy_us",
       ["Embassy of the Republic of Kazakhstan", "1401 16th St NW", "Washington DC 20036", "USA"], None,
       ["washington@mfa.kz", "kzconsuldc@gmail.com"], "+1 202 232 5488", "Dear Ambassador")
KZ = "Astana, 010000"
target("tgt_prosecutor_general_odf", "Prosecutor General", "per_kozhamzharov", "org_gpo", ["14 Mangilik Yel", KZ, "Republic of Kazakhstan"],
       None, ["Gp-rk@prokuror.kz", "procuror@nursat.kz"], salutation="Dear Prosecutor General")
target("tgt_interior_minister", "Minister of Internal Affairs", "per_kasymov", "org_mia", ["1 Prospekt Tauelsizdik", KZ], None, ["Kense@mvd.kz"], salutation="Dear Minister")
target("tgt_nsc_chairman", "Chairman of the National Security Committee", "per_masimov", "org_nsc", ["31/33 Kenesary Street", KZ], None, ["press@knb.kz"], salutation="Dear Chairman")
target("tgt_presidential_administration", "Administration of the President", None, "org_presidential_administration",
       ["Government House", "6 Mangilik El Street", KZ], None, ["aprk@akorda.kz"], salutation="Dear Sir or Madam")
target("tgt_ombudsman", "Ombudsman", "per_shakirov", "org_ombudsman", ["House of Ministries", "Left Bank", KZ], None,
       ["ombudsman-kz@mail.ru", "npm_ombudsman@mail.ru"], salutation="Dear Ombudsman")
target("tgt_information_minister", "Minister of Information and Communication", "per_abayev", "org_min_info",
       ["House of Ministries, entrance 14", "8 Mangilik El Street", KZ], None, ["pressa@mob.gov.kz", "mic@mic.gov.kz"], salutation="Dear Minister")
target("tgt_justice_minister", "Minister of Justice", "per_beketayev", "org_min_justice", ["House of Ministries", "8 Mangilik El Street, Left Bank", KZ],
       None, ["kanc@adilet.gov.kz", "pressgov@mail.ru"], salutation="Dear Minister")
target("tgt_ep_president", "President of the European Parliament", "per_tajani", "org_european_parliament",
       ["Bât. Paul-Henri Spaak 09B011", "Rue Wiertz / Wiertzstraat 60", "1047 Brussels", "Belgium"], None,
       ["antonio.tajani@europarl.europa.eu"], "+32 2 28 45503", "Dear President")
target("tgt_ec_president", "President of the European Commission", "per_juncker", "org_european_commission",
       ["Rue de la Loi / Wetstraat 200", "1049 Brussels", "Belgium"], None, ["president.juncker@ec.europa.eu"], salutation="Dear President")
target("tgt_council_president", "President of the European Council", "per_tusk", "org_european_council",
       ["Rue de la Loi / Wetstraat 175", "1048 Brussels", "Belgium"], None, ["donald.tusk@european-council.europa.eu"], "+32 2 28 15650", "Dear President")
target("tgt_eu_high_representative", "EU High Representative for Foreign Affairs and Security Policy", "per_mogherini", "org_eeas",
       ["Rue de la Loi / Wetstraat 200", "1049 Brussels", "Belgium"], None, ["federica.mogherini@ec.europa.eu"], "+32 2 584 11 11", "Dear High Representative")
target("tgt_afet_chair", "Chair of the European Parliament Committee on Foreign Affairs", "per_mcallister", "org_european_parliament",
       ["Bât. Altiero Spinelli 05E240", "Rue Wiertz / Wiertzstraat 60", "1047 Brussels", "Belgium"], None,
       ["david.mcallister@europarl.europa.eu"], "+32 2 28 45323", "Dear Chair")
target("tgt_droi_chair", "Chair of the European Parliament Subcommittee on Human Rights", "per_panzeri", "org_european_parliament",
       ["Bât. Altiero Spinelli 11G354", "Rue Wiertz / Wiertzstraat 60", "1047 Brussels", "Belgium"], None,
       ["pierantonio-panzeri@europarl.europa.eu"], "+32 2 28 45846", "Dear Chair")
target("tgt_eusr_human_rights", "EU Special Representative for Human Rights", "per_lambrinidis", "org_eeas", [], None,
       ["stavros.lambrinidis@ext.eeas.europa.eu"], "+32 2 584 230", "Dear Special Representative")
target("tgt_osce_pa_president", "President of the OSCE Parliamentary Assembly", "per_tsereteli", "org_osce_pa",
       ["Neustiftgasse 3/8", "1070 Vienna", "Austria"], None, [], "+43 1 523 3002", "Dear President")
target("tgt_osce_pa_democracy_chair", "Chair of the OSCE PA Committee on Democracy, Human Rights and Humanitarian Questions",
       "per_sanchez_amor", "org_osce_pa", [], None, ["cristina.casado@gps.congreso.es"], "+34 91 390 6919", "Dear Chair")
target("tgt_coe_secretary_general", "Secretary General of the Council of Europe", "per_jagland", "org_council_of_europe", [], None,
       ["thorbjorn.jagland@coe.int"], "+33 3 88 41 20 00", "Dear Secretary General")
target("tgt_pace_president", "President of PACE", "per_nicoletti", "org_pace", [], None, ["nicoletti_m@camera.it"], salutation="Dear President")
target("tgt_un_high_commissioner", "UN High Commissioner for Human Rights", "per_zeid", "org_ohchr",
       ["Palais des Nations", "CH-1211 Geneva 10", "Switzerland"], None, [], "+41 22 917 9220", "Dear High Commissioner")
target("tgt_sr_expression", "UN Special Rapporteur on freedom of opinion and expression", "per_kaye", "org_ohchr",
       ["Palais des Nations", "CH-1211 Geneva 10", "Switzerland"], None, ["freedex@ohchr.org"], salutation="Dear Special Rapporteur")
target("tgt_sr_assembly", "UN Special Rapporteur on freedom of peaceful assembly and of association", "per_ciampi", "org_ohchr",
       ["Palais des Nations", "CH-1211 Geneva 10", "Switzerland"], None, ["freeassembly@ohchr.org"], salutation="Dear Special Rapporteur")
target("tgt_wgad", "UN Working Group on Arbitrary Detention", None, "org_wgad",
       ["United Nations Office at Geneva", "8-14 avenue de la Paix", "1211 Geneva 10", "Switzerland"], None, ["wgad@ohchr.org"], salutation="Dear Members of the Working Group")
target("tgt_canada_pm", "Prime Minister of Canada", "per_trudeau", "org_canada_pmo", ["80 Wellington Street", "Ottawa, ON K1A 0A2", "Canada"],
       salutation="Dear Prime Minister")

# The Urgent Action -------------------------------------------------------------------------------------------
records.append({
    "type": "urgent_action", "id": "ua_63_18", "number": "63/18", "update": 0,
    "title": "Kazakhstan: woman detained for reading an opposition website", "issued": "2018-03-27", "deadline": "2018-06-08",
    "issuer": "org_amnesty", "reference": "EUR 57/8122/2018",
    "persons": [V["tobylova"], V["anon1"], V["anon2"]], "acts": [tob_arrest, tob_charge, tob_house],
    "asks": ["Release Akmaral Tobylova at once and without conditions, and anyone else held only for peacefully exercising their rights.",
             "End the criminal proceedings against her and against others accused under anti-extremism law for peaceful expression.",
             "Narrow the over-broad anti-extremism provisions so they cannot be used against political opponents, and respect freedom of expression and association."],
    "background": "After a court in Astana declared the opposition Democratic Choice of Kazakhstan extremist on 13 March 2018, police across "
                  "the country warned people who showed support for it online. A court in Almaty placed Akmaral Tobylova under house arrest "
                  "on 15 March while she is investigated for allegedly financing an extremist group. Amnesty International considers her a "
                  "prisoner of conscience.",
    "languages": ["kk", "ru", "en"], "targets": [{"target": "tgt_prosecutor_general_ua6318", "kind": "to"}, {"target": "tgt_ambassador_usa", "kind": "to"}],
    "response": None, "impact": None, "status": "closed", "action_counts": {"letter": 0, "email": 0, "fax": 0, "call": 0, "tweet": 0, "social_media": 0},
    "action_reports": [], "sensitivity": "public"})


def main():
    header = {"type": "header", "format": "qorgau", "version": 1, "exported_at": "2026-11-22T00:00:00Z", "public": False,
              "description": "Qorgau demo dataset: facts from three published documents, in our own words."}
    order = ["organization", "document", "person", "event", "act", "recognition", "target", "urgent_action"]
    rows = sorted(records + acts, key=lambda r: order.index(r["type"]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as stream:
        for row in [header] + rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    persons = sum(1 for r in rows if r["type"] == "person")
    print(f"wrote {OUT}: {persons} persons, {len(acts)} acts, {len(rows)} records")


if __name__ == "__main__":
    main()
