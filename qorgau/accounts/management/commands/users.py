from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from qorgau.accounts import actions
from qorgau.accounts.models import User

VERBS = {
    "deactivate": "the account can no longer sign in; its sessions end",
    "revoke-clearance": "the account no longer reads confidential records; its sessions end",
    "end-sessions": "every session signed in as this account ends, and its read-API tokens are revoked",
    "reset-two-factor": "forget the authenticator app and recovery codes (enrol again at next sign-in); "
                        "its sessions end and its read-API tokens are revoked",
    "unlock": "lift a sign-in lockout on this account",
    "set-password": "set a new password (asked twice, or the first line of --password-file); its sessions end "
                    "and its read-API tokens are revoked",
    "token": "make a read-API token for this account's scripts (shown once); --revoke PREFIX revokes one",
    "tokens": "list this account's read-API tokens",
}


class Command(BaseCommand):
    help = ("Staff accounts: list them, or deactivate, revoke clearance, end sessions, reset two-factor, unlock, "
            "set a new password.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["list", *VERBS],
                            help="list | " + " | ".join(f"{verb} NAME ({what})" for verb, what in VERBS.items()))
        parser.add_argument("username", nargs="?")
        parser.add_argument("--label", default="", help="token: what the token is for")
        parser.add_argument("--revoke", metavar="PREFIX", help="token: revoke the token starting with PREFIX")
        parser.add_argument("--password-file", metavar="FILE",
                            help="set-password: read the new password from the first line of FILE ('-': standard "
                                 "input)")

    def handle(self, *args, action, username=None, label="", revoke=None, password_file=None, **options):
        if action == "list":
            return self.list()
        if not username:
            raise CommandError(f"Say which account: qorgau users {action} NAME")
        try:
            user = actions.get_user_named(username)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from None
        if action == "deactivate":
            actions.do_deactivate_user(user, actor="cli")
            self.stdout.write(f"Deactivated {username}; their sessions ended.")
        elif action == "revoke-clearance":
            actions.do_set_clearance(user, cleared=False, actor="cli")
            self.stdout.write(f"{username} is no longer cleared for confidential records; their sessions ended.")
        elif action == "end-sessions":
            count = actions.do_end_sessions(user, actor="cli")
            # A token made from a stolen session reads as the account without a second factor: it ends too.
            revoked = self.revoke_all_tokens(user)
            self.stdout.write(f"Ended {count} session(s) of {username} and revoked {revoked} read-API token(s).")
        elif action == "reset-two-factor":
            actions.do_reset_two_factor(user, actor="cli")
            # A lost phone may be a stolen one, with the laptop: what was made while signed in ends with it.
            revoked = self.revoke_all_tokens(user)
            self.stdout.write(f"{username} will set up two-factor sign-in again at their next sign-in; "
                              f"{revoked} read-API token(s) revoked.")
        elif action in ("token", "tokens"):
            self.tokens(user, action, label, revoke)
        elif action == "set-password":
            self.set_password(user, password_file)
        elif action == "unlock":
            actions.do_unlock_user(user, actor="cli")
            self.stdout.write(f"Sign-in for {username} is unlocked.")

    def revoke_all_tokens(self, user):
        from qorgau.web import actions as tokens

        return tokens.do_revoke_tokens_of(user, actor="cli")

    def set_password(self, user, password_file):
        """A new password asked for twice in a terminal, or the first line of --password-file ('-': standard input),
        as `qorgau createuser` reads one (never on the command line)."""
        from django.db import transaction

        from .createuser import Command as CreateUser

        password = CreateUser(stdout=self.stdout, stderr=self.stderr).read_password(password_file)
        try:
            with transaction.atomic():
                ended = actions.do_change_password(user, password=password, actor="cli")
                revoked = self.revoke_all_tokens(user)
        except ValidationError as error:
            raise CommandError("Password not changed: " + " ".join(error.messages)) from None
        self.stdout.write(f"New password set for {user.username}; {ended} session(s) ended and {revoked} "
                          f"read-API token(s) revoked.")

    def tokens(self, user, action, label, revoke):
        from qorgau.web import actions as tokens
        from qorgau.web.models import ApiToken

        if action == "tokens":
            for token in ApiToken.objects.filter(user=user):
                state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "live"
                used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never used"
                self.stdout.write(f"{token.prefix}…  {state}  {used}  {token.label}")
        elif revoke:
            found = [t for t in ApiToken.objects.filter(user=user, revoked_at__isnull=True)
                     if t.prefix.startswith(revoke) or revoke.startswith(t.prefix)]
            if len(found) != 1:
                raise CommandError(f"No single live token of {user.username} starts with {revoke}.")
            tokens.do_revoke_token(found[0], actor="cli")
            self.stdout.write(f"Revoked {found[0].prefix}… of {user.username}.")
        else:
            _token, raw = tokens.do_create_token(user, actor="cli", label=label)
            self.stdout.write(raw)
            self.stderr.write(f"A read-API token for {user.username}, shown once: keep it where scripts read it.")

    def list(self):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from qorgau.accounts import twofactor

        enrolled = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
        rows = [("name", "role", "cleared", "active", "two-factor", "last sign-in")]
        for user in User.objects.order_by("username"):
            if user.pk in enrolled:
                second = "enrolled"
            else:
                second = "required, not enrolled" if twofactor.required_for(user) else "-"
            rows.append((user.username, user.role, "yes" if user.cleared_confidential else "no",
                         "yes" if user.is_active else "no", second,
                         user.last_login.strftime("%Y-%m-%d %H:%M") if user.last_login else "never"))
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
