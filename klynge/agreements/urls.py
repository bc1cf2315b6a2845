from django.urls import path

from . import views

app_name = "agreements"
urlpatterns = [
    path("", views.index, name="index"),
    path("matrix/", views.matrix, name="matrix"),
    path("rammer/<slug:slug>/", views.framework, name="framework"),
    path("rammer/<slug:slug>/rapporter/ny/", views.report_add, name="report_add"),
    path("maal/<int:pk>/", views.goal, name="goal"),
    path("aftale/<slug:slug>/", views.agreement, name="agreement"),
    path("aftale/<slug:slug>/status/", views.status_set, name="status_set"),
    path("aftale/<slug:slug>/kontaktperson/", views.contact_add, name="contact_add"),
    path("aftale/<slug:slug>/skriftlig-orientering/", views.agreement_briefing, name="agreement_briefing"),
    path("aftale/<slug:slug>/runder/ny/", views.round_add, name="round_add"),
    path("runder/<int:pk>/", views.round_detail, name="round"),
    path("runder/<int:pk>/spoergsmaal/ny/", views.question_add, name="question_add"),
    path("runder/<int:pk>/send/", views.round_send, name="round_send"),
    path("runder/<int:pk>/paamind/", views.round_remind, name="round_remind"),
    path("runder/<int:pk>/samlet/", views.side_by_side, name="side_by_side"),
    path("runder/<int:pk>/svar.xlsx", views.export_xlsx, name="export_xlsx"),
    path("runder/<int:pk>/svar.docx", views.export_docx, name="export_docx"),
    path("runder/<int:pk>/sammenligning/", views.compare, name="compare"),
    path("runder/<int:pk>/skriftlig-orientering/", views.briefing, name="briefing"),
    path("runder/<int:pk>/klynge/<slug:cluster>/", views.consolidated, name="consolidated"),
    path("runder/<int:pk>/klynge/<slug:cluster>/indsend/", views.consolidated_submit, name="consolidated_submit"),
    path("svar/<str:token>/", views.answer, name="answer"),
    path("rapporter/<int:pk>/", views.report, name="report"),
    path("rapporter/<int:pk>/ret/", views.report_edit, name="report_edit"),
    path("rapporter/<int:pk>/rapport.docx", views.report_docx, name="report_docx"),
    path("rapporter/<int:pk>/rapport.pdf", views.report_pdf, name="report_pdf"),
]
