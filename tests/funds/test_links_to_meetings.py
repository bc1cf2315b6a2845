"""An initiative links to the decision that approved it and to its matter."""

from klynge.funds.models import Initiative
from klynge.meetings import actions
from klynge.meetings.choices import MeetingStatus

from ..meetings.factories import make_item, make_meeting


def test_initiative_page_links_the_approving_decision_and_the_matter(structure, client, login, secretariat_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, title="Godkendelse af indsatsen", case_number="5-55")
    matter = actions.link_item_to_matter(item)
    initiative = Initiative.objects.create(cluster=structure.cluster, number="7", title="Sammenhængende forløb",
                                           decision=item, matter=matter)
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert f'href="/moeder/{meeting.pk}/#punkt-1"' in page and f'href="/sager/{matter.pk}/"' in page


def test_initiative_form_offers_only_decisions_of_the_clusters_bodies(structure, login, secretariat_user):
    own = make_item(make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED), title="Egen")
    make_item(make_meeting(structure.other_body, status=MeetingStatus.MINUTES_PUBLISHED), title="Fremmed")
    make_item(make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED), title="Hemmelig",
              closed=True)
    from klynge.funds.forms import InitiativeForm

    form = InitiativeForm(cluster=structure.cluster)
    assert list(form.fields["decision"].queryset) == [own]
