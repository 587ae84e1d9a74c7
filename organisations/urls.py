from django.urls import path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("don-vi/", views.unit_list, name="unit_list"),
    path("don-vi/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("don-vi/<int:pk>/don-vi-con/", views.unit_children, name="unit_children"),
    path("don-vi/<int:parent_pk>/them/", views.unit_create, name="unit_create"),
    path("don-vi/<int:pk>/sua/", views.unit_edit, name="unit_edit"),
    path("don-vi/<int:pk>/chuyen/", views.unit_move, name="unit_move"),
    path("don-vi/<int:pk>/ket-thuc/", views.unit_end, name="unit_end"),
    path("don-vi/<int:pk>/lich-su/", views.unit_history, name="unit_history"),
    path("don-vi/<int:unit_pk>/doan-vien/them/", views.member_edit, name="member_create"),
    path("don-vi/<int:unit_pk>/nhap-doan-vien/", views.member_import, name="member_import"),
    path(
        "don-vi/<int:unit_pk>/nhap-doan-vien/mau.xlsx",
        views.member_import_template,
        name="member_import_template",
    ),
    path("nhap-doan-vien/<int:pk>/xac-nhan/", views.member_import_confirm, name="member_import_confirm"),
    path("nhap-doan-vien/<int:pk>/", views.member_import_status, name="member_import_status"),
    path("nhap-doan-vien/<int:pk>/thu-lai/", views.member_import_retry, name="member_import_retry"),
    path("loai-don-vi/", views.unittype_list, name="unittype_list"),
    path("loai-don-vi/them/", views.unittype_edit, name="unittype_create"),
    path("loai-don-vi/<int:pk>/", views.unittype_edit, name="unittype_edit"),
    path("doan-vien/", views.member_list, name="member_list"),
    path("chon/don-vi/", views.unit_search, name="unit_search"),
    path("chon/doan-vien/", views.member_search, name="member_search"),
    path("doan-vien/<int:pk>/", views.member_detail, name="member_detail"),
    path("doan-vien/<int:pk>/sua/", views.member_edit, name="member_edit"),
    path("doan-vien/<int:pk>/lich-su/", views.member_history, name="member_history"),
]
