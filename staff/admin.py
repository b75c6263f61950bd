"""Accounts: a locked-out account is unlocked from its own page, by someone allowed to change accounts."""

from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _

admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    change_form_template = "admin/auth/user/change_form_with_unlock.html"
    # Plain lists for groups and permissions: the two-box filter widget fails axe-core (labelled spans).
    filter_horizontal = ()
    readonly_fields = ("last_login", "date_joined")  # kept by the system, not typed by staff

    def get_urls(self):
        unlock = path("<int:pk>/unlock/", self.admin_site.admin_view(self.unlock_view), name="auth_user_unlock")
        return [unlock, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        user = self.get_object(request, unquote(object_id))
        if user is None:  # Django answers with its "does not exist" page
            return super().change_view(request, object_id, form_url, extra_context)
        locked = AccessAttempt.objects.filter(username=user.get_username()).exists()
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "locked": locked})

    def unlock_view(self, request, pk):
        user = get_object_or_404(User, pk=pk)
        if request.method != "POST" or not self.has_change_permission(request, user):
            raise PermissionDenied
        reset(username=user.get_username())
        messages.success(request, _("%(user)s can sign in again.") % {"user": user.get_username()})
        return redirect("admin:auth_user_change", user.pk)
