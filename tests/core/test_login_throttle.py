"""Login throttling: 5 failures lock an account, 20 lock an address; the lockout page is Danish."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.conftest import PASSWORD

LOCKED = "Log ind er midlertidigt spærret"


def attempt(client, username, password, address="203.0.113.7", url=None):
    return client.post(url or reverse("login"), {"username": username, "password": password},
                       REMOTE_ADDR=address)


def logged_in(client) -> bool:
    return bool(client.session.get("_auth_user_id"))


def test_sixth_try_is_refused_with_the_danish_message_even_with_the_right_password(client, member_user):
    for _ in range(4):
        response = attempt(client, "medlem-a", "forkert")
        assert response.status_code == 200
        assert "Brugernavn eller adgangskode er forkert" in response.content.decode()
    fifth = attempt(client, "medlem-a", "forkert")
    assert fifth.status_code == 429 and LOCKED in fifth.content.decode()
    sixth = attempt(client, "medlem-a", PASSWORD)
    assert sixth.status_code == 429
    text = sixth.content.decode()
    assert LOCKED in text and "heller ikke med den rigtige adgangskode" in text and "15 minutter" in text
    assert not logged_in(client)


def test_locked_account_is_refused_from_another_address_too(client, member_user):
    for _ in range(5):
        attempt(client, "medlem-a", "forkert", address="203.0.113.7")
    response = attempt(client, "medlem-a", PASSWORD, address="198.51.100.9")
    assert response.status_code == 429 and not logged_in(client)


def test_one_accounts_failures_do_not_lock_another_account_from_the_same_address(client, member_user,
                                                                                 secretariat_user):
    for _ in range(6):
        attempt(client, "medlem-a", "forkert")
    response = attempt(client, "sekretariat-a", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


def test_the_address_is_locked_after_twenty_failures_over_all_accounts(client, member_user, secretariat_user):
    for n in range(19):
        attempt(client, f"gaet-{n % 4}", "forkert")  # four accounts, under five failures each
    assert attempt(client, "sekretariat-a", PASSWORD).status_code == 302
    client.post(reverse("logout"))
    assert attempt(client, "gaet-9", "forkert").status_code == 429  # the 20th failure
    response = attempt(client, "medlem-a", PASSWORD)
    assert response.status_code == 429 and not logged_in(client)
    other_address = attempt(client, "medlem-a", PASSWORD, address="198.51.100.9")
    assert other_address.status_code == 302


def test_admin_login_is_throttled_too(client, admin_user):
    url = reverse("admin:login")
    for _ in range(5):
        attempt(client, "admin-test", "forkert", url=url)
    response = attempt(client, "admin-test", PASSWORD, url=url)
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert not logged_in(client)


def test_a_locked_account_can_log_in_after_the_cooloff(client, member_user, settings):
    from axes.models import AccessAttempt

    for _ in range(5):
        attempt(client, "medlem-a", "forkert")
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME)
    assert attempt(client, "medlem-a", PASSWORD).status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_address_counts(rf, settings):
    from klynge.core.throttle import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.7", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "127.0.0.1"  # no proxy configured: the header is not trusted
    settings.KLYNGE_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"


@pytest.mark.django_db
def test_force_login_still_works_with_the_throttle(client):
    user = get_user_model().objects.create_user("ny", password=PASSWORD)
    client.force_login(user)
    assert logged_in(client)
