"""The `qorgau` command: a thin front over Django's management commands.

`qorgau [--data-dir DIR] <command> …` sets the data directory before Django
reads its settings, so every command sees the same database, files and keys.
"""

import os
import sys

COMMANDS = """\
Commands:
  init                       create the data directory, its keys and the database
  serve [--port N] [--workers N]
                             serve the web application
  demo [--no-serve]          load the demo dataset, create an admin account, serve
  ingest FILE... [--language auto|en|ru]
                             read documents and propose records for review
  resolve [--threshold 0.9]  link records of one person; queue likely pairs for review
  evaluate [--gold F] [--corpus DIR]
                             score extraction against an annotated evaluation set
  export [-o FILE] [--public] [--accepted-only]
                             write the database in the interchange format (JSON Lines)
  import FILE                read a file in the interchange format (all or nothing)
  audit verify [--checkpoints FILE]
                             check the keyed audit chain against its checkpoints; says where it breaks
  audit checkpoint           append a checkpoint of the audit log and print it for an offline copy
  keys generate|status       print a new master key; say where the master key comes from
  keys rotate [--new-master-key-file F | --new-passphrase-file F] [--reencrypt]
                             re-wrap the keyring under a new master key; re-encrypt under a new data key
  backup -o FILE --passphrase-file P
                             write one encrypted archive of everything (database, accounts, audit, files, keys)
  restore FILE --passphrase-file P
                             restore a backup into a new data directory (--data-dir NEW)
  panic [--yes] [--destroy-local-key]
                             emergency: end all sessions and lock the data until the master key unlocks it
  unlock [--master-key-file F]
                             lift a panic lock with the master key
  restore-record [UID]       bring back a deleted record and what was deleted with it (no UID: list them)
  campaigns due [--days N]   list open Urgent Actions whose deadline is near or past
  createuser NAME --role R [--cleared] [--password-file F]
                             add a staff account (the password is asked for)
  users list|deactivate|revoke-clearance|end-sessions|reset-two-factor|unlock [NAME]
                             list or change staff accounts (audited)
"""

USAGE = f"""usage: qorgau [--data-dir DIR] <command> [options]

Global options:
  --data-dir DIR   where the database, stored files and keys live
                   (default: $QORGAU_DATA_DIR or ./qorgau-data)

{COMMANDS}
`qorgau <command> --help` shows a command's options.
"""


def main(argv=None):
    # Everything this program writes (database, exports, keys, backups) is its owner's only.
    os.umask(0o077)
    argv = list(sys.argv[1:] if argv is None else argv)
    while argv and argv[0].startswith("--data-dir"):
        option = argv.pop(0)
        if "=" in option:
            value = option.split("=", 1)[1]
        elif argv:
            value = argv.pop(0)
        else:
            print("qorgau: --data-dir needs a directory", file=sys.stderr)
            return 2
        os.environ["QORGAU_DATA_DIR"] = os.path.abspath(value)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0
    if argv[0] in {"--version", "version"}:
        from qorgau import __version__

        print(f"qorgau {__version__}")
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    from django.core.management import execute_from_command_line

    from qorgau.keys.keyring import KeysUnavailable

    try:
        execute_from_command_line(["qorgau", *argv])
    except KeysUnavailable as error:
        # A lost or wrong master key, or a panic lock, met by any command: its sentence, not a traceback
        # (`export`, `opendata` and `ingest` printed one; session 16 audit).
        print(f"qorgau: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
