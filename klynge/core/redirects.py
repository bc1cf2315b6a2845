"""Return addresses: the one check for every ``?tilbage=`` (and ``next``) a view follows.

Only a path on this site passes: it must start with a single ``/``, hold no backslash or
control character, and ``url_has_allowed_host_and_scheme`` must accept it for this host. So
``https://evil.example/``, ``//evil.example``, ``/\\evil.example`` and ``javascript:...`` all fall
back to the view's own address.
"""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

RETURN_PARAMETER = "tilbage"


def is_safe_return_path(url: str | None, request) -> bool:
    if not url or len(url) > 2000 or not url.startswith("/") or url.startswith("//"):
        return False
    if "\\" in url or any(ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return False
    return url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure())


def return_url(request, fallback: str, parameter: str = RETURN_PARAMETER) -> str:
    """The requested return address if it is a path on this site, else ``fallback``."""
    url = request.POST.get(parameter) or request.GET.get(parameter)
    return url if is_safe_return_path(url, request) else fallback


def redirect_back(request, fallback, parameter: str = RETURN_PARAMETER):
    """Redirect to the safe return address, else to ``fallback`` (a URL or a model with get_absolute_url)."""
    if hasattr(fallback, "get_absolute_url"):
        fallback = fallback.get_absolute_url()
    return redirect(return_url(request, fallback, parameter))


class _SafeNext:
    """Django's ``next`` handling, through the same check as every other return address."""

    def get_redirect_url(self):
        url = self.request.POST.get(self.redirect_field_name, self.request.GET.get(self.redirect_field_name))
        return url if is_safe_return_path(url, self.request) else ""


class LoginView(_SafeNext, auth_views.LoginView):
    pass


class LogoutView(_SafeNext, auth_views.LogoutView):
    pass
