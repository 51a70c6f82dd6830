"""Scoring a pair of person records on their names AND what the records say about them.

A transparent log-likelihood model (Fellegi–Sunter): every piece of evidence adds its weight in bits,
log2(P(evidence | one person) / P(evidence | two people)); the sum, with the prior, gives the probability that
the two records are one person. Name evidence and its weights are in `qorgau.lib.personnames.WEIGHTS`; the
context weights are `CONTEXT` below. Every weight that counted is kept with the pair and shown on the review page
("why we think so"), so a reviewer reads e.g. "same family name +8.0; same given name +6.0; both in UA 12/19 +4.0".

Context read from the database, per record (its merged-away records included):
- documents it is cited in, Urgent Actions naming it, its acts (type and date), their articles, places;
- birth year, gender and patronymic fields, roles (a judge, prosecutor or official vs a victim);
- recorded relations: two records related to each other are two people; a relative in common is evidence for one.
"""

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from qorgau.lib.personnames import WEIGHTS, compare_weights, jaro_winkler, parse, phonetic, probability

AUTO = 0.9        # linked automatically at or above (same sensitivity, not confidential)
REVIEW = 0.1      # queued for review at or above: a judge and a victim of one name and initial still reach it

CONTEXT = {
    "same document": 2.0,            # cited in one document: a family name alone usually means the person just named
    "same urgent action": 4.0,
    "same act": 4.0,                 # an act of the same type on the same date
    "same article": 1.5,
    "same place": 1.0,
    "birth year agrees": 4.0,
    "birth year differs": -8.0,
    "gender differs": -20.0,
    "patronymic differs": -9.0,
    "role conflict": -6.0,           # one an official (judge, prosecutor, investigator …), the other a victim
    "related to each other": -30.0,  # any recorded relation between them (kin, lawyer, colleague): two people
    "relative in common": 3.0,
    "two given names in one document": -2.0,   # instead of "same document" (session 14): see one_document()
}
OFFICIAL_ROLES = {"judge", "prosecutor", "investigator", "official", "police", "politician", "official_other"}
VICTIM_ROLES = {"activist", "journalist", "blogger", "human_rights_defender", "victim", "relative", "lawyer",
                "businessperson", "religious_believer"}

FAMILY = {"child_of", "parent_of", "sibling_of", "spouse_of", "relative_of"}

EXPLAIN = {
    "same document": "both cited in one document", "same urgent action": "both in one Urgent Action",
    "same act": "an act of the same type on the same date", "same article": "charged under the same article",
    "same place": "the same place", "birth year agrees": "same year of birth",
    "birth year differs": "different years of birth", "gender differs": "recorded genders differ",
    "patronymic differs": "recorded patronymics differ", "role conflict": "an official on one side, a victim on the other",
    "related to each other": "recorded as related to each other", "relative in common": "a relative in common",
    "two given names in one document": "one document prints both full names, with two given names",
}


@dataclass
class Context:
    documents: set = field(default_factory=set)
    urgent_actions: set = field(default_factory=set)
    acts: set = field(default_factory=set)
    act_victims: dict = field(default_factory=dict)   # (type, date) -> how many records are victims of such an act
    articles: set = field(default_factory=set)
    places: set = field(default_factory=set)
    relatives: set = field(default_factory=set)     # every record related to this one (any kind)
    kin: set = field(default_factory=set)           # family relations only
    roles: set = field(default_factory=set)
    birth_year: int = None
    gender: str = ""
    patronymic: str = ""


def name_probability(left, right):
    """Names alone -> probability."""
    weights = compare_weights(parse(left), parse(right))
    return probability(sum(w for _, w, _ in weights))


def lone(name):
    """A mention by one word only ("Tulesova", "Asya"): the press writes it after the full name in one document."""
    p = parse(name)
    return bool(p.family) and not p.given and not p.initials


def pair_probability(left, right):
    """What `qorgau evaluate --resolution` scores: the names, and for a one-word mention the same-document weight
    it has in the resolver (a lone name stands in a document that names the person in full; that is how press
    texts and the evaluation's pairs are written)."""
    weights = compare_weights(parse(left), parse(right))
    extra = CONTEXT["same document"] if lone(left) or lone(right) else 0.0
    return probability(sum(w for _, w, _ in weights) + extra)


from qorgau.records.policy import SYSTEM  # noqa: E402  the resolver itself: it weighs everything the record holds


