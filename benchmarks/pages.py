"""Latency of the list, search and person pages on a large generated database.

    python benchmarks/pages.py --persons 100000 --acts-per-person 10            # SQLite in benchmarks/out/
    DATABASE_URL=postgres:///qorgau_bench python benchmarks/pages.py ...         # PostgreSQL

Generates persons with Latin and Cyrillic names and acts with provisions (bulk inserts, outside the audited
actions: this is synthetic load, not a record anyone must account for), then requests each page through
Django's test client as a cleared staff member and as an anonymous visitor, and reports the median and
95th-percentile latency and the number of SQL queries per page. Timings are this machine's; nothing here
asserts them.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"

GIVEN = [("Aidos", "Айдос"), ("Asel", "Асель"), ("Bakhyt", "Бахыт"), ("Dana", "Дана"), ("Erlan", "Ерлан"),
         ("Gulnara", "Гульнара"), ("Kairat", "Кайрат"), ("Madina", "Мадина"), ("Nurlan", "Нурлан"),
         ("Saule", "Сауле"), ("Timur", "Тимур"), ("Zhanar", "Жанар"), ("Yerzhan", "Ержан"), ("Aigerim", "Айгерим")]
FAMILY = [("Abenov", "Абенов"), ("Bekov", "Беков"), ("Dzhaksybekov", "Джаксыбеков"), ("Ermekov", "Ермеков"),
          ("Isaev", "Исаев"), ("Kassymov", "Касымов"), ("Mukanov", "Муканов"), ("Nurpeisov", "Нурпеисов"),
          ("Omarov", "Омаров"), ("Sadykov", "Садыков"), ("Tokayev", "Токаев"), ("Zhumabaev", "Жумабаев"),
          ("Akhmetov", "Ахметов"), ("Serikbaev", "Серикбаев"), ("Utepov", "Утепов"), ("Yessenov", "Есенов")]
TYPES = ["detained", "summoned", "charged", "sentenced", "searched", "fined", "released", "interrogated",
         "pretrial_detention", "imprisoned"]


def setup(args):
    if not os.environ.get("DATABASE_URL"):
        data_dir = Path(args.data_dir) if args.data_dir else OUT / f"data-{args.persons}"
        if args.fresh and data_dir.exists():
            shutil.rmtree(data_dir)
        os.environ["QORGAU_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    os.environ["QORGAU_ALLOWED_HOSTS"] = "testserver"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command

    if not getattr(args, "skip_init", False):  # init rebuilds the search index: minutes at a million acts
        call_command("init", verbosity=0)


def generate(args):
    from qorgau.accounts.models import Role, User
    from qorgau.records.indexing import rebuild_index
    from qorgau.records.models import Act, ActProvision, Person, PersonName, Place, Provision

    if Person.objects.count() >= args.persons:
        print(f"reusing {Person.objects.count()} persons, {Act.objects.count()} acts")
        from qorgau.analysis.models import CustodyEpisode

        from qorgau.analysis import summaries

        prepare_filters()
        if not CustodyEpisode.objects.exists():
            from qorgau.analysis.episodes import rebuild_all

            started = time.perf_counter()
            rebuild_all()
            print(f"custody episodes and statistics summaries built in {time.perf_counter() - started:.0f} s")
        elif not summaries.ready() or not getattr(summaries, "slices_ready", lambda: True)():
            started = time.perf_counter()
            summaries.rebuild_all()
            print(f"statistics summaries built in {time.perf_counter() - started:.0f} s")
        analyze()
        if not User.objects.filter(username="bench").exists():
            User.objects.create(username="bench", role=Role.ADMIN, cleared_confidential=True)
        return
    rng = random.Random(7)
    places = list(Place.objects.filter(kind="city", parent__uid="plc_kz") | Place.objects.filter(kind="city"))
    provisions = list(Provision.objects.filter(code__in=["CC", "AOC"]))
    started = time.perf_counter()
    batch = 5000
    for start in range(0, args.persons, batch):
        persons, names = [], []
        for i in range(start, min(start + batch, args.persons)):
            (given, _), (family, _) = rng.choice(GIVEN), rng.choice(FAMILY)
            suffix = "a" if given in {"Asel", "Dana", "Gulnara", "Madina", "Saule", "Zhanar", "Aigerim"} else ""
            persons.append(Person(uid=f"per_bench{i:07d}", name=f"{given} {family}{suffix} {i}",
                                  sensitivity=rng.choice(["public"] * 8 + ["internal", "confidential"]),
                                  field_sensitivity={"contact": "confidential"}))
        Person.objects.bulk_create(persons)
        persons = list(Person.objects.filter(uid__in=[p.uid for p in persons]).only("id", "name"))
        for person in persons:
            given, family, number = person.name.split(" ")
            cyrillic = dict(GIVEN).get(given, given) + " " + dict(FAMILY).get(family.rstrip("a"), family)
            names.append(PersonName(person=person, name=f"{cyrillic}{'а' if family.endswith('a') else ''} {number}",
                                    script="Cyrl", lang="ru"))
        PersonName.objects.bulk_create(names)
        acts = []
        for person in persons:
            for j in range(args.acts_per_person):
                acts.append(Act(uid=f"act_b{person.id:07d}{j:02d}", act_type=rng.choice(TYPES), victim_person=person,
                                date=f"{rng.randint(2012, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                place=rng.choice(places), sensitivity="public", review="accepted"))
        Act.objects.bulk_create(acts, batch_size=5000)
        links = [ActProvision(act=act, provision=rng.choice(provisions), relation="charged")
                 for act in Act.objects.filter(victim_person__in=persons, act_type__in=["charged", "sentenced"])]
        ActProvision.objects.bulk_create(links, batch_size=5000, ignore_conflicts=True)
        print(f"\r  {start + len(persons)} persons", end="", flush=True)
    print(f"\ngenerated in {time.perf_counter() - started:.0f} s; indexing…")
    started = time.perf_counter()
    rebuild_index()
    print(f"indexed in {time.perf_counter() - started:.0f} s")
    from qorgau.analysis.episodes import rebuild_all

    started = time.perf_counter()
    rebuild_all()
    print(f"custody episodes and statistics summaries built in {time.perf_counter() - started:.0f} s")
    analyze()
    user = User.objects.filter(username="bench").first() or User(username="bench", role=Role.ADMIN,
                                                                    cleared_confidential=True)
    user.save()


def analyze():
    """Give the query planner statistics, as autovacuum would some time after a bulk load."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def p95(timings):
    """The 95th percentile by nearest rank (of three requests, the slowest)."""
    ordered = sorted(timings)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


