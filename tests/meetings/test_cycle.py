"""The meeting cycle through its pages: agenda, time plan, closed items, minutes, approval."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from klynge.meetings import actions
from klynge.meetings.choices import ItemKind, MeetingStatus, Outcome
from klynge.meetings.models import AgendaItem, Attachment, Meeting, MinutesRevision

from .factories import CLOSED_SECRETS, make_corpus_meeting, make_item, make_meeting, make_recommendation

D = datetime.date


def test_secretariat_creates_a_meeting(structure, login, secretariat_user):
    client = login(secretariat_user)
    response = client.post(f"/organer/{structure.political.slug}/moeder/ny/", {
        "date": "2025-03-04", "start": "17:00", "end": "19:00", "place_kind": "physical",
        "address": "Byrådssalen, Testby Rådhus",
    })
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/moeder/{meeting.pk}/"
    assert meeting.status == MeetingStatus.PLANNED


def test_meeting_ending_before_it_starts_is_refused(structure, login, secretariat_user):
    client = login(secretariat_user)
    response = client.post(f"/organer/{structure.political.slug}/moeder/ny/", {
        "date": "2025-03-04", "start": "17:00", "end": "16:00", "place_kind": "virtual",
        "online_link": "https://moede.example.dk/abc",
    })
    assert "Mødet skal slutte efter, det starter" in response.content.decode()
    assert not Meeting.objects.exists()


def test_time_plan_runs_from_the_start_with_breaks_and_briefings_last(structure, login, secretariat_user):
    meeting = make_meeting(structure.political, start=datetime.time(17, 0), end=datetime.time(18, 0))
    client = login(secretariat_user)
    for title, kind, minutes in [("Velkomst", "welcome", "5"), ("Mødekalender", "written_briefing", "0"),
                                 ("Drøftelse", "discussion", "20"), ("Pause", "break", "10"),
                                 ("Beslutning", "decision", "30")]:
        client.post(f"/moeder/{meeting.pk}/punkter/ny/", {"title": title, "kind": kind,
                                                          "duration_minutes": minutes, "loaded_version": 1})
    numbers = list(meeting.items.order_by("position").values_list("number", "title"))
    # Breaks keep their place but take no number, as in Danish agendas; briefings come last.
    assert numbers == [(1, "Velkomst"), (2, "Drøftelse"), (0, "Pause"), (3, "Beslutning"), (4, "Mødekalender")]
    page = client.get(f"/moeder/{meeting.pk}/").content.decode()
    assert "kl. 17:00-17:05" in page and "kl. 17:05-17:25" in page and "kl. 17:25-17:35" in page
    assert "kl. 17:35-18:05" in page
    assert "løber 5 minutter over" in page


def test_items_move_up_and_down_and_are_renumbered(structure, login, secretariat_user):
    meeting = make_meeting(structure.political)
    first, second, third = (make_item(meeting, title=t) for t in ("A", "B", "C"))
    client = login(secretariat_user)
    client.post(f"/punkter/{third.pk}/flyt/", {"direction": "up"})
    assert list(meeting.items.order_by("number").values_list("title", flat=True)) == ["A", "C", "B"]
    client.post(f"/punkter/{first.pk}/flyt/", {"direction": "down"})
    assert list(meeting.items.order_by("number").values_list("title", flat=True)) == ["C", "A", "B"]


def test_drag_and_drop_order_is_saved(structure, login, secretariat_user):
    meeting = make_meeting(structure.political)
    a, b, c = (make_item(meeting, title=t) for t in ("A", "B", "C"))
    client = login(secretariat_user)
    response = client.post(f"/moeder/{meeting.pk}/raekkefoelge/", {"order": [c.pk, a.pk, b.pk]},
                           content_type="application/json")
    assert response.status_code == 200
    assert response.json()["numbers"] == {str(c.pk): 1, str(a.pk): 2, str(b.pk): 3}
    bad = client.post(f"/moeder/{meeting.pk}/raekkefoelge/", {"order": [a.pk]}, content_type="application/json")
    assert bad.status_code == 409


def test_public_sees_a_closed_item_only_as_lukket_punkt(structure, client):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    page = client.get(f"/moeder/{meeting.pk}/").content.decode()
    assert "Lukket punkt" in page
    for secret in CLOSED_SECRETS:
        assert secret not in page, secret


def test_member_sees_the_closed_item(structure, login, member_user):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    page = login(member_user).get(f"/moeder/{meeting.pk}/").content.decode()
    assert "Lejemål til akutklinik i Fredericia" in page and "Bodil Fortrolig" in page


def test_member_of_another_cluster_does_not_see_the_closed_item(structure, login, other_cluster_user):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    page = login(other_cluster_user).get(f"/moeder/{meeting.pk}/").content.decode()
    for secret in CLOSED_SECRETS:
        assert secret not in page


def test_closed_items_attachment_is_404_for_the_public(structure, client, login, member_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    item = make_item(meeting, closed=True)
    attachment = Attachment.objects.create(item=item, title="Hemmeligt.pdf",
                                           file=SimpleUploadedFile("hemmeligt.pdf", b"%PDF-1.4 hemmeligt"))
    assert client.get(f"/bilag/{attachment.pk}/").status_code == 404
    assert login(member_user).get(f"/bilag/{attachment.pk}/").status_code == 200


def test_unpublished_agenda_is_hidden_from_the_public(structure, client):
    meeting = make_meeting(structure.political, status=MeetingStatus.PLANNED)
    make_item(meeting, title="Udkast til punkt")
    page = client.get(f"/moeder/{meeting.pk}/").content.decode()
    assert "Udkast til punkt" not in page and "ikke offentliggjort" in page


@pytest.mark.parametrize("name,content,message", [
    ("virus.exe", b"MZ", "Filtypen “.exe” er ikke tilladt"),
    ("tom.pdf", b"", "er tom"),
])
def test_refused_attachments_get_a_danish_message(structure, login, secretariat_user, name, content, message):
    meeting = make_meeting(structure.political)
    item = make_item(meeting)
    response = login(secretariat_user).post(f"/punkter/{item.pk}/bilag/ny/",
                                            {"file": SimpleUploadedFile(name, content)})
    assert message in response.content.decode()
    assert not Attachment.objects.exists()


def test_attachment_over_the_size_limit_is_refused(structure, login, secretariat_user, settings):
    settings.UPLOAD_MAX_BYTES = 100
    item = make_item(make_meeting(structure.political))
    response = login(secretariat_user).post(f"/punkter/{item.pk}/bilag/ny/",
                                            {"file": SimpleUploadedFile("stor.pdf", b"x" * 200)})
    assert "grænsen er" in response.content.decode()
    assert not Attachment.objects.exists()


def test_attachment_is_stored_with_its_sha256(structure, login, secretariat_user):
    import hashlib

    item = make_item(make_meeting(structure.political))
    login(secretariat_user).post(f"/punkter/{item.pk}/bilag/ny/",
                                 {"file": SimpleUploadedFile("notat.pdf", b"%PDF-1.4 notat")})
    attachment = Attachment.objects.get()
    assert attachment.sha256 == hashlib.sha256(b"%PDF-1.4 notat").hexdigest() and attachment.title == "notat.pdf"


def test_publishing_minutes_with_an_item_lacking_a_decision_is_refused(structure, login, secretariat_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_DRAFT)
    item = make_item(meeting, title="Uden beslutning")
    make_recommendation(item, "godkender planen")
    client = login(secretariat_user)
    response = client.post(f"/moeder/{meeting.pk}/status/", {"status": "minutes_approved"}, follow=True)
    assert "mangler en beslutning eller et udfald for punkt 1" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_DRAFT


def test_the_whole_cycle_and_locked_minutes(structure, login, secretariat_user, mailoutbox):
    meeting = make_meeting(structure.political)
    item = make_item(meeting, title="Beslutning om noget")
    rec = make_recommendation(item, "godkender noget")
    client = login(secretariat_user)
    for status in ("agenda_published", "held", "minutes_draft"):
        client.post(f"/moeder/{meeting.pk}/status/", {"status": status})
    client.post(f"/punkter/{item.pk}/referat/", {
        "minutes": "Der var enighed.", "decision": "Godkendt.", f"outcome_{rec.pk}": Outcome.APPROVED,
        f"decision_{rec.pk}": "", "loaded_version": item.version,
    })
    rec.refresh_from_db()
    assert rec.outcome == Outcome.APPROVED
    for status in ("minutes_in_review", "minutes_approved", "minutes_published"):
        client.post(f"/moeder/{meeting.pk}/status/", {"status": status})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_PUBLISHED and meeting.minutes_published_at
    # Approved minutes are locked: a direct edit is refused.
    client.post(f"/punkter/{item.pk}/referat/", {"minutes": "Snydt", "decision": "x", "loaded_version": 99})
    item.refresh_from_db()
    assert item.minutes == "Der var enighed."
    # A correction is an explicit, reasoned revision.
    client.post(f"/moeder/{meeting.pk}/ret-referat/", {"item": item.pk,
                                                       "minutes": "Der var bred enighed.", "reason": "Stavefejl",
                                                       "loaded_version": meeting.version})
    item.refresh_from_db()
    assert item.minutes == "Der var bred enighed."
    revision = MinutesRevision.objects.get()
    assert revision.reason == "Stavefejl" and revision.changes[0]["before"] == "Der var enighed."
    assert "Stavefejl" in client.get(f"/moeder/{meeting.pk}/").content.decode()


def test_a_move_the_cycle_does_not_allow_is_refused(structure, login, secretariat_user):
    meeting = make_meeting(structure.political)
    response = login(secretariat_user).post(f"/moeder/{meeting.pk}/status/", {"status": "minutes_published"},
                                            follow=True)
    assert "kan ikke gå fra" in response.content.decode()


def test_second_save_of_the_same_item_is_refused_showing_what_changed(structure, login, secretariat_user):
    meeting = make_meeting(structure.political)
    item = make_item(meeting, title="Oprindelig titel")
    client = login(secretariat_user)
    form = {"title": "Første persons titel", "kind": "decision", "duration_minutes": 20, "loaded_version": 1}
    assert client.post(f"/punkter/{item.pk}/rediger/", form).status_code == 302
    second = {"title": "Anden persons titel", "kind": "decision", "duration_minutes": 30, "loaded_version": 1}
    response = client.post(f"/punkter/{item.pk}/rediger/", second)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dine ændringer er ikke gemt" in page
    assert "Første persons titel" in page and "Oprindelig titel" in page and "Anden persons titel" in page
    item.refresh_from_db()
    assert item.title == "Første persons titel" and item.duration_minutes == 20


def test_second_save_of_the_same_minutes_is_refused(structure, login, secretariat_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_DRAFT)
    item = make_item(meeting)
    client = login(secretariat_user)
    client.post(f"/punkter/{item.pk}/referat/", {"minutes": "Først", "decision": "", "loaded_version": 1})
    response = client.post(f"/punkter/{item.pk}/referat/", {"minutes": "Sidst", "decision": "", "loaded_version": 1})
    assert "Dine ændringer er ikke gemt" in response.content.decode()
    item.refresh_from_db()
    assert item.minutes == "Først"


def test_rich_text_is_sanitised(structure):
    item = make_item(make_meeting(structure.political),
                     description='<p onclick="x()">Tekst<script>alert(1)</script></p><a href="javascript:x">l</a>')
    assert "<script" not in item.description and "onclick" not in item.description
    assert "javascript:" not in item.description


def test_items_sharing_a_journal_number_form_one_matter_with_its_path(structure, login, member_user, client):
    first = make_meeting(structure.political, date=D(2023, 1, 10), status=MeetingStatus.MINUTES_PUBLISHED)
    second = make_meeting(structure.cluster, date=D(2023, 3, 1), status=MeetingStatus.MINUTES_PUBLISHED)
    a = make_item(first, title="IV-behandling, drøftelse", kind=ItemKind.DISCUSSION, case_number="1-31-72-446-22")
    b = make_item(second, title="IV-behandling, beslutning", kind=ItemKind.DECISION, case_number="1-31-72-446-22")
    make_recommendation(b, "nedsætter en arbejdsgruppe", outcome=Outcome.APPROVED)
    actions.link_item_to_matter(a)
    actions.link_item_to_matter(b)
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.matter_id == b.matter_id
    page = client.get(f"/sager/{a.matter_id}/").content.decode()
    assert page.index("IV-behandling, drøftelse") < page.index("IV-behandling, beslutning")
    assert "Til drøftelse" in page and "Til beslutning" in page and "Godkendt" in page
    assert "2 gange i 2 organer" in page
    owner = page.split("Ejes nu af")[1][:300]
    assert "Klynge A<" in owner


def test_task_due_before_its_meeting_is_refused(structure, login, secretariat_user):
    item = make_item(make_meeting(structure.political, date=D(2023, 3, 1)))
    response = login(secretariat_user).post(f"/punkter/{item.pk}/opgaver/ny/", {
        "description": "Undersøge noget", "owner_kind": "secretariat", "due": "2023-02-01",
    })
    assert "Fristen ligger før mødet" in response.content.decode()
    assert not item.tasks.exists()


def test_follow_up_overview_marks_overdue_tasks_and_closes_with_a_note(structure, login, secretariat_user):
    item = make_item(make_meeting(structure.political, date=D(2023, 3, 1), status=MeetingStatus.MINUTES_PUBLISHED))
    client = login(secretariat_user)
    client.post(f"/punkter/{item.pk}/opgaver/ny/", {"description": "Skrive notat", "owner_kind": "secretariat",
                                                    "due": "2023-04-01"})
    page = client.get(f"/opfoelgning/{structure.cluster.slug}/").content.decode()
    assert "Skrive notat" in page and "Overskredet" in page and "Sekretariatet" in page
    task = item.tasks.get()
    refused = client.post(f"/opgaver/{task.pk}/afslut/", {"status": "done", "closed_note": ""})
    assert refused.status_code == 200
    client.post(f"/opgaver/{task.pk}/afslut/", {"status": "done", "closed_note": "Notatet er sendt.",
                                                "loaded_version": task.version})
    task.refresh_from_db()
    assert task.status == "done" and task.closed_at
    assert "Skrive notat" not in client.get(f"/opfoelgning/{structure.cluster.slug}/").content.decode()


def test_proposal_to_another_body_is_taken_into_an_agenda(structure, login, member_user, secretariat_user):
    source = make_item(make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED),
                       title="Børn og unge", summary="Resumé fra kilden", case_number="2-22")
    actions.link_item_to_matter(source)
    target = make_meeting(structure.cluster, date=datetime.date.today() + datetime.timedelta(days=30))
    login(member_user).post(f"/punkter/{source.pk}/foreslaa/", {
        "target_body": structure.cluster.pk, "title": "Temadrøftelse om børn og unge",
        "summary": "Resumé fra kilden", "case_number": "2-22",
    })
    client = login(secretariat_user)
    queue = client.get(f"/organer/{structure.cluster.slug}/forslag/").content.decode()
    assert "Temadrøftelse om børn og unge" in queue and "punkt 1" in queue
    proposal = structure.cluster.incoming_proposals.get()
    client.post(f"/forslag/{proposal.pk}/", {"accept": "1", "meeting": target.pk,
                                              "loaded_version": proposal.version})
    item = target.items.get()
    assert item.title == "Temadrøftelse om børn og unge" and item.summary == "Resumé fra kilden"
    assert item.matter_id == AgendaItem.objects.get(pk=source.pk).matter_id


def test_declined_proposal_shows_the_reason_to_the_proposer(structure, login, member_user, secretariat_user):
    source = make_item(make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED))
    login(member_user).post(f"/punkter/{source.pk}/foreslaa/", {"target_body": structure.cluster.pk,
                                                                 "title": "Forslag"})
    proposal = structure.cluster.incoming_proposals.get()
    login(secretariat_user).post(f"/forslag/{proposal.pk}/", {"decline": "1", "reason": ""})
    proposal.refresh_from_db()
    assert proposal.status == "pending"
    login(secretariat_user).post(f"/forslag/{proposal.pk}/", {"decline": "1", "reason": "Behandles i SSU.",
                                                                          "loaded_version": proposal.version})
    page = login(member_user).get("/mine-forslag/").content.decode()
    assert "Afvist" in page and "Behandles i SSU." in page


def test_proposal_to_a_body_that_has_ended_is_refused(structure, login, member_user):
    structure.other_body.active_to = D(2023, 1, 1)
    structure.other_body.save()
    source = make_item(make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED))
    response = login(member_user).post(f"/punkter/{source.pk}/foreslaa/", {
        "target_body": structure.other_body.pk, "title": "Til et ophørt organ"})
    assert "er ophørt og kan ikke modtage forslag" in response.content.decode()
    assert not structure.other_body.incoming_proposals.exists()


def test_public_cannot_propose_or_edit(structure, client, login, other_cluster_user):
    item = make_item(make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED))
    assert client.get(f"/punkter/{item.pk}/foreslaa/").status_code == 302
    assert login(other_cluster_user).get(f"/punkter/{item.pk}/rediger/").status_code == 403


def test_calendar_lists_a_clusters_meetings_of_the_year(structure, client):
    make_meeting(structure.political, date=D(2024, 5, 3))
    make_meeting(structure.working_group, date=D(2024, 9, 3))
    make_meeting(structure.other_body, date=D(2024, 5, 4))
    page = client.get(f"/moeder/?aar=2024&klynge={structure.cluster.slug}").content.decode()
    assert "Maj 2024" in page and "September 2024" in page
    assert "Klynge B" not in page.split("<h1>")[1].split("</main>")[0].replace("Klynge B</option>", "")


def test_meeting_page_queries_do_not_grow_with_items(structure, client, django_assert_max_num_queries):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    for n in range(30):
        item = make_item(meeting, title=f"Punkt {n}")
        make_recommendation(item, "godkender", outcome=Outcome.APPROVED)
        Attachment.objects.create(item=item, title=f"Bilag {n}a.pdf")
        Attachment.objects.create(item=item, title=f"Bilag {n}b.pdf")
    with django_assert_max_num_queries(25):
        assert client.get(f"/moeder/{meeting.pk}/").status_code == 200


def test_typed_case_description_gets_paragraphs_and_lists(structure):
    item = make_item(make_meeting(structure.political),
                     description="Baggrund & formål\nanden linje\n\n- første punkt\n- andet punkt")
    assert item.description == ("<p>Baggrund &amp; formål<br>anden linje</p>"
                                "<ul><li>første punkt</li><li>andet punkt</li></ul>")


def test_welcome_and_any_other_business_need_no_decision(structure):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_DRAFT)
    make_item(meeting, title="Velkomst", kind=ItemKind.WELCOME)
    make_item(meeting, title="Eventuelt", kind=ItemKind.ANY_OTHER_BUSINESS)
    assert actions.missing_decisions(meeting) == []


def test_a_cpr_number_in_an_item_is_refused_and_nothing_is_saved(structure, login, secretariat_user):
    meeting = make_meeting(structure.political)
    response = login(secretariat_user).post(f"/moeder/{meeting.pk}/punkter/ny/", {
        "title": "Borgersag", "kind": "decision", "duration_minutes": 10,
        "description": "Borgeren (CPR 010203-1234) har klaget.", "loaded_version": 1,
    })
    assert "ser ud til at indeholde et CPR-nummer (010203-…)" in response.content.decode()
    assert "1234" not in response.content.decode().split("CPR-nummer")[1][:40]
    assert not meeting.items.exists()
