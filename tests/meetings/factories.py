"""Small factories for meetings, items and their parts (shared by the meeting-cycle tests).

Keep them simple: sensible defaults, everything overridable by keyword.
"""

import datetime
import itertools

from klynge.meetings.choices import AttendanceStatus, ItemKind, MeetingStatus, PlaceKind
from klynge.meetings.models import AgendaItem, Attachment, Attendance, Meeting, Recommendation, Task
from klynge.organisation.models import Membership, Person

_counter = itertools.count(1)


def make_meeting(body, **kw) -> Meeting:
    """A physical meeting of ``body`` on 1 March 2023, 17:00-20:00, status planned unless given."""
    kw.setdefault("date", datetime.date(2023, 3, 1))
    kw.setdefault("start", datetime.time(17, 0))
    kw.setdefault("end", datetime.time(20, 0))
    kw.setdefault("place_kind", PlaceKind.PHYSICAL)
    kw.setdefault("address", "Byrådssalen, Testby Rådhus, Torvet 1, 9999 Testby")
    kw.setdefault("status", MeetingStatus.PLANNED)
    if kw["status"] != MeetingStatus.PLANNED:
        kw.setdefault("agenda_published_at", datetime.datetime(2023, 2, 20, 9, 0, tzinfo=datetime.UTC))
    return Meeting.objects.create(body=body, **kw)


def make_item(meeting, **kw) -> AgendaItem:
    """An item appended to the meeting's agenda; numbered like renumbering does unless given."""
    if "position" not in kw:
        last = meeting.items.order_by("-position").first()
        kw["position"] = (last.position + 1) if last else 0
    kw.setdefault("title", f"Punkt til test {next(_counter)}")
    kw.setdefault("kind", ItemKind.DECISION)
    if "number" not in kw:  # as renumbering does it: breaks take a place but no number
        numbered = meeting.items.exclude(kind=ItemKind.BREAK).filter(position__lt=kw["position"]).count()
        kw["number"] = 0 if kw["kind"] == ItemKind.BREAK else numbered + 1
    kw.setdefault("duration_minutes", 0 if kw["kind"] == ItemKind.WRITTEN_BRIEFING else 20)
    presenters = kw.pop("presenters", [])
    item = AgendaItem.objects.create(meeting=meeting, **kw)
    if presenters:
        item.presenters.set(presenters)
    return item


def make_recommendation(item, text="godkender indstillingen", **kw) -> Recommendation:
    if "number" not in kw:
        kw["number"] = item.recommendations.count() + 1
    return Recommendation.objects.create(item=item, text=text, **kw)


def make_attachment(item, title="Bilag.pdf", **kw) -> Attachment:
    return Attachment.objects.create(item=item, title=title, **kw)


def make_person(name=None, **kw) -> Person:
    return Person.objects.create(name=name or f"Person {next(_counter)}", **kw)


def make_membership(person, body, **kw) -> Membership:
    kw.setdefault("start", datetime.date(2022, 7, 1))
    return Membership.objects.create(person=person, body=body, **kw)


def make_attendance(meeting, person, status=AttendanceStatus.PRESENT, **kw) -> Attendance:
    return Attendance.objects.create(meeting=meeting, person=person, status=status, **kw)


def make_task(item, description="Sekretariatet udarbejder et oplæg.", **kw) -> Task:
    return Task.objects.create(item=item, description=description, **kw)


# --- a realistic meeting, after the Lillebælt minutes in the corpus ------------------------

# Words that belong to the closed item only: none of them may reach the public.
CLOSED_TITLE = "Lejemål til akutklinik i Fredericia"
CLOSED_SECRETS = [
    CLOSED_TITLE,
    "forhandlingsmandat på 4,2 mio. kr.",
    "Lejekontrakt udkast.pdf",
    "Formandskabet forhandler videre",
    "Bodil Fortrolig",
    "godkender forhandlingsmandatet",
]


