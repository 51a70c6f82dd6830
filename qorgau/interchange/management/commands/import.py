from django.core.management.base import BaseCommand, CommandError

from qorgau.interchange.importer import ImportFailed, import_stream


class Command(BaseCommand):
    help = "Read a file in the interchange format. All or nothing: on any error, nothing is imported."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            with open(file, encoding="utf-8-sig") as stream:
                counts = import_stream(stream, actor="cli")
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}") from None
        except IsADirectoryError:
            raise CommandError(f"{file} is a directory, not a file; nothing was imported.") from None
        except OSError as error:
            raise CommandError(f"{file} cannot be read ({error.strerror or error}); nothing was imported.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not UTF-8 text; nothing was imported.") from None
        except ImportFailed as failure:
            raise CommandError("Nothing was imported:\n  " + "\n  ".join(failure.errors)) from None
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        self.stdout.write(f"Imported {summary or 'nothing'}.")
