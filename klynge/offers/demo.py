"""Demo: the overview of offers for general practice that the corpus asks the clusters to provide
(Lillebælt, 7 December 2022: "et lettilgængeligt overblik over tilbud til børn og unge ... målrettet almen
praksis"). The offers themselves are invented for the demo and labelled DEMO."""

from klynge.core.demo import demo_builder
from klynge.organisation.models import Body, Organisation

from .models import Offer, TargetGroup

OFFERS = [
    # cluster slug, provider, title, theme, target group, description, entry point, contact
    ("sundhedsklynge-lillebaelt", "Kolding Kommune", "Samtaleforløb for unge i mistrivsel (DEMO)",
     "Børn og unge i mistrivsel", TargetGroup.CHILDREN,
     "Op til seks samtaler med en psykolog for unge 12-17 år med let til moderat mistrivsel.",
     "Henvisning fra egen læge via korrespondancemeddelelse til kommunen.", "Ungeteamet (DEMO), tlf. 00 00 00 00"),
    ("sundhedsklynge-lillebaelt", "Region Syddanmark", "Rådgivning fra børne- og ungdomspsykiatrien (DEMO)",
     "Børn og unge i mistrivsel", TargetGroup.CHILDREN,
     "Telefonisk sparring for praktiserende læger om børn og unge med psykiske symptomer.",
     "Ring på hverdage kl. 8-15.", "Børne- og ungdomspsykiatrien (DEMO)"),
    ("randersklyngen", "Randers Kommune", "Rygestopforløb (DEMO)", "Sundhed og forebyggelse", TargetGroup.ADULTS,
     "Holdforløb over seks uger med nikotinerstatning.", "Borgeren kan selv melde sig; lægen kan henvise.",
     "Sundhedscentret (DEMO)"),
]


@demo_builder(order=60)
def build_offers(out):
    made = 0
    for slug, provider, title, theme, group, description, entry, contact in OFFERS:
        cluster = Body.objects.filter(slug=slug).first()
        party = Organisation.objects.filter(name=provider).first()
        if cluster is None or party is None or Offer.objects.filter(title=title).exists():
            continue
        Offer.objects.create(cluster=cluster, provider=party, title=title, theme=theme, target_group=group,
                             description=description, entry_point=entry, contact=contact)
        made += 1
    if made:
        out.write(f"\nTilbud til almen praksis: {made} (DEMO)")
