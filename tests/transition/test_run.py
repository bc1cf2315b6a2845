import datetime

import pytest

from klynge.funds import queries as fund_queries
from klynge.funds.models import BalanceHandover, Initiative
from klynge.meetings.models import Matter, Proposal, Task
from klynge.organisation.choices import Role
from klynge.organisation.models import Body, BodyArea, Mandate, Membership, Succession
from klynge.transition import actions
from klynge.transition.models import PlanStatus, TransferRecord

from .conftest import active_roles, council


def test_dry_run_lists_everything_that_would_move_and_changes_nothing(reform, load):
    plan = load()
    data = actions.dry_run(plan)
    assert data["errors"] == []
    sections = {s["kind"]: s for s in data["sections"]}
    assert sections["body"]["rows"][0][0] == "Oprettes: Sundhedsråd Test"
    tasks = [r[0] for r in sections["task"]["rows"]]
    assert "Sekretariatet udarbejder forslag til forløb" in tasks
    assert "Allerede løst" not in tasks
    assert sections["proposal"]["count"] == 1
    assert sections["matter"]["rows"][0][0] == "Sammenhængende forløb for ældre (1-31-72-446-22)"
    assert {r[0] for r in sections["initiative"]["rows"]} == {
        "1. Løbende indsats", "1. B's løbende indsats (nyt nummer KLYNGE-B-1)"}
    assert {r[0] for r in sections["balance"]["rows"]} == {
        "Testby Kommune: 1.000.000 kr.", "Region Testland: 700.000 kr.", "Region Testland: 500.000 kr."}
    assert not Body.objects.filter(name="Sundhedsråd Test").exists()
    assert Task.objects.get(pk=reform.task_secretariat.pk).owner_body_id is None
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CHECKED


def test_run_carries_open_work_to_the_council_and_records_who_and_why(reform, load, admin_user):
    plan = load()
    actions.run(plan, user=admin_user, reason="Sundhedsreformen 2027")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RUN and plan.run_by == admin_user and plan.reason == "Sundhedsreformen 2027"
    c = council()
    s = reform.s
    assert c.active_from == reform.date and c.region == s.region
    for body in (s.cluster, s.political, s.working_group, s.other_cluster, s.other_body):
        body.refresh_from_db()
        assert body.active_to == reform.date - datetime.timedelta(days=1)
    assert Task.objects.get(pk=reform.task_secretariat.pk).owner_body == c
    assert Task.objects.get(pk=reform.done_task.pk).owner_body is None
    assert Proposal.objects.get(pk=reform.proposal.pk).target_body == c
    assert Matter.objects.get(pk=reform.matter.pk).owner_body == c
    # the matter keeps its whole path: its items stay on the predecessors' meetings
    assert list(reform.matter.items.values_list("meeting__body__slug", flat=True).order_by("meeting__date")) == [
        "klynge-a-politisk", "klynge-a"]
    assert set(Succession.objects.filter(successor=c).values_list("predecessor__slug", flat=True)) == {
        "klynge-a", "klynge-b"}
    record = TransferRecord.objects.get(kind="task", object_id=reform.task_secretariat.pk)
    assert (record.from_body, record.to_body, record.date) == (s.cluster, c, reform.date)
    history = Task.history.filter(id=reform.task_secretariat.pk).latest("history_date")
    assert history.history_user == admin_user and "Sundhedsreformen 2027" in history.history_change_reason


def test_running_a_plan_twice_is_refused_and_moves_nothing_more(reform, load):
    plan = load()
    actions.run(plan, by_name="Regionens administrator", reason="Reformen")
    count = TransferRecord.objects.count()
    with pytest.raises(actions.PlanRefused, match="allerede gennemført .* af Regionens administrator"):
        actions.run(plan, reason="Igen")
    assert TransferRecord.objects.count() == count


def test_a_run_without_a_reason_is_refused(reform, load):
    with pytest.raises(actions.PlanRefused, match="begrundelse"):
        actions.run(load(), reason="  ")
    assert not Body.objects.filter(name="Sundhedsråd Test").exists()


