"""`re`, with compiled patterns kept across processes (start-up speed of `qorgau ingest`, issue 11).

The extraction rules build several hundred patterns from the lexicons at import; compiling them (parsing and code
generation, pure Python in CPython's `re`) was about half a second of every `qorgau` process's start. This module is
`re` with one difference: `compile` keeps the compiled program of each (pattern, flags) in a file next to this
module's bytecode (`__pycache__/qorgau-patterns.<interpreter>.marshal`, like a .pyc), and a later process rebuilds the
pattern from it with the engine's own constructor instead of compiling it again.

Safety: the file is keyed by the interpreter (its version and the regular-expression engine's MAGIC number, which
changes whenever the program format does) and by each pattern's exact text and flags, so an edited lexicon or
another Python compiles afresh; a pattern is stored only after the rebuilt object was checked equal to what
`re.compile` returns (Pattern equality compares the text, the flags and the compiled program); an unreadable,
unwritable or foreign file is ignored (compiling as `re` does). Set QORGAU_PATTERN_CACHE to another file, or to
"" to switch the cache off.

Use: `from qorgau.lib import patterns as re` — every other name is `re`'s own.
"""

import atexit
import marshal
import os
import re as _re
import sys
from pathlib import Path
from re import *  # noqa: F401,F403 — this module stands in for `re`
from re import error, escape, Match, Pattern, RegexFlag  # noqa: F401 — not all in re.__all__ on every version

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation or layout: plain `re`
    _sre = _compiler = _parser = None

_SIGNATURE = (sys.implementation.name, sys.version, getattr(_sre, "MAGIC", None))
_DEFAULT = Path(__file__).resolve().parent / "__pycache__" / f"qorgau-patterns.{sys.implementation.cache_tag}.marshal"
_state = {"loaded": None, "new": {}, "used": set()}


def _path():
    configured = os.environ.get("QORGAU_PATTERN_CACHE")
    if configured is not None:
        return Path(configured) if configured else None
    return _DEFAULT


def _loaded():
    if _state["loaded"] is None:
        _state["loaded"] = {}
        path = _path()
        try:
            if path is not None and path.exists():
                signature, entries = marshal.loads(path.read_bytes())
                if signature == _SIGNATURE and isinstance(entries, dict):
                    _state["loaded"] = entries
        except Exception:  # a damaged or foreign file: compile as re does
            _state["loaded"] = {}
    return _state["loaded"]


def compile(pattern, flags=0):  # noqa: A001 — re.compile's name
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str) or flags & _re.DEBUG or _path() is None:
        return _re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _loaded().get(key) or _state["new"].get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, *entry)
            _state["used"].add(key)
            return compiled
        except Exception:
            pass
    compiled = _re.compile(pattern, flags)  # raises re.error on a bad pattern, as re does
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | parsed.state.flags), [int(c) for c in code], int(parsed.state.groups - 1), groupindex,
                 tuple(indexgroup))
        if _sre.compile(pattern, *entry) == compiled:
            _state["new"][key] = entry
            _state["used"].add(key)
    except Exception:
        pass
    return compiled


def derived(kind, pattern, flags, compute):
    """`compute()`, a pure function of the pattern's text and flags (what `qorgau.lib.prefilter` reads from its parse
    tree: a start-up cost of ~0.1 s, pure Python), kept in the same file as the compiled programs, under the key
    (kind, pattern, flags): a later process reads it instead of parsing the pattern again. The value must be one
    `marshal` keeps (None, str, tuple, frozenset of str); the file is keyed by the interpreter as the programs are."""
    if not isinstance(pattern, str) or _path() is None:
        return compute()
    key = (kind, pattern, int(flags))
    entry = _loaded().get(key) or _state["new"].get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == "derived":
        _state["used"].add(key)
        return entry[1]
    value = compute()
    try:
        marshal.dumps(value)
    except ValueError:   # not a value the file can keep: computed each time
        return value
    _state["new"][key] = ("derived", value)
    _state["used"].add(key)
    return value


def _save():
    path = _path()
    if path is None or not _state["new"]:
        return
    entries = dict(_loaded())
    entries.update(_state["new"])
    if len(entries) > 4 * max(len(_state["used"]), 1):  # lexicons changed many times: keep what this run used
        entries = {key: entries[key] for key in _state["used"] if key in entries}
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_SIGNATURE, entries)))
        os.replace(temporary, path)
    except Exception:  # a read-only installation: compile each time
        try:
            temporary.unlink()
        except Exception:
            pass


atexit.register(_save)
