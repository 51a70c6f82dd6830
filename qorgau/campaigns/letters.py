"""Appeal letters to a target, in English, Russian and Kazakh, filled from the record.

A pipeline of small pure functions over plain data: `case_facts()` reads the
record once; `write_letter()` only formats. The wording is ours: courteous, firm,
and limited to facts the record holds.
"""

from dataclasses import dataclass, field

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
        "urge": "I respectfully urge you:",
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
        "urge": "Настоятельно прошу вас:",
        "release": "немедленно и безоговорочно освободить названных в этом письме: никто не должен лишаться "
                   "свободы за мирное осуществление прав человека;",
        "drop": "прекратить их уголовное преследование по {provisions};",
        "rights": "защитить названных в этом письме от пыток и иного жестокого обращения, гарантировать "
                  "справедливое судебное разбирательство и соблюдать право на свободу выражения мнений, "
                  "объединений и мирных собраний, которое Казахстан обязался уважать по Международному пакту "
                  "о гражданских и политических правах.",
        "closing": "Благодарю вас за внимание к этому делу.\n\nС уважением,",
        "and": " и ", "default_salutation": "Уважаемый адресат",
    },
    "kk": {
        "opening": "Сізге мына іс бойынша хат жазып отырмын: {names}.",
        "urge": "Сізден құрметпен сұраймын:",
        "release": "осы хатта аталған адамдарды дереу және еш шартсыз босатуды: ешкім адам құқықтарын бейбіт "
                   "жүзеге асырғаны үшін бас бостандығынан айырылмауы тиіс;",
        "drop": "оларға {provisions} бойынша қозғалған қылмыстық қудалауды тоқтатуды;",
        "rights": "аталған адамдарды азаптаудан және өзге де қатыгез қарым-қатынастан қорғауды, әділ сот "
                  "талқылауына кепілдік беруді, сондай-ақ Қазақстан Азаматтық және саяси құқықтар туралы "
                  "халықаралық пакт бойынша құрметтеуге міндеттенген сөз, бірлестік және бейбіт жиналыс "
                  "бостандығын сақтауды.",
        "closing": "Осы іске назар аударғаныңыз үшін алғыс білдіремін.\n\nҚұрметпен,",
        "and": " және ", "default_salutation": "Құрметті мырза/ханым",
    },
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


def case_facts(ua, user=None):
    """Read once what a letter may say: public (or, for staff, visible) persons and accepted acts."""
    from qorgau.records.models import Act

    persons = list(ua.persons.visible_to(user).prefetch_related("names"))
    local = {p.pk: {lang: _local_name(p, lang) for lang in LANGUAGES} for p in persons}
    names = {lang: [local[p.pk][lang] for p in persons] for lang in LANGUAGES}
    acts = (Act.objects.visible_to(user).filter(urgent_actions=ua, victim_person__in=persons, review="accepted")
            .select_related("victim_person").prefetch_related("act_provisions__provision").order_by("date", "id"))
    facts, standing, deprived = [], {}, False
    for act in acts:
        provisions = [(ap.provision.code, ap.provision.article, ap.provision.part, ap.relation)
                      for ap in act.act_provisions.all()]
        facts.append(ActFact(local[act.victim_person_id], act.victim_person.gender, act.act_type, act.date,
                             provisions))
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
    return CaseFacts(names=names, acts=facts, deprived=deprived, charges=list(standing))


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


def write_letter(facts, salutation, lang):
    """The whole letter as plain text."""
    text = TEXT[lang]
    names = join(facts.names[lang], lang)
    paragraphs = [f"{salutation or text['default_salutation']},", text["opening"].format(names=names)]
    described = [d for d in (describe_act(f, lang) for f in facts.acts) if d]
    if described:
        paragraphs.append(" ".join(described))
    asks = []
    if facts.deprived:
        asks.append(text["release"].format(names=names))
    if facts.charges:
        provisions = join([format_provision(c, a, p, lang) for c, a, p in facts.charges], lang)
        asks.append(text["drop"].format(names=names, provisions=provisions))
    asks.append(text["rights"].format(names=names))
    paragraphs.append(text["urge"] + "\n" + "\n".join(f"– {ask}" for ask in asks))
    paragraphs.append(text["closing"])
    return "\n\n".join(paragraphs)


def salutation_for(target, lang):
    if lang == "en":
        return target.salutation
    return getattr(target, f"salutation_{lang}", "") or ""
