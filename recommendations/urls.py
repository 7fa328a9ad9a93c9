from django.urls import path

from . import views

app_name = "recommendations"
urlpatterns = [
    path("", views.recommendation_list, name="list"),
    path("<str:reference>/", views.recommendation_detail, name="detail"),
]
