from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("qorgau.web.urls")),
]

handler403 = "qorgau.web.views.forbidden"
handler404 = "qorgau.web.views.not_found"
handler500 = "qorgau.web.views.server_error"
