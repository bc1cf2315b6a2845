"""Demo: Det Nationale Ledelsesprogram på Sundhedsområdet, from the corpus.

Source: lillebaelt-fagligt-strategisk-niveau-2022-12-07.txt, punkt 4 ("Erfaringer fra Det Nationale
Ledelsesprogram – og forslag til kommende forbedringsprojekter"): the programme, hold 1's two Lillebælt
projects and their named participants, hold 2's seats (43 in Syddanmark, 10-11 per cluster), the selection
process (proposals by 1 February 2023, the decision on 21 February 2023, registration by the end of March
2023) and the reporting to the political level (May 2023; after summer 2023). randersklyngen-2023-11-01.txt,
punkt 5 (an analysis that may lead to a "laboratorium, hvor et forbedringstema ... omsættes til forslag til
handlinger") gives the theme of the Randers team. Everything else (hold 3, the hold 2 teams and their
members, chairs, exact days the corpus gives only as a month) is invented and labelled DEMO.
"""

import datetime

from klynge.core.demo import demo_builder
from klynge.funds.models import Initiative
from klynge.meetings.models import AgendaItem
from klynge.organisation.models import Body, Organisation, Person

from .choices import DeadlineKind as K
from .choices import TeamRole, TeamStatus
from .models import Cohort, Deadline, Programme, SeatAllocation, Team, TeamMember

D = datetime.date
SLUG = "det-nationale-ledelsesprogram"
LILLEBAELT, RANDERS = "sundhedsklynge-lillebaelt", "randersklyngen"

DESCRIPTION = (
    "Det nationale ledelsesprogram er et centralt element i Det Nationale Kvalitetsprogram fra Sundhedsstyrelsen. "
    "Programmet skal skabe en bevægelse på hele sundhedsområdet hen imod kontinuerlig dataunderstøttet "
    "forbedringsarbejde.\n\n"
    "Målgruppen er ledere og chefer fra kommuner og region samt repræsentanter fra almen praksis med direkte "
    "tilknytning til drift og administration. Fra 2022 er programmet drevet af regionerne og kommunerne, og det er "
    "et 10-måneders forløb med undervisningsmoduler og arbejde med konkrete forbedringsprojekter på tværs af "
    "regioner, kommuner og almen praksis med patient og borger i fokus. Hver indsats får tildelt en "
    "sparringspartner gennem hele programmet. Det optimale er tre til seks deltagere pr. projekt.\n\n"
    "Kilde: Sundhedsklynge Lillebælt, Fagligt strategisk niveau 7. december 2022, punkt 4.")

ECONOMY = ("Det er gratis at deltage i ledelsesprogrammet, inkl. overnatninger og forplejning. Personale fra almen "
           "praksis kan frikøbes for tabt arbejdsfortjeneste. Fagligt strategisk niveau vurderede 7. december 2022, "
           "at der kan være initiativer fra hold 1, hvor klyngemidler kan tænkes ind.")
SUPPORT = ("Hver indsats får tildelt en sparringspartner gennem hele programmet. Hold 1 anbefaler en "
           "referencegruppe, så det ledelsesmæssige fokus og sparring sikres løbende i processen.")

COHORTS = [
    # number, start, end, description
    (1, None, None, "Aktuelt (december 2022) deltager 16 regionale og 20 kommunale deltagere fra Lillebælt-området "
                    "i Hold 1. Udpegning af forbedringsprojekter og deltagere til hold 1 skete via de tidligere SOF "
                    "og PSOF."),
    (2, None, None, "I foråret 2023 udpeges projekter og deltagere til hold 2. Syddanmark har 43 pladser, dvs. 10-11 "
                    "pladser pr. sundhedsklynge; hver sundhedsklynge indmelder to til fire projekter. Der lægges vægt "
                    "på, at forbedringsinitiativerne er tværsektorielle, praksisnære og skaber værdi for borgerne."),
    (3, D(2027, 3, 1), D(2027, 12, 31), "DEMO: hold 3 og dets datoer er opfundet til demoen."),
]

