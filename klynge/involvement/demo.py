"""Demo: the common model for patient involvement from the corpus, and Lillebælt's appointed representatives.

From the corpus:
- Randersklyngen, 1 November 2023, item 6: the four parts of the common model, approved in writing by
  Sundhedssamarbejdsudvalget (Region Midtjylland) on 6 October 2023; the item itself is the status
  briefing at that political cluster meeting.
- Sundhedsklynge Lillebælt – Fagligt strategisk niveau, 7 December 2022, item 2: the executive order
  requires clusters to invite representatives into relevant working groups; two representatives are
  appointed by the Patientinddragelsesudvalg (John Arne Sørensen, Diabetesforeningen; Kaj Andersen,
  Ældre Sagen). Item 7 sets up the IV working group with the implementation group's members (no
  representatives named), so the demo shows that set-up as not answered.
Invented for the demo and labelled DEMO: the dialogue meeting of 2026 as a joint meeting, the elderly
council, the start dates of the representatives' seats.
"""

import datetime

from klynge.core.demo import demo_builder
from klynge.meetings.choices import ItemKind, MeetingStatus, PlaceKind
from klynge.meetings.models import AgendaItem, Meeting
from klynge.organisation.choices import Role
from klynge.organisation.models import Body, BodyKind, ElectoralTerm, Membership, Organisation, Person
from klynge.organisation.models.terms import TermKind

from .choices import Cadence, GroupKind, Part
from .models import Appointment, CitizenGroup, Fulfilment, Obligation

D = datetime.date
MODEL_SOURCE = ("Den fælles model for patientinddragelse i de politiske klynger, godkendt skriftligt af "
                "Sundhedssamarbejdsudvalget 6. oktober 2023 (Randersklyngen, referat 1. november 2023, punkt 6)")
LILLEBAELT_SOURCE = ("Bekendtgørelsen om sundhedsklynger (Sundhedsklynge Lillebælt – Fagligt strategisk niveau, "
                     "referat 7. december 2022, punkt 2)")


def _committee(slug, name, region_name, out):
    region = Organisation.objects.filter(name=region_name).first()
    kind = BodyKind.objects.filter(name="Regionalt udvalg").first()
    if region is None or kind is None:
        return None
    body, _ = Body.objects.get_or_create(slug=slug, defaults={
        "name": name, "short_name": "PIU", "kind": kind, "region": region, "active_from": D(2022, 7, 1),
        "active_to": D(2026, 12, 31),
        "description": "Patientinddragelsesudvalget styrker brugerperspektivet med særligt fokus på det "
                       "sammenhængende patientforløb mellem hospitaler, praksissektor og kommuner, og holder møder "
                       "fire gange årligt (Midtvejsstatus for Sundhedsaftalen 2019-2023)."})
    group, _ = CitizenGroup.objects.get_or_create(name=name, defaults={
        "kind": GroupKind.PATIENT_COMMITTEE, "body": body, "region": region})
    return group


def _obligation(body, group, part, cadence, title, valid_from, source, item=None, description=""):
    obligation, _ = Obligation.objects.get_or_create(body=body, group=group, part=part, defaults={
        "cadence": cadence, "title": title, "valid_from": valid_from, "source_text": source,
        "source_item": item, "description": description})
    return obligation


