"""Everything a reader takes away, as every persona: no value kept above the reader's level.

Session 9 audit (outside). tests/test_access.py crawls the pages with GET; the outputs people take away are made
from the same records by other code (letters, briefings on the web and from the command, open data, the public
export, list exports, statistics and census tables) and several of them are made by POST. Here the world of
tests/leakworld.py (a secret behind every relation, every text and date of each guarded model kept confidential
on its own) is joined to the records those outputs start from -- an Urgent Action with targets, a list, cited
acts -- and every number of a guarded model is kept confidential too (set to the hidden year, so it is found the
same way). Each output is then produced as every persona and read whole (DOCX/XLSX unzipped, PDF text
extracted): a marker, a secret uid or the hidden year must not appear beyond the reader's level.
"""

import io
import itertools
import os

import pytest
from django.db import models

from .leakworld import HIDDEN_YEAR, HIDDEN_VALUE, MARKER, World, body_text, project_models
from .test_access import CHANGED, PERSONAS, _leaks, _sign_in_as, _uid_pattern, persona_user

pytestmark = pytest.mark.django_db

NOT_A_VALUE = {"version", "progress", "size"}  # bookkeeping, never shown as a fact
UNCLEARED = [p for p in PERSONAS if p is None or p.endswith("uncleared")] + CHANGED
# Every persona costs minutes (each builds the world and produces every output, briefings as DOCX and PDF). The suite
# runs the visitor, the least and the most privileged role without clearance and a user whose clearance was
# withdrawn -- every level a reader can have -- and each briefing choice in one language/format/public way, the ways
# taken in turn; QORGAU_ORACLE_ALL=1 runs every persona above and every way of every choice (docs/security.md).
if os.environ.get("QORGAU_ORACLE_ALL") != "1":
    UNCLEARED = [None, "viewer-uncleared", "admin-uncleared", "revoked"]


def _number_secrets(world):
    """A public record of each guarded model whose every number (a penalty amount, an update number, a place's
    coordinates) is HIDDEN_YEAR and kept confidential."""
    from qorgau.records.policy import is_guarded

    for model in project_models():
        if not is_guarded(model) or not hasattr(model, "field_level"):
            continue
        numbers = [f.name for f in model._meta.concrete_fields
                   if isinstance(f, (models.IntegerField, models.DecimalField, models.FloatField))
                   and not f.is_relation and not f.choices and f.name not in NOT_A_VALUE
                   and not f.name.endswith("year")]
        if not numbers:
            continue
        given = {name: HIDDEN_YEAR for name in numbers}
        if model.__name__ == "Act":
            given.update(review="accepted", act_type="sentenced", penalty_kind="imprisonment", penalty_unit="months",
                         date="2019-03-04")
        row = world.make(model, given=given, save=False)
        row.field_sensitivity = {name: world.level for name in numbers}
        row.save()
        world.holders.append(row)
        world.value_secrets.append((row, numbers))


def _join_outputs(world):
    """The records the outputs start from reach every secret: the hub person is on the hub Urgent Action and the
    hub list; every act of the world (secret, field-level, value-level) is the hub person's, cited by the public hub
    document (accepted), and on the hub Urgent Action."""
    from qorgau.analysis.models import ListEntry, PrisonerList
    from qorgau.campaigns.models import UrgentAction
    from qorgau.documents.models import Document
    from qorgau.records.models import Act, Citation, Person
    from django.contrib.contenttypes.models import ContentType

    person, ua = world.hub(Person), world.hub(UrgentAction)
    document = world.hub(Document)
    Person.objects.filter(pk=person.pk).update(name="Aigerim Hubova")  # a name with digits reads as a placeholder
    ua.persons.add(person)
    for row in Person.objects.all():
        if row.consent != "granted":
            Person.objects.filter(pk=row.pk).update(consent="granted")
    acts = Act.objects.filter(victim_person__isnull=False)
    ua.acts.add(*acts)
    kind = ContentType.objects.get_for_model(Act)
    # every public document is a source of every act: a title, date of publication or address kept above the
    # reader's level is then in every footnote
    documents = [document] + [d for d in Document.objects.filter(sensitivity="public") if d.pk != document.pk]
    Citation.objects.bulk_create([Citation(content_type=kind, object_id=act.pk, document=source, text="",
                                           review="accepted") for act in acts for source in documents])
    Act.objects.update(review="accepted")
    hub_list = world.hub(PrisonerList)
    if not ListEntry.objects.filter(prisoner_list=hub_list, person=person, date_removed="").exists():
        world.make(ListEntry, given={"prisoner_list": hub_list, "person": person, "date_added": "2019-03-05",
                                     "date_removed": ""})


