"""Person mentions in English and Russian text, with Kazakh names.

A run of capitalised words is a person when one of its words is a known given name, ends like a Kazakh,
Russian or other family name (-ov, -eva, -uly, -kyzy, -baev …), follows a cue ("activist", "Judge", "journalist"),
or is a name the database already holds. Initials count as words ("K.P. Kozhamzharov", "Zh. Smatov").
After a full name, the family name alone ("Akhmetova", "Akhmetova's") is a mention of the same person.
"""

from qorgau.lib import patterns as re  # `re`, with compiled patterns kept across processes (start-up)
from qorgau.lib.prefilter import led  # a whole-text scan led by its first characters: the same matches, faster
import bisect
from functools import lru_cache

from qorgau.lib.morphology import (family_forms, is_common_word, kazakh_stems, kazakh_word, nominative,
                                   russian_nominative)

from . import lexicon
from .spans import Mention, text_find, text_rfind

GIVEN = set("""
Abai Abay Adil Aibek Aidana Aidar Aidos Aigerim Aigul Ainur Aynura Aynur Aizhan Akbota Akmaral Aliya Alibek Almas Almat
Altynai Amir Ardak Arman Arsen Aruzhan Asel Askar Assel Ayan Azamat Azhar Bakhyt Bakhytzhan Bakytzhan Bakyt Batyr
Baurzhan Bauyrzhan Bekzat Bekzhan Berik Bolat Botagoz Dana Daniyar Dauren Daulet Dilnar Dilnara Dinara Dosym Duman Erlan
Ermek Erzhan Farida Fariza Galym Gaukhar Gulnara Gulmira Guzyal Iskander Ildar Kairat Kayrat Kalmukhanbet Kanat Karim
Kenzhebek Koblanbek Kuanysh Kural Madina Maks Maksim Marat Maygul Maigul Mukhtar Murat Nurlan Nursultan Nurzhan Raushan
Rinat Ruslan Sabyr Saken Saltanat Saule Serik Serikzhan Suyundyk Talgat Timur Tokmadi Yergali Yerlan Yermek Yerzhan
Zarina Zhanar Zhanara Zhanat Zhanseit Zhasaral Zhandos Zinaida Natalia Natalya Nikolaos Sergey Sergei Elena Yelena Yulia
Tatiana Tatyana Olga Irina Anna Maria Aleksandr Alexander Alexei Andrei Dmitry Mikhail Nikolai Pavel Vladimir Viktor
Igor Oleg Yuri Ivan Aleksey Evgeny Magerram Marina Svetlana Lyudmila Valentina Galina Vera Nina
Айдос Айгерим Айнура Акбота Акмарал Ақмарал Алибек Алмат Ардак Ардақ Арсен Аскар Асель Аян Бакытжан Бахытжан Батыр
Бауыржан Бекжан Ботагоз Галым Гузяль Даурен Дильнар Ергали Ерлан Ермек Ержан Жанар Жанара Жанат Жасарал Жансеит Зинаида
Искандер Ильдар Кайрат Кенжебек Кобланбек Куаныш Курал Майгуль Майгүл Макс Максим Марат Мухтар Мұхтар Нурсултан
Нұрсұлтан Сабыр Сакен Серикжан Суюндык Талгат Фариза Наталья Николаос Сергей Елена Юлия Татьяна Айнура
""".split())
SURNAME_END = re.compile(
    r"(?:ov|ova|ev|eva|yev|yeva|ayev|ayeva|in|ina|uly|ulu|kyzy|qyzy|baev|baeva|bayev|bayeva|enko|sky|skaya|ski|ich|"
    r"ovich|ovna|evna|yan|ian|idi|ulin|ali|ova's|ov's|ев|ева|ов|ова|ин|ина|улы|ұлы|кызы|қызы|ский|ская|енко)$")
_ROLE_CUES = "|".join(sorted((re.escape(w) for w, _ in lexicon.table("roles")), key=len, reverse=True))
CUES = led(re.compile(  # (led by its first characters: the same matches, faster)
    rf"(?<!\w)(?:{_ROLE_CUES}|"
    r"activists?|bloggers?|journalists?|human rights (?:defenders?|activists?)|defenders?|investigator|judge|"
    r"prosecutor|businessman|businesswoman|lawyer|counsel|MP|President|Minister|Ambassador|Akim|"
    r"colonel|lieutenant|captain|sergeant|police major|"
    r"chairman|daughter|son|wife|husband|sister|brother|Ms\.?|Mr\.?|Mrs\.?|Dr\.?|editor-in-chief|reporter|"
    r"активист(?:ка|ы)?|блогер|журналист(?:ка)?|правозащитни(?:к|ца)|следователь|судья|прокурор)\s*,?\s*$", re.I))
STOP = set("""
The A An In On At Of For And Or But By To From With Without Since Between During After Before Under Over Into About
Against Among Through Until Upon Via Per As This That These Those It Its He She They We I You His Her Their Our Your
January February March April May June July August September October November December Monday Tuesday Wednesday
Thursday Friday Saturday Sunday Article Articles Code Criminal Administrative Procedure Constitution Law Court
District City Regional Province Region Street Square Republic Kazakhstan Kazakhstani Kazakh Ukraine Ukrainian Russia
Russian France French Europe European Union United Nations States America American Canada International Amnesty
Human Rights Watch Foundation Open Dialog Office Ministry Minister Committee Council Parliament Assembly Commission
Service Police Prosecutor General Prosecutor's Security National Internal Affairs Information Communication Justice
Democratic Choice DCK Alga Facebook Instagram Telegram Twitter YouTube WhatsApp VKontakte Odnoklassniki Periscope Google
Internet Radio Liberty Free Azattyq Azzatyq Bureau Centre Center Coalition Union Party Movement Group Land Reform
Nauryz Special Rapporteur Working Urgent Action Network Name Gender Salutation Fax Email Phone Dear Please Write Contact
Additional Index Issue Date Take Click Here Source Sources OSCE OSCEKZ PACE UN EU NPM PMC ICCPR KIBHR MIA NSC KNB
Magnitsky Global Act Plan Soviet Yesilskiy Yesilsky Almalinsky Almaty Astana Shymkent Atyrau Aktau Uralsk Saran Kokshetau
Pavlodar Talgar Semei Karaganda Kostanai Kostanay Aktyubinsk Zhanaozen Baikonur Mangistau Isatai-Makhambet Brussels Geneva
Vienna Washington Ottawa Strasbourg Bank BTA Kazkommertsbank Respublika Golos Assandi Times Adam Bol Nakanune Vlast
Tengri News Chief Head Deputy Secretary High Representative Ombudsman Administration Government House Ministries Left
Executive Summary Conclusion Conclusions Recommendations Introduction Legal Framework Think Post Closing Down Social
Media Space Timeline Prosecution Detention Demonstration Old Man Ms Mr Investigator Judge President Ambassador Akim
Activist Activists Blogger Journalist Businessman Several Some Many Most All Both Each Every Other Another
Also However Thus Therefore Nevertheless Indeed Importantly Despite Following According Recently Currently Later
Immediately Shortly Subsequently Meanwhile Although Because While When Where What Which Who Why How If Then There Here
Их Как В На По С Со Из За Для При От До О Об Не И Но А Это Этот Эта Эти Он Она Они Мы Вы Я Его Ее Её Их Также
Казахстан Казахстана Республика Республики Суд Суда Прокуратура Прокуратуры Полиция Полиции Министерство
Демократический Выбор ДВК Алматы Астана Астаны Шымкент Атырау Уральск
People Providing Rukh Khak Soz Adil Freedom House Crisis Eurasianet Dentons Vlast' Kazakhstan’s
Declaration Partnership Agreement Mechanism Observations Covenant Convention Plaza Rue Prospekt Avenue Bât New York
North South East West Palais Building Embassy Consulate""".split()) | set("""
""".split())
STOP |= {word for name in lexicon.words("organisations") for word in name.split() if word[:1].isupper()}
STOP |= set(lexicon.words("not_names"))  # kk: pronouns, court and code words at a sentence start
STOP |= set(lexicon.words("places"))  # "Алматы Жанар Исаева": a place glued to a name is no part of it
ROLE_WORDS = {word.lower(): role for word, role in lexicon.table("roles")}
# Kazakh "son of"/"daughter of" written as a separate word in lower case after the father's name.
PARTICLE_AFTER = re.compile(r"[ \t]+(uly|kyzy|ulu|qyzy|ұлы|қызы|улы|кызы)(?![\w-])")
# A Latin word in -ing opens no name ("Charged With Spreading False Information", a headline in Title Case).
GERUND = re.compile(r"[A-Z][a-z]{2,}ing")
# Each word of a role's name ("opposition politician", "video blogger"): a headline in Title Case prints it
# capitalised before the name ("Opposition Politician Marat Zhylanbayev Sentenced …"), and it is no part of the name.
ROLE_PARTS = {part for word, _ in lexicon.table("roles") for part in word.lower().split()} - {
    g.lower() for g in GIVEN}
TITLES = {"Ms.", "Mr.", "Mrs.", "Dr.", "Ms", "Mr", "Mrs", "Dr"}
# English ranks, abbreviated ("Lt Col B. Yankin", "Maj. Gen. …"): a title before the name, never part of it
TITLES |= {f"{rank}{dot}" for rank in ("Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Gen", "Brig", "Insp") for dot in ("", ".")}
CAPS = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# Latin words include the letters of Kazakh's Latin alphabet of 2021 ("Alnūr İlyaşev", "Mūhammedkärım").
LATIN_UP, LATIN_LOW = "A-ZÄÖÜŪĞŞÑÇİ", "a-zäöüūğşñçı"
TOKEN = r"(?:(?<!\w)(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яё]?\.){1,3}(?=\s?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|(?:(?<![\w'’])(?:Ma?c|O['’]))?[A-ZÄÖÜŪĞŞÑÇİÁÓÚǴŃÝ][a-zäöüūğşñçıáóúǵńýé]+(?:[-'’][A-ZÄÖÜŪĞŞÑÇİÁÓÚǴŃÝ]?[a-zäöüūğşñçıáóúǵńýé]+)*(?![^\W\d_])(?![\w-]*\.(?:kz|ru|com|org|net|info|media|uz|kg|tv)(?!\w))|[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ]?[а-яёәғқңөұүһі]+)*(?![^\W\d_]))"
# (a Latin word may open with a Gaelic prefix glued to its capital: "McGill", "MacDonald", "O'Neill", "O’Brien")
# (a name runs on over a line break, as hard-wrapped text breaks it, but not into the label of the next field:
# "Defence: Zhanara Balgabayeva" / "Monitoring: two observers")
# (a word glued to a domain, "Orda.kz", "Vlast.kz", is a site's name, never a person's; nor is a word whose letters
# run on into capitals, "КазТАГ", "KazTAG": no name is read out of its first syllable)
# (nor into a label whose words after the first are in lower case: "судья Арғын Құтышев" / "Отырыс күні: 3 қараша")
RUN = re.compile(rf"{TOKEN}(?:(?:[^\S\n]|\n(?!{TOKEN}(?:[ \t][\w-]+){{0,2}}[ \t]*:))?{TOKEN}){{0,7}}")
WORD = re.compile(TOKEN)
POSSESSIVE = re.compile(r"[’']s$")


INITIALS = re.compile(r"(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яё]?\.){1,3}")  # "Қ. Тоқаев", "Ұ. Ахметов"


def _is_initial(word):
    return INITIALS.fullmatch(word) is not None   # (compiled once: called ~25 times a mention)


@lru_cache(maxsize=20000)
def _plain(word):
    return POSSESSIVE.sub("", word)   # (cached: asked ~30 times a mention, of few distinct words)


def _looks_like_name(words, cue, known, lowercase_words=frozenset(), unknown_words=True):
    text = " ".join(words)
    if text in known or any(w in known for w in words if not _is_initial(w)):
        return True
    if any(_plain(w) in GIVEN or _latin_given(_plain(w)) for w in words):
        return True
    if any(_is_initial(w) for w in words[:-1]) and len(words) >= 2:
        return True
    if cue and len(words) <= 3:
        return True
    if len(words) >= 2 and SURNAME_END.search(_plain(words[-1]).lower()):
        return True
    # Two or three capitalised words none of which the text ever uses as an ordinary word: a name from
    # elsewhere ("Donald Tusk", "Thorbjørn Jagland").
    if unknown_words and 2 <= len(words) <= 3 and all(len(_plain(w)) >= 3 and not w.isupper() and not _is_initial(w)
                                    and _plain(w).lower() not in lowercase_words for w in words):
        return True
    # … and a Chinese family name of two letters before one such word ("Xi Jinping", "Ma Xingrui")
    if unknown_words and len(words) == 2 and words[0] in SHORT_FAMILY and len(_plain(words[1])) >= 4 and \
            not words[1].isupper() and _plain(words[1]).lower() not in lowercase_words:
        return True
    return False


SHORT_FAMILY = set(lexicon.words("short_family_names", language="en"))


PLACES = set(lexicon.words("places"))
_NAME_PLACE = {side: "|".join(p for s, p in lexicon.table("name_places") if s == side) for side in ("before", "after")}
NAME_PLACE_BEFORE = re.compile(rf"(?:{_NAME_PLACE['before']})", re.I)
NAME_PLACE_AFTER = re.compile(rf"[ \t]*(?:{_NAME_PLACE['after']})(?!\w)", re.I)
_LAST_WORDS = re.compile(r"(?:[\w.-]+\s+)?[\w.-]+\s*$")


def names_a_place(text, start, end):
    """"проспекте Абая", "с. Калдаякова", "Abai Avenue", "университет имени …": a person's name naming a street, a
    village, a building or a prize is no mention of the person (`<lang>/name_places.tsv`)."""
    if NAME_PLACE_AFTER.match(text, end):
        return True
    last = _LAST_WORDS.search(text, max(0, start - 30), start)
    if not last:
        return False
    words = last.group().split()
    return any(NAME_PLACE_BEFORE.fullmatch(w) for w in (words[-1], " ".join(words)))


# A family name alone, with no full name before it ("Суд оштрафовал Жанузакова и Балташева", "Zhanuzakov said"): its
# ending says it is one (Russian-style endings in any case, Kazakh -uly/-kyzy), or the Russian dictionary knows it as
# a family name.
LONE_FAMILY_CYRILLIC = re.compile(r"(?:[оеё]в|[иы]н)(?:а|у|ым|ом|е|ых|ыми)?$|(?:[оеё]в|[иы]н)(?:а|ой|у)$|"
                                  r"(?:ский|ская|ского|скому|ской|скую|ским)$|(?:улы|ұлы|кызы|қызы)$")
LONE_FAMILY_LATIN = re.compile(r"(?:[oe]v|yev|[oe]va|yeva|uly|ūly|kyzy|qyzy|enko|skiy|skaya|ovich|evich)$")


def kazakh_endings(use, latin=False):
    """The Kazakh endings lexicon/kk/case_suffixes.tsv gives to the rule `use` (place, after_suffix, place_ending,
    opening) or that make the case `use` (genitive …), as an alternation; with `latin`, in the Latin alphabet of 2021 too."""
    return "|".join(row[0] for row in lexicon.table("case_suffixes", "kk") if (use in row[2].split(",") or use == row[1])
                    and (latin or re.search(r"[а-яёәғқңөұүһі]", row[0])))


# (a person from the place too: "Атыраулық Талғат Аян", "Алматылық", "Шымкенттік"; both scripts: "Almatynyñ", "Astanada")
KK_PLACE_SUFFIX = re.compile(rf"(?:{kazakh_endings('place', latin=True)})$")
KK_GENITIVE = re.compile(rf"(?:{kazakh_endings('genitive', latin=True)})$")


@lru_cache(maxsize=8192)
def _kazakh_place(word):
    """A place with a Kazakh case ending ("Ресейде", "Алматыда", "Астанаға") is no part of a name."""
    ending = KK_PLACE_SUFFIX.search(word)
    return bool(ending) and any(word[:ending.start() + cut] in PLACES for cut in (0, 1))


# What follows a field's label: its colon, right after it or after one or two words in lower case ("Отырыс күні:").
LABEL_AFTER = re.compile(r"(?:[ \t]+[a-zа-яёәғқңөұүһі-]+){0,2}:")


def _runs(text):
    """Runs of capitalised words, split where a stop word stands."""
    for m in led(RUN).finditer(text):
        words = [(w.start(), w.end(), w.group()) for w in WORD.finditer(text, m.start(), m.end())]
        current = []
        for start, end, word in words:
            if _plain(word) in STOP or word in STOP or _kazakh_place(word) or _kazakh_month(word):
                if current:
                    yield current
                current = []
            else:
                if len(current) >= 2 and LABEL_AFTER.match(text, end) and not SURNAME_END.search(_plain(word).lower()) \
                        and _plain(word) not in GIVEN:
                    # "Defence: Zhanara Balgabayeva Monitoring: two observers" (a form's lines joined into one): the
                    # word before a colon after a full name is the next field's label ("… Құтышев Отырыс күні: …")
                    yield current
                    current = []
                    continue
                current.append((start, end, word))
        if current:
            yield current


KK_MONTHS = [re.sub(r"\\w\*$", "", row[0]) for row in lexicon.table("months", "kk")]


@lru_cache(maxsize=20000)
def _kazakh_month(word):
    """A Kazakh month name with a case ending ("Наурызда" in March, "Қаңтардың"): a date at a sentence start, not a
    given name before the family name that follows (the bare month, "Наурыз", is also a man's name and stays)."""
    if not KAZAKH_MONTH_FIRST.match(word):
        return False
    from qorgau.lib.morphology import kazakh_stems
    return any(re.fullmatch(month, stem.lower()) for stem in kazakh_stems(word) if stem != word for month in KK_MONTHS)


KAZAKH_MONTH_FIRST = re.compile(r"(?:Қаң|Ақп|Нау|Сәу|Мам|Мау|Шіл|Там|Қыр|Қаз|Қар|Жел)")


# Lists print the family name first, in capitals: "TOKHTAROV Ruslan – Aktobe – …", "ТОХТАРОВ Руслан Серикович".
CAPS_FIRST = re.compile(rf"(?<![\w-])([{CAPS}][{CAPS}’'-]{{2,}})[ \t]+([{CAPS}][a-zа-яёәғқңөұүһі]+(?:-[{CAPS}][a-zа-яёәғқңөұүһі]+)?)"
                        rf"(?:[ \t]+([{CAPS}][a-zа-яёәғқңөұүһі]+(?:ovich|ovna|evich|evna|ович|овна|евич|евна|ұлы|улы|қызы|кызы)))?")


# A name inverted with a comma, as a reference work's heading or a register prints it, with the patronymic that
# makes it a name and not two listed persons: "Матаев, Әсет Сейтқазыұлы", "Ермеков, Арман Болатович".
INVERTED = re.compile(rf"(?<![\w-])([{CAPS}][a-zа-яёәғқңөұүһі]+),[ \t]+([{CAPS}][a-zа-яёәғқңөұүһі]+)[ \t]+"
                      rf"([{CAPS}][a-zа-яёәғқңөұүһі]+(?:ovich|ovna|evich|evna|uly|kyzy|qyzy|ович|овна|евич|евна|ична|"
                      rf"ұлы|улы|қызы|кызы))(?![\w-])")