def sign_in(client, user):
    """Signed in past both steps: a cleared admin needs a second factor, so the session is marked verified with the
    user's authenticator (made when missing), as tests/conftest.py does."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or \
        TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def measure(args):
    from django.db import connection
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from qorgau.accounts.models import User
    from qorgau.records.models import Act, Person

    rng = random.Random(11)
    from qorgau.records.models import Place

    uids = list(Person.objects.filter(sensitivity="public").values_list("uid", flat=True)[:2000])
    places = list(Place.objects.filter(acts__isnull=False).values_list("uid", flat=True).distinct()[:20])
    staff, anonymous = Client(), Client()
    sign_in(staff, User.objects.get(username="bench"))
    pages = {
        "person list, page 1": lambda: "/persons/",
        "person list, page 1000": lambda: "/persons/?page=1000",
        "search (Latin)": lambda: f"/persons/?q={rng.choice(FAMILY)[0]}+{rng.randint(1, args.persons - 1)}",
        "search (Cyrillic)": lambda: f"/persons/?q={rng.choice(FAMILY)[1]}",
        "autocomplete API": lambda: f"/api/persons/?q={rng.choice(GIVEN)[0][:4]}",
        "person page": lambda: f"/persons/{rng.choice(uids)}/",
        # Filters and facets (docs/interface.md): the page, its result count and every facet's counts.
        "persons: group + article": lambda: f"/persons/?group={rng.choice(['PROSECUTION', 'PENALTY'])}&article=CC-174",
        "persons: dates, by acts": lambda: f"/persons/?from={rng.randint(2012, 2024)}&to=2025&sort=-acts",
        "persons: place + type": lambda: f"/persons/?place={rng.choice(places)}&type=detained",
        "acts: type + date range": lambda: f"/acts/?type={rng.choice(TYPES)}&from={rng.randint(2012, 2024)}-06",
        "acts: article, by victim": lambda: "/acts/?article=CC-174&sort=victim",
        "API persons, filtered": lambda: "/api/persons/?group=DEPRIVATION&limit=50",
        "API acts, page 1": lambda: "/api/acts/?limit=200",
    }
    if args.only_filtered:
        pages = {k: v for k, v in pages.items() if ":" in k or k.startswith("API")}
    if args.only_analysis:
        pages = {k: v for k, v in pages.items() if k in ("person list, page 1", "person list, page 1000",
                                                         "persons: group + article")}
    if args.list_pages:  # e.g. --list-pages "persons: dates, by acts": cold (the cached counts cleared each time)
        pages = {name: pages[name] for name in args.list_pages}
    print(f"\n{connection.vendor}: {Person.objects.count()} persons, {Act.objects.count()} acts")
    print(f"{'page':28} {'reader':10} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'CPU ms':>8}")
    for name, url in pages.items():
        for reader, client in (("staff", staff), ("anonymous", anonymous)):
            client.get(url())  # warm
            timings, queries, cpu = [], 0, []
            for _ in range(args.requests):
                target = url()
                if args.list_pages:
                    cache.clear()
                with CaptureQueriesContext(connection) as captured:
                    started, started_cpu = time.perf_counter(), time.process_time()
                    response = client.get(target)
                    timings.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - started_cpu) * 1000)
                assert response.status_code == 200, (target, response.status_code)
                queries = max(queries, len(captured))
            print(f"{name:28} {reader:10} {statistics.median(timings):10.1f} {p95(timings):8.1f} {queries:8d} "
                  f"{statistics.median(cpu):8.1f}", flush=True)


def prepare_filters():
    """Give the generated persons what the statistics filters choose by (the generator leaves them blank): a gender
    (from the name's form), roles for one in five, and a public list holding one in ten, some removed since. Bulk
    updates, like the generator's: synthetic load. None of it changes what the stored summaries count."""
    from django.db import connection

    from qorgau.analysis.models import CriteriaSet, ListEntry, PrisonerList
    from qorgau.records.models import Organisation, Person

    if PrisonerList.objects.filter(slug="bench-list").exists():
        return
    started = time.perf_counter()
    table = Person._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET gender = CASE WHEN name LIKE '%%a %%' THEN 'f' ELSE 'm' END "
                       f"WHERE uid LIKE 'per_bench%%'")
        for modulo, role in ((7, "journalist"), (11, "activist")):
            roles = '["journalist"]' if role == "journalist" else '["activist"]'
            cast = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
            cursor.execute(f"UPDATE {table} SET roles = {cast} WHERE uid LIKE 'per_bench%%' AND id %% {modulo} = 0",
                           [roles])
    organisation = Organisation.objects.create(name="Bench monitors")
    prisoner_list = PrisonerList.objects.create(slug="bench-list", title="Bench list", organisation=organisation,
                                                criteria_set=CriteriaSet.objects.first(), sensitivity="public")
    rng = random.Random(17)
    entries = []
    for pid in Person.objects.filter(uid__startswith="per_bench").values_list("id", flat=True).iterator():
        if pid % 10:
            continue
        added = f"{rng.randint(2012, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        removed = f"{int(added[:4]) + rng.randint(1, 3)}-06-01" if rng.random() < 0.3 else ""
        entries.append(ListEntry(uid=f"lse_bench{pid:07d}", prisoner_list=prisoner_list, person_id=pid,
                                 date_added=added, date_removed=removed, removal_reason="released" if removed else "",
                                 sensitivity="public"))
    ListEntry.objects.bulk_create(entries, batch_size=5000)
    from qorgau.analysis import summaries

    # The slices a person is chosen by, and the list entries' marks, changed behind the models' back.
    for flag in ("SLICES_READY", "LIST_CHANGES_READY"):
        if hasattr(summaries, flag):
            summaries.CacheGeneration.objects.filter(name=getattr(summaries, flag)).update(value=0)
    analyze()
    print(f"filter data (gender, roles, a list of {len(entries)}) in {time.perf_counter() - started:.0f} s")


