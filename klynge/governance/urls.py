from django.urls import path

from . import views

app_name = "governance"
urlpatterns = [
    path("organer/<slug:slug>/delegationer/", views.delegations, name="delegations"),
    path("organer/<slug:slug>/delegationer/ny/", views.delegation_add, name="delegation_add"),
    path("delegationer/<int:pk>/beslutning/ny/", views.decision_add, name="decision_add"),
    path("organer/<slug:slug>/skriftlige-procedurer/", views.procedures, name="procedures"),
    path("organer/<slug:slug>/skriftlige-procedurer/ny/", views.procedure_add, name="procedure_add"),
    path("skriftlige-procedurer/<int:pk>/", views.procedure, name="procedure"),
    path("skriftlige-procedurer/<int:pk>/svar/", views.procedure_answer, name="procedure_answer"),
    path("skriftlige-procedurer/<int:pk>/afslut/", views.procedure_close, name="procedure_close"),
    path("skriftlige-procedurer/<int:pk>/dagsorden/", views.procedure_report, name="procedure_report"),
]
