from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qorgau.interchange import tables
from qorgau.lib.spreadsheets import TableError
from qorgau.records.policy import SYSTEM


class Command(BaseCommand):
    help = ("Import persons and acts from a CSV or XLSX table, one act per row (columns: name, name_ru, gender, "
            "birth_year, roles, act_type, date, articles, place, source_url; docs/interface.md). Every row is "
            "checked first: one bad row and nothing is written.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="say per row what would happen; write nothing")
        parser.add_argument("--sensitivity", default="internal", choices=tables.LEVELS,
                            help="the level of the persons, acts and sources created (default internal)")

    def handle(self, *args, file, dry_run, sensitivity, **options):
        try:
            _headers, rows = tables.read(file)
        except TableError as error:
            raise CommandError(str(error)) from None
        the_plan = tables.plan(rows, reader=SYSTEM, level=sensitivity, filename=Path(file).name)
        if not the_plan.ok:
            for problem in the_plan.problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(the_plan.problems)} bad rows: nothing was imported.")
        if dry_run:
            for row in the_plan.rows:
                self.stdout.write(f"Row {row.number}: {row.name}: {row.outcome}")
            self.stdout.write(f"Dry run: {len(the_plan.rows)} rows would be imported; nothing was written.")
            return
        summary = tables.commit(the_plan, actor="cli")
        self.stdout.write(f"Imported {len(the_plan.rows)} rows: {summary['persons_created']} new persons, "
                          f"{summary['persons_linked']} linked to ours, {summary['acts']} acts, "
                          f"{summary['places']} new places, {summary['documents']} new sources.")
