"""Login throttling on django-axes: one limit per account and a higher one per address.

Axes counts failures per username and per IP address (``AXES_LOCKOUT_PARAMETERS``), but
compares both with one limit. ``LoginThrottle`` keeps axes' storage and lockout flow and
only changes the comparison: an account is locked after ``KLYNGE_LOGIN_ACCOUNT_LIMIT``
failures, an address after ``KLYNGE_LOGIN_ADDRESS_LIMIT`` (over all accounts), each for
``AXES_COOLOFF_TIME`` after the last failure. A locked login is refused even with the right
password, with the Danish page ``registration/lockout.html`` (HTTP 429), on /log-ind/ and on
the admin's login alike.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def _sum(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginThrottle(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """Failures scaled so that axes' one limit (the account limit) means either limit."""
        by_account, by_address = (_sum(a) for a in self.get_user_attempts(request, credentials))
        limit = settings.KLYNGE_LOGIN_ACCOUNT_LIMIT
        if by_address >= settings.KLYNGE_LOGIN_ADDRESS_LIMIT:
            return max(limit, by_account)
        return by_account


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or behind ``KLYNGE_PROXY_COUNT`` trusted reverse proxies
    the address the outermost of them saw (counted from the right of X-Forwarded-For)."""
    proxies = settings.KLYNGE_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request, original_response=None, credentials=None):
    """The Danish page for a locked login (HTTP 429). It names neither the account nor whether the
    account or the address is locked, and says when to try again."""
    from django.shortcuts import render

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/lockout.html", {"minutes": minutes}, status=429)
