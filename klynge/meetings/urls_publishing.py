"""Publishing: Word and PDF files of agendas and minutes, and the calendar feeds."""

from django.urls import path

from .publishing import packet, views
from .views import personal

urlpatterns = [
    path("moeder/<int:pk>/dagsorden.docx", views.agenda_docx, name="agenda_docx"),
    path("moeder/<int:pk>/dagsorden.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("moeder/<int:pk>/referat.docx", views.minutes_docx, name="minutes_docx"),
    path("moeder/<int:pk>/referat.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("kalender/organ/<slug:slug>.ics", views.body_ics, name="body_ics"),
    path("kalender/klynge/<slug:slug>.ics", views.cluster_ics, name="cluster_ics"),
    path("kalender/person/<slug:slug>.ics", views.person_ics, name="person_ics"),
    path("kalender/mit/<str:token>.ics", personal.personal_ics, name="personal_ics"),
    path("moeder/<int:pk>/moedepakke.pdf", packet.packet_pdf, name="packet_pdf"),
    path("moeder/<int:pk>/medlemspakke.pdf", packet.members_packet_pdf, name="members_packet_pdf"),
]
