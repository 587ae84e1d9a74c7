from django.urls import path

from awards import views

app_name = "awards"

urlpatterns = [
    path("", views.index, name="index"),
    path("dot/them/", views.round_create, name="round_create"),
    path("dot/<int:pk>/", views.round_detail, name="round_detail"),
    path("dot/<int:pk>/lap-ho-so/", views.batch_create, name="batch_create"),
    path("ho-so/<int:pk>/", views.batch_detail, name="batch_detail"),
    path("ho-so/<int:pk>/de-nghi/", views.nomination_create, name="nomination_create"),
    path("ho-so/<int:pk>/bien-ban/", views.batch_minutes, name="batch_minutes"),
    path("ho-so/<int:pk>/gui/", views.batch_submit, name="batch_submit"),
    path("ho-so/<int:pk>/chuyen/", views.batch_forward, name="batch_forward"),
    path("ho-so/<int:pk>/tra-lai/", views.batch_return, name="batch_return"),
    path("de-nghi/", views.nomination_list, name="nomination_list"),
    path("de-nghi/<int:pk>/", views.nomination_detail, name="nomination_detail"),
    path("de-nghi/<int:pk>/loai/", views.nomination_cut, name="nomination_cut"),
    path("de-nghi/<int:pk>/rut/", views.nomination_withdraw, name="nomination_withdraw"),
    path("hoi-dong/them/", views.session_create, name="session_create"),
    path("hoi-dong/<int:pk>/", views.session_detail, name="session_detail"),
    path("hoi-dong/<int:pk>/ket-thuc/", views.session_close, name="session_close"),
    path("hoi-dong/<int:pk>/bien-ban.docx", views.session_minutes, name="session_minutes"),
    path("hoi-dong/<int:pk>/quyet-dinh/", views.decision_create, name="decision_create"),
    path("bieu-quyet/<int:pk>/", views.vote, name="vote"),
    path("quyet-dinh/", views.decision_list, name="decision_list"),
    path("quyet-dinh/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("quyet-dinh/<int:pk>/quyet-dinh.docx", views.decision_docx, name="decision_docx"),
    path("quyet-dinh/<int:pk>/quyet-dinh.pdf", views.decision_pdf, name="decision_pdf"),
    path("quyet-dinh/<int:pk>/bang-khen.pdf", views.decision_certificates, name="decision_certificates"),
    path("quyet-dinh/<int:pk>/thu-hoi/", views.decision_revoke, name="decision_revoke"),
    path("quyet-dinh/<int:pk>/dinh-chinh/", views.decision_correct, name="decision_correct"),
    path("mau-bang-khen/", views.certificate_templates, name="certificate_templates"),
    path("lich-su/", views.history, name="history"),
    path("lich-su/doan-vien/<int:pk>/", views.member_history, name="member_history"),
    path("lich-su/don-vi/<int:pk>/", views.unit_history, name="unit_history"),
    path("lich-su/nhap/", views.history_import, name="history_import"),
    path("lich-su/nhap/<int:pk>/xac-nhan/", views.history_import_confirm, name="history_import_confirm"),
    path("quy-tac/", views.rules, name="rules"),
    path("quy-tac/hinh-thuc/<int:pk>/tien-thuong/", views.form_money, name="form_money"),
]
