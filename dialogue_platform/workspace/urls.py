"""/workspace/: signing in, accounts and two-factor, and the focal points' pages."""

from django.urls import path

from . import account_views, views

app_name = "workspace"

urlpatterns = [
    path("", views.home, name="home"),
    path("items/<str:kind>/", views.items, name="items"),
    path("reports/new/<str:kind>/<int:pk>/", views.report_new, name="report_new"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/document/", views.report_document, name="report_document"),
    path("reports/<int:pk>/submit/", views.report_submit, name="report_submit"),
    path("reports/<int:pk>/withdraw/", views.report_withdraw, name="report_withdraw"),
    path("login/", account_views.LoginView.as_view(), name="login"),
    path("logout/", account_views.LogoutView.as_view(), name="logout"),
    path("password/reset/", account_views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", account_views.password_reset_sent, name="password_reset_sent"),
    path(
        "password/<uidb64>/<token>/",
        account_views.SetPasswordView.as_view(),
        name="set_password",
    ),
    path("password/done/", account_views.password_set, name="password_set"),
    path("two-factor/", account_views.two_factor_overview, name="two_factor"),
    path("two-factor/set-up/", account_views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/verify/", account_views.two_factor_verify, name="two_factor_verify"),
    path("two-factor/recovery-codes/", account_views.recovery_codes, name="recovery_codes"),
    path(
        "two-factor/recovery-codes/new/",
        account_views.recovery_codes_regenerate,
        name="recovery_codes_regenerate",
    ),
]
