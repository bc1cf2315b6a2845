"""The matter page's path ("Sagens forløb") is written in Python (views.matters.timeline_html) for speed.

It must give exactly what the template's loop gave, values escaped the same way: the old loop is kept here
as the reference and rendered by Django's template engine on the same steps, with markup, quotes and
ampersands in the titles, the body's name and the outcome, and with closed items shown and redacted.
"""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from klynge.meetings import actions
from klynge.meetings import matters as matter_queries
from klynge.meetings.choices import ItemKind, MeetingStatus
from klynge.meetings.views.matters import timeline_html

from .factories import make_item, make_meeting

D = datetime.date

# The template's loop before the rows moved to Python (meetings/matter.html, 3 December 2026).
OLD_LOOP = """{% for s in steps %}
    <li><p><strong>{{ s.date_text }}</strong> · <a href="{{ s.body_url }}">{{ s.body }}</a> · {{ s.role }}</p>
      <p><a href="{{ s.meeting_url }}#punkt-{{ s.number }}">Punkt {{ s.number }}: {{ s.title }}</a></p>
      {% if s.outcome %}<p>Udfald: {{ s.outcome }}</p>{% endif %}</li>
  {% endfor %}"""

HOSTILE = "<script>alert('x')</script> & \"citat\""


def _matter(structure):
    structure.political.name = "Udvalg <b>A</b> & \"B\""
    structure.political.save()
    held = make_meeting(structure.political, date=D(2023, 1, 10), status=MeetingStatus.MINUTES_PUBLISHED)
    first = make_item(held, title=f"Åben {HOSTILE}", case_number="23/9", decision=f"Godkendt {HOSTILE}")
    matter = actions.link_item_to_matter(first)
    make_item(held, title=f"Lukket {HOSTILE}", closed=True, case_number="23/9", kind=ItemKind.DISCUSSION)
    later = make_meeting(structure.cluster, date=D(2023, 3, 1), status=MeetingStatus.AGENDA_PUBLISHED)
    make_item(later, title="Orientering & status", case_number="23/9", kind=ItemKind.ORIENTATION)
    planned = make_meeting(structure.cluster, date=D(2023, 6, 1))  # not published: only for its secretariat
    make_item(planned, title="Udkast <i>", case_number="23/9")
    for meeting in (held, later, planned):
        for item in meeting.items.all():
            assert actions.link_item_to_matter(item) == matter
    return matter


def test_the_rows_are_the_old_loop_byte_for_byte(structure, secretariat_user, member_user):
    matter = _matter(structure)
    seen = set()
    for user in (AnonymousUser(), member_user, secretariat_user):
        steps = matter_queries.matter_path(matter, user)["steps"]
        html = timeline_html(steps)
        assert html == Template(OLD_LOOP).render(Context({"steps": steps}))
        assert "<script>" not in html and "<b>A</b>" not in html and "<i>" not in html
        seen.add((len(steps), "Lukket punkt" in html, "Lukket &lt;script&gt;" in html))
    # the public: three published treatments, the closed one redacted; the member sees it; the secretariat
    # also sees the unpublished agenda
    assert seen == {(3, True, False), (3, False, True), (4, False, True)}


def test_the_page_escapes_every_value(structure, client, secretariat_user, login):
    matter = _matter(structure)
    page = client.get(f"/sager/{matter.pk}/").content.decode()
    assert "Punkt 1: Åben &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;citat&quot;</a>" in page
    assert "<p>Udfald: Godkendt &lt;script&gt;" in page
    assert "Udvalg &lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot;</a> · Til beslutning</p>" in page
    assert HOSTILE not in page
    page = login(secretariat_user).get(f"/sager/{matter.pk}/").content.decode()
    assert '<ol class="klynge-timeline">\n  \n    <li><p><strong>10. januar 2023</strong>' in page
    assert "Punkt 1: Udkast &lt;i&gt;</a></p>\n      </li>\n  \n</ol>" in page  # no outcome: no line for it


def test_a_treatment_has_the_rights_of_its_meeting(structure, secretariat_user, member_user):
    """matter_items reads the items as values (Treatment); the rules decide on the meeting as a model, one per
    kind of meeting: each treatment must get what the rules give its own meeting, joint meetings included."""
    from klynge.meetings import visibility
    from klynge.meetings.models import AgendaItem
    from klynge.organisation.choices import Role
    from tests.conftest import make_persona

    matter = _matter(structure)
    joint = make_meeting(structure.political, date=D(2023, 2, 1), status=MeetingStatus.MINUTES_PUBLISHED)
    joint.co_hosts.add(structure.other_body)
    make_item(joint, title="Fælles lukket", closed=True, case_number="23/9")
    actions.link_item_to_matter(joint.items.get())
    other_member = make_persona("medlem-b", structure.other_body, Role.MEMBER)
    treatments = matter_queries.matter_items(matter)
    assert len(treatments) == 5
    for user in (AnonymousUser(), member_user, secretariat_user, other_member):
        rights = visibility.MeetingRights(user)
        for treatment in treatments:
            meeting = AgendaItem.objects.get(pk=treatment.pk).meeting
            assert treatment.rights(rights) == (visibility.can_see_agenda(user, meeting),
                                                visibility.can_see_closed(user, meeting),
                                                visibility.can_see_minutes(user, meeting)), (user, meeting)
    # the other cluster's member sees the joint meeting's closed item, not the lead body's own
    rights = visibility.MeetingRights(other_member)
    assert [t.title for t in treatments if t.closed and t.rights(rights)[1]] == ["Fælles lukket"]
