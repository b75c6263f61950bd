"""Pages that belong to the whole site rather than to one app: error pages that need the request."""

import logging

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def bad_request(request, exception):
    """A 400 page in the visitor's language (Django's default renders without the request)."""
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    """A 403 page in the visitor's language: the staff site's own for its pages, the public one elsewhere."""
    template = "admin/403.html" if request.path.startswith("/admin/") else "403.html"
    return render(request, template, status=403)


def server_error(request):
    """A 500 page in the visitor's language; on the staff site, the staff site's own page, which says that
    nothing typed was saved. If that page cannot be drawn (the fault may be in what it needs, such as the
    database), the public page, which needs nothing."""
    if request.path.startswith("/admin/"):
        try:
            return HttpResponseServerError(render_to_string("admin/500.html", request=request))
        except Exception:  # noqa: BLE001 - whatever broke the page, the visitor still gets an answer
            logger.warning("The staff error page could not be drawn; the plain one is shown.", exc_info=True)
    return HttpResponseServerError(render_to_string("500.html"))
