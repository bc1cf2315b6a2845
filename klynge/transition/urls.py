from django.urls import path

from . import views

app_name = "transition"

urlpatterns = [
    path("", views.index, name="index"),
    path("ny/", views.plan_new, name="plan_new"),
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/ret/", views.plan_edit, name="plan_edit"),
    path("<int:pk>/proevekoer/", views.plan_dry_run, name="plan_dry_run"),
    path("<int:pk>/gennemfoer/", views.plan_run, name="plan_run"),
]
