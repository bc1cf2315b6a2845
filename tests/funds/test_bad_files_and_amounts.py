"""Funds CSV in any common encoding, or a Danish refusal naming the line; amounts bounded everywhere."""

import codecs

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from klynge.funds.calculations import MAX_KRONER, parse_kroner
from klynge.funds.importing import FundsImportError, import_csv
from klynge.funds.models import BudgetLine, Grant, Spending

HEADER = "kind,year,party,initiative,title,amount\n"
DANISH = HEADER + "grant,2022,Testby Kommune,,,1000\nbudget,2022,Testby Kommune,7,Æblegrød og sundhed,500\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_funds_csv_is_read_in_every_common_encoding(structure, encoding):
    result = import_csv(DANISH.encode(encoding), "Klynge A")
    assert result.created == 2
    assert BudgetLine.objects.get().initiative.title == "Æblegrød og sundhed"


def test_funds_csv_with_bytes_cp1252_cannot_decode_is_refused_naming_the_line(structure):
    data = DANISH.encode("cp1252") + b"grant,2023,Testby Kommune,,,10\x81\n"
    with pytest.raises(FundsImportError) as caught:
        import_csv(data, "Klynge A")
    assert caught.value.errors == [
        "Række 4: tegnet U+0081 kan ikke læses som tekst. Filen er ikke en tekstfil i UTF-8 eller "
        "Windows-1252; gem den som CSV (UTF-8) og prøv igen."
    ]
    assert Grant.objects.count() == 0


def test_binary_file_is_refused_with_a_danish_message(structure):
    with pytest.raises(FundsImportError) as caught:
        import_csv(b"PK\x03\x04\x00\x00binary", "Klynge A")
    assert caught.value.errors[0].startswith("Række 1: tegnet U+0003 kan ikke læses som tekst.")


def test_upload_of_an_undecodable_csv_shows_the_danish_message_not_a_server_error(login, secretariat_user):
    client = login(secretariat_user)
    upload = SimpleUploadedFile("midler.csv", codecs.BOM_UTF8 + HEADER.encode() + b"grant,2022,X\x9d,,,1\n")
    response = client.post(reverse("funds:import", args=["klynge-a"]), {"file": upload})
    assert response.status_code == 200
    assert "Række 2: tegnet U+009D kan ikke læses som tekst." in response.content.decode()


def test_amount_of_ten_to_the_26_is_refused_in_the_csv_with_row_and_column(structure):
    with pytest.raises(FundsImportError) as caught:
        import_csv(HEADER + f"grant,2022,Testby Kommune,,,{10**26}\n", "Klynge A")
    assert caught.value.errors == [
        f"Række 2, kolonne “amount”: “{10**26}” er for stort: et beløb kan højst være 999.999.999.999 kr."
    ]
    assert Grant.objects.count() == 0


@pytest.mark.parametrize("amount", [str(10**26), "1.000.000.000.000", "-" + str(10**20)])
def test_amount_beyond_the_bound_is_refused_in_the_grant_form(login, secretariat_user, structure, amount):
    client = login(secretariat_user)
    response = client.post(reverse("funds:grants", args=["klynge-a"]),
                           {"year": 2023, "party": structure.region.pk, "amount": amount})
    assert response.status_code == 200
    assert "et beløb kan højst være 999.999.999.999 kr." in response.content.decode()
    assert Grant.objects.count() == 0


def test_largest_amount_is_accepted_and_one_more_is_not():
    assert parse_kroner("999.999.999.999") == MAX_KRONER
    with pytest.raises(ValueError, match="for stort"):
        parse_kroner("1000000000000")


def test_model_validation_bounds_amounts_for_the_admin_too(structure):
    grant = Grant(cluster=structure.cluster, year=2023, party=structure.region, amount=10**15)
    with pytest.raises(ValidationError) as caught:
        grant.full_clean()
    assert "et beløb kan højst være 999.999.999.999 kr." in str(caught.value)
    field = Spending._meta.get_field("amount")
    with pytest.raises(ValidationError):
        field.run_validators(-(10**13))
