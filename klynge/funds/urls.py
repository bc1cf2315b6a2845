from django.urls import path

from . import views, views_lifecycle

app_name = "funds"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.overview, name="overview"),
    path("<slug:slug>/udskrift/", views.overview_print, name="print"),
    path("<slug:slug>/eksport.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<slug:slug>/eksport.csv", views.export_csv, name="export_csv"),
    path("<slug:slug>/historik/", views.history, name="history"),
    path("<slug:slug>/import/", views.import_view, name="import"),
    path("<slug:slug>/bevillinger/", views.grants, name="grants"),
    path("<slug:slug>/bevillinger/<int:pk>/ret/", views.grants, name="grant_edit"),
    path("<slug:slug>/overfoersler/ny/", views.transfer_add, name="transfer_add"),
    path("<slug:slug>/indsatser/ny/", views.initiative_edit, name="initiative_add"),
    path("<slug:slug>/indsatser/<str:number>/", views.initiative_detail, name="initiative"),
    path("<slug:slug>/indsatser/<str:number>/ret/", views.initiative_edit, name="initiative_edit"),
    path("<slug:slug>/indsatser/<str:number>/budget/ny/", views.budget_line, name="budget_add"),
    path("<slug:slug>/indsatser/<str:number>/budget/<int:pk>/ret/", views.budget_line, name="budget_edit"),
    path("<slug:slug>/indsatser/<str:number>/budget/godkend/", views.budget_approve, name="budget_approve"),
    path("<slug:slug>/indsatser/<str:number>/forbrug/ny/", views.spending_add, name="spending_add"),
    path("<slug:slug>/indsatser/<str:number>/finansiering/ny/", views.other_funding_add, name="other_funding_add"),
    path("<slug:slug>/indsatser/<str:number>/fordelingsnoegle/", views.distribution_key, name="distribution_key"),
    path("<slug:slug>/indsatser/<str:number>/fakturering/", views.invoices, name="invoices"),
    path("<slug:slug>/indsatser/<str:number>/forloeb/", views_lifecycle.initiative_life, name="initiative_life"),
    path("<slug:slug>/indsatser/<str:number>/forloeb/fase/ny/", views_lifecycle.phase_edit, name="phase_add"),
    path("<slug:slug>/indsatser/<str:number>/forloeb/fase/<int:pk>/", views_lifecycle.phase_edit, name="phase_edit"),
    path("<slug:slug>/indsatser/<str:number>/forloeb/status/ny/", views_lifecycle.report_add, name="report_add"),
    path("<slug:slug>/indsatser/<str:number>/forloeb/slutrapport/", views_lifecycle.final_report_edit,
         name="final_report"),
    path("<slug:slug>/indsatser/<str:number>/forloeb/patientperspektiv/", views_lifecycle.perspective_edit,
         name="patient_perspective"),
]