@pytest.fixture
def oworld(db, settings, tmp_path):
    from qorgau.analysis.episodes import rebuild_all
    from qorgau.records.indexing import rebuild_index

    settings.DATA_DIR = tmp_path
    world = World()
    world.build()
    _number_secrets(world)
    _join_outputs(world)
    rebuild_index()
    rebuild_all()
    return world


# The outputs ---------------------------------------------------------------------------------------------------

def _letters(client, world):
    from qorgau.campaigns.letters import LANGUAGES
    from qorgau.campaigns.models import UATarget

    pairs = list(UATarget.objects.values_list("urgent_action__uid", "target__uid"))
    for ua, target in pairs:
        for lang in LANGUAGES:
            url = f"/campaigns/{ua}/letters/{target}/{lang}/"
            yield url, client.get(url)
    for ua in sorted({ua for ua, _target in pairs}):  # the sheet the letters go with: page, print, PDF, action page
        for url in (f"/campaigns/{ua}/", f"/campaigns/{ua}/print/", f"/campaigns/{ua}/pdf/", f"/act/{ua}/"):
            yield url, client.get(url)


def _briefing_posts(world):
    """Every way the briefing form chooses persons, in every language and format, for the reader and in public."""
    from qorgau.analysis.models import PrisonerList
    from qorgau.records.models import Person, Place, Provision

    persons = " ".join(Person.objects.filter(sensitivity="public", merged_into=None).values_list("uid", flat=True))
    choices = [{"persons": persons}]
    choices += [{"list": slug} for slug in PrisonerList.objects.values_list("slug", flat=True)]
    choices += [{"use_filter": "on", "article": uid} for uid in Provision.objects.filter(
        act_provisions__isnull=False).values_list("uid", flat=True).distinct()[:6]]
    choices += [{"use_filter": "on", "region": uid} for uid in Place.objects.filter(kind="region")
                .values_list("uid", flat=True)[:2]]
    # The PDF is laid out from the same briefing as the DOCX: one language is enough for its text.
    ways = [(lang, fmt, public) for lang, fmt, public in itertools.product(("en", "ru", "kk"), ("docx", "pdf"), ("", "on"))
            if fmt == "docx" or lang == "en"]
    if os.environ.get("QORGAU_ORACLE_ALL") == "1":
        combos = itertools.product(choices, ways)
    else:  # each choice in one way, the ways taken in turn (every way and every choice is produced; ~10x cheaper)
        combos = ((choice, ways[(i * 3) % len(ways)]) for i, choice in enumerate(choices))
    for choice, (lang, fmt, public) in combos:
        yield {**choice, "lang": lang, "format": fmt, "public": public}


def _briefings(client, world):
    for post in _briefing_posts(world):
        yield f"POST /briefings/ {post}", client.post("/briefings/", post)


def _downloads(client, world):
    from qorgau.analysis.models import PrisonerList
    from qorgau.analysis.statistics import Filters, all_tables
    from qorgau.records.models import Place, Provision

    filters = [""] + [f"?article={uid}" for uid in Provision.objects.filter(act_provisions__isnull=False)
                      .values_list("uid", flat=True).distinct()[:4]]
    filters += [f"?region={uid}" for uid in Place.objects.filter(kind="region").values_list("uid", flat=True)[:2]]
    filters += [f"?list={slug}" for slug in PrisonerList.objects.values_list("slug", flat=True)[:3]]
    filters += ["?from=1900&to=2100", "?gender=f", "?role=activist"]
    for kind in ("persons", "acts", "events", "documents", "organisations", "places", "provisions", "lists"):
        for fmt in ("csv", "xlsx"):
            for query in ("", "?q=Hb", "?sort=date"):
                url = f"/export/{kind}.{fmt}{query}"
                yield url, client.get(url)
    for table in all_tables(None, Filters()):
        for query in filters:
            url = f"/statistics/{table.key}.csv{query}"
            yield url, client.get(url)
    for day in ("2019-03-06", f"{HIDDEN_YEAR}-04-06", "2030-01-01"):
        for extra in ("", f"&since={HIDDEN_YEAR - 1}-01-01", "&since=2019-01-01") + tuple(
                f"&list={slug}" for slug in PrisonerList.objects.values_list("slug", flat=True)[:3]):
            url = f"/census/?date={day}{extra}"
            yield url, client.get(url)
    for marker in list(world.secrets)[::7]:  # search and autocomplete by a secret's words
        for url in (f"/persons/suggest/?q={marker}", f"/persons/?q={marker}", f"/api/persons/?q={marker}",
                    f"/acts/?q={marker}", f"/documents/?q={marker}"):
            yield url, client.get(url)
    for slug in PrisonerList.objects.values_list("slug", flat=True):
        for query in ("", "?sort=added", f"?as_of={HIDDEN_YEAR}-05-01", "?status=current"):
            url = f"/lists/{slug}/{query}"
            yield url, client.get(url)


