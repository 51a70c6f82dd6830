from datetime import date, timedelta

from django.core.management.base import BaseCommand

from qorgau.campaigns.models import UAStatus, UrgentAction
from qorgau.lib.dates import display_date


def due(today, days):
    """Open or updated UAs whose deadline is within `days` days or past, soonest first."""
    horizon = (today + timedelta(days=days)).isoformat()
    uas = UrgentAction.objects.exclude(status=UAStatus.CLOSED).exclude(deadline="").filter(deadline__lte=horizon)
    return sorted(uas, key=lambda ua: ua.deadline)


class Command(BaseCommand):
    help = "Work with Urgent Actions. `qorgau campaigns due` lists open ones whose deadline is near or past."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["due"])
        parser.add_argument("--days", type=int, default=7, help="how far ahead counts as near (default 7)")
        parser.add_argument("--today", help="(for testing) the date to count from, YYYY-MM-DD")

    def handle(self, *args, action, days=7, today=None, **options):
        today = date.fromisoformat(today) if today else date.today()
        rows = due(today, days)
        if not rows:
            self.stdout.write(f"No open Urgent Action is due within {days} days.")
            return
        for ua in rows:
            year, month, day = (ua.deadline.split("-") + ["01", "01"])[:3]  # a month-only deadline: its first day
            deadline = date(int(year), int(month), int(day))
            delta = (deadline - today).days
            when = f"{-delta} days overdue" if delta < 0 else ("due today" if delta == 0 else f"due in {delta} days")
            number = f"UA {ua.number}" + (f" (update {ua.update})" if ua.update else "")
            self.stdout.write(f"{number:<22} {when:<18} deadline {display_date(ua.deadline):<18} {ua.get_status_display():<8} {ua.title}")
