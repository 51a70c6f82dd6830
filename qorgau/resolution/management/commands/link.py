from django.core.management.base import BaseCommand, CommandError

from qorgau.audit.log import write_entry
from qorgau.resolution.listfiles import ListError, known_persons, read_list, write_results
from qorgau.resolution.lists import MEMORY_LIMIT, check_memory_limit


class Command(BaseCommand):
    help = ("Link a list of persons (a CSV file with a name column; id, birth year and place optional) with Splink: "
            "find the records that are one person, and with --against-database the persons already recorded here.")

    def add_arguments(self, parser):
        parser.add_argument("list_file", metavar="LIST", help="CSV file with a header row naming its columns")
        parser.add_argument("-o", "--output", required=True, help="CSV file to write the clusters to")
        parser.add_argument("--against-database", action="store_true",
                            help="also link the list to this database's persons (public and internal ones)")
        parser.add_argument("--include-confidential", action="store_true",
                            help="with --against-database, link to confidential persons and names too")
        parser.add_argument("--engine", choices=("splink", "bulk"), default="splink",
                            help="splink (DuckDB, the default) or bulk (numpy and rapidfuzz in one process, faster on "
                                 "a million records; not with --against-database)")
        parser.add_argument("--threshold", type=float, default=None,
                            help="match probability to link at (default 0.9 with splink; with bulk, calibrated by the "
                                 "list's size for precision 0.97: see docs/resolution.md)")
        parser.add_argument("--memory-limit", default=MEMORY_LIMIT, help=f"DuckDB's memory limit (default {MEMORY_LIMIT})")

    def handle(self, *args, list_file, output, against_database, include_confidential, threshold, memory_limit,
               engine="splink", **options):
        from qorgau.resolution import bulk, lists

        if engine == "bulk" and against_database:
            raise CommandError("--engine bulk links a list within itself; use the splink engine with --against-database.")
        if threshold is None:
            threshold = None if engine == "bulk" else 0.9     # bulk: calibrated by the list's size

        if threshold is not None and not 0 < threshold < 1:
            raise CommandError("--threshold is a probability between 0 and 1.")
        try:
            check_memory_limit(memory_limit)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if include_confidential and not against_database:
            raise CommandError("--include-confidential only makes sense with --against-database.")
        try:
            records = read_list(list_file)
        except ListError as error:
            raise CommandError(str(error)) from None
        self.stderr.write(f"Linking {len(records):,} records…")
        names = {record["id"]: record["name"] for record in records}
        if against_database:
            known = {}
            rows = []
            for row in known_persons(include_confidential=include_confidential):
                known.setdefault(row["person"], row["name"])
                rows.append(row)
            result = lists.link_against(records, rows, threshold=threshold, memory_limit=memory_limit)
            lines = [(rid, names[rid], cluster, " ".join(persons), "; ".join(known[p] for p in persons))
                     for rid, (cluster, persons) in result.items()]
            header = ("id", "name", "cluster", "persons", "person_names")
            matched = sum(1 for line in lines if line[3])
        else:
            result = bulk.link(records, threshold=threshold) if engine == "bulk" else \
                lists.link(records, threshold=threshold, memory_limit=memory_limit)
            lines = [(rid, names[rid], cluster) for rid, cluster in result.items()]
            header = ("id", "name", "cluster")
            matched = None
        order = {record["id"]: index for index, record in enumerate(records)}
        lines.sort(key=lambda line: order[line[0]])
        try:
            write_results(output, lines, header)
        except OSError as error:
            raise CommandError(f"{output}: {error.strerror}.") from None
        clusters = len({line[2] for line in lines})
        summary = f"{len(lines):,} records in {clusters:,} clusters"
        if matched is not None:
            summary += f"; {matched:,} records linked to persons in the database"
        self.stderr.write(f"{summary}. Wrote {output}.")
        write_entry("link list", actor="cli", changes={"records": len(lines), "clusters": clusters, "engine": engine,
                                                      "against_database": against_database,
                                                      "include_confidential": include_confidential})
