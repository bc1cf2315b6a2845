from django.urls import path

from . import composition_views, views

urlpatterns = [
    path("", views.front, name="front"),
    path("organer/<slug:slug>/", views.body_detail, name="body"),
    path("organer/<slug:slug>/formandskab/", views.body_chairs, name="body_chairs"),
    path("organer/<slug:slug>/historik/", views.body_history, name="body_history"),
    path("organer/<slug:slug>/medlemmer/ny/", views.membership_add, name="membership_add"),
    path("organer/<slug:slug>/personer/ny/", views.person_add, name="person_add"),
    path("organer/<slug:slug>/kommissorium/ny/", views.mandate_add, name="mandate_add"),
    path("organer/<slug:slug>/underorgan/ny/", views.subbody_add, name="subbody_add"),
    path("organer/<slug:slug>/sammensaetning/", composition_views.composition_page, name="composition"),
    path("organer/<slug:slug>/sammensaetning/ny/", composition_views.version_add, name="composition_version_add"),
    path("organer/<slug:slug>/sammensaetning/regel/ny/", composition_views.rule_add, name="composition_rule_add"),
    path("medlemskaber/<int:pk>/afslut/", views.membership_end, name="membership_end"),
    path("kommissorier/<int:pk>/fil/", views.mandate_file, name="mandate_file"),
    path("personer/", views.person_search, name="persons"),
    path("personer/<slug:slug>/", views.person_detail, name="person"),
    path("parter/<slug:slug>/", views.organisation_detail, name="organisation"),
]