def contexts(persons, *, reader):
    """{person pk: Context} for many persons in a fixed number of queries.

    `reader` is required: SYSTEM (the resolver) weighs everything; a user (None for the public) only what that
    reader may see counts: evidence shown to a person
    never rests on an act, a source, an Urgent Action, a provision, a relative or a field above their level."""
    from django.contrib.contenttypes.models import ContentType

    from qorgau.campaigns.models import UrgentAction
    from qorgau.lib.sensitivity import levels_for
    from qorgau.records.models import Act, ActProvision, Citation, Involvement, Person, PersonRelation
    from qorgau.records.policy import Reader

    system = reader is SYSTEM
    seen = None if system else Reader(reader)

    def rows(model):
        return model.objects.all() if system else model.objects.visible_to(reader)

    def field(person, name, empty, attribute=None):
        value = getattr(person, attribute or name)
        return value if system or seen.sees_field(person, name) else empty

    ids = [p.pk for p in persons]
    out = {p.pk: Context(birth_year=field(p, "birth_year", None), gender=field(p, "gender", "") or "",
                         patronymic=field(p, "patronymic", "") or "", roles=set(field(p, "roles", []) or []),
                         places={field(p, "home_place", None, "home_place_id")} - {None}) for p in persons}
    person_type = ContentType.objects.get_for_model(Person)
    citations = Citation.objects.filter(content_type=person_type, object_id__in=ids)
    if not system:
        citations = citations.filter(document__sensitivity__in=levels_for(reader))
    for object_id, document in citations.values_list("object_id", "document_id"):
        out[object_id].documents.add(document)
    for person_id, ua in UrgentAction.persons.through.objects.filter(
            person_id__in=ids, urgentaction_id__in=rows(UrgentAction).values("id")) \
            .values_list("person_id", "urgentaction_id"):
        out[person_id].urgent_actions.add(ua)
    act_person = {}
    for act_id, person_id, act_type, date, place in rows(Act).filter(victim_person_id__in=ids) \
            .values_list("id", "victim_person_id", "act_type", "date", "place_id"):
        act_person[act_id] = person_id
        if date:
            out[person_id].acts.add((act_type, date))
        if place:
            out[person_id].places.add(place)
        out[person_id].roles.add("victim")
    _count_act_victims(out, rows(Act))
    provisions = ActProvision.objects.filter(act_id__in=list(act_person))
    if not system:
        from qorgau.records.models import Provision

        provisions = provisions.filter(provision__in=rows(Provision).values("id"))
    # (no acts, no provisions: the query is not even built -- a reader who sees no suggested act, at every merge)
    for act_id, code in provisions.values_list("act_id", "provision__uid") if act_person else ():
        out[act_person[act_id]].articles.add(code)
    for person_id in Involvement.objects.filter(perpetrator_person_id__in=ids, act__in=rows(Act).values("id")) \
            .values_list("perpetrator_person_id", flat=True):
        out[person_id].roles.add("official")
    visible = rows(Person).values("id")
    for person_id, kind, other_id in PersonRelation.objects.filter(person_id__in=ids, other_id__in=visible) \
            .values_list("person_id", "relation", "other_id"):
        out[person_id].relatives.add(other_id)
        if kind in FAMILY:
            out[person_id].kin.add(other_id)
    for person_id, kind, other_id in PersonRelation.objects.filter(other_id__in=ids, person_id__in=visible) \
            .values_list("person_id", "relation", "other_id"):
        out[other_id].relatives.add(person_id)
        if kind in FAMILY:
            out[other_id].kin.add(person_id)
    return out


def _count_act_victims(out, acts):
    """How many records are victims of an act of each (type, date) the persons have: a mass detention or a day of
    fines shares its date among dozens (session 14)."""
    from django.db.models import Count

    wanted = {act for context in out.values() for act in context.acts}
    if not wanted:
        return
    counts = {}
    dates = sorted({date for _, date in wanted})
    for at in range(0, len(dates), 500):
        for act_type, date, n in acts.filter(date__in=dates[at:at + 500], victim_person__isnull=False) \
                .values("act_type", "date").annotate(n=Count("victim_person", distinct=True)) \
                .values_list("act_type", "date", "n"):
            if (act_type, date) in wanted:
                counts[(act_type, date)] = n
    for context in out.values():
        context.act_victims = {act: counts.get(act, 2) for act in context.acts}


def same_act_bits(victims):
    """The weight of "an act of the same type on the same date", by how many records were its victims (session 14).
    Two different people share such an act by chance about as often as the act has victims: with two records it
    is the full 4 bits, and each doubling of the victims takes a bit away (8 records: 2 bits; 32 or more: none).
    Before, 4 bits whatever the count: two women of near family names fined on one day of mass fines (Maksova /
    Maksatova, "family names near" +2) were linked at 0.98."""
    return max(0.0, CONTEXT["same act"] - math.log2(max(2, victims) / 2))


def roles_conflict(a, b):
    """Two sets of roles on opposite sides: one only an official's (judge, prosecutor …), the other only a victim's
    (activist, journalist …) -- a judge who shares an activist's name is another person."""
    official = lambda roles: bool(roles & OFFICIAL_ROLES) and not (roles & VICTIM_ROLES)  # noqa: E731
    victim = lambda roles: bool(roles & VICTIM_ROLES) and not (roles & OFFICIAL_ROLES)    # noqa: E731
    return (official(a) and victim(b)) or (victim(a) and official(b))


