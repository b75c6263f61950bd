"""Links from the public pages into the admin, for signed-in staff."""

from django.urls import reverse


def admin_url(obj):
    """The admin page where staff edit `obj`."""
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
