from django.urls import path

from . import views

app_name = "involvement"
urlpatterns = [
    path("organer/<slug:slug>/inddragelse/", views.body_involvement, name="body"),
    path("organer/<slug:slug>/inddragelse/forpligtelser/ny/", views.obligation_add, name="obligation_add"),
    path("organer/<slug:slug>/inddragelse/invitation/", views.invitation_add, name="invitation_add"),
    path("inddragelse/forpligtelser/<int:pk>/opfyldelser/", views.fulfilment_add, name="fulfilment_add"),
    path("medlemskaber/<int:pk>/udpegning/", views.appointment_edit, name="appointment"),
]
