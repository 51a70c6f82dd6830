"""Docs that tests keep honest: every command and setting is documented."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    commands = {p.stem for p in ROOT.glob("qorgau/*/management/commands/*.py") if not p.stem.startswith("_")}
    assert {"init", "serve", "demo", "export", "import"} <= commands
    for command in commands:
        assert re.search(rf"^\s+{command}\b", readme, re.M), f"`qorgau {command}` is not in the README"


def test_every_setting_is_documented():
    settings = (ROOT / "qorgau" / "settings.py").read_text()
    documented = (ROOT / "docs" / "settings.md").read_text()
    for name in set(re.findall(r'env(?:_bool)?\("([A-Z_]+)"', settings)):
        assert f"QORGAU_{name}" in documented, f"QORGAU_{name} is not in docs/settings.md"


def test_the_readme_test_command_is_what_ci_runs():
    assert "make test" in (ROOT / "README.md").read_text()
    assert "make test" in (ROOT / ".ci" / "run").read_text()
