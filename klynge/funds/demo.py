"""Demo funds for Sundhedsklynge Lillebælt.

From the corpus (lillebaelt-fagligt-strategisk-niveau-2022-12-07.txt, punkt 5): the grants
table 2022/2023 with a municipal and a regional share, and that the 2022 funds were carried
over to 2023. The corpus gives the municipal share as one amount for all six municipalities,
so it is recorded as a grant to the party "Kommunerne i Sundhedsklynge Lillebælt"; the
regional share is a grant to Region Syddanmark.

The initiatives, budgets, spending and distribution key are EXAMPLES (marked is_example and
"(eksempel)" on the pages): the minutes only say the funds may go to competence development,
to initiatives from the national leadership programme and to new initiatives for young people.

Idempotent: a record is only saved when something differs, so a second run writes no history.
"""

import datetime

from klynge.core.demo import demo_builder
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Body, Organisation

from .choices import FundingKind, InitiativeStatus
from .models import BudgetApproval, BudgetLine, DistributionShare, Grant, Initiative, OtherFunding, Spending, Transfer

D = datetime.date
CLUSTER = "sundhedsklynge-lillebaelt"
MUNICIPAL = "Kommunerne i Sundhedsklynge Lillebælt"
REGION = "Region Syddanmark"
SOURCE = "Fagligt strategisk niveau 7. december 2022, punkt 5"
REASON = "Demodata"

GRANTS = [  # year, party, amount — the corpus table exactly
    (2022, MUNICIPAL, 2_069_103),
    (2022, REGION, 2_061_670),
    (2023, MUNICIPAL, 2_069_103),
    (2023, REGION, 2_110_235),
]

INITIATIVES = [
    # number, title, status, owner, focus, budget {(year, party): amount}, approved
    ("1", "Kompetenceudvikling om børn og unges trivsel", InitiativeStatus.RUNNING, "Kolding Kommune",
     "Børn og unges trivsel", {(2023, MUNICIPAL): 600_000, (2023, REGION): 600_000}, True),
    ("2", "Forbedringsinitiativ fra Det Nationale Ledelsesprogram, hold 1", InitiativeStatus.PROPOSED,
     "Sygehus Lillebælt", "Ledelsesprogrammet", {(2023, MUNICIPAL): 250_000, (2023, REGION): 250_000}, False),
    ("3a", "Nye veje til unges trivsel – inddragelse af de unge", InitiativeStatus.APPROVED, "Vejle Kommune",
     "Børn og unges trivsel", {(2023, MUNICIPAL): 400_000, (2023, REGION): 350_000}, False),
    ("3b", "Nye veje til unges trivsel – afprøvning af indsatser", InitiativeStatus.PROPOSED, "Vejle Kommune",
     "Børn og unges trivsel", {(2023, MUNICIPAL): 500_000, (2023, REGION): 600_000}, False),
]

# Example key for initiative 1: the hospital half, the municipalities half by rough population.
KEY = {"Sygehus Lillebælt": 5000, "Billund Kommune": 360, "Fredericia Kommune": 690, "Kolding Kommune": 1250,
       "Middelfart Kommune": 520, "Vejen Kommune": 570, "Vejle Kommune": 1610}


def _upsert(model, lookup: dict, values: dict):
    obj = model.objects.filter(**lookup).first()
    if obj is not None and all(getattr(obj, k) == v for k, v in values.items()):
        return obj
    obj = obj or model(**lookup)
    for k, v in values.items():
        setattr(obj, k, v)
    obj._change_reason = REASON
    obj._budget_change_allowed = True
    obj.save()
    return obj