def _inverted(text):
    """(start, end, name) for "Family, Given Patronymic", the name as "Given Patronymic Family"."""
    for m in led(INVERTED).finditer(text):
        family, given, patronymic = m.groups()
        if SURNAME_END.search(family.lower()) and not PATRONYMIC.search(family.lower()):
            yield m.start(), m.end(), f"{given} {patronymic} {family}"


# A list's entry that gives the family name alone, in capitals, before its fields: "ZHANUZAKOV – Kokshetau – …".
CAPS_ALONE = re.compile(rf"^[ \t]*(?:\d{{1,3}}[.)][ \t]*|[-•*][ \t]+)?([{CAPS}][{CAPS}’'-]{{3,}})(?=[ \t]+[–—-][ \t])", re.M)


# A list's entry that gives the family name in capitals and the given name as an initial: "9. ZHEKSEBAEV A. – in
# custody since …", "10. BEGIMBETOV A." alone on its line, "ТОХТАРОВ Р.Б." — the capitals must end like a family name
# or open a numbered or bulleted line.
CAPS_INITIALS = re.compile(rf"(?<![\w.-])([{CAPS}][{CAPS}’'-]{{2,}})[ \t]+([{CAPS}]\.(?:[ \t]?[{CAPS}]\.)?)(?![\w.])")


CAPS_VARIANT = re.compile(rf"(?<![\w-])(?:also|as|aka|or|spelt|spelled|written)[ \t]+([{CAPS}][{CAPS}’'-]{{3,}})(?![\w-])")


# A case file's field whose value is a name in capitals: "Defendant: ASET ABISHEV, 35", "Подсудимый: ИВАНОВ ИВАН".
CAPS_LABELLED = re.compile(rf"^[ \t]*(?:\d{{1,3}}[.)][ \t]*)?[{CAPS}][a-zа-яёәғқңөұүһі]+(?:[ \t][a-zа-яёәғқңөұүһі]+)?[ \t]*:"
                           rf"[ \t]*([{CAPS}][{CAPS}’'-]+(?:[ \t][{CAPS}][{CAPS}’'-]+){{1,2}})(?=[ \t]*(?:[,(–—-]|\n|$))",
                           re.M)


# What may open a list's line before the name: "1.", "2)", "•", "- ", "01 – ", "• 3 – " (a table's row).
ENTRY_PREFIX = re.compile(r"[ \t]*(?:[-•*][ \t]*)?(?:\d{1,3}(?:[.)]|[ \t]+[–—-]))?[ \t]*")


def _caps_first(text):
    """(start, end, name) for "FAMILY Given [Patronymic]" where the capitals end like a family name, or that opens
    a line of a list ("9. ONERKHAN Nurbol – Petropavl – …")."""
    for m in led(CAPS_FIRST).finditer(text):
        family = m.group(1)
        prefix = text[text_rfind(text, "\n", 0, m.start()) + 1:m.start()]
        opens_entry = bool(ENTRY_PREFIX.fullmatch(prefix)
                           and re.match(r"\s*(?:\([^)]{0,30}\)\s*)?[–—-]\s", text[m.end():m.end() + 40]))
        # "1. МУХАММЕДКАРИМ Думан, журналист, г. Алматы.": a numbered entry whose fields follow a comma.
        opens_entry = opens_entry or bool(re.fullmatch(r"[ \t]*\d{1,3}[.)][ \t]*", prefix)
                                          and text[m.end():m.end() + 1] == ",")
        # "5. ЕНСЕБЕК Темірлан" alone on its line, the fields on the lines below ("Қаласы: Алматы").
        opens_entry = opens_entry or bool(re.fullmatch(r"[ \t]*\d{1,3}[.)][ \t]*", prefix)
                                          and re.match(r"[ \t]*(?:\n|$)|[ \t]+[^\W\d_]{2,20}:\s",
                                                       text[m.end():m.end() + 25]))
        # (… or the fields run on after it, as a text file's lines joined: "5. ЕНСЕБЕК Темірлан Қаласы: Алматы …")
        # A briefing's case heading: the line opens with the name and the name is the whole first field — the line
        # ends there, or a comma, a dash or a bracket follows ("ATABEK Aron (born 1953), poet, Almaty").
        opens_entry = opens_entry or bool(ENTRY_PREFIX.fullmatch(prefix)
                                          and re.match(r"[ \t]*(?:\n|$|[,(]|[–—-][ \t])", text[m.end():m.end() + 3])
                                          and m.group(2) not in STOP and family.capitalize() not in PLACES)
        # ("OLZHAS Beszhan" in prose: a given name the lists know, in Latin letters, as "Olzhas" — names.py `_latin_given`)
        listed = m.group(2) in GIVEN or (
            # (… but not a heading in capitals before a name: "BACKGROUND Asya Tulesova")
            _latin_given(m.group(2)) and family.capitalize() not in STOP and not m.group(3)
            and not re.match(rf"[ \t]+[{CAPS}][a-zäöüūğşñçı]", text[m.end():m.end() + 3]))
        if not (SURNAME_END.search(family.lower()) or listed or opens_entry) or family in STOP:
            continue
        if not m.group(3) and (m.group(2) in STOP or text[m.end(2):m.end(2) + 1] == ":") and not listed:
            continue  # "Case: State v. Saken TULBAYEV Court: district court" (a form's lines joined): the next label
        if re.search(rf"(?<![\w-])[{CAPS}][{CAPS}’'-]+[ \t]+$", prefix) and not SURNAME_END.search(family.lower()):
            continue  # "ADDITIONAL INFORMATION Duman Mukhammedkarim": a heading in capitals, then the name
        family = "-".join(part.capitalize() for part in family.split("-"))
        name = " ".join(w for w in (m.group(2), m.group(3), family) if w)
        yield m.start(), m.end(), name
    for m in CAPS_LABELLED.finditer(text):
        # "Defendant: ASET ABISHEV, 35, Almaty": a field's value all in capitals, a given name and a family name
        # in either order.
        words = ["-".join(p.capitalize() for p in w.split("-")) for w in m.group(1).split()]
        if any(w in STOP or w in PLACES for w in words):
            continue
        if words[0] in GIVEN or _latin_given(words[0]) or (
                SURNAME_END.search(words[-1].lower()) and not SURNAME_END.search(words[0].lower())):
            yield m.start(1), m.end(1), " ".join(words)
        elif (words[-1] in GIVEN or _latin_given(words[-1])) and (
                SURNAME_END.search(words[0].lower()) or not _latin_given(words[0])):
            yield m.start(1), m.end(1), " ".join(words[1:] + words[:1])
    for m in led(CAPS_INITIALS).finditer(text):
        family, prefix = m.group(1), text[text_rfind(text, "\n", 0, m.start()) + 1:m.start()]
        opens_entry = bool(re.fullmatch(r"[ \t]*(?:\d{1,3}[.)]|[-•*])[ \t]*", prefix))
        if family in STOP or family.capitalize() in PLACES or not (SURNAME_END.search(family.lower()) or opens_entry):
            continue
        family = "-".join(part.capitalize() for part in family.split("-"))
        yield m.start(), m.end(), nominative(f"{m.group(2).replace(' ', '').replace(chr(9), '')} {family}")
    for m in CAPS_ALONE.finditer(text):
        family = m.group(1)
        if family not in STOP and SURNAME_END.search(family.lower()) and family.capitalize() not in PLACES:
            yield m.start(1), m.end(1), "-".join(part.capitalize() for part in family.split("-"))


# A nickname in brackets or quotes between the given name and the family name: "Руслан (Рус) Бикетов", "Ruslan
# «Rus» Biketov".
NICKNAMED = re.compile(rf"(?<![\w-])([{CAPS}][a-zа-яёәғқңөұүһі]{{2,}})[ \t]+(?:\([{CAPS}][\w’'-]{{1,15}}\)|«[{CAPS}][\w’'-]{{1,15}}»|"
                       rf"[\"“][{CAPS}][\w’'-]{{1,15}}[\"”])[ \t]+([{CAPS}][a-zа-яёәғқңөұүһі]+(?:-[{CAPS}][a-zа-яёәғқңөұүһі]+)?)(?![\w-])")


COUPLE = re.compile(rf"(?<![\w-])([{CAPS}][a-zа-яёәғқңөұүһі]{{2,}})[ \t]+(?:и|and|және|мен)[ \t]+"
                    rf"([{CAPS}][a-zа-яёәғқңөұүһі]{{2,}})[ \t]+([{CAPS}][a-zа-яёәғқңөұүһі]+)(?![\w-])")


def _couples(text):
    """((start, end, name), (start, end, name)) for "Given and Given Family" where both are given names and the
    family name is shared: in Russian in the plural ("Нурлан и Дарига Калиевы": Нурлан Калиев, Дарига Калиева), in
    Latin as printed, a woman's with -a added to -ov/-ev/-in ("Nurlan and Dariga Kaliyev": Dariga Kaliyeva)."""
    for m in led(COUPLE).finditer(text):
        first, second, family = m.group(1), m.group(2), m.group(3)
        if any(w in STOP for w in (first, second, family)):
            continue
        before = re.search(rf"(^|[.!?:;\n][ \t]*|[^\w \t][ \t]*|\w[ \t]+)([{CAPS}][\w’'-]*)[ \t]+$",
                           text[max(0, m.start() - 40):m.start()])
        if before and (_given_gender(before.group(2)) or _given_name(before.group(2)) or not (
                before.group(1).strip() in ("", ".", "!", "?", ":", ";") or CUES.fullmatch(before.group(2).lower()))):
            continue  # "Talgat Ayan and Maks Bokayev": the first word ends a name (Аян is a given name too)
        genders = [_given_gender(first), _given_gender(second)]
        if not all(genders):
            continue
        if CYRILLIC_WORD.search(family):
            plural = re.fullmatch(r"(.+(?:ов|ев|ёв|ин|ын))ы", family)
            if not plural:
                continue
            stem = plural.group(1)
            forms = {"m": stem, "f": stem + "а"}
        else:
            if not LONE_FAMILY_LATIN.search(family.lower()) or re.search(r"(?:va|na)$", family):
                continue
            forms = {"m": family, "f": family + "a" if re.search(r"(?:ov|ev|in)$", family) else family}
        yield (m.start(1), m.end(1), f"{first} {forms[genders[0]]}"), \
            (m.start(2), m.end(3), f"{second} {forms[genders[1]]}")


def _nicknamed(text):
    """((given start, end), (family start, end), name in the nominative) for each "Given (Nick) Family"; the given
    name must be one the lists or the dictionary know, the family name must end like one."""
    for m in led(NICKNAMED).finditer(text):
        given, family = m.group(1), m.group(2)
        if given in STOP or family in STOP or not SURNAME_END.search(family.lower()) or not (
                _given_name(given) or _given_gender(given)):
            continue
        yield m.span(1), m.span(2), _nominative(f"{given} {family}")


# Monitoring notes and court papers print the family name before the initials: "Bedelbaev A.", "Торегожина Б.",
# "Ugubaeva S.". The family name must end like one, and the initials must end the name (no capital word follows).
SURNAME_INITIALS = re.compile(r"(?<![\w.-])([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?)"
                              # (Kazakh initials "Қ.", "Ұ.", and a case ending after a hyphen: "Сұлтанбеков Қ.-ны")
                              r"[ \t]([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.(?:[ \t]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.)?)(?:-[а-яёәғқңөұүһі]{1,5}(?!\w))?"
                              r"(?![ \t]?[A-ZА-ЯЁ][a-zа-яё])"
                              # … or a sentence goes on with an ordinary word: "… и Карменов Ж. По версии …"
                              r"|(?<![\w.-])([A-ZА-ЯЁ][a-zа-яё]+)[ \t]([А-ЯЁ]\.)(?=[ \t]+(?:По|В|На|С|Суд|Им|Их|Он|Она|Они|Все)\b)")


# "Activists MAKS BOKAEV and TALGAT AYAN address the crowd": a full name set in capitals inside a line of ordinary
# prose (not a heading in capitals), given name first.
CAPS_NAME = re.compile(r"(?<![\w-])([A-Z][A-Z'’-]+)[ \t]+([A-Z][A-Z'’-]+)(?:[ \t]+([A-Z][A-Z'’-]+))?(?![\w-])")


