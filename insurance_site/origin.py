"""Forms citizens send are refused when they come from another site, without a per-visitor token, so the
page that holds the form is the same for every visitor and can be cached and shared.

Django's CSRF protection puts a token in the page and a cookie in the browser. The result page's feedback
form, the only form citizens send, does without: its view checks that the browser says the form came from
this site (the Origin header current browsers send with every POST, else the Referer).
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.views.decorators.csrf import csrf_exempt


def same_origin(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST" and not _from_this_site(request):
            raise PermissionDenied("The form was not sent from this site.")
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)


def _from_this_site(request):
    origin = request.headers.get("Origin")
    if origin is None:
        referer = urlsplit(request.headers.get("Referer", ""))
        origin = f"{referer.scheme}://{referer.netloc}" if referer.netloc else ""
    return origin in {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
