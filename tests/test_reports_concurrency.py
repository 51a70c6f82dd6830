"""No report is lost when many supporters report at once."""

import re
import threading
import urllib.request
from http.cookiejar import CookieJar
from urllib.parse import urlencode

import pytest
from django.db.models import Sum

from qorgau.campaigns.models import ActionReport, UrgentAction

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_concurrent_reports_are_all_counted(live_demo, live_server, settings):
    settings.QORGAU_REPORT_RATE = (0, 600)
    UrgentAction.objects.filter(uid="ua_63_18").update(status="open")  # the demo's is closed
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{live_server.url}/act/ua_63_18/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urlencode({"channel": "email", "count": 2, "csrfmiddlewaretoken": token}).encode()
    statuses, lock = [], threading.Lock()

    def supporter():
        for _ in range(15):
            req = urllib.request.Request(f"{live_server.url}/act/ua_63_18/report/", data=body,
                                         headers={"Referer": live_server.url + "/"})
            try:
                status = opener.open(req, timeout=30).status
            except urllib.error.HTTPError as error:
                status = error.code
            with lock:
                statuses.append(status)

    threads = [threading.Thread(target=supporter) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert statuses.count(200) == 120  # each 303 was followed to the thank-you page
    assert ActionReport.objects.filter(urgent_action__uid="ua_63_18").aggregate(n=Sum("count"))["n"] == 240
