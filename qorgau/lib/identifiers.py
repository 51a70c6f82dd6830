"""Stable record identifiers with a prefix per type (per_, org_, act_ …)."""

import re
import secrets

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
assert len(ALPHABET) == 32   # 5 bits a character: 12 characters are 60 random bits


def new_uid(prefix):
    # One draw of 60 random bits, cut into 12 characters of 5 bits: the same uniform choice over the 32**12
    # identifiers as 12 secrets.choice calls, in one call to the system's random source.
    bits = secrets.randbits(60)
    return prefix + "".join(ALPHABET[(bits >> shift) & 31] for shift in range(0, 60, 5))


def uid_pattern(prefix):
    """The regular expression every identifier `new_uid(prefix)` makes matches, and nothing else of that prefix (a
    row number never): for URL converters and form values."""
    return re.escape(prefix) + "[" + ALPHABET + "]{12}"
