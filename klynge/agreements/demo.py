"""Demo agreements built from the corpus.

Real (from ``corpus/midtvejsstatus-sundhedsaftalen-2019-2023.txt``): the framework agreement
Sundhedsaftalen 2019-2023 with its overall goal, four visions, seven principles, three priority areas
and their goals; the agreements it lists, their kind, priority area, "what it means" texts (shortened)
and their "Status pr. 2. kvartal 2021"; the 75 % vaccination target; the status report itself.
Real (from the Lillebælt minutes of 7 December 2022, items 12-14): the three follow-ups (PTSD,
depression, dementia), who asked, when, and how answers travel (parties -> cluster secretariat ->
one consolidated answer).

Invented, and marked ``is_demo`` and "(demodata)" in the text: approval dates the status report
does not give, the status per cluster and party, contact persons, the questions, answers and
consolidated answers of the follow-up rounds, and the links to indicators.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from klynge.core.demo import demo_builder
from klynge.indicators.models import Indicator
from klynge.meetings.models import AgendaItem
from klynge.organisation.models import Body, BodyKind, Organisation

from .choices import Cadence, GoalComparison, QuestionKind, RoundKind, RoundStatus
from .choices import ImplementationStatus as S
from .models import (
    AgreementStatus,
    Answer,
    CollaborationAgreement,
    ConsolidatedAnswer,
    ConsolidatedItem,
    ContactPerson,
    FollowUpRound,
    FrameworkAgreement,
    Goal,
    Implementation,
    ImplementationUpdate,
    PriorityArea,
    Question,
    Recipient,
    StatusReport,
    ensure_default_kinds,
)

D = datetime.date
AS_OF = D(2021, 6, 30)
DEMO = " (demodata)"

VISIONS = ["Mere lighed i sundhed – socialt og geografisk", "På borgernes præmisser",
           "Sundhedsløsninger tæt på borgeren",
           "Mere sundhed for pengene"]
PRINCIPLES = ["Fair balance i økonomi over tid på tværs af sektorer", "Høj og mere ensartet kvalitet",
              "Fælles populationsansvar", "At bryde med vanetænkningen", "Videndeling og spredning",
              "Tidlig og rettidig indsats", "IT, data og telemedicin på tværs"]
AREAS = [("forebyggelse", "Fælles investering i forebyggelse", "først med fokus på rygning"),
         ("aeldre", "Sammen om ældre borgere", "først med fokus på akutområdet"),
         ("psykiatri", "Den nære psykiatri", "først med fokus på mental sundhed hos børn og unge samt voksne "
                                             "borgere med svær psykisk sygdom")]
# area, title, comparison, target, unit, indicator slugs (the links to the demo indicators are invented)
GOALS = [
    ("forebyggelse", "Vi vil nedbringe antallet af dagligrygere i Region Midtjylland", GoalComparison.AT_MOST, None,
     "dagligrygere", []),
    ("aeldre", "Vi vil styrke samarbejdet om akut syge ældre og nedbringe antallet af akutte indlæggelser blandt "
     "ældre", GoalComparison.AT_MOST, None, "akutte indlæggelser (65+)",
     ["akutte-indlaeggelser-65", "forebyggelige-indlaeggelser-65", "genindlaeggelser-30-dage-65"]),
    ("aeldre", "75 % af de ældre borgere (65+) vaccineres mod influenza", GoalComparison.AT_LEAST, 75, "%", []),
    ("psykiatri", "Vi vil forbedre den mentale sundhed og mindske mistrivsel hos børn og unge i Region Midtjylland",
     GoalComparison.AT_MOST, None, "børn og unge i mistrivsel", []),
    ("psykiatri", "Vi vil forbedre sundheden og sikre bedre sammenhængende patientforløb for voksne med svær "
     "psykisk sygdom", GoalComparison.AT_MOST, None, "tvangsindlæggelser (16+)", ["tvangsindlaeggelser-16"]),
]
# slug, kind, area (or theme), title, approved (None: not in the source -> invented), status, status text,
# for citizens, for the collaboration
AGREEMENTS = [
    ("rygestop", "Samarbejdsaftale", "forebyggelse", "Samarbejdsaftale om rygestop", None, S.IMPLEMENTED,
     "Samarbejdsaftalen vedr. rygestop er implementeret. Opfølgning på aftalen skulle ske til og med 2020, men "
     "Sundhedsstyregruppen har besluttet, at der også skal ske opfølgning i 2021, da vi endnu ikke lever op til "
     "målsætningerne i aftalen hvad angår antal henvisninger.",
     "Borgerne bliver tilbudt et rygestopkursus på et tidspunkt, hvor der er større sandsynlighed for, at de er "
     "modtagelige. De oplever nem adgang til lokal, professionel hjælp, som for 39 % af deltagerne medfører et "
     "længerevarende rygestop.",
     "Samarbejdet om forebyggelse på tværs af sektorer styrkes, og aftalen sikrer en smidig overgang fra sekundær- "
     "til primærsektoren for borgeren."),
    ("rygestop-almen-praksis", "Hensigtserklæring", "forebyggelse",
     "Hensigtserklæring om øget fokus på rygestop i almen praksis", None, S.IMPLEMENTED,
     "Aftalen er implementeret og der sker opfølgning sammen med samarbejdsaftalen vedr. rygestop. Opfølgning i "
     "2020 indikerede behov for en yderligere implementeringsindsats, og der lanceres derfor en kampagne målrettet "
     "almen praksis i august 2021.", "", ""),
    ("tobaksfrie-ungdomsuddannelser", "Partnerskab", "forebyggelse", "Partnerskab om tobaksfrie ungdomsuddannelser",
     None, S.IMPLEMENTED, "Partnerskab for tobaksfri ungdomsuddannelser er implementeret og evalueres ultimo 2021.",
     "Der sættes fokus på succesfuld implementering af tobaksfri skoletid, så unge ikke præsenteres for tobak i "
     "deres skoletid.", "Partnerskabet synliggør kompetencer og ressourcer hos partnerne."),
    ("sundhedsvisitationer", "Samarbejdsaftale", "aeldre",
     "Samarbejdsaftale om sundhedsvisitationer for somatik og psykiatri i alle klynger", None, S.PAUSED,
     "Implementering af sundhedsvisitationerne har i flere klynger været pauseret grundet covid-19. Frist for fuld "
     "implementering er derfor udskudt til ultimo 2021 med opfølgning primo 2022 inklusiv forslag til fælles "
     "evaluering.",
     "Flere borgere kan behandles i eget hjem eller i kommunale akuttilbud, hvor indlæggelse kan undgås, og oplever "
     "færre skift og større sammenhæng i det akutte forløb.",
     "Kommunerne leverer information om relevante tilbud og organiserer sig med få indgange; hospitalerne indretter "
     "sig med mere ensartede tilbud."),
    ("kommunale-akutfunktioner", "Samarbejdsaftale", "aeldre", "Samarbejdsaftale om kommunale akutfunktioner", None,
     S.IMPLEMENTED, "Samarbejdsaftalen er implementeret. Aftalen er betinget af en lokalaftale om fælles "
     "forsøgsordning med honorering af praktiserende læger; forsøgsordningen forventes evalueret i første halvår af "
     "2021.", "Samarbejdsaftalen skal sikre sammenhængende forløb og tydeliggøre ansvar, så sårbare borgere undgår at "
     "falde mellem to stole.", "Samarbejdsaftalen tydeliggør ansvarsfordelingen på tværs af sektorer."),
    ("influenza-vaccination", "Kampagne", "aeldre", "Influenza-vaccinationskampagne", None, S.IN_OPERATION,
     "Sundhedsstyregruppen har besluttet, at kampagnen skal gentages årligt. Der følges op årligt.",
     "I sæsonen 2020-2021 er 75,7 % af målgruppen vaccineret (46,8 % i 2017-2018).",
     "En koordineret indsats på tværs af alle parter i sundhedsaftalen."),
    ("alliancen-naere-psykiatri", "Partnerskab", "psykiatri", "Alliancen om den nære psykiatri", None,
     S.IMPLEMENTING, "Initiativ nummer 6 og 8 er under implementering på tværs af alle fem klynger. Alle øvrige "
     "initiativer er under udvikling og afprøvning i enkelte klynger eller kommuner.", "", ""),
    ("udgaaende-ambulante-teams", "Rammeaftale", "psykiatri", "Rammeaftale om udgående ambulante teams", None,
     S.IMPLEMENTING, "Implementeringen har været længere tid undervejs grundet covid-19. Frist for fuld "
     "implementering er udskudt til ultimo 2021 med evaluering primo 2022.",
     "Tilgængeligheden til de udgående ambulante teams er blevet større i aftentimer og weekender.",
     "Alle parter tænker tidligt i et forløb på de øvrige parter og involverer hinanden tidligt."),
    ("stomi", "Samarbejdsaftale", "Øvrige aftaler", "Samarbejdsaftale om stomi", None, S.IMPLEMENTING,
     "Arbejdsgangsbeskrivelse herunder placering af ansvar for borgeren er implementeret. Kompetenceudvikling af "
     "medarbejdere er udskudt grundet covid-19.", "Det bliver enklere for borgere med stomi at benytte "
     "stomiprodukterne.", "Arbejdsgange og overgange mellem sektorer er fastlagt."),
    ("kraeftrehabilitering", "Samarbejdsaftale", "Øvrige aftaler", "Samarbejdsaftale om kræftrehabilitering",
     D(2019, 10, 1), S.IN_OPERATION, "Klyngerne implementerer samarbejdsaftalen lokalt. Klyngestyregrupperne er "
     "ansvarlige for at følge op på samarbejdsaftalen en gang årligt.",
     "Borgerne tilbydes en rehabiliterende indsats, der tager udgangspunkt i den enkeltes behov.",
     "Det bliver tydeligt, hvilke opgaver den enkelte sektor løser hvornår."),
    ("iv-behandling", "Samarbejdsaftale", "Øvrige aftaler", "Samarbejdsaftale om IV-behandling i nærområdet",
     D(2020, 4, 1), S.IN_OPERATION, "Implementering er sket trinvist frem til 1. september 2020. Ultimo 2021 "
     "laves en evaluering af aftalen.", "IV-behandling kan foregå tæt på borgernes hverdag.",
     "Kompetenceudvikling af kommunale sygeplejersker og tydelig ansvarsfordeling mellem hospital og kommune."),
    ("medicinposen", "Prøvehandling", "Øvrige aftaler", "Udbredelse af medicinposen", None, S.IMPLEMENTING,
     "Implementeringen af medicinposen er flere steder blevet forsinket, blandt andet grundet Covid-19. I anden "
     "halvdel af 2021 gennemføres en evaluering.", "Det er nemt at medbringe al medicin ved besøg hos egen læge "
     "eller ved indlæggelse.", "Alle sektorer kan understøtte, at borgerens medicinforbrug er opdateret."),
    ("god-indlaeggelse-udskrivelse", "Samarbejdsaftale", "Øvrige aftaler",
     "Samarbejdsaftale om den gode indlæggelse og udskrivelse", None, S.PREPARING,
     "Implementering af aftalen er udskudt grundet Covid-19. Det forventes, at implementering af aftalens værdier "
     "sker 1. juni 2021 og at de kommunale forberedelsestider udgår pr. 1. oktober 2021.",
     "Borgeren sættes i centrum for sit eget forløb.", "Den tidligere kommunale forberedelsestid ophæves."),
    ("palliative-indsatser", "Samarbejdsaftale", "Øvrige aftaler", "Samarbejdsaftale om palliative indsatser",
     D(2021, 4, 1), S.PREPARING, "Implementeringen af samarbejdsaftalen forventes påbegyndt pr. 1. august 2021 og "
     "fuld indfasning i løbet af 2022.", "Alle relevante borgere tilbydes en palliativ indsats – uanset sygdom.",
     "Et kompetenceløft på tværs af hospitaler, kommuner og almen praksis."),
]
CLUSTER_STATUSES = [S.IMPLEMENTED, S.IMPLEMENTING, S.PREPARING, S.IN_OPERATION, S.PAUSED]


def _body(slug, name, kind_name, region_name):
    kind = BodyKind.objects.get_or_create(name=kind_name, defaults={"plural": kind_name + "r"})[0]
    region = Organisation.objects.filter(name=region_name).first()
    return Body.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind, "region": region,
                                                           "active_from": D(2019, 1, 1)})[0]


def _midt(out):
    owner = Body.objects.filter(slug="region-midtjylland-sundhedssamarbejdsudvalget").first()
    if owner is None:
        return None
    fw, created = FrameworkAgreement.objects.get_or_create(slug="sundhedsaftalen-2019-2023", defaults={
        "title": "Sundhedsaftalen 2019-2023", "owner_body": owner, "period_start": D(2019, 1, 1),
        "period_end": D(2023, 12, 31), "overall_goal": "Et nært og sammenhængende sundhedsvæsen i balance",
        "visions": "\n".join(VISIONS), "principles": "\n".join(PRINCIPLES), "is_demo": True,
        "description": "Region Midtjylland, de 19 midtjyske kommuner og almen praksis' sundhedsaftale."})
    if not created:
        return fw
    areas = {key: PriorityArea.objects.create(framework=fw, title=title, focus=focus, sort_order=n * 10)
             for n, (key, title, focus) in enumerate(AREAS)}
    for n, (area, title, comparison, target, unit, slugs) in enumerate(GOALS):
        goal = Goal.objects.create(framework=fw, priority_area=areas[area], title=title, comparison=comparison,
                                   target_value=target, unit=unit, sort_order=n * 10)
        goal.indicators.set(Indicator.objects.filter(slug__in=slugs))
    kinds = ensure_default_kinds()
    cluster = Body.objects.filter(slug="randersklyngen").first()
    parties = list(cluster.member_organisations.order_by("name")) if cluster else []
    for n, (slug, kind, area, title, approved, status, status_text, citizens, collaboration) in enumerate(AGREEMENTS):
        a = CollaborationAgreement.objects.create(
            framework=fw, kind=kinds[kind], priority_area=areas.get(area), theme="" if area in areas else area,
            title=title, slug=slug, owner_body=owner, approved_by=owner, approved_on=approved or D(2019, 1, 1),
            for_citizens=citizens, for_collaboration=collaboration, is_demo=True, sort_order=n * 10,
            cadence=Cadence.YEARLY,
            summary="" if approved else "Godkendelsesdatoen står ikke i midtvejsstatus; 1. januar 2019 er demodata.")
        AgreementStatus.objects.create(agreement=a, as_of=AS_OF, status=status, text=status_text)
        if cluster is None:
            continue
        rows = [Implementation.objects.create(agreement=a, cluster=cluster, party=None)]
        rows += [Implementation.objects.create(agreement=a, cluster=cluster, party=p) for p in parties]
        for i, row in enumerate(rows):
            value = status if i == 0 else CLUSTER_STATUSES[(n + i) % len(CLUSTER_STATUSES)]
            row.status, row.status_date, row.note = value, AS_OF, "Status pr. klynge og part er demodata."
            row.save()
            ImplementationUpdate.objects.create(implementation=row, status=value, date=AS_OF, note=row.note)
    StatusReport.objects.create(
        framework=fw, title="Midtvejsstatus", as_of=AS_OF, period_label="2. kvartal 2021",
        published_at=timezone.make_aware(datetime.datetime(2021, 5, 31, 12)),
        foreword="“Et nært og sammenhængende sundhedsvæsen i balance” er Region Midtjyllands, kommunernes og almen "
                 "praksis' overordnede mål for Sundhedsaftalen 2019-2023. Vi er nu cirka halvvejs i Sundhedsaftalens "
                 "periode og er godt på vej med at løfte aftalen til konkrete handlinger og indsatser. Men intet har "
                 "været, som vi regnede med det sidste år, og Covid-19 har nødvendiggjort, at nogle "
                 "udviklingsprojekter blev sat på stand by.",
        ongoing_work="Fokus på overvægt: som det næste indsatsområde på forebyggelsesområdet igangsættes et "
                     "tværsektorielt samarbejde om forebyggelse af overvægt.\n\nArbejdsgruppe vedrørende faglig "
                     "udvikling af den fælles indsats for mennesker med psykisk sygdom i primærsektoren.",
        organisation_text="Sundhedskoordinationsudvalget udstikker den politiske retning for det tværsektorielle "
                          "samarbejde i hele den midtjyske region. Klyngerne implementerer de samarbejdsaftaler, "
                          "der indgås i regi af Sundhedskoordinationsudvalget.")
    out.write(f"Aftaler: {fw.title} med {len(AGREEMENTS)} aftaler og en statusrapport.")
    return fw


# the Lillebælt follow-ups: slug, kind, title, owner (slug, name, kind), approved, item title start, rounds
LILLEBAELT = [
    ("ptsd", "Samarbejdsaftale", "Samarbejdsaftale for borgere med PTSD",
     ("foelgegruppen-uddannelse-og-arbejde", "Følgegruppen for uddannelse og arbejde", "Følgegruppe"), D(2022, 5, 1),
     "Opfølgning på implementering af samarbejdsaftale vedr. PTSD",
     [("Implementeringsstatus vinter 2022", RoundKind.BASELINE, D(2022, 2, 1)),
      ("Implementeringsstatus vinter 2023", RoundKind.FOLLOW_UP, D(2023, 2, 3))]),
    ("depression", "Forløbsprogram", "Forløbsprogram for mennesker med depression",
     ("foelgegruppen-forebyggelse", "Følgegruppen for forebyggelse", "Følgegruppe"), D(2020, 12, 8),
     "Opfølgning på implementering af forløbsprogram for depression",
     [("Baseline efterår 2021", RoundKind.BASELINE, D(2021, 11, 1)),
      ("Opfølgende undersøgelse januar 2023", RoundKind.FOLLOW_UP, D(2023, 1, 31))]),
    ("demens", "Samarbejdsaftale", "Samarbejdsaftale på demensområdet",
     ("region-syddanmark-sundhedssamarbejdsudvalget", "Sundhedssamarbejdsudvalget (Region Syddanmark)", "Regionalt "
      "udvalg"), D(2022, 9, 1), "Opfølgning på Samarbejdsaftale på demensområdet",
     [("Status på implementering (sekretariatets afdækning)", RoundKind.FOLLOW_UP, D(2023, 1, 15))]),
]
QUESTIONS = [("Er aftalen implementeret hos jer?" + DEMO, QuestionKind.YES_NO, ""),
             ("Hvordan er implementeringen organiseret?" + DEMO, QuestionKind.TEXT, ""),
             ("Hvor langt er I med implementeringen (1 = ikke startet, 5 = i drift)?" + DEMO, QuestionKind.SCALE, "")]


def _lillebaelt(out):
    cluster = Body.objects.filter(slug="sundhedsklynge-lillebaelt").first()
    if cluster is None or CollaborationAgreement.objects.filter(slug="ptsd").exists():
        return
    kinds = ensure_default_kinds()
    parties = list(cluster.member_organisations.order_by("name"))
    for n, (slug, kind, title, (owner_slug, owner_name, owner_kind), approved, item_title, rounds) in enumerate(
            LILLEBAELT):
        owner = _body(owner_slug, owner_name, owner_kind, "Region Syddanmark")
        a = CollaborationAgreement.objects.create(kind=kinds[kind], theme="Region Syddanmark", title=title, slug=slug,
                                                  owner_body=owner, approved_by=owner, approved_on=approved,
                                                  is_demo=True, cadence=Cadence.YEARLY, sort_order=200 + n)
        rows = [Implementation.objects.create(agreement=a, cluster=cluster, party=None)]
        rows += [Implementation.objects.create(agreement=a, cluster=cluster, party=p) for p in parties]
        for i, row in enumerate(rows[1:]):
            ContactPerson.objects.create(implementation=row, name=f"Kontaktperson {row.party}{DEMO}",
                                         email=f"kontakt{i + 1}.{slug}@example.invalid")
        a.treated_in.add(*AgendaItem.objects.filter(meeting__body__slug="lillebaelt-fagligt-strategisk-niveau",
                                                    title__startswith=item_title))
        baseline = None
        for r_title, r_kind, deadline in rounds:
            round_ = FollowUpRound.objects.create(
                agreement=a, owner_body=owner, title=f"{title}: {r_title}", kind=r_kind, baseline=baseline,
                deadline=deadline, status=RoundStatus.CLOSED,
                sent_at=timezone.make_aware(datetime.datetime.combine(deadline - datetime.timedelta(days=30),
                                                                      datetime.time(9))),
                intro="Kommunerne og de regionale parter besvarer spørgsmålene enkeltvis og returnerer deres svar "
                      "til klyngesekretariatet, som indsender et samlet svar fra klyngen.")
            questions = [Question.objects.create(round=round_, position=p + 1, text=t, kind=k, options=o)
                         for p, (t, k, o) in enumerate(QUESTIONS)]
            step = 0 if r_kind == RoundKind.BASELINE else 1
            for i, row in enumerate(rows[1:]):
                contact = row.contacts.first()
                recipient = Recipient(round=round_, implementation=row, contact=contact, name=contact.name,
                                      email=contact.email, expires_at=round_.closes_at, invited_at=round_.sent_at)
                recipient.new_token()  # the link is not kept: the demo sends no mail
                answered = (i + step) % 4 != 3
                recipient.answered_at = round_.sent_at + datetime.timedelta(days=10) if answered else None
                recipient.save()
                if answered:
                    Answer.objects.create(recipient=recipient, question=questions[0], yes=(i + step) % 2 == 0)
                    Answer.objects.create(recipient=recipient, question=questions[1],
                                          text=f"Forankret i {row.party}s sundhedsafdeling.{DEMO}")
                    Answer.objects.create(recipient=recipient, question=questions[2], number=min(5, 2 + step + i % 3))
            consolidated = ConsolidatedAnswer.objects.create(
                round=round_, cluster=cluster, status="submitted", submitted_at=round_.closes_at)
            for q in questions:
                ConsolidatedItem.objects.create(consolidated=consolidated, question=q,
                                                text=f"Samlet svar fra {cluster.name}{DEMO}")
            baseline = round_ if r_kind == RoundKind.BASELINE else baseline
    out.write("Aftaler: Lillebælts tre opfølgninger (PTSD, depression, demens) med runder og svar (demodata).")


@demo_builder(order=60)
def build_agreements(out):
    _midt(out)
    _lillebaelt(out)
