"""Partial dates as monitors write them: "2018", "2018-03", "2018-03-21".

They are kept as ISO strings, which sort correctly as text.
"""

import datetime
import re

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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


def display_date(value):
    """A partial date for reading: 21 March 2018, March 2018, 2018."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = datetime.date(2000, int(parts[1]), 1).strftime("%B")
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"
