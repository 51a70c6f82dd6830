import csv
import heapq
import itertools
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from qorgau.analysis import episodes
from qorgau.analysis.census import CERTAIN, POSSIBLE, RESTRICTED_ROWS, CensusQuery, end_reasons, rows_json_text
from qorgau.analysis.models import PrisonerList
from qorgau.analysis.privacy import nameable, shown_count
from qorgau.analysis.readers import reader_for
from qorgau.audit.log import write_entry
from qorgau.lib.dates import PartialDateError, parse_partial_date


class Command(BaseCommand):
    help = "Who was deprived of liberty on a date: the count and the persons, by kind of custody."
    # A reading command: Django's system checks (which import every URL pattern and view) are a developer's aid and
    # cost a third of a second at every start.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the census date, YYYY-MM-DD (e.g. 2018-12-01)")
        parser.add_argument("--list", dest="list_slug", help="only persons on this political-prisoner list that day")
        parser.add_argument("--format", choices=["text", "json", "csv"], default="text")
        parser.add_argument("--since", help="also list who entered and left custody since this earlier census date")
        parser.add_argument("--public", action="store_true", help="count what an anonymous visitor may see")
        parser.add_argument("--rebuild", action="store_true",
                            help="first rebuild every custody episode and statistics summary from the acts "
                                 "(after a bulk load)")

    def handle(self, *args, date, list_slug, format, public, rebuild, since=None, **options):
        if rebuild:
            episodes.rebuild_all()
            if not date:
                self.stdout.write("Custody episodes and statistics summaries rebuilt.")
                return
        try:
            day = parse_partial_date(date)
        except PartialDateError as error:
            raise CommandError(str(error)) from None
        if not day or len(day) != 10:
            raise CommandError("Give the census date as a day: --date 2018-12-01.")
        prisoner_list = None
        reader = reader_for(public)
        if list_slug:  # a public census counts only a list the public may see
            prisoner_list = PrisonerList.objects.visible_to(reader).filter(slug=list_slug).first()
            if prisoner_list is None:
                known = ", ".join(PrisonerList.objects.visible_to(reader).values_list("slug", flat=True)) or "none yet"
                raise CommandError(f"No list “{list_slug}”. Lists: {known}.")
        query = CensusQuery(day, reader, prisoner_list)
        moved = None
        if since:
            try:
                earlier_day = parse_partial_date(since)
            except PartialDateError as error:
                raise CommandError(str(error)) from None
            if not earlier_day or len(earlier_day) != 10 or earlier_day >= day:
                raise CommandError("--since takes a day before --date.")
            moved = query.changes_since(CensusQuery(earlier_day, reader, prisoner_list))
            reasons = end_reasons(moved["left"], reader, day)
        write_entry("census", actor="cli", changes={"date": day, "public": public, "list": list_slug or ""})
        # Counted in one reading of the episodes; the persons are written one at a time (a census of a large record
        # names tens of thousands). In public only people who granted consent are named; counts that hold others
        # are withheld when small.
        total = query.total(CERTAIN)
        unnamed = total - query.total(CERTAIN, named_only=public)
        count = shown_count(total, unnamed, public)
        by_kind = {kind: shown_count(n, hidden if public else 0, public) for kind, (n, hidden) in query.by_kind().items()}
        if moved is not None and public:
            moved["entered"] = [r for r in moved["entered"] if nameable(r.person, public)]
            moved["left"] = [r for r in moved["left"] if nameable(r.person, public)]
        out = self.stdout
        if format == "json":
            out.write(f'{{"date": {json.dumps(day)}, "count": {json.dumps(count)}, '
                      f'"by_kind": {json.dumps(by_kind, ensure_ascii=False)}', ending="")
            for key, category in (("persons", CERTAIN), ("possibly", POSSIBLE), ("restricted_freedom", RESTRICTED_ROWS)):
                out.write(f',\n "{key}": [', ending="")
                chosen = query.tuples(category, named_only=public)
                for start in range(0, len(chosen), 5000):  # written in pieces, each one string
                    out.write(("," if start else "") + "\n  " + ",\n  ".join(
                        rows_json_text(chosen[start:start + 5000])), ending="")
                out.write("]", ending="")
            if public:
                out.write(f',\n "not_named": {json.dumps(unnamed if count is not None else None)}', ending="")
            if moved is not None:
                entered = [{"id": r.person.uid, "name": r.person.name, "custody": r.kind} for r in moved["entered"]]
                left = [{"id": r.person.uid, "name": r.person.name, "reason": reasons.get(r.person.pk, "")}
                        for r in moved["left"]]
                out.write(f',\n "since": {json.dumps(since)}, "entered": {json.dumps(entered, ensure_ascii=False)}, '
                          f'"left": {json.dumps(left, ensure_ascii=False)}', ending="")
            out.write("}")
        elif format == "csv":
            from qorgau.lib.spreadsheets import safe_cell

            writer = csv.writer(out)
            writer.writerow(["id", "name", "custody", "since", "certainly", "unverified_since"])
            rows = heapq.merge(query.tuples(CERTAIN, named_only=public), query.tuples(POSSIBLE, named_only=public),
                               key=lambda r: (r[2], r[0]))
            writer.writerows([uid, safe_cell(name), kind, since, "yes" if certainly else "possibly", unverified or ""]
                             for _pk, uid, name, _c, _s, kind, since, certainly, unverified, _cat in itertools.chain(
                                 rows, query.tuples(RESTRICTED_ROWS, named_only=public)))
        else:
            shown = f"fewer than {settings.QORGAU_MIN_PUBLIC_CELL}" if count is None else count
            out.write(f"In custody on {day}: {shown}")
            for kind, n in by_kind.items():
                out.write(f"  {kind.replace('_', ' ')}: {'fewer than ' + str(settings.QORGAU_MIN_PUBLIC_CELL) if n is None else n}")
            if public and unnamed and count is not None:
                out.write(f"  ({unnamed} counted but not named: consent to publication not recorded)")
            out.write("".join(f"  {name} ({uid}) — {kind.replace('_', ' ')} since {since}\n"
                              for _pk, uid, name, _c, _s, kind, since, *_rest in query.tuples(CERTAIN, named_only=public)),
                      ending="")
            possible = query.total(POSSIBLE, named_only=public)
            if possible:
                out.write(f"Possibly (partial dates or status unverified): {possible}")
                out.write("".join(f"  {name} ({uid}) — since {since}"
                                  f"{f', status unverified since {unverified}' if unverified else ''}\n"
                                  for _pk, uid, name, _c, _s, _k, since, _cert, unverified, _cat
                                  in query.tuples(POSSIBLE, named_only=public)), ending="")
            restricted = query.total(RESTRICTED_ROWS, named_only=public)
            if restricted:
                out.write(f"Restricted freedom (not counted above): {restricted}")
            if moved is not None:
                out.write(f"Since {since}: {len(moved['entered'])} entered custody, {len(moved['left'])} left")
                for row in moved["entered"]:
                    out.write(f"  + {row.person.name} ({row.person.uid}) — {row.kind.replace('_', ' ')}")
                for row in moved["left"]:
                    reason = reasons.get(row.person.pk, "").replace("_", " ") or "end not recorded"
                    out.write(f"  − {row.person.name} ({row.person.uid}) — {reason}")
