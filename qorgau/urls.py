from django.urls import include, path

urlpatterns = [
    path("", include("qorgau.web.urls")),
]
