"""Checking one line of an interchange file before anything is written.

Every value an import would store is checked here, against the model it will
be stored in (types, lengths, choices, number ranges, dates, levels, id shape)
and against the project's rules (a person who refused consent is never public).
A check returns sentences naming the field; the importer adds the line number.

Invariant: a line that passes these checks can be written without the database
refusing it, and without any page, JSON view or export failing on it later.
"""

import math
import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

from qorgau.lib import sensitivity as levels
from qorgau.lib.dates import PartialDateError, parse_partial_date

from .fields import PREFIXES, REFERENCES, SCALARS, model_for

# An id is what URLs, exports and other databases use: letters, digits and _ . @ - only, at most 64 characters.
UID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")
MAX_TEXT = 5_000_000       # characters in one text field (a document's whole text)
MAX_LIST = 10_000          # items in one list (names, citations, persons of an urgent action …)
MAX_COUNT = 10_000_000     # a count of people or of supporters' actions: more is a typing error, not a campaign
MAX_AMOUNT = 10**11        # a penalty amount (the model keeps 12 digits before the point)
INT_RANGE = {models.PositiveSmallIntegerField: (0, 32767), models.PositiveIntegerField: (0, 2147483647),
             models.PositiveBigIntegerField: (0, 2**63 - 1), models.IntegerField: (-2147483648, 2147483647)}
DATE_FIELDS = {"date", "date_end", "start", "end", "published", "issued", "deadline", "valid_from", "valid_to"}
LIST_OF_TEXT = {"roles", "address", "address_ru", "address_kk", "emails", "asks", "languages"}


def _choices(model, name):
    return {value for value, _ in model._meta.get_field(name).choices or []}


