from django.urls import path

from signing import views

app_name = "signing"

urlpatterns = [
    path("xac-minh/<str:code>/", views.verify, name="verify"),
    path("tra-cuu-khen-thuong/", views.lookup, name="lookup"),
    path("khen-thuong/quyet-dinh/<int:pk>/ky-so/", views.sign_decision, name="sign_decision"),
    path("khen-thuong/ban-ky-so/<int:pk>/", views.certificate_file, name="certificate_file"),
    path("to-chuc/don-vi/<int:pk>/chung-thu-so/", views.unit_identities, name="unit_identities"),
    path("van-ban/<int:pk>/ky-so/", views.sign_document, name="sign_document"),
    path("khen-thuong/hoi-dong/<int:pk>/ky-so/", views.sign_minutes, name="sign_minutes"),
]
