"""The review round's mail (issue 13, points 8 and 19): it respects a member's choice not to get review
rounds and, like every mail, links to where that choice is made."""

from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import MailPreference
from klynge.meetings.publishing.notify import send_review_round
from klynge.organisation.choices import Role
from klynge.outbox.models import OutgoingMail
from tests.conftest import make_persona

from .factories import make_item, make_meeting


def test_the_review_round_mail_links_the_mail_settings_and_skips_members_who_said_no(
        structure, member_user, settings):
    settings.KLYNGE_SITE_URL = "https://klynge.example.dk"
    other = make_persona("medlem-c", structure.political, Role.MEMBER, structure.region)
    MailPreference.objects.create(person=other.person, review=False)
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_IN_REVIEW)
    make_item(meeting, title="Budget", minutes="Udkast.")
    assert send_review_round(meeting.pk) == 1
    mail = OutgoingMail.objects.get()
    assert mail.to == member_user.person.email
    assert "https://klynge.example.dk/mit-overblik/e-mails/" in mail.text
