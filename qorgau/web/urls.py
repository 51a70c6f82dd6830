from django.contrib.auth import views as auth_views
from django.urls import path

from qorgau.campaigns import views as campaigns
from qorgau.documents import review
from qorgau.documents import views as documents
from qorgau.keys import views as keys
from qorgau.records import views as records
from qorgau.resolution import views as resolution

from . import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/panic/", keys.panic_page, name="panic"),
    path("persons/", records.person_list, name="persons"),
    path("persons/new/", records.person_create, name="person_create"),
    path("persons/<str:uid>/", records.person_detail, name="person"),
    path("persons/<str:uid>/edit/", records.person_edit, name="person_edit"),
    path("persons/<str:uid>/names/", records.person_add_name, name="person_add_name"),
    path("persons/<str:uid>/delete/", records.person_delete, name="person_delete"),
    path("acts/new/", records.act_create, name="act_create"),
    path("acts/<str:uid>/edit/", records.act_edit, name="act_edit"),
    path("organisations/", records.organisation_list, name="organisations"),
    path("organisations/new/", records.organisation_create, name="organisation_create"),
    path("organisations/<str:uid>/", records.organisation_detail, name="organisation"),
    path("organisations/<str:uid>/edit/", records.organisation_edit, name="organisation_edit"),
    path("events/", records.event_list, name="events"),
    path("events/new/", records.event_create, name="event_create"),
    path("events/<str:uid>/", records.event_detail, name="event"),
    path("events/<str:uid>/edit/", records.event_edit, name="event_edit"),
    path("provisions/", records.provision_list, name="provisions"),
    path("provisions/new/", records.provision_create, name="provision_create"),
    path("provisions/<str:uid>/", records.provision_detail, name="provision"),
    path("provisions/<str:uid>/edit/", records.provision_edit, name="provision_edit"),
    path("places/<str:uid>/", records.place_detail, name="place"),
    path("documents/", documents.document_list, name="documents"),
    path("documents/new/", documents.document_create, name="document_create"),
    path("documents/upload/", review.upload, name="document_upload"),
    path("documents/queue/", review.review_queue, name="review_queue"),
    path("documents/<str:uid>/", documents.document_detail, name="document"),
    path("documents/<str:uid>/edit/", documents.document_edit, name="document_edit"),
    path("documents/<str:uid>/status/", review.status, name="document_status"),
    path("documents/<str:uid>/review/", review.review_document, name="document_review"),
    path("documents/<str:uid>/review/accept-remaining/", review.accept_remaining, name="document_accept_remaining"),
    path("documents/<str:uid>/review/targets/<int:index>/", review.add_target, name="document_add_target"),
    path("documents/<str:uid>/review/<int:citation_id>/", review.decide, name="proposal_decide"),
    path("campaigns/", campaigns.ua_list, name="uas"),
    path("campaigns/new/", campaigns.ua_create, name="ua_create"),
    path("campaigns/<str:uid>/", campaigns.ua_detail, name="ua"),
    path("campaigns/<str:uid>/edit/", campaigns.ua_edit, name="ua_edit"),
    path("campaigns/<str:uid>/update/", campaigns.ua_issue_update, name="ua_issue_update"),
    path("campaigns/<str:uid>/response/", campaigns.ua_response, name="ua_response"),
    path("campaigns/<str:uid>/print/", campaigns.ua_print, name="ua_print"),
    path("campaigns/<str:uid>/pdf/", campaigns.ua_pdf, name="ua_pdf"),
    path("campaigns/<str:uid>/letters/<str:target_uid>/<str:lang>/", campaigns.ua_letter, name="ua_letter"),
    path("act/<str:uid>/", campaigns.action_page, name="action_page"),
    path("act/<str:uid>/report/", campaigns.report, name="action_report"),
    path("urgent-actions/feed.atom", campaigns.UrgentActionFeed(), name="ua_feed"),
    path("targets/", campaigns.target_list, name="targets"),
    path("targets/new/", campaigns.target_create, name="target_create"),
    path("targets/<str:uid>/edit/", campaigns.target_edit, name="target_edit"),
    path("resolution/", resolution.queue, name="resolution_queue"),
    path("resolution/<int:candidate_id>/judge/", resolution.judge, name="resolution_judge"),
    path("resolution/merges/<int:merge_id>/unmerge/", resolution.unmerge, name="resolution_unmerge"),
    path("api/persons/", views.api_persons, name="api_persons"),
    path("api/persons/<str:uid>/", views.api_person, name="api_person"),
]
