"""Every form of every trigger, and every shape of a provision, in English, Russian and Kazakh (session 14, h24-trig).

Rules fitted to documents cover the word forms those documents used. Here the forms come from the language instead:
each trigger lemma of an act type is put through its paradigm — Russian by pymorphy3 (past tense m/f/pl, short passive
participles m/f/pl, full participles, both aspects), Kazakh by its suffix rules (past -ды/-ті, passive -ыл/-л/-ын,
perfect participle -ған/-кен with endings after it, converb -ып, evidential -ыпты; the negative -ма-/-ба- must report
no act), English by its inflections (regular and irregular) — and each form is set in a sentence frame with a person
and a day. Provisions: every way the three languages write code + article + part. The frames and names are made up.
"""

import pytest

from qorgau.documents.extract.provisions import find_provisions
from tests.test_extract_kazakh_pairs import acts

DAY = "2024-03-15"


def types_of(text, who):
    return {t for name, t, date in acts(text) if name == who and date == DAY}


# ----------------------------------------------------------------------------------------------------------- Russian
# act type, lemma, how the verb takes its object (accusative, dative, "на" + accusative), the words after the object,
# the short passive participle exists (a transitive perfective verb).
RU_LEMMAS = [
    ("detained", "задержать", "acc", "", True), ("detained", "задерживать", "acc", "", False),
    ("arrested", "арестовать", "acc", "", True), ("arrested", "арестовывать", "acc", "", False),
    ("sentenced", "осудить", "acc", "на пять лет", True),
    ("sentenced", "приговорить", "acc", "к пяти годам лишения свободы", True),
    ("sentenced", "приговаривать", "acc", "к пяти годам лишения свободы", False),
    ("acquitted", "оправдать", "acc", "", True),
    ("released", "освободить", "acc", "из-под стражи", True), ("released", "освобождать", "acc", "из-под стражи", False),
    ("released", "отпустить", "acc", "", False),
    ("charged", "обвинить", "acc", "в разжигании розни", True), ("charged", "обвинять", "acc", "в разжигании розни", False),
    ("interrogated", "допросить", "acc", "", True), ("interrogated", "допрашивать", "acc", "", False),
    ("searched", "обыскать", "acc", "", True), ("searched", "обыскивать", "acc", "", False),
    ("fined", "оштрафовать", "acc", "на 300 тысяч тенге", True),
    ("dismissed", "уволить", "acc", "с работы", True), ("dismissed", "увольнять", "acc", "с работы", False),
    ("ill_treatment", "избить", "acc", "", True), ("ill_treatment", "избивать", "acc", "", False),
    ("ill_treatment", "пытать", "acc", "", False),
    ("threatened", "угрожать", "dat", "", False),
    ("attacked", "напасть", "на", "", False), ("attacked", "нападать", "на", "", False),
    ("pretrial_detention", "заключить", "acc", "под стражу", True),
    ("pretrial_detention", "заключать", "acc", "под стражу", False),
    ("house_arrest", "поместить", "acc", "под домашний арест", True),
    ("summoned", "вызвать", "acc", "на допрос", True), ("summoned", "вызывать", "acc", "на допрос", False),
    ("extradition_sought", "экстрадировать", "acc", "", True),
    ("paroled", "освободить", "acc", "условно-досрочно", True),
    ("device_seized", "изъять", "acc", "", False),
    ("pretrial_detention", "взять", "acc", "под стражу", True),
    ("detained", "доставить", "acc", "в отдел полиции", True),
    ("released", "выпустить", "acc", "на свободу", True),
    ("house_arrest", "перевести", "acc", "под домашний арест", True),
    ("threatened", "пригрозить", "dat", "", False),
    ("charged", "предъявить", "dat", "обвинение", False),
]
RU_OBJECT = {"acc": "Асель Нурову", "dat": "Асель Нуровой", "на": "на Асель Нурову"}
RU_AGENT = {"masc": "следователь", "femn": "полиция", "plur": "полицейские"}
RU_SUBJECT = {"masc": ("Ерлан Ибраев", "был", "объявил"), "femn": ("Асель Нурова", "была", "объявила"),
              "plur": ("Асель Нурова и Ерлан Ибраев", "были", "объявили")}
