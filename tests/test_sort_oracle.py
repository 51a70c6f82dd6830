"""The sort oracle: no order a reader gets tells a value kept above the reader's level.

Derived from the models: every field of a record that may carry a field level (`field_sensitivity` takes any field)
and can be ordered (a date, a year, a number, a choice, a code) gets, for each way the record hangs off others
(its links to shared public hubs; one link to a record of its own; an optional link set to a hub), two public
records A and B that
differ only in that value, kept confidential. Every URL of the site (tests/leakworld.py's crawl: every list, API,
export and download, the hubs' pages), with every `?sort=`/`?order=` its pages offer and a search matching both, is
read twice (every page of it, one after the other): once with A's value below B's, once with the two values
swapped. A reader without clearance must get A and B in the same order both times; a cleared admin must see some
order change (the oracle is not vacuous).
"""

import decimal
import re

import pytest
from django.db import IntegrityError, models, transaction

from qorgau.records.policy import is_guarded

from . import test_access as access
from .leakworld import APPS, NAMING, PAIRS, World, project_models

pytestmark = pytest.mark.django_db

# Bookkeeping, and the fields that decide whether a record is shown at all (a pending act, a draft): not a value a
# record keeps in an order.
NOT_VALUES = {"uid", "sensitivity", "sensitivity_reviewed", "field_sensitivity", "extra", "created_at", "updated_at",
              "version", "deleted_at", "review", "review_state", "processing"}


def ordered_values(model, n):
    """(field name, low, high) for every field of `model` that may carry a field level and has an order."""
    for field in model._meta.concrete_fields:
        if field.is_relation or field.primary_key or field.name in NOT_VALUES or field.name in NAMING:
            continue
        if isinstance(field, (models.JSONField, models.TextField)):
            continue
        if field.choices:
            values = sorted(str(c[0]) for c in field.choices if c[0] not in ("", None))
            if len(values) < 2:
                continue
            yield field.name, values[0], values[-1]
        elif isinstance(field, models.BooleanField):
            yield field.name, False, True
        elif isinstance(field, models.CharField) and field.max_length == 10:  # a (partial) date
            yield field.name, "1990-02-03", "2010-05-06"
        elif isinstance(field, models.PositiveSmallIntegerField) and field.name.endswith("year"):
            yield field.name, 1950, 1980
        elif isinstance(field, models.IntegerField):
            yield field.name, 3, 7
        elif isinstance(field, models.DecimalField):
            yield field.name, decimal.Decimal("10"), decimal.Decimal("500")
        elif isinstance(field, models.FloatField):
            yield field.name, 40.5, 50.5
        elif isinstance(field, models.CharField):
            width = min(field.max_length or 20, 20)
            yield field.name, f"a{n:05d}"[:width], f"z{n:05d}"[:width]


def ways(model):
    """How a record may hang off others, each a way its pages list it: ("own", link) its own record at the far end
    of a link World.make fills with a shared public hub; ("via", link) a link it may leave empty, set to the hub."""
    out = []
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model._meta.app_label in APPS and is_guarded(field.related_model) \
                and field.name != "merged_into":  # a merged record is not listed: it folds into its survivor
            out.append(("own", field.name))
            if field.null and field.name != PAIRS.get(model.__name__, (None,))[0]:
                out.append(("via", field.name))
    return out


class SortWorld(World):
    def build(self):
        for model in project_models():
            if is_guarded(model):
                self.hub(model)
        self.pairs = []  # (label, model, field, (marker, row) of A, of B, low, high)
        for model in project_models():
            if not is_guarded(model) or not hasattr(model, "field_level"):
                continue
            for name, low, high in ordered_values(model, len(self.pairs)):
                for way in [None] + ways(model):
                    pair = self._pair(model, name, low, high, way)
                    if pair:
                        self.pairs.append((f"{model.__name__}.{name} ({' '.join(way) if way else 'shared'})",
                                           model, name, *pair, low, high))
        return self

    def _pair(self, model, name, low, high, way):
        try:
            with transaction.atomic():
                return self._record(model, name, low, way), self._record(model, name, high, way)
        except IntegrityError:
            return None  # two records sharing every link may not differ only there (a list entry's person)

    def _record(self, model, name, value, way):
        marker = self.marker()
        given = {name: value}
        if way:
            how, link = way
            far = model._meta.get_field(link).related_model
            given[link] = self.make(far, marker=marker) if how == "own" else self.hub(far)
            if link in PAIRS.get(model.__name__, ()):
                given.update({other: None for other in PAIRS[model.__name__] if other != link})
        if model.__name__ == "Act":
            given.setdefault("review", "accepted")
        row = self.make(model, marker=marker, given=given, save=False)
        row.field_sensitivity = {name: self.level}
        row.save()
        return marker, row

    def swap(self):
        """Each pair's values exchanged (A gets the high value, B the low), as a bare update: nothing else moves."""
        for _label, model, name, (_ma, a), (_mb, b), low, high in self.pairs:
            rows = model._base_manager
            if isinstance(model._meta.get_field(name), models.CharField):
                rows.filter(pk=a.pk).update(**{name: "t"})  # a key over the value must not see it twice
            rows.filter(pk=b.pk).update(**{name: low})
            rows.filter(pk=a.pk).update(**{name: high})
        self.derive()

    def derive(self):
        from qorgau.analysis.episodes import rebuild_all as rebuild_episodes
        from qorgau.analysis.opendata import write_snapshot
        from qorgau.analysis.summaries import rebuild_all as rebuild_summaries
        from qorgau.records.indexing import rebuild_index

        rebuild_index()
        rebuild_episodes()
        rebuild_summaries()
        self.snapshot = write_snapshot()[0].name