def test_memberships_of_ended_bodies_end_the_day_before_and_named_members_carry_over(reform, load):
    actions.run(load(), reason="Reformen")
    c = council()
    day_before = reform.date - datetime.timedelta(days=1)
    assert set(Membership.objects.filter(body__slug__startswith="klynge-").values_list("end", flat=True)) == {
        day_before}
    assert active_roles("Raadssekretaer", c) == {Role.SECRETARIAT}
    assert active_roles("Medlem A", c) == {Role.MEMBER}
    carried = Membership.objects.get(person__name="Medlem A", body=c)
    assert carried.organisation == reform.s.municipality     # the party the person represented before
    assert carried.start == reform.date


def test_fund_balances_are_handed_over_per_party_and_nothing_is_counted_twice(reform, load):
    s = reform.s
    before = sum(fund_queries.cluster_overview(b).overview.total_balance for b in (s.cluster, s.other_cluster))
    actions.run(load(), reason="Reformen")
    c = council()
    handed = {(h.from_cluster.slug, h.party.name): h.amount for h in BalanceHandover.objects.all()}
    # A: the running initiative moves with its budget; the ended one (100.000 from the region) stays
    assert handed == {("klynge-a", "Testby Kommune"): 1_000_000, ("klynge-a", "Region Testland"): 700_000,
                      ("klynge-b", "Region Testland"): 500_000}
    old_a = fund_queries.cluster_overview(s.cluster).overview
    assert old_a.balances and all(b.balance == 0 for b in old_a.balances)
    new = fund_queries.cluster_overview(c).overview
    assert {b.party: b.balance for b in new.balances} == {"Region Testland": 1_000_000, "Testby Kommune": 700_000}
    after = sum(fund_queries.cluster_overview(b).overview.total_balance for b in (s.cluster, s.other_cluster, c))
    assert after == before
    moved = Initiative.objects.get(pk=reform.running.pk)
    assert moved.cluster == c and moved.budget_lines.count() == 2
    assert Initiative.objects.get(pk=reform.ended.pk).cluster == s.cluster
    assert Initiative.objects.get(cluster=c, title="B's løbende indsats").number == "KLYNGE-B-1"


def test_initiatives_stay_behind_when_the_plan_says_so(reform, load):
    csv = open_csv().replace(";flyt\n", ";bliv\n")
    actions.run(load(csv=csv), reason="Reformen")
    assert Initiative.objects.get(pk=reform.running.pk).cluster == reform.s.cluster
    handed = {(h.from_cluster.slug, h.party.name): h.amount for h in BalanceHandover.objects.all()}
    assert handed[("klynge-a", "Testby Kommune")] == 1_000_000 - 300_000


def open_csv():
    from .conftest import CSV

    return CSV.format(access="ja")


def test_the_council_starts_with_its_own_mandate_linked_to_the_predecessors(reform, load):
    actions.run(load(), reason="Reformen")
    c = council()
    mandate = c.current_mandate()
    assert mandate.valid_from == reform.date
    assert list(mandate.continues.all()) == [reform.mandate_a]
    assert Mandate.objects.get(pk=reform.mandate_a.pk).valid_to == reform.date - datetime.timedelta(days=1)


def test_municipalities_leave_the_clusters_and_join_the_council_on_the_date(reform, load):
    actions.run(load(), reason="Reformen")
    c = council()
    assert set(BodyArea.objects.filter(body=c).active(reform.date).values_list("municipality__name", flat=True)) == {
        "Testby Kommune", "Nordby Kommune"}
    day_before = reform.date - datetime.timedelta(days=1)
    assert set(BodyArea.objects.active(day_before).values_list("body__slug", flat=True)) == {"klynge-a", "klynge-b"}
    assert not BodyArea.objects.filter(body__slug__startswith="klynge-").active(reform.date).exists()
