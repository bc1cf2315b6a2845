"""Issue 13's defects in the meeting cycle, as Django tests (the browser tests cover what is drawn)."""

import datetime
import json
import re

import pytest
from django.urls import reverse

from klynge.core import formats
from klynge.meetings.choices import ItemKind, MeetingStatus
from klynge.meetings.models import AgendaItem, Proposal

from .factories import make_item, make_meeting


@pytest.mark.parametrize("status", [MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.CANCELLED])
def test_secretariat_sees_no_minutes_or_minutes_files_before_the_meeting_or_on_a_cancelled_one(
        login, secretariat_user, structure, status):
    meeting = make_meeting(structure.political, status=status)
    make_item(meeting, title="Status på indsatser")
    client = login(secretariat_user)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Referat (Word)" not in page and "Referat (PDF)" not in page
    assert '<h2 id="dagsorden">Dagsorden</h2>' in page
    for name in ("meetings:minutes_docx", "meetings:minutes_pdf"):
        assert client.get(reverse(name, args=[meeting.pk])).status_code in (403, 404)


def test_secretariat_sees_the_minutes_once_the_meeting_is_held(login, secretariat_user, structure):
    meeting = make_meeting(structure.political, status=MeetingStatus.HELD)
    make_item(meeting, title="Status på indsatser")
    client = login(secretariat_user)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Referat (Word)" in page and '<h2 id="dagsorden">Referat</h2>' in page
    assert client.get(reverse("meetings:minutes_pdf", args=[meeting.pk])).status_code == 200


def test_the_danish_formatting_layer_writes_years_dates_periods_amounts_and_times_one_way():
    assert formats.year(2023) == "2023"
    assert formats.date(datetime.date(2023, 6, 7)) == "7. juni 2023"
    assert formats.date(datetime.date(2023, 6, 7), weekday=True) == "onsdag 7. juni 2023"
    assert formats.period(datetime.date(2026, 10, 1), datetime.date(2026, 12, 31)) == "1. oktober – 31. december 2026"
    assert formats.period(datetime.date(2026, 12, 1), datetime.date(2027, 1, 31)) == (
        "1. december 2026 – 31. januar 2027")
    assert formats.kroner(1022190) == "1.022.190 kr." and formats.kroner(-5) == "-5 kr."
    assert formats.number(3168) == "3.168"
    assert formats.time(datetime.time(14, 0)) == "14:00"
    assert formats.time_range(datetime.time(14, 0), datetime.time(16, 30)) == "14:00-16:30"


def test_years_are_never_grouped_in_pages_or_django_formats(client, structure, settings):
    from django.template import Context, Template
    from django.utils import translation

    with translation.override("da"):
        rendered = Template('{{ y }} {{ d }} {{ d|date:"SHORT_DATE_FORMAT" }} {{ n|floatformat:0 }}').render(
            Context({"y": 2023, "d": datetime.date(2022, 12, 7), "n": 2023}))
    assert rendered == "2023 7. december 2022 7. december 2022 2023"
    make_meeting(structure.political, date=datetime.date(2023, 3, 1))
    page = client.get(reverse("meetings:calendar"), {"aar": "2023"}).content.decode()
    assert "Mødekalender 2023" in page and '<option value="2023" selected>2023</option>' in page
    assert "2.023" not in page and "2.02" not in page


def test_admin_list_filters_and_change_lists_print_years_without_a_separator(admin_user, client, structure):
    from klynge.funds.models import Grant

    Grant.objects.create(cluster=structure.cluster, year=2022, party=structure.region, amount=1_000_000)
    client.force_login(admin_user)
    page = client.get(reverse("admin:funds_grant_changelist")).content.decode()
    assert "2022" in page and "2.022" not in page



def _agenda_with_eventuelt(meeting):
    make_item(meeting, title="Velkomst", kind=ItemKind.WELCOME, duration_minutes=5)
    make_item(meeting, title="Status", duration_minutes=30)
    make_item(meeting, title="Pause", kind=ItemKind.BREAK, duration_minutes=10)
    make_item(meeting, title="Eventuelt", kind=ItemKind.ANY_OTHER_BUSINESS, duration_minutes=5)
    make_item(meeting, title="Nyt fra sekretariatet", kind=ItemKind.WRITTEN_BRIEFING)


def test_an_accepted_proposal_goes_before_eventuelt_with_a_time_and_the_message_names_its_number(
        login, secretariat_user, structure):
    meeting = make_meeting(structure.political, date=datetime.date.today() + datetime.timedelta(days=30),
                           start=datetime.time(17, 0), end=datetime.time(20, 0))
    _agenda_with_eventuelt(meeting)
    proposal = Proposal.objects.create(target_body=structure.political, title="Demensindsats", summary="Oplæg")
    client = login(secretariat_user)
    answer = client.post(reverse("meetings:proposal_decide", args=[proposal.pk]),
                         {"accept": "1", "meeting": meeting.pk, "loaded_version": proposal.version}, follow=True)
    item = AgendaItem.objects.get(title="Demensindsats")
    order = [(i.title, i.number) for i in meeting.items.order_by("position")]
    assert order == [("Velkomst", 1), ("Status", 2), ("Pause", 0), ("Demensindsats", 3), ("Eventuelt", 4),
                     ("Nyt fra sekretariatet", 5)]
    assert item.duration_minutes == 15
    page = answer.content.decode()
    # Welcome 17:00-17:05, status -17:35, break -17:45, the new item 17:45-18:00.
    assert "Forslaget er optaget som punkt 3 på" in page and "kl. 17:45-18:00" in page
    assert answer.redirect_chain[-1][0].endswith("#punkt-3")


