"""Linking large lists of persons (another NGO's list of a million records) with Splink.

DuckDB, embedded, is the default engine; the same model runs on Spark (`pip install qorgau[spark]`) for users
who outgrow one machine. The features are our own name keys (qorgau.lib.personnames), so Kazakh, Russian and
Latin spellings, declension and initials meet before Splink compares them; Splink estimates how often
records agree by chance (u) and how common matches are from the list itself, weighs each agreement, and links
pairs above a match probability.

Memory: records are read as an iterable and turned into features in Arrow batches, so a list is never held as
Python objects twice; DuckDB works under a memory limit (default 4 GB) and spills to a temporary directory,
and Splink writes its intermediate tables to Parquet there. A million records stay under 8 GB in all.
"""

import logging
import re
import tempfile
from itertools import islice
from pathlib import Path

from qorgau.lib.personnames import parse

FEATURES = ("unique_id", "family_key", "family_block", "family_tail", "given_key", "given_initial", "patronymic_key",
            "gender", "birth_year", "place")
BATCH = 50_000
MEMORY_LIMIT = "4GB"
MEMORY_LIMIT_FORMAT = re.compile(r"\d+(?:\.\d+)?\s*(?:[KMGT]i?B)", re.I)


def feature_row(record):
    """One {id, name, birth_year?, place?} record -> its comparable keys (placeholders get no keys)."""
    parsed = parse(record["name"])
    given = _given_key(parsed)
    initial = given[:1] or (_initial_key(parsed.initials[0]) if parsed.initials else "")
    year = record.get("birth_year")
    family = parsed.family
    return {"unique_id": str(record["id"]), "family_key": family or None,
            "family_block": family[:3] or None, "family_tail": family[-4:] if len(family) >= 6 else None,
            "given_key": given or None, "given_initial": initial or None,
            "patronymic_key": _patronymic_key(parsed.patronymic) or None, "gender": parsed.gender or None,
            "birth_year": int(year) if year not in (None, "") else None, "place": (record.get("place") or None)}


def _given_key(parsed):
    """The given name's key as written (a declined form is a Jaro-Winkler step away: Сергея / Sergei)."""
    return parsed.given[0] if parsed.given else ""


def _initial_key(letter):
    """An initial as the first letter of a given name's key: Y. -> e (Yerlan: erlan), J. -> z, Q. -> k."""
    return {"y": "e", "j": "z", "q": "k", "i": "e"}.get(letter, letter)


def _patronymic_key(patronymic):
    """The father's name in a patronymic: Armanovich, Армановна, Arman-uly -> arman."""
    return re.sub(r"(?:ovich|evich|ovna|evna|ichna|uli|kizi)$", "", patronymic or "")


def _schema():
    import pyarrow as pa

    return pa.schema([(name, pa.int32() if name == "birth_year" else pa.string()) for name in FEATURES])


def feature_table(records, batch=BATCH):
    """The features of an iterable of records as one Arrow table, built a batch at a time."""
    import pyarrow as pa

    schema, batches, iterator = _schema(), [], iter(records)
    while chunk := list(islice(iterator, batch)):
        batches.append(pa.RecordBatch.from_pylist([feature_row(r) for r in chunk], schema=schema))
    return pa.Table.from_batches(batches, schema=schema)


