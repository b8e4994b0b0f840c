"""The admin site, with optional two-factor authentication (django-otp, TOTP).

An admin who has registered a TOTP device must give a code at every admin log-in, and a
session that was not verified with one cannot enter the admin. Admins without a device log
in with their password alone: two-factor is opt-in per person, as the deployment decides.
"""

from django.contrib.admin import AdminSite
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp.forms import OTPAuthenticationForm


class OptionalOTPAuthenticationForm(OTPAuthenticationForm):
    def clean_otp(self, user) -> None:
        if user is None or not user_has_device(user):
            return
        devices = list(devices_for_user(user))
        if len(devices) == 1 and not self.cleaned_data.get("otp_device"):
            # One device: spare the admin the device menu django-otp otherwise asks for.
            self.cleaned_data["otp_device"] = devices[0].persistent_id
        super().clean_otp(user)


class TrackerAdminSite(AdminSite):
    site_header = _("ITU Tracker administration")
    site_title = _("ITU Tracker admin")
    login_form = OptionalOTPAuthenticationForm
    login_template = "admin/otp_login.html"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        if not super().has_permission(request):
            return False
        return not user_has_device(user) or user.is_verified()
