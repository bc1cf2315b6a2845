from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("", views.index, name="index"),
    path("definitioner/", views.definitions, name="definitions"),
    path("indlaes/", views.upload, name="upload"),
    path("skabelon.csv", views.template_csv, name="template_csv"),
    path("serier/<int:pk>/", views.series_detail, name="series"),
    path("omraader/<slug:slug>/", views.dashboard, name="dashboard"),
    path("omraader/<slug:slug>/sammenligning/", views.benchmark, name="benchmark"),
]
