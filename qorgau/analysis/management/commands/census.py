import csv
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from qorgau.analysis import episodes
from qorgau.analysis.census import Census, census, changes, end_reasons
from qorgau.analysis.models import PrisonerList
from qorgau.analysis.privacy import nameable, shown_count
from qorgau.analysis.readers import reader_for
from qorgau.audit.log import write_entry
from qorgau.lib.dates import PartialDateError, parse_partial_date


class Command(BaseCommand):
    help = "Who was deprived of liberty on a date: the count and the persons, by kind of custody."

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
        if list_slug:
            prisoner_list = PrisonerList.objects.filter(slug=list_slug).first()
            if prisoner_list is None:
                known = ", ".join(PrisonerList.objects.values_list("slug", flat=True)) or "none yet"
                raise CommandError(f"No list “{list_slug}”. Lists: {known}.")
        reader = reader_for(public)
        result = census(day, reader, prisoner_list)
        moved = None
        if since:
            try:
                earlier_day = parse_partial_date(since)
            except PartialDateError as error:
                raise CommandError(str(error)) from None
            if not earlier_day or len(earlier_day) != 10 or earlier_day >= day:
                raise CommandError("--since takes a day before --date.")
            moved = changes(census(earlier_day, reader, prisoner_list), result)
            reasons = end_reasons(moved["left"], reader, day)
        write_entry("census", actor="cli", changes={"date": day, "public": public, "list": list_slug or ""})
        total, unnamed = result.count, sum(not nameable(r.person, public) for r in result.certain)
        count = shown_count(total, unnamed, public)
        if public:  # named only with consent to publication granted; small counts that hold others withheld
            by_kind = {}
            for r in result.certain:
                n, hidden = by_kind.get(r.kind, (0, 0))
                by_kind[r.kind] = (n + 1, hidden + (not nameable(r.person, public)))
            result = Census(result.date, rows=[r for r in result.rows if nameable(r.person, public)],
                            restricted=[r for r in result.restricted if nameable(r.person, public)])
            if moved is not None:
                moved["entered"] = [r for r in moved["entered"] if nameable(r.person, public)]
                moved["left"] = [r for r in moved["left"] if nameable(r.person, public)]
        if format == "json":
            data = result.as_json()
            if public:
                data["count"] = count
                data["by_kind"] = {kind: shown_count(n, hidden, public) for kind, (n, hidden) in by_kind.items()}
                data["not_named"] = unnamed if count is not None else None
            if moved is not None:
                data["since"] = since
                data["entered"] = [{"id": r.person.uid, "name": r.person.name, "custody": r.kind} for r in moved["entered"]]
                data["left"] = [{"id": r.person.uid, "name": r.person.name, "reason": reasons.get(r.person.pk, "")}
                                for r in moved["left"]]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
        elif format == "csv":
            from qorgau.lib.spreadsheets import safe_cell

            writer = csv.writer(self.stdout)
            writer.writerow(["id", "name", "custody", "since", "certainly", "unverified_since"])
            for row in result.rows + result.restricted:
                writer.writerow([row.person.uid, safe_cell(row.person.name), row.kind, row.since,
                                 "yes" if row.certainly else "possibly", row.unverified_since])
        else:
            shown = f"fewer than {settings.QORGAU_MIN_PUBLIC_CELL}" if count is None else count
            self.stdout.write(f"In custody on {day}: {shown}")
            kinds = ({kind: shown_count(n, hidden, public) for kind, (n, hidden) in by_kind.items()} if public
                     else result.by_kind())
            for kind, n in kinds.items():
                self.stdout.write(f"  {kind.replace('_', ' ')}: {'fewer than ' + str(settings.QORGAU_MIN_PUBLIC_CELL) if n is None else n}")
            if public and unnamed and count is not None:
                self.stdout.write(f"  ({unnamed} counted but not named: consent to publication not recorded)")
            for row in result.certain:
                self.stdout.write(f"  {row.person.name} ({row.person.uid}) — {row.kind.replace('_', ' ')} since {row.since}")
            if result.possible:
                self.stdout.write(f"Possibly (partial dates or status unverified): {len(result.possible)}")
                for row in result.possible:
                    note = f", status unverified since {row.unverified_since}" if row.unverified_since else ""
                    self.stdout.write(f"  {row.person.name} ({row.person.uid}) — since {row.since}{note}")
            if result.restricted:
                self.stdout.write(f"Restricted freedom (not counted above): {len(result.restricted)}")
            if moved is not None:
                self.stdout.write(f"Since {since}: {len(moved['entered'])} entered custody, {len(moved['left'])} left")
                for row in moved["entered"]:
                    self.stdout.write(f"  + {row.person.name} ({row.person.uid}) — {row.kind.replace('_', ' ')}")
                for row in moved["left"]:
                    reason = reasons.get(row.person.pk, "").replace("_", " ") or "end not recorded"
                    self.stdout.write(f"  − {row.person.name} ({row.person.uid}) — {reason}")