def _bodies(client, world, persona):
    _sign_in_as(client, persona)
    for source in (_letters, _briefings, _downloads):
        if source is _briefings and persona in (None, "deactivated", "signed-out"):
            continue  # the briefing form is for staff (a sign-in page)
        for label, response in source(client, world):
            assert response.status_code in (200, 302, 400, 403, 404), (label, response.status_code)
            text = body_text(response)
            if persona != "admin-cleared" and "'list': 'Qz" in label and response.get("Content-Disposition"):
                text += "\nLEAKED-LIST"  # a briefing on the members of a list the reader may not see
            yield label, text


def _report(leaks, persona):
    return f"{len(leaks)} leaks to {persona or 'anonymous'}:\n" + "\n".join(sorted(leaks)[:80])


@pytest.mark.parametrize("persona", UNCLEARED)
def test_no_output_carries_a_value_kept_above_the_readers_level(persona, oworld, client):
    uid_pattern = _uid_pattern(oworld)
    leaks = []
    for label, text in _bodies(client, oworld, persona):
        leaks += [f"{label}: {key} ({why})" for key, why in _leaks(text, oworld, uid_pattern, label).items()]
        if "LEAKED-LIST" in text:
            leaks.append(f"{label}: a briefing of the members of a list the reader may not see")
    assert not leaks, _report(leaks, persona)


def test_a_public_briefing_by_a_cleared_admin_carries_nothing_confidential(oworld, client):
    client.force_login(persona_user("admin-cleared"))
    uid_pattern = _uid_pattern(oworld)
    leaks = []
    for post in _briefing_posts(oworld):
        if post["public"] != "on":
            continue
        response = client.post("/briefings/", post)
        if not response.get("Content-Disposition"):
            # the form again, with a message: the admin's own page (it lists what the admin may choose)
            assert post.get("list") or post.get("use_filter"), (post, _message(response))
            continue
        leaks += [f"{post}: {key} ({why})" for key, why in
                  _leaks(body_text(response), oworld, uid_pattern, "").items()]
        if MARKER.search(post.get("list", "")):  # a confidential list chosen for a public briefing
            leaks.append(f"{post}: a public briefing of a list the public may not see")
    assert not leaks, _report(leaks, "a public briefing")


def _message(response):
    import re

    found = re.search(r'class="error[^"]*">([^<]*)<', response.content.decode())
    return found.group(1) if found else ""



def test_the_commands_public_outputs_carry_nothing_confidential(oworld, tmp_path):
    """`qorgau briefing --public`, `census --public`, `opendata`, `export --public`: written for anyone."""
    from django.core.management import call_command

    from qorgau.analysis.models import PrisonerList
    from qorgau.analysis.opendata import write_snapshot
    from qorgau.interchange.exporter import write_export
    from qorgau.records.models import Person

    uid_pattern = _uid_pattern(oworld)
    texts = []
    persons = list(Person.objects.filter(sensitivity="public", merged_into=None).values_list("uid", flat=True))
    for lang, ext in (("en", "docx"), ("ru", "docx"), ("kk", "docx"), ("en", "pdf")):
        output = tmp_path / f"b-{lang}.{ext}"
        args = ["briefing", "--public", "--lang", lang, "-o", str(output)]
        for uid in persons:
            args += ["--person", uid]
        call_command(*args, stdout=io.StringIO())
        texts.append((f"briefing --public {lang} {ext}", _file_text(output)))
    for fmt in ("text", "json", "csv"):
        for day, since in (("2019-03-06", "2019-01-01"), (f"{HIDDEN_YEAR}-04-06", f"{HIDDEN_YEAR - 1}-01-01")):
            for slug in [None] + list(PrisonerList.objects.values_list("slug", flat=True)[:3]):
                out = io.StringIO()
                args = ["census", "--public", "--date", day, "--since", since, "--format", fmt]
                if slug:
                    args += ["--list", slug]
                try:
                    call_command(*args, stdout=out)
                except Exception as error:  # a list the public may not see is refused
                    out.write(str(error))
                texts.append((" ".join(args), out.getvalue()))
    archive, _counts = write_snapshot()
    texts.append(("opendata", _file_text(archive)))
    export = io.StringIO()
    write_export(export, public=True)
    texts.append(("export --public", export.getvalue()))
    leaks = [f"{label}: {key} ({why})" for label, text in texts
             for key, why in _leaks(text, oworld, uid_pattern, label).items()]  # a date asked for is not told
    assert not leaks, _report(leaks, "the public (commands)")


