"""Word files of agendas and minutes, fetched as each persona and parsed back."""

import io

import pytest
from django.urls import reverse
from docx import Document

from klynge.meetings.choices import MeetingStatus

from .factories import CLOSED_SECRETS, CLOSED_TITLE, make_corpus_meeting

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _fetch(client, name, meeting):
    response = client.get(reverse(f"meetings:{name}", args=[meeting.pk]))
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == DOCX
    return Document(io.BytesIO(response.content)), response


def _headings(word, level):
    return [p.text for p in word.paragraphs if p.style.name == f"Heading {level}"]


def _all_text(word) -> str:
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in word.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)


def _contents_rows(word):
    toc = word.tables[1]
    return [[cell.text for cell in row.cells] for row in toc.rows]


def test_public_agenda_docx_has_item_headings_times_and_closed_item_as_stub(client, structure):
    meeting = make_corpus_meeting(structure.political)
    word, response = _fetch(client, "agenda_docx", meeting)
    assert 'filename="dagsorden-klynge-a-politisk-niveau-2022-12-07.docx"' in response["Content-Disposition"]

    items = [h for h in _headings(word, 1) if h.startswith("Punkt ")]
    assert items == [
        "Punkt 1: Velkomst v. Mette Heidemann (kl. 17:00-17:05)",
        "Punkt 2: Drøftelse af patient- og pårørendeinddragelse v. Mette Heidemann (kl. 17:05-17:25)",
        "Punkt 3: Temadrøftelse om børn og unges trivsel v. Mette Heidemann (kl. 17:25-18:25)",
        "Punkt 4: Lukket punkt",
        "Punkt 5: Beslutning om implementeringsstruktur under Fagligt strategisk niveau v. Mette Heidemann "
        "(kl. 18:55-19:20)",
        "Punkt 6: Eventuelt (kl. 19:20-19:25)",
        "Punkt 7: Skriftlig orientering: Mødekalender 2023",
        "Punkt 8: Skriftlig orientering: Opfølgning på samarbejdsaftale på demensområdet",
    ]
    assert "Pause (kl. 18:45-18:55)" in _headings(word, 1)  # a break takes a place but no number
    # The contents' own heading is Word's "TOC Heading", so the table of contents does not list itself.
    assert [p.text for p in word.paragraphs if p.style.name == "TOC Heading"] == ["Indholdsfortegnelse"]
    assert {"Resumé", "Sagsfremstilling", "Indstilling", "Bilag"} <= set(_headings(word, 2))
    assert "Beslutning" not in _headings(word, 2)  # an agenda carries no decisions
    rows = _contents_rows(word)
    assert rows[0] == ["Punkt", "Emne", "Tid"]
    assert rows[2] == ["2", "Drøftelse af patient- og pårørendeinddragelse v. Mette Heidemann", "17:05-17:25"]
    assert rows[4] == ["4", "Lukket punkt", ""]
    assert rows[5] == ["", "Pause", "18:45-18:55"]
    header = [[c.text for c in row.cells] for row in word.tables[0].rows]
    assert ["Mødedato", "Onsdag 7. december 2022 kl. 17:00-20:00"] in header
    assert header[-1][0] == "Mødested" and "Rådhus" in header[-1][1]

    text = _all_text(word)
    assert "Det indstilles, at Klynge A – Politisk niveau:" in text
    assert "Model for patientinddragelse.pdf" in text
    for secret in CLOSED_SECRETS:
        assert secret not in text, secret
    assert "Fortroligt" not in text


def test_member_agenda_docx_shows_the_closed_item_and_a_warning(login, structure, member_user):
    meeting = make_corpus_meeting(structure.political)
    word, response = _fetch(login(member_user), "agenda_docx", meeting)
    assert f"Punkt 4: {CLOSED_TITLE} v. Kurt Æbelø (kl. 18:25-18:45)" in _headings(word, 1)
    text = _all_text(word)
    assert "forhandlingsmandat på 4,2 mio. kr." in text and "Lejekontrakt udkast.pdf" in text
    assert "Fortroligt: Denne udgave indeholder lukkede punkter" in text
    assert response["Cache-Control"] == "private, no-store"


