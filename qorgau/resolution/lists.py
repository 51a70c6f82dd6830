"""Linking large lists of persons (another NGO's list of a million records) with Splink.

DuckDB, embedded, is the default engine; the same model runs on Spark (`pip install qorgau[spark]`) for users
who outgrow one machine. The features are our own name keys (qorgau.lib.personnames), so Kazakh, Russian and
Latin spellings, declension and initials meet before Splink compares them; Splink estimates how often
records agree by chance (u) and how common matches are from the list itself, weighs each agreement, and links
pairs above a match probability.
"""

from qorgau.lib.personnames import parse

FEATURES = ("unique_id", "family_key", "family_block", "given_key", "given_initial", "gender", "birth_year", "place")


def features(records):
    """[{id, name, birth_year?, place?}] -> rows of comparable keys (placeholders get no keys)."""
    rows = []
    for record in records:
        parsed = parse(record["name"])
        given = parsed.given[0] if parsed.given else ""
        initial = given[:1] or (parsed.initials[0] if parsed.initials else "")
        rows.append({"unique_id": str(record["id"]), "family_key": parsed.family or None,
                     "family_block": parsed.family[:3] or None, "given_key": given or None,
                     "given_initial": initial or None, "gender": parsed.gender or None,
                     "birth_year": record.get("birth_year"), "place": (record.get("place") or None)})
    return rows


def settings():
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    # m: how often one person's two records agree at each level (exact, close, near, else). Our keys already fold
    # transliteration and declension, so one person's records mostly agree exactly; what is left is typos and
    # initials. These are set, not learnt: expectation maximisation collapsed on lists with many namesakes.
    # u (chance agreement) and the prior are estimated from the list itself.
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("family_key", [0.95, 0.88]).configure(m_probabilities=[0.85, 0.08, 0.05, 0.02]),
            cl.JaroWinklerAtThresholds("given_key", [0.95, 0.88]).configure(m_probabilities=[0.88, 0.06, 0.04, 0.02]),
            cl.ExactMatch("given_initial").configure(m_probabilities=[0.98, 0.02]),
            cl.ExactMatch("gender").configure(m_probabilities=[0.99, 0.01]),
            cl.ExactMatch("birth_year").configure(m_probabilities=[0.95, 0.05]),
            cl.ExactMatch("place").configure(m_probabilities=[0.85, 0.15]),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("family_key", "given_initial"),
            block_on("given_key", "family_block", "birth_year"),
            block_on("family_block", "given_initial", "birth_year"),  # a typo in the family name, an initial
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def _api(engine, spark=None):
    if engine == "spark":
        from splink import SparkAPI

        return SparkAPI(spark_session=spark)
    from splink import DuckDBAPI

    return DuckDBAPI()


def link(records, *, engine="duckdb", spark=None, threshold=0.9):
    """Cluster records that are one person. Returns {record id (str): cluster id}."""
    import logging

    from splink import Linker, block_on

    logging.getLogger("splink").setLevel(logging.WARNING)
    rows = features(records)
    api = _api(engine, spark)
    if engine == "spark":
        table = api.register(spark.createDataFrame(rows))
    else:
        import pyarrow as pa

        table = api.register(pa.Table.from_pylist(rows))
    linker = Linker(table, settings(), log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("family_key", "given_key", "birth_year")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=2_000_000)
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, threshold)
    relation = clusters.as_duckdbpyrelation() if engine != "spark" else None
    if relation is not None:
        return dict(relation.select("unique_id, cluster_id").fetchall())
    return {row["unique_id"]: row["cluster_id"] for row in clusters.as_record_list()}
