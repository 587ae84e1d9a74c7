from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bang.xlsx", views.table_xlsx, name="table_xlsx"),
    path("chi-tiet/<slug:kind>/", views.records, name="records"),
    path("so-ket-tong-ket/", views.index, name="index"),
    path("so-ket-tong-ket/tao/", views.generate, name="generate"),
    path("so-ket-tong-ket/<int:pk>/", views.job, name="job"),
    path("so-ket-tong-ket/<int:pk>/tai-ve/", views.job_download, name="job_download"),
]
