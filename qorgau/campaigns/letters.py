"""Appeal letters to a target, in English, Russian and Kazakh, filled from the record.

A pipeline of small pure functions over plain data: `case_facts()` reads the
record once; `write_letter()` only formats. The wording is ours: courteous, firm,
and limited to facts the record holds.
"""

from dataclasses import dataclass, field

from qorgau.lib.language import detect_language
from qorgau.records.models import GROUP_OF

LANGUAGES = ("en", "ru", "kk")

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"],
    "ru_in": ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
              "ноябре", "декабре"],
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
           "қараша", "желтоқсан"],
    "kk_in": ["қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда",
              "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"],
}

# What was done, as a predicate: English; Russian (masculine, feminine); Kazakh.
ACTS = {
    "detained": ("was detained", ("был задержан", "была задержана"), "ұсталды"),
    "arrested": ("was arrested", ("был арестован", "была арестована"), "қамауға алынды"),
    "administrative_detention": ("was placed in administrative detention",
                                 ("был подвергнут административному аресту", "была подвергнута административному аресту"),
                                 "әкімшілік қамауға алынды"),
    "pretrial_detention": ("was remanded in pre-trial detention", ("был помещён под стражу", "была помещена под стражу"),
                           "тергеу изоляторына қамалды"),
    "house_arrest": ("was placed under house arrest", ("был помещён под домашний арест", "была помещена под домашний арест"),
                     "үй қамағына алынды"),
    "psychiatric_detention": ("was forcibly placed in a psychiatric hospital",
                              ("был принудительно помещён в психиатрическую больницу",
                               "была принудительно помещена в психиатрическую больницу"),
                              "психиатриялық ауруханаға күштеп орналастырылды"),
    "imprisoned": ("was imprisoned", ("был заключён под стражу", "была заключена под стражу"), "бас бостандығынан айырылды"),
    "investigated": ("became the subject of a criminal investigation",
                     ("стал фигурантом уголовного дела", "стала фигуранткой уголовного дела"), "қылмыстық іске тартылды"),
    "charged": ("was charged", ("был обвинён", "была обвинена"), "айыпталды"),
    "tried": ("was put on trial", ("предстал перед судом", "предстала перед судом"), "сотқа тартылды"),
    "sentenced": ("was sentenced", ("был осуждён", "была осуждена"), "сотталды"),
    "fined": ("was fined", ("был оштрафован", "была оштрафована"), "айыппұл салынды"),
    "summoned": ("was summoned and warned by the police", ("был вызван в полицию и предупреждён",
                                                            "была вызвана в полицию и предупреждена"),
                 "полицияға шақырылып, ескерту алды"),
    "interrogated": ("was interrogated", ("был допрошен", "была допрошена"), "жауапқа алынды"),
    "searched": ("was searched", ("подвергся обыску", "подверглась обыску"), "тінтуге ұшырады"),
    "threatened": ("was threatened", ("подвергся угрозам", "подверглась угрозам"), "қорқытылды"),
    "ill_treatment": ("was ill-treated in custody", ("подвергся жестокому обращению", "подверглась жестокому обращению"),
                      "қатыгез қарым-қатынасқа ұшырады"),
    "released": ("was released", ("был освобождён", "была освобождена"), "босатылды"),
}

RELATION = {
    "suspected": ("on suspicion under", "по подозрению по", "бойынша күдікпен"),
    "charged": ("under", "по", "бойынша"),
    "convicted": ("under", "по", "бойынша"),
}

CODES = {  # English; Russian genitive; Kazakh genitive
    "CC": ("the Criminal Code", "Уголовного кодекса", "Қылмыстық кодекстің"),
    "AOC": ("the Code of Administrative Offences", "Кодекса об административных правонарушениях",
            "Әкімшілік құқық бұзушылық туралы кодекстің"),
    "CCP": ("the Code of Criminal Procedure", "Уголовно-процессуального кодекса", "Қылмыстық-процестік кодекстің"),
}

