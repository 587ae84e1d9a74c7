from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from accounts.views import choose_language
from core.views import media
from thidua.api import api

urlpatterns = [
    path("", include("core.urls")),
    path("tai-khoan/", include("accounts.urls")),
    path("to-chuc/", include("organisations.urls")),
    path("van-ban/", include("documents.urls")),
    path("phong-trao/", include("campaigns.urls")),
    path("khen-thuong/", include("awards.urls")),
    path("", include("publishing.urls")),
    path("bao-cao/", include("reports.urls")),
    path("", include("signing.urls")),
    path("api/v1/", api.urls),
    path("i18n/setlang/", choose_language, name="set_language"),
    path("quan-tri-he-thong/", admin.site.urls),
]

# Uploaded files go through a view: portal images are public, everything else needs a login.
urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media, name="media")]

# A form over the size limit answers 413 with a page saying so (core/errors.py).
handler400 = "core.errors.bad_request"
