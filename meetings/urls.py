from django.urls import path

from core.http_caching import public_response

from . import feeds, views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("feed/", feeds.MeetingFeed(), name="feed"),
    path("calendar.ics", public_response(feeds.calendar), name="calendar"),
    # "detail", one meeting's page, is added by dialogue_platform/urls.py: the site layer
    # serves it, with the recommendations adopted at it.
]

# Mounted at /documents/ under the "documents" namespace.
document_patterns = (
    [
        path("", views.document_list, name="list"),
        path("<int:pk>/", views.document_detail, name="detail"),
        path("<int:pk>/download", views.document_download, name="download"),
    ],
    "documents",
)
