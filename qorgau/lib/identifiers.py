"""Stable record identifiers with a prefix per type (per_, org_, act_ …)."""

import secrets

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def new_uid(prefix):
    return prefix + "".join(secrets.choice(ALPHABET) for _ in range(12))
