from django.urls import include, path

from qorgau.accounts.views import set_language
from qorgau.web.views import favicon

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("favicon.ico", favicon, name="favicon"),
    path("", include("qorgau.web.urls")),
]

handler403 = "qorgau.web.views.forbidden"
handler404 = "qorgau.web.views.not_found"
handler500 = "qorgau.web.views.server_error"
