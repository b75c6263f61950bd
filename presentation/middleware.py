"""Larger text without JavaScript: `?text=large` draws the page in larger text, with stronger contrast.

The parameter then stays on every link, form and redirect of this site that the page leads to, so the
choice lasts from page to page; `?text=standard` turns it off. The views never see it. The page is still
the same for every visitor who asks for that address, so the page cache keeps it like any other. With
JavaScript, the choice is kept in the browser instead (static/js/text-size.js).
"""

import re
from urllib.parse import urlsplit

from django.http import QueryDict

PARAMETER = "text"
LARGE = "large"
STANDARD = "standard"

# A link or form action to a page of this site (a path, not a static file or the staff site) that does not
# choose a text size itself. Attribute values are HTML-escaped, so "&" is written "&amp;".
INTERNAL = re.compile(
    r'(?P<attribute>\s(?:href|action)=")(?P<path>/(?!/|static/|admin/)[^"?#]*)(?P<query>\?[^"#]*)?(?P<fragment>#[^"]*)?"'
)
CHOOSES_SIZE = re.compile(rf"[?;&]{PARAMETER}=")
GET_FORM = re.compile(r'<form\b[^>]*\bmethod="get"[^>]*>', re.IGNORECASE)
KEEP_IN_FORM = f'<input type="hidden" name="{PARAMETER}" value="{LARGE}">'


class LargerTextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        choice = request.GET.get(PARAMETER)
        request.larger_text = choice == LARGE
        if choice is not None:  # gone from the query, and from the address the page builds its own links from
            request.GET = _without_choice(request.GET)
            request.META["QUERY_STRING"] = request.GET.urlencode()
        response = self.get_response(request)
        if request.larger_text:
            _keep_larger_text(request, response)
        return response


def _without_choice(query):
    query = query.copy()
    del query[PARAMETER]
    return QueryDict(query.urlencode())  # immutable again, as views expect


def _keep_larger_text(request, response):
    location = response.get("Location")
    if location and _same_site(request, location) and not CHOOSES_SIZE.search(location):
        response["Location"] = _add_choice(location)
    if "text/html" in response.get("Content-Type", "") and not response.streaming:
        html = response.content.decode(response.charset)
        html = INTERNAL.sub(_link_with_choice, html)
        html = GET_FORM.sub(lambda form: form.group(0) + KEEP_IN_FORM, html)
        response.content = html.encode(response.charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))


def _same_site(request, location):
    parts = urlsplit(location)
    return not parts.netloc or parts.netloc == request.get_host()


def _add_choice(url):
    url, hash_mark, fragment = url.partition("#")
    url += ("&" if "?" in url else "?") + f"{PARAMETER}={LARGE}"
    return url + hash_mark + fragment


def _link_with_choice(match):
    query = match["query"] or ""
    if CHOOSES_SIZE.search(query):
        return match.group(0)
    query += ("&amp;" if query else "?") + f"{PARAMETER}={LARGE}"
    return f'{match["attribute"]}{match["path"]}{query}{match["fragment"] or ""}"'