TEXT = {
    "en": {
        "opening": "I am writing to you about {names}.",
        "others": {1: "one other person whose name is withheld", "n": "{n} other people whose names are withheld"},
        "urge": "I respectfully urge you:",
        "urge_through": "I respectfully ask you to call on the authorities of Kazakhstan:",
        "release": "to release {names} immediately and unconditionally: no one should be deprived of liberty "
                   "for peacefully exercising their human rights;",
        "drop": "to end the criminal proceedings against {names} under {provisions};",
        "rights": "to protect {names} from torture and other ill-treatment, to guarantee a fair hearing, and to "
                  "respect the rights to freedom of expression, association and peaceful assembly that Kazakhstan "
                  "has undertaken to uphold under the International Covenant on Civil and Political Rights.",
        "closing": "Thank you for your attention to this matter.\n\nYours sincerely,",
        "and": " and ", "default_salutation": "Dear Sir or Madam",
    },
    "ru": {
        "opening": "Я обращаюсь к вам в связи с делом: {names}.",
        "others": {1: "ещё один человек, имя которого не раскрывается",
                   "n": "ещё {n} {people}, имена которых не раскрываются"},
        "urge": "Настоятельно прошу вас:",
        "urge_through": "Прошу вас призвать власти Казахстана:",
        "release": "немедленно и безоговорочно освободить {them}: никто не должен лишаться "
                   "свободы за мирное осуществление прав человека;",
        "drop": "прекратить {their} уголовное преследование по {provisions};",
        "rights": "защитить {them} от пыток и иного жестокого обращения, гарантировать "
                  "справедливое судебное разбирательство и соблюдать право на свободу выражения мнений, "
                  "объединений и мирных собраний, которое Казахстан обязался уважать по Международному пакту "
                  "о гражданских и политических правах.",
        "closing": "Благодарю вас за внимание к этому делу.\n\nС уважением,",
        "and": " и ", "default_salutation": "Уважаемый адресат",
    },
    "kk": {
        "opening": "Сізге мына іс бойынша хат жазып отырмын: {names}.",
        "others": {1: "аты-жөні жария етілмеген тағы бір адам", "n": "аты-жөні жария етілмеген тағы {n} адам"},
        "urge": "Сізден құрметпен сұраймын:",
        "urge_through": "Сізден Қазақстан билігін мынаған шақыруыңызды сұраймын:",
        "release": "{them} дереу және еш шартсыз босатуды: ешкім адам құқықтарын бейбіт "
                   "жүзеге асырғаны үшін бас бостандығынан айырылмауы тиіс;",
        "drop": "{to_them} {provisions} бойынша қозғалған қылмыстық қудалауды тоқтатуды;",
        "rights": "{them} азаптаудан және өзге де қатыгез қарым-қатынастан қорғауды, әділ сот "
                  "талқылауына кепілдік беруді, сондай-ақ Қазақстан Азаматтық және саяси құқықтар туралы "
                  "халықаралық пакт бойынша құрметтеуге міндеттенген сөз, бірлестік және бейбіт жиналыс "
                  "бостандығын сақтауды.",
        "closing": "Осы іске назар аударғаныңыз үшін алғыс білдіремін.\n\nҚұрметпен,",
        "and": " және ", "default_salutation": "Құрметті мырза/ханым",
    },
}


# How the asks refer back to the people named in the opening, so that one person is never "they".
# Russian: accusative (them) and possessive (their) by number and gender; Kazakh: accusative and dative.
PRONOUNS = {
    "ru": {"m": {"them": "его", "their": "его"}, "f": {"them": "её", "their": "её"},
           "": {"them": "этого человека", "their": "его"},
           "plural": {"them": "названных в этом письме", "their": "их"}},
    "kk": {"one": {"them": "оны", "to_them": "оған"},
           "plural": {"them": "осы хатта аталған адамдарды", "to_them": "оларға"}},
}


@dataclass
class ActFact:
    person: dict  # language -> name
    gender: str
    act_type: str
    date: str
    provisions: list = field(default_factory=list)  # (code, article, part, relation)


