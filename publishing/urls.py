from django.urls import path

from publishing.feeds import LatestArticlesAtomFeed, LatestArticlesFeed
from publishing.views import articles, bulletins, models, portal

app_name = "publishing"

urlpatterns = [
    # Management (signed in)
    path("tin-bai/", articles.article_list, name="article_list"),
    path("tin-bai/viet-bai/", articles.article_create, name="article_create"),
    path("tin-bai/<int:pk>/", articles.article_detail, name="article_detail"),
    path("tin-bai/<int:pk>/sua/", articles.article_edit, name="article_edit"),
    path("tin-bai/<int:pk>/lich-su/", articles.article_history, name="article_history"),
    path("tin-bai/<int:pk>/anh/", articles.article_image_add, name="article_image_add"),
    path(
        "tin-bai/<int:pk>/anh/<int:image_pk>/xoa/", articles.article_image_delete, name="article_image_delete"
    ),
    path("tin-bai/<int:pk>/chuyen/<slug:action>/", articles.article_transition, name="article_transition"),
    path("dien-hinh/", models.model_list, name="model_list"),
    path("dien-hinh/them/", models.model_edit, name="model_create"),
    path("dien-hinh/<int:pk>/", models.model_detail, name="model_detail"),
    path("dien-hinh/<int:pk>/sua/", models.model_edit, name="model_edit"),
    path("dien-hinh/<int:pk>/lich-su/", models.model_history, name="model_history"),
    path("dien-hinh/<int:pk>/chuyen-giai-doan/", models.model_advance, name="model_advance"),
    path("dien-hinh/<int:pk>/minh-chung/", models.model_evidence_add, name="model_evidence_add"),
    path(
        "dien-hinh/<int:pk>/minh-chung/<int:evidence_pk>/",
        models.model_evidence_download,
        name="model_evidence",
    ),
    path("dien-hinh/<int:pk>/nhan-rong/", models.model_replication_add, name="model_replication_add"),
    path("ban-tin/", bulletins.bulletin_list, name="bulletin_list"),
    path("ban-tin/tao/", bulletins.bulletin_create, name="bulletin_create"),
    path("ban-tin/<int:pk>/", bulletins.bulletin_detail, name="bulletin_detail"),
    path(
        "ban-tin/<int:pk>/bai/<int:entry_pk>/len/",
        bulletins.bulletin_entry_move,
        {"direction": "up"},
        name="bulletin_entry_up",
    ),
    path(
        "ban-tin/<int:pk>/bai/<int:entry_pk>/xuong/",
        bulletins.bulletin_entry_move,
        {"direction": "down"},
        name="bulletin_entry_down",
    ),
    path(
        "ban-tin/<int:pk>/bai/<int:entry_pk>/bo/",
        bulletins.bulletin_entry_remove,
        name="bulletin_entry_remove",
    ),
    path("ban-tin/<int:pk>/tao-pdf/", bulletins.bulletin_generate, name="bulletin_generate"),
    path("ban-tin/<int:pk>/pdf/", bulletins.bulletin_pdf, name="bulletin_pdf"),
    # The public portal
    path("cong-thong-tin/", portal.portal_home, name="portal_home"),
    path("cong-thong-tin/dien-hinh/<int:pk>/", portal.portal_model, name="portal_model"),
    path("cong-thong-tin/tim-kiem/", portal.portal_search, name="portal_search"),
    path("tin-tuc/", portal.portal_articles, name="portal_articles"),
    path("tin-tuc/feed/", portal.portal_page(LatestArticlesFeed()), name="feed_rss"),
    path("tin-tuc/feed/atom/", portal.portal_page(LatestArticlesAtomFeed()), name="feed_atom"),
    path("tin-tuc/chuyen-muc/<slug:slug>/", portal.portal_category, name="portal_category"),
    path("tin-tuc/don-vi/<int:pk>/", portal.portal_unit, name="portal_unit"),
    path("tin-tuc/<slug:slug>/", portal.portal_article, name="portal_article"),
]