@demo_builder(order=40)
def build_funds(out):
    cluster = Body.objects.filter(slug=CLUSTER).first()
    if cluster is None:
        return
    region = Organisation.objects.get(name=REGION)
    municipal = _upsert(Organisation, {"name": MUNICIPAL},
                        {"slug": "kommunerne-i-sundhedsklynge-lillebaelt", "kind": OrganisationKind.OTHER,
                         "region": region})
    parties = {MUNICIPAL: municipal, REGION: region}
    for year, party, amount in GRANTS:
        _upsert(Grant, {"cluster": cluster, "year": year, "party": parties[party]},
                {"amount": amount, "note": f"Korpus: {SOURCE}"})
    for party in (MUNICIPAL, REGION):
        amount = next(a for y, p, a in GRANTS if y == 2022 and p == party)
        _upsert(Transfer, {"cluster": cluster, "party": parties[party], "from_year": 2022, "to_year": 2023},
                {"amount": amount, "decision_reference": f"{SOURCE}: “fastholdt, at klyngemidlerne fra 2022 "
                                                         "overføres til 2023”"})

    for number, title, status, owner, focus, budget, approved in INITIATIVES:
        initiative = _upsert(Initiative, {"cluster": cluster, "number": number}, {
            "title": title, "status": status, "project_owner": Organisation.objects.get(name=owner),
            "focus_area": focus, "is_example": True, "start": D(2023, 3, 1), "end": D(2024, 12, 31),
            "description": "Eksempel i demodata: korpusset nævner anvendelsen, men ikke indsatsen eller dens budget.",
        })
        for (year, party), amount in budget.items():
            _upsert(BudgetLine, {"initiative": initiative, "year": year, "party": parties[party]},
                    {"amount": amount})
        if approved:
            _upsert(BudgetApproval,
                    {"initiative": initiative, "reference": "Eksempel: Politisk niveau 16. januar 2023"},
                    {"decided_on": D(2023, 1, 16), "budget_total": sum(budget.values())})

    first = Initiative.objects.get(cluster=cluster, number="1")
    for name, weight in KEY.items():
        _upsert(DistributionShare, {"initiative": first, "party": Organisation.objects.get(name=name)},
                {"weight": weight})
    for start, end, amount, text in [(D(2023, 4, 1), D(2023, 6, 30), 212_345, "Kursusforløb, 1. hold (eksempel)"),
                                     (D(2023, 7, 1), D(2023, 9, 30), 187_001, "Kursusforløb, 2. hold (eksempel)")]:
        _upsert(Spending, {"initiative": first, "period_start": start, "period_end": end},
                {"year": 2023, "amount": amount, "description": text})
    _upsert(OtherFunding, {"initiative": Initiative.objects.get(cluster=cluster, number="3b"),
                           "source": "Puljemidler fra fonde (eksempel)", "year": 2023},
            {"kind": FundingKind.FOUNDATION, "amount": 300_000,
             "note": "Korpusset nævner, at nye indsatser kan suppleres af puljemidler fra fonde."})
    out.write("\nKlyngemidler: Sundhedsklynge Lillebælt med bevillingerne 2022-2023 fra korpusset (8.310.111 kr.)"
              " og eksempler på indsatser.")


