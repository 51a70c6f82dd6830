import pytest

from qorgau.lib.dates import PartialDateError, display_date, parse_partial_date
from qorgau.lib.sensitivity import highest, levels_for
from qorgau.records.models import provision_uid


@pytest.mark.parametrize("value, expected", [("2018", "2018"), ("2018-03", "2018-03"), (" 2018-03-21 ", "2018-03-21"),
                                             ("", None)])
def test_partial_dates(value, expected):
    assert parse_partial_date(value) == expected


@pytest.mark.parametrize("value", ["21.03.2018", "2018-02-30", "2018-00", "March"])
def test_bad_dates_are_explained(value):
    with pytest.raises(PartialDateError):
        parse_partial_date(value)


def test_display_dates():
    assert display_date("2016-11-28") == "28 November 2016"
    assert display_date("2016-11") == "November 2016"


def test_provision_identifiers():
    assert provision_uid("CC", "174") == "CC-174"
    assert provision_uid("CC", "405", "1") == "CC-405.1"
    assert provision_uid("CC", "164", edition="1997") == "CC@1997-164"


def test_levels():
    assert highest("public", None, "confidential") == "confidential"
    assert levels_for(None) == ["public"]
