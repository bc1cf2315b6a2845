from django.urls import path

from . import views

app_name = "importer"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("fil/", views.upload_file, name="upload-file"),
]
