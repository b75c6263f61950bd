"""The site's URLs: the guide and the law under a language prefix, the admin without one."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from guidance.sitemaps import GuideSitemap
from insurance_site.views import security_txt
from staff.views import recent_changes
from statutes import api as statutes_api
from statutes.sitemaps import LawSitemap

urlpatterns = [
    path("admin/recent-changes/", admin.site.admin_view(recent_changes), name="recent_changes"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),  # the staff site's language switch
    path("api/law/", include("statutes.api")),
    path("akn/cn/act/", include((statutes_api.akn_urlpatterns, "statutes_akn"))),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"law": LawSitemap, "guide": GuideSitemap}},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("law/", include("statutes.urls")),
    path("preview/", include("guidance.urls", namespace="guidance-preview")),
    path("", include("guidance.urls")),
)

handler400 = "insurance_site.views.bad_request"
handler403 = "insurance_site.views.permission_denied"
handler500 = "insurance_site.views.server_error"