def settings(link_type="dedupe_only"):
    import splink.comparison_library as cl
    import splink.comparison_level_library as cll
    from splink import SettingsCreator, block_on

    # m: how often one person's two records agree at each level (exact, close, near, else). Our keys already fold
    # transliteration and declension, so one person's records mostly agree exactly; what is left is typos and
    # initials. These are set, not learnt: expectation maximisation collapsed on lists with many namesakes.
    # u (chance agreement) and the prior are estimated from the list itself.
    return SettingsCreator(
        link_type=link_type,
        comparisons=[
            # (No term-frequency adjustment: in a short list every name is frequent, and one person's names swamp it.)
            cl.CustomComparison(output_column_name="family_key", comparison_levels=[
                cll.NullLevel("family_key"),
                cll.ExactMatchLevel("family_key").configure(m_probability=0.8, u_probability=0.002),
                cll.JaroWinklerLevel("family_key", 0.95).configure(m_probability=0.1, u_probability=0.001),
                cll.JaroWinklerLevel("family_key", 0.88).configure(m_probability=0.06, u_probability=0.01),
                cll.ElseLevel().configure(m_probability=0.04, u_probability=0.987),
            ]),
            # The given name, or its initial where a record has only that: one comparison, so that an agreeing name
            # is not counted twice (its initial agrees too). About one record in six has only an initial.
            cl.CustomComparison(output_column_name="given", comparison_levels=[
                cll.NullLevel("given_initial"),
                cll.ExactMatchLevel("given_key").configure(m_probability=0.72, u_probability=0.01),
                cll.JaroWinklerLevel("given_key", 0.95).configure(m_probability=0.05, u_probability=0.002),
                cll.JaroWinklerLevel("given_key", 0.88).configure(m_probability=0.03, u_probability=0.01),
                cll.CustomLevel("(given_key_l IS NULL OR given_key_r IS NULL) AND given_initial_l = given_initial_r",
                                label_for_charts="an initial on one side, agreeing").configure(m_probability=0.18, u_probability=0.03),
                cll.ElseLevel().configure(m_probability=0.02, u_probability=0.948),
            ]),
            cl.ExactMatch("patronymic_key").configure(m_probabilities=[0.97, 0.03], u_probabilities=[0.01, 0.99]),
            cl.ExactMatch("gender").configure(m_probabilities=[0.9, 0.1], u_probabilities=[0.5, 0.5]),
            # A year of birth differs between one person's records only by a typo; a namesake's differs.
            cl.CustomComparison(output_column_name="birth_year", comparison_levels=[
                cll.NullLevel("birth_year"),
                cll.ExactMatchLevel("birth_year").configure(m_probability=0.96, u_probability=0.02),
                cll.AbsoluteDifferenceLevel("birth_year", 1).configure(m_probability=0.03, u_probability=0.04),
                cll.ElseLevel().configure(m_probability=0.01, u_probability=0.94),
            ]),
            cl.ExactMatch("place").configure(m_probabilities=[0.85, 0.15], u_probabilities=[0.1, 0.9]),
        ],
        # Blocks: one name written alike; an initial or a given-name typo (family key, initial, year); a family-name
        # typo after its first letters (given key, family prefix, year) or in them (initial, family ending, year),
        # which also pairs a typo with an initial.
        blocking_rules_to_generate_predictions=[
            block_on("family_key", "given_key"),
            block_on("family_key", "given_initial", "birth_year"),
            block_on("given_key", "family_block", "birth_year"),
            block_on("family_block", "given_initial", "birth_year"),
            block_on("family_tail", "given_initial", "birth_year"),
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def check_memory_limit(value):
    """DuckDB's memory limit as a user writes it ("4GB", "512 MB"); raises ValueError with a sentence otherwise."""
    if not MEMORY_LIMIT_FORMAT.fullmatch(str(value)):
        raise ValueError(f"“{value}” is not a memory size: write it as 4GB, 512MB or 2GiB.")
    return value


def _duckdb_api(workdir, memory_limit):
    import duckdb
    from splink import DuckDBAPI

    check_memory_limit(memory_limit)
    con = duckdb.connect()
    spill = Path(workdir) / "spill"
    spill.mkdir()
    con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute(f"SET temp_directory = '{spill}'")
    con.execute("SET preserve_insertion_order = false")
    # Offline: never fetch a DuckDB extension (everything Splink uses here is built in).
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    return DuckDBAPI(con, materialisation="parquet", materialisation_dir=str(Path(workdir) / "tables"))


def _cluster(tables, link_type, *, engine, spark, threshold, memory_limit, workdir):
    from splink import Linker, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="qorgau-link-", dir=workdir) as scratch:
        if engine == "spark":
            from splink import SparkAPI

            # Splink checkpoints on Spark; a directory the user set is kept, else one in our scratch space.
            if not spark.sparkContext.getCheckpointDir() or "qorgau-link-" in spark.sparkContext.getCheckpointDir():
                spark.sparkContext.setCheckpointDir(str(Path(scratch) / "checkpoints"))
            api = SparkAPI(spark_session=spark)
            inputs = [api.register(spark.createDataFrame(
                list(zip(*(column.to_pylist() for column in table.columns))),
                schema=", ".join(f"{field.name} {'int' if field.name == 'birth_year' else 'string'}"
                                 for field in table.schema)))
                for table in tables]
        else:
            api = _duckdb_api(scratch, memory_limit)
            inputs = [api.register(table) for table in tables]
        linker = Linker(inputs if len(inputs) > 1 else inputs[0], settings(link_type), log_level=None)
        # The prior: pairs agreeing on both name keys (and birth year, in a list that has them), at 70% recall. A
        # database's persons seldom have a birth year, so linking against them leaves the year out. A small list may
        # have no such pair at all: the prior then falls back to half a pair.
        rule = ["family_key", "given_key"] + (["birth_year"] if link_type == "dedupe_only" else [])
        linker.training.estimate_probability_two_random_records_match([block_on(*rule)], recall=0.7)
        rows = sum(table.num_rows for table in tables)
        floor = 0.5 / max(1, rows * (rows - 1) // 2)
        if linker._settings_obj._probability_two_random_records_match < floor:
            linker._settings_obj._probability_two_random_records_match = floor
        if rows >= 1000:   # a short list says little about chance agreement: the set u stands
            linker.training.estimate_u_using_random_sampling(max_pairs=2_000_000)
        predictions = linker.inference.predict(threshold_match_probability=threshold)
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, threshold)
        if engine == "spark":
            return [(row["source_dataset"] if len(tables) > 1 else None, row["unique_id"], row["cluster_id"])
                    for row in clusters.as_record_list()]
        columns = "source_dataset, unique_id, cluster_id" if len(tables) > 1 else "NULL, unique_id, cluster_id"
        return clusters.as_duckdbpyrelation().select(columns).fetchall()


def spark_session(master="local[*]", app_name="qorgau-link"):
    """A Spark session ready for Splink: its jar of string-similarity functions (Jaro-Winkler) registered.

    On a cluster, add the same jar to your own session: `spark.jars` = `splink.backends.spark.similarity_jar_location()`.
    """
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    return (SparkSession.builder.master(master).appName(app_name)
            .config("spark.jars", similarity_jar_location())
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate())


def link(records, *, engine="duckdb", spark=None, threshold=0.9, memory_limit=MEMORY_LIMIT, workdir=None):
    """Cluster records that are one person. `records` may be any iterable (a CSV reader, say).

    Returns {record id (str): cluster id}."""
    rows = _cluster([feature_table(records)], "dedupe_only", engine=engine, spark=spark, threshold=threshold,
                    memory_limit=memory_limit, workdir=workdir)
    return {unique_id: cluster for _, unique_id, cluster in rows}


def link_against(records, known, *, engine="duckdb", spark=None, threshold=0.9, memory_limit=MEMORY_LIMIT,
                 workdir=None):
    """Link a list to known persons (the database's) and within itself.

    `known` is an iterable of {id, person, name, birth_year, place}: one row per name of a known person, `person`
    being the person it names. Returns {record id (str): (cluster id, sorted known persons in that cluster)}."""
    known_rows, person_of = [], {}
    for row in known:
        person_of[str(row["id"])] = row["person"]
        known_rows.append(row)
    tables = [feature_table(records), feature_table(known_rows)]
    tables = [table.append_column("source_dataset", _constant(name, len(table)))
              for table, name in zip(tables, ("list", "known"))]
    rows = _cluster(tables, "link_and_dedupe", engine=engine, spark=spark, threshold=threshold,
                    memory_limit=memory_limit, workdir=workdir)
    persons_in = {}
    for source, unique_id, cluster in rows:
        if source == "known":
            persons_in.setdefault(cluster, set()).add(person_of[unique_id])
    return {unique_id: (cluster, sorted(persons_in.get(cluster, ())))
            for source, unique_id, cluster in rows if source == "list"}


def _constant(value, length):
    import pyarrow as pa

    return pa.array([value] * length, pa.string())