ORDER_PARAM = re.compile(r"[?&;](sort|order)=([\w.\-]+)")
OPTION = re.compile(r'<select name="(sort|order)">(.*?)</select>', re.S)


def with_param(url, key, value):
    return f"{url}{'&' if '?' in url else '?'}{key}={value}"


def urls(client, world, monkeypatch):
    """Every URL of the crawl (hubs' pages, lists of the world's prisoner list too), with each order its page
    offers and a search that matches every record of the world."""
    from qorgau.analysis.models import PrisonerList

    values = access._values
    hub_list = world.hub(PrisonerList).slug
    monkeypatch.setattr(access, "_values", lambda w: {**values(w), "slug": [hub_list] + values(w)["slug"]})
    base, _post_only = access.urls_to_crawl(client, world, secrets_per_model=0)
    out = []
    for url in base:
        out.append(url)
        if "?" in url:
            continue
        body = access._fetch(client, url)
        offered = set(ORDER_PARAM.findall(body.replace("&amp;", "&")))
        for key, options in OPTION.findall(body):
            offered |= {(key, value) for value in re.findall(r'<option value="([\w.\-]+)"', options)}
        offered |= {(key, value[1:] if value.startswith("-") else "-" + value) for key, value in offered}  # both ways
        out += [with_param(url, key, value) for key, value in sorted(offered)]
        if offered or url.startswith("/api/"):
            out.append(with_param(url, "q", "name"))
    return list(dict.fromkeys(out))


PAGE_LINK = re.compile(r"[?&](?:amp;)?page=(\d+)")


def every_page(client, url):
    """The answer with all its pages after it, in order (a hidden value must not move a record across a page
    boundary either): HTML pages follow their `page=` links, the API its `next` cursor."""
    import json
    from urllib.parse import quote

    bodies = [access._fetch(client, url)]
    for _ in range(60):
        body = bodies[-1]
        if url.startswith("/api/") and body.lstrip().startswith("{"):
            following = json.loads(body).get("next")
            if not following:
                break
            bodies.append(access._fetch(client, with_param(re.sub(r"[?&]cursor=[^&]*", "", url), "cursor",
                                                           quote(following))))
            continue
        number = len(bodies) + 1
        if str(number) not in PAGE_LINK.findall(body):
            break
        bodies.append(access._fetch(client, with_param(url, "page", number)))
    return "\n".join(bodies)


def orders(client, world, crawl):
    """url -> {pair label: True when A comes before B} for every pair both of whose records the answer (all its
    pages) names."""
    out = {}
    for url in crawl:
        body = every_page(client, url)
        seen = {}
        for label, _model, _name, (ma, a), (mb, b), _low, _high in world.pairs:
            at_a = [i for i in (body.find(ma), body.find(a.uid)) if i >= 0]
            at_b = [i for i in (body.find(mb), body.find(b.uid)) if i >= 0]
            if at_a and at_b:
                seen[label] = min(at_a) < min(at_b)
        out[url] = seen
    return out


@pytest.fixture
def sort_world(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    world = SortWorld().build()
    world.derive()
    return world


def changed_orders(persona, sort_world, client, monkeypatch):
    client.force_login(access.persona_user("admin-cleared"))
    crawl = urls(client, sort_world, monkeypatch)
    access._sign_in_as(client, persona)
    before = orders(client, sort_world, crawl)
    sort_world.swap()
    after = orders(client, sort_world, crawl)
    compared = sum(len(set(before[u]) & set(after[u])) for u in crawl)
    changed = sorted(f"{url}: {label}" for url in crawl for label in set(before[url]) & set(after[url])
                     if before[url][label] != after[url][label])
    return changed, compared, len(crawl)


@pytest.mark.parametrize("persona", [None, "viewer-uncleared"])
def test_no_order_tells_a_value_kept_above_the_reader(persona, sort_world, client, monkeypatch):
    changed, compared, crawled = changed_orders(persona, sort_world, client, monkeypatch)
    assert compared > 100, (compared, crawled)  # the pairs are read in many answers
    assert not changed, f"{len(changed)} orders moved with a hidden value ({persona or 'anonymous'}):\n" + \
        "\n".join(changed[:120])


def test_a_cleared_reader_sees_orders_follow_the_values_so_the_oracle_is_not_vacuous(sort_world, client,
                                                                                   monkeypatch):
    changed, _compared, _crawled = changed_orders("admin-cleared", sort_world, client, monkeypatch)
    moved = {line.split(": ", 1)[1].split(" (")[0] for line in changed}
    assert {"Event.start", "Document.published", "Act.date", "ListEntry.date_added"} <= moved, sorted(moved)