def _file_text(path):
    from django.http import HttpResponse

    data = open(path, "rb").read()
    response = HttpResponse(data, content_type="application/pdf" if str(path).endswith(".pdf") else "application/zip")
    return body_text(response)


def test_a_cleared_admin_reads_the_secrets_in_the_outputs_so_the_probe_is_not_vacuous(oworld, client):
    seen, values = set(), set()
    for label, text in _bodies(client, oworld, "admin-cleared"):
        seen |= set(MARKER.findall(text))
        if HIDDEN_VALUE.search(text):
            values.add(label.split("?")[0].split(" {")[0])
    # Letters and briefings carry the acts' hidden dates and penalties to a cleared reader; the tables, the
    # census and the exports carry records, names and dates.
    assert any(v.startswith("/campaigns/") for v in values), values
    assert any(v.startswith("POST /briefings/") for v in values), values
    assert any(v.startswith("/export/") for v in values), values
    assert len(seen) >= len(oworld.secrets) // 3, len(seen)


# Choices kept above the reader's level: no marker can be planted in a choice, so the outputs are read twice --------

NOT_A_FACT = {"sensitivity", "review", "consent", "review_state", "processing"}  # how a record is kept, not a fact


def _choice_fields(model):
    return [f for f in model._meta.concrete_fields if f.choices and not f.is_relation and f.name not in NOT_A_FACT]


def _set_hidden_choices(world, which):
    """Every choice of every hub record (the records the outputs start from) kept confidential and set to its
    first (which=0) or last (which=-1) value; derived data rebuilt."""
    from qorgau.analysis.episodes import rebuild_all
    from qorgau.records.indexing import rebuild_index
    from qorgau.records.policy import is_guarded

    for model, hub in world.hubs.items():
        if hub is None or not is_guarded(model) or not hasattr(model, "field_level"):
            continue
        fields = _choice_fields(model)
        if not fields:
            continue
        values = {}
        for field in fields:
            choices = [value for value, _label in field.flatchoices if value]
            if model.__name__ == "Act" and field.name == "act_type":
                choices = ["imprisoned", "fined"]  # custody and not: what is derived from the type changes too
            values[field.name] = choices[which]
        levels = dict(model.objects.get(pk=hub.pk).field_sensitivity or {})
        levels.update({name: world.level for name in values})
        model.objects.filter(pk=hub.pk).update(field_sensitivity=levels, **values)
    rebuild_index()
    rebuild_all()
    from django.core.cache import cache

    cache.clear()


def _normalised(text):
    import re

    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?", "", text)
    text = re.sub(r'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"|"X-CSRFToken": "[^"]*"', "", text)
    return text


@pytest.mark.parametrize("persona", [None, "viewer-uncleared"])
def test_no_output_tells_a_choice_kept_above_the_readers_level(persona, oworld, client):
    """A hidden act type, penalty kind or unit, gender (the letters' and briefings' verb forms), status, kind...:
    every output reads the same whichever value it holds."""
    answers = []
    for which in (0, -1):
        _set_hidden_choices(oworld, which)
        answers.append({label: _normalised(text) for label, text in _bodies(client, oworld, persona)})
    moved = [label for label in answers[0] if answers[0][label] != answers[1].get(label)]
    details = []
    for label in moved[:6]:
        import difflib

        diff = [line for line in difflib.unified_diff(answers[0][label].splitlines(), answers[1][label].splitlines(),
                                                      lineterm="", n=0) if line[:1] in "+-"][2:8]
        details.append(f"{label}: {diff}")
    assert not moved, f"{len(moved)} outputs moved with a hidden choice:\n" + "\n".join(details) + \
        "\nall: " + " ".join(moved)