def make_corpus_meeting(body, status=MeetingStatus.AGENDA_PUBLISHED, **kw):
    """A meeting of ``body`` with nine items in the conventional layout: welcome, a discussion
    with rich text, a theme with three recommendations, a CLOSED item, a break, a decision with a
    journal number, any other business and two written briefings. Minutes, decisions, outcomes,
    attendance (with a guest for the closed item) and a task are filled in.
    """
    from klynge.meetings.choices import Outcome, TaskOwnerKind

    kw.setdefault("date", datetime.date(2022, 12, 7))
    meeting = make_meeting(body, status=status, **kw)
    chair = make_person("Mette Heidemann", title="Direktør")
    guest = make_person("Alice Skaarup Jepsen")
    secret_guest = make_person("Bodil Fortrolig")
    member = make_person("Kurt Æbelø")
    absent = make_person("Søren Ølgaard")
    substitute = make_person("Birgitte Aagaard")

    make_item(meeting, title="Velkomst", kind=ItemKind.WELCOME, duration_minutes=5, presenters=[chair],
              minutes="En særlig velkomst til dagens gæster.")
    item2 = make_item(
        meeting, title="Drøftelse af patient- og pårørendeinddragelse", kind=ItemKind.DISCUSSION,
        duration_minutes=20, presenters=[chair],
        summary="Sundhedsklyngerne skal inddrage patientinddragelsesudvalget i klyngernes drøftelser og arbejde.",
        description=(
            "<h4>Baggrund</h4><p>Loven om etablering af sundhedsklynger trådte i kraft d. 1. juli 2022. "
            "Det fremgår af bekendtgørelsen, at <strong>sundhedsklyngerne</strong> skal inddrage "
            "Patientinddragelsesudvalget – også i arbejdsgrupper.</p>"
            "<ul><li>John Arne Sørensen, Diabetesforeningen</li><li>Kaj Andersen, Ældre Sagen</li></ul>"
            "<p>Patient- og pårørendeinddragelse blev også drøftet på det <em>første politiske møde</em>.</p>"
        ),
        minutes="Patient- og pårørendeperspektivet er essentielt og bør altid holdes for øje.",
    )
    make_recommendation(item2, "drøfter, hvordan klyngen sikrer et fokus på patient- og pårørendeperspektiver",
                        outcome=Outcome.DISCUSSED, decision_text="Punktet blev drøftet.")
    make_attachment(item2, "Model for patientinddragelse.pdf")
    item3 = make_item(
        meeting, title="Temadrøftelse om børn og unges trivsel", kind=ItemKind.DISCUSSION, duration_minutes=60,
        presenters=[chair], summary="Klyngen ønsker at styrke børn og unges trivsel og har temasat emnet.",
        description="<p>Fagligt strategisk niveau havde en indledende temadrøftelse d. 12. oktober 2022.</p>",
    )
    for text, outcome in (("tager den samlede orientering til efterretning", Outcome.NOTED),
                          ("drøfter og prioriterer spor for klyngens videre arbejde", Outcome.APPROVED),
                          ("beslutter, hvordan almen praksis får et bedre overblik", Outcome.POSTPONED)):
        make_recommendation(item3, text, outcome=outcome)
    make_attachment(item3, "Tværsektoriel aftale på børne- og ungeområdet.pdf")
    make_task(item3, "Sekretariatet udarbejder et overblik over tilbud til børn og unge.",
              owner_kind=TaskOwnerKind.SECRETARIAT, due=datetime.date(2023, 2, 21))
    closed = make_item(
        meeting, title=CLOSED_TITLE, kind=ItemKind.DECISION, duration_minutes=20, closed=True,
        presenters=[member], summary="Orientering om forhandlingsmandat på 4,2 mio. kr.",
        description="<p>Sekretariatet foreslår et forhandlingsmandat på 4,2 mio. kr.</p>",
        decision="Formandskabet forhandler videre.",
    )
    make_recommendation(closed, "godkender forhandlingsmandatet", outcome=Outcome.APPROVED)
    make_attachment(closed, "Lejekontrakt udkast.pdf")
    make_item(meeting, title="Pause", kind=ItemKind.BREAK, duration_minutes=10)
    item6 = make_item(
        meeting, title="Beslutning om implementeringsstruktur under Fagligt strategisk niveau",
        kind=ItemKind.DECISION, duration_minutes=25, presenters=[chair], case_number="1-31-72-446-22",
        summary="Implementeringsgrupperne nedlægges, og et koordinerende niveau etableres fra 1. januar 2023.",
        decision="Fagligt strategisk niveau godkendte indstillingen.",
    )
    make_recommendation(item6, "godkender, at implementeringsgrupperne nedlægges pr. 31. december 2022",
                        outcome=Outcome.APPROVED)
    make_recommendation(item6, "godkender kommissorium for det koordinerende niveau",
                        outcome=Outcome.APPROVED_WITH_CHANGES, decision_text="Med de ændringer, der blev nævnt.")
    make_item(meeting, title="Eventuelt", kind=ItemKind.ANY_OTHER_BUSINESS, duration_minutes=5,
              minutes="Intet til referat.")
    make_item(meeting, title="Mødekalender 2023", kind=ItemKind.WRITTEN_BRIEFING,
              summary="Mødekalenderen for 2023 er vedlagt.")
    make_item(meeting, title="Opfølgning på samarbejdsaftale på demensområdet", kind=ItemKind.WRITTEN_BRIEFING)

    make_attendance(meeting, chair, AttendanceStatus.PRESENT, title="Direktør")
    make_attendance(meeting, member, AttendanceStatus.PRESENT)
    make_attendance(meeting, absent, AttendanceStatus.APOLOGIES)
    make_attendance(meeting, substitute, AttendanceStatus.SUBSTITUTE, on_behalf_of=absent)
    make_attendance(meeting, guest, AttendanceStatus.GUEST, item=item3)
    make_attendance(meeting, secret_guest, AttendanceStatus.GUEST, item=closed)
    return meeting
