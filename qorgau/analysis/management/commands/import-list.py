from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qorgau.analysis.actions import do_create_list
from qorgau.analysis.listimport import import_list, match_persons, read_list
from qorgau.analysis.models import CriteriaSet, PrisonerList
from qorgau.lib.spreadsheets import TableError
from qorgau.records.policy import SYSTEM
from qorgau.records.models import Organisation


class Command(BaseCommand):
    help = ("Import another organisation's list of political prisoners from CSV or XLSX (name, date, article, "
            "status); names are linked to our persons, and unsure pairs queued for review.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--list", dest="slug", required=True, help="the list's short name (created if new)")
        parser.add_argument("--title", help="for a new list: its title")
        parser.add_argument("--organisation", help="for a new list: the uid of the organisation that keeps it")
        parser.add_argument("--criteria", default="pace-1900", help="for a new list: criteria set code (pace-1900)")
        parser.add_argument("--sensitivity", default="internal", choices=["public", "internal", "confidential"])
        parser.add_argument("--dry-run", action="store_true", help="say what would happen; write nothing")

    def handle(self, *args, file, slug, title, organisation, criteria, sensitivity, dry_run, **options):
        try:
            rows, problems = read_list(file)
        except TableError as error:
            raise CommandError(str(error)) from None
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} bad rows: nothing was imported.")
        prisoner_list = PrisonerList.objects.filter(slug=slug).first()
        if prisoner_list is None:
            owner = Organisation.objects.filter(uid=organisation or "").first()
            criteria_set = CriteriaSet.objects.filter(code=criteria).order_by("-version").first()
            if not title or owner is None or criteria_set is None:
                raise CommandError(f"No list “{slug}” yet: give --title, --organisation ORG_UID and a known "
                                   f"--criteria ({', '.join(CriteriaSet.objects.values_list('code', flat=True))}).")
        match_persons(rows, reader=SYSTEM)
        if dry_run:
            for row in rows:
                outcome = f"our {row.person.uid} (score {row.score:.2f})" if row.person else "a new person"
                self.stdout.write(f"Row {row.number}: {row.name} — {row.status}, added {row.date}: {outcome}")
            self.stdout.write(f"Dry run: {len(rows)} rows would be imported; nothing was written.")
            return
        if prisoner_list is None:
            prisoner_list = do_create_list(actor="cli", slug=slug, title=title, organisation=owner,
                                           criteria_set=criteria_set, sensitivity=sensitivity)
        rows, queued = import_list(prisoner_list, rows, actor="cli", reader=SYSTEM, level=sensitivity,
                                   source=Path(file).name)
        linked = sum(1 for r in rows if r.person is not None)
        already = sum(1 for r in rows if r.outcome.endswith("already on the list"))
        self.stdout.write(f"Imported {len(rows) - already} entries into “{prisoner_list.title}”"
                          + (f" ({already} already on the list from the same day, not added again)" if already else "")
                          + f": {linked} linked to our persons, {len(rows) - linked} new persons; {queued} likely "
                            f"pairs queued for review.")