def test_another_clusters_member_gets_the_public_agenda(login, structure, other_cluster_user):
    meeting = make_corpus_meeting(structure.political)
    word, _ = _fetch(login(other_cluster_user), "agenda_docx", meeting)
    assert "Punkt 4: Lukket punkt" in _headings(word, 1)
    assert CLOSED_TITLE not in _all_text(word)


def test_public_minutes_docx_has_decisions_outcomes_attendance_and_no_closed_content(client, structure):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED,
                                  minutes_note="Mødet blev holdt med <strong>ny mødeleder</strong>.")
    word, _ = _fetch(client, "minutes_docx", meeting)
    assert "Mødedeltagere" in _headings(word, 1)
    assert "Generelt om referatet" in _headings(word, 1)
    assert {"Deltagere", "Afbud", "Stedfortrædere", "Gæster", "Beslutning", "Referat", "Opfølgning"} <= set(
        _headings(word, 2))
    text = _all_text(word)
    assert "Ad 1.\tTaget til efterretning" in text
    assert "Ad 2.\tGodkendt med ændringer. Med de ændringer, der blev nævnt." in text
    assert "Sekretariatet: Sekretariatet udarbejder et overblik" in text
    assert "Birgitte Aagaard (deltog på vegne af Søren Ølgaard)" in text
    assert "Mødet blev holdt med ny mødeleder." in text
    assert "Punkt 4: Lukket punkt" in _headings(word, 1)
    for secret in CLOSED_SECRETS:
        assert secret not in text, secret


def test_member_minutes_docx_has_the_closed_decision(login, structure, member_user):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    word, _ = _fetch(login(member_user), "minutes_docx", meeting)
    text = _all_text(word)
    assert "Formandskabet forhandler videre." in text
    assert "Bodil Fortrolig (punkt 4)" in text


@pytest.mark.parametrize("name", ["agenda_docx", "agenda_pdf", "minutes_docx", "minutes_pdf"])
def test_files_of_an_unpublished_agenda_are_404_to_the_public_but_served_to_the_secretariat(
        client, login, structure, secretariat_user, member_user, name):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.PLANNED)
    url = reverse(f"meetings:{name}", args=[meeting.pk])
    assert client.get(url).status_code == 404
    assert login(member_user).get(url).status_code == 404
    expected = 200 if name.startswith("agenda") else 404  # no minutes while planned
    assert login(secretariat_user).get(url).status_code == expected


def test_minutes_files_wait_for_publication_for_the_public_but_members_read_them_in_review(
        client, login, structure, member_user, other_cluster_user):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_IN_REVIEW)
    url = reverse("meetings:minutes_docx", args=[meeting.pk])
    assert client.get(url).status_code == 404
    assert login(other_cluster_user).get(url).status_code == 404
    assert login(member_user).get(url).status_code == 200


def test_files_of_a_meeting_that_does_not_exist_are_404(client):
    assert client.get(reverse("meetings:agenda_docx", args=[999999])).status_code == 404


def test_pasted_control_characters_and_emoji_do_not_break_the_files(client, structure):
    from .factories import make_item, make_meeting, make_recommendation

    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    item = make_item(meeting, title="Indsat\x0bfra Word\x07 🙂", summary="Linje\x0cskift", description="<p>A\x01B</p>")
    make_recommendation(item, "godkender\x0b planen")
    word, _ = _fetch(client, "agenda_docx", meeting)
    assert "Punkt 1: Indsat fra Word  🙂 (kl. 17:00-17:20)" in _headings(word, 1)
    response = client.get(reverse("meetings:agenda_pdf", args=[meeting.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert client.head(reverse("meetings:agenda_pdf", args=[meeting.pk])).status_code == 200
