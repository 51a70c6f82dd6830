"""The command line shared by the generative checks: `python -m tests.generative.<lang> --set SET --per N [--list
PATTERN]` prints a module's per-shape table (and the wrong cases of the shapes matching PATTERN)."""


def run(argv, doc, generate, score, report, sets, by=None):
    """Parse `argv`, start Django, print report(score(generate(set, per)), ...). `by`: the default grouping of a
    module whose report groups by more than the shape (`--by shape,name,...`), None when it has none."""
    import argparse
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    django.setup()
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--set", default="held_out", choices=list(sets) + ["all"])
    parser.add_argument("--per", type=int, default=8)
    parser.add_argument("--list", default=None, help="print the wrong cases of shapes matching this pattern")
    if by is not None:
        parser.add_argument("--by", default=by, help="comma-separated groupings of the table")
    args = parser.parse_args(argv)
    table = score(generate(args.set, args.per))
    print(report(table, args.by.split(","), args.list) if by is not None else report(table, args.list))