RU_DATE = "15 марта 2024 года"


def _ru_frames():
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    out = []
    for act, lemma, government, tail, passive in RU_LEMMAS:
        verb = next(p for p in morph.parse(lemma) if p.tag.POS == "INFN")

        def form(*grams):
            found = verb.inflect(set(grams))
            return found.word if found else None

        def frame(kind, word, text, who):
            out.append(pytest.param(act, text, who, id=f"ru-{lemma}-{kind}-{word}"))

        for number in ("masc", "femn", "plur"):
            word = form("VERB", "past", number)
            if word and act != "device_seized":
                frame(f"past-{number}", word, f"{RU_DATE} {RU_AGENT[number]} {word} {RU_OBJECT[government]} {tail}"
                      .strip() + ".", "Асель Нурова")
        if act == "device_seized":
            word = form("VERB", "past", "plur")
            frame("past-plur", word, f"{RU_DATE} у Асель Нуровой {word} телефон и ноутбук.", "Асель Нурова")
        if not passive:
            continue
        for number, (subject, be, verb_after) in RU_SUBJECT.items():
            who = subject.split(" и ")[0]
            short = form("PRTS", number)
            if short:
                frame(f"prts-{number}", short, f"{RU_DATE} {subject} {be} {short} {tail}".strip() + ".", who)
                frame(f"prts-{number}-bare", short, f"{RU_DATE} {subject} {short} {tail}".strip() + ".", who)
            full = form("PRTF", "past", "pssv", "nomn", number)
            if full:
                frame(f"prtf-{number}", full, f"{subject}, {full} {RU_DATE} {tail}".strip() + f", {verb_after} голодовку.",
                      who)
    return out


# The verbal nouns in their cases: "задержание/задержания/задержанию … Асель Нуровой".
RU_NOUNS = [("detained", "задержание"), ("searched", "обыск"), ("interrogated", "допрос"),
            ("extradition_sought", "экстрадиция"), ("ill_treatment", "избиение"), ("attacked", "нападение"),
            ("acquitted", "оправдание")]
RU_NOUN_FRAMES = {
    "nomn": "Повод для заявления — {w} Асель Нуровой {DATE}.",
    "gent": "После {w} Асель Нуровой {DATE} правозащитники обратились в прокуратуру.",
    "datv": "Правозащитники посвятили заявление {w} Асель Нуровой {DATE}.",
    "loct": "Правозащитники сообщили о {w} Асель Нуровой {DATE}.",
}


def _ru_noun_frames():
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    out = []
    for act, noun in RU_NOUNS:
        parse = next(p for p in morph.parse(noun) if p.tag.POS == "NOUN")
        for case, frame in RU_NOUN_FRAMES.items():
            word = parse.inflect({case, "sing"}).word
            text = frame.replace("{DATE}", RU_DATE).replace("{w}", word)
            if act == "attacked":
                text = text.replace("Асель Нуровой", "на Асель Нурову")
            out.append(pytest.param(act, text[0].upper() + text[1:], "Асель Нурова", id=f"ru-{noun}-{case}-{word}"))
    return out


@pytest.mark.parametrize("act, text, who", _ru_frames() + _ru_noun_frames())
def test_every_russian_form_of_a_trigger_reports_its_act(act, text, who):
    assert act in types_of(text, who), text


# ----------------------------------------------------------------------------------------------------------- Kazakh
# The suffix paradigm, as the grammar gives it: vowel harmony (back/front) and the stem's last sound (voiceless, a
# vowel or voiced) choose one ending of each form.
KK_FRONT = set("әеөүіэи")
KK_VOWELS = set("аәеиоөұүыіэуюя")
KK_VOICELESS = set("пткқсшщфхцч")


def _front(stem):
    last = next((c for c in reversed(stem.replace(" ", "")) if c in KK_VOWELS), "а")
    return last in KK_FRONT


def kk_passive(stem):
    if stem[-1] in KK_VOWELS:
        return stem + "л"
    if stem[-1] == "л":
        return stem + ("ін" if _front(stem) else "ын")
    return stem + ("іл" if _front(stem) else "ыл")


