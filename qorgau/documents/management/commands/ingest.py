import errno
import os
import stat
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qorgau.documents.ingest import IngestError
from qorgau.documents.ingest.reading import max_bytes
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


def read_regular_file(name):
    """The bytes of a regular file, refusing symlinks, devices, pipes and directories, and files over the limit."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    if os.path.islink(name):
        raise IngestError(f"{name} is a symbolic link; Qorgau reads only regular files (give the real path).")
    try:
        fd = os.open(name, flags)
    except FileNotFoundError:
        raise
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise IngestError(f"{name} is a symbolic link; Qorgau reads only regular files.") from None
        raise IngestError(f"{name} cannot be opened ({error.strerror}).") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise IngestError(f"{name} is not a regular file (a directory, device or pipe); not read.")
    with os.fdopen(fd, "rb") as stream:
        if info.st_size > max_bytes():
            raise IngestError(f"{name} is {info.st_size / 1048576:.1f} MB; the limit is "
                              f"{max_bytes() // 1048576} MB (QORGAU_MAX_FILE_MB).")
        return stream.read(max_bytes() + 1)


class Command(BaseCommand):
    help = "Read documents (PDF, DOCX, HTML, Markdown, text) and propose records from them for review."
    # Django's system checks (which import every URL pattern and view) are a developer's aid run by `check`, `migrate`
    # and the server; here they cost ~0.2 s of CPU at every `qorgau ingest` (issue 11, speed), as for `census`.
    requires_system_checks = []

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
                data = read_regular_file(name)
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
