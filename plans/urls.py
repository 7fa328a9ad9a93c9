from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<slug:slug>/", views.plan_detail, name="detail"),
    path("<slug:slug>/<str:number>/", views.activity_detail, name="activity"),
]

# /upr/: the outside (UN) recommendations, a namespace of their own.
upr_patterns = (
    [
        path("", views.outside_list, name="list"),
        path("<str:key>/", views.outside_detail, name="detail"),
    ],
    "upr",
)