def kk_forms(stem):
    """{form: word} of a verb stem: past, perfect participle (with endings), converb, evidential, negative past."""
    front, last = _front(stem), stem[-1]
    i = "і" if front else "ы"
    past = ("т" if last in KK_VOICELESS else "д") + i
    perfect = ("к" if front else "қ") if last in KK_VOICELESS else ("г" if front else "ғ")
    perfect += "ен" if front else "ан"
    converb = "п" if last in KK_VOWELS else i + "п"
    negative = ("п" if last in KK_VOICELESS else "б" if last in "зжмнң" else "м") + ("е" if front else "а")
    return {"past": stem + past, "perfect": stem + perfect, "perfect-poss-acc": stem + perfect + i + "н",
            "perfect-copula": stem + perfect + (" еді"), "evidential": stem + converb + "т" + i,
            "converb": stem + converb, "negative": stem + negative + ("ді" if front else "ды")}


# act type, active stem (or None), words before the verb (a noun of a light verb)
KK_VERBS = [
    ("detained", "ұста", ""), ("detained", "қама", ""), ("arrested", "ал", "қамауға"),
    ("sentenced", "сотта", ""), ("charged", "айыпта", ""), ("searched", "тінт", ""),
    ("released", "босат", ""), ("acquitted", "ақта", ""), ("ill_treatment", "азапта", ""),
    ("fined", "сал", "айыппұл"), ("dismissed", "шығар", "жұмыстан"), ("interrogated", "ал", "жауап"),
    ("arrested", "тұтқында", ""),
]
KK_DATE = "15 наурызда"


def _kk_frames():
    out = []
    for act, stem, noun in KK_VERBS:
        lead = f"{noun} " if noun else ""
        active, passive = kk_forms(stem), kk_forms(kk_passive(stem))
        object_ = "Ерлан Ибраевқа" if act == "fined" else "Ерлан Ибраевтан" if act == "interrogated" else "Ерлан Ибраевты"
        subject = "Ерлан Ибраевтан" if act == "interrogated" else "Ерлан Ибраевқа" if act == "fined" else "Ерлан Ибраев"
        cases = [
            ("active-past", active["past"], f"Полиция {KK_DATE} {object_} {lead}{active['past']}."),
            ("active-perfect-poss", active["perfect-poss-acc"],
             f"Белсенділер полиция {KK_DATE} {object_} {lead}{active['perfect-poss-acc']} хабарлады."),
            ("passive-past", passive["past"], f"{subject} {KK_DATE} {lead}{passive['past']}."),
            ("passive-perfect", passive["perfect"], f"{subject} {KK_DATE} {lead}{passive['perfect']}."),
            ("passive-perfect-copula", passive["perfect-copula"], f"{subject} {KK_DATE} {lead}{passive['perfect-copula']}."),
            ("passive-evidential", passive["evidential"], f"{subject} {KK_DATE} {lead}{passive['evidential']}."),
            ("passive-converb", passive["converb"],
             f"{subject} {KK_DATE} {lead}{passive['converb']}, кейін үйіне оралды."),
        ]
        for kind, word, text in cases:
            out.append(pytest.param(act, text, word, id=f"kk-{stem}-{kind}-{word}"))
    return out


def _kk_negatives():
    out = []
    for act, stem, noun in KK_VERBS:
        lead = f"{noun} " if noun else ""
        subject = "Ерлан Ибраевтан" if act == "interrogated" else "Ерлан Ибраевқа" if act == "fined" else "Ерлан Ибраев"
        for voice, forms in (("active", kk_forms(stem)), ("passive", kk_forms(kk_passive(stem)))):
            text = f"Полиция {KK_DATE} Ерлан Ибраевты {lead}{forms['negative']}." if voice == "active" else \
                f"{subject} {KK_DATE} {lead}{forms['negative']}."
            out.append(pytest.param(act, text, id=f"kk-{stem}-{voice}-negative-{forms['negative']}"))
    return out


