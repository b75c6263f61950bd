"""Addresses of pages: `address()` for the public pages, remembered; `admin_url()` into the admin, for
signed-in staff."""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def address(viewname, current_app=None, **kwargs):
    """`reverse(viewname, kwargs=kwargs)`, worked out once for each language: the law's contents link to
    a hundred articles, and a page's address only changes with the URL configuration."""
    where = (get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF, current_app)
    return _address(viewname, tuple(sorted(kwargs.items())), where)


@lru_cache(maxsize=20_000)
def _address(viewname, kwargs, where):
    return reverse(viewname, kwargs=dict(kwargs), current_app=where[-1])


def admin_url(obj):
    """The admin page where staff edit `obj`."""
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