class Checker:
    """Collects problems of one line as "field: what is wrong" sentences."""

    def __init__(self, record_type, data):
        self.record_type, self.data, self.problems = record_type, data, []

    def say(self, key, message):
        self.problems.append(f"{key}: {message}")

    # Elementary checks; each returns True when the value is acceptable.

    def text(self, key, value, *, limit, required=False, allow_none=True):
        if value is None:
            if required:
                self.say(key, "is required.")
            return allow_none and not required
        if not isinstance(value, str):
            self.say(key, f"must be text, not {_kind(value)}.")
            return False
        if required and not value.strip():
            self.say(key, "cannot be empty.")
            return False
        if len(value) > limit:
            self.say(key, f"is {len(value)} characters long; at most {limit} fit.")
            return False
        if "\x00" in value:
            self.say(key, "contains a NUL character.")
            return False
        return True

    def choice(self, key, value, allowed, *, allow_blank=True):
        if value is None or (allow_blank and value == ""):
            return True
        if not isinstance(value, str) or value not in allowed:
            ordered = sorted(allowed)
            shown = ", ".join(ordered) if len(ordered) <= 10 else ", ".join(ordered[:8]) + f" … ({len(ordered)} in all)"
            self.say(key, f"{_short(value)} is not one of: {shown}.")
            return False
        return True

    def integer(self, key, value, low, high):
        if value is None:
            return True
        if isinstance(value, bool) or not isinstance(value, int):
            self.say(key, f"must be a whole number, not {_kind(value)}.")
            return False
        if not low <= value <= high:
            self.say(key, f"{value} is outside the range {low}…{high}.")
            return False
        return True

    def number(self, key, value, low, high):
        if value is None:
            return True
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.say(key, f"must be a number, not {_kind(value)}.")
            return False
        if not low <= value <= high:
            self.say(key, f"{value} is outside the range {low}…{high}.")
            return False
        return True

    def partial_date(self, key, value):
        if value is None or value == "":
            return True
        if not isinstance(value, str):
            self.say(key, f"must be a date written as text, not {_kind(value)}.")
            return False
        try:
            parse_partial_date(value)
        except PartialDateError as error:
            self.say(key, str(error))
            return False
        return True

    def level(self, key, value, *, allow_none=True):
        if value is None and allow_none:
            return True
        return self.choice(key, value, set(levels.LEVELS), allow_blank=False)

    def uid(self, key, value, target=None):
        """A reference (or the record's own id): text of the id shape, with the target type's prefix."""
        if value is None:
            return True
        if not isinstance(value, str):
            self.say(key, f"must be an id (text), not {_kind(value)}.")
            return False
        if not UID.match(value):
            self.say(key, f"{_short(value)} is not an id (letters, digits and _ . @ - only, at most 64).")
            return False
        prefixes = PREFIXES.get(target) if isinstance(target, str) else target
        if prefixes and not value.startswith(prefixes if isinstance(prefixes, tuple) else (prefixes,)):
            wanted = " or ".join(prefixes if isinstance(prefixes, tuple) else (prefixes,))
            self.say(key, f"{_short(value)} should start with {wanted}.")
            return False
        return True

    def list_of(self, key, value, *, dicts=False):
        """The list, or None (with a problem) when the value is not a list of the right kind of items."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.say(key, f"must be a list, not {_kind(value)}.")
            return None
        if len(value) > MAX_LIST:
            self.say(key, f"has {len(value)} items; at most {MAX_LIST}.")
            return None
        if dicts and not all(isinstance(item, dict) for item in value):
            self.say(key, "must be a list of objects ({…}).")
            return None
        return value

    def mapping(self, key, value):
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.say(key, f"must be an object ({{…}}), not {_kind(value)}.")
            return None
        return value


def _kind(value):
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _short(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


# Per-field checks derived from the model -------------------------------------------------------------------

def check_scalar(c, model, name, value):
    field = model._meta.get_field(name)
    key = name
    if name in DATE_FIELDS:
        if c.text(key, value, limit=10):
            c.partial_date(key, value)
        return
    if isinstance(field, models.BooleanField):
        if value is not None and not isinstance(value, bool):
            c.say(key, f"must be true or false, not {_kind(value)}.")
        return
    for kind, (low, high) in INT_RANGE.items():
        if type(field) is kind:
            c.integer(key, value, low, high)
            return
    if isinstance(field, models.DecimalField):
        c.number(key, value, -MAX_AMOUNT, MAX_AMOUNT)
        return
    if isinstance(field, models.JSONField):
        items = c.list_of(key, value)
        if items is None:
            return
        for index, item in enumerate(items):
            if not c.text(f"{key}[{index}]", item, limit=2000, allow_none=False):
                return
        if name == "roles":
            from qorgau.records.models.persons import ROLE_LABELS

            for role in items:
                c.choice(f"{key}", role, set(ROLE_LABELS), allow_blank=False)
        if name == "languages":
            for language in items:
                c.choice(key, language, {"en", "ru", "kk"}, allow_blank=False)
        return
    if isinstance(field, (models.CharField, models.TextField)):
        if field.choices:  # a closed list: name the values rather than a length
            c.choice(key, value, {v for v, _ in field.choices})
            return
        if not c.text(key, value, limit=field.max_length or MAX_TEXT):
            return
        if isinstance(field, models.URLField) and value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                c.say(key, f"{_short(value)} is not a web address (http:// or https://).")
        return
    c.say(key, "cannot be imported.")  # a field type this checker does not know: refuse rather than guess


def check_line(record_type, data):
    """All problems of one record line, as "field: …" sentences (the id is checked by the caller)."""
    from qorgau.records.models import NameKind, Script
    from qorgau.records.models.base import Language

    model = model_for(record_type)
    c = Checker(record_type, data)
    c.level("sensitivity", data.get("sensitivity"))
    sensitivity_reviewed = data.get("sensitivity_reviewed")
    if sensitivity_reviewed is not None and not isinstance(sensitivity_reviewed, bool):
        c.say("sensitivity_reviewed", "must be true or false.")
    field_levels = c.mapping("field_sensitivity", data.get("field_sensitivity"))
    if field_levels and record_type != "judgement":
        names = {f.name for f in model._meta.get_fields()} | {"penalty"}
        for name, level in field_levels.items():
            if name not in names:
                c.say("field_sensitivity", f"{_short(name)} is not a field of a {record_type}.")
            else:
                c.level(f"field_sensitivity.{name}", level, allow_none=False)
    for name in SCALARS.get(record_type, []):
        if name in data and (record_type, name) != ("act", "act_type"):  # checked with the act, below
            check_scalar(c, model, name, data[name])
    for name, (_, target) in REFERENCES.get(record_type, {}).items():
        c.uid(name, data.get(name), target)
    if record_type in {"person", "organization", "place"}:
        c.text("name", data.get("name"), limit=300, required=True)
        names = c.list_of("names", data.get("names"), dicts=True) or []
        for index, row in enumerate(names):
            key = f"names[{index}]"
            c.text(f"{key}.name", row.get("name"), limit=300, required=True)
            c.choice(f"{key}.script", row.get("script"), set(Script.values))
            c.choice(f"{key}.lang", row.get("lang"), set(Language.values))
            c.choice(f"{key}.kind", row.get("kind"), set(NameKind.values))
            c.level(f"{key}.sensitivity", row.get("sensitivity"))
            for part in ("given_name", "family_name", "patronymic"):
                c.text(f"{key}.{part}", row.get(part), limit=150)
    for key in ("citations", "mentions"):
        for index, row in enumerate(c.list_of(key, data.get(key), dicts=True) or []):
            _check_citation(c, f"{key}[{index}]", row)
    extra_check = CHECKS.get(record_type)
    if extra_check:
        extra_check(c, data)
    return c.problems


def _check_citation(c, key, row):
    from qorgau.records.models import Citation

    if row.get("document") is None:
        c.say(f"{key}.document", "is required.")
    c.uid(f"{key}.document", row.get("document"), "document")
    for part in ("start", "end", "page"):
        c.integer(f"{key}.{part}", row.get(part), 0, 2147483647)
    start, end = row.get("start"), row.get("end")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        c.say(f"{key}.end", "is before start.")
    for part in ("text", "note"):
        c.text(f"{key}.{part}", row.get(part), limit=500)
    c.text(f"{key}.field", row.get("field"), limit=64)
    c.text(f"{key}.method", row.get("method"), limit=64)
    review = row.get("review") or row.get("status")
    c.choice(f"{key}.review", review, _choices(Citation, "review"))


def _person(c, d):
    from qorgau.records.models import Affiliation, PersonRelation

    if d.get("consent") == "refused" and (d.get("sensitivity") or levels.INTERNAL) == levels.PUBLIC:
        c.say("consent", "this person refused consent to publication, so the record cannot be public.")
    for index, a in enumerate(c.list_of("affiliations", d.get("affiliations"), dicts=True) or []):
        key = f"affiliations[{index}]"
        if a.get("organization") is None:
            c.say(f"{key}.organization", "is required.")
        c.uid(f"{key}.organization", a.get("organization"), "organization")
        c.text(f"{key}.role", a.get("role"), limit=Affiliation._meta.get_field("role").max_length)
        for part in ("from", "to"):
            if c.text(f"{key}.{part}", a.get(part), limit=10):
                c.partial_date(f"{key}.{part}", a.get(part))
    for index, r in enumerate(c.list_of("relations", d.get("relations"), dicts=True) or []):
        key = f"relations[{index}]"
        c.choice(f"{key}.relation", r.get("relation"), _choices(PersonRelation, "relation"), allow_blank=False)
        if r.get("relation") is None:
            c.say(f"{key}.relation", "is required.")
        if r.get("person") is None:
            c.say(f"{key}.person", "is required.")
        c.uid(f"{key}.person", r.get("person"), "person")
    c.uid("merged_into", d.get("merged_into"), "person")
    if d.get("merged_into") is not None and d.get("merged_into") == d.get("id"):
        c.say("merged_into", "a person cannot be merged into itself.")


def _place(c, d):
    coordinates = d.get("coordinates")
    if coordinates is None:
        return
    if not isinstance(coordinates, list) or len(coordinates) != 2:
        c.say("coordinates", "must be [latitude, longitude] or null.")
        return
    c.number("coordinates[0]", coordinates[0], -90, 90)
    c.number("coordinates[1]", coordinates[1], -180, 180)


def _provision(c, d):
    c.text("code", d.get("code"), limit=16, required=True)
    c.text("article", d.get("article"), limit=16, required=True)
    titles = c.mapping("titles", d.get("titles"))
    for language, title in (titles or {}).items():
        if language not in {"en", "ru", "kk"}:
            c.say("titles", f"{_short(language)} is not a language of titles (en, ru, kk).")
        else:
            c.text(f"titles.{language}", title, limit=500)


def _document(c, d):
    if d.get("title") is None or (isinstance(d.get("title"), str) and not d["title"].strip()):
        c.say("title", "a document needs a title.")
    sha = d.get("sha256")
    if isinstance(sha, str) and sha and not re.fullmatch(r"[0-9a-f]{64}", sha):
        c.say("sha256", "must be 64 hexadecimal digits.")


def _event(c, d):
    from qorgau.records.models import EventLink, Tally

    if not isinstance(d.get("title"), str) or not d["title"].strip():
        c.say("title", "an event needs a title.")
    for index, uid in enumerate(c.list_of("places", d.get("places")) or []):
        c.uid(f"places[{index}]", uid, "place")
    for index, t in enumerate(c.list_of("tallies", d.get("tallies"), dicts=True) or []):
        key = f"tallies[{index}]"
        c.choice(f"{key}.act_type", t.get("act_type"), _choices(Tally, "act_type"), allow_blank=False)
        if t.get("act_type") is None:
            c.say(f"{key}.act_type", "is required.")
        ok = c.integer(f"{key}.min", t.get("min"), 0, MAX_COUNT) & c.integer(f"{key}.max", t.get("max"), 0, MAX_COUNT)
        if ok and t.get("min") is not None and t.get("max") is not None and t["max"] < t["min"]:
            c.say(f"{key}.max", "is smaller than min.")
        c.uid(f"{key}.place", t.get("place"), "place")
    for index, link in enumerate(c.list_of("links", d.get("links"), dicts=True) or []):
        key = f"links[{index}]"
        c.choice(f"{key}.relation", link.get("relation"), _choices(EventLink, "relation"), allow_blank=False)
        if link.get("relation") is None or link.get("event") is None:
            c.say(key, "needs a relation and an event.")
        c.uid(f"{key}.event", link.get("event"), "event")


def _act(c, d):
    from qorgau.records.models import GROUP_OF, ActProvision, Involvement

    act_type = d.get("act_type")
    if act_type not in GROUP_OF:
        c.say("act_type", f"{_short(act_type)} is not an act type.")
    elif d.get("group") not in (None, "", GROUP_OF[act_type]):
        c.say("group", f"{_short(d.get('group'))} is not the group of {act_type} ({GROUP_OF[act_type]}).")
    if not d.get("victim"):
        c.say("victim", "an act needs a victim.")
    else:
        c.uid("victim", d.get("victim"), ("per_", "org_"))
    for index, p in enumerate(c.list_of("provisions", d.get("provisions"), dicts=True) or []):
        key = f"provisions[{index}]"
        if p.get("id") is None:
            c.say(f"{key}.id", "is required.")
        c.uid(f"{key}.id", p.get("id"))
        c.choice(f"{key}.relation", p.get("relation"), _choices(ActProvision, "relation"))
    provision_ids = [p.get("id") for p in d.get("provisions") or [] if isinstance(p, dict)]
    if len(provision_ids) != len(set(map(str, provision_ids))):
        c.say("provisions", "lists the same provision twice.")
    penalty = c.mapping("penalty", d.get("penalty"))
    if penalty:
        from qorgau.records.models import Act

        c.choice("penalty.kind", penalty.get("kind"), _choices(Act, "penalty_kind"))
        c.choice("penalty.unit", penalty.get("unit"), _choices(Act, "penalty_unit"))
        c.number("penalty.amount", penalty.get("amount"), 0, MAX_AMOUNT)
    for index, p in enumerate(c.list_of("perpetrators", d.get("perpetrators"), dicts=True) or []):
        key = f"perpetrators[{index}]"
        if p.get("id") is None:
            c.say(f"{key}.id", "is required.")
        c.uid(f"{key}.id", p.get("id"), ("per_", "org_"))
        c.choice(f"{key}.role", p.get("role"), _choices(Involvement, "role"))


def _recognition(c, d):
    for key in ("person", "organization"):
        if d.get(key) is None:
            c.say(key, "a recognition needs a person and a recognising organisation.")
    if d.get("status") in (None, ""):
        c.say("status", "is required.")


def _target(c, d):
    if not isinstance(d.get("office"), str) or not d["office"].strip():
        c.say("office", "a target needs an office.")


def _urgent_action(c, d):
    from qorgau.campaigns.models import Channel

    if not isinstance(d.get("number"), str) or not d["number"].strip():
        c.say("number", "an urgent action needs a number.")
    for key, target in (("persons", "person"), ("acts", "act")):
        for index, uid in enumerate(c.list_of(key, d.get(key)) or []):
            c.uid(f"{key}[{index}]", uid, target)
    for index, t in enumerate(c.list_of("targets", d.get("targets"), dicts=True) or []):
        key = f"targets[{index}]"
        if t.get("target") is None:
            c.say(f"{key}.target", "is required.")
        c.uid(f"{key}.target", t.get("target"), "target")
        c.choice(f"{key}.kind", t.get("kind"), {"to", "cc"})
    counts = c.mapping("action_counts", d.get("action_counts"))
    for channel, count in (counts or {}).items():
        if c.choice("action_counts", channel, set(Channel.values), allow_blank=False):
            c.integer(f"action_counts.{channel}", count, 0, MAX_COUNT)
    reports = d.get("action_reports")
    for index, r in enumerate(c.list_of("action_reports", reports, dicts=True) or []):
        key = f"action_reports[{index}]"
        c.choice(f"{key}.channel", r.get("channel"), set(Channel.values), allow_blank=False)
        if r.get("channel") is None:
            c.say(f"{key}.channel", "is required.")
        c.integer(f"{key}.count", r.get("count"), 1, MAX_COUNT)
        country = r.get("country")
        if country is not None and (not isinstance(country, str) or not re.fullmatch(r"[A-Za-z]{2}|", country)):
            c.say(f"{key}.country", "must be a two-letter country code.")
        if not isinstance(r.get("date"), str) or not _is_day(r["date"]):
            c.say(f"{key}.date", "must be a day written 2018-03-21.")


def _judgement(c, d):
    from qorgau.resolution.models import Decision

    for key in ("left", "right"):
        if d.get(key) is None:
            c.say(key, "is required.")
        c.uid(key, d.get(key), "person")
    c.choice("decision", d.get("decision"), set(Decision.values), allow_blank=False)
    if d.get("decision") is None:
        c.say("decision", "is required.")
    c.text("actor", d.get("actor"), limit=150)
    c.text("note", d.get("note"), limit=MAX_TEXT)
    at = d.get("at")
    if at is not None:
        if not isinstance(at, str):
            c.say("at", "must be a date and time written as text.")
        else:
            try:
                datetime.fromisoformat(at)
            except ValueError:
                c.say("at", f"{_short(at)} is not a date and time (2018-03-21T10:00:00Z).")
    c.uid("superseded_by", d.get("superseded_by"), "judgement")


def _is_day(text):
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


CHECKS = {"person": _person, "place": _place, "provision": _provision, "document": _document, "event": _event,
          "act": _act, "recognition": _recognition, "target": _target, "urgent_action": _urgent_action,
          "judgement": _judgement}