def measure_analysis(args):
    """Statistics (computed: the cache is cleared before each request; and served from the cache) and census."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from qorgau.accounts.models import User

    staff, anonymous = Client(), Client()
    sign_in(staff, User.objects.get(username="bench"))
    rng = random.Random(13)
    from qorgau.records.models import Place

    prepare_filters()
    region = (Place.objects.filter(kind="region", children__acts__isnull=False).values_list("uid", flat=True)
              .order_by("uid").first() or "")

    def date_range():
        year = rng.randint(2012, 2023)
        return f"date_from={year}-{rng.randint(1, 12):02d}-01&date_to={year + rng.randint(0, 2)}-12-31"

    pages = {
        "statistics": lambda: "/statistics/",
        "statistics, date range": lambda: f"/statistics/?{date_range()}",
        "statistics, year from": lambda: f"/statistics/?date_from={rng.randint(2012, 2024)}-01-01",
        "statistics, article": lambda: "/statistics/?article=CC-174",
        "statistics, region": lambda: f"/statistics/?region={region}",
        "statistics, role": lambda: f"/statistics/?role={rng.choice(['journalist', 'activist'])}",
        "statistics, list": lambda: "/statistics/?prisoner_list=bench-list",
        "statistics, gender": lambda: f"/statistics/?gender={rng.choice('fm')}",
        "statistics, two filters": lambda: f"/statistics/?gender={rng.choice('fm')}&role=journalist",
        "statistics, date range + article": lambda: f"/statistics/?{date_range()}&article=CC-174",
        "statistics, date range + gender": lambda: f"/statistics/?{date_range()}&gender={rng.choice('fm')}",
        "statistics, date range + list": lambda: f"/statistics/?{date_range()}&prisoner_list=bench-list",
        "statistics, year from + role":
            lambda: f"/statistics/?date_from={rng.randint(2012, 2024)}-01-01&role=journalist",
        "statistics, region + gender": lambda: f"/statistics/?region={region}&gender={rng.choice('fm')}",
        "statistics, date range + region": lambda: f"/statistics/?{date_range()}&region={region}",
        "census page": lambda: f"/census/?date={rng.randint(2013, 2025)}-12-01",
        "census page, since": lambda: f"/census/?date={rng.randint(2019, 2025)}-12-01&since=2018-12-01",
        "census page, list": lambda: f"/census/?date={rng.randint(2013, 2025)}-12-01&list=bench-list",
        "census page, 2020": lambda: "/census/?date=2020-12-01",
        "census page, 2020, since": lambda: "/census/?date=2020-12-01&since=2018-12-01",
    }
    if args.pages:  # e.g. --pages "statistics, region" "census page"
        pages = {name: pages[name] for name in args.pages}
    # CPU ms: this process's CPU time per request (the server's own for SQLite; PostgreSQL's backend is not in it) —
    # on a shared, loaded machine the wall time can be several times the work done.
    print(f"\n{'analysis page':28} {'reader':10} {'cache':6} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>8}")
    requests = args.analysis_requests or max(5, args.requests // 4)
    for name, url in pages.items():
        for reader, client in (("staff", staff), ("anonymous", anonymous)):
            for cached in ((False, True) if name.startswith("statistics") else (False,)):
                timings, cpu = [], []
                fixed = url()  # warm: the same page again (a random filter would be a new page each time)
                client.get(fixed)
                for _ in range(requests):
                    if not cached:
                        cache.clear()
                    target = fixed if cached else url()
                    started, started_cpu = time.perf_counter(), time.process_time()
                    response = client.get(target)
                    timings.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - started_cpu) * 1000)
                    assert response.status_code == 200, (target, response.status_code)
                print(f"{name:28} {reader:10} {'warm' if cached else 'cold':6} {statistics.median(timings):10.1f} "
                      f"{p95(timings):8.1f} {statistics.median(cpu):8.1f}", flush=True)
    if args.pages and not args.edits:
        return
    measure_edits(staff, anonymous, requests, rng)
    if args.pages:
        return
    from django.contrib.auth.models import AnonymousUser

    from qorgau.analysis.census import census

    user = User.objects.get(username="bench")
    for reader in (user, AnonymousUser()):
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            result = census(f"{rng.randint(2013, 2025)}-12-01", reader)
            result.certain, result.possible
            timings.append((time.perf_counter() - started) * 1000)
        print(f"{'census() in-process':28} {'staff' if reader is user else 'anonymous':10} {'':6} "
              f"{statistics.median(timings):10.1f} {p95(timings):8.1f}")
    for options in ({}, {"public": True}, {"since": "2018-12-01"}):
        started = time.perf_counter()
        call_command("census", date="2020-12-01", format="json", stdout=open(os.devnull, "w"), **options)
        flags = " ".join(f"--{k}" if v is True else f"--{k} {v}" for k, v in options.items())
        print(f"qorgau census --date 2020-12-01 --format json {flags} (in-process): "
              f"{time.perf_counter() - started:.2f} s", flush=True)


def measure_edits(staff, anonymous, requests, rng):
    """What one edit costs: an act's date changed, an act added, that act deleted, each committed (its victim's custody
    episodes, summary, totals and person sets rebuilt after the commit: `episodes.rebuild_persons`, of which
    `summaries.rebuild_persons` and, in it, the sets' `_move_marks`, timed apart, wall and CPU ms); then the next
    statistics page, computed afresh (a new generation)."""
    from qorgau.accounts.models import User
    from qorgau.analysis import episodes, summaries
    from qorgau.records import actions
    from qorgau.records.models import Act, Person, Place

    parts = {}

    def timed(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            started, started_cpu = time.perf_counter(), time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                parts.setdefault(name if module is episodes else f"  {name}", []).append(
                    ((time.perf_counter() - started) * 1000, (time.process_time() - started_cpu) * 1000))
        setattr(module, name, wrapper)
        return original

    originals = [(module, name, timed(module, name)) for module, name in
                 ((episodes, "rebuild_persons"), (summaries, "rebuild_persons"), (summaries, "_move_marks"))]
    user = User.objects.get(username="bench")
    acts = list(Act.objects.filter(sensitivity="public", victim_person__sensitivity="public")
                .values_list("id", flat=True)[:200])
    persons = list(Person.objects.filter(sensitivity="public", uid__startswith="per_bench")
                   .values_list("id", flat=True)[:200])
    place = Place.objects.filter(acts__isnull=False).first()
    after, added_ids = {"staff": [], "anonymous": []}, []
    print(f"\n{'edit (committed)':28} {'part':30} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>8}")
    try:
        for label in ("change an act's date", "add an act", "delete an act"):
            whole = []
            parts.clear()
            for i in range(requests):
                started, started_cpu = time.perf_counter(), time.process_time()
                if label == "change an act's date":
                    actions.do_update_act(Act.objects.get(pk=rng.choice(acts)), actor=user,
                                          date=f"{rng.randint(2012, 2025)}-0{rng.randint(1, 9)}-1{i % 10}")
                elif label == "add an act":
                    added = actions.do_create_act(
                        actor=user, victim=Person.objects.get(pk=rng.choice(persons)), act_type="detained",
                        date=f"{rng.randint(2012, 2025)}-0{rng.randint(1, 9)}-2{i % 8}", place=place,
                        sensitivity="public", review="accepted")
                    added_ids.append(added.pk)
                else:  # the acts just added (the database stays as generated)
                    actions.do_delete_act(Act.objects.get(pk=added_ids.pop()), actor=user)
                whole.append(((time.perf_counter() - started) * 1000, (time.process_time() - started_cpu) * 1000))
                for reader, client in (("staff", staff), ("anonymous", anonymous)):
                    started = time.perf_counter()
                    assert client.get("/statistics/").status_code == 200
                    after[reader].append((time.perf_counter() - started) * 1000)
            for part, timings in (("whole action", whole), *sorted(parts.items(), key=lambda kv: kv[0].strip())):
                wall = [t for t, _ in timings]
                print(f"{label:28} {part:30} {statistics.median(wall):10.1f} {p95(wall):8.1f} "
                      f"{statistics.median(c for _, c in timings):8.1f}", flush=True)
    finally:
        for module, name, original in originals:
            setattr(module, name, original)
    for reader, timings in after.items():
        print(f"{'statistics after an edit':28} {reader:30} {statistics.median(timings):10.1f} {p95(timings):8.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--acts-per-person", type=int, default=10)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--fresh", action="store_true", help="regenerate the SQLite data directory")
    parser.add_argument("--data-dir", help="the SQLite data directory (default benchmarks/out/data-PERSONS)")
    parser.add_argument("--only-analysis", action="store_true",
                        help="only the person list's first page (its facets) and the analysis pages")
    parser.add_argument("--analysis-requests", type=int, default=0,
                        help="requests per analysis page and reader (default: a quarter of --requests, at least 5)")
    parser.add_argument("--generate-only", action="store_true", help="make the database, measure nothing")
    parser.add_argument("--statistics-only", action="store_true",
                        help="only the analysis pages (statistics with each filter, census), not the lists")
    parser.add_argument("--pages", nargs="*", default=[],
                        help="only these analysis pages (names as printed, e.g. 'statistics, region')")
    parser.add_argument("--edits", action="store_true",
                        help="with --pages: also time edits (an act changed, added, deleted: the rebuild of its "
                             "person's episodes, summary and sets)")
    parser.add_argument("--skip-init", action="store_true",
                        help="the data directory is initialised and migrated already: skip `qorgau init` (which "
                             "rebuilds the search index, minutes at a million acts)")
    parser.add_argument("--list-pages", nargs="*", default=[],
                        help="only these list pages (names as printed, e.g. 'persons: dates, by acts'), each request "
                             "cold (cached counts cleared); no analysis pages unless --pages names some")
    parser.add_argument("--only-filtered", action="store_true",
                        help="only the filtered lists and the API (skip the other pages and the analysis pages)")
    args = parser.parse_args()
    setup(args)
    generate(args)
    if args.generate_only:
        return
    if not args.statistics_only:
        measure(args)
    if not args.only_filtered and (args.pages or not args.list_pages):
        measure_analysis(args)


if __name__ == "__main__":
    main()