def context_weights(a_pk, b_pk, a, b):
    """[(feature, bits, detail)] from what two records say."""
    out = []
    if a.documents & b.documents:
        out.append(("same document", CONTEXT["same document"], f"{len(a.documents & b.documents)}"))
    if a.urgent_actions & b.urgent_actions:
        out.append(("same urgent action", CONTEXT["same urgent action"], ""))
    if a.acts & b.acts:
        shared = sorted(a.acts & b.acts, key=lambda act: (max(a.act_victims.get(act, 2), b.act_victims.get(act, 2)),
                                                          act))
        act_type, date = shared[0]
        bits = same_act_bits(max(a.act_victims.get(shared[0], 2), b.act_victims.get(shared[0], 2)))
        if bits > 0:
            out.append(("same act", bits, f"{act_type} {date}"))
    if a.articles & b.articles:
        out.append(("same article", CONTEXT["same article"], ", ".join(sorted(a.articles & b.articles))[:80]))
    if a.places & b.places:
        out.append(("same place", CONTEXT["same place"], ""))
    if a.birth_year and b.birth_year:
        if abs(a.birth_year - b.birth_year) <= 1:
            out.append(("birth year agrees", CONTEXT["birth year agrees"], str(a.birth_year)))
        else:
            out.append(("birth year differs", CONTEXT["birth year differs"], f"{a.birth_year} / {b.birth_year}"))
    if a.gender and b.gender and a.gender != b.gender:
        out.append(("gender differs", CONTEXT["gender differs"], f"{a.gender} / {b.gender}"))
    if a.patronymic and b.patronymic:
        x, y = parse("X " + a.patronymic + " Y").patronymic or a.patronymic.lower(), \
            parse("X " + b.patronymic + " Y").patronymic or b.patronymic.lower()
        if jaro_winkler(x, y) < 0.88:
            out.append(("patronymic differs", CONTEXT["patronymic differs"], ""))
    if roles_conflict(a.roles, b.roles):
        out.append(("role conflict", CONTEXT["role conflict"], ""))
    if b_pk in a.relatives or a_pk in b.relatives:
        out.append(("related to each other", CONTEXT["related to each other"], ""))
    elif (a.kin & b.kin) - {a_pk, b_pk}:
        out.append(("relative in common", CONTEXT["relative in common"], ""))
    return out


def one_document(name_weights, context):
    """The context weights with "same document" read against the names (session 14). A document that prints two
    full names of one family with two given names that are only near (Марат / Мурат, Ерлан / Ержан: both real
    names) names two people -- brothers, a father and son -- far more often than it misprints one person's given
    name: a writer who names someone in full twice spells the given name the same way. So, for such a pair, the
    document counts against one person instead of for it; a one-letter typo of a given name ("alike") and a name
    known by one word or an initial keep the document's weight."""
    features = {feature for feature, _, _ in name_weights}
    if "given near" not in features or not any(feature == "same document" for feature, _, _ in context):
        return context
    return [("two given names in one document", CONTEXT["two given names in one document"], detail)
            if feature == "same document" else (feature, bits, detail) for feature, bits, detail in context]


def blocking_keys(parsed):
    """Keys that put two records in one block: family-name prefix, its phonetic form, and given key with the
    family's last letters (a typo in the first letters of a family name)."""
    keys = set()
    for family in parsed.family_alts or {parsed.family}:
        if family:
            keys.add("f:" + family[:4])
            keys.add("p:" + phonetic(family)[:5])
            for given in parsed.given:
                keys.add("g:" + given[:4] + ":" + family[-3:])
                # The two words' first letters in either order: "Тлеужан Айгерим" (family first, order not known
                # from an ending, read as given Тлеужан) meets "Айгерим Тлеужанова".
                keys.add("s:" + "|".join(sorted((given[:4], family[:4]))))
                # A Kazakh family name with and without the Russian -ov/-ev ("Talgat Ayan" / "Talgat Ayanov"; a
                # short stem's key is shorter than its prefix): the stem with the given name.
                stem = re.sub(r"(?:ov|ev)$", "", family)
                if stem != family and len(stem) >= 2:
                    keys.add("s:" + "|".join(sorted((given[:4], stem[:4]))))
    return keys


def explain(weights):
    """Sentences for the review page: one per weight, with its sign."""
    from qorgau.lib.personnames import EXPLAIN as NAME_EXPLAIN

    lines = []
    for feature, bits, detail in weights:
        text = NAME_EXPLAIN.get(feature) or EXPLAIN.get(feature) or feature
        lines.append({"feature": feature, "text": text, "detail": detail, "bits": round(bits, 1)})
    return lines


def score(name_weights, context):
    """Probability from name weights (prior first) plus context weights."""
    return probability(sum(w for _, w, _ in name_weights) + sum(w for _, w, _ in context))


def prior():
    return WEIGHTS["prior"]


def group_by_block(items):
    """{block key: [ids]} from [(id, parsed)]."""
    blocks = defaultdict(set)
    for pk, parsed in items:
        for block in blocking_keys(parsed):
            blocks[block].add(pk)
    return blocks
