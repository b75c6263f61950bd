"""The site's URLs plus pages that fail, to see what a visitor gets when something breaks."""

from django.urls import path

from insurance_site.urls import *  # noqa: F403 - the whole site, its error handlers included
from insurance_site.urls import urlpatterns as site_urlpatterns


def fault(request):
    raise RuntimeError("A fault for the test.")


urlpatterns = [path("admin/fault/", fault), path("fault/", fault), *site_urlpatterns]
