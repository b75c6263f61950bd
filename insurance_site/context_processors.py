"""Template context shared by every page."""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info

from statutes.models import SOCIAL_INSURANCE_LAW

# Django's language codes, as HTML's lang and hreflang attributes spell them (BCP 47).
HTML_LANG = {"zh-hans": "zh-Hans", "en": "en"}


def navigation(request):
    """The link to the law, and links to the page being shown in every other language, answers and all."""
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        info = get_language_info(code)
        links.append(
            {
                "code": HTML_LANG.get(code, code),
                "name": info["name_local"],
                "url": translate_url(request.get_full_path(), code),
            }
        )
    return {
        "other_languages": links,
        "html_lang": HTML_LANG.get(current, current),
        "law_url": reverse("statutes:law", kwargs={"law": SOCIAL_INSURANCE_LAW}),
    }
