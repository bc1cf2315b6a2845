"""Moving items and breaks on the agenda page (found by the browser journey).

Breaks carry no number, so links and messages that said "punkt 0" and "#punkt-0" now name the
break; "Flyt op"/"Flyt ned" appear only where a move changes the order.
"""

from klynge.meetings.choices import ItemKind

from .factories import make_item, make_meeting


def _agenda(structure):
    meeting = make_meeting(structure.political)
    first = make_item(meeting, title="Velkomst", kind=ItemKind.WELCOME, duration_minutes=5)
    pause = make_item(meeting, title="Pause", kind=ItemKind.BREAK, duration_minutes=10)
    last_main = make_item(meeting, title="Eventuelt", kind=ItemKind.ANY_OTHER_BUSINESS, duration_minutes=5)
    briefing = make_item(meeting, title="Mødekalender", kind=ItemKind.WRITTEN_BRIEFING)
    return meeting, first, pause, last_main, briefing


def test_moving_a_break_names_it_and_returns_to_it(structure, login, secretariat_user):
    meeting, first, pause, *_ = _agenda(structure)
    client = login(secretariat_user)
    response = client.post(f"/punkter/{pause.pk}/flyt/", {"direction": "up"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/moeder/{meeting.pk}/#pause-{pause.pk}"
    page = response.content.decode()
    assert "“Pause” er flyttet." in page and "punkt 0" not in page
    assert list(meeting.items.order_by("position").values_list("title", flat=True))[:2] == ["Pause", "Velkomst"]


def test_move_buttons_only_where_a_move_changes_the_order(structure, login, secretariat_user):
    meeting, first, pause, last_main, briefing = _agenda(structure)
    page = login(secretariat_user).get(f"/moeder/{meeting.pk}/").content.decode()
    assert "Flyt op<span class=\"sr-only\"> punkt 1<" not in page  # the first item
    assert "Flyt ned<span class=\"sr-only\"> punkt 1<" in page
    assert "Flyt op<span class=\"sr-only\"> “Pause”<" in page
    assert "Flyt ned<span class=\"sr-only\"> punkt 2<" not in page  # last main item; briefings follow
    assert "Flyt op<span class=\"sr-only\"> punkt 3<" not in page  # first briefing
    assert "Flyt ned<span class=\"sr-only\"> punkt 3<" not in page  # the last item
    assert "Skriv referat" not in page and "punkt 0" not in page


def test_public_sees_participants_present_first_and_apologies_last(structure, client):
    from klynge.meetings.choices import AttendanceStatus, MeetingStatus

    from .factories import make_attendance, make_person

    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    make_attendance(meeting, make_person("Anne Afbud"), AttendanceStatus.APOLOGIES)
    make_attendance(meeting, make_person("Dorte Deltager"), AttendanceStatus.PRESENT)
    page = client.get(f"/moeder/{meeting.pk}/").content.decode()
    assert page.index("Dorte Deltager") < page.index("Anne Afbud")


def test_the_drag_and_drop_endpoint_saves_the_new_order_and_renumbers(structure, login, secretariat_user):
    import json

    from django.urls import reverse

    meeting, first, pause, last_main, briefing = _agenda(structure)
    client = login(secretariat_user)
    url = reverse("meetings:agenda_reorder", args=[meeting.pk])
    order = [pause.pk, first.pk, last_main.pk, briefing.pk]
    response = client.post(url, json.dumps({"order": order}), content_type="application/json")
    assert response.status_code == 200, response.content
    assert list(meeting.items.order_by("position").values_list("pk", flat=True)) == order
    assert response.json()["numbers"][str(first.pk)] == 1
