"""Template context shared by every page."""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info

# Django's language codes, as HTML's lang and hreflang attributes spell them (BCP 47).
HTML_LANG = {"zh-hans": "zh-Hans", "en": "en"}


def navigation(request):
    """The links to the guide's start and to the legal texts, and links to the page being shown in each
    language, answers and all."""
    current = get_language()
    links = [
        {
            "code": HTML_LANG.get(code, code),
            "name": get_language_info(code)["name_local"],
            "url": translate_url(request.get_full_path(), code),
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
        "law_url": reverse("statutes:texts"),
        "home_url": reverse("guidance:start"),
    }