@pytest.mark.parametrize("act, text, word", _kk_frames())
def test_every_kazakh_form_of_a_trigger_reports_its_act(act, text, word):
    assert act in types_of(text, "Ерлан Ибраев"), text


@pytest.mark.parametrize("act, text", _kk_negatives())
def test_a_kazakh_negative_reports_no_act(act, text):
    assert act not in types_of(text, "Ерлан Ибраев"), text


def test_the_kazakh_paradigm_gives_the_forms_of_the_grammar():
    assert kk_forms("ұста")["past"] == "ұстады" and kk_forms(kk_passive("ұста"))["perfect"] == "ұсталған"
    assert kk_forms(kk_passive("тінт"))["past"] == "тінтілді" and kk_forms("тінт")["past"] == "тінтті"
    assert kk_forms(kk_passive("ал"))["past"] == "алынды" and kk_forms("босат")["perfect"] == "босатқан"
    assert kk_forms(kk_passive("ұста"))["negative"] == "ұсталмады" and kk_forms("тінт")["negative"] == "тінтпеді"


# ----------------------------------------------------------------------------------------------------------- English
# act type, base, third person, past, past participle, the words after the object
EN_VERBS = [
    ("detained", "detain", "detains", "detained", "detained", ""),
    ("arrested", "arrest", "arrests", "arrested", "arrested", ""),
    ("sentenced", "sentence", "sentences", "sentenced", "sentenced", "to five years in prison"),
    ("sentenced", "convict", "convicts", "convicted", "convicted", "of incitement"),
    ("charged", "charge", "charges", "charged", "charged", "with incitement"),
    ("charged", "indict", "indicts", "indicted", "indicted", ""),
    ("fined", "fine", "fines", "fined", "fined", ""),
    ("interrogated", "interrogate", "interrogates", "interrogated", "interrogated", ""),
    ("interrogated", "question", "questions", "questioned", "questioned", ""),
    ("summoned", "summon", "summons", "summoned", "summoned", "for questioning"),
    ("released", "release", "releases", "released", "released", ""),
    ("released", "free", "frees", "freed", "freed", ""),
    ("acquitted", "acquit", "acquits", "acquitted", "acquitted", ""),
    ("ill_treatment", "torture", "tortures", "tortured", "tortured", ""),
    ("ill_treatment", "beat", "beats", "beat", "beaten", ""),
    ("imprisoned", "imprison", "imprisons", "imprisoned", "imprisoned", ""),
    ("extradition_sought", "extradite", "extradites", "extradited", "extradited", ""),
    ("attacked", "attack", "attacks", "attacked", "attacked", ""),
    ("threatened", "threaten", "threatens", "threatened", "threatened", ""),
    ("searched", "search", "searches", "searched", "searched", ""),
    ("pretrial_detention", "hold", "holds", "held", "held", "in custody"),
    ("house_arrest", "put", "puts", "put", "put", "under house arrest"),
    ("detained", "take", "takes", "took", "taken", "into custody"),
    ("detained", "apprehend", "apprehends", "apprehended", "apprehended", ""),
    ("sentenced", "jail", "jails", "jailed", "jailed", "for five years"),
    ("pretrial_detention", "remand", "remands", "remanded", "remanded", "in custody"),
]
EN_NOUNS = [("detained", "detention"), ("arrested", "arrest"), ("extradition_sought", "extradition"),
            ("released", "release"), ("acquitted", "acquittal"), ("interrogated", "interrogation")]


# Who does it, in a chronology's present ("Police detain X", "The court acquits X").
EN_AGENTS = {"sentenced": "Judges", "acquitted": "Judges", "fined": "Courts", "charged": "Prosecutors",
             "imprisoned": "Courts", "attacked": "Unknown men", "threatened": "Officers"}
EN_AGENT = {"sentenced": "The court", "acquitted": "The court", "fined": "The court", "charged": "The prosecutor",
            "imprisoned": "The court", "released": "The court", "interrogated": "The investigator",
            "summoned": "The investigator"}


