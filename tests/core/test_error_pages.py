"""Errors answer in Danish, with the site's own pages, never Django's English ones."""

import pytest
from django.test import Client, RequestFactory
from django.views import defaults

pytestmark = pytest.mark.django_db

ENGLISH = ("Not Found", "Server Error", "Bad Request", "Forbidden", "CSRF verification failed")


def _danish(html: str) -> str:
    assert '<html lang="da"' in html
    assert not any(word in html for word in ENGLISH), html[:400]
    return html


def test_an_unknown_address_gets_the_danish_404_page(client, settings):
    settings.DEBUG = False
    response = client.get("/findes-slet-ikke/")
    assert response.status_code == 404 and "Siden findes ikke" in _danish(response.content.decode())


def test_a_bad_host_gets_the_danish_400_page(settings):
    settings.DEBUG = False
    response = Client().get("/", HTTP_HOST="angriber.example")
    assert response.status_code == 400 and "Forespørgslen kunne ikke forstås" in _danish(response.content.decode())


def test_a_server_error_gets_the_danish_500_page():
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500 and "Der opstod en fejl" in _danish(response.content.decode())


def test_a_permission_refusal_gets_the_danish_403_page(client, member_user, login):
    response = login(member_user).get("/import/")
    assert response.status_code == 403 and "Ingen adgang" in _danish(response.content.decode())


def test_a_form_sent_without_its_security_token_gets_a_danish_page(secretariat_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat_user)
    response = client.post("/import/")
    assert response.status_code == 403 and "Formularen kunne ikke sendes" in _danish(response.content.decode())
