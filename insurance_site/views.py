"""Pages that belong to the whole site rather than to one app: error pages that need the request."""

import logging
import sys
from datetime import UTC, timedelta

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, InternalError, OperationalError, connection
from django.db.transaction import TransactionManagementError
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

# How long a visitor (or a CDN) is asked to wait before trying again while the database is unreachable.
RETRY_AFTER_SECONDS = 30
# security.txt must say until when it holds; it is drawn from the settings on every request, so it always
# holds for a while yet (RFC 9116 asks for less than a year).
SECURITY_TXT_VALID = timedelta(days=180)


def bad_request(request, exception):
    """A 400 page in the visitor's language (Django's default renders without the request). A request for
    a host the site does not serve gets a page that never reads the Host: the usual page builds absolute
    addresses from it, and reading it again would fail again."""
    if isinstance(exception, DisallowedHost):
        logger.warning("Refused a request for a host this site does not serve: %s", exception)
        return _plain_page(request, "400_host.html", status=400)
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    """A 403 page in the visitor's language: the staff site's own for its pages, the public one elsewhere."""
    template = "admin/403.html" if request.path.startswith("/admin/") else "403.html"
    return render(request, template, status=403)


def server_error(request):
    """A 500 page in the visitor's language; on the staff site, the staff site's own page, which says that
    nothing typed was saved. If that page cannot be drawn (the fault may be in what it needs, such as the
    database), the public page, which needs nothing.

    When the fault is that the database cannot be reached, the answer is a 503 with Retry-After instead,
    on every page, the staff site's included: the site is down for a while, not broken. Django's own
    connection handling reconnects on a later request once the database is back."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)) and not _database_answers():
        response = _plain_page(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)  # a CDN keeps serving its last good copy (stale-if-error) instead
        return response
    if request.path.startswith("/admin/"):
        try:
            return HttpResponseServerError(render_to_string("admin/500.html", request=request))
        except Exception:  # noqa: BLE001 - whatever broke the page, the visitor still gets an answer
            logger.warning("The staff error page could not be drawn; the plain one is shown.", exc_info=True)
    return _plain_page(request, "500.html", status=500)


def _database_answers():
    """Whether the database answers now: an OperationalError may also be a fault in a query. A connection
    left inside a failed transaction cannot be asked; it answered, or the transaction would not have failed
    on it: the fault is the request's, not an outage."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except (TransactionManagementError, InternalError):  # it answered: the transaction had failed
        return True
    except (OperationalError, InterfaceError):
        return False


def _plain_page(request, template, status):
    """A self-contained page (no static files, database or Host) in the language of the address's prefix,
    else the browser's: the fault may have come before Django chose a language."""
    with translation.override(translation.get_language_from_request(request, check_path=True)):
        return HttpResponse(render_to_string(template), status=status)


def security_txt(request):
    """Where to report a security problem (RFC 9116), with the contact the settings give."""
    if not settings.SECURITY_CONTACT:
        raise Http404("No security contact is configured.")
    expires = (timezone.now() + SECURITY_TXT_VALID).replace(microsecond=0)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: zh, en",
        f"Canonical: {request.build_absolute_uri()}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
