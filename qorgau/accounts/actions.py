from django.core.exceptions import ValidationError
from django.db import transaction

from qorgau.audit.log import write_entry

from .models import User


@transaction.atomic
def do_create_user(*, username, password, role, cleared=False, actor):
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": f"There is already an account called {username}."})
    user = User(username=username, role=role, cleared_confidential=cleared)
    user.set_password(password)
    user.save()
    write_entry("create", actor=actor, record_type="User", record_uid=username,
                changes={"role": role, "cleared": cleared})
    return user


@transaction.atomic
def do_set_clearance(user, *, cleared, actor):
    user.cleared_confidential = cleared
    user.save(update_fields=["cleared_confidential"])
    write_entry("clearance", actor=actor, record_type="User", record_uid=user.username, changes={"cleared": cleared})
    return user