def _capitals_in_prose(text, taken, known):
    for m in led(CAPS_NAME).finditer(text):
        line_start, line_end = text_rfind(text, "\n", 0, m.start()) + 1, text_find(text, "\n", m.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue  # a list's "FAMILY Given" already read
        words = ["-".join(p.capitalize() for p in w.split("-")) for w in m.groups() if w]
        if any(w in STOP or len(w) < 3 for w in words):
            continue
        if len(re.findall(r"\b[a-z]{3,}\b", line)) < 4 and not (
                len(words) == 2 and _plain(words[0]) in GIVEN
                and re.search(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", text)):
            # A heading in capitals — unless it names, given name first, the one whose family name the text then
            # uses alone ("CASE CHRONOLOGY: ERLAN BALTABAY (Shymkent)" … "against Baltabay"): a web page, a PDF or a
            # Word file keeps such a title on a line of its own.
            continue
        if _plain(words[0]) in GIVEN and (SURNAME_END.search(words[-1].lower()) or len(words) == 2) or \
                " ".join(words) in known:
            yield m.start(), m.end(), " ".join(words)


class _Joined:
    """A SURNAME_INITIALS match seen through whichever of its two alternatives matched."""
    def __init__(self, m):
        self.m, self._family, self._initials = m, m.group(1) or m.group(3), m.group(2) or m.group(4)

    def group(self, i):
        return self._family if i == 1 else self._initials

    def start(self):
        return self.m.start()

    def end(self):
        return self.m.end()


def _surname_initials(text, taken):
    matches = [_Joined(m) for m in led(SURNAME_INITIALS).finditer(text)]
    ends_like = [not (m.group(1) in STOP or (m.start(), m.end()) in taken) and bool(
        SURNAME_END.search(m.group(1).lower()) or any(SURNAME_END.search(f.lower()) for f in family_forms(m.group(1))))
        for m in matches]
    for i, m in enumerate(matches):
        family = m.group(1)
        if family in STOP or (m.start(), m.end()) in taken:
            continue
        # A Kazakh family name without a Russian ending ("Аян Т.", "Казакбай Ж.") listed with one that has it
        # ("Бокаева М. и Аяна Т.", "Жаулибаев Н., Казакбай Ж."): a name too.
        listed = any(ends_like[j] and 0 <= j < len(matches) and re.fullmatch(
            r"\s*(?:,|и|,\s*и)\s*", text[min(m.end(), matches[j].end()):max(m.start(), matches[j].start())])
            for j in (i - 1, i + 1) if 0 <= j < len(matches))
        if not (ends_like[i] or (listed and not is_common_word(family))):
            continue
        initials = m.group(2).replace(" ", "").replace("\t", "")
        yield m.start(), m.end(), nominative(f"{initials} {family}")


def role_before(text, start):
    """The victim's role named just before a name ("journalist", "блогер"), else ""."""
    cue = CUES.search(text[max(0, start - 40):start])
    if not cue:
        return ""
    word = re.sub(r"[\s,]+$", "", cue.group()).lower()
    return ROLE_WORDS.get(word, {"activist": "activist", "activists": "activist", "journalists": "journalist",
                                 "bloggers": "blogger", "reporter": "journalist"}.get(word, ""))


MASCULINE_GIVEN = {row[0] for row in lexicon.table("given_names", "ru") if row[1] == "m"}
# Kazakh given names in Cyrillic are names, even where the dictionary knows the word as a place ("Алтай").
GIVEN |= {row[0] for row in lexicon.table("given_names", "ru")}
# Kazakh given names in Kazakh spelling (lexicon/kk/given_names.tsv): a declined family name after one of them, and
# two names run together ("Талғат Сәрсен Жанар Бековамен бірге"), are read by the Kazakh rules below.
KK_GIVEN = {row[0] for row in lexicon.table("given_names", "kk")}
GIVEN |= KK_GIVEN
NOT_KAZAKH_ENDING = re.compile("|".join(f"(?:{row[0]})" for row in lexicon.table("not_endings", "kk")) or "(?!)",
                               re.I)
KAZAKH_LETTER = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
# A man's case endings on a given name and on a Russian-style family name: genitive/accusative, dative, instrumental,
# prepositional ("Нурлана Жаулибаева", "Нурлану Жаулибаеву", "Нурланом Жаулибаевым", "о Нурлане Жаулибаеве").
MALE_CASES = [("а", ("а",)), ("у", ("у",)), ("ом", ("ым",)), ("е", ("е",))]
FAMILY_STEM = re.compile(r"^(?P<stem>[А-ЯЁ][а-яё-]*(?:ов|ев|ёв|ин|ын))(?P<ending>а|у|ым|е)$")


# A woman's given name that Russian does not decline ("Сауле", "Жанар", "Айгерим"): the dictionary may read it as a
# man's name in some case ("Сауле" as "Саул"); it stays, and the words beside it are a woman's ("Жанар Секербаеву"
# is Жанар Секербаева).
KAZAKH_CASE_LETTERS = re.compile(r"[әғқңөұүһі]", re.I)
# (A name in -а after a vowel, "Маруа", is not declined either: "Маруа Ескендировой".)
FEMININE_FIXED = {row[0] for row in lexicon.table("given_names", "ru")
                  if row[1] == "f" and (row[0][-1] not in "аяАЯ" or re.search(r"[аеиоуыэюя]а$", row[0]))}


# After initials, "Калиева" may be a woman in the nominative or a man in the genitive/accusative. The word before
# the name decides when it governs an object: an act verb ("приговорил Е.М. Калиева"), a preposition of the
# genitive ("в отношении И.В. Чуприна"), a man's role noun in the genitive ("журналиста И.В. Чуприна").
INITIALS_ONLY = re.compile(r"(?:[А-ЯЁ]\.\s?){1,3}$")
OBJECT_VERBS = set(lexicon.words("object_verbs", language="ru"))  # (lexicon/ru/object_verbs.tsv)
GENITIVE_BEFORE = set(lexicon.words("genitive_before", language="ru"))  # (lexicon/ru/genitive_before.tsv)


def _initials_man(name, text, start, end=None):
    words = name.split()
    if len(words) < 2 or not all(INITIALS_ONLY.fullmatch(w) for w in words[:-1]) or \
            not re.search(r"(?:ов|ев|ёв|ин|ын)а$", words[-1]):
        return name
    if end is not None and not re.search(r"(?:ов|ев|ёв|ин|ын)а$", _plain(text[start:end].split()[-1])):
        return name  # printed "А.Е. Исмаковой": a woman's case, whatever the words before it govern
    before = re.findall(r"[А-Яа-яЁё]+", text[max(0, start - 40):start])
    if not before or re.search(r"[.!?:;—–-]\s*$", text[max(0, start - 4):start]):
        return name
    prev = before[-1].lower()
    from qorgau.lib.morphology import _analyser
    parses = _analyser().parse(prev)
    man = prev in GENITIVE_BEFORE or any(p.normal_form in OBJECT_VERBS and "VERB" in p.tag for p in parses) or (
        parses and all("NOUN" in p.tag and "anim" in p.tag and p.tag.gender == "masc" and
                       p.tag.case in ("gent", "accs") for p in parses[:2]))
    return " ".join(words[:-1] + [words[-1][:-1]]) if man else name


FEMININE_GIVEN = {row[0] for row in lexicon.table("given_names", "ru") if row[1] == "f"}


def _unknown_man_dative(given, family):
    """"Серикжану Мамбеталину": a given name outside the hand list in -у beside a family name in -ову/-еву/-ину is
    a man's dative, unless the given name can be a woman's (its -а form a woman's name, "Анну", "Марину", or the bare
    stem a woman's name, "Айжану"). The -у pair could in theory be a woman's accusative ("Серикжана
    Мамбеталина"), but only a woman's name in -а takes it, and the dictionary knows those; a man's name it does not
    know ("Серикжан", "Данияр") it still guesses as a man's name, which is the evidence used here."""
    if given in MASCULINE_GIVEN or len(given) < 4 or not given.endswith("у") or \
            not re.search(r"[бвгджзклмнпрстфхцчшщ]$", given[:-1]):
        return False
    m = FAMILY_STEM.match(family)
    if not m or m.group("ending") != "у":
        return False
    stem = given[:-1]
    if stem in FEMININE_GIVEN or stem + "а" in FEMININE_GIVEN:
        return False
    from qorgau.lib.morphology import _analyser
    analyser = _analyser()
    if any("Name" in p.tag and p.tag.gender == "femn" for w in (stem, stem + "а") for p in analyser.parse(w)):
        return False
    return any("Name" in p.tag and p.tag.gender == "masc" and p.tag.case == "nomn" for p in analyser.parse(stem))


@lru_cache(maxsize=1)
def _common_given():
    """The common given names of qorgau/lib/given_names.txt as written (Russian-language spelling)."""
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent.parent / "lib" / "given_names.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


KK_GIVEN_GENDER = {row[0]: row[1] for row in lexicon.table("given_names", "kk") if len(row) > 1}


@lru_cache(maxsize=20000)
def _given_strength(word, gender):
    """How surely `word` is a given name of that gender ("m"/"f") in the nominative: 2 when a list says so (the
    lexicons' names with their gender, or given_names.txt: a name there in -а/-я is a woman's, one in a consonant a
    man's unless the dictionary knows it as a woman's), 1 when only pymorphy3's dictionary knows it as such a name
    (not a guess for an unknown word), else 0."""
    if not word or not CYRILLIC_WORD.search(word):
        return 0
    listed_gender = {"m": MASCULINE_GIVEN, "f": FEMININE_GIVEN}[gender]
    if word in listed_gender or KK_GIVEN_GENDER.get(word) == gender:
        return 2
    from qorgau.lib.morphology import _analyser
    analyser = _analyser()
    low = word.lower()
    known = analyser.word_is_known(low)
    parses = analyser.parse(low) if known else []
    tag_gender = {"m": "masc", "f": "femn"}[gender]
    other = "femn" if gender == "m" else "masc"
    names_other = any({"Name", "nomn", other} <= set(p.tag.grammemes) for p in parses[:1])
    if word in _common_given() and not (word in FEMININE_GIVEN if gender == "m" else word in MASCULINE_GIVEN):
        womanly = word[-1] in "аяАЯ"
        if (gender == "f") == womanly and not names_other:
            return 2
    return 1 if any({"Name", "nomn", tag_gender, "sing"} <= set(p.tag.grammemes) for p in parses[:6]) else 0


def _declined_gender(given, family):
    """"m" or "f" for "Given Family" whose Russian family ending leaves the gender open: -ова/-ева/-ина is a man's
    genitive or accusative or a woman's nominative ("Серикжана Мамбеталина", "Марина Ильина"), -ову/-еву/-ину a
    man's dative or a woman's accusative ("Марину Петрову", "Ерлану Садыкову"). The given name decides: the man's
    name its case ending leaves (Серикжан, Ерлан) against the woman's name it is or stands for (Марина, Алия),
    a listed name outweighing one only the dictionary knows (Марин is a name in pymorphy3, Марина a common one).
    "" when neither or both are names (Бекета: the words around it decide, `_declined_by_context`)."""
    m = FAMILY_STEM.match(family)
    if not m or not CYRILLIC_WORD.search(given) or KAZAKH_CASE_LETTERS.search(given + family):
        return ""
    ending = m.group("ending")
    stem = next((given[:-len(e)] for e in {"а": ("а",), "у": ("у",), "ым": ("ом", "ем"), "е": ("е",)}[ending]
                 if given.endswith(e)), "")
    man = _given_strength(stem, "m") if len(stem) > 2 and re.search(r"[бвгджзклмнпрстфхцчшщ]$", stem) else 0
    if ending in ("ым", "е"):
        # a man's instrumental or prepositional ("Серикжане Мамбеталине"; a woman's would be -иной, -овой)
        return "m" if man else ""
    # a given name in a consonant left undeclined beside a family name in -а or -у: Russian declines a man's
    # ("Ерлана Садыкова", "Ерлану Садыкову"), not a woman's ("Махаббат Кусаинова", "Махаббат Кусаинову")
    undeclined = 1 if re.search(r"[бвгджзклмнпрстфхцчшщь]$", given) and len(given) > 3 and \
        not _given_strength(given, "m") else 0
    if ending == "а":
        woman = max(_given_strength(given, "f"), 2 if given in FEMININE_FIXED else 0, undeclined)
    else:
        woman = max(_given_strength(given[:-1] + "а", "f") if given.endswith("у") else 0,
                    _given_strength(given[:-1] + "я", "f") if given.endswith("ю") else 0,
                    2 if given in FEMININE_FIXED else 0, undeclined)
    return "m" if man > woman else "f" if woman > man else ""


def _declined_reading(given, family):
    """The nominative of "Given Family" when `_declined_gender` tells the gender, else None."""
    if re.fullmatch(r"[А-ЯЁ][а-яё-]*(?:ов|ев|ёв|ин|ын)", family) and re.search(r"[бвгджзклмнпрстфхцчшщ][ыи]$", given) \
            and not _given_strength(given[:-1] + "а", "f") and not _given_strength(given[:-1] + "я", "f"):
        return f"{given} {family}"  # "Сейтказы Матаев": a nominative already (not "Сейтказа", a woman's genitive)
    m = FAMILY_STEM.match(family)
    if m and m.group("ending") in ("а", "у") and re.search(r"[бвгджзклмнпрстфхцчшщ][ыи]$", given) and \
            CYRILLIC_WORD.search(given) and not KAZAKH_CASE_LETTERS.search(given + family) and \
            not _given_strength(given[:-1] + "а", "f") and not _given_strength(given[:-1] + "я", "f") and \
            not _given_strength(given, "f"):
        # "Сейтказы Матаеву", "Сейтказы Матаева": a Kazakh man's name in -ы/-и that Russian does not decline (a
        # woman's genitive, "Марины", would stand beside "-ой"), not "Сейтказа"
        return f"{given} {m.group('stem')}"
    gender = _declined_gender(given, family)
    if not gender:
        return None
    m = FAMILY_STEM.match(family)
    if gender == "m":
        stem = given[:-2] if m.group("ending") == "ым" else given[:-1]
        return f"{stem} {m.group('stem')}"
    if m.group("ending") == "а":
        return f"{given} {family}"
    woman = given if given in FEMININE_FIXED or not given.endswith(("у", "ю")) else \
        given[:-1] + ("я" if given.endswith("ю") else "а")
    return f"{woman} {m.group('stem')}а"


# The words before a name: a preposition or a verb that governs a genitive or accusative, or a common noun the name
# is the possessor of ("Родственники Бекета Мынбасова", "дело Ернара Саматова"), make "-а … -ова" a man's genitive;
# a woman's role noun ("активистка", "журналистка") or a verb after it in the feminine past ("… заявила") a woman
# in the nominative; a man's role noun in the genitive ("активиста") or a masculine past verb after it a man.
GOVERNING_PREPOSITIONS = set(lexicon.words("governing_prepositions", language="ru"))  # (lexicon/ru/governing_prepositions.tsv)


def _declined_by_context(name, text, start, end):
    """"Бекета Мынбасова" (an unknown given name in -а and a family name in -ова/-ева/-ина): a man in the genitive
    or accusative, or a woman in the nominative, by the words around it (`GOVERNING_PREPOSITIONS` above); as
    printed when they say nothing."""
    words = name.split()
    printed = text[start:end].split()
    if len(words) != 2 or words != printed or not words[0].endswith("а") or _declined_gender(*words) or \
            not (m := FAMILY_STEM.match(words[1])) or m.group("ending") != "а":
        return name
    if _given_strength(words[0], "f"):
        return name
    gender = _context_gender(text, start, end)
    return f"{words[0][:-1]} {m.group('stem')}" if gender == "m" else name


def _context_gender(text, start, end):
    """"m" when the words around a name in -а/-ова say it is governed (a man's genitive or accusative), "f" when
    they say it is a woman in the nominative, "" when they say nothing (`GOVERNING_PREPOSITIONS` above). The word
    before decides first ("Защита Бокаева обжаловала": the verb after agrees with "Защита"), then a verb in the past
    right after the name ("Бекета Мынбасова заявил")."""
    from qorgau.lib.morphology import _analyser
    analyser = _analyser()
    # (the last part of a hyphenated noun: "писателя-атеиста Александра Харламова")
    before = re.search(r"(?<![\w])(?:[А-ЯЁа-яё]+-)?([А-ЯЁа-яё]+)[ \t]+$", text[max(0, start - 40):start])
    if before:
        prev = before.group(1).lower()
        if prev in GOVERNING_PREPOSITIONS or prev in GENITIVE_BEFORE:
            return "m"
        parses = analyser.parse(prev)[:2]
        if parses and (prev in ROLE_WORDS or prev in ROLE_PARTS):
            if all("femn" in p.tag for p in parses):
                return "f"
            if all(p.tag.gender == "masc" and p.tag.case in ("gent", "accs") for p in parses):
                return "m"
        elif parses and (any("VERB" in p.tag and "tran" in p.tag for p in parses[:1]) or
                         all("NOUN" in p.tag and "Name" not in p.tag and "Surn" not in p.tag for p in parses)):
            return "m"
    after = re.match(r"[ \t]+([а-яё]+)", text[end:end + 30])
    if after:
        for p in analyser.parse(after.group(1))[:1]:
            if {"VERB", "past", "sing"} <= set(p.tag.grammemes) and p.tag.gender in ("masc", "femn"):
                return "m" if p.tag.gender == "masc" else "f"
    return ""


@lru_cache(maxsize=20000)
def _nominative(name):
    """`_nominative_of`, and a patronymic's gender holds for the family name: "Мамбеталина Серикжана Болатовича" is
    Мамбеталин (pymorphy3 reads Мамбеталина as a woman's given name, which no case of the man's can undo)."""
    result = _nominative_of(name)
    from qorgau.lib.morphology import _gender_hint
    if not CYRILLIC_WORD.search(result) or len(result.split()) < 3 or \
            not any(re.search(r"(?:вич|вна|чна)$", w) for w in result.split()):
        return result
    gender = _gender_hint(name.split())
    if gender == "masc":
        return " ".join(w[:-1] if re.fullmatch(r"[А-ЯЁ][а-яё-]+(?:ов|ев|ёв|ин|ын)а", w) else w for w in result.split())
    if gender == "femn":
        return " ".join(w + "а" if re.fullmatch(r"[А-ЯЁ][а-яё-]+(?:ов|ев|ёв|ин|ын)", w) and w not in GIVEN else w
                        for w in result.split())
    return result


def _nominative_of(name):
    """`nominative`, but a known man's given name with a case ending beside a family name with the same case
    ("Нурлана Жаулибаева", "Ерлану Садыкову") is that man in the nominative, not a woman named "Нурлана"."""
    words = name.split()
    if len(words) == 2 and (reading := _declined_reading(*words)):
        return reading
    fixed = [w for w in words if w in FEMININE_FIXED]
    if fixed and len(fixed) < len(words) and not any(KAZAKH_CASE_LETTERS.search(w) for w in words):
        rest = iter(russian_nominative(" ".join(w for w in words if w not in fixed), "femn").split())
        return " ".join(w if w in fixed else next(rest, w) for w in words)
    if len(words) == 2 and words[0] not in MASCULINE_GIVEN and words[0] not in KK_GIVEN and \
            not _mans_given_declined(words[0]):
        # Court papers print the family name first: "в отношении Бокаева Макса и Аяна Талгата" (not a Kazakh given
        # name first, "Ержанат Абай", whose family name happens to be a given name too; nor a man's given name in a
        # case, "Равката Бахтияра": both words given names, nothing says the order is turned — session 16, a father
        # "Равкат Бахтияр" read as "Бахтияр Равкат" became his son "Бахтияр Равкатов")
        family, given = words
        for ending, family_endings in MALE_CASES + [("", ("",))]:
            stem = given[:-len(ending)] if ending else given
            if given.endswith(ending) and stem in MASCULINE_GIVEN and stem[:3] != family[:3]:
                m = FAMILY_STEM.match(family)
                if m and m.group("ending") in family_endings:
                    return f"{stem} {m.group('stem')}"
                if not m and ending and family.endswith(ending) and len(family) > len(ending) + 2:
                    return f"{stem} {family[:-len(ending)]}"
                if not m and not ending and not re.search(r"(?:ов|ев|ин)[ауе]$|(?:ова|ева|ина)$", family):
                    return f"{stem} {family}"
    if len(words) == 2 and _woman_as_printed(*words):
        return name
    if len(words) == 2 and _unknown_man_dative(*words):
        return f"{words[0][:-1]} {FAMILY_STEM.match(words[1]).group('stem')}"
    if len(words) == 2:
        given, family = words
        for ending, family_endings in MALE_CASES:
            stem = given[:-len(ending)]
            if given.endswith(ending) and stem in MASCULINE_GIVEN:
                m = FAMILY_STEM.match(family)
                if m and m.group("ending") in family_endings:
                    return f"{stem} {m.group('stem')}"
                if not m and family.endswith(ending) and re.search(r"[бвгджзйклмнпрстфхцчшщ]$", family[:-len(ending)]):
                    return f"{stem} {family[:-len(ending)]}"  # "Талгата Аяна": a Kazakh family name, same ending
                if not m and not re.search(r"(?:ова|ева|ина|ая)$", family):
                    break  # a family name of another shape ("Казакбаю"): the dictionary reads it
    if len(words) == 2 and (m := FAMILY_STEM.match(words[1])) and m.group("ending") == "а" and \
            re.fullmatch(r"[А-ЯЁ][а-яё]+а", words[0]) and _mans_compound(words[0][:-1]) and \
            not _given_strength(words[0], "f") and not KAZAKH_CASE_LETTERS.search(name):
        return f"{words[0][:-1]} {m.group('stem')}"  # "Серикнурлана Бажкенова": Серик|нурлан, a man's genitive
    result = nominative(name)
    if len(words) == 2 and (woman := re.fullmatch(r"([А-ЯЁ][а-яё-]*(?:ов|ев|ёв|ин|ын))ой", words[1])) and \
            result.split()[-1] == words[1] and not KAZAKH_CASE_LETTERS.search(name):
        # "Мадине Калиевой": a woman's family name the dictionary also knows as an adjective (калиевый) leaves no
        # reading that fits both words; -ой is hers in any case
        given = russian_nominative(words[0], "femn") if words[0] != words[0].upper() else words[0]
        if given != words[0] and not _given_strength(given, "f"):
            given = words[0]  # a guess for a name the dictionary does not know ("Зауре" is no "Заура")
        return f"{given} {woman.group(1)}а"
    return result


def _mans_given_declined(word):
    """A listed man's given name with a Russian case ending ("Равката", "Бахтияру")."""
    return any(ending and word.endswith(ending) and word[:-len(ending)] in MASCULINE_GIVEN for ending, _ in MALE_CASES)


def _woman_as_printed(given, family):
    """A woman's name in the nominative as printed, not a man's genitive, in either of two readings:

    - "Рена Керимова", "Бота Шарипжан": a given name in -а the dictionary knows only as a common noun's genitive
      (рен, бот), beside a family name in -ова/-ева/-ина or a Kazakh one left undeclined (a man's would be declined
      too: "Темирлана Енсебека"): not a man named "Рен" or "Бот";
    - "Алина Берменкул": the given name in -а/-я is a listed woman's name beside a family name Russian would have
      declined for a man (a Kazakh one in a consonant: "Талгата Аяна"). (An unknown given name beside -ова, "Елдоса
      Досанова", stays the dictionary's guess: kept as printed it made unknown Kazakh men's genitives women.)

    The words around it may still say otherwise (`_declined_by_context`)."""
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+", given) or KAZAKH_CASE_LETTERS.search(given + family):
        return False
    if re.fullmatch(r"[А-ЯЁ][а-яё]+[ая]", given) and re.fullmatch(r"[А-ЯЁ][а-яё-]+", family) and \
            _given_strength(given, "f") == 2 and _given_strength(given[:-1], "m") < 2 and \
            re.search(r"[бвгджзклмнпрстфхцчшщ]$", family) and not FAMILY_STEM.match(family):
        return True
    if not given.endswith("а") or len(given) < 4 or given in MASCULINE_GIVEN:
        return False
    m = FAMILY_STEM.match(family)
    undeclined = re.fullmatch(r"[А-ЯЁ][а-яё-]*[бвгджзклмнпрстфхцчшщ]", family) and \
        not re.search(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$", family)
    if not ((m and m.group("ending") == "а") or undeclined):
        return False
    if undeclined:
        # a man's name would be declined with it ("Алина Берменкул": Алина, not Алин's genitive), unless the list
        # knows the man's name better than the woman's (a writer who left "Темирлана Енсебек" undeclined)
        return _given_strength(given[:-1], "m") <= max(_given_strength(given, "f"), 1) and \
            not (given[:-1] in KK_GIVEN and KK_GIVEN_GENDER.get(given[:-1]) != "f")
    if _given_strength(given[:-1], "m") or _given_strength(given, "f") or given[:-1] in KK_GIVEN:
        return False
    parses = _parses(given.lower())
    return bool(parses) and not any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in parses) and \
        any("NOUN" in p.tag and p.tag.case == "gent" for p in parses)


@lru_cache(maxsize=1)
def _mens_endings():
    """The listed men's given names of five letters or more, in lower case, Kazakh letters folded."""
    men = set(MASCULINE_GIVEN) | {w for w, g in KK_GIVEN_GENDER.items() if g == "m"} | {
        w for w in _common_given() if re.search(r"[бвгджзклмнпрстфхцчшщ]$", w) and w not in FEMININE_GIVEN}
    return frozenset(w.lower().translate(KK_FOLD) for w in men if len(w) >= 5)


def _mans_compound(stem):
    """"Абайбек": a Kazakh man's name the lists lack, made with a listed man's name of five letters or more at its
    end (Айбек) after two letters or more. A listed name is no such compound ("Жанар", a woman's, ends like "Анар")."""
    if _listed_given(stem) or stem in GIVEN:
        return False
    low = stem.lower().translate(KK_FOLD)
    return any(low.endswith(name) for name in _mens_endings() if len(low) >= len(name) + 2)


def _as_named_before(words, name, named):
    """A declined name the document already named in the nominative is that name, whatever reading the dictionary
    preferred ("Ерлану Касымову" after "Ерлан Касымов" is not "Ерлана Касымова"). `named`: {family name: [full
    names]} of the mentions so far."""
    if not CYRILLIC_WORD.search(words[-1]) or name in named.get(name.split()[-1], ()):
        return name
    for family in sorted(family_forms(_plain(words[-1]))):  # (a set: its order changes with the hash seed)
        tried = set()   # (a name named again answers as it did: each is asked once, at its latest mention)
        for other in reversed(named.get(family, ())):
            if other in tried:
                continue
            tried.add(other)
            parts = other.split()
            # the given name printed is the other's with a case ending ("Ерлану" / Ерлан), not a brother's name
            # sharing its first letters (Нурбол / Нурлан)
            if len(parts) == len(words) and (_declined_from(_plain(words[0]), parts[0]) or (
                    _is_initial(words[0]) and parts[0][:3].lower() == words[0][:3].lower())):
                return other
    return name


CYRILLIC_WORD = re.compile(r"[а-яёәғқңөұүһі]", re.I)


def _ordinary(word, lowercase_words):
    """A capitalised word that is an ordinary word here: the text uses it in lower case, or (Russian) the dictionary
    knows it as no name. Given names the list knows are never ordinary."""
    plain = _plain(word)
    if plain in GIVEN or _is_initial(plain):
        return False
    if plain.lower() in lowercase_words or (is_common_word(plain) and not _toponym(plain)):
        return True
    # Kazakh: a noun in the plural at a sentence's start ("Тергеушілер Өтеповаға айып тақты", investigators; no given
    # name ends in -лар/-лер after four letters: Айдар, Мұхтар end in -дар/-тар)
    if (KK_PLURAL.search(plain) or KK_PLURAL_TD.search(plain)) and plain not in KK_GIVEN and \
            plain not in _common_given():
        return True
    # Kazakh: a common noun with a case ending at a sentence's start ("Колонияда Тимур Жановты …", in the colony);
    # not a given name the dictionary knows that merely ends so ("Надежда", whose "-да" is no locative: session 17)
    return bool(KK_PLACE_CASE.search(plain)) and not _listed_given(plain) and any(
        len(stem) >= 4 and (stem.lower() in lowercase_words or is_common_word(stem)) for stem in kazakh_stems(plain))


# Which words belong to a person's name (session 13): one predicate, `not_name_word`, used wherever a run of
# capitalised words is cut into a name (its first word, its last word, and the words inside it).
_KK_CASE_AFTER = rf"(?:{kazakh_endings('after_suffix')})?"
KK_NOT_NAME_END = {need: re.compile(
    "(" + "|".join(f"(?:{row[0]})" for row in lexicon.table("not_name_suffixes", "kk") if row[2] == need) + ")"
    + r"(?:ы|і|сы|сі|[ыі]?мыз|[ыі]?міз|[ыі]ң|[ыі]ңыз|[ыі]ңіз)?" + _KK_CASE_AFTER + "$", re.I) for need in ("any", "stem")}
# The locative and the ablative (and the adjective of place in -дағы): a person's name carries them rarely, and only
# on its last word ("Онда Елшибаев …" there, "Залда …" in the hall, "Шыңжаңнан" from Xinjiang).
KK_PLACE_ENDING = re.compile(rf"(?:{kazakh_endings('place_ending')})$", re.I)
# English words made by a suffix that makes verbs or abstract nouns ("Investigate", "Recommendation", "Harassment"):
# never a person's name (names in -ence, -ance or -ise, "Florence", "Constance", "Louise", are left alone).
EN_NOT_NAME_END = re.compile(r"[a-z]{4,}(?:ate|ize|ify|tion|sion|ment|ness|ings?)$")
# A rank abbreviated before a name, two short capitalised parts joined by a hyphen ("Lt-Col", "Maj-Gen").
EN_RANK = re.compile(r"[A-Z][a-z]{0,2}\.?-[A-Z][a-z]{0,2}\.?")


@lru_cache(maxsize=20000)
def _listed_given(word):
    """A given name the lists or the Russian dictionary know (in either script, Kazakh letters folded)."""
    if word in GIVEN or _kazakh_given(word) or word in KK_GIVEN or word in MASCULINE_GIVEN or word in FEMININE_GIVEN \
            or word in _common_given():
        return True
    if CYRILLIC_WORD.search(word):
        parses = _parses(word.lower())
        # (a guess of the dictionary for an unknown word is no knowledge: "Осылайша")
        return _given_strength(word, "m") > 0 or _given_strength(word, "f") > 0 or bool(
            parses and parses[0].is_known and "Name" in parses[0].tag)
    return bool(_given_gender(word))


def _known_stem(stem, lowercase_words):
    """A Kazakh word's stem a suffix was added to is a word: a place, a word the text prints in lower case, or one
    the Russian dictionary knows as no name ("Атырау|лық", "Конституция|лық", "Журналист|ер")."""
    return len(stem) >= 4 and (stem in PLACES or stem.lower() in lowercase_words or is_common_word(stem))


def _kazakh_derived(plain, lowercase_words):
    """A Kazakh common noun, adjective or adverb by its derivational suffix (`kk/not_name_suffixes.tsv`)."""
    if len(plain) < 6 or SURNAME_END.search(plain.lower()):
        return False
    if KK_NOT_NAME_END["any"].search(plain):
        return True
    m = KK_NOT_NAME_END["stem"].search(plain)
    # (a suffix's first consonant may merge with the stem's last: "Журналист" + "тер" is "Журналистер")
    return bool(m) and any(_known_stem(plain[:m.start(1) + cut], lowercase_words) for cut in (0, 1))


def not_name_word(word, where, text="", start=0, neighbour="", kazakh_text=False, stem_of=None,
                  lowercase_words=frozenset()):
    """Whether a capitalised word beside a name is no part of it. `where`: "first" (it opens the run, a sentence's
    first word or a title), "inside" (another capitalised word follows it) or "last" (it ends the run; `neighbour` is
    the word before it). Decided from the languages' resources, not from lists of the words:
    - Kazakh: a derivational suffix of a common noun, adjective or adverb (`kk/not_name_suffixes.tsv`: "Сотталушы",
      "Тергеушілер", "Атыраулық", "Осылайша"); a locative or ablative ending, or any case ending on a word whose stem
      the document prints bare, on a word that is not the last (a Kazakh name declines on its last word only:
      "Онда Елшибаев", "Абайды Шыңжаңның");
    - Russian: a place in an oblique case opening the run ("гражданину России Е. Наказненко"); an adjective in -ский
      after a family name and before its noun ("Сатымжана Азатова Астанинский городской суд");
    - English: a verb or an abstract noun by its suffix opening the run ("Investigate Sagutdinov's allegation"), a
      rank abbreviated ("Lt-Col");
    - any language: a word in the other script than the name's (a Latin site or network after a Cyrillic name:
      "Мұхамадиева Threads") — see `_cut_at_script`.
    A given name the lists or the dictionary know is always a name word."""
    plain = _plain(word)
    if _is_initial(plain) or _listed_given(plain) or NOT_KAZAKH_ENDING.search(plain):
        return False
    cyrillic = bool(CYRILLIC_WORD.search(plain))
    if where == "first" and plain.casefold() in KIN_WORDS:
        # "Әкесі Сейтқазы Матаев" at a sentence's start ("his father …"): the word for a relative opens the run, it
        # is no given name; left out, it marks the name as a relative's (KIN_BEFORE)
        return True
    if kazakh_text and cyrillic and where in ("first", "inside", "alone"):
        if _kazakh_derived(plain, lowercase_words):
            return True
        if where != "alone" and KK_PLACE_ENDING.search(plain) and len(plain) >= 4:
            return True
        if where == "inside" and stem_of and plain in stem_of and not SURNAME_END.search(plain.lower()):
            return True
    if cyrillic and not kazakh_text and where == "first" and not KAZAKH_LETTER.search(plain):
        parses = [p for p in _parses(plain.lower()) if p.score > 0.05]
        # (not before a family name in a case: "Алтая Жаканбаева", "Дархану Уалиеву" are given names; nor before a
        # patronymic: "Алтая Дархановича Амангельдыева", session 16)
        if parses and all("Geox" in p.tag and p.tag.case != "nomn" for p in parses) and parses[0].is_known and \
                not LONE_FAMILY_CYRILLIC.search(_plain(neighbour).lower()) and \
                not re.search(r"(?:ович|евич|овн|евн)\w{0,3}$", _plain(neighbour).lower()):
            return True
    if cyrillic and where == "last" and neighbour and SURNAME_END.search(_plain(neighbour).lower()) and \
            not PATRONYMIC.search(plain.lower()) and _adjective_before_noun(text, start, plain):
        return True
    if not cyrillic and where in ("first", "alone") and (EN_NOT_NAME_END.fullmatch(plain.lower()) or EN_RANK.fullmatch(plain)):
        return True
    return False


def _cut_at_script(run):
    """A run of capitalised words is cut where the script changes, initials aside: "Мұхамадиева Threads", "Залда
    Tengrinews" (a name is written in one script)."""
    pieces, current = [], []
    for item in run:
        word = item[2]
        if current and not _is_initial(word) and not _is_initial(current[-1][2]) and \
                bool(CYRILLIC_WORD.search(word)) != bool(CYRILLIC_WORD.search(current[-1][2])):
            pieces.append(current)
            current = []
        current.append(item)
    if current:
        pieces.append(current)
    return pieces


def _cut_at_line(text, run):
    """A run of capitalised words cut at a line break with two words or more on each side: a list printed one name a
    line ("Ерлан Ибраев⏎Асель Нурова"), a name then the next line's heading. (A name a line wraps leaves one word on
    one side: "Ерлан⏎Ибраев", "Ибраев Ерлан⏎Серикович".)"""
    for i in range(2, len(run) - 1):
        if "\n" in text[run[i - 1][1]:run[i][0]]:
            return [run[:i]] + _cut_at_line(text, run[i:])
    return [run]


def _names_in_a_row(run, two_names):
    """Names printed one after another with nothing between them ("Ерлан Ибраев Асель Нурова Марат Нургалиев", a
    list run together): `two_names` (the language's test of four words as two persons) is asked of the first four
    words, and the first person cut off, while more than four words are left (session 17)."""
    pieces = []
    while len(run) > 4:
        parts = two_names(run[:4])
        if len(parts) != 2 or len(parts[0]) != 2:
            break
        pieces.append(run[:2])
        run = run[2:]
    return pieces + two_names(run)


RU_MONTHS = [row[0] for row in lexicon.table("months", "ru")]


def _month(word, kazakh_text):
    """A month's name in any case (lexicon ru/months.tsv, kk/months.tsv: "Март", "Марта", "Наурыз", "Қаңтарда")."""
    plain = _plain(word).lower()
    # (the Kazakh month bare or with a case ending only: "Наурызбаев", "Мамырбеков" are family names)
    return any(re.fullmatch(month, plain) for month in KK_MONTHS + RU_MONTHS) or (
        kazakh_text and _kazakh_month(_plain(word)))


def _cut_at_month(run, kazakh_text):
    """A month's name after a given name and a family name is a date's or a heading's ("Асель Нурова Март 2024",
    "Ерлан Ибраев Қаңтар айында …"), not a third word of the name: the name ends before it. (Alone or second, a
    month's name may be a given name: "Наурыз", "Марта Ибраева".)"""
    for i in range(2, len(run)):
        if _month(run[i][2], kazakh_text) and not _is_initial(run[i][2]) and not PATRONYMIC.search(_plain(run[i][2]).lower()):
            return [run[:i], run[i:]]
    return [run]


def _cut_inside(run, kazakh_text, stem_of, lowercase_words):
    """A run cut after each word inside it that `not_name_word` says ends a name ("Онда Елшибаев" -> "Онда",
    "Елшибаев")."""
    pieces, current = [], []
    for i, item in enumerate(run):
        current.append(item)
        if i < len(run) - 1 and not_name_word(item[2], "inside", kazakh_text=kazakh_text, stem_of=stem_of,
                                              lowercase_words=lowercase_words):
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return pieces


@lru_cache(maxsize=20000)
def _toponym(word):
    """A word the Russian dictionary knows only as a place name ("Назым", a village, is also a Kazakh given name):
    no ordinary word; the list of places (`PLACES`) says which places stop a name."""
    from qorgau.lib.morphology import _analyser
    parses = [p for p in _analyser().parse(word.lower()) if p.score > 0.05]
    return bool(parses) and all("Geox" in p.tag for p in parses)


KK_PLURAL = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]{3,}(?:лар|лер)(?:ға|ге|да|де|дан|ден|ды|ді|дың|дің|мен)?$")
# … and its other forms, each where Kazakh puts it: -тар/-тер after a voiceless consonant (Әріптестер, Адвокаттар),
# -дар/-дер after з ж л м н ң (Сарбаздар, Әйелдер); the given names that end so put it elsewhere (Айдар and
# Жанайдар after й, Сардар after р, Нұрмұхтар after х, a letter of loan words) or on a short stem (Тоқтар)
KK_PLURAL_TD = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]{2,}(?:[кқпстшбвгд](?:тар|тер)|[зжлмнң](?:дар|дер))"
                          r"(?:ға|ге|да|де|дан|ден|ды|ді|дың|дің|мен)?$")


