"""A date range, a start year and a region counted by `statistics.cells_of_acts` and by the reference reading
(`cells_of_acts_by_person`, session 7's), back to back in one process, on an existing database: wall and CPU time of
each, and whether they give the same cells.

    PYTHONPATH=$PWD python benchmarks/statistics_reading.py --data-dir benchmarks/out/data-1m     # SQLite
    DATABASE_URL=postgres:///qorgau_x PYTHONPATH=$PWD python benchmarks/statistics_reading.py     # PostgreSQL

It only reads. The reader "bench" is the staff user benchmarks/pages.py makes; the region is the first region with
acts. On SQLite the CPU time includes the database's own work; on PostgreSQL it does not (the server's).
"""

import argparse
import os
import resource
import time


def timed(function, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return result, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", help="the SQLite data directory (without DATABASE_URL)")
    parser.add_argument("--filters", nargs="*", default=["date range", "region", "year from"])
    parser.add_argument("--new-only", action="store_true", help="skip the reference reading")
    args = parser.parse_args()
    if args.data_dir and not os.environ.get("DATABASE_URL"):
        os.environ["QORGAU_DATA_DIR"] = os.path.abspath(args.data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser

    from qorgau.accounts.models import User
    from qorgau.analysis import statistics as st
    from qorgau.records.models import Place

    region = (Place.objects.filter(kind="region", children__acts__isnull=False).values_list("uid", flat=True)
              .order_by("uid").first() or "")
    filters = {"date range": st.Filters(date_from="2016-03-01", date_to="2018-12-31"),
               "region": st.Filters(region=region), "year from": st.Filters(date_from="2014-01-01")}
    print(f"{'filter':12} {'reader':10} {'new ms':>9} {'new CPU':>9} {'ref ms':>9} {'ref CPU':>9} identical")
    for name in args.filters:
        for label, reader in (("staff", User.objects.get(username="bench")), ("anonymous", AnonymousUser())):
            new, wall, cpu = timed(st.cells_of_acts, reader, filters[name])
            if args.new_only:
                print(f"{name:12} {label:10} {wall:9.0f} {cpu:9.0f}", flush=True)
                continue
            old, old_wall, old_cpu = timed(st.cells_of_acts_by_person, reader, filters[name])
            print(f"{name:12} {label:10} {wall:9.0f} {cpu:9.0f} {old_wall:9.0f} {old_cpu:9.0f} {new == old}",
                  flush=True)
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
