import pytest

from klynge.funds.models import BudgetLine, Grant, Initiative


@pytest.fixture
def funded(structure):
    """Cluster A with grants for two parties in 2023 and two initiatives with budgets."""
    s = structure
    Grant.objects.create(cluster=s.cluster, year=2023, party=s.municipality, amount=1_000_000)
    Grant.objects.create(cluster=s.cluster, year=2023, party=s.region, amount=800_000)
    one = Initiative.objects.create(cluster=s.cluster, number="10a", title="Første indsats",
                                    project_owner=s.municipality)
    two = Initiative.objects.create(cluster=s.cluster, number="2", title="Anden indsats")
    BudgetLine.objects.create(initiative=one, year=2023, party=s.municipality, amount=300_000)
    BudgetLine.objects.create(initiative=one, year=2023, party=s.region, amount=200_000)
    BudgetLine.objects.create(initiative=two, year=2023, party=s.region, amount=900_000)
    return s