DEADLINES = [
    # cohort, kind, date, title, cluster slug, done on, item title (the 7 December 2022 meeting)
    (1, K.OTHER, D(2022, 12, 7), "Deltagere fra Hold 1 fremlægger erfaringer for Fagligt strategisk niveau",
     LILLEBAELT, D(2022, 12, 7), "Erfaringer fra Det Nationale Ledelsesprogram"),
    (1, K.REPORT, D(2023, 5, 31), "Projekternes resultater præsenteres for politisk niveau i maj 2023 "
                                  "(DEMO: dagen; referatet siger maj)", LILLEBAELT, None, None),
    (2, K.PROPOSALS, D(2023, 2, 1), "Aktørerne i Fagligt strategisk niveau indsender forslag til projekter til "
                                    "sekretariatet (DEMO: markeret som overholdt)", LILLEBAELT, D(2023, 2, 1), None),
    (2, K.DECISION, D(2023, 2, 21), "Fagligt strategisk niveau beslutter, hvilke projekter der skal indgå i Hold 2 "
                                    "fra klyngen (DEMO: markeret som overholdt)", LILLEBAELT, D(2023, 2, 21), None),
    (2, K.REGISTRATION, D(2023, 3, 31), "Projekter og bemanning af Hold 2 indsendes til programsekretariatet "
                                        "(ultimo marts 2023)", None, D(2023, 3, 31), None),
    (2, K.REPORT, D(2023, 9, 30), "Orientering til det politiske niveau om ledelsesprogrammet, når Hold 1 er "
                                  "afsluttet, sammen med en orientering om Hold 2 efter sommer 2023 "
                                  "(DEMO: dagen)", LILLEBAELT, None, None),
    (3, K.PROPOSALS, D(2026, 12, 14), "DEMO: Forslag til projekter til Hold 3", None, None, None),
    (3, K.DECISION, D(2027, 1, 25), "DEMO: Beslutning om projekter til Hold 3", None, None, None),
    (3, K.REGISTRATION, D(2027, 2, 15), "DEMO: Indmelding af deltagere til Hold 3", None, None, None),
]

TEAMS = [
    # cohort, cluster, name, status, theme, anchoring, reporting, initiative number, report item, members, demo
    # members: (person, title, party, role)
    (1, LILLEBAELT, "Fokus på sektorovergange med udgangspunkt i det akutte område", TeamStatus.COMPLETED,
     "Sektorovergange med udgangspunkt i det akutte område. Arbejdsgruppen har arbejdet med dataanalyser; i "
     "afrapporteringen fremgår i alt 18 temaer, hvoraf to arbejdes der med i regi af ledelsesprogrammet.",
     "Udpeget via det tidligere SOF Lillebælt med repræsentanter fra Middelfart, Vejen og Fredericia kommune samt "
     "FAM, Kolding – Sygehus Lillebælt. Kurt Æbelø undersøger, hvordan der samles op på erfaringer med nye "
     "indsatser, med henblik på at sikre forankring.",
     "Erfaringer fremlagt for Fagligt strategisk niveau 7. december 2022. Projekternes resultater præsenteres for "
     "politisk niveau i maj 2023.", "2", "Erfaringer fra Det Nationale Ledelsesprogram",
     [("Jeanett Dorthe Wraa", "Programleder for Fremtidens Ældreliv", "Middelfart Kommune", TeamRole.MEMBER),
      ("Gitte Sparke", "Projektleder akutplanen og sygeplejespecialist (formand: DEMO)", "Sygehus Lillebælt",
       TeamRole.CHAIR),
      ("Bo Smith", "Leder af Sygeplejen", "Vejen Kommune", TeamRole.MEMBER)], False),
    (1, LILLEBAELT, "Samarbejdsmodel mellem Psykiatrien i Region Syddanmark og kommunerne (Sammen om Psykiatri)",
     TeamStatus.COMPLETED,
     "En samarbejdsmodel mellem Psykiatrien i Region Syddanmark og kommunerne i forbindelse med Sammen om "
     "Psykiatri. Målgruppen er de mest komplekse og udsatte borgere/patienter.",
     "Udpeget via det tidligere PSOF Lillebælt. Deltagere fra Kolding Kommune, Vejle Kommune og Psykiatrien i "
     "Region Syddanmark.",
     "Erfaringer fremlagt for Fagligt strategisk niveau 7. december 2022, og hvordan de kan anvendes af fremtidige "
     "hold.", None, "Erfaringer fra Det Nationale Ledelsesprogram",
     [("Dorte Lunding", "Oversygeplejerske, Psykiatrisk afdeling, Vejle", "Psykiatrien i Region Syddanmark",
       TeamRole.MEMBER)], False),
    (2, LILLEBAELT, "DEMO: Børn og unges trivsel – tidlig opsporing på tværs", TeamStatus.REGISTERED,
     "DEMO: elementer af Tværsektoriel aftale på børne- og ungeområdet i Region Syddanmark, som referatet foreslår "
     "at tænke ind i projekterne til Hold 2.",
     "DEMO: forankret i Koordinerende niveau.", "DEMO: status til Fagligt strategisk niveau hvert halve år.", None,
     None,
     [("Deltager A (DEMO)", "Afdelingsleder (DEMO)", "Sygehus Lillebælt", TeamRole.CHAIR),
      ("Deltager B (DEMO)", "Leder af sundhedsplejen (DEMO)", "Kolding Kommune", TeamRole.CO_CHAIR),
      ("Deltager C (DEMO)", "Praktiserende læge (DEMO)", "PLO-Syddanmark", TeamRole.MEMBER),
      ("Deltager D (DEMO)", "PPR-leder (DEMO)", "Billund Kommune", TeamRole.MEMBER)], True),
    (2, LILLEBAELT, "DEMO: IV-behandling i nærområdet – kommunal opfølgning", TeamStatus.PROPOSED,
     "DEMO: et forslag, hvor alle deltagere endnu kommer fra én kommune (Klynge advarer).", "", "", None, None,
     [("Deltager E (DEMO)", "Sygeplejefaglig leder (DEMO)", "Kolding Kommune", TeamRole.CHAIR),
      ("Deltager F (DEMO)", "Udviklingskonsulent (DEMO)", "Kolding Kommune", TeamRole.MEMBER)], True),
    (2, RANDERS, "DEMO: Ældre borgere med kronisk sygdom – fra indlæggelse til genindlæggelse", TeamStatus.SELECTED,
     "Analysen af borgerens vej fra indlæggelse til udskrivelse til genindlæggelse kan være afsættet for et "
     "laboratorium, hvor et forbedringstema fra analysen foldes ud (Randersklyngen 1. november 2023, punkt 5). "
     "DEMO: at det bliver et forbedringsteam.", "DEMO: forankret i klyngestyregruppen.", "", None, None,
     [("Deltager G (DEMO)", "Afdelingssygeplejerske (DEMO)", "Regionshospitalet Randers", TeamRole.CHAIR),
      ("Deltager H (DEMO)", "Hjemmeplejeleder (DEMO)", "Randers Kommune", TeamRole.MEMBER),
      ("Deltager I (DEMO)", "Sygeplejeleder (DEMO)", "Favrskov Kommune", TeamRole.MEMBER),
      ("Deltager J (DEMO)", "Praktiserende læge (DEMO)", "PLO-Midtjylland", TeamRole.MEMBER)], True),
]


