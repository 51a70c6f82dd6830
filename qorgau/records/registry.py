"""What higher apps add to records without records importing them (docs/architecture.md): the sections of a
person's page, and the listeners that keep data derived from a person's names.

Nothing is imported here: apps register by dotted path when Django starts (AppConfig.ready), and the path is
imported when first needed (a person page shown, a person's names indexed) — so starting a command does not import
every app's pages and helpers.
"""

import importlib

# "module.function" paths, then the functions: (request, person) -> extra context for the person page, in order.
person_sections = []
# Module paths, then the modules: each with refresh(persons), forget(person) and rebuild(), called when a person's
# search rows change (records/indexing.py).
person_listeners = []


def person_section(path):
    """Register a person-page section by the dotted path of its function (once)."""
    if path not in person_sections and path not in [f"{f.__module__}.{f.__name__}" for f in person_sections
                                                    if not isinstance(f, str)]:
        person_sections.append(path)


def sections():
    """The sections as functions, in the order registered (each imported on first use)."""
    for index, item in enumerate(person_sections):
        if isinstance(item, str):
            module, _, name = item.rpartition(".")
            person_sections[index] = getattr(importlib.import_module(module), name)
    return person_sections


def person_listener(path):
    """Register a listener of a person's names by its module's dotted path (once)."""
    if path not in person_listeners and path not in [m.__name__ for m in person_listeners if not isinstance(m, str)]:
        person_listeners.append(path)


def listeners():
    """The listeners as modules, in the order registered (each imported on first use)."""
    for index, item in enumerate(person_listeners):
        if isinstance(item, str):
            person_listeners[index] = importlib.import_module(item)
    return person_listeners
