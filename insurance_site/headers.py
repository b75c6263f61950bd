"""Response headers Django does not set itself: Permissions-Policy (every browser feature off: no page on
this site needs the camera, the location or payments) and Cross-Origin-Resource-Policy (other sites may
not embed what this one serves). Content-Security-Policy comes from django-csp; HSTS, Referrer-Policy and
Cross-Origin-Opener-Policy from Django's SecurityMiddleware."""

# Every feature current Chromium knows (it reports a name it does not know as an error), allowed to no origin.
FEATURES_OFF = (
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
    "fullscreen", "gamepad", "geolocation", "gyroscope", "hid", "identity-credentials-get", "idle-detection",
    "local-fonts", "magnetometer", "microphone", "midi", "otp-credentials", "payment", "picture-in-picture",
    "publickey-credentials-create", "publickey-credentials-get", "screen-wake-lock", "serial",
    "storage-access", "usb", "window-management", "xr-spatial-tracking",
)  # fmt: skip
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in FEATURES_OFF)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
