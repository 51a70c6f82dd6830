"""A keyed blind index for confidential search rows.

A confidential row of the search index holds, instead of its words, tokens
HMAC(index key, prefix) for every prefix of every word (up to PREFIX_MAX letters):
a query word w matches an indexed word v exactly when v starts with w, as the plain
index's prefix search does, yet the row shows no word to whoever copies the database.
What it still shows: how many distinct prefixes a row has, and that two rows share
one. The index key is in the keyring and never rotates with the data keys.
"""

import hashlib
import hmac

from . import keyring

PREFIX_MAX = 24
LETTERS = "abcdefghijklmnop"


def token(word):
    digest = hmac.new(keyring.secret("index"), word[:PREFIX_MAX].encode("utf-8"), hashlib.sha256).digest()
    # Letters only: one word for both SQLite FTS5 and PostgreSQL's 'simple' parser.
    return "q" + "".join(LETTERS[b >> 4] + LETTERS[b & 15] for b in digest[:7])


def blind_terms(terms):
    """The tokens of a space-separated string of folded words (as `search_terms` returns)."""
    seen = []
    known = set()
    for word in terms.split():
        for end in range(1, min(len(word), PREFIX_MAX) + 1):
            prefix = word[:end]
            if prefix not in known:
                known.add(prefix)
                seen.append(token(prefix))
    return " ".join(seen)
