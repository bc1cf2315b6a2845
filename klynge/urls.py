from django.contrib import admin
from django.urls import include, path

from klynge.api.api import api
from klynge.core import accounts
from klynge.core.health import health
from klynge.core.redirects import LoginView, LogoutView
from klynge.core.views import accessibility_statement
from klynge.search.views import search_page

admin.site.site_header = "Klynge – administration"
admin.site.site_title = "Klynge"
admin.site.index_title = "Administration"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("log-ind/", LoginView.as_view(), name="login"),
    path("log-ud/", LogoutView.as_view(), name="logout"),
    path("glemt-adgangskode/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("glemt-adgangskode/sendt/", accounts.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("ny-adgangskode/<uidb64>/<token>/", accounts.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("ny-adgangskode/faerdig/", accounts.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("skift-adgangskode/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("skift-adgangskode/faerdig/", accounts.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("tilgaengelighed/", accessibility_statement, name="accessibility"),
    path("api/v1/", api.urls),
    path("sundhed/", health, name="health"),
    path("oparl/v1/", include("klynge.oparl.urls")),
    path("soeg/", search_page, name="search"),
    path("indikatorer/", include("klynge.indicators.urls")),
    path("aftaler/", include("klynge.agreements.urls")),
    path("klyngemidler/", include("klynge.funds.urls")),
    path("import/", include("klynge.importer.urls")),
    path("overgang/", include("klynge.transition.urls")),
    path("tilbud/", include("klynge.offers.urls")),
    path("forbedringsteams/", include("klynge.improvement.urls")),
    path("udbakke/", include("klynge.outbox.urls")),
    path("", include("klynge.governance.urls")),
    path("", include("klynge.involvement.urls")),
    path("", include("klynge.meetings.urls")),
    path("", include("klynge.organisation.urls")),
]