@dataclass
class CaseFacts:
    names: dict  # language -> [names]
    acts: list
    deprived: bool
    charges: list  # (code, article, part) still standing
    genders: list = field(default_factory=list)  # of the named persons
    withheld: int = 0  # persons the UA concerns whose names are withheld (placeholders the reader may see)
    asks: list = field(default_factory=list)  # the UA's own "What to ask for", as written
    asks_language: str = ""


def case_facts(ua, user=None):
    """Read once what a letter may say: public (or, for staff, visible) persons and accepted acts.

    Every value is read through the read policy (`Seen`): an act's date, type or provision, a person's gender
    (which picks the verb forms) and the UA's own asks kept above the reader's level are not in the letter."""
    from qorgau.records.models import Act
    from qorgau.records.policy import Reader, Seen

    from qorgau.lib.dates import partial_date_order
    from qorgau.lib.personnames import PLACEHOLDER

    reader = Reader(user)

    persons = list(ua.persons.visible_to(user).prefetch_related("names"))
    # "Anonymous detainee A" is how the record keeps someone whose name is withheld; a letter never names them.
    named = [p for p in persons if not PLACEHOLDER.search(p.name)]
    local = {p.pk: {lang: _local_name(p, lang) for lang in LANGUAGES} for p in named}
    names = {lang: [local[p.pk][lang] for p in named] for lang in LANGUAGES}
    acts = (Act.objects.visible_to(user).filter(urgent_actions=ua, victim_person__in=named, review="accepted")
            .select_related("victim_person").prefetch_related("act_provisions__provision")
            .order_by(*partial_date_order("date", reader=user), "id"))
    facts, standing, deprived = [], {}, False
    for stored in acts:
        act = Seen(stored, reader)  # a hidden provision is left out; a hidden date, type or gender is blank
        provisions = [(ap.provision.code, ap.provision.article, ap.provision.part, ap.relation)
                      for ap in act.act_provisions.all()]
        facts.append(ActFact(local[stored.victim_person_id], act.victim_person.gender or "", act.act_type or "",
                             act.date or "", provisions))
        for code, article, part, relation in provisions:
            if relation in {"suspected", "charged", "convicted"}:
                standing[(code, article, part)] = True
            elif relation in {"dropped", "acquitted"}:
                standing.pop((code, article, part), None)
        group = GROUP_OF.get(act.act_type)
        if group == "DEPRIVATION" or (act.act_type == "sentenced"):
            deprived = True
        elif group == "RELEASE":
            deprived = False
    asks = [a for a in (Seen(ua, reader).asks or []) if isinstance(a, str) and a.strip()]
    return CaseFacts(names=names, acts=facts, deprived=deprived, charges=list(standing),
                     genders=[Seen(p, reader).gender or "" for p in named], withheld=len(persons) - len(named), asks=asks,
                     asks_language=detect_language(" ".join(asks)))


def _local_name(person, lang):
    """The person's public name in that language, else the primary name."""
    if lang == "en":
        return person.name
    return next((n.name for n in person.names.all() if n.lang == lang and n.sensitivity == "public"),
                next((n.name for n in person.names.all() if n.lang == "ru" and n.sensitivity == "public"), person.name))


def format_date(value, lang):
    if not value:
        return ""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return {"en": f"In {parts[0]}", "ru": f"В {parts[0]} году", "kk": f"{parts[0]} жылы"}[lang]
    if len(parts) == 2:
        year, month = parts
        return {"en": f"In {MONTHS['en'][month - 1]} {year}",
                "ru": f"В {MONTHS['ru_in'][month - 1]} {year} года",
                "kk": f"{year} жылғы {MONTHS['kk_in'][month - 1]}"}[lang]
    year, month, day = parts
    return {"en": f"On {day} {MONTHS['en'][month - 1]} {year}", "ru": f"{day} {MONTHS['ru'][month - 1]} {year} года",
            "kk": f"{year} жылғы {day} {MONTHS['kk_in'][month - 1]}"}[lang]


