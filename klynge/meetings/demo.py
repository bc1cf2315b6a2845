"""Demo meetings built from the corpus' two sets of minutes, plus a coming meeting.

Sundhedsklynge Lillebælt – Fagligt strategisk niveau, 7 December 2022, and
Randersklyngen, 1 November 2023: titles, presenters, time slots, recommendations,
decisions and the follow-up as the minutes give them (texts shortened). The coming
meetings are invented for the demo and say so.
"""

import datetime

from klynge.core.demo import demo_builder
from klynge.organisation.models import Body, Person

from . import actions
from .choices import AttendanceStatus, ItemKind, MeetingStatus, Outcome, PlaceKind, TaskOwnerKind
from .models import AgendaItem, Attendance, Meeting, Proposal, Recommendation, Task

D, T = datetime.date, datetime.time
K = ItemKind

LILLEBAELT_ITEMS = [
    # title, kind, minutes, presenter, summary, recommendations [(text, outcome, decision)], decision, attachments
    ("Velkomst", K.WELCOME, 5, "Mette Heidemann", "", [],
     "En særlig velkomst til dagens gæster, der skal deltage i temadrøftelsen om børn og unges trivsel.", []),
    ("Drøftelse af patient- og pårørendeinddragelse", K.DISCUSSION, 20, "Mette Heidemann",
     "Sundhedsklyngerne skal inddrage patientinddragelsesudvalget i klyngernes drøftelser og arbejde. Der er "
     "udpeget to patient- og pårørenderepræsentanter til fagligt strategisk niveau.",
     [("drøfter hvordan klyngen sikrer et fokus på patient og pårørendeperspektiver, herunder involvering af "
       "patient- og pårørenderepræsentanter.", Outcome.DISCUSSED,
       "Patient- og pårørendeperspektivet er essentielt og bør altid holdes for øje i sundhedsklyngernes arbejde.")],
     "", []),
    ("Temadrøftelse om børn og unges trivsel", K.DISCUSSION, 60, "Mette Heidemann",
     "På baggrund af oplæg og overblik over igangværende og kommende initiativer drøfter fagligt strategisk niveau "
     "anbefalinger for klyngens videre arbejde, herunder anvendelse af fælles klyngemidler.",
     [("tager orienteringen om igangværende initiativer til efterretning.", Outcome.NOTED, ""),
      ("drøfter og kvalificerer mulige spor for klyngens videre arbejde.", Outcome.APPROVED, "")],
     "", ["Tværsektoriel aftale på børne- og ungeområdet i Region Syddanmark.pdf"]),
    ("Erfaringer fra Det Nationale Ledelsesprogram – og forslag til kommende forbedringsprojekter", K.DECISION, 25,
     "Mette Heidemann",
     "Der er i foråret 2023 mulighed for at udpege projekter og deltagere til hold 2 på Det Nationale "
     "Ledelsesprogram.",
     [("tager oplægget fra deltagere på Hold 1 til efterretning.", Outcome.NOTED,
       "Kurt Æbelø undersøger, hvordan der samles op på erfaringer med nye indsatser, med henblik at sikre "
       "forankring."),
      ("vurderer om initiativer i regi af Det nationale ledelsesprogram bør tænkes ind i fordelingen af "
       "klyngemidler.", Outcome.APPROVED, "Der kan være initiativer fra hold 1, hvor klyngemidler kan tænkes ind."),
      ("igangsætter den skitserede proces for udvælgelse af projekter og indmeldelser af deltagere til Hold 2.",
       Outcome.APPROVED, "Repræsentanter indsender projektforslag til sekretariatet senest d. 1. februar 2023.")],
     "", ["Det Nationale Ledelsesprogram på Sundhedsområdet Hold 2.pptx"]),
    ("Drøftelse af anbefalinger til udmøntning af klyngemidler", K.DECISION, 20, "Mette Heidemann",
     "Klyngemidlerne fra 2022 overføres til 2023, hvor der i alt er 8.310.111 kr. i Sundhedsklynge Lillebælt.",
     [("fastholder at klyngemidlerne fra 2022 overføres til 2023.", Outcome.APPROVED, ""),
      ("godkender at anbefalinger om udmøntning af klyngemidlerne på skitseniveau dagsordensættes på møde i det "
       "politiske klyngeniveau den 16. januar 2023.", Outcome.APPROVED, ""),
      ("drøfter modeller for proces og endelig politisk godkendelse af konkrete og beskrevne initiativer.",
       Outcome.DISCUSSED, "Det politiske formandskab foreslås bemyndiget til at godkende forslag til initiativer.")],
     "", ["Guide på opfølgning på igangsatte initiativer i sundhedsklynger.pdf"]),
    ("Pause", K.BREAK, 10, None, "", [], "", []),
    ("Beslutning om implementeringsstruktur under Fagligt strategisk niveau", K.DECISION, 15, "Mette Heidemann",
     "Fagligt strategisk niveau tager stilling til en implementeringsstruktur, og hvornår den træder i kraft.",
     [("drøfter de to modeller til en implementeringsstruktur under Fagligt strategisk niveau.",
       Outcome.DISCUSSED, ""),
      ("vedtager implementeringsstrukturen under Fagligt strategisk niveau, og hvornår denne skal træde i kraft.",
       Outcome.APPROVED, "Et koordinerende niveau under Fagligt strategisk niveau med ikrafttræden 1. januar 2023."),
      ("godkender, at implementeringsgrupperne nedlægges.", Outcome.APPROVED, "")],
     "", ["Fordele - Ulemper implementeringsmodeller.docx"]),
    ("Nedsættelse af arbejdsgruppe vedr. IV-behandling i nærområdet", K.DECISION, 10, "Mette Heidemann",
     "Behovet for en tværsektoriel arbejdsgruppe om samarbejdsaftalen for IV-behandling i nærområdet.",
     [("godkender at nedsætte en tværsektoriel arbejdsgruppe under Fagligt strategisk niveau.", Outcome.APPROVED, ""),
      ("drøfter og beslutter medlemmerne af en tværsektoriel arbejdsgruppe.", Outcome.APPROVED,
       "Medlemmerne af den nuværende implementeringsgruppe for Behandling og Pleje indgår i arbejdsgruppen.")],
     "", ["Samarbejdsaftale for IV-behandling i nærområdet (17.8.21).pdf"]),
    ("Punkter til næste møde i Politisk niveau", K.DECISION, 5, "Mette Heidemann",
     "Fagligt strategisk niveau indstiller punkter til mødet i Politisk niveau d. 16. januar 2023.",
     [("godkender udkast til dagsordenspunkter til Politisk niveau.", Outcome.APPROVED, ""),
      ("tilføjer yderligere punkter til behandling.", Outcome.APPROVED,
       "Nye initiativer i regi af 10-årsplan for Psykiatri tilføjes.")], "", []),
    ("Punkter til næste møde i Fagligt strategisk niveau", K.DECISION, 5, "Mette Heidemann",
     "Fagligt strategisk niveau beslutter punkter til behandling på det kommende møde d. 21. februar 2023.",
     [("godkender udkast til dagsordenspunkter.", Outcome.APPROVED, "")], "", []),
    ("Eventuelt", K.ANY_OTHER_BUSINESS, 5, None, "", [], "Intet.", []),
    ("Mødekalender 2023", K.WRITTEN_BRIEFING, 0, None, "Mødekalenderen for 2023 er vedlagt.", [], "", []),
    ("Opfølgning på implementering af samarbejdsaftale vedr. PTSD", K.WRITTEN_BRIEFING, 0, None, "", [], "", []),
    ("Opfølgning på implementering af forløbsprogram for depression", K.WRITTEN_BRIEFING, 0, None, "", [], "", []),
    ("Opfølgning på Samarbejdsaftale på demensområdet", K.WRITTEN_BRIEFING, 0, None, "", [], "", []),
]