def test_an_agenda_without_eventuelt_takes_the_proposal_after_the_last_main_item():
    from klynge.meetings import timeplan

    class Item:
        def __init__(self, title, kind):
            self.title, self.kind = title, kind

    items = [Item("Velkomst", ItemKind.WELCOME), Item("Status", ItemKind.DECISION),
             Item("Orientering", ItemKind.WRITTEN_BRIEFING)]
    assert timeplan.insertion_index(items) == 2
    items.insert(2, Item("Eventuelt", ItemKind.DISCUSSION))  # recognised by its title too
    assert timeplan.insertion_index(items) == 2


def test_breaks_are_named_by_their_title_in_dropdowns_never_punkt_0(login, secretariat_user, structure):
    meeting = make_meeting(structure.political, status=MeetingStatus.HELD)
    _agenda_with_eventuelt(meeting)
    brk = meeting.items.get(kind=ItemKind.BREAK)
    assert str(brk) == "Pause"
    client = login(secretariat_user)
    page = client.get(reverse("meetings:attendance", args=[meeting.pk])).content.decode()
    assert "Punkt 0" not in page


def _pdf_pages(data: bytes) -> list[str]:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_draft_minutes_say_udkast_on_every_page_of_the_pdf_and_in_the_word_header(structure, secretariat_user):
    import io

    import docx

    from klynge.meetings.publishing.document import build_minutes
    from klynge.meetings.publishing.docx import render_docx
    from klynge.meetings.publishing.pdf import render_pdf

    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_IN_REVIEW)
    for n in range(12):  # long enough for several pages
        make_item(meeting, title=f"Punkt om emne {n}", summary="Resumé. " * 80, minutes="Referat. " * 80)
    document = build_minutes(meeting, secretariat_user)
    pages = _pdf_pages(render_pdf(document))
    assert len(pages) > 1
    assert all("UDKAST" in page for page in pages)
    word = docx.Document(io.BytesIO(render_docx(document)))
    assert word.sections[0].header.paragraphs[0].text.startswith("UDKAST – referatet er ikke godkendt")
    meeting.status = MeetingStatus.MINUTES_PUBLISHED
    meeting.save()
    final = build_minutes(meeting, secretariat_user, public=True)
    assert not any("UDKAST" in page for page in _pdf_pages(render_pdf(final)))


def test_correcting_approved_minutes_shows_the_current_text_and_corrects_an_outcome_with_before_and_after(
        login, secretariat_user, structure):
    from klynge.meetings.models import MinutesRevision, Recommendation
    from klynge.meetings.publishing.document import build_minutes

    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, title="Budget", minutes="Der var enighed om budgettet.", decision="Godkendt.")
    rec = Recommendation.objects.create(item=item, number=1, text="godkender budgettet", outcome="approved")
    client = login(secretariat_user)
    url = reverse("meetings:revise_minutes", args=[meeting.pk])
    page = client.get(url, {"punkt": item.pk}).content.decode()
    assert "Der var enighed om budgettet." in page  # prefilled, nothing to retype
    assert "Udfald for indstilling 1" in page
    answer = client.post(url, {"item": item.pk, "minutes": "Der var enighed om budgettet.",
                               "decision": "Godkendt.", f"outcome_{rec.pk}": "not_approved",
                               f"decision_{rec.pk}": "", "reason": "Udfaldet var forkert gengivet",
                               "loaded_version": meeting.version})
    assert answer.status_code == 302
    rec.refresh_from_db()
    assert rec.outcome == "not_approved"
    revision = MinutesRevision.objects.get()
    assert revision.made_by == secretariat_user
    assert revision.changes == [{"item": item.number, "item_pk": item.pk, "recommendation_pk": rec.pk,
                                 "field": "outcome", "label": "udfald for indstilling 1",
                                 "before": "approved", "after": "not_approved"}]
    # Nothing changed: refused with a Danish message.
    meeting.refresh_from_db()
    same = client.post(url, {"item": item.pk, "minutes": "Der var enighed om budgettet.",
                             "reason": "Intet", "loaded_version": meeting.version})
    assert "Du har ikke ændret noget" in same.content.decode()
    # The published files carry a note of the correction (date and reason).
    document = build_minutes(meeting, None, public=True)
    assert document.corrections and "Udfaldet var forkert gengivet" in document.corrections[0]
    assert document.corrections[0].startswith("Rettet ")


