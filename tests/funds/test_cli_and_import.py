import io
import json

import pytest
from django.core.management import CommandError, call_command

from klynge.funds.importing import FundsImportError, import_csv
from klynge.funds.models import BudgetApproval, BudgetLine, Grant, Initiative
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Body, Organisation

HEADER = "kind,year,party,initiative,title,amount\n"
GOOD = HEADER + (
    'grant,2022,Testby Kommune,,,"2.069.103"\n'
    'grant,2022,Region Testland,,,2061670\n'
    "budget,2022,Testby Kommune,10b,Anden del,500.000\n"
    "budget,2022,Region Testland,10a,Første del,400000\n"
    "budget,2022,Testby Kommune,10a,Første del,100.000\n"
)


def run(*args):
    out = io.StringIO()
    call_command("funds", *args, stdout=out)
    return out.getvalue()


def write(tmp_path, text, name="midler.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_then_balance_prints_the_exact_json(structure, tmp_path):
    out = run("import", write(tmp_path, GOOD), "--cluster", "Klynge A")
    assert "5 nye linjer" in out
    payload = json.loads(run("balance", "--cluster", "Klynge A", "--json"))
    assert payload == {
        "cluster": "Klynge A",
        "years": [2022],
        "parties": [
            {"party": "Region Testland", "funds": 2_061_670, "committed": 400_000, "balance": 1_661_670},
            {"party": "Testby Kommune", "funds": 2_069_103, "committed": 600_000, "balance": 1_469_103},
        ],
        "total": {"funds": 4_130_773, "committed": 1_000_000, "balance": 3_130_773},
        "initiatives": [
            {"number": "10a", "title": "Første del",
             "by_party": {"Region Testland": 400_000, "Testby Kommune": 100_000}, "total": 500_000},
            {"number": "10b", "title": "Anden del", "by_party": {"Testby Kommune": 500_000}, "total": 500_000},
        ],
    }


def test_balance_filters_by_years(structure, tmp_path):
    run("import", write(tmp_path, GOOD + "grant,2023,Region Testland,,,10\n"), "--cluster", "klynge-a")
    payload = json.loads(run("balance", "--cluster", "Klynge A", "--years", "2023", "--json"))
    assert payload["years"] == [2023]
    assert payload["total"] == {"funds": 10, "committed": 0, "balance": 10}
    assert payload["initiatives"] == []
    both = json.loads(run("balance", "--cluster", "Klynge A", "--years", "2022,2023", "--json"))
    assert both["years"] == [2022, 2023] and both["total"]["funds"] == 4_130_783


def test_balance_without_json_prints_a_danish_table(structure, tmp_path):
    run("import", write(tmp_path, GOOD), "--cluster", "Klynge A")
    out = run("balance", "--cluster", "Klynge A")
    assert "Testby Kommune" in out and "2.069.103 kr." in out and "I alt" in out


def test_reimport_is_idempotent_and_updates_changed_amounts(structure, tmp_path):
    run("import", write(tmp_path, GOOD), "--cluster", "Klynge A")
    out = run("import", write(tmp_path, GOOD.replace("400000", "450000")), "--cluster", "Klynge A")
    assert "0 nye linjer, 1 ændrede, 4 uændrede" in out
    line = BudgetLine.objects.get(initiative__number="10a", party__name="Region Testland")
    assert line.amount == 450_000
    assert line.history.first().history_change_reason.startswith("Import fra midler.csv")


def test_create_makes_a_missing_cluster_and_parties_with_kind_from_the_name(db, tmp_path):
    text = HEADER + "grant,2023,Vejle Kommune,,,100\ngrant,2023,Region Syddanmark,,,200\n" \
        "budget,2023,Vejle Kommune,1,Ny indsats,50\n"
    with pytest.raises(CommandError, match="findes ikke"):
        run("import", write(tmp_path, text), "--cluster", "Ny klynge")
    assert not Grant.objects.exists()
    run("import", write(tmp_path, text), "--cluster", "Ny klynge", "--create")
    cluster = Body.objects.get(name="Ny klynge")
    assert cluster.kind.groups_bodies
    assert Organisation.objects.get(name="Vejle Kommune").kind == OrganisationKind.MUNICIPALITY
    assert Organisation.objects.get(name="Region Syddanmark").kind == OrganisationKind.REGION
    assert set(cluster.member_organisations.values_list("name", flat=True)) == {"Vejle Kommune", "Region Syddanmark"}
    assert json.loads(run("balance", "--cluster", "Ny klynge", "--json"))["total"] == {
        "funds": 300, "committed": 50, "balance": 250}


def test_missing_party_is_an_error_without_create(structure, tmp_path):
    text = HEADER + "grant,2023,Ukendt Kommune,,,100\n"
    with pytest.raises(CommandError) as exc:
        run("import", write(tmp_path, text), "--cluster", "Klynge A")
    assert "Række 2, kolonne “party”: parten “Ukendt Kommune” findes ikke" in str(exc.value)
    assert not Organisation.objects.filter(name="Ukendt Kommune").exists()


BAD = [
    ("negative grant", "grant,2023,Testby Kommune,,,-5\n",
     "Række 3, kolonne “amount”: En bevilling kan ikke være negativ (-5)."),
    ("unknown party", "grant,2023,Ingenby Kommune,,,5\n",
     "Række 3, kolonne “party”: parten “Ingenby Kommune” findes ikke."),
    ("malformed number", "grant,2023,Region Testland,,,12x\n",
     "Række 3, kolonne “amount”: “12x” er ikke et gyldigt beløb i hele kroner"),
    ("øre", 'grant,2023,Region Testland,,,"12,50"\n', "Række 3, kolonne “amount”: “12,50” er ikke hele kroner"),
    ("duplicate line", "grant,2022,Testby Kommune,,,1\n",
     "Række 3: dobbelt linje; række 2 har allerede en bevilling for Testby Kommune i 2022."),
    ("bad kind", "tilskud,2023,Region Testland,,,1\n",
     "Række 3, kolonne “kind”: “tilskud” skal være grant eller budget."),
    ("bad year", "grant,23,Region Testland,,,1\n", "Række 3, kolonne “year”: “23” er ikke et årstal"),
    ("short row", "grant,2023,Region Testland\n", "Række 3, kolonne “initiative”: kolonnen mangler i rækken"),
    ("grant with initiative", "grant,2023,Region Testland,1,,1\n",
     "Række 3, kolonne “initiative”: skal være tom for en bevilling"),
    ("negative budget", "budget,2023,Region Testland,1,Ny,-1\n",
     "Række 3, kolonne “amount”: Et budget kan ikke være negativt (-1)."),
]


@pytest.mark.parametrize("case,row,message", BAD, ids=[b[0] for b in BAD])
def test_bad_input_names_row_and_column_and_imports_nothing(structure, case, row, message):
    text = HEADER + "grant,2022,Testby Kommune,,,100\n" + row
    with pytest.raises(FundsImportError) as exc:
        import_csv(text, "Klynge A")
    assert any(message in e for e in exc.value.errors), exc.value.errors
    assert not Grant.objects.exists() and not Initiative.objects.exists()


def test_missing_column_is_named(structure):
    with pytest.raises(FundsImportError) as exc:
        import_csv("kind,year,party,initiative,title\ngrant,2023,Region Testland,,\n", "Klynge A")
    assert exc.value.errors == [
        "Række 1: kolonnen “amount” mangler. Første række skal være: kind,year,party,initiative,title,amount."]


def test_budget_on_another_clusters_initiative_is_refused(structure):
    Initiative.objects.create(cluster=structure.other_cluster, number="7", title="B's indsats")
    text = HEADER + "grant,2023,Region Testland,,,100\nbudget,2023,Region Testland,7,B's indsats,50\n"
    with pytest.raises(FundsImportError) as exc:
        import_csv(text, "Klynge A")
    assert exc.value.errors == [
        "Række 3, kolonne “initiative”: indsats 7 “B's indsats” hører til Klynge B, ikke Klynge A. "
        "Et budget kan kun lægges på klyngens egne indsatser."]
    assert not Grant.objects.exists()
    assert not BudgetLine.objects.exists()


def test_import_into_a_locked_budget_is_refused(funded):
    one = Initiative.objects.get(number="10a")
    BudgetApproval.objects.create(initiative=one, decided_on="2023-01-16", reference="Politisk niveau, punkt 4")
    with pytest.raises(FundsImportError) as exc:
        import_csv(HEADER + "budget,2023,Region Testland,10a,Første indsats,1\n", "Klynge A")
    assert "godkendt ved en beslutning og låst" in exc.value.errors[0]
    assert BudgetLine.objects.get(initiative=one, party__name="Region Testland").amount == 200_000


def test_several_errors_are_all_reported(structure, tmp_path):
    text = HEADER + "grant,2023,Region Testland,,,-1\ngrant,2023,Nowhere,,,1\n"
    with pytest.raises(CommandError) as exc:
        run("import", write(tmp_path, text), "--cluster", "Klynge A")
    assert "Intet er importeret" in str(exc.value)
    assert "Række 2" in str(exc.value) and "Række 3" in str(exc.value)


def test_semicolon_and_windows_1252_files_are_read(structure, tmp_path):
    path = tmp_path / "excel.csv"
    text = "kind;year;party;initiative;title;amount\r\nbudget;2023;Region Testland;1;Sundhed for ældre;1.000\r\n"
    path.write_bytes(text.encode("cp1252"))
    run("import", str(path), "--cluster", "Klynge A")
    assert Initiative.objects.get(cluster=structure.cluster, number="1").title == "Sundhed for ældre"


def test_unknown_cluster_for_balance_is_a_clear_error(db):
    with pytest.raises(CommandError, match="Klyngen “Ingen” findes ikke"):
        run("balance", "--cluster", "Ingen", "--json")
