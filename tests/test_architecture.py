"""Layers: an app imports only apps below it, so there is no import cycle between apps (docs/architecture.md)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "qorgau"
# Lowest first. `web` is the top: it may import everything.
LAYERS = ["lib", "throttle", "audit", "accounts", "records", "documents", "campaigns", "resolution", "analysis",
          "interchange", "web"]
# Upward imports that exist today, each inside a function (so there is no import-time cycle), with the reason.
# Any other upward import fails this test; removing one of these is welcome (then remove it here).
KNOWN_UPWARD = {
    ("records.actions", "documents"): "a document is a record: record actions create, update and index documents",
    ("records.indexing", "documents"): "the search index covers documents too",
    ("documents.review", "campaigns"): "reviewing adds an office the document names to the directory of targets",
    ("documents.pipeline", "resolution"): "after extraction, new persons are matched against the others",
    ("documents.management.commands.evaluate", "resolution"): "qorgau evaluate also scores the resolver",
    ("documents.evaluation", "resolution"): "the evaluation clusters mentions with the resolver's own blocking keys, "
                                             "so it misses what `resolve` misses and no more",
    ("accounts.management.commands.users", "web"): "`qorgau users token NAME` makes a read-API token, which lives "
                                                   "with the API in web",
}


def imports_of(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def app_of(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "qorgau" and parts[1] in LAYERS else None


def test_no_app_imports_a_higher_one():
    found = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] not in LAYERS or "migrations" in relative.parts:
            continue
        module = ".".join(relative.with_suffix("").parts)
        here = LAYERS.index(relative.parts[0])
        for imported in imports_of(path):
            app = app_of(imported)
            if app is not None and LAYERS.index(app) > here:
                found.add((module, app))
    assert found - set(KNOWN_UPWARD) == set(), "upward imports (see docs/architecture.md)"
    assert set(KNOWN_UPWARD) <= found, "an upward import is gone: remove it from KNOWN_UPWARD"


def test_the_person_page_does_not_import_resolution_yet_shows_its_section():
    """records.views once imported resolution.views, which imported records.views: the section is now
    registered by resolution when Django starts."""
    assert not [m for m in imports_of(PACKAGE / "records" / "views.py") if "resolution" in m]
    from qorgau.records.registry import sections
    from qorgau.resolution.views import possible_duplicates

    assert possible_duplicates in sections()


def test_starting_django_imports_no_app_pages_yet_the_person_page_has_every_section():
    """Every command starts Django; the apps register their person-page sections and name listeners by path, so no
    app's pages (views and what they import) nor the resolver's blocking keys are loaded at start-up — yet the person
    page finds every section, in order, and indexing a person's names every listener."""
    import subprocess
    import sys

    code = ("import sys, django; django.setup(); "
            "loaded = sorted(m for m in sys.modules if m.startswith('qorgau.') and "
            "(m.endswith('.views') or m == 'qorgau.resolution.blocking')); print(loaded); "
            "from qorgau.records.registry import listeners, sections; "
            "print([f.__module__ + '.' + f.__name__ for f in sections()]); print([m.__name__ for m in listeners()])")
    env = {**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "qorgau.settings"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                         cwd=PACKAGE.parent)
    assert out.returncode == 0, out.stderr
    loaded, found, names = out.stdout.splitlines()
    assert loaded == "[]"
    assert found == str(["qorgau.documents.views.attachments_section", "qorgau.resolution.views.possible_duplicates",
                         "qorgau.analysis.views.list_memberships"])
    assert names == str(["qorgau.resolution.blocking"])