# the Kazakh locative, ablative and dative endings (a place or thing a sentence opens with)
KK_PLACE_CASE = re.compile(rf"[а-яёәғқңөұүһі](?:{kazakh_endings('opening')})$")


_NATASHA = {}


def natasha_spans(text):
    """(start, end) of the persons natasha's Russian named-entity tagger finds (slovnet; the model ships inside the
    PyPI package, nothing is downloaded). Optional: about 9,500 words/s on one core, so it is used only where the
    setting QORGAU_RUSSIAN_NER asks for it (docs/documents.md)."""
    if not _NATASHA:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter

        _NATASHA["segmenter"] = Segmenter()
        _NATASHA["tagger"] = NewsNERTagger(NewsEmbedding())
    from natasha import Doc

    doc = Doc(text)
    doc.segment(_NATASHA["segmenter"])
    doc.tag_ner(_NATASHA["tagger"])
    return [(span.start, span.stop) for span in doc.spans if span.type == "PER"]


# Before two or three capitalised words that only their being unknown made a name (no given name, no family name's
# ending, no cue): an English article or possessive, with at most two words between that are an age, "first" or an
# adverb-shaped adjective ("a 54-year-old Seventh-day Adventist", "the weekly Uralskaya Nedelya", "our Central Asia
# desk"), or "in" ("in Saudi Arabia"):
# English names a person without an article; what it puts one before is a group, a faith, a paper or a place.
ENGLISH_THING_BEFORE = re.compile(r"(?<![\w-])(?:(?:[Tt]he|[Aa]n?|[Oo]ur|[Tt]heir|[Ii]ts)"
                                  r"(?:[ \t]+(?:[a-z0-9]+-[a-z0-9-]+|first|[a-z]+ly)){0,2}|in)[ \t]+$")


def _title_case_line(text, position):
    """Whether the line at `position` is a headline in Title Case (Latin; four to fourteen words, no digits, most of
    its words of four letters or more capitalised): there capitals tell nothing, and two unknown capitalised words ("Urges
    Release", "Groups Condemn") are no name by that alone."""
    line_start = text_rfind(text, "\n", 0, position) + 1
    line_end = text_find(text, "\n", position)
    return _title_case(text, line_start, line_end if line_end >= 0 else len(text))


@lru_cache(maxsize=1024)
def _title_case(text, line_start, line_end):
    """(`_title_case_line` for the line text[line_start:line_end], read once however many names stand on it.)"""
    line = text[line_start:line_end]
    if re.search(r"[\d@]", line):
        return False  # an address line of a write-to block ("Head of the … Committee David McAllister – 1047 …")
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    long = [w for w in words if len(w) >= 4]
    return 4 <= len(words) <= 14 and len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long) and \
        not all(w.isupper() for w in long)


def _named_again_in_prose(text, start, end, family, lowercase_words):
    """Whether the family name of a candidate on a Title Case line ("Case of Zhanbolat Mamay, Almaty", a Word
    file's or a web page's heading line of its own) stands alone again later inside a sentence ("On 12 March Mamay
    was …"), and never as a common word in lower case: then it is a person's name, not a headline's capitals."""
    if len(family) < 3 or family.lower() in lowercase_words or family.isupper():
        return False
    at = text_find(text, "\n", end)
    while at >= 0:
        at = text.find(family, at + 1)
        if at < 0:
            return False
        before, after = text[max(0, at - 30):at].split("\n")[-1], text[at + len(family):at + len(family) + 1]
        if (after.isalnum() or after == "-") or not re.search(r"[^\W\d_][,;]?\s+$", before):
            continue  # part of a longer word, or not inside a sentence
        if not _title_case_line(text, at):
            return True  # after a word of its sentence, on a line that is no headline
    return False


