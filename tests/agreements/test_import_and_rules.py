"""The CSV import (every row checked, nothing half-saved) and the pure rules."""

import datetime
from decimal import Decimal

import pytest

from klynge.agreements import rules
from klynge.agreements.importing import AgreementImportError, import_csv
from klynge.agreements.models import CollaborationAgreement, Implementation, ImplementationUpdate

D = datetime.date
HEADER = "aftale;type;ejer;klynge;part;status;status_dato;note;godkendt_af;godkendt_den\n"


def test_an_import_loads_agreements_and_their_status_per_cluster_and_party(structure):
    data = (HEADER
            + "Samarbejdsaftale om rygestop;Samarbejdsaftale;klynge-a-politisk;Klynge A;;Implementeret;2021-06-30;"
              ";klynge-a-politisk;2019-06-01\n"
            + "Samarbejdsaftale om rygestop;Samarbejdsaftale;klynge-a-politisk;klynge-a;Testby Kommune;"
              "implementeres;30.06.2021;I gang;;\n").encode()
    result = import_csv(data)
    assert (result.agreements, result.rows) == (1, 2)
    agreement = CollaborationAgreement.objects.get()
    assert agreement.approved_on == D(2019, 6, 1) and agreement.approved_by == structure.political
    rows = {r.party_id: r for r in Implementation.objects.all()}
    assert rows[None].status == "implemented" and rows[structure.municipality.pk].status == "implementing"
    assert rows[structure.municipality.pk].note == "I gang"
    assert ImplementationUpdate.objects.count() == 2


def test_a_malformed_row_is_named_by_row_and_column_in_danish_and_nothing_is_saved(structure):
    data = (HEADER
            + "Aftale A;Samarbejdsaftale;klynge-a-politisk;Klynge A;;Implementeret;2021-06-30;;;\n"
            + "Aftale B;Samarbejdsaftale;klynge-a-politisk;Klynge A;Ukendt Kommune;færdig;31.02.2021;;;\n").encode()
    with pytest.raises(AgreementImportError) as error:
        import_csv(data)
    messages = error.value.errors
    assert "Række 3, kolonne “part”: parten “Ukendt Kommune” findes ikke." in messages
    assert any(m.startswith("Række 3, kolonne “status”: “færdig” er ikke en status") for m in messages)
    assert any(m.startswith("Række 3, kolonne “status_dato”: “31.02.2021” er ikke en dato") for m in messages)
    assert not CollaborationAgreement.objects.exists() and not Implementation.objects.exists()


def test_an_import_without_a_required_column_names_the_column(structure):
    with pytest.raises(AgreementImportError, match="kolonnen “status” mangler"):
        import_csv(b"aftale;type;ejer;klynge\nA;Samarbejdsaftale;x;y\n")


def test_the_command_reports_a_malformed_file_in_danish_and_saves_nothing(structure, tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / "aftaler.csv"
    path.write_text(HEADER + "Aftale;Ukendt type;klynge-a-politisk;Klynge A;;Implementeret;;;;\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Intet er importeret:\nRække 2, kolonne “type”"):
        call_command("agreements", "import", str(path))
    assert not CollaborationAgreement.objects.exists()


def test_a_goal_is_met_by_a_value_on_the_right_side_of_its_target():
    assert rules.goal_met("at_least", 75, Decimal("75.7")) is True
    assert rules.goal_met("at_least", 75, Decimal("53.9")) is False
    assert rules.goal_met("at_most", 2500, 2614) is False
    assert rules.goal_met("at_most", None, 2614) is None
    assert rules.target_text("at_least", Decimal("75"), "%") == "Mindst 75 %"


def test_an_answer_is_refused_after_the_deadline_day_and_after_the_link_expires():
    tz = datetime.UTC
    closes = datetime.datetime(2023, 2, 4, tzinfo=tz)
    expires = datetime.datetime(2023, 3, 6, tzinfo=tz)
    on_deadline = datetime.datetime(2023, 2, 3, 23, 59, tzinfo=tz)
    assert rules.answer_refusal(on_deadline, closes, expires, D(2023, 2, 3), True) == ""
    assert rules.answer_refusal(closes, closes, expires, D(2023, 2, 3), True).startswith(
        "Svarfristen udløb 3. februar 2023")
    assert rules.answer_refusal(expires, closes, expires, D(2023, 2, 3), True) == rules.EXPIRED
    assert rules.answer_refusal(on_deadline, closes, expires, D(2023, 2, 3), False) == rules.NOT_SENT


def test_reminder_days_are_read_in_danish_and_a_bad_value_is_named():
    assert rules.reminder_days("7, 2") == [7, 2]
    with pytest.raises(ValueError, match="“syv” er ikke et antal dage"):
        rules.reminder_days("syv")


def test_a_cluster_is_as_far_as_its_least_advanced_party():
    assert rules.cluster_status(["implemented", "preparing", "in_operation"]) == "preparing"
    assert rules.cluster_status([]) is None
    assert rules.latest_on([(D(2021, 1, 1), 1, "preparing"), (D(2021, 7, 1), 2, "implemented")],
                           D(2021, 6, 30)) == "preparing"


def test_danish_numbers_are_read_from_answers():
    assert rules.parse_number("1.234,5") == Decimal("1234.5")
    assert rules.parse_number("") is None
    with pytest.raises(ValueError, match="er ikke et tal"):
        rules.parse_number("mange")
