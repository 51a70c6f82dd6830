

def run_rolled_back(django_db_blocker, run):
    """`run(actor)` inside a transaction that is rolled back, as user "alice" (the generated sets' module fixtures:
    documents ingested and resolved together in one database, nothing kept for the next module)."""
    from django.db import transaction

    from qorgau.accounts.models import User

    with django_db_blocker.unblock():
        with transaction.atomic():
            result = run(User.objects.get(username="alice"))
            transaction.set_rollback(True)
    return result