def _en_frames():
    out = []
    for act, base, third, past, participle, tail in EN_VERBS:
        after = f" {tail}" if tail else ""
        cases = [
            ("past", past, f"On 15 March 2024 police {past} Aset Nurov{after}."),
            ("passive", participle, f"Aset Nurov was {participle}{after} on 15 March 2024."),
            ("passive-plural", participle, f"Aset Nurov and Dana Iskakova were {participle}{after} on 15 March 2024."),
            ("participle", participle, f"Aset Nurov, {participle}{after} on 15 March 2024, went on hunger strike."),
            ("historical-present", base, f"15 March 2024 – {EN_AGENTS.get(act, 'Police')} {base} Aset Nurov{after}."),
            ("historical-present-3sg", third, f"15 March 2024 – {EN_AGENT.get(act, 'A police officer')} {third} "
                                              f"Aset Nurov{after}."),
        ]
        if act == "searched":  # a search is of a place; the person owns it
            cases = [(k, w, t.replace("Aset Nurov", "Aset Nurov's home")) for k, w, t in cases[:1]] + \
                [("passive", participle, f"Aset Nurov's home was {participle} on 15 March 2024.")]
        for kind, word, text in cases:
            out.append(pytest.param(act, text, id=f"en-{base}-{kind}-{word}"))
    for act, noun in EN_NOUNS:
        out.append(pytest.param(act, f"Aset Nurov's {noun} on 15 March 2024 drew protests.", id=f"en-{noun}-possessive"))
        out.append(pytest.param(act, f"The {noun} of Aset Nurov on 15 March 2024 drew protests.", id=f"en-{noun}-of"))
    return out


@pytest.mark.parametrize("act, text", _en_frames())
def test_every_english_form_of_a_trigger_reports_its_act(act, text):
    assert act in types_of(text, "Aset Nurov"), text


# -------------------------------------------------------------------------------------------------------- provisions
PROVISION_SHAPES = [
    # Russian
    ("ч. 2 ст. 174 УК РК", ["CC-174.2"]),
    ("части 2 статьи 174 УК РК", ["CC-174.2"]),
    ("статьи 174 части 2 УК РК", ["CC-174.2"]),
    ("ст. 174 ч. 2 УК РК", ["CC-174.2"]),
    ("по статье 174-2 УК РК", ["CC-174.2"]),
    ("по статьям 174 и 274 УК РК", ["CC-174", "CC-274"]),
    ("по ст. 488 КоАП РК", ["AOC-488"]),
    ("по статье 489 Кодекса об административных правонарушениях", ["AOC-489"]),
    ("по статье 164 УК РК 1997 года", ["CC1997-164"]),
    ("п. 2 ч. 4 ст. 274 УК РК", ["CC-274.4"]),
    ("по ч.ч. 1, 2 ст. 405 УК РК", ["CC-405.1", "CC-405.2"]),
    ("по ч. 1 и ч. 2 ст. 405 УК РК", ["CC-405.1", "CC-405.2"]),
    ("по ч. 2 ст. 405, ч. 1 ст. 258 УК РК", ["CC-405.2", "CC-258.1"]),
    ("по части второй статьи 174 УК РК", ["CC-174.2"]),
    ("по 174-й статье УК", ["CC-174"]),
    ("предусмотренного статьёй 174 УК РК", ["CC-174"]),
    ("ст. 174 ч. 2 УК РК\t2 года ограничения свободы", ["CC-174.2"]),  # a table's next cell is no article
    # Kazakh
    ("ҚР ҚК-нің 174-бабының 2-бөлігі бойынша", ["CC-174.2"]),
    ("ҚК-нің 174-бабының 2-бөлігімен", ["CC-174.2"]),
    ("174-баптың 2-тармағы бойынша", ["CC-174.2"]),
    ("405-бабы бойынша", ["CC-405"]),
    ("ҚК-нің 174 және 274-баптары бойынша", ["CC-174", "CC-274"]),
    ("ӘҚБтК-нің 488-бабы бойынша", ["AOC-488"]),
    ("1997 жылғы ҚК-нің 164-бабы бойынша", ["CC1997-164"]),
    # English
    ("under Art. 174(2) of the Criminal Code", ["CC-174.2"]),
    ("under Article 174(2)", ["CC-174.2"]),
    ("under CC 174-2", ["CC-174.2"]),
    ("under CC Art. 174 part 2", ["CC-174.2"]),
    ("under Articles 174 and 274 of the Criminal Code", ["CC-174", "CC-274"]),
    ("under Article 164 of the 1997 Code", ["CC1997-164"]),
    ("under Article 164 of the 1997 Criminal Code", ["CC1997-164"]),
    ("under Article 488 of the Administrative Code", ["AOC-488"]),
    ("under Article 489 of the Code of Administrative Offences", ["AOC-489"]),
    ("under part 2 of Article 174 of the Criminal Code", ["CC-174.2"]),
    ("under Article 174, part 2, of the Criminal Code", ["CC-174.2"]),
    ("under Article 405, parts 1 and 2, of the Criminal Code", ["CC-405.1", "CC-405.2"]),
]


