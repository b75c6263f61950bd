"""Template context shared by every page."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse, translate_url
from django.utils.translation import get_language, get_language_info

# Django's language codes, as HTML's lang and hreflang attributes spell them (BCP 47).
HTML_LANG = {"zh-hans": "zh-Hans", "en": "en"}
PATHS_KEPT = 4096  # a page's path in each language, worked out once in a process (the URLs never change in one)


def navigation(request):
    """The links to the guide's start, the legal texts and search, and links to the page being shown in each
    language, answers and all."""
    current = get_language()
    where = (current, get_urlconf(), get_script_prefix())
    path, mark, query = request.get_full_path().partition("?")
    links = [
        {
            "code": HTML_LANG.get(code, code),
            "name": _local_name(code),
            "url": _path_in(code, path, where) + mark + query,
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        # Only a visitor with a session can be staff: nobody else's page reads the session, so the page is
        # the same for every other visitor and may be cached and shared.
        "staff_signed_in": settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_staff,
        "languages": links,
        "other_languages": [link for link in links if not link["current"]],
        "html_lang": HTML_LANG.get(current, current),
        "origin": f"{request.scheme}://{request.get_host()}",  # for the addresses a page gives in full
        "law_url": _reversed("statutes:texts", where),
        "home_url": _reversed("guidance:start", where),
        "search_url": _reversed("search", where),
    }


# Each worked out where the page is drawn: `where` is the language being shown, the URLs in use and the
# prefix they are served under, all that the answer depends on besides the other arguments.
@functools.lru_cache(maxsize=PATHS_KEPT)
def _path_in(code, path, where):
    return translate_url(path, code)


@functools.lru_cache
def _reversed(name, where):
    return reverse(name)


@functools.cache
def _local_name(code):
    return get_language_info(code)["name_local"]