RANDERS_CASE = "1-31-72-446-22"
# The journal number goes on the items of one case only (the analysis of elderly citizens' readmissions, asked
# for in 2023 and presented in 2026), so the demo shows a matter across meetings; a number on every item of a
# meeting would make all of them one matter named after its first item.
RANDERS_CASE_TITLES = ("Orientering om fokusområdet Ældre borgere og borgere med kroniske sygdomme",
                       "Resultater af analysen om ældre borgere med kroniske sygdomme")
RANDERS_ITEMS = [
    ("Mødedeltagere", K.WELCOME, 5, None, "", [], "Ingen afbud.", []),
    ("Orientering om mulighederne ved digitale forløbsguide", K.ORIENTATION, 10, None,
     "Digital forløbsguidning som redskab til at skabe overblik over sundhedstilbuddene.",
     [("orienteringen tages til efterretning", Outcome.NOTED, "")], "", []),
    ("Orientering om erfaringer og anbefalinger fra projektet ”Fælles forpligtende forløb og handleplan for børn og "
     "unge i mistrivsel”", K.ORIENTATION, 15, "Anders Blæsbjerg Baun", "Evalueringen af prøvehandlingen i Syddjurs "
     "Kommune præsenteres.",
     [("evaluering af indsatsen ”Fælles forpligtende forløb og handleplan” tages til efterretning.", Outcome.NOTED,
       "")], "", ["Evaluering af Fælles forpligtende forløb"]),
    ("Drøftelse af anbefalinger til fælles indsatser for børn og unge i psykisk mistrivsel", K.DISCUSSION, 20, None,
     "Sundhedssamarbejdsudvalgets fire anbefalinger til fælles indsatser drøftes.",
     [("Sundhedssamarbejdsudvalgets anbefalinger til fælles indsatser drøftes", Outcome.DISCUSSED, ""),
      ("orientering om arbejdet med klyngens fokusområde Børn og unges mentale sundhed tages til efterretning",
       Outcome.NOTED, "")], "", ["Anbefalinger mental sundhed og forebyggelse af mistrivsel børn og unge"]),
    ("Orientering om fokusområdet Ældre borgere og borgere med kroniske sygdomme", K.ORIENTATION, 10, None,
     "En analyse af borgerens vej fra indlæggelse til udskrivelse til genindlæggelse er igangsat.",
     [("orientering tages til efterretning", Outcome.NOTED,
       "Randersklyngen ønsker at se resultaterne af analysen på næste møde i klyngen.")], "", []),
    ("Orientering om fælles model for patientinddragelse i de politiske klynger", K.ORIENTATION, 10, None, "",
     [("orienteringen om fælles model for patientinddragelse tages til efterretning", Outcome.NOTED, "")], "", []),
    ("Orientering fra seneste møder i Sundhedssamarbejdsudvalget", K.ORIENTATION, 10, "Anders Kühnau", "",
     [("orienteringen fra de seneste møder i Sundhedssamarbejdsudvalget tages til efterretning", Outcome.NOTED, "")],
     "", []),
    ("Mødeplan 2024", K.ORIENTATION, 5, None, "To møder i 2024: 3. maj og 15. november i Randers.",
     [("orienteringen om mødeplan for 2024 tages til efterretning", Outcome.NOTED,
       "Taget til efterretning med ønske om at næste møde afholdes fysisk.")], "", []),
    ("Eventuelt", K.ANY_OTHER_BUSINESS, 5, None, "", [], "Ingen.", []),
]


