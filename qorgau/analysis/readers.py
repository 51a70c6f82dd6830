"""Who a command reads as: the operator at the console sees everything; `--public` reads as an anonymous visitor."""

from django.contrib.auth.models import AnonymousUser


class Operator:
    """The person running a command on the server: they hold the database, so they may read all of it."""

    is_authenticated = True
    is_active = True
    cleared_confidential = True
    pk = None
    username = "cli"

    def __str__(self):
        return "cli"


def reader_for(public):
    return AnonymousUser() if public else Operator()
