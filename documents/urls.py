from django.urls import path

from documents.views import cascade, reading, registry

app_name = "documents"

urlpatterns = [
    path("", registry.index, name="index"),
    path("soan-thao/", registry.create, name="create"),
    path("<int:pk>/", registry.detail, name="detail"),
    path("<int:pk>/sua/", registry.edit, name="edit"),
    path("<int:pk>/xoa/", registry.delete, name="delete"),
    path("<int:pk>/can-cu/", registry.bases, name="bases"),
    path("<int:pk>/can-cu/ghi-nhan/", registry.basis_record, name="basis_record"),
    path("<int:pk>/can-cu/<int:basis_pk>/bo/", registry.basis_remove, name="basis_remove"),
    path("<int:pk>/noi-nhan/", registry.recipients, name="recipients"),
    path("<int:pk>/dinh-kem/", registry.attachment_add, name="attachment_add"),
    path("dinh-kem/<int:pk>/", registry.attachment_download, name="attachment_download"),
    path("dinh-kem/<int:pk>/xoa/", registry.attachment_delete, name="attachment_delete"),
    path("<int:pk>/ban-goc/", registry.source, name="source"),
    path("<int:pk>/ban-hanh/", registry.issue, name="issue"),
    path("<int:pk>/tai-ve.docx", registry.download_docx, name="docx"),
    path("<int:pk>/tai-ve.pdf", registry.download_pdf, name="pdf"),
    path("<int:pk>/theo-doi/", cascade.board, name="board"),
    path("<int:pk>/nhac-nho/", cascade.remind, name="remind"),
    path("nghia-vu/<int:pk>/da-nhan/", cascade.acknowledge, name="acknowledge"),
    path("nghia-vu/<int:pk>/xay-dung-ke-hoach/", cascade.implement, name="implement"),
    path("doc-van-ban/", reading.read, name="read"),
    path("doc-van-ban/<int:pk>/", reading.review, name="review"),
    path("doc-van-ban/<int:pk>/huy/", reading.discard, name="reading_discard"),
    path("doc-van-ban/<int:pk>/trang-<int:page>.png", reading.page_image, name="reading_page"),
    path("doc-van-ban/<int:pk>/ban-goc/", reading.original, name="reading_original"),
]
