"""The site's URLs: the guide and the law under a language prefix, the admin without one."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("law/", include("statutes.urls")),
    path("", include("guidance.urls")),
)

handler400 = "insurance_site.views.bad_request"