def find_persons(text, known_names=(), extra_spans=()):
    """Person mentions, in order; surname-only mentions follow a full mention of the same family name.
    Cyrillic names are recorded in the nominative ("Бауыржану Омарову" -> "Бауыржан Омаров"). `extra_spans` are
    persons found by a named-entity tagger (natasha_spans), added where the rules found nothing."""
    known = set(known_names)
    mentions, families, given = [], {}, {}
    prose = re.sub(r"\S+@\S+|https?://\S+|www\.\S+", " ", text)  # "donald.tusk@…" is no ordinary word
    cyrillic_text = len(CYRILLIC_WORD.findall(prose)) > len(re.findall(r"[a-z]", prose, re.I))
    lowercase_words = set(re.findall(r"\b[a-zа-яёәғқңөұүһі]+\b", prose))
    named = {}
    history = {}  # family name -> [(start, full name)]: a family name alone is the nearest full name before it
    place_names = []  # (start, end) of names that name a place ("Маншүк Мәметова алаңы")
    for start, end, name in _caps_first(text):
        mentions.append(Mention(start, end, text[start:end], name=name, how="list",
                                role=role_before(text, start)))
        families[name.split()[-1]] = name
        families[text[start:end].split()[0]] = name
    for start, end, name in _inverted(text):
        if not any(x.start < end and start < x.end for x in mentions):
            mentions.append(Mention(start, end, text[start:end], name=name, how="list", role=role_before(text, start)))
            history.setdefault(name.split()[-1], []).append((start, name))
            families.setdefault(name.split()[-1], name)
    for (a_start, a_end, a_name), (b_start, b_end, b_name) in _couples(text):
        # "Нурлан и Дарига Калиевы", "Nurlan and Dariga Kaliyev": two given names share the family name after them
        mentions.append(Mention(a_start, a_end, text[a_start:a_end], name=a_name, role=role_before(text, a_start)))
        mentions.append(Mention(b_start, b_end, text[b_start:b_end], name=b_name, role=role_before(text, a_start)))
        for at, name in ((a_start, a_name), (b_start, b_name)):
            history.setdefault(name.split()[-1], []).append((at, name))
            families.setdefault(name.split()[-1], name)
            given.setdefault(name.split()[0], set()).add(name)
    for (g_start, g_end), (f_start, f_end), name in _nicknamed(text):
        # "Руслан (Рус) Бикетов": the given name and the family name are one person's, the nickname between them
        # (found as an alias of the given name below)
        for s_, e_ in ((g_start, g_end), (f_start, f_end)):
            mentions.append(Mention(s_, e_, text[s_:e_], name=name, role=role_before(text, g_start)))
        families[name.split()[-1]] = name
        families.setdefault(text[f_start:f_end], name)
        history.setdefault(name.split()[-1], []).append((g_start, name))
        given.setdefault(text[g_start:g_end], set()).add(name)
    for start, end, name in _surname_initials(text, {(m.start, m.end) for m in mentions}):
        mentions.append(Mention(start, end, text[start:end], name=name, how="list", role=role_before(text, start)))
        families.setdefault(name.split()[-1], name)
        families.setdefault(text[start:end].split()[0], name)
    for start, end, name in _capitals_in_prose(text, {(m.start, m.end) for m in mentions}, known):
        mentions.append(Mention(start, end, text[start:end], name=name, role=role_before(text, start)))
        families[name.split()[-1]] = name
        families.setdefault(text[start:end].split()[-1], name)
    taken = [(m.start, m.end) for m in mentions]
    stem_of = _kazakh_stem_of(text)
    # Family names a two-word name ends with ("Жанболат Мамай"): in a longer run, such a word last is another person
    # in an oblique case, named right after the subject as a Kazakh sentence does ("судья Елена Кван Мамайды …",
    # "адвокаты Ғалым Нұрпейісов Мұхаммедкәрімге …").
    kazakh_text = _kazakh_text(prose)
    # (a run is first cut where the script changes and after a word inside it that ends a name: `not_name_word`)
    runs = [piece for run in _runs(text) for line in _cut_at_line(text, run) for part in _cut_at_script(line)
            for piece in _cut_inside(part, kazakh_text, stem_of, lowercase_words)]
    if kazakh_text:
        runs = [cut for run in runs for piece in _kazakh_case_ends_name(run)
                for part in _names_in_a_row(piece, _two_kazakh_names) for cut in _kazakh_third_word(part)]
    else:
        runs = [part for run in runs for part in _names_in_a_row(run, _two_russian_names)]
    runs = [part for run in runs for part in _cut_at_month(run, kazakh_text)]
    pairs = {(run[0][2], stem_of.get(run[1][2], run[1][2])) for run in runs if len(run) == 2}
    pair_families = {family for _, family in pairs}
    for run in runs:
        last = run[-1][2]
        if len(run) >= 3 and last in stem_of and stem_of[last] in pair_families and \
                (run[-2][2], stem_of[last]) not in pairs and \
                not re.search(r"(?:ұлы|улы|қызы|кызы|uly|qyzy|ūly)$", run[-2][2].lower()) and not (
                # "Қарындасы Назигүл Максутханның": a kin word (or a cue) opens the run, so the two words after it
                # are one name, a relative of the same family — not a name and another person's family name
                len(run) == 3 and (run[0][2].casefold() in KIN_WORDS or CUES.fullmatch(run[0][2].lower()))):
            run = run[:-1]  # the declined last word is someone else's family name
        # A title, a role or an ordinary word at a sentence start ("Журналист Ержан …", "Преследование Бахытжан …")
        # is no part of the name; nor an ordinary word after it ("… Өтебаев Әкімшілік …").
        while run and (run[0][2] in TITLES or CUES.fullmatch(run[0][2].lower()) or (
                len(run) > 2 and run[0][2].lower() in ROLE_PARTS) or GERUND.fullmatch(run[0][2]) or (
                # "Adventist Yklas Kabduakasov", "Baptist …", "Activist …": an English noun of a belief or a trade
                len(run) > 2 and re.fullmatch(r"[A-Z][a-z]{3,}ist", run[0][2])) or (
                # "Brothers Asset and …", "Sisters …": a cue word in the plural
                len(run) >= 2 and re.fullmatch(r"[A-Z][a-z]{3,}s", run[0][2]) and CUES.fullmatch(run[0][2][:-1].lower())) or (
                _ordinary(run[0][2], lowercase_words) and not _given_before_family(text, run)
                and not _proper_before_name(text, run, lowercase_words) and not _oblique_thing_first(run)) or (
                len(run) > 1 and not_name_word(run[0][2], "first", text, run[0][0], neighbour=run[1][2],
                                               kazakh_text=kazakh_text, lowercase_words=lowercase_words)) or (
                len(run) >= 2 and _opens_a_list_of_verbs(text, run[0])
                and _word_pairs(text)[(run[0][2], _plain(run[1][2]))] < 2)):  # (not a name the text prints again)
            run = run[1:]
        # … nor a word after it that `not_name_word` reads as no name's ("Азатова Астанинский городской суд")
        while len(run) > 1 and not_name_word(run[-1][2], "last", text, run[-1][0], neighbour=run[-2][2],
                                             kazakh_text=kazakh_text, lowercase_words=lowercase_words):
            run = run[:-1]
        # The last word ends like a family name after a word that is no ordinary word ("Касым-Жомарт Токаев", whose
        # family name the dictionary also reads as a plural noun): it stays.
        # Nor a word the text never prints in lower case after a listed given name ("Игорь Лепеха": a family
        # name the dictionary also knows as a noun).
        while len(run) > 1 and _ordinary(run[-1][2], lowercase_words) and not (
                SURNAME_END.search(_plain(run[-1][2]).lower()) and not _ordinary(run[-2][2], lowercase_words)) and not (
                len(run) == 2 and _given_strength(_plain(run[0][2]), "m") + _given_strength(_plain(run[0][2]), "f") >= 2
                and _plain(run[-1][2]).lower() not in lowercase_words):
            run = run[:-1]
        if len(run) > 2 and _adjective_before_noun(text, run[-1][0], run[-1][2], agreeing=True):
            run = run[:-1]  # "… Сатымжана Азатова Астанинский городской суд": the court's adjective, no family name
        # "канала Elmedia Айгерим Тлеужанова": a word in the other script before a Cyrillic name is a title's
        while len(run) > 2 and CYRILLIC_WORD.search(run[-1][2]) and not CYRILLIC_WORD.search(run[0][2]):
            run = run[1:]
        # "судья Кульбаева А. Абжану назначили": a family name and its initial end one name, the next word begins
        # another sentence or name (no name runs "Family I. Family").
        if len(run) >= 3 and _is_initial(run[1][2]) and not _is_initial(run[0][2]) and _plain(run[0][2]) not in GIVEN \
                and SURNAME_END.search(_plain(run[0][2]).lower()) and not any(
                    run[0][0] < e and s < run[1][1] for s, e in taken):
            initials = run[1][2]
            mentions.append(Mention(run[0][0], run[1][1], text[run[0][0]:run[1][1]],
                                    name=nominative(f"{initials} {run[0][2]}"), how="list",
                                    role=role_before(text, run[0][0])))
            families.setdefault(run[0][2], mentions[-1].name)
            taken.append((run[0][0], run[1][1]))
            run = run[2:]
        # "Заместители Масимова Ануар Садыкулов и …": a declined family name, then a given name and a family name —
        # two persons (unless a patronymic follows: "Иванова Мария Петровна").
        if len(run) >= 3 and CYRILLIC_WORD.search(run[0][2]) and _plain(run[0][2]) not in GIVEN \
                and SURNAME_END.search(run[0][2].lower()) and _given_name(run[1][2]) \
                and SURNAME_END.search(run[2][2].lower()) and not PATRONYMIC.search(run[2][2].lower()):
            run = run[1:]
        if not run:
            continue
        words = [w for _, _, w in run]
        start, end = run[0][0], run[-1][1]
        if len(words) == 1 or (taken and any(s < end and start < e for s, e in taken)):
            continue  # single words are handled below
        if re.fullmatch(r"[A-ZА-Я]\.", words[0]) and start == text_rfind(text, "\n", 0, start) + 1 and not (
                len(words) == 2 and SURNAME_END.search(_plain(words[1]).lower())
                and not _ordinary(words[1], lowercase_words)):
            continue  # "A. Serving prison terms": a section's letter, not an initial (but "A. Utepova was …" is)
        if text[start - 1:start] in {'"', "«", "“", "#"} and text[end:end + 1] in {'"', "»", "”"} and \
                (CYRILLIC_WORD.search(" ".join(words)) or not _looks_like_name(words, None, known, unknown_words=False)) or \
                text[start - 1:start] == "#" or any(b[0] == a[1] and not _is_initial(a[2]) for a, b in zip(run, run[1:])):
            # a title in quotes ("Ne Deidi"; but in Latin letters a name the lists or its ending tell stays one:
            # signed "Olzhas Beszhan", «Free Aset Abishev»; «Әзірет Сұлтан» is a mosque's), a hashtag, words glued together ("FairElections")
            continue
        if len(words) == 2 and all(CYRILLIC_WORD.search(w) and w != w.upper() and _plain(w) not in GIVEN and
                                   re.search(r"(?:ов|ев|ёв)$", kazakh_word(_plain(w)).lower()) for w in words):
            continue  # "Тұрғымбаев Данебаевқа шағым жазуды доғармаса": two family names, two persons, no given name
        cue = CUES.search(text[max(0, start - 40):start])
        if not _looks_like_name(words, cue, known, lowercase_words):
            continue
        if names_a_place(text, start, end):
            place_names.append((start, end))  # (its words alone are no mention either: "Айгүл" of "… алаңы")
            continue
        if _title_case_line(text, start) and not _looks_like_name(words, cue, known, unknown_words=False) \
                and not _named_again_in_prose(text, start, end, words[-1], lowercase_words):
            continue  # "Freedom House Urges Release Of Kaliev": a Title Case headline capitalises every word
        if cyrillic_text and not CYRILLIC_WORD.search(" ".join(words)) and not _strong_latin(words, known):
            continue  # "World Boxing" in a Russian text: Latin words there are names of things, unless they say so
        if not cyrillic_text and not _looks_like_name(words, cue, known, unknown_words=False) and \
                ENGLISH_THING_BEFORE.search(text, max(0, start - 60), start):
            place_names.append((start, end))  # (nor are its words alone: "Uralskaya")
            continue  # "a 30-year-old Sunni Muslim", "the Tabligh Jamaat movement", "studied in Saudi Arabia"
        strong = _looks_like_name(words, cue, known)
        if not strong and (re.search(r"\d[\w/-]*[,\s]*$", text[max(0, start - 8):start])
                           or re.match(r"^\s*[\d(]", text[end:end + 4])):
            continue  # "14 Mangilik Yel", "Altiero Spinelli 05E240": an address, not a person
        if POSSESSIVE.search(words[-1]):
            end -= 2
        elif (particle := PARTICLE_AFTER.match(text, end)) and not re.search(
                KK_GENITIVE, words[-1]):
            # (after a genitive, "Айгүл Өтепованың қызы" is her daughter, not a patronymic)
            end, words = particle.end(), words + [particle.group(1)]  # "Nurzhan Mukhtar uly": the particle is the name's
        name = _as_named_before(words, _nominative(" ".join(_plain(w) for w in words)), named)
        name = _initials_man(name, text, start, end)
        name = _declined_by_context(name, text, start, end)
        mentions.append(Mention(start, end, text[start:end], name=name, role=role_before(text, start)))
        named.setdefault(name.split()[-1], []).append(name)
        families[_plain(words[-1])] = name
        families.setdefault(name.split()[-1], name)
        history.setdefault(_plain(words[-1]), []).append((start, name))
        history.setdefault(name.split()[-1], []).append((start, name))
        if not _is_initial(words[0]):
            given.setdefault(words[0], set()).add(name)
            if CYRILLIC_WORD.search(words[0]) and len(name.split()) == len(words) and name.split()[0] != words[0]:
                given.setdefault(name.split()[0], set()).add(name)  # "Натальей Садыковой": "Наталья" alone later
    # Kazakh case endings on any family name ("Думан Мұхаммедкәрімге", "Мұхаммедкәрімді", "İlyaşevtı"): the stem the
    # document prints bare, or with another ending, is the family name; the full name is recorded with it.
    for m in mentions:
        words = m.name.split()
        stem = stem_of.get(words[-1]) if len(words) > 1 and m.how != "list" else None
        if stem:
            _rename_given(given, words[0], m.name, " ".join(words[:-1] + [stem]))
            m.name = " ".join(words[:-1] + [stem])
            families.setdefault(stem, m.name)
            history.setdefault(stem, []).append((m.start, m.name))
            if not _is_initial(words[0]):
                given.setdefault(words[0], set()).add(m.name)
    if kazakh_text:
        for m in mentions:
            words = m.name.split()
            if len(words) == 2 and m.how != "list" and words[-1] not in stem_of and words[-1] == m.text.split()[-1]:
                bare = _kazakh_declined_family(words[0], words[-1])
                if bare:
                    _rename_given(given, words[0], m.name, f"{words[0]} {bare}")
                    m.name = f"{words[0]} {bare}"
                    families.setdefault(bare, m.name)
                    history.setdefault(bare, []).append((m.start, m.name))
                    continue
            printed = m.text.split()
            if len(words) == 2 and len(printed) == 2 and m.how != "list" and printed[-1] not in stem_of:
                bare = _kazakh_declined_last(printed)
                if bare:
                    _rename_given(given, words[0], m.name, bare)
                    m.name = bare
                    families.setdefault(bare.split()[-1], m.name)
                    history.setdefault(bare.split()[-1], []).append((m.start, m.name))
    for start, end in extra_spans:
        if any(m.start < end and start < m.end for m in mentions):
            continue
        words = [w.group() for w in WORD.finditer(text, start, end)]
        while words and (CUES.fullmatch(words[0].lower()) or _ordinary(words[0], lowercase_words)):
            words = words[1:]
        if len(words) < 2 or any(_plain(w) in STOP for w in words):
            continue
        first = text.find(words[0], start, end)
        name = _nominative(" ".join(_plain(w) for w in words))
        mentions.append(Mention(first, end, text[first:end], name=name, how="ner", role=role_before(text, first)))
        families.setdefault(name.split()[-1], name)
    taken = [(m.start, m.end) for m in mentions]
    # A given name alone refers to the one person of that name in the document, if there is only one.
    before_update = set(families)
    families.update({first: next(iter(names)) for first, names in given.items()
                     if len(names) == 1 and first not in families and (
                         (first in GIVEN and not (CYRILLIC_WORD.search(first) and is_common_word(first))) or (
                         # a Cyrillic given name the dictionary does not know as a word ("Асет", "Махамбет")
                         len(first) >= 3 and CYRILLIC_WORD.search(first) and first not in STOP
                         and not is_common_word(first) and first.lower() not in lowercase_words) or (
                         # a Latin given name of the one full name that opens with it, whatever its family name
                         # ends in ("Daniil" after "Daniil Smal", "Baibolat" after "Baibolat Kunbolat"; session 17
                         # dropped the -ov/-uly ending asked of the family name: 10 more English mentions on read
                         # dev parts, no false one), never a word the text prints in lower case
                         len(first) >= 4 and first not in STOP and first not in NOT_GIVEN
                         and not CYRILLIC_WORD.search(first) and first.lower() not in lowercase_words))})
    given_alone = set(families) - before_update
    first_printed = {}  # full name -> where the document first prints it
    for m in mentions:
        first_printed[m.name] = min(m.start, first_printed.get(m.name, m.start))
    covered = set()
    for s, e in taken + place_names:
        covered.update(range(s, e))
    earlier = {}  # family name -> _History of its full names
    for run in runs:
        for start, end, word in run:
            plain = re.sub(r"-(?:младший|старший|junior|senior)$", "", _plain(word))  # "Матаев-младший"
            if start in covered or not_name_word(plain, "alone", kazakh_text=kazakh_text,
                                                 lowercase_words=lowercase_words):
                continue
            if plain in TITLES or CUES.fullmatch(plain.lower()):
                continue  # "Lieutenant Colonel Baglan Yankin": the rank after a rank is no family name alone
            cue = CUES.search(text[max(0, start - 40):start])
            common_word = plain.lower() in lowercase_words  # "Detained" at a sentence start is no name
            # "Садыкову", "Торегожину", "Қайырбекті" after the full name in the nominative
            base = plain if plain in families else (_family_of_form(plain, families) or stem_of.get(plain)
                                                     or _russian_stem(plain, families) or nominative(plain))
            if base not in families and SURNAME_END.search(plain.lower().replace("ё", "е")) and len(plain) >= 5:
                # "Nurgaliev" after "Bolatbek Nurgaliyev", "Mynbasov" after "Beket Mynbassov": the family name alone
                # in another spelling of the same name (the resolver's spelling-blind key), when one family fits;
                # "Сычёв" after "Игорь Сычев" too (-ёв is -ев with its dots)
                spelled = _families_by_key(tuple(families)).get(_spelling_key(plain), ())
                if len(spelled) == 1:
                    base = spelled[0]
            if base not in families and len(plain) >= 5 and not CYRILLIC_WORD.search(plain) and \
                    plain.lower() not in lowercase_words:
                # "Ensebek" after "Temirlan Yensebek", "Mukhamedkarim's" after "Duman Mukhammedkarim": a Kazakh family
                # name with no Russian ending, alone in another Latin spelling, when one full name of the document
                # ends in a family name spelt like it
                spelled = {f for f, full in families.items() if " " in full and full.split()[-1] == f and len(f) >= 5
                           and not CYRILLIC_WORD.search(f) and _spelling_key(f) == _spelling_key(plain)}
                if len({families[f] for f in spelled}) == 1:
                    base = min(spelled)
            if base not in families and kazakh_text and CYRILLIC_WORD.search(plain):
                # "Әмреновтің" after "АМРЕНОВ Қанатхан", "Амренов": a Kazakh case ending on another spelling of the
                # family name (Ә/А, Ұ/У, Қ/К …), when one family of the document fits
                spelled = {f for stem in kazakh_stems(plain) if len(stem) >= 5 and
                           SURNAME_END.search(stem.lower().replace("ё", "е"))
                           for f in _families_by_key(tuple(families)).get(_spelling_key(stem), ())}
                if len({families[f] for f in spelled}) == 1:  # ("АМРЕНОВ" and "Амренов": one person's)
                    base = min(spelled)
            if base not in families and not CYRILLIC_WORD.search(plain) and _given_gender(plain):
                # "Aset" after "Asset Mataev": the given name alone in another spelling, when one person has it
                spelled = {next(iter(names)) for first, names in given.items() if len(names) == 1 and
                           first != plain and not CYRILLIC_WORD.search(first) and
                           _spelling_key(first) == _spelling_key(plain)}
                if len(spelled) == 1:
                    base = spelled.pop()
                    families.setdefault(base, base)
            if base not in families and base not in given and plain.lower() not in lowercase_words and (
                    full := _diminutive_of(plain, given, kazakh_text)):
                # "Наташа", "Наташаның", "Natasha" after "Наталья Соколова": the everyday form of her given name
                base = full
                families.setdefault(base, base)
            if base not in families and (added := re.fullmatch(r"(\w{4,}?)(?:ova|eva|ова|ева|овой|евой|ову|еву)", plain)) and \
                    added.group(1) in families and len(families[added.group(1)].split()) >= 2 and \
                    (_given_gender(families[added.group(1)].split()[0]) == "f"
                     or _woman_as_printed(*families[added.group(1)].split()[-2:])):
                # "Tleuzhanova" after "Aigerim Tleuzhan": a woman's Kazakh family name with the Russian ending added
                base = added.group(1)
            if re.search(r"(?:ов|ев|ёв|ин|ын)(?:ых|ыми)$|(?:ов|ев|ёв)ы$", plain):  # (not -ины: Марины, Ирины)
                continue  # "Адвокаты Матаевых", "Супруги Матаевы": the family, in the plural, is no one person
            if plain in families and base == plain and plain[:-1] in families and \
                    families[plain[:-1]] != families[plain] and re.fullmatch(r"[А-ЯЁ]\w+(?:ов|ев|ёв|ин|ын)а", plain) and \
                    _context_gender(text, start, start + len(plain)) == "m":
                # "Бокаева" when the text names both Макс Бокаев and Жанаргуль Бокаева: his genitive or accusative
                # when the words around it govern it ("признала Бокаева и Аяна узниками совести")
                base = plain[:-1]
            if base in given_alone and base == plain and len(run) > 1 and not CYRILLIC_WORD.search(plain):
                continue  # "Mangilik El Street" after "14 Mangilik Yel": a Latin given name alone stands alone
            if base in given_alone and first_printed.get(families[base], -1) > start and _kin_before(text, start):
                # "… Дулата Агадила и его сына Жанболата …" before "адвокат Жанболат Кулжанов": a relative named by
                # his given name alone, before the one full name with it, is someone of his own, not that person
                mentions.append(Mention(start, start + len(plain), plain, name=base, how="surname"))
                continue
            common_word = common_word or is_common_word(plain)
            lone = base not in families and _lone_family(text, start, plain, lowercase_words)
            if (base in families or (cue and not _is_initial(plain) and not common_word) or plain in known or lone) \
                    and not names_a_place(text, start, start + len(plain)) and not _adjective_before_noun(text, start, plain):
                end = start + len(plain)
                # Two persons share the family name ("Асқар Нұрланов" … "Нұрланов" … "Марат Нұрланов"): the one named
                # last before this mention, unless that one came in as someone's relative ("His son Alibek
                # Kabduakasov …", then "Kabduakasov could be freed"): the family name alone stays the person the
                # relative was named for. (The history is complete here: each family's is indexed once.)
                if base not in earlier:
                    earlier[base] = _History(text, history.get(base, ()))
                # A declined form printed alone ("Матаевтың") whose very form the document prints only later, in a
                # full name ("Сейтқазы Матаевтың ұлы"), is still the nearest full name of the family before it
                # whatever case that one was printed in ("Әсет Матаев …, Матаевтың сөзінше"): the family's own
                # history (its nominative) is asked before falling back on the first named after it.
                family = families[base].split()[-1] if base in families else base
                if base in given_alone or family[:5] != base[:5]:
                    family = base  # (a given name alone, or another spelling: the rule is about case endings only)
                if family != base and family not in earlier:
                    earlier[family] = _History(text, history.get(family, ()))
                chosen = _by_honorific(text, start, end, (base, plain), history) or \
                    _man_or_woman(text, start, plain, history) or earlier[base].name_before(start) or \
                    (earlier[family].name_before(start) if family != base else None) or \
                    earlier[base].first_named()
                mentions.append(Mention(start, end, plain, name=chosen or families.get(base, base),
                                        how="surname", role=role_before(text, start) if lone else ""))
                families.setdefault(base, base)  # "President Nazarbayev", then "Nazarbayev" alone
                if lone:  # "Жанузакова" first, then "Жанузаков": one person
                    for form in family_forms(plain) if CYRILLIC_WORD.search(plain) else ():
                        families.setdefault(form, families[base])
    # A name in capitals in a heading ("FREE DUMAN MUKHAMMEDKARIM") when the text names that person.
    full_names = {m.name for m in mentions}
    for m in re.finditer(rf"(?<![\w-])[{CAPS}]{{2,}}(?:[ -][{CAPS}]{{2,}}){{1,7}}(?![\w-])", text):
        # "FREE DUMAN MUKHAMMEDKARIM", "PROSECUTION OF MAKS BOKAEV AND TALGAT AYAN": any two or three words of the
        # run in capitals that spell a name the text gives.
        words = list(re.finditer(r"[^\s]+", m.group()))
        i = 0
        while i < len(words) - 1:
            for j in (i + 3, i + 2):
                if j > len(words):
                    continue
                titled = " ".join("-".join(p.capitalize() for p in w.group().split("-")) for w in words[i:j])
                s_, e_ = m.start() + words[i].start(), m.start() + words[j - 1].end()
                if titled in full_names and not any(x.start < e_ and s_ < x.end for x in mentions):
                    mentions.append(Mention(s_, e_, text[s_:e_], name=titled, how="capitals"))
                    i = j - 1
                    break
            i += 1
    # A family name in capitals alone ("No. 10 (KAZIYEV)") after "KAZIYEV Yerkin" in a list.
    for m in re.finditer(rf"(?<![\w-])[{CAPS}]{{3,}}(?![\w-])", text):
        family = m.group() if m.group() in families else m.group().capitalize()
        if family in families and family not in STOP and family not in given and m.start() not in covered and not any(
                x.start <= m.start() < x.end for x in mentions):
            mentions.append(Mention(m.start(), m.end(), m.group(), name=families[family], how="surname"))
    # A variant spelling in capitals after a cue ("(also TLEUZHANOVA)", "listed elsewhere as MUKHAMMEDKARIM",
    # "ZHYLANBAYEV or JYLANBAEV"): the person whose family name it is spelt like (the same first four letters), else
    # a family name of its own when it ends like one. A note about the person: never a victim (as a heading's name).
    for m in led(CAPS_VARIANT).finditer(text):
        word = m.group(1)
        if word in STOP or word.capitalize() in STOP or word.capitalize() in PLACES or \
                any(x.start < m.end(1) and m.start(1) < x.end for x in mentions):
            continue
        like = [f for f in families if f[:4].lower() == word[:4].lower() and f.lower() != word.lower()] or [
            f for f in families if " " not in f and f.lower() != word.lower() and len(f) >= 5
            and _spelling_key(f) == _spelling_key(word)]  # "JYLANBAEV" beside Zhylanbayev: another spelling
        if like or SURNAME_END.search(word.lower()):
            name = families[like[0]] if like else "-".join(p.capitalize() for p in word.split("-"))
            mentions.append(Mention(m.start(1), m.end(1), word, name=name, how="capitals"))
    mentions.extend(_given_and_initial(text, mentions, given, lowercase_words))
    mentions.extend(_aliases(text, mentions))
    mentions.extend(_press_aliases(text, mentions))
    mentions = _without_groups_and_kinds(text, mentions)
    mentions.sort(key=lambda m: m.start)
    return _initials_to_full(_declined_to_printed(_named_later(mentions)))


