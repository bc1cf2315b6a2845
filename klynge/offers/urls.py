from django.urls import path

from . import views

app_name = "offers"
urlpatterns = [
    path("", views.index, name="index"),
    path("tilbud.csv", views.export_csv, name="export_csv"),
    path("ny/", views.offer_add, name="add"),
    path("<int:pk>/rediger/", views.offer_edit, name="edit"),
]