@demo_builder(order=45)
def build_initiative_life(out):
    """Point 8 of issue 14: an initiative through its life. Randersklyngen's "Fælles forpligtende forløb og
    handleplan" from the corpus (1 November 2023, punkt 3): developed jointly by the municipalities, the region
    and PLO-Midtjylland, tried and evaluated in Syddjurs, experiences sent to the clusters for inspiration.
    The dates are DEMO; the texts are the corpus'. Lillebælt's example initiative 1 gets DEMO phases."""
    from klynge.funds.lifecycle import (
        FinalReport,
        InitiativePhase,
        PatientPerspective,
        PhaseKind,
        ProgressReport,
        SpreadDecision,
    )

    randers = Body.objects.filter(slug="randersklyngen").first()
    ssu = Body.objects.filter(slug="region-midtjylland-sundhedssamarbejdsudvalget").first()
    if randers is None or ssu is None:
        return
    initiative = _upsert(Initiative, {"cluster": randers, "number": "1"}, {
        "title": "Fælles forpligtende forløb og handleplan for børn og unge i mistrivsel",
        "status": InitiativeStatus.EVALUATED,
        "focus_area": "Børn og unges mentale sundhed",
        "description": "Fra korpusset (Randersklyngen 1. november 2023, punkt 3): en model for bedre sammenhæng og en "
                       "mere klar ansvarsfordeling mellem skoletilbud, PPR, almen praksis og regional behandling "
                       "for børn og unge i psykisk mistrivsel. Indsatsens datoer er DEMO.",
    })
    for kind, start, end, note in [
        (PhaseKind.PROBLEM, D(2021, 9, 1), D(2021, 12, 31), "DEMO-datoer."),
        (PhaseKind.WORKSHOPS, D(2022, 1, 1), D(2022, 6, 30),
         "Modellen er udviklet i fællesskab på tværs af kommunerne, regionen og PLO-Midtjylland."),
        (PhaseKind.PILOT, D(2022, 8, 1), D(2023, 6, 30), "Afprøvet og evalueret i Syddjurs Kommune."),
    ]:
        _upsert(InitiativePhase, {"initiative": initiative, "kind": kind}, {"start": start, "end": end, "note": note})
    _upsert(ProgressReport, {"initiative": initiative, "reported_on": D(2023, 3, 1)}, {
        "text": "DEMO: afprøvningen i Syddjurs er i gang; der har endnu ikke været forløb henvist til Børne- og "
                "Ungdomspsykiatrisk Afdeling."})
    _upsert(FinalReport, {"initiative": initiative}, {
        "submitted_to": ssu, "submitted_on": D(2023, 9, 1), "decision": SpreadDecision.PARTLY,
        "decided_on": D(2023, 9, 29),
        "summary": "Evalueringen har vist, at modellen har en effekt på flere væsentlige parametre særligt vedr. "
                   "bedre koordinering, men samtidig også at den er ressourcekrævende, og at den ikke løser "
                   "kapacitets- og ventetidsproblematikker.",
        "decision_note": "Erfaringerne fra projektet er sendt til inspiration i klyngernes lokale arbejde målrettet "
                         "børn og unge i mistrivsel (korpusset). Datoerne er DEMO."})
    _upsert(PatientPerspective, {"initiative": initiative}, {
        "perspective": "Det er ventetiden på indsatser, som for forældrene er mest udfordrende. Modellen sikrer en "
                       "fælles plan og én indgang til kommunen (evalueringen, korpusset).",
        "involvement": "DEMO: forældre interviewet i evalueringen."})
    lillebaelt = Initiative.objects.filter(cluster__slug=CLUSTER, number="1").first()
    if lillebaelt is not None:
        for kind, start, end in [(PhaseKind.PROBLEM, D(2023, 1, 16), D(2023, 2, 28)),
                                 (PhaseKind.WORKSHOPS, D(2023, 3, 1), D(2023, 4, 30)),
                                 (PhaseKind.PILOT, D(2023, 5, 1), None)]:
            _upsert(InitiativePhase, {"initiative": lillebaelt, "kind": kind},
                    {"start": start, "end": end, "note": "DEMO"})
    out.write("\nIndsatsers forløb: Randersklyngens “Fælles forpligtende forløb og handleplan” fra korpusset.")


@demo_builder(order=65)
def build_approval_under_delegation(out):
    """Issue 14, point 5: a funds approval that cites a delegation. The register's delegation from Lillebælt's
    political level to its chair group is DEMO (governance.demo); so is this approval of initiative 3a."""
    from klynge.governance.models import Delegation

    delegation = Delegation.objects.filter(body__slug="lillebaelt-politisk-niveau",
                                           delegate="det politiske formandskab").first()
    initiative = Initiative.objects.filter(cluster__slug=CLUSTER, number="3a").first()
    if delegation is None or initiative is None:
        return
    _upsert(BudgetApproval,
            {"initiative": initiative, "reference": "DEMO: Det politiske formandskab 15. marts 2023"},
            {"decided_on": D(2023, 3, 15), "budget_total": 750_000, "delegation": delegation})
    out.write("\nKlyngemidler: indsats 3a godkendt under bemyndigelse (DEMO).")
