import csv
import json

from django.core.management.base import BaseCommand, CommandError

from qorgau.analysis import episodes
from qorgau.analysis.census import census, changes, end_reasons
from qorgau.analysis.models import PrisonerList
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
                            help="first rebuild every custody episode from the acts (after a bulk load)")

    def handle(self, *args, date, list_slug, format, public, rebuild, since=None, **options):
        if rebuild:
            episodes.rebuild_all()
            if not date:
                self.stdout.write("Custody episodes rebuilt.")
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
        if format == "json":
            data = result.as_json()
            if moved is not None:
                data["since"] = since
                data["entered"] = [{"id": r.person.uid, "name": r.person.name, "custody": r.kind} for r in moved["entered"]]
                data["left"] = [{"id": r.person.uid, "name": r.person.name, "reason": reasons.get(r.person.pk, "")}
                                for r in moved["left"]]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
        elif format == "csv":
            writer = csv.writer(self.stdout)
            writer.writerow(["id", "name", "custody", "since", "certainly", "unverified_since"])
            for row in result.rows + result.restricted:
                writer.writerow([row.person.uid, row.person.name, row.kind, row.since,
                                 "yes" if row.certainly else "possibly", row.unverified_since])
        else:
            self.stdout.write(f"In custody on {day}: {result.count}")
            for kind, count in result.by_kind().items():
                self.stdout.write(f"  {kind.replace('_', ' ')}: {count}")
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