def format_provision(code, article, part, lang):
    index = LANGUAGES.index(lang)
    code_name = CODES.get(code, (code, code, code))[index]
    if lang == "en":
        return (f"Part {part} of " if part else "") + f"Article {article} of {code_name}"
    if lang == "ru":
        return (f"ч. {part} " if part else "") + f"ст. {article} {code_name}"
    return f"{code_name} {article}-бабы" + (f" {part}-бөлігі" if part else "")


def join(items, lang):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + TEXT[lang]["and"] + items[-1]


def describe_act(fact, lang):
    phrases = ACTS.get(fact.act_type)
    if phrases is None:
        return ""
    index = LANGUAGES.index(lang)
    predicate = phrases[index]
    if lang == "ru":
        predicate = predicate[1] if fact.gender == "f" else predicate[0]
    provisions = [(c, a, p, r) for c, a, p, r in fact.provisions if r in RELATION]
    law = ""
    if provisions:
        relation = RELATION[provisions[0][3]][index]
        listed = join([format_provision(c, a, p, lang) for c, a, p, _ in provisions], lang)
        law = f" {relation} {listed}" if lang != "kk" else f" {listed} {relation}"
    when = format_date(fact.date, lang)
    person = fact.person[lang]
    if lang == "kk":
        return f"{when} {person}{law} {predicate}.".strip()
    return f"{when} {person} {predicate}{law}.".strip()


def _references(facts, lang):
    """The words the asks use for the people concerned: names in English, pronouns agreeing in number (and in
    Russian, gender) in Russian and Kazakh."""
    names = join(facts.names[lang], lang)
    count = len(facts.names[lang]) + facts.withheld
    if lang == "ru":
        gender = facts.genders[0] if count == 1 and facts.genders else ""
        words = PRONOUNS["ru"]["plural" if count != 1 else (gender if gender in ("m", "f") else "")]
    elif lang == "kk":
        words = PRONOUNS["kk"]["plural" if count != 1 else "one"]
    else:
        words = {}
    return {"names": names, **words}


def _opening_names(facts, lang):
    names = list(facts.names[lang])
    if facts.withheld:
        others = TEXT[lang]["others"]
        n = facts.withheld
        # Russian counts "2 человека", "5 человек"; the other languages ignore {people}.
        people = "человека" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else "человек"
        names.append(others[1] if n == 1 else others["n"].format(n=n, people=people))
    return join(names, lang)


def write_letter(facts, salutation, lang, *, through_authorities=False):
    """The whole letter as plain text.

    `through_authorities`: the target cannot act itself (a UN body, a foreign government, an embassy), so the
    letter asks it to call on the authorities of Kazakhstan rather than asking it to release anyone.
    """
    text = TEXT[lang]
    words = _references(facts, lang)
    paragraphs = [f"{salutation or text['default_salutation']},", text["opening"].format(names=_opening_names(facts, lang))]
    described = [d for d in (describe_act(f, lang) for f in facts.acts) if d]
    if described:
        paragraphs.append(" ".join(described))
    if facts.asks and facts.asks_language == lang:
        # The campaigner's own words, in the letter's language, come first and stand alone.
        asks = list(facts.asks)
    else:
        asks = []
        if facts.deprived:
            asks.append(text["release"].format(**words))
        if facts.charges:
            provisions = join([format_provision(c, a, p, lang) for c, a, p in facts.charges], lang)
            asks.append(text["drop"].format(provisions=provisions, **words))
        asks.append(text["rights"].format(**words))
    urge = text["urge_through"] if through_authorities else text["urge"]
    paragraphs.append(urge + "\n" + "\n".join(f"– {ask}" for ask in asks))
    paragraphs.append(text["closing"])
    return "\n\n".join(paragraphs)


def salutation_for(target, lang):
    if lang == "en":
        return target.salutation
    return getattr(target, f"salutation_{lang}", "") or ""


def office_for(target, lang):
    """The office and postal address in the letter's language when the directory has them, else as entered
    (an address abroad stays in the language of the country it goes to)."""
    if lang == "en":
        return target.office, list(target.address or [])
    office = getattr(target, f"office_{lang}", "") or target.office
    address = getattr(target, f"address_{lang}", None) or target.address or []
    return office, list(address)
