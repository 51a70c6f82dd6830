from django.contrib.auth import views as auth_views
from django.urls import path, register_converter

from qorgau.analysis import views as analysis
from qorgau.lib.identifiers import uid_pattern
from qorgau.accounts import views as accounts
from qorgau.campaigns import views as campaigns
from qorgau.documents import review
from qorgau.documents import views as documents
from qorgau.keys import views as keys
from qorgau.records import views as records
from qorgau.resolution import views as resolution

from . import api, bulk, listing, tables, views


class _PublicId:
    """A random public id of one kind (`cnd_…`, `mrg_…`, `rel_…`, `cit_…`): a row number matches no address, so it answers
    404 to everyone, signed in or not, whatever they may do or read (session 16 audit)."""

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


for _name, _prefix in (("candidate", "cnd_"), ("merge", "mrg_"), ("relation", "rel_"),
                        ("citation", "cit_")):
    register_converter(type(f"_PublicId_{_name}", (_PublicId,), {"regex": uid_pattern(_prefix)}), _name)


app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("login/verify/", accounts.verify, name="login_verify"),
    path("login/enrol/", accounts.enrol, name="login_enrol"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/password/", views.password_change, name="password_change"),
    path("admin/panic/", keys.panic_page, name="panic"),
    path("persons/", listing.person_list, name="persons"),
    path("persons/new/", records.person_create, name="person_create"),
    path("persons/suggest/", campaigns.person_suggest, name="person_suggest"),
    path("persons/<str:uid>/", records.person_detail, name="person"),
    path("persons/<str:uid>/custody/", analysis.person_custody, name="person_custody"),
    path("persons/<str:uid>/edit/", records.person_edit, name="person_edit"),
    path("persons/<str:uid>/names/", records.person_add_name, name="person_add_name"),
    path("persons/<str:uid>/delete/", records.person_delete, name="person_delete"),
    path("persons/<str:uid>/relatives/", records.person_add_relative, name="person_add_relative"),
    path("persons/<str:uid>/attachments/", documents.attachment_upload, name="attachment_upload"),
    path("relations/<relation:relation_id>/delete/", records.relation_remove, name="relation_remove"),
    path("attachments/<str:attachment_id>/", documents.attachment_file, name="attachment"),
    path("attachments/<str:attachment_id>/delete/", documents.attachment_delete, name="attachment_delete"),
    path("acts/", listing.act_list, name="acts"),
    path("export/<str:kind>.<str:fmt>", listing.export_list, name="export_list"),
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
    path("places/", records.place_list, name="places"),
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
    path("documents/<str:uid>/review/<citation:citation_id>/", review.decide, name="proposal_decide"),
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
    path("resolution/<candidate:candidate_id>/judge/", resolution.judge, name="resolution_judge"),
    path("resolution/judge/", resolution.judge_many, name="resolution_judge_many"),
    path("resolution/run/", resolution.run, name="resolution_run"),
    path("resolution/merges/<merge:merge_id>/unmerge/", resolution.unmerge, name="resolution_unmerge"),
    path("statistics/", analysis.statistics, name="statistics"),
    path("statistics/<slug:key>.csv", analysis.statistics_csv, name="statistics_csv"),
    path("statistics/charts/save/", analysis.chart_save, name="chart_save"),
    path("statistics/charts/<str:chart_id>/", analysis.chart_page, name="chart"),
    path("statistics/charts/<str:chart_id>/embed/", analysis.chart_embed, name="chart_embed"),
    path("statistics/opendata/", analysis.opendata_index, name="opendata"),
    path("statistics/opendata/publish/", analysis.opendata_publish, name="opendata_publish"),
    path("statistics/opendata/<str:name>", analysis.opendata_download, name="opendata_download"),
    path("briefings/", analysis.briefing_page, name="briefing"),
    path("census/", analysis.census_page, name="census"),
    path("lists/", analysis.list_index, name="lists"),
    path("lists/<slug:slug>/", analysis.list_page, name="list"),
    path("lists/entries/<str:uid>/remove/", analysis.list_entry_remove, name="list_entry_remove"),
    path("lists/entries/<str:uid>/change/", analysis.list_entry_change, name="list_entry_change"),
    path("import/", tables.import_table, name="import_table"),
    path("bulk/", bulk.bulk, name="bulk"),
    path("deleted/", records.deleted_list, name="deleted"),
    path("deleted/<str:uid>/restore/", records.restore_record, name="restore_record"),
    path("api/", api.index, name="api"),
    path("api/tokens/", api.token_page, name="api_tokens"),
    path("api/<str:kind>/", api.record_list, name="api_list"),
    path("api/<str:kind>/<str:uid>/", api.record_detail, name="api_detail"),
]
