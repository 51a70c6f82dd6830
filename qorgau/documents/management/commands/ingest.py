import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qorgau.documents.ingest import IngestError
from qorgau.documents.pipeline import ingest


class Progress:
    """A one-line progress bar on standard error (plain lines when it is not a terminal)."""

    def __init__(self, stream, files):
        self.stream, self.files, self.index, self.name = stream, files, 0, ""
        self.tty = stream.isatty()

    def start(self, index, name):
        self.index, self.name = index, name
        self.update("reading", 0)

    def update(self, stage, fraction):
        overall = (self.index + fraction) / self.files
        bar = "#" * int(overall * 30)
        line = f"[{bar:<30}] {overall * 100:5.1f}%  {self.index + 1}/{self.files} {self.name[:40]}: {stage}"
        if self.tty:
            self.stream.write("\r" + line.ljust(100))
        elif fraction in (0, 1.0):
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self):
        if self.tty:
            self.stream.write("\n")


class Command(BaseCommand):
    help = "Read documents (PDF, DOCX, HTML, Markdown, text) and propose records from them for review."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")
        parser.add_argument("--language", choices=["auto", "en", "ru"], default="auto")
        parser.add_argument("--sensitivity", choices=["public", "internal", "confidential"], default="internal")

    def handle(self, *args, files, language, sensitivity, **options):
        progress = Progress(sys.stderr, len(files))
        failures = 0
        for index, name in enumerate(files):
            progress.start(index, Path(name).name)
            started = time.perf_counter()
            try:
                data = Path(name).read_bytes()
                result = ingest(Path(name).name, data, actor="cli", language=language, sensitivity=sensitivity,
                                progress=progress.update)
            except FileNotFoundError:
                progress.finish()
                self.stderr.write(f"{name}: no such file.")
                failures += 1
                continue
            except IngestError as error:
                progress.finish()
                self.stderr.write(f"{error} Nothing was saved.")
                failures += 1
                continue
            progress.finish()
            verb = "Read" if result.created else "Already known; looked again at"
            self.stdout.write(f"{verb} {name} → {result.document.uid}: {result.proposals} new proposals "
                              f"({time.perf_counter() - started:.1f} s).")
        if failures:
            raise CommandError(f"{failures} of {len(files)} files could not be read.")