# A given name and the initial of the family name, as a thread or a witness's account shields a person: "Nurzhan S.
# says he only shared a post" (not "Nurzhan S. Sembayev", a full name with a middle initial: a run of its own).
GIVEN_INITIAL = re.compile(r"(?<![\w.'’-])([A-ZÄÖÜŪĞŞÑÇİ][a-zäöüūğşñçı]{2,})[ \t]+([A-ZÄÖÜŪĞŞÑÇİ])\.(?![\w.])"
                           r"(?![ \t]*[A-ZÄÖÜŪĞŞÑÇİ][a-zäöüūğşñçı])")


def _given_and_initial(text, mentions, given, lowercase_words):
    """Mentions "Given F." in Latin letters: the one full name of the document with that given name and a family name
    opening with F, else a person of their own when the given name is one the lists know ("Olzhas B.")."""
    for m in GIVEN_INITIAL.finditer(text):
        first, initial = m.group(1), m.group(2)
        if first in STOP or first in TITLES or CUES.fullmatch(first.lower()) or first.lower() in lowercase_words or \
                any(x.start < m.end() and m.start() < x.end for x in mentions):
            continue
        fulls = {n for n in given.get(first, ()) if len(n.split()) >= 2 and n.split()[-1][:1] == initial}
        if len(fulls) == 1:
            name = fulls.pop()
        elif not fulls and _latin_given(first):
            name = f"{first} {initial}."
        else:
            continue
        yield Mention(m.start(), m.end(), m.group(), name=name, role=role_before(text, m.start()))


def _rename_given(given, first, old, new):
    """A full name recorded under its given name (`given`: given name -> full names) is recorded again without its
    Kazakh case ending ("Абзал Достиярдың" -> "Абзал Достияр"): the declined form is no second person of that given
    name, which would keep "Абзалдан", "Абзалға" alone from being his (one person per given name)."""
    full_names = given.get(first)
    if full_names and old != new and old in full_names:
        full_names.discard(old)
        full_names.add(new)


# A capitalised run that names a movement, a party or a community ("the Nagiz Atajurt movement", "alleged Tabligh
# Jamaat members", "Атажұрт қозғалысы") or a kind of person ("a 30-year-old Sunni Muslim", "an Adventist"): no person.
GROUP_NOUN_AFTER = re.compile(rf"[ \t]+(?:{'|'.join(lexicon.words('group_nouns'))})(?![\w-])(?![ \t]*:)")  # (not a
# field's label, "Case: State v. A. K. Ilyashev Court: Medeu District Court"; lexicon/<lang>/group_nouns.tsv)
# "two reporters of Uralskaya Nedelya", "staff of Radio Azattyq": a newspaper's, an organisation's name
STAFF_OF_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(lexicon.words('staff_nouns'))})[ \t]+of[ \t]+(?:the[ \t]+)?$", re.I)
KIND_BEFORE = re.compile(rf"(?<![\w-])an?[ \t]+(?:(?:{'|'.join(lexicon.words('kind_words'))})[ \t]+)?$", re.I)


def _without_groups_and_kinds(text, mentions):
    """The mentions less each printing of a name as a group's ("the Nagiz Atajurt movement", "Ablyazov supporters")
    or as a kind of person ("a Sunni Muslim"); the name's other printings stay."""
    return [m for m in mentions if m.how in {"list", "capitals", "surname"} or not (
        GROUP_NOUN_AFTER.match(text, m.end) or KIND_BEFORE.search(text, max(0, m.start - 30), m.start)
        or STAFF_OF_BEFORE.search(text, max(0, m.start - 30), m.start))]


LIST_ITEM = re.compile(r"[ \t]*(?:[-•*]|\d{1,3}[.)])[ \t]+")
ITEM_OPENS_WITH_WORD = re.compile(r"[ \t]*(?:[-•*]|\d{1,3}[.)])[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+[ \t]+[a-zа-яёәғқңөұүһі]")


@lru_cache(maxsize=4)
def _word_pairs(text):
    """How often the text prints each two capitalised words side by side (once per text)."""
    from collections import Counter

    words = [(w.start(), w.end(), _plain(w.group())) for w in led(WORD).finditer(text)]
    return Counter((a[2], b[2]) for a, b in zip(words, words[1:]) if text[a[1]:b[0]] == " ")


@lru_cache(maxsize=4)
def _lines(text):
    """The text's lines and where each starts (once per text: a long list asks for every item)."""
    lines = text.split("\n")
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    return lines, starts


def _opens_a_list_of_verbs(text, token):
    """The first word of a list's item whose other items (the nearest, up to 8 lines each way) open with a word and a
    word in lower case ("- End short-term detentions …", "- Investigate Sagutdinov's allegation …", "- Stop
    summoning …": recommendations, each opening with a verb): that word is no name's, whatever follows it. A list of
    persons ("- Aslan Sagutdinov, blogger") is not."""
    start, _, word = token
    line_start = text_rfind(text, "\n", 0, start) + 1
    if not LIST_ITEM.fullmatch(text, line_start, start) or _plain(word) in GIVEN or _given_gender(_plain(word)):
        return False
    lines, starts = _lines(text)
    at = bisect.bisect_right(starts, start) - 1
    siblings = []
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(lines) and abs(i - at) <= 8 and (LIST_ITEM.match(lines[i]) or not lines[i].strip()):
            if lines[i].strip():  # (a blank line may part two items)
                siblings.append(lines[i])
            i += step
    verbs = sum(bool(ITEM_OPENS_WITH_WORD.match(line)) for line in siblings)
    return verbs >= 2 and verbs * 2 > len(siblings)


# A word for a relative just before a name ("his son Alibek Kabduakasov"; lexicon/<lang>/kin.tsv).
# Also as a form's or a table's label: "Father: Seitkazy Matayev", "| **Әкесі** | Сейтқазы Матаев", "• Әкесі – …".
KIN_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(lexicon.words('kin'))})(?:[ \t]*,?[ \t]*|\**[ \t]*[:|–—-][ \t]*)$", re.I)
# "Брат задержанного, Марлен …", "the brother of the detainee, Marlen …": a kin word, whose person follows in lower
# case, then a comma and the name in apposition — a relative too (without the comma, "брат блогера Ермека …", the
# name is the other person's, in the genitive)
KIN_OF_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(lexicon.words('kin'))})(?:[ \t]+[a-zа-яёәғқңөұүһі]+){{1,3}}[ \t]*,[ \t]*$",
                           re.I)


def _kin_before(text, at):
    """Whether the name at `at` comes in as someone's relative ("his son X", "Брат задержанного, X")."""
    return bool(KIN_BEFORE.search(text[max(0, at - 30):at]) or KIN_OF_BEFORE.search(text[max(0, at - 50):at]))


KIN_WORDS = {word.casefold() for word in lexicon.words('kin')}


SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _man_or_woman(text, start, plain, history):
    """"Бокаева" where the document names both Макс Бокаев and Жанаргуль Бокаева: his genitive or her nominative.
    The words around it decide (`_context_gender`: "Бокаева заявила" is hers, "защита Бокаева" his) and the nearest
    person of that sex named before it (else the first after) is chosen; None when the words say nothing or only one
    of them is named (the caller's rules)."""
    if re.fullmatch(r"[А-ЯЁ]\w+(?:ов|ев|ёв|ин|ын)у", plain):
        # "Бокаеву": his dative or her accusative — the verb or preposition governing it decides
        man, woman = plain[:-1], plain[:-1] + "а"
        context = _dative_or_accusative
    elif re.fullmatch(r"[А-ЯЁ]\w+(?:ов|ев|ёв|ин|ын)а", plain):
        man, woman = plain[:-1], plain
        context = _context_gender
    else:
        return None
    names = {name for _, name in history.get(woman, ())} | {name for _, name in history.get(man, ())}
    women = [name for name in names if name.split()[-1] == woman]
    men = [name for name in names if name.split()[-1] == man]
    if not women or not men:
        return None
    gender = context(text, start, start + len(plain))
    if not gender:
        return None
    chosen = set(women if gender == "f" else men)
    spots = sorted((at, name) for key in (woman, man) for at, name in history.get(key, ()) if name in chosen)
    before = [name for at, name in spots if at < start]
    return before[-1] if before else spots[0][1]


_HONORIFIC = {side: {row[0]: row[1] for row in lexicon.table("honorifics") if row[2] == side}
              for side in ("before", "after")}
HONORIFIC_BEFORE = re.compile(r"(?<![\w-])(%s)[ \t]+$" % "|".join(
    re.escape(w) for w in sorted(_HONORIFIC["before"], key=len, reverse=True)))
HONORIFIC_AFTER = re.compile(r"[ \t]+(%s)(?:[а-яёәғқңөұүһіa-zäöüūğşñçı]{0,4})(?![\w-])" % "|".join(
    re.escape(w) for w in sorted(_HONORIFIC["after"], key=len, reverse=True)))
GIVEN_ENDINGS = tuple((row[0], row[1]) for row in lexicon.table("given_name_endings"))


def _honorific_gender(text, start, end):
    """"m"/"f" when a courtesy title that tells the sex stands with the name at start:end ("Mr X", "госпожа X",
    "X мырза"), else "" (lexicon/<lang>/honorifics.tsv)."""
    before = HONORIFIC_BEFORE.search(text, max(0, start - 12), start)
    if before:
        return _HONORIFIC["before"][before.group(1)]
    after = HONORIFIC_AFTER.match(text, end)
    if after:
        return _HONORIFIC["after"].get(after.group(1).lower(), _HONORIFIC["after"].get(after.group(1), ""))
    return ""


def _gender_of_given(word):
    """`_given_gender`, else what the end of a Kazakh given name tells ("Назигүл", "Nazigul": a woman's; "-бек" a
    man's; lexicon/kk/given_name_endings.tsv), else ""."""
    gender = _given_gender(word)
    if gender or len(word) < 5:
        return gender
    spelled = _spelling_key(word)
    found = {g for ending, g in GIVEN_ENDINGS if word.lower().endswith(ending) or spelled.endswith(_spelling_key(ending))}
    return found.pop() if len(found) == 1 else ""


EN_PRONOUN_AFTER = re.compile(r"[^.!?\n]*?(?<![\w-])(he|his|him|she|her|hers)(?![\w-])", re.I)
RU_PAST_AFTER = re.compile(r"[ \t]+([а-яё]+)")


def _sex_told(text, start, end):
    """"m"/"f" when the words with a family name alone tell the person's sex, else "": a courtesy title
    (`_honorific_gender`); in English, the subject's first pronoun in the rest of its sentence ("Maksutkhan told
    reporters she was pregnant"; not after a possessive, "Maksutkhan's lawyer said he …"); in Russian, a verb in
    the past right after it ("Максутхан заявила")."""
    gender = _honorific_gender(text, start, end)
    if gender:
        return gender
    word = text[start:end]
    if not CYRILLIC_WORD.search(word):
        if re.match(r"[ \t]+[a-z]", text[end:end + 3]):  # the name is the subject of the next (lower-case) word
            pronoun = EN_PRONOUN_AFTER.match(text, end, min(len(text), end + 120))
            # (no other person named before the pronoun: "Maksutkhan said Aigul Saparova lost her job")
            if pronoun and not re.search(r"(?<![\w-])[A-Z][a-z]", text[end:pronoun.start(1)]):
                return "m" if pronoun.group(1).lower() in ("he", "his", "him") else "f"
        return ""
    after = RU_PAST_AFTER.match(text, end, end + 30)
    # (not a family name in -ова/-ина, maybe a man's genitive whose verb agrees with another noun: `_man_or_woman`)
    if after and not re.search(r"(?:ов|ев|ёв|ин|ын)а$", word) and not KAZAKH_LETTER.search(
            text[max(0, start - 200):end + 200]):
        from qorgau.lib.morphology import _analyser
        for p in _analyser().parse(after.group(1))[:1]:
            if {"VERB", "past", "sing"} <= set(p.tag.grammemes) and p.tag.gender in ("masc", "femn"):
                return "m" if p.tag.gender == "masc" else "f"
    return ""


def _by_honorific(text, start, end, keys, history):
    """"Mr Maksutkhan" where the document names a man and a woman of that family (Bekzat and Nazigul Maksutkhan):
    the person whose given name is of the sex the words around tell (`_sex_told`) — the nearest before, else the
    first after. None when nothing tells the sex, when one person only has the family name, or when the given names
    do not tell them apart."""
    gender = _sex_told(text, start, end)
    if not gender:
        return None
    spots = sorted({(at, name) for key in keys for at, name in history.get(key, ()) if len(name.split()) >= 2})
    names = {name for _, name in spots}
    if len(names) < 2:
        return None
    sex = {name: _gender_of_given(name.split()[0]) for name in names}
    chosen = {name for name in names if sex[name] == gender}
    unknown = {name for name in names if not sex[name]}
    if unknown:
        # (a given name whose sex no list tells may be of either: "Yklas" beside his son "Alibek" says nothing)
        chosen = unknown if not chosen else set()  # the others are all of the other sex
    if not chosen or chosen == names:
        return None
    before = [name for at, name in spots if name in chosen and at < start]
    return before[-1] if before else next(name for at, name in spots if name in chosen)