def _meeting(body_slug, date, start, end, status, **fields):
    body = Body.objects.get(slug=body_slug)
    meeting, created = Meeting.objects.get_or_create(body=body, date=date, defaults={
        "start": start, "end": end, "status": status, **fields})
    return meeting, created


def _items(meeting, rows, case_number="", case_titles=()):
    """The meeting's items; ``case_number`` goes on the items titled in ``case_titles``."""
    persons = {p.name: p for p in Person.objects.all()}
    for position, (title, kind, minutes, presenter, summary, recs, decision, attachments) in enumerate(rows):
        item = AgendaItem.objects.create(
            meeting=meeting, position=position, title=title, kind=kind, duration_minutes=minutes, summary=summary,
            decision=decision, case_number=case_number if title in case_titles else "",
        )
        if presenter:
            item.presenters.set([persons[presenter]])
        for number, (text, outcome, decision_text) in enumerate(recs, start=1):
            Recommendation.objects.create(item=item, number=number, text=text, outcome=outcome,
                                          decision_text=decision_text)
        for index, name in enumerate(attachments):
            item.attachments.create(title=name, position=index)
        actions.link_item_to_matter(item)
    actions.renumber(meeting)


@demo_builder(order=20)
def build_meetings(out):
    published = MeetingStatus.MINUTES_PUBLISHED
    fsn, created = _meeting(
        "lillebaelt-fagligt-strategisk-niveau", D(2022, 12, 7), T(17, 0), T(20, 0), published,
        place_kind=PlaceKind.PHYSICAL, address="Byrådssalen Middelfart Rådhus, Nytorv 9, 5500 Middelfart",
    )
    if created:
        _items(fsn, LILLEBAELT_ITEMS)
        item = fsn.items.get(title__startswith="Erfaringer fra Det Nationale")
        Task.objects.create(item=item, recommendation=item.recommendations.get(number=1),
                            description="Undersøger, hvordan der samles op på erfaringer med nye indsatser, med "
                                        "henblik at sikre forankring.",
                            owner_kind=TaskOwnerKind.PERSON, owner_person=Person.objects.get(name="Kurt Æbelø"),
                            due=D(2023, 2, 21))
        item = fsn.items.get(title__startswith="Nedsættelse af arbejdsgruppe")
        Task.objects.create(item=item, description="Formandskabet udarbejder og godkender kommissoriet til "
                                                   "arbejdsgruppen.", owner_kind=TaskOwnerKind.SECRETARIAT,
                            due=D(2023, 1, 31))
        for person, status in [("Mette Heidemann", AttendanceStatus.PRESENT), ("Kurt Æbelø", AttendanceStatus.PRESENT),
                               ("Maria Sloth", AttendanceStatus.GUEST), ("Birgitte Aagaard", AttendanceStatus.GUEST)]:
            Attendance.objects.create(meeting=fsn, person=Person.objects.get(name=person), status=status,
                                      item=fsn.items.get(number=3) if status == AttendanceStatus.GUEST else None)
        source = fsn.items.get(title="Punkter til næste møde i Politisk niveau")
        for title in ("Temadrøftelse omkring børn, unge og mental trivsel", "Anvendelse af klyngemidler",
                      "Ny sundhedsaftale", "Nye initiativer i regi af 10-årsplan for Psykiatri"):
            Proposal.objects.create(source_item=source, title=title,
                                    target_body=Body.objects.get(slug="lillebaelt-politisk-niveau"))

    randers, created = _meeting(
        "randersklyngen-politisk-niveau", D(2023, 11, 1), T(14, 0), T(15, 30), published,
        place_kind=PlaceKind.VIRTUAL, online_link="https://moede.demo.klynge.invalid/randersklyngen",
        title="Randersklyngen",
    )
    if created:
        _items(randers, RANDERS_ITEMS, RANDERS_CASE, RANDERS_CASE_TITLES)
        for membership in randers.body.memberships.select_related("person", "organisation"):
            Attendance.objects.create(meeting=randers, person=membership.person, organisation=membership.organisation,
                                      status=AttendanceStatus.PRESENT)

    coming, created = _meeting(
        "randersklyngen-klyngestyregruppe", D(2026, 12, 9), T(13, 0), T(15, 0), MeetingStatus.PLANNED,
        place_kind=PlaceKind.PHYSICAL, address="Randers Rådhus, Laksetorvet 1, 8900 Randers C",
    )
    if created:
        _items(coming, [
            ("Velkomst og godkendelse af dagsorden", K.AGENDA_APPROVAL, 5, None, "", [], "", []),
            ("Overgangen til sundhedsrådet pr. 1. januar 2027", K.DISCUSSION, 45, "Thomas Krarup",
             "Eksempel i demodata: klyngens arkiv, åbne opgaver og midler overføres til sundhedsrådet.",
             [("drøfter overdragelsen af klyngens opgaver til sundhedsrådet", "", "")], "", []),
            ("Resultater af analysen om ældre borgere med kroniske sygdomme", K.ORIENTATION, 30, None,
             "Eksempel i demodata, jf. ønsket fra mødet 1. november 2023.", [], "", []),
            ("Eventuelt", K.ANY_OTHER_BUSINESS, 5, None, "", [], "", []),
        ], RANDERS_CASE, RANDERS_CASE_TITLES)
    out.write(f"Demomøder: {Meeting.objects.count()} møder, {AgendaItem.objects.count()} punkter.")