@demo_builder(order=70)
def build_involvement(out):
    bodies = {b.slug: b for b in Body.objects.filter(slug__in=[
        "region-midtjylland-sundhedssamarbejdsudvalget", "randersklyngen", "randersklyngen-politisk-niveau",
        "sundhedsklynge-lillebaelt", "lillebaelt-fagligt-strategisk-niveau"])}
    if len(bodies) < 5 or Obligation.objects.exists():
        return
    midt = _committee("region-midtjylland-patientinddragelsesudvalget",
                      "Patientinddragelsesudvalget (Region Midtjylland)", "Region Midtjylland", out)
    syd = _committee("region-syddanmark-patientinddragelsesudvalget",
                     "Patientinddragelsesudvalget (Region Syddanmark)", "Region Syddanmark", out)
    if midt is None or syd is None:
        return
    item6 = AgendaItem.objects.filter(meeting__body=bodies["randersklyngen-politisk-niveau"],
                                      title__startswith="Orientering om fælles model for patientinddragelse").first()
    start = D(2023, 10, 6)
    ssu, political = bodies["region-midtjylland-sundhedssamarbejdsudvalget"], bodies["randersklyngen-politisk-niveau"]
    dialogue = _obligation(ssu, midt, Part.DIALOGUE_MEETING, Cadence.YEARLY,
                           "Årligt dialogmøde mellem Sundhedssamarbejdsudvalget og Patientinddragelsesudvalget",
                           start, MODEL_SOURCE, item6)
    _obligation(political, midt, Part.JOINT_MEETING, Cadence.PER_TERM,
                "Fællesmøde mellem sundhedsklyngernes politiske niveau og Patientinddragelsesudvalget",
                start, MODEL_SOURCE, item6,
                "Én gang i løbet af valgperioden inviteres sundhedsklyngernes politiske niveau og "
                "Patientinddragelsesudvalget samlet til et møde med fælles indlæg og dialog om udvalgte emner i de "
                "enkelte klynger, fx i forlængelse af et kontaktudvalgsmøde.")
    status = _obligation(political, midt, Part.STATUS_BRIEFING, Cadence.EVERY_MEETING,
                         "Løbende orientering om status på patientinddragelse i klyngen", start, MODEL_SOURCE, item6)
    _obligation(bodies["randersklyngen"], midt, Part.INVITATION, Cadence.ON_SETUP,
                "Repræsentanter fra Patientinddragelsesudvalget inviteres, når arbejdsgrupper nedsættes og indsatser "
                "sættes i gang", start, MODEL_SOURCE, item6,
                "Hvor det giver mening. Det kan også overvejes at invitere øvrige relevante patient- og "
                "pårørendegrupper.")
    if item6 is not None:
        Fulfilment.objects.get_or_create(obligation=status, item=item6, defaults={
            "meeting": item6.meeting, "date": item6.meeting.date,
            "note": "Orienteringen om den fælles model blev taget til efterretning."})
    _joint_dialogue(ssu, midt, dialogue)
    elderly, _ = CitizenGroup.objects.get_or_create(name="Ældrerådene i Randersklyngens kommuner (DEMO)", defaults={
        "kind": GroupKind.ELDERLY_COUNCIL, "region": midt.region,
        "description": "DEMO: modellen gør det muligt at inddrage ældreråd, brugerråd mv. efter behov."})
    _obligation(political, elderly, Part.OTHER, Cadence.YEARLY, "Årlig dialog med ældrerådene (DEMO)",
                D(2024, 1, 1), "DEMO: eksempel på en anden borgergruppe")

    # Sundhedsklynge Lillebælt
    _obligation(bodies["sundhedsklynge-lillebaelt"], syd, Part.INVITATION, Cadence.ON_SETUP,
                "Repræsentanter for Patientinddragelsesudvalget inviteres ind i relevante arbejdsgrupper og "
                "udviklingsprojekter", D(2022, 7, 1), LILLEBAELT_SOURCE)
    term = ElectoralTerm.objects.filter(kind=TermKind.REGIONAL, start=D(2022, 1, 1)).first()
    fsn = bodies["lillebaelt-fagligt-strategisk-niveau"]
    for name, organisation in [("John Arne Sørensen", "Diabetesforeningen"), ("Kaj Andersen", "Ældre Sagen")]:
        person, _ = Person.objects.get_or_create(name=name, defaults={"title": f"Repræsentant, {organisation}"})
        membership, _ = Membership.objects.get_or_create(
            person=person, body=fsn, role=Role.PATIENT_REPRESENTATIVE, start=D(2022, 12, 7),
            defaults={"note": "Startdatoen er referatets dato (DEMO); udpegningen nævnes 7. december 2022."})
        if term is not None:
            Appointment.objects.get_or_create(membership=membership, defaults={
                "appointed_by": syd, "term": term, "represents": organisation,
                "note": "Referat 7. december 2022, punkt 2"})
    out.write(f"\nInddragelse: {Obligation.objects.count()} forpligtelser, "
              f"{Appointment.objects.count()} udpegninger, 1 fællesmøde (DEMO)")


def _joint_dialogue(ssu, committee, dialogue):
    """DEMO: the 2026 dialogue meeting, held by the two bodies together (a joint meeting)."""
    meeting, created = Meeting.objects.get_or_create(body=ssu, date=D(2026, 9, 14), defaults={
        "title": "Dialogmøde mellem Sundhedssamarbejdsudvalget og Patientinddragelsesudvalget (DEMO)",
        "start": datetime.time(15, 0), "end": datetime.time(17, 0), "status": MeetingStatus.HELD,
        "place_kind": PlaceKind.PHYSICAL, "address": "Regionshuset Viborg, Skottenborg 26, 8800 Viborg",
        "agenda_published_at": datetime.datetime(2026, 9, 1, 9, 0, tzinfo=datetime.UTC)})
    if created:
        meeting.co_hosts.set([committee.body])
        AgendaItem.objects.create(
            meeting=meeting, position=0, number=1, kind=ItemKind.DISCUSSION, duration_minutes=90,
            title="Dialog om patientinddragelse i de politiske klynger (DEMO)",
            summary="DEMO: årets dialogmøde efter den fælles model.")
