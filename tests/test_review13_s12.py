"""Session 12 outsider review of issue 13 (the analysis half): the gaps found by following the README, each with a
test that failed before its fix (notes: /work/notes/h22-review13.md)."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", ["0001-01-01", "0003-06-30"])
def test_census_in_the_first_years_of_the_era_answers_instead_of_crashing(client, day, capsys):
    """A census date within QORGAU_CUSTODY_UNVERIFIED_YEARS of year 1 crashed (ValueError: year -2 is out of range):
    a traceback from the command and a server error from the page. Nobody recorded is in custody then."""
    call_command("census", "--date", day, "--format", "json")
    assert '"count": 0' in capsys.readouterr().out
    response = client.get("/census/", {"date": day})
    assert response.status_code == 200
    response = client.get("/census/", {"date": "2018-12-01", "since": day})
    assert response.status_code == 200