@demo_builder(order=25)
def build_assignments(out):
    """Point 6 of issue 14 on corpus data: an assignment from the Sundhedssamarbejdsudvalg to the
    clusters, the evaluation of the structure after a year, the yearly discussion of the meeting form,
    and a matter moved up to the political level. Invented dates and notes say "DEMO"."""
    from . import assignments
    from .choices import TaskStatus
    from .models import Matter, MatterMove

    ssu = Body.objects.filter(slug="region-syddanmark-sundhedssamarbejdsudvalget").first()
    fsn = Meeting.objects.filter(body__slug="lillebaelt-fagligt-strategisk-niveau", date=D(2022, 12, 7)).first()
    if ssu is None or fsn is None:
        return
    meeting, created = _meeting(ssu.slug, D(2022, 10, 12), T(14, 0), T(16, 0), MeetingStatus.MINUTES_PUBLISHED,
                                place_kind=PlaceKind.VIRTUAL, title="DEMO: Sundhedssamarbejdsudvalget",
                                online_link="https://moede.demo.klynge.invalid/ssu")
    if created:
        _items(meeting, [("Børn, unge og trivsel", K.DECISION, 30, None,
                          "Fra korpusset (Lillebælt 7. december 2022, punkt 3): Sundhedssamarbejdsudvalget har på "
                          "mødet 12. oktober 2022 givet klyngerne en opgave med at sikre et lettilgængeligt overblik "
                          "over tilbud til børn og unge, målrettet almen praksis. Mødets øvrige indhold er DEMO.",
                          [], "Klyngerne sikrer et lettilgængeligt overblik over tilbud til børn og unge.", [])])
        item = meeting.items.get()
        task = Task.objects.create(item=item, owner_body=ssu, due=D(2023, 6, 30),
                                   description="Sikre et lettilgængeligt overblik over tilbud til børn og unge, "
                                               "målrettet almen praksis.")
        clusters = assignments.assignment_targets(task)
        assignments.fan_out(task, clusters)
        part = task.parts.filter(owner_body__slug="sundhedsklynge-lillebaelt").first()
        if part is not None:
            assignments.update_part(part, TaskStatus.IN_PROGRESS,
                                    "Drøftet på fagligt strategisk niveau 7. december 2022, punkt 3: sekretariatet "
                                    "samler et overblik over igangværende indsatser.", D(2022, 12, 7))
        structure_item = fsn.items.filter(title__startswith="Beslutning om implementeringsstruktur").first()
        if structure_item is not None:
            Task.objects.create(item=structure_item, due=D(2023, 12, 7),
                                description="Evaluere implementeringsstrukturen efter et år med fokus på formodet "
                                            "værdi, agilitet og ulemper i model 2 sammenholdt med model 1.")
    source = fsn.items.filter(title__startswith="Drøftelse af anbefalinger til udmøntning").first()
    political = Body.objects.filter(slug="lillebaelt-politisk-niveau").first()
    proposal = Proposal.objects.filter(title="Anvendelse af klyngemidler", target_body=political).first()
    if source is not None and political is not None and not MatterMove.objects.filter(from_body=fsn.body).exists():
        if not source.matter_id:
            source.matter = Matter.objects.create(title=source.title)
            source.save(update_fields=["matter"])
        MatterMove.objects.create(
            matter=source.matter, from_body=fsn.body, to_body=political, moved_on=D(2022, 12, 7),
            proposal=proposal,
            reason="Fagligt strategisk niveau godkendte, at anbefalinger om udmøntning af klyngemidlerne på "
                   "skitseniveau dagsordensættes på mødet i det politiske niveau 16. januar 2023, og indstillede, "
                   "at det politiske formandskab bemyndiges til at godkende forslag til initiativer.")
        source.matter.owner_body = political
        source.matter.save(update_fields=["owner_body", "modified"])
    randers = Meeting.objects.filter(body__slug="randersklyngen-politisk-niveau", date=D(2023, 11, 1)).first()
    steering = Body.objects.filter(slug="randersklyngen-klyngestyregruppe").first()
    if randers is not None and steering is not None:
        item = randers.items.filter(title__startswith="Orientering om fælles model for patientinddragelse").first()
        if item is not None and not item.tasks.filter(recur_months=12).exists():
            Task.objects.create(item=item, owner_body=steering, recur_months=12, due=D(2024, 11, 1),
                                description="Årlig drøftelse af møde- og samarbejdsform i Randersklyngen, herunder "
                                            "hvordan patienter og pårørende inddrages (frist DEMO).")
    out.write("\nOpgaver på tværs: Sundhedssamarbejdsudvalgets opgave til klyngerne, en årlig drøftelse og en "
              "sag flyttet til politisk niveau.")