DATIVE_VERBS = set(lexicon.words("dative_verbs", language="ru"))  # (lexicon/ru/dative_verbs.tsv)
DATIVE_PREPOSITIONS = {"к", "ко", "по", "благодаря", "согласно", "вопреки"}
ACCUSATIVE_PREPOSITIONS = {"на", "про", "через", "сквозь", "за"}


def _dative_or_accusative(text, start, end):
    """"m" when a family name in -ову/-еву/-ину is governed as a dative (a man's: "назначил Бокаеву штраф", "к
    Бокаеву", "Бокаеву грозит"), "f" when as an accusative (a woman's: "оштрафовали Бокаеву", "Бокаеву
    арестовали", "на Бокаеву"), "" when the words beside it say nothing. The word before counts first (a verb or a
    preposition), then a verb right after it; a verb's dictionary form is looked up in the lexicon's table of verbs
    governing a dative (`ru/dative_verbs.tsv`); else a verb with a direct object (`ru/object_verbs.tsv`, or
    pymorphy3's "tran") makes it an accusative."""
    from qorgau.lib.morphology import _analyser
    analyser = _analyser()

    def verb_says(word):
        for p in analyser.parse(word)[:1]:
            if {"VERB"} & set(p.tag.grammemes) or {"INFN"} & set(p.tag.grammemes) or {"PRTS"} & set(p.tag.grammemes):
                lemma = p.normal_form
                if lemma in DATIVE_VERBS:
                    return "m"
                if lemma in OBJECT_VERBS or "tran" in p.tag:   # a verb with a direct object ("отпустили")
                    return "f"
        return ""

    before = re.search(r"(?<![\w])([а-яё]+)[ \t]+$", text[max(0, start - 40):start])
    if before:
        prev = before.group(1)
        if prev in DATIVE_PREPOSITIONS:
            return "m"
        if prev in ACCUSATIVE_PREPOSITIONS:
            return "f"
        if said := verb_says(prev):
            return said
    after = re.match(r"[ \t]+([а-яё]+)", text[end:end + 30])
    return verb_says(after.group(1)) if after else ""


def _family_of_form(word, families):
    """The family name a declined family name alone stands for, among those the document names (`families`), or
    None. "Кенжебулатову" may be Кенжебулатов's dative or Кенжебулатова's accusative: a family name some full name
    ends with comes first, then the spelling's order — never the order of a set (which changed with the process's
    hash seed, and with it the person chosen)."""
    fits = sorted(f for f in family_forms(word) if f in families)
    if not fits:   # the dictionary's ё (Артёмова) for a name printed with е (Артемова)
        fits = sorted({f.replace("ё", "е") for f in family_forms(word)} & set(families))
    # a Russian ending only one sex has: -ой/-ою hers (Улановой), -ым his (Улановым) — when the document names both
    # (session 16: "Адвокат Улановой" beside Айжан Уланова and Жасулан Уланов went to him, the first in the sort)
    if re.search(r"(?:ов|ев|ёв|ин|ын)(?:ой|ою)$", word):
        fits = [f for f in fits if f.endswith("а")] or fits
    elif re.search(r"(?:ов|ев|ёв|ин|ын)ым$", word):
        fits = [f for f in fits if not f.endswith("а")] or fits
    return next((f for f in fits if families[f].split()[-1] == f), fits[0] if fits else None)


class _History:
    """The full names recorded with one family name, as (offset, name) in the order they were recorded (which is not
    the text's order: each pass over the text adds its own), indexed once so that the name a family name alone at
    `start` stands for is found by bisection instead of a scan of every earlier name (hostile text: thousands of
    "Sagutdinov" after thousands of "Aslan Sagutdinov").

    The name is the one recorded last among those before `start`, without it when it came in as a relative ("his son
    Alibek Kabduakasov") of a person named earlier with that family name, who is not — unless the family name alone
    opens the very next sentence, whose subject it then continues ("Оның ағасы Марат Нұрланов полицияға шақырылды.
    Нұрланов бұл туралы айтты")."""

    def __init__(self, text, entries):
        self.text = text
        self.offsets = {}  # name -> its offsets, sorted
        for at, name in entries:
            self.offsets.setdefault(name, []).append(at)
        for ats in self.offsets.values():
            ats.sort()
        # a name is a relative when a kin word stands just before its first recorded offset (fixed: that offset is
        # before any `start` at which the name counts)
        self.kin = {name: _kin_before(text, ats[0]) for name, ats in self.offsets.items()}
        self.firsts = sorted(ats[0] for ats in self.offsets.values())
        self.last_recorded = self._index(list(entries))
        self.last_not_kin = self._index([(at, name) for at, name in entries if not self.kin[name]])

    @staticmethod
    def _index(entries):
        """(offsets sorted, recording order of the latest entry among the first k, the entries) for "which entry
        before `start` was recorded last"."""
        order = sorted(range(len(entries)), key=lambda i: entries[i][0])
        latest, best = [], -1
        for i in order:
            best = max(best, i)
            latest.append(best)
        return [entries[i][0] for i in order], latest, entries

    @staticmethod
    def _last(index, start):
        offsets, latest, entries = index
        k = bisect.bisect_left(offsets, start)
        return entries[latest[k - 1]][1] if k else None

    def first_named(self):
        """The family's person a family name alone stands for before any full name ("Блогера Тайчибекова снова
        задержали", a headline, then "… блогера Ермека Тайчибекова", then "Брат задержанного, Марлен Тайчибеков"):
        the first named who is no one's relative; None when one name alone is recorded, or when the names end in
        other family names ("Бокаева" is Жанаргуль Бокаева's and Макс Бокаев's genitive: the caller's default)."""
        if len(self.offsets) < 2 or len({name.split()[-1] for name in self.offsets}) > 1:
            return None
        named = sorted((ats[0], name) for name, ats in self.offsets.items() if not self.kin[name])
        return named[0][1] if named else None

    def name_before(self, start):
        last = self._last(self.last_recorded, start)
        if last is None or bisect.bisect_left(self.firsts, start) < 2 or not self.kin[last]:
            return last
        opens_sentence = bool(re.search(r"(?:[.!?]\s+|\n\s*)$", self.text[max(0, start - 4):start]))
        ends = 0
        if opens_sentence:
            ats = self.offsets[last]
            for ends, _ in enumerate(SENTENCE_END.finditer(self.text, ats[bisect.bisect_left(ats, start) - 1], start), 1):
                if ends > 1:
                    break
        if not (opens_sentence and ends == 1):
            return self._last(self.last_not_kin, start) or last
        return last


def _named_later(mentions):
    """A declined name is the person the document prints in the nominative, before it or after it: "Бекету
    Мынбасову" (read "Бекета Мынбасова", a woman's accusative, when the given name is unknown) is Бекет Мынбасов
    when the text also prints "Бекет Мынбасов". The given name printed must be that one with a case ending (so
    brothers' names, Нурлан and Нурбол, or father and son never meet), the family name one of its forms."""
    printed = {}
    for m in mentions:
        words = m.text.split()
        if len(words) == 2 and m.name == " ".join(words) and CYRILLIC_WORD.search(m.name):
            printed.setdefault(words[1], set()).add(m.name)
    if not printed:
        return mentions
    for m in mentions:
        words = m.text.split()
        if len(words) != 2 or m.name in printed.get(m.name.split()[-1], ()) or not CYRILLIC_WORD.search(m.text):
            continue
        found = {other for family in family_forms(_plain(words[1])) for other in printed.get(family, ())
                 if other != m.text and _declined_from(words[0], other.split()[0])}
        if len(found) == 1:
            m.name = found.pop()
    return mentions


def _declined_from(printed, given):
    """The printed word is `given` with a Russian case ending (Бекету / Бекет, Марину / Марина, Алию / Алия)."""
    if printed == given:
        return True
    declined = given[-1:] in "аяйь"
    stem = given[:-1] if declined else given
    rest = printed[len(stem):]
    # a name in -а/-я/-й/-ь always changes its ending (Марина: Марину, Марины; never "Марин")
    return printed.startswith(stem) and len(stem) >= 3 and (rest != "" or not declined) and \
        rest in {"", "а", "у", "ом", "ем", "е", "ы", "и", "ой", "ей", "ю", "я"}


# A Latin initial stands for the Cyrillic letter it transliterates, in any of the spellings the press uses: "E." and
# "Ye." for Е ("Ermek", "Yermek"), "J." and "Zh." for Ж, "H." and "Kh." for Х.
INITIAL_SPELLINGS = [{"E", "Ye"}, {"J", "Zh"}, {"H", "Kh"}]


def _initial_fits(initial, given):
    """The initial (without its dot) may open the given name, in one of the spellings of its letter."""
    spellings = next((same for same in INITIAL_SPELLINGS if initial in same), {initial})
    return any(given.startswith(s) for s in spellings) or (len(initial) == 1 and given[:1] == initial)


def _initials_to_full(mentions):
    """"Жаулибаев Н." in a caption and "Нурлан Жаулибаев" in the verdict, "Бокаева М." and "Макс Бокаев": one person,
    when exactly one full name of the document has that family name (in any of its forms) and that initial."""
    full = [m.name for m in mentions if len(m.name.split()) == 2 and not _is_initial(m.name.split()[0])]
    for m in mentions:
        words = m.name.split()
        if len(words) != 2 or not re.fullmatch(r"(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|Ye|Yu|Ya|Yo|Zh|Sh|Ch|Kh|Ts)\.", words[0]):
            continue  # (Kazakh initials too: "Ә. Матаев"; a Latin initial of two letters: "Ye. Narymbaev")
        initial = words[0][:-1]
        forms = set(family_forms(words[1])) if CYRILLIC_WORD.search(words[1]) else {words[1]}
        if CYRILLIC_WORD.search(words[1]):  # "Аяна Т." beside "Талгат Аян": a case ending the dictionary did not see
            forms |= {words[1][:-len(e)] for e in ("а", "у", "ом", "ым", "е") if words[1].endswith(e)}
            # "Т. Аянды" beside "Талғат Аянға": the Kazakh stem of the printed word ("Аян"), which the Russian
            # dictionary may have read as another name ("Аянда")
            forms |= set(kazakh_stems(m.text.split()[-1].rstrip(".,;:")))
        matches = {name for name in full if _initial_fits(initial, name.split()[0]) and (
            name.split()[1] in forms or any(name.split()[1] in family_forms(f) for f in forms))}
        if len(matches) == 1:
            m.name = matches.pop()
    return mentions


# A woman's family name before marriage (session 15): "(née Bekova)", "(урождённая Бекова)", "(в девичестве Бекова)",
# "(қыз кезіндегі тегі Бекова)": her other name is her given name with it (a maiden name, not another spelling).
MAIDEN_CUE = r"n[ée]e|урожд[её]нн(?:ая|ой|ую)|урожд\.|в девичестве|девичья фамилия|қыз(?: кезіндегі)? тегі"
ALIAS = re.compile(r"\s*\((?:also (?:written|spelled|spelt|known as)|a\.?k\.?a\.?|или|он же|она же|также|"
                   rf"(?P<maiden>{MAIDEN_CUE}))?\s*"
                   r"([A-ZÄÖÜŪĞŞÑÇİА-ЯЁӘҒҚҢӨҰҮҺІ][\w’'-]+)(?=[\s,;)])")


class _Spans:
    """The mentions of a list found by where they stand: the first one (in the list's order) overlapping a span, in
    O(log n + k). A scan of the whole list for each bracket after a name was quadratic: a hostile 2 MB text of
    "X (née Y)" or "X (in some media — Y)" took minutes of CPU in find_persons, before any deadline is checked
    (session 16 audit; `python benchmarks/hostile_text.py --shape aliases`)."""

    def __init__(self, mentions=()):
        self.items, self.starts, self.order, self.longest = [], [], [], 0
        for m in mentions:
            self.add(m)

    def add(self, mention):
        at = bisect.bisect_right(self.starts, mention.start)
        self.starts.insert(at, mention.start)
        self.order.insert(at, len(self.items))
        self.items.append(mention)
        self.longest = max(self.longest, mention.end - mention.start)

    def first(self, start, end):
        """The first mention added with x.start < end and start < x.end, or None."""
        low = bisect.bisect_right(self.starts, start - self.longest)
        high = bisect.bisect_left(self.starts, end)
        found = [i for i in self.order[low:high] if start < self.items[i].end]
        return self.items[min(found)] if found else None


def _aliases(text, mentions):
    """"Ermek Qonyshbai (also written Konyshbay)", "Abai Qunanbaiuly (Kunanbayev)": a capitalised word opening a
    bracket right after a name is that person's other spelling."""
    out = []
    spans = _Spans(mentions)
    for m in mentions:
        a = ALIAS.match(text, m.end)
        if not a or a.group(2) in STOP or _ordinary(a.group(2), ()):
            continue
        if re.match(r"[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]", text[a.end(2):a.end(2) + 3]) and \
                not re.search(r"also|a\.?k\.?a|или|он же|она же|также", a.group(0)) and not a.group("maiden"):
            continue  # "Orazali Abdramanov (Sairam District Prosecutor's Office)": a bracket's title, no other spelling
        how = "maiden" if a.group("maiden") and " " in m.name else "surname"
        alone = spans.first(a.start(2), a.start(2) + 1)
        if alone is None:
            out.append(Mention(a.start(2), a.end(2), a.group(2), name=m.name, how=how))
        elif alone.start == a.start(2) and (alone.name == alone.text or how == "maiden"):
            alone.name, alone.how = m.name, how  # found alone first (or given an earlier namesake): her own name
    return out


# "Талгат Аян (каз. Талғат Аян; в ряде изданий — Толгат Аянов)", "Ермек Тайчибеков (в казахскоязычной прессе —
# Тайшыбеков)", "(in some media — Taichibekov)": inside a bracket right after a name, a part that says where the name
# is printed otherwise, a dash, and the other spelling
PRESS_ALIAS = re.compile(
    r"(?:^|[;,]\s*)(?:в|во|in|кейбір|басқа)\s[^()—–;:]{0,40}?(?:издани|пресс|СМИ|газет|источник|написани|медиа|media|"
    r"press|publications|sources|spelling|басылым|БАҚ|жазылу)\w*\s*[—–:-]\s*"
    r"([A-ZÄÖÜŪĞŞÑÇİА-ЯЁӘҒҚҢӨҰҮҺІ][\w’'-]+(?:[ \t]+[A-ZÄÖÜŪĞŞÑÇİА-ЯЁӘҒҚҢӨҰҮҺІ][\w’'-]+)?)\s*(?=[;)]|$)")


def _press_aliases(text, mentions):
    """The other spellings a bracket after a full name says the press uses (PRESS_ALIAS): that person's name. A
    mention already found there is renamed; else a new one is made."""
    out = []
    spans, added = _Spans(mentions), _Spans()
    for m in mentions:
        bracket = re.compile(r"[ \t]*\(([^()\n]{1,200})\)").match(text, m.end)
        if not bracket or " " not in m.name:
            continue
        for part in PRESS_ALIAS.finditer(bracket.group(1)):
            start = bracket.start(1) + part.start(1)
            end = start + len(part.group(1))
            found = spans.first(start, end) or added.first(start, end)
            if found is None:
                out.append(Mention(start, end, part.group(1), name=m.name, how="surname"))
                added.add(out[-1])
            elif found.start == start and found.how != "list":
                found.name = m.name
    return out


def maiden_name(mention):
    """The other full name a maiden-name mention gives its person: her given name with the family name in the
    bracket ("Nurgul Amirova (née Bekzhanova)" -> "Nurgul Bekzhanova"), or "" for any other mention."""
    if mention.how != "maiden" or " " not in mention.name:
        return ""
    return f"{mention.name.split()[0]} {mention.text}"


@lru_cache(maxsize=1)
def _latin_given_genders():
    """{spelling-blind key: "m"/"f"} of the listed given names whose gender the lists tell (a key both genders share
    is left out), for given names printed in Latin letters."""
    out = {}
    for word in set(MASCULINE_GIVEN) | set(FEMININE_GIVEN) | set(KK_GIVEN_GENDER) | set(_common_given()):
        for gender in ("m", "f"):
            if _given_strength(word, gender) == 2:
                k = _spelling_key(word)
                out[k] = gender if out.get(k, gender) == gender else ""
    return {k: g for k, g in out.items() if g}


def _given_gender(word):
    """"m"/"f" for a given name the lists know (Cyrillic, or in Latin by its spelling key), else ""."""
    if CYRILLIC_WORD.search(word):
        m, f = _given_strength(word, "m"), _given_strength(word, "f")
        return "m" if m > f else "f" if f > m else ""
    return _latin_given_genders().get(_spelling_key(word), "")


NOT_GIVEN = set(lexicon.words("not_given", language="en"))


@lru_cache(maxsize=20000)
def _latin_given(word):
    """A capitalised Latin word the lists know as a given name, in any of its spellings ("Olzhas", "Oljas",
    "Nūrlan", "Serikjan"): the lists are written in Cyrillic and in a few Latin spellings (GIVEN), and an English text
    prints a Kazakh name in any transliteration (session 17, h27-namesen). Not an English word that shares a name's
    spelling (lexicon/en/not_given.tsv: "Asia", "Islam"), nor a word of two letters ("An")."""
    if len(word) < 3 or not word[:1].isupper() or word.isupper() or CYRILLIC_WORD.search(word) or word in NOT_GIVEN \
            or word in STOP:
        return False
    return word in GIVEN or bool(_given_gender(word))


@lru_cache(maxsize=1)
def _diminutives():
    """{spelling-blind key of an everyday form: spelling-blind keys of the given names it shortens}
    (lexicon/ru/diminutives.tsv)."""
    out = {}
    for row in lexicon.table("diminutives", "ru"):
        if len(row) > 1:
            out.setdefault(_spelling_key(row[0]), set()).update(_spelling_key(n) for n in row[1].split(","))
    return out


RUSSIAN_SHORT_CASE = re.compile(r"(?:и|ы|у|ю|е|ей|ой|ою|ёй|ею)$")


def _diminutive_of(word, given, kazakh_text=False):
    """The full name of the one person whose given name `word` is the everyday form of, printed as is or in a case
    (Russian "Наташу", Kazakh "Наташаның"), else None. `given`: given name -> the document's full names with it."""
    forms = [word]
    if CYRILLIC_WORD.search(word):
        stem = RUSSIAN_SHORT_CASE.sub("", word)
        forms += [stem + "а", stem + "я"] if stem != word else []
        forms += list(kazakh_stems(word))
    table = _diminutives()
    fulls = set()
    for form in forms:
        fulls |= table.get(_spelling_key(form), set())
    if not fulls:
        return None
    persons = {name for first, names in given.items() if _spelling_key(first) in fulls for name in names}
    return persons.pop() if len(persons) == 1 else None


def _spelling_key(word):
    from qorgau.lib.personnames import key, to_latin
    return key(to_latin(word).lower())


