from django.urls import path

from campaigns.views import campaign, clusters, criteria, outreach, registration, reviews, scoring

app_name = "campaigns"

urlpatterns = [
    path("", campaign.index, name="index"),
    path("moi/", campaign.campaign_create, name="campaign_create"),
    path("<int:pk>/", campaign.campaign_page, name="campaign"),
    path("<int:pk>/sua/", campaign.campaign_edit, name="campaign_edit"),
    path("<int:pk>/phat-dong/", campaign.campaign_launch, name="campaign_launch"),
    path("<int:pk>/xep-hang/", campaign.campaign_settings, name="settings"),
    path("<int:pk>/don-vi/<int:unit_pk>/", campaign.unit_page, name="unit_page"),
    # criteria
    path("<int:pk>/tieu-chi/", criteria.criteria_page, name="criteria"),
    path("<int:pk>/tieu-chi/tao/", criteria.criteria_create, name="criteria_create"),
    path("<int:pk>/tieu-chi/sao-chep/", criteria.criteria_copy, name="criteria_copy"),
    path("<int:pk>/tieu-chi/quy-tac/", criteria.criteria_settings, name="criteria_settings"),
    path("<int:pk>/tieu-chi/phien-ban-moi/", criteria.criteria_new_version, name="criteria_new_version"),
    path("<int:pk>/tieu-chi/them/", criteria.criterion_add, name="criterion_add"),
    path("<int:pk>/tieu-chi/<int:criterion_pk>/sua/", criteria.criterion_edit, name="criterion_edit"),
    path("<int:pk>/tieu-chi/<int:criterion_pk>/xoa/", criteria.criterion_delete, name="criterion_delete"),
    # registration
    path("<int:pk>/dang-ky/don-vi/<int:unit_pk>/", registration.registrations, name="registrations"),
    path(
        "<int:pk>/dang-ky/don-vi/<int:unit_pk>/ca-nhan/", registration.register_member, name="register_member"
    ),
    path(
        "<int:pk>/dang-ky/<int:registration_pk>/",
        registration.registration_detail,
        name="registration_detail",
    ),
    # dissemination
    path("<int:pk>/quan-triet/don-vi/<int:unit_pk>/", outreach.reach, name="reach"),
    path("<int:pk>/quan-triet/<int:session_pk>/xoa/", outreach.session_delete, name="session_delete"),
    # scoring
    path("<int:pk>/cham-diem/don-vi/<int:unit_pk>/", scoring.scoring, name="scoring"),
    path(
        "<int:pk>/cham-diem/don-vi/<int:unit_pk>/tieu-chi/<int:criterion_pk>/",
        scoring.score_self,
        name="score_self",
    ),
    path("<int:pk>/cham-diem/don-vi/<int:unit_pk>/nop/", scoring.sheet_submit, name="sheet_submit"),
    path("<int:pk>/cham-diem/diem/<int:score_pk>/xac-nhan/", scoring.score_confirm, name="score_confirm"),
    path("<int:pk>/cham-diem/diem/<int:score_pk>/cham-cheo/", scoring.score_peer, name="score_peer"),
    path("<int:pk>/cham-diem/minh-chung/<int:evidence_pk>/", scoring.evidence_file, name="evidence_file"),
    # clusters
    path("<int:pk>/cum/don-vi/<int:unit_pk>/", clusters.clusters, name="clusters"),
    path("<int:pk>/cum/them/", clusters.cluster_create, name="cluster_create"),
    path("<int:pk>/cum/<int:cluster_pk>/", clusters.cluster_detail, name="cluster_detail"),
    path(
        "<int:pk>/cum/<int:cluster_pk>/nam-sau/", clusters.cluster_roll_forward, name="cluster_roll_forward"
    ),
    path("<int:pk>/co-thi-dua/<int:proposal_pk>/rut/", clusters.flag_withdraw, name="flag_withdraw"),
    # reviews
    path("<int:pk>/so-ket/don-vi/<int:unit_pk>/", reviews.reviews, name="reviews"),
    path(
        "<int:pk>/so-ket/<int:round_pk>/don-vi/<int:unit_pk>/bao-cao.docx",
        reviews.review_docx,
        name="review_docx",
    ),
]
