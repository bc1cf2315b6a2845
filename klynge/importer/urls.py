from django.urls import path

from . import views

app_name = "importer"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("fil/", views.upload_file, name="upload-file"),
    path("job/<uuid:pk>/", views.job_page, name="job"),
    path("job/<uuid:pk>/status/", views.job_status, name="job-status"),
    path("job/<uuid:pk>/stop/", views.job_cancel, name="job-cancel"),
    path("job/<uuid:pk>/fil/<int:index>/ret/", views.review_page, name="review"),
]
