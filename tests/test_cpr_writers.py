"""Every writer goes through the one CPR check: forms, the admin, CSV imports, and the last line."""

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from klynge.core.cpr import check_instance
from klynge.core.middleware import CprRefusedMiddleware
from klynge.funds.importing import FundsImportError, import_csv
from klynge.funds.models import BudgetLine, Grant, Initiative
from klynge.meetings.models import Meeting
from klynge.organisation.models import Organisation, Person

from .cpr_strategies import DOTTED_SEPARATORS, SEPARATORS

pytestmark = pytest.mark.django_db

WRITTEN = [f"010190{s}1234" for s in SEPARATORS] + [f"01.01.90{s}1234" for s in DOTTED_SEPARATORS]


@pytest.mark.parametrize("cpr", WRITTEN)
def test_a_form_refuses_every_written_form_of_a_cpr_number(structure, login, secretariat_user, cpr):
    response = login(secretariat_user).post(f"/organer/{structure.political.slug}/moeder/ny/", {
        "date": "2025-03-04", "start": "17:00", "end": "19:00", "place_kind": "physical",
        "address": f"Borger {cpr}, Testby Rådhus",
    })
    assert response.status_code == 200
    assert "ser ud til at indeholde et CPR-nummer (010190-…)" in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_admin_goes_through_the_same_guard(admin_user, client):
    client.force_login(admin_user)
    response = client.post("/admin/organisation/organisation/add/", {
        "name": "Borger 020290 4321", "slug": "borger", "kind": "other",
    })
    assert response.status_code == 200
    page = response.content.decode()
    assert "ser ud til at indeholde et CPR-nummer (020290-…)" in page and "Feltet “navn”" in page
    assert not Organisation.objects.filter(slug="borger").exists()


def test_a_write_that_reaches_the_guard_gets_a_danish_page_not_a_server_error(db):
    request = RequestFactory().get("/")
    request.user = None
    try:
        check_instance(Person(name="Hans 0101901234"))
    except ValidationError as error:
        response = CprRefusedMiddleware(lambda r: None).process_exception(request, error)
    assert response.status_code == 400
    page = response.content.decode()
    assert "CPR-nummer afvist" in page and "Intet er gemt" in page and "1234" not in page


def test_other_validation_errors_are_left_to_django(db):
    request = RequestFactory().get("/")
    assert CprRefusedMiddleware(lambda r: None).process_exception(request, ValidationError("noget andet")) is None


HEADER = "kind,year,party,initiative,title,amount\n"


@pytest.mark.parametrize("row,column", [
    ("budget,2023,Region Testland,1,Borger 010190–1234,100\n", "title"),
    ("grant,2023,Testby Kommune 01.01.90-1234,,,100\n", "party"),
    ("budget,2023,Region Testland,020290 4321,Ny indsats,100\n", "initiative"),
])
def test_a_funds_csv_row_with_a_cpr_number_is_refused_naming_the_row_and_nothing_saved(structure, row, column):
    text = HEADER + "grant,2022,Testby Kommune,,,100\n" + row
    with pytest.raises(FundsImportError) as refused:
        import_csv(text, "Klynge A")
    assert any(e.startswith(f"Række 3, kolonne “{column}”: ser ud til at indeholde et CPR-nummer")
               for e in refused.value.errors), refused.value.errors
    assert all("1234" not in e and "4321" not in e for e in refused.value.errors)
    assert not Grant.objects.exists() and not Initiative.objects.exists() and not BudgetLine.objects.exists()


def test_a_cpr_number_in_the_funds_file_name_is_masked_in_the_change_history(structure):
    import_csv(HEADER + "grant,2022,Testby Kommune,,,100\n", "Klynge A", source="midler 020290 4321.csv")
    reasons = {h.history_change_reason for h in Grant.history.all()}
    assert reasons == {"Import fra midler XXXXXX-XXXX.csv"}