# --- meeting roles and the decision behind a composition (issue 14, points 3 and 4) ---------------
# Mette Heidemann leads every item of Lillebælt's meeting of 7 December 2022 ("v. Mette Heidemann"); the
# minute-taker is the demo secretariat person. Randers' minutes list Stinna Andreasen and Leanne Hejlskov
# as "(sekretariat)": that they took the minutes is our reading. The meeting of 12 June 2024 that gives
# general practice an extra seat is invented (DEMO).
MEETING_ROLES = [
    ("lillebaelt-fagligt-strategisk-niveau", D(2022, 12, 7), "Mette Heidemann",
     ["Klyngesekretariatet Lillebælt (demoperson)"]),
    ("randersklyngen-politisk-niveau", D(2023, 11, 1), None, ["Stinna Andreasen", "Leanne Hejlskov"]),
]


@demo_builder(order=21)
def build_roles_and_composition_decision(out):
    from klynge.organisation.models import CompositionVersion

    from .models import CompositionApproval, MeetingRole

    persons = {p.name: p for p in Person.objects.all()}
    for slug, date, chair, takers in MEETING_ROLES:
        meeting = Meeting.objects.filter(body__slug=slug, date=date).first()
        if meeting is None:
            continue
        if chair:
            MeetingRole.objects.get_or_create(meeting=meeting, person=persons[chair], role="chair")
        for position, name in enumerate(takers, 1):
            MeetingRole.objects.get_or_create(meeting=meeting, person=persons[name], role="minute_taker",
                                              defaults={"position": position})
    version = CompositionVersion.objects.filter(body__slug="randersklyngen-politisk-niveau",
                                                valid_from=D(2024, 7, 1)).first()
    if version is None:
        return
    meeting, created = _meeting(
        "randersklyngen-politisk-niveau", D(2024, 6, 12), T(14, 0), T(15, 0), MeetingStatus.MINUTES_PUBLISHED,
        place_kind=PlaceKind.VIRTUAL, online_link="https://moede.demo.klynge.invalid/randersklyngen",
        title="Randersklyngen (DEMO)",
    )
    if created:
        _items(meeting, [
            ("DEMO: Ekstra plads til almen praksis i den politiske klyngegruppe", K.DECISION, 20, None,
             "Eksempel i demodata: almen praksis får tre pladser i stedet for to fra 1. juli 2024.",
             [("at almen praksis fra 1. juli 2024 deltager med 3 praktiserende læger udpeget af PLO-Midtjylland",
               Outcome.APPROVED, "Godkendt.")], "Godkendt.", []),
        ])
    item = meeting.items.get(title__startswith="DEMO: Ekstra plads")
    CompositionApproval.objects.get_or_create(version=version, defaults={
        "item": item, "recommendation": item.recommendations.first()})