@lru_cache(maxsize=2000)
def _families_by_key(families):
    """{spelling-blind key: (family names of the document with that key)} for family-shaped names of 5+ letters."""
    out = {}
    for family in families:
        if len(family) >= 5 and " " not in family and SURNAME_END.search(family.lower().replace("ё", "е")):
            out.setdefault(_spelling_key(family), []).append(family)
    return {k: tuple(v) for k, v in out.items()}


def _russian_stem(word, families):
    """"Абжану" after "Абжан": a Kazakh family name with no Russian ending takes the case endings of a noun."""
    if not CYRILLIC_WORD.search(word):
        return None
    for ending in ("ом", "ым", "а", "у", "е", "ой", "ым"):
        if word.endswith(ending) and len(word) - len(ending) >= 4 and word[:-len(ending)] in families:
            return word[:-len(ending)]
    return None


@lru_cache(maxsize=20000)
def _parses(word):
    from qorgau.lib.morphology import _analyser

    return tuple(_analyser().parse(word)[:4])


PATRONYMIC = re.compile(r"(?:ович|евич|ич|овна|евна|ична|инична)$")


def _given_name(word):
    """A given name: the list knows it, or the Russian dictionary reads it first as one."""
    if word in GIVEN:
        return True
    parses = _parses(word.lower())
    return bool(parses) and "Name" in parses[0].tag


RUSSIAN_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ая|ое|ой|ого|ому|им|ую|их|ом)$")


def _adjective_before_noun(text, start, word, agreeing=False):
    """A word in -ский/-ская … before a lower-case word ("Алмалинского районного суда", "судья Жетысуского районного
    суда"): an adjective before its noun, a name of a place's institution, not a family name (a family name is
    followed by a verb or a comma: "Анна Ковальская заявила"). With `agreeing` (the last word of a longer name:
    "… Сатымжана Азатова Астанинский городской суд"), only when the dictionary reads it as agreeing, as an adjective,
    with the lower-case adjective or noun after it."""
    if not RUSSIAN_ADJECTIVE.search(word):
        return False
    end = start + len(word)
    if not agreeing:
        return bool(re.match(r"\s+[а-яё]", text[end:end + 3]))
    after = re.match(r"[ \t]+([а-яё]+)", text[end:end + 30])
    if not after:
        return False
    from qorgau.lib.morphology import _analyser
    analyser = _analyser()
    mine = {(p.tag.gender, p.tag.case) for p in analyser.parse(word.lower()) if "ADJF" in p.tag}
    theirs = {(p.tag.gender, p.tag.case) for p in analyser.parse(after.group(1))[:3]
              if {"ADJF", "NOUN"} & set(p.tag.grammemes)}
    return bool(mine & theirs)


def _lone_family(text, start, word, lowercase_words):
    """A capitalised word standing alone that is a family name though no full name came before it: it ends like one
    (or the Russian dictionary says so), the text never uses it in lower case, it is no place and no ordinary word."""
    if len(word) < 5 or word.isupper() or word in STOP or word in PLACES or word.lower() in lowercase_words:
        return False
    if text[start - 1:start] in {"«", '"', "“"} and text[start + len(word):start + len(word) + 1] in {"»", '"', "”"}:
        return False  # «Соколов»: a team's, a paper's or a film's name
    before = text[:start].rstrip()
    sentence_start = not before or before[-1] in ".!?:;\n«\"“—–" or text[start - 1:start] == "\n"
    if PLACE_PREPOSITION.search(before[-12:]):
        return False  # "в Конаеве", "in Qonaev": a town
    if not CYRILLIC_WORD.search(word):
        # "the newspaper Uralskaya Nedelya": glued to a capitalised word that is never a name's and never written in
        # lower case, it is one word of a title's or an organisation's name
        after = NEXT_WORD.match(text, start + len(word))
        if after and (after.group(1) in STOP or after.group(1) in PLACES) and after.group(1).lower() not in lowercase_words:
            return False
        if re.search(r"(?<![\w-])the$", before, re.I) and re.search(r"(?:sk|tsk|zk)(?:aya|iy|y|oye|oe)$", word.lower()):
            return False  # "the Kazakhstanskaya mine", "the Uralskaya newspaper": a Russian adjective naming a thing
        return bool(LONE_FAMILY_LATIN.search(word.lower())) and not sentence_start
    if KAZAKH_LETTER.search(word):
        return False  # Kazakh text: its case endings are read by other rules
    parses = _parses(word.lower())
    if any(("Geox" in p.tag or "Orgn" in p.tag) and p.is_known for p in parses):
        return False  # a place the dictionary knows (a guess from the ending is no knowledge)
    surname = sum(p.score for p in parses if "Surn" in p.tag)
    ending = bool(LONE_FAMILY_CYRILLIC.search(word.lower()))
    if sentence_start:
        return surname >= 0.5 and ending
    if parses and parses[0].tag.POS in {"ADJF", "ADJS", "VERB", "PRTF", "ADVB"} and "Surn" not in parses[0].tag \
            and parses[0].is_known:
        return False  # "Шанхайской организации" (a guess from the ending is no knowledge: "гибели Нукеновой")
    # "провожал Токаев": the dictionary's only other reading is a plural noun's genitive, never capitalised mid-sentence
    plural_genitive = bool(parses) and {"plur", "gent"} <= set(parses[0].tag.grammemes)
    return surname >= 0.3 or (ending and (not is_common_word(word) or plural_genitive))


NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w’'-]+)")
PLACE_PREPOSITION = re.compile(r"(?<!\w)(?:в|во|из|под|близ|г\.|город[аеу]?|in|near)$", re.I)
NOT_KAZAKH_ENDING = re.compile("|".join(f"(?:{row[0]})" for row in lexicon.table("not_endings", "kk")) or "(?!)",
                               re.I)
KAZAKH_LETTER = re.compile(r"[әғқңөұүһі]", re.I)


def _strong_latin(words, known):
    """Latin words in a Cyrillic text name a person only with a given name, a family name's ending, an initial or a
    name the database holds."""
    return any(_plain(w) in GIVEN or _is_initial(w) or w in known or SURNAME_END.search(_plain(w).lower())
               for w in words)


def _proper_before_name(text, run, lowercase_words):
    """"Назым Кызайбай": a given name the Russian dictionary reads as a place, in mid-sentence before one more word that
    is no ordinary word, is a given name."""
    if len(run) != 2 or _ordinary(run[1][2], lowercase_words) or not CYRILLIC_WORD.search(run[0][2]):
        return False
    parses = _parses(run[0][2].lower())
    # a place or a given name to the dictionary, or a noun ("Ига Швентек"): capitalised in mid-sentence, a name
    if not parses or not (any("Geox" in p.tag or "Name" in p.tag for p in parses[:2]) or parses[0].tag.POS == "NOUN"):
        return False
    return _in_mid_sentence(text, run[0][0])


def _in_mid_sentence(text, at):
    """A word at `at` follows another word of its sentence: not a text's, a sentence's or a line's first word (a
    line's number, bullet or footnote mark aside: "¹ Защита Жакыповой …", session 17)."""
    before = text[:at].rstrip()
    line = text[text.rfind("\n", 0, at) + 1:at]
    return bool(before) and before[-1] not in ".!?:;\n«\"“(" and text[at - 1:at] != "\n" and \
        any(c.isalpha() for c in line)


def _oblique_thing_first(run):
    """"Рена Керимова | адвокат": a first word the Russian dictionary knows only as a thing's name in an oblique case
    ("рена", of a "рен"), before a family name in the nominative, is an unknown given name: a sentence or a line
    opens with no such genitive before a name (a role or an act opens it in the nominative: "Преследование …")."""
    if len(run) != 2 or not re.fullmatch(r"[А-ЯЁ][а-яё]+", run[0][2]) or \
            not re.search(r"(?:ов|ев|ин)а?$", _plain(run[1][2])):
        return False
    parses = [p for p in _parses(run[0][2].lower()) if p.score > 0.05]
    return bool(parses) and all(p.is_known and "NOUN" in p.tag and "inan" in p.tag and p.tag.case != "nomn"
                                and p.tag.case != "accs" for p in parses)


def _given_before_family(text, run):
    """"Алмаз Тілепов", "Роза Ахметова": a capitalised word in mid-sentence before a family name is a given name even
    when the Russian dictionary knows it as a common noun (at a sentence start it may be an ordinary word:
    "Преследование Торегожиной")."""
    if len(run) != 2 or not SURNAME_END.search(_plain(run[1][2]).lower()):
        return False
    return _in_mid_sentence(text, run[0][0])


def _kazakh_text(prose):
    """A text in Kazakh: one word in six or more carries a letter only Kazakh has (a Russian text naming Kazakhs in
    Kazakh spelling has far fewer)."""
    words = re.findall(r"[а-яёәғқңөұүһі]{2,}", prose, re.I)
    return bool(words) and 6 * sum(1 for w in words if KAZAKH_LETTER.search(w)) >= len(words)


KK_FOLD = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")


def _kazakh_given(word):
    """A given name in its Kazakh spelling or, its Kazakh letters read as Russian ones, in the Russian spelling of the
    lexicon ("Ерсін" -> "Ерсин", "Нұрлан" -> "Нурлан")."""
    return word in GIVEN or word.translate(KK_FOLD) in GIVEN


# A Russian family name declined ("сын Айгерим Бековой Ерлан Сеитов": her genitive, then his name)
RU_DECLINED_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|ою|ом|е)$")


def _two_russian_names(run):
    """Four Cyrillic capitalised words "Given Family Given Family" in a Russian text are two persons: "Сестра Макса
    Бокаева Жанаргуль Бокаева" (his genitive, then her name in apposition). One person's four words would be
    "Family Given Patronymic" and more, with no family name second and a patronymic last."""
    words = [_plain(w) for _, _, w in run]
    if len(run) == 5 and is_common_word(words[0]) and len(parts := _two_russian_names(run[1:])) == 2:
        return parts  # "Сестра …" at a sentence start: an ordinary word
    if len(run) == 4 and all(CYRILLIC_WORD.search(w) for w in words) and not any(_is_initial(w) for w in words) and \
            (SURNAME_END.search(words[1].lower()) or RU_DECLINED_SURNAME.search(words[1].lower())) and \
            SURNAME_END.search(words[3].lower()) and \
            not SURNAME_END.search(words[0].lower()) and not SURNAME_END.search(words[2].lower()) and \
            not PATRONYMIC.search(words[3].lower()) and (_given_name(words[0]) or _given_name(words[2])):
        return [run[:2], run[2:]]
    return [run]


def _two_kazakh_names(run):
    """Four capitalised words "Given Family Given Family" are two persons in a Kazakh text, which names a companion
    right after the subject ("Талғат Сәрсен Жанар Бековамен бірге …", "тергеуші Ержан Қуанышев Мұрат Қалиевты …")."""
    words = [_plain(w) for _, _, w in run]
    # "Хатыңызда Ахметқалиевке …" (in your letter): a word with a possessive of "you" or "we" opens no name
    while len(run) > 1 and re.search(r"(?:ңыз|ңіз|мыз|міз|ымыз|іміз)\w{0,4}$", words[0].lower()):
        run, words = run[1:], words[1:]
    # (a family name that is also a given name, "Серік Ерғали Бекзат Тілеубайды", as long as the fourth word is none:
    # four given names in a row are no two persons)
    if len(run) == 4 and _kazakh_given(words[0]) and _kazakh_given(words[2]) and (
            not _kazakh_given(words[1]) or not _kazakh_given(words[3])) and \
            not any(_is_initial(w) for w in words) and not re.search(r"(?:ұлы|улы|қызы|кызы)$", words[1].lower()) and \
            not re.search(r"(?:ұлы|улы|қызы|кызы)\w{0,4}$", words[3].lower()):
        return [run[:2], run[2:]]
    # An initial and a family name, then a given name and a family name: "судья Н. Әбенов Ерлан Сейтовты …" (the
    # judge, then the one sentenced)
    if len(run) == 4 and _is_initial(words[0]) and not _is_initial(words[1]) and _kazakh_given(words[2]) and \
            not _is_initial(words[3]) and not re.search(r"(?:ұлы|улы|қызы|кызы)\w{0,4}$", words[3].lower()):
        return [run[:2], run[2:]]
    # The same by the words' shapes, when the lexicon lacks a given name ("прокурор Алма Сейітова Өркен Кенжебекті
    # …"): a nominative family name second ("-ов", "-ова", "-ев" …) and a third word that is none begin a second
    # person (one person's four words would be "Family Given Patronymic …", with no family name second).
    if len(run) == 4 and not any(_is_initial(w) for w in words) and SURNAME_END.search(words[1].lower()) and \
            not re.search(r"(?:ұлы|улы|қызы|кызы)$", words[1].lower()) and not SURNAME_END.search(words[0].lower()) \
            and not SURNAME_END.search(words[2].lower()) and not PATRONYMIC.search(words[3].lower()) and \
            not re.search(r"(?:ұлы|улы|қызы|кызы)\w{0,4}$", words[3].lower()):
        return [run[:2], run[2:]]
    # "Жақындары Талғат Сәрсеннің …", "Егер Санжар Оспанов …": a capitalised ordinary word at a sentence start before
    # a given name and a family name is no part of the name (unless it is a family name printed first: "Сапаров
    # Ерлан Серікұлы", "Сәрсен Талғат Ерланұлы")
    if len(run) == 3 and _kazakh_given(words[1]) and not _kazakh_given(words[0]) and not _kazakh_given(words[2]) and \
            not SURNAME_END.search(words[0].lower()) and not PATRONYMIC.search(words[2].lower()) and \
            not re.search(r"(?:ұлы|улы|қызы|кызы)$", words[2].lower()) and not any(_is_initial(w) for w in words):
        return [run[1:]]
    return [run]


def _kazakh_declined_family(given, family):
    """The family name without its Kazakh case ending, when the text prints it only declined: after a known given name
    ("Талғат Сәрсенге", "Айдос Шәріптің", "Бақыт Тілеубердіні"). The locative is left alone (a person is rarely "in" someone), and so are family names that end like a case ending
    (lexicon/kk/not_endings.tsv: "Тілеуберді")."""
    if not _kazakh_given(given) or _kazakh_given(family) or _is_initial(family) or NOT_KAZAKH_ENDING.search(family):
        return None
    stems = [stem for stem in kazakh_stems(family) if len(stem) >= 4 and
             not re.fullmatch(r"[дт][ае]", family[len(stem):].lower())]
    return max(stems, key=len) if stems else None


def _kazakh_case_ends_name(run):
    """A Kazakh name takes its case ending on its last word, so a family name with a case ending ends the name: the
    capitalised words after it are something else ("Т. Данебаевпен Қылмыстық-атқару жүйесі …", with the penal
    system's department)."""
    for i, (_, _, word) in enumerate(run[:-1]):
        plain = _plain(word)
        if not _is_initial(plain) and not SURNAME_END.search(plain.lower()) and not NOT_KAZAKH_ENDING.search(plain) \
                and any(len(stem) >= 4 and SURNAME_END.search(stem.lower()) for stem in kazakh_stems(plain)):
            return [run[:i + 1], run[i + 1:]]
    return [run]


def _kazakh_third_word(run):
    """The run, or its name and its third word as two runs. "Василий Чепурной Азаттыққа растады": a listed given
    name, a word that is no given name (the family name),
    then a third word with a Kazakh case ending on a stem that is no family name — the sentence's next noun in its
    case (a radio, a newspaper, a place), not a third part of the name (a Kazakh name is a given name and a family
    name; the particles ұлы/қызы and a second given name aside)."""
    if len(run) != 3:
        return [run]
    first, middle, last = (_plain(w) for _, _, w in run)
    if _is_initial(first) or not _listed_given(first) or _is_initial(middle) or _listed_given(middle) \
            or not CYRILLIC_WORD.search(last) or NOT_KAZAKH_ENDING.search(last) \
            or re.search(r"(?:ұлы|улы|қызы|кызы)", last.lower()) or kazakh_stems(middle):
        return [run]
    stems = [stem for stem in kazakh_stems(last) if len(stem) >= 4]
    if stems and not any(SURNAME_END.search(stem.lower()) or _listed_given(stem) for stem in stems):
        return [run[:2], run[2:]]  # (the third word stays a word of its own: a family name alone, maybe)
    return [run]


def _kazakh_declined_last(printed):
    """A two-word name of a Kazakh text whose last word alone carries a case ending, read as the person without it,
    whatever the first word is (a given name the lexicon lacks, "Перизат Қуанышқа"; an initial, "Д. Смайылды"; a
    family name printed first, "Мұқанова Сәулені"): a Kazakh name declines on its last word only, so the first word
    in its printed form and the last one's stem are the name. Not when the first word is declined too (a Russian
    declension, "Нурлана Жаулибаева"), nor for the locative, nor for names ending like an ending (not_endings.tsv)."""
    first, last = (_plain(w) for w in printed)
    if NOT_KAZAKH_ENDING.search(last) or (not _is_initial(first) and kazakh_stems(first)):
        return None
    stems = [stem for stem in kazakh_stems(last) if len(stem) >= 4 and
             not re.fullmatch(r"[дт][ае]", last[len(stem):].lower())]
    return f"{first} {max(stems, key=len)}" if stems else None


def _kazakh_stem_of(text):
    """{declined word: its stem} for capitalised words carrying a Kazakh case ending that fits the stem, where the text
    also prints the stem alone or the stem with another ending ("Мұхаммедкәрімге" and "Мұхаммедкәрімді")."""
    capitalised = set(WORD.findall(text))
    stems = {}
    for word in capitalised:
        if len(word) >= 5 and not _is_initial(word):
            for stem in kazakh_stems(word):
                stems.setdefault(stem, set()).add(word)
    stem_of = {}
    for stem, declined in stems.items():
        if stem in capitalised or len(declined) >= 2:
            for word in declined:
                if word not in stem_of or len(stem) > len(stem_of[word]):  # the shortest ending wins
                    stem_of[word] = stem
    return stem_of


def _declined_to_printed(mentions):
    """A Kazakh name whose family name carries a case ending ("Асқар Қайырбекке") is the person the document also
    names without it ("Асқар Қайырбек")."""
    names = {m.name for m in mentions}
    # a name's last word after a space, or the whole name: "ends with ' ' + base or is base" as one set lookup
    endings = names | {n.rsplit(" ", 1)[1] for n in names if " " in n}
    for m in mentions:
        words = m.name.split()
        if len(words) > 1:
            bare = " ".join(words[:-1] + [kazakh_word_any(words[-1], endings)])
            if bare != m.name and bare in names:
                m.name = bare
    return mentions


def kazakh_word_any(word, endings):
    """The word without a Kazakh case ending, if some name in the document ends with it (`endings`: the document's
    names and their last words)."""
    low = word.lower()
    for suffix in _suffixes_ending_with(low[-1:]):   # (only the endings that can end this word, in the rules' order)
        if low.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[:len(word) - len(suffix)]
            if base in endings:
                return base
    return word


@lru_cache(maxsize=256)
def _suffixes_ending_with(last):
    """The Kazakh case endings (morphology's rules, in their order) that a word ending in `last` can end with: those
    ending with that letter, and an empty one (speed: a name's last word was compared with every ending)."""
    from qorgau.lib.morphology import _kazakh_rules

    return tuple(suffix for suffix, _, _ in _kazakh_rules() if not suffix or suffix.endswith(last))
