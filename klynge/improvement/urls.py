from django.urls import path

from . import views

app_name = "improvement"
urlpatterns = [
    path("", views.index, name="index"),
    path("ny/", views.programme_add, name="programme_add"),
    path("teams/<int:pk>/", views.team, name="team"),
    path("teams/<int:pk>/ret/", views.team_edit, name="team_edit"),
    path("teams/<int:pk>/deltagere/ny/", views.member_add, name="member_add"),
    path("deltagere/<int:pk>/fjern/", views.member_remove, name="member_remove"),
    path("frister/<int:pk>/ret/", views.deadline_edit, name="deadline_edit"),
    path("<slug:slug>/", views.programme, name="programme"),
    path("<slug:slug>/ret/", views.programme_edit, name="programme_edit"),
    path("<slug:slug>/hold/ny/", views.cohort_add, name="cohort_add"),
    path("<slug:slug>/hold/<int:number>/", views.cohort, name="cohort"),
    path("<slug:slug>/hold/<int:number>/ret/", views.cohort_edit, name="cohort_edit"),
    path("<slug:slug>/hold/<int:number>/pladser/ny/", views.seat_add, name="seat_add"),
    path("<slug:slug>/hold/<int:number>/frister/ny/", views.deadline_add, name="deadline_add"),
    path("<slug:slug>/hold/<int:number>/teams/ny/", views.team_add, name="team_add"),
]