def test_the_review_round_mails_the_members_and_they_comment_per_item_for_the_secretariat(
        login, secretariat_user, member_user, structure, django_capture_on_commit_callbacks):
    from django.test import Client

    from klynge.meetings.models import MinutesComment
    from klynge.outbox.models import OutgoingMail

    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_DRAFT)
    item = make_item(meeting, title="Budget", minutes="Udkast til referat.", decision="Godkendt.")
    secretariat = login(secretariat_user)
    with django_capture_on_commit_callbacks(execute=True):
        secretariat.post(reverse("meetings:meeting_status", args=[meeting.pk]), {"status": "minutes_in_review"})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_IN_REVIEW
    mails = OutgoingMail.objects.filter(kind="minutes_review")
    assert member_user.person.email in {m.to for m in mails}
    mail = mails.get(to=member_user.person.email)
    assert "sendt til kommentering" in mail.text and f"/moeder/{meeting.pk}/" in mail.text
    assert "Udkast til referat." not in mail.text  # the draft itself is not mailed

    url = reverse("meetings:item_comment", args=[item.pk])
    public = Client()
    assert public.post(url, {"text": "Anonym"}).status_code == 302 and not MinutesComment.objects.exists()
    member = Client()
    member.force_login(member_user)
    page = member.get(meeting.get_absolute_url()).content.decode()
    assert "Kommentar til referatet af punkt 1" in page
    answer = member.post(url, {"text": "Beløbet i punkt 1 skal være 2,1 mio. kr."}, follow=True)
    assert "Din kommentar til punkt 1 er sendt til sekretariatet" in answer.content.decode()
    comment = MinutesComment.objects.get()
    assert comment.author == member_user and comment.item == item
    assert "Beløbet i punkt 1 skal være 2,1 mio. kr." in secretariat.get(meeting.get_absolute_url()).content.decode()
    assert "Beløbet i punkt 1" not in public.get(meeting.get_absolute_url()).content.decode()
    assert member.post(url, {"text": "  "}, follow=True).status_code == 200 and MinutesComment.objects.count() == 1


def test_attendance_is_one_form_of_the_bodys_members_with_party_substitute_and_guests_by_name(
        login, secretariat_user, member_user, structure):
    from klynge.meetings.models import Attendance

    meeting = make_meeting(structure.political, status=MeetingStatus.HELD)
    member = member_user.person
    client = login(secretariat_user)
    url = reverse("meetings:attendance", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert f"{member.name} (Testby Kommune)" in page  # the member, with their party
    assert "Afbud, stedfortræder deltog" in page
    refused = client.post(url, {"roster": "1", f"status_{member.pk}": "substitute"})
    assert f"Skriv navnet på stedfortræderen for {member.name}" in refused.content.decode()
    assert not Attendance.objects.exists()
    answer = client.post(url, {"roster": "1", f"status_{member.pk}": "substitute",
                               f"substitute_{member.pk}": "Sofie Stedfortræder",
                               "guests": "Mette Gæst, Region Testland\n"})
    assert answer.status_code == 302
    rows = {a.person.name: a for a in meeting.attendance.select_related("person", "on_behalf_of")}
    assert rows[member.name].status == "apologies"
    assert rows["Sofie Stedfortræder"].status == "substitute"
    assert rows["Sofie Stedfortræder"].on_behalf_of == member
    assert rows["Sofie Stedfortræder"].organisation == structure.municipality
    assert rows["Mette Gæst"].status == "guest" and rows["Mette Gæst"].title == "Region Testland"
    # Saved again as present: the substitute goes, the member is present; the guest stays.
    client.post(url, {"roster": "1", f"status_{member.pk}": "present"})
    rows = {a.person.name: a.status for a in meeting.attendance.select_related("person")}
    assert rows == {member.name: "present", "Mette Gæst": "guest"}
    page = client.get(url).content.decode()
    assert re.search(rf'name="status_{member.pk}" value="present"[^>]*checked', page)  # prefilled from the saved row


def test_a_cancelled_meetings_agenda_offers_no_editing_and_refuses_it_in_danish(login, secretariat_user, structure):
    meeting = make_meeting(structure.political, status=MeetingStatus.CANCELLED)
    item = make_item(meeting, title="Status på indsatser")
    client = login(secretariat_user)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Tilføj punkt" not in page and "Flyt op" not in page and 'draggable="true"' not in page
    assert reverse("meetings:item_edit", args=[item.pk]) not in page

    response = client.post(reverse("meetings:item_delete", args=[item.pk]), follow=True)
    assert "Mødet er aflyst, så dagsordenen kan ikke ændres." in response.content.decode()
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    reorder = client.post(reverse("meetings:agenda_reorder", args=[meeting.pk]), data=json.dumps({"order": [item.pk]}),
                          content_type="application/json")
    assert reorder.status_code == 409 and "aflyst" in reorder.json()["fejl"]
