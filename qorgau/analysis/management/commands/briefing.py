import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qorgau.analysis.briefing import build_briefing, write_docx, write_pdf
from qorgau.analysis.readers import reader_for
from qorgau.analysis.selection import SelectionError, filters_from_pairs, persons_for
from qorgau.audit.log import write_entry


class Command(BaseCommand):
    help = "Write a briefing (DOCX or PDF, by the file's extension): per case a summary and a timeline, every fact footnoted."

    def add_arguments(self, parser):
        parser.add_argument("--person", action="append", default=[], help="a person's id (repeat for several)")
        parser.add_argument("--list", dest="list_slug", default="", help="everyone currently on this list")
        parser.add_argument("--filter", action="append", default=[],
                            help="KEY=VALUE as on the statistics page: article=CC-174, region=…, role=journalist …")
        parser.add_argument("-o", "--output", required=True, help="FILE.docx or FILE.pdf")
        parser.add_argument("--public", action="store_true", help="only what an anonymous visitor may see")
        parser.add_argument("--lang", choices=["en", "ru", "kk"], default="en")
        parser.add_argument("--chart", action="append", default=[],
                            help="a saved chart to include: its id (cht_…, as in its address) or its number")

    def handle(self, *args, person, list_slug, filter, output, public, lang, chart=(), **options):
        kind = Path(output).suffix.lower()
        if kind not in {".docx", ".pdf"}:
            raise CommandError("The output file must end in .docx or .pdf.")
        reader = reader_for(public)
        try:
            filters = filters_from_pairs(filter) if filter else None
            persons = persons_for(reader, uids=person, list_slug=list_slug, filters=filters)
        except SelectionError as error:
            raise CommandError(str(error)) from None
        from qorgau.analysis.statistics import charts_for

        # The charts the briefing's reader may open (public ones naming only public records, for a public briefing).
        charts = [c for c in charts_for(reader) if c.public_id in set(chart) or str(c.pk) in set(chart)]
        if len(charts) != len(set(chart)):
            raise CommandError("No such saved chart" + (" among the public ones." if public else "."))
        briefing = build_briefing(persons, reader, lang, charts=charts)
        content = write_docx(briefing) if kind == ".docx" else write_pdf(briefing)
        partial = Path(output).with_name(Path(output).name + ".part")
        try:
            with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
                handle.write(content)
            partial.replace(output)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
        write_entry("briefing", actor="cli", changes={"persons": [p.uid for p in persons], "public": public,
                                                     "output": str(output)})
        self.stdout.write(f"Wrote {output}: {len(briefing.cases)} cases, {len(briefing.facts)} facts, "
                          f"{sum(len(f.sources) for f in briefing.facts)} footnotes"
                          + (f"; {briefing.omitted} facts without a source left out." if briefing.omitted else "."))