@pytest.mark.parametrize("citation, uids", PROVISION_SHAPES, ids=[c for c, _ in PROVISION_SHAPES])
def test_every_shape_of_a_provision_is_read(citation, uids):
    assert sorted({p.uid for p in find_provisions(citation) if p.how != "named"}) == sorted(uids)


@pytest.mark.parametrize("text", ["Ерлан Ибраев 15 наурызда сотталып жатыр.", "Ерлан Ибраев 15 наурызда босатылып жатыр."])
def test_a_kazakh_progressive_reports_no_done_act(text):
    assert not types_of(text, "Ерлан Ибраев") & {"sentenced", "released"}, text


# A list entry whose fields after the dash end in stops, its term of days last: the same shape in three languages.
LIST_ENTRIES = [
    ("List of those held\n\n22 March 2024\n\n", "KULYSHEV Nurbek (Astana) — AOC Art. 488. 20 days.", "Nurbek Kulyshev"),
    ("Список задержанных\n\n22 марта 2024 года\n\n", "КУЛЫШЕВ Нурбек (Астана) — ст. 488 КоАП. 20 суток.", "Нурбек Кулышев"),
    ("Тізім\n\n2024 жылғы 22 наурыз\n\n", "ҚҰЛЫШЕВ Нұрбек (Астана) — ӘҚБтК 488-бабы. 20 тәулік.", "Нұрбек Құлышев"),
]


@pytest.mark.parametrize("head, entry, who", LIST_ENTRIES, ids=["en", "ru", "kk"])
def test_a_list_entry_with_fields_ended_by_stops_gives_its_term(head, entry, who):
    assert ("administrative_detention", "") in {(t, d) for name, t, d in acts(head + entry) if name == who}


def test_a_paragraph_opening_with_a_name_and_a_dash_is_still_prose():
    text = ("Айдар Сыздықов — тіркелмеген партия жетекшілерінің бірі. Ол ҚР ҚК-нің 297-бабының 2-бөлігі бойынша бес "
            "жылға бас бостандығынан айырылды, апелляциялық шағымы әлі қаралған жоқ. Партияның тағы бірнеше жетекшісі, "
            "соның ішінде Марат Жыланбаев та сотталды.")
    assert "Марат Жыланбаев" in {name for name, t, d in acts(text) if t == "sentenced"}


def _negatives():
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    out = []
    for act, lemma, government, tail, _ in RU_LEMMAS:
        if act in {"device_seized", "paroled"}:
            continue
        verb = next(p for p in morph.parse(lemma) if p.tag.POS == "INFN")
        word = verb.inflect({"VERB", "past", "plur"}).word
        out.append(pytest.param(act, f"{RU_DATE} полицейские не {word} {RU_OBJECT[government]} {tail}".strip() + ".",
                                "Асель Нурова", id=f"ru-не-{word}"))
    for act, base, _, _, _, tail in EN_VERBS:
        if act == "searched":
            continue
        after = f" {tail}" if tail else ""
        out.append(pytest.param(act, f"On 15 March 2024 police did not {base} Aset Nurov{after}.", "Aset Nurov",
                                id=f"en-did-not-{base}"))
    return out


@pytest.mark.parametrize("act, text, who", _negatives())
def test_a_negated_form_reports_no_act(act, text, who):
    assert act not in types_of(text, who), text