def _item(title):
    if not title:
        return None
    return AgendaItem.objects.filter(meeting__body__slug="lillebaelt-fagligt-strategisk-niveau",
                                     meeting__date=D(2022, 12, 7), title__startswith=title).first()


@demo_builder(order=65)
def build_improvement(out):
    clusters = {b.slug: b for b in Body.objects.filter(slug__in=[LILLEBAELT, RANDERS])}
    if LILLEBAELT not in clusters or Programme.objects.filter(slug=SLUG).exists():
        return
    programme = Programme.objects.create(
        name="Det Nationale Ledelsesprogram på Sundhedsområdet", slug=SLUG, is_demo=True,
        owner="Regionerne og kommunerne (Det Nationale Kvalitetsprogram fra Sundhedsstyrelsen)",
        description=DESCRIPTION)
    cohorts = {n: Cohort.objects.create(programme=programme, number=n, start=s, end=e, description=t)
               for n, s, e, t in COHORTS}
    syddanmark = Organisation.objects.get(name="Region Syddanmark")
    SeatAllocation.objects.create(cohort=cohorts[2], region=syddanmark, seats=43, note="Korpus: 43 pladser")
    SeatAllocation.objects.create(cohort=cohorts[2], region=syddanmark, cluster=clusters[LILLEBAELT], seats=11,
                                  note="Korpus: 10-11 pladser pr. sundhedsklynge")
    for number, kind, day, title, cluster, done, item in DEADLINES:
        Deadline.objects.create(cohort=cohorts[number], kind=kind, date=day, title=title,
                                cluster=clusters.get(cluster), done_on=done, item=_item(item))
    persons = {p.name: p for p in Person.objects.all()}
    parties = {o.name: o for o in Organisation.objects.all()}
    for number, cluster, name, status, theme, anchoring, reporting, initiative, report, members, _demo in TEAMS:
        if cluster not in clusters:
            continue
        team = Team.objects.create(cohort=cohorts[number], cluster=clusters[cluster], name=name, status=status,
                                   theme=theme, anchoring=anchoring, reporting=reporting, is_demo=True,
                                   support=SUPPORT,
                                   economy=ECONOMY if number == 1 else "DEMO: ingen klyngemidler endnu.",
                                   internal_note="DEMO: en intern bemærkning, som kun klyngen ser.")
        if initiative:
            team.initiatives.set(Initiative.objects.filter(cluster=clusters[cluster], number=initiative))
        if _item(report):
            team.reports.set([_item(report)])
        for person_name, title, party, role in members:
            person = persons.get(person_name) or Person.objects.create(name=person_name, title=title)
            TeamMember.objects.create(team=team, person=person, organisation=parties[party], role=role, title=title)
    out.write(f"\nForbedringsteams: {programme.name}, {len(cohorts)} hold, {Team.objects.count()} teams "
              "(hold 1 fra korpusset; hold 2's teams og hold 3 er DEMO).")
