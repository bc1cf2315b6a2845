from django.urls import include, path

app_name = "meetings"

# Each part of the meeting cycle keeps its own URL module:
#   urls_cycle.py       meetings, agenda editor, minutes, proposals, matters, follow-up
#   urls_publishing.py  Word/PDF files, calendar feeds
urlpatterns = [
    path("", include("klynge.meetings.urls_cycle")),
    path("", include("klynge.meetings.urls_publishing")),
]
