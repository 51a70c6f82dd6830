"""Partial dates as monitors write them: "2018", "2018-03", "2018-03-21".

They are kept as ISO strings, which sort correctly as text.
"""

import datetime
import re

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def partial_date_order(field="date", *, reader):
    """order_by() terms that put a partial date after the days it may contain: by the last day it may be,
    then the first. "March 2018" comes after "13 March 2018" ("in March he was charged" follows "on 13 March
    he was arrested"), "2018" after every day and month of 2018; blank dates last. Plain text sorting would put
    the month first. Works on SQLite and PostgreSQL alike (string functions only).

    `reader` (a user, None for the public, sensitivity.SYSTEM for a system job): a date its record keeps above the
    reader's level sorts as blank, so its place among the others does not tell it."""
    from django.db.models import Case, CharField, Value, When
    from django.db.models.functions import Coalesce, Concat, Length
    from django.db.models.lookups import Exact

    from .sensitivity import seen_value

    value = seen_value(field, reader)
    value.output_field = CharField()
    length = Coalesce(Length(value), Value(0))
    last = Case(When(Exact(length, 0), then=Value("9999")),
                When(Exact(length, 4), then=Concat(value, Value("-12-31"), output_field=CharField())),
                When(Exact(length, 7), then=Concat(value, Value("-31"), output_field=CharField())),
                default=value, output_field=CharField())
    return [last.asc(), length.desc()]


def partial_date_key(value):
    """The same order in Python, for lists already in memory."""
    if not value:
        return ("9999", 0)
    value = str(value)
    end = value + ("-12-31" if len(value) == 4 else "-31" if len(value) == 7 else "")
    return (end, -len(value))


class PartialDateError(ValueError):
    pass


def parse_partial_date(value):
    """Return the normalised ISO string for a partial date, or None for blank.

    Raises PartialDateError with a sentence a monitor understands.
    """
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    match = PARTIAL_DATE.match(value)
    if not match:
        raise PartialDateError(
            f"“{value}” is not a date. Write a year (2018), a month (2018-03) or a day (2018-03-21)."
        )
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12:
        raise PartialDateError(f"“{value}” has no month {month}.")
    if day:
        try:
            datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise PartialDateError(f"“{value}” is not a day in the calendar.") from None
    return value


KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан")


def display_date(value, language=None):
    """A partial date for reading in the interface language.

    en: 21 March 2018, March 2018, 2018; ru: 21 марта 2018, март 2018 (the day takes the genitive, as
    Django's own ru formats do); kk: 2018 жылғы 21 наурыз, 2018 жылғы наурыз. Dates and datetimes
    are read as their (local) day.
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        from django.utils import timezone
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    if isinstance(value, datetime.date):
        value = value.isoformat()
    parts = str(value).split("-")
    if len(parts) == 1:
        return parts[0]
    from django.utils import translation
    from django.utils.dates import MONTHS, MONTHS_ALT
    language = (language or translation.get_language() or "en").split("-")[0]
    year, month = parts[0], int(parts[1])
    day = int(parts[2]) if len(parts) > 2 else None
    if language == "kk":
        return f"{year} жылғы {day} {KK_MONTHS[month - 1]}" if day else f"{year} жылғы {KK_MONTHS[month - 1]}"
    with translation.override(language):
        if language == "ru":
            return f"{day} {MONTHS_ALT[month]} {year}" if day else f"{str(MONTHS[month]).lower()} {year}"
        name = str(MONTHS[month])
    return f"{day} {name} {year}" if day else f"{name} {year}"
