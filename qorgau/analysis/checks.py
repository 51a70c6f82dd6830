"""System check: the stored statistics sets are found by ranges over text keys ("@<place>:<date>", "2020-05"), which
assumes the database compares strings byte by byte. SQLite does; a PostgreSQL database created with a language
collation (en_US.UTF-8, ru_RU.UTF-8 …) ignores punctuation when it compares, so "@12:2020-05" < "@12;" is false
there and a date range with a region would count nobody. Such a database is refused with the way out
(README, "On PostgreSQL")."""

from django.core.checks import Error, register
from django.db import connections

BYTE_ORDER = {"C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic"}


def collation_of(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT datcollate FROM pg_database WHERE datname = current_database()")
        return cursor.fetchone()[0]


@register("database")
def database_compares_bytes(app_configs=None, databases=None, **kwargs):
    errors = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        collation = collation_of(connection)
        if collation not in BYTE_ORDER:
            errors.append(Error(
                f"The PostgreSQL database {connection.settings_dict['NAME']!r} sorts text by the collation "
                f"{collation!r}; Qorgau's statistics need byte order (C).",
                hint="Create the database with `createdb -l C.UTF-8 -T template0 NAME` and move "
                     "the data with `qorgau export`/`qorgau import` (README, On PostgreSQL).",
                id="analysis.E001"))
    return errors


@register()
def opendata_license_is_known(app_configs=None, **kwargs):
    """QORGAU_OPENDATA_LICENSE must name a licence the package can describe (title and link), or every release —
    from the command and from the web — would be refused."""
    from .opendata import license_entry

    try:
        license_entry()
    except ValueError as error:
        return [Error(str(error), hint="Set QORGAU_OPENDATA_LICENSE (docs/settings.md).", id="analysis.E002")]
    return []
