"""Demo structure built from what the corpus names.

Sources: ../shared/corpus/lillebaelt-fagligt-strategisk-niveau-2022-12-07.txt and
randersklyngen-2023-11-01.txt. Persons, titles and roles are as the minutes give
them; where the minutes are silent (start dates, the co-chair rotation plan) the
demo fills in plausible values and says so in a note.
"""

import datetime

from django.contrib.auth import get_user_model

from klynge.core.demo import demo_builder

from .choices import OrganisationKind as K
from .choices import Role
from .models import (
    Affiliation,
    Body,
    BodyKind,
    BodyLevel,
    ChairRotation,
    ElectoralTerm,
    Mandate,
    Membership,
    Organisation,
    Person,
    TermKind,
)

D = datetime.date
DEMO_PASSWORD = "klynge-demo"

BODY_KINDS = [
    # name, plural, groups bodies, order
    ("Sundhedsklynge", "Sundhedsklynger", True, 10),
    ("Sundhedsråd", "Sundhedsråd", True, 11),
    ("Politisk niveau", "Politiske niveauer", False, 20),
    ("Fagligt strategisk niveau", "Fagligt strategiske niveauer", False, 30),
    ("Koordinerende niveau", "Koordinerende niveauer", False, 40),
    ("Temagruppe", "Temagrupper", False, 50),
    ("Driftsforum", "Driftsfora", False, 55),
    ("Arbejdsgruppe", "Arbejdsgrupper", False, 60),
    ("Implementeringsgruppe", "Implementeringsgrupper", False, 65),
    ("Regionalt udvalg", "Regionale udvalg", False, 70),
    ("Styregruppe", "Styregrupper", False, 75),
]
LEVELS = [("Politisk", 10), ("Administrativt", 20), ("Koordinerende", 30), ("Operationelt", 40)]

ORGANISATIONS = [
    # name, kind, parent, region, municipality code
    ("Region Syddanmark", K.REGION, None, None, ""),
    ("Sygehus Lillebælt", K.HOSPITAL_UNIT, "Region Syddanmark", "Region Syddanmark", ""),
    ("Psykiatrien i Region Syddanmark", K.PSYCHIATRY, "Region Syddanmark", "Region Syddanmark", ""),
    ("Billund Kommune", K.MUNICIPALITY, None, "Region Syddanmark", "530"),
    ("Fredericia Kommune", K.MUNICIPALITY, None, "Region Syddanmark", "607"),
    ("Kolding Kommune", K.MUNICIPALITY, None, "Region Syddanmark", "621"),
    ("Middelfart Kommune", K.MUNICIPALITY, None, "Region Syddanmark", "410"),
    ("Vejen Kommune", K.MUNICIPALITY, None, "Region Syddanmark", "575"),
    ("Vejle Kommune", K.MUNICIPALITY, None, "Region Syddanmark", "630"),
    ("PLO-Syddanmark", K.GENERAL_PRACTICE, None, "Region Syddanmark", ""),
    ("Region Midtjylland", K.REGION, None, None, ""),
    ("Regionshospitalet Randers", K.HOSPITAL_UNIT, "Region Midtjylland", "Region Midtjylland", ""),
    ("Psykiatrien Region Midtjylland", K.PSYCHIATRY, "Region Midtjylland", "Region Midtjylland", ""),
    ("Randers Kommune", K.MUNICIPALITY, None, "Region Midtjylland", "730"),
    ("Favrskov Kommune", K.MUNICIPALITY, None, "Region Midtjylland", "710"),
    ("Norddjurs Kommune", K.MUNICIPALITY, None, "Region Midtjylland", "707"),
    ("Syddjurs Kommune", K.MUNICIPALITY, None, "Region Midtjylland", "706"),
    ("PLO-Midtjylland", K.GENERAL_PRACTICE, None, "Region Midtjylland", ""),
]

LILLEBAELT_PARTIES = [
    "Region Syddanmark", "Sygehus Lillebælt", "Psykiatrien i Region Syddanmark", "Billund Kommune",
    "Fredericia Kommune", "Kolding Kommune", "Middelfart Kommune", "Vejen Kommune", "Vejle Kommune", "PLO-Syddanmark",
]
RANDERS_PARTIES = [
    "Region Midtjylland", "Regionshospitalet Randers", "Psykiatrien Region Midtjylland", "Randers Kommune",
    "Favrskov Kommune", "Norddjurs Kommune", "Syddjurs Kommune", "PLO-Midtjylland",
]

BODIES = [
    # slug, name, short name, kind, level, parent slug, region, active from, active to, description
    ("sundhedsklynge-lillebaelt", "Sundhedsklynge Lillebælt", "Lillebælt", "Sundhedsklynge", None, None,
     "Region Syddanmark", D(2022, 7, 1), D(2026, 12, 31),
     "Sundhedsklyngen omkring Sygehus Lillebælt med kommunerne Billund, Fredericia, Kolding, Middelfart, "
     "Vejen og Vejle, Region Syddanmark og almen praksis."),
    ("lillebaelt-politisk-niveau", "Sundhedsklynge Lillebælt – Politisk niveau", "Politisk niveau",
     "Politisk niveau", "Politisk", "sundhedsklynge-lillebaelt", None, D(2022, 7, 1), D(2026, 12, 31),
     "Klyngens politiske niveau. Første møde blev holdt 26. september 2022."),
    ("lillebaelt-fagligt-strategisk-niveau", "Sundhedsklynge Lillebælt – Fagligt strategisk niveau",
     "Fagligt strategisk niveau", "Fagligt strategisk niveau", "Administrativt", "sundhedsklynge-lillebaelt", None,
     D(2022, 7, 1), D(2026, 12, 31),
     "Klyngens fagligt strategiske niveau. Første møde blev holdt 1. september 2022."),
    ("lillebaelt-implementeringsgruppe-behandling-og-pleje", "Implementeringsgruppen for Behandling og Pleje",
     "Behandling og Pleje", "Implementeringsgruppe", "Operationelt", "lillebaelt-fagligt-strategisk-niveau", None,
     D(2022, 7, 1), D(2022, 12, 31),
     "Implementeringsgruppe fra den tidligere struktur (SOF). Nedlagt med virkning fra 1. januar 2023 "
     "(Fagligt strategisk niveau, 7. december 2022, punkt 6)."),
    ("lillebaelt-koordinerende-niveau", "Sundhedsklynge Lillebælt – Koordinerende niveau", "Koordinerende niveau",
     "Koordinerende niveau", "Koordinerende", "lillebaelt-fagligt-strategisk-niveau", None,
     D(2023, 1, 1), D(2026, 12, 31),
     "Nyt niveau under Fagligt strategisk niveau, vedtaget 7. december 2022 (punkt 6) med ikrafttræden "
     "1. januar 2023. Vurderer behovet for og nedsætter arbejdsgrupper."),
    ("lillebaelt-arbejdsgruppe-iv-behandling", "Arbejdsgruppe vedr. IV-behandling i nærområdet",
     "IV-arbejdsgruppe", "Arbejdsgruppe", "Operationelt", "lillebaelt-fagligt-strategisk-niveau", None,
     D(2022, 12, 7), D(2026, 12, 31),
     "Tværsektoriel arbejdsgruppe nedsat af Fagligt strategisk niveau 7. december 2022 (punkt 7) for at "
     "styrke implementeringen af samarbejdsaftalen om IV-behandling i nærområdet."),
    ("region-syddanmark-sundhedssamarbejdsudvalget", "Sundhedssamarbejdsudvalget (Region Syddanmark)", "SSU",
     "Regionalt udvalg", "Politisk", None, "Region Syddanmark", D(2022, 7, 1), D(2026, 12, 31), ""),
    ("region-syddanmark-strategisk-sundhedsstyregruppe", "Strategisk Sundhedsstyregruppe", "SSS",
     "Styregruppe", "Administrativt", None, "Region Syddanmark", D(2022, 7, 1), D(2026, 12, 31), ""),
    ("randersklyngen", "Randersklyngen", "Randers", "Sundhedsklynge", None, None, "Region Midtjylland",
     D(2022, 7, 1), D(2026, 12, 31),
     "Sundhedsklyngen omkring Regionshospitalet Randers med Randers, Favrskov, Norddjurs og Syddjurs kommuner, "
     "Region Midtjylland og almen praksis."),
    ("randersklyngen-politisk-niveau", "Randersklyngen – Politisk niveau", "Politisk niveau", "Politisk niveau",
     "Politisk", "randersklyngen", None, D(2022, 7, 1), D(2026, 12, 31),
     "Den politiske klyngegruppe i Randersklyngen."),
    ("randersklyngen-klyngestyregruppe", "Randersklyngen – Klyngestyregruppe", "Klyngestyregruppe",
     "Fagligt strategisk niveau", "Administrativt", "randersklyngen", None, D(2022, 7, 1), D(2026, 12, 31),
     "Den faglige strategiske klyngestyregruppe."),
    ("randersklyngen-implementeringsgruppe-boern-og-unge", "Implementeringsgruppe for børn og unge i psykisk "
     "mistrivsel", "Implementeringsgruppe børn og unge", "Implementeringsgruppe", "Operationelt",
     "randersklyngen-klyngestyregruppe", None, D(2023, 5, 1), D(2026, 12, 31),
     "Tværsektoriel implementeringsgruppe med repræsentanter fra Børne- og Ungdomspsykiatrisk Afdeling, "
     "Regionshospitalet Randers, almen praksis og hver af de fire klyngekommuner."),
    ("region-midtjylland-sundhedssamarbejdsudvalget", "Sundhedssamarbejdsudvalget (Region Midtjylland)", "SSU",
     "Regionalt udvalg", "Politisk", None, "Region Midtjylland", D(2022, 7, 1), D(2026, 12, 31), ""),
]

# person, title, organisation of affiliation, e-mail local part
PERSONS = [
    ("Mette Heidemann", "", None),
    ("Kurt Æbelø", "", None),
    ("Charlotte Josefsen", "", None),
    ("Alice S. Jepsen", "", None),
    ("Maria Sloth", "Leder af PPS Billund", "Billund Kommune"),
    ("Birgitte Aagaard", "Leder af PPR Kolding", "Kolding Kommune"),
    ("Jeanett Dorthe Wraa", "Programleder for Fremtidens Ældreliv", "Middelfart Kommune"),
    ("Bo Smith", "Leder af Sygeplejen", "Vejen Kommune"),
    ("Anders Kühnau", "Regionsrådsformand (A)", "Region Midtjylland"),
    ("Louise Høeg", "Regionsrådsmedlem (V)", "Region Midtjylland"),
    ("Anders G. Christensen", "Regionsrådsmedlem (V)", "Region Midtjylland"),
    ("Henrik Gottlieb Hansen", "Regionsrådsmedlem (A)", "Region Midtjylland"),
    ("Torben Hansen", "Borgmester (A)", "Randers Kommune"),
    ("Lars Storgaard", "Borgmester (C)", "Favrskov Kommune"),
    ("Kasper Juncher Bjerregaard", "Borgmester (V)", "Norddjurs Kommune"),
    ("Michael Stegger Jensen", "Borgmester (A)", "Syddjurs Kommune"),
    ("Henrik Idriss Kise", "Praktiserende læge i Silkeborg Kommune", "PLO-Midtjylland"),
    ("Marie Nygård Fogh", "Praktiserende læge i Assentoft", "PLO-Midtjylland"),
    ("Claus Graversen", "Sygeplejefaglig direktør", "Psykiatrien Region Midtjylland"),
    ("Mette Bærentsen", "Sygeplejefaglig direktør", "Regionshospitalet Randers"),
    ("Kristine Lindeneg Drejø", "Konstitueret kontorchef, Sundhedsplanlægning", "Region Midtjylland"),
    ("Thomas Krarup", "Direktør", "Randers Kommune"),
    ("Ulrik Johansen", "Direktør", "Favrskov Kommune"),
    ("Lene Mehlsen Thomsen", "Direktør", "Norddjurs Kommune"),
    ("Anders Blæsbjerg Baun", "Direktør for sundhed og dannelse", "Syddjurs Kommune"),
    ("Stinna Andreasen", "Specialkonsulent", "Randers Kommune"),
    ("Leanne Hejlskov", "AC-fuldmægtig, Sundhedsplanlægning", "Region Midtjylland"),
    # Not named in the corpus: a demo person so Lillebælt has a secretariat user too.
    ("Klyngesekretariatet Lillebælt (demoperson)", "Klyngesekretariat", "Region Syddanmark"),
]

START = D(2022, 7, 1)
# The municipal and regional councils' terms (elections in November 2021 and November 2025).
ELECTORAL_TERMS = [
    ("Valgperioden 2022-2025", D(2022, 1, 1), D(2025, 12, 31)),
    ("Valgperioden 2026-2029", D(2026, 1, 1), D(2029, 12, 31)),
]
MEMBERSHIPS = [
    # person, body slug, role, organisation represented, title in body, start
    ("Mette Heidemann", "lillebaelt-fagligt-strategisk-niveau", Role.CHAIR, None,
     "Mødeleder (fremlægger punkterne i referatet 7. december 2022)", START),
    ("Kurt Æbelø", "lillebaelt-fagligt-strategisk-niveau", Role.MEMBER, None, "", START),
    ("Anders Kühnau", "randersklyngen-politisk-niveau", Role.CO_CHAIR, "Region Midtjylland", "Regional formand", START),
    ("Louise Høeg", "randersklyngen-politisk-niveau", Role.MEMBER, "Region Midtjylland", "", START),
    ("Anders G. Christensen", "randersklyngen-politisk-niveau", Role.MEMBER, "Region Midtjylland", "", START),
    ("Henrik Gottlieb Hansen", "randersklyngen-politisk-niveau", Role.MEMBER, "Region Midtjylland", "", START),
    ("Torben Hansen", "randersklyngen-politisk-niveau", Role.CO_CHAIR, "Randers Kommune", "Kommunal formand", START),
    ("Lars Storgaard", "randersklyngen-politisk-niveau", Role.MEMBER, "Favrskov Kommune", "", START),
    ("Kasper Juncher Bjerregaard", "randersklyngen-politisk-niveau", Role.MEMBER, "Norddjurs Kommune", "", START),
    ("Michael Stegger Jensen", "randersklyngen-politisk-niveau", Role.MEMBER, "Syddjurs Kommune", "", START),
    ("Henrik Idriss Kise", "randersklyngen-politisk-niveau", Role.MEMBER, "PLO-Midtjylland", "", START),
    ("Marie Nygård Fogh", "randersklyngen-politisk-niveau", Role.MEMBER, "PLO-Midtjylland", "", START),
    ("Claus Graversen", "randersklyngen-klyngestyregruppe", Role.MEMBER, "Psykiatrien Region Midtjylland", "", START),
    ("Mette Bærentsen", "randersklyngen-klyngestyregruppe", Role.MEMBER, "Regionshospitalet Randers", "", START),
    ("Kristine Lindeneg Drejø", "randersklyngen-klyngestyregruppe", Role.MEMBER, "Region Midtjylland", "", START),
    ("Thomas Krarup", "randersklyngen-klyngestyregruppe", Role.MEMBER, "Randers Kommune", "", START),
    ("Ulrik Johansen", "randersklyngen-klyngestyregruppe", Role.MEMBER, "Favrskov Kommune", "", START),
    ("Lene Mehlsen Thomsen", "randersklyngen-klyngestyregruppe", Role.MEMBER, "Norddjurs Kommune", "", START),
    ("Anders Blæsbjerg Baun", "randersklyngen-klyngestyregruppe", Role.MEMBER, "Syddjurs Kommune", "", START),
    ("Stinna Andreasen", "randersklyngen", Role.SECRETARIAT, "Randers Kommune", "Klyngesekretariat", START),
    ("Leanne Hejlskov", "randersklyngen", Role.SECRETARIAT, "Region Midtjylland", "Klyngesekretariat", START),
    ("Klyngesekretariatet Lillebælt (demoperson)", "sundhedsklynge-lillebaelt", Role.SECRETARIAT,
     "Region Syddanmark", "Klyngesekretariat", START),
]

MANDATES = [
    # body, title, text, approved by, approved on, valid from
    ("lillebaelt-koordinerende-niveau", "Kommissorium for Koordinerende niveau",
     "Det koordinerende niveau er nedsat under Fagligt strategisk niveau, så Fagligt strategisk niveau ikke "
     "bliver en flaskehals for beslutninger og fremdrift.\n\nNiveauet behandler og håndterer enkeltsager, som "
     "ikke har strategisk karakter, vurderer behovet for arbejdsgrupper og nedsætter dem. Der sikres en "
     "overlevering fra de nedlagte implementeringsgrupper.\n\nImplementeringsstrukturen evalueres efter et år.",
     "lillebaelt-fagligt-strategisk-niveau", D(2022, 12, 7), D(2023, 1, 1)),
    ("lillebaelt-arbejdsgruppe-iv-behandling", "Kommissorium for arbejdsgruppe vedr. IV-behandling",
     "Arbejdsgruppen håndterer konkrete problemstillinger i samarbejdet om IV-behandling i nærområdet "
     "(antibiotika og væske i kommunalt regi), understøtter implementeringen af erfaringerne fra samarbejdet "
     "mellem Middelfart Kommune og Kolding Sygehus og udarbejder 1-årsstatus for IV-aftalen.\n\n"
     "Medlemmerne er deltagerne fra den nuværende implementeringsgruppe for Behandling og Pleje. "
     "Formandskabet for Fagligt strategisk niveau udarbejder og godkender kommissoriet.",
     "lillebaelt-fagligt-strategisk-niveau", D(2022, 12, 7), D(2022, 12, 7)),
    ("lillebaelt-fagligt-strategisk-niveau", "Kommissorium for Fagligt strategisk niveau (udkast)",
     "Udkast til kommissorium drøftet på første møde i Fagligt strategisk niveau 1. september 2022.",
     None, None, D(2022, 9, 1)),
]

CHAIR_ROTATION = [
    # body, seat, organisation, start, end, note
    ("lillebaelt-politisk-niveau", "Kommunal medformand", "Middelfart Kommune", D(2022, 7, 1), D(2023, 12, 31)),
    ("lillebaelt-politisk-niveau", "Kommunal medformand", "Kolding Kommune", D(2024, 1, 1), D(2025, 12, 31)),
    ("lillebaelt-politisk-niveau", "Kommunal medformand", "Vejle Kommune", D(2026, 1, 1), D(2027, 12, 31)),
    ("lillebaelt-politisk-niveau", "Kommunal medformand", "Fredericia Kommune", D(2028, 1, 1), D(2029, 12, 31)),
    ("lillebaelt-politisk-niveau", "Regional medformand", "Region Syddanmark", D(2022, 7, 1), D(2029, 12, 31)),
]
ROTATION_NOTE = "Eksempel i demodata; korpusset nævner ikke rotationen"

# username, person (or None for the administrator), description
DEMO_USERS = [
    ("admin", None, "administrator (alt)"),
    ("sekretariat", "Stinna Andreasen", "sekretariat for Randersklyngen (redigerer alt under klyngen)"),
    ("sekretariat-lillebaelt", "Klyngesekretariatet Lillebælt (demoperson)",
     "sekretariat for Sundhedsklynge Lillebælt (demoperson)"),
    ("medlem", "Torben Hansen", "medlem af Randersklyngen – Politisk niveau"),
    ("anden-klynge", "Mette Heidemann", "medlem af Sundhedsklynge Lillebælt – Fagligt strategisk niveau"),
]


def _email(name: str, organisation: str | None) -> str:
    if organisation is None:
        return ""
    local = ".".join(part.lower() for part in name.replace(".", "").split())
    local = local.translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ü": "u"}))
    return f"{local}@demo.klynge.invalid"


@demo_builder(order=10)
def build_structure(out):
    kinds = {}
    for name, plural, groups, order in BODY_KINDS:
        kinds[name], _ = BodyKind.objects.update_or_create(
            name=name, defaults={"plural": plural, "groups_bodies": groups, "sort_order": order}
        )
    levels = {name: BodyLevel.objects.update_or_create(name=name, defaults={"rank": rank})[0] for name, rank in LEVELS}

    orgs = {}
    for name, kind, parent, region, code in ORGANISATIONS:
        orgs[name], _ = Organisation.objects.update_or_create(
            name=name,
            defaults={"kind": kind, "parent": orgs.get(parent), "region": orgs.get(region), "municipality_code": code},
        )

    bodies = {}
    for slug, name, short, kind, level, parent, region, start, end, description in BODIES:
        bodies[slug], _ = Body.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name, "short_name": short, "kind": kinds[kind], "level": levels.get(level),
                "parent": bodies.get(parent), "region": orgs.get(region), "active_from": start,
                "active_to": end, "description": description,
            },
        )
    for cluster, parties in [("sundhedsklynge-lillebaelt", LILLEBAELT_PARTIES), ("randersklyngen", RANDERS_PARTIES)]:
        bodies[cluster].member_organisations.set([orgs[p] for p in parties])
    bodies["lillebaelt-koordinerende-niveau"].predecessors.set(
        [bodies["lillebaelt-implementeringsgruppe-behandling-og-pleje"]]
    )
    bodies["lillebaelt-arbejdsgruppe-iv-behandling"].predecessors.set(
        [bodies["lillebaelt-implementeringsgruppe-behandling-og-pleje"]]
    )

    persons = {}
    for name, title, org in PERSONS:
        persons[name], _ = Person.objects.update_or_create(
            name=name, defaults={"title": title, "email": _email(name, org)}
        )
        if org:
            Affiliation.objects.update_or_create(
                person=persons[name], organisation=orgs[org], defaults={"title": title, "start": START}
            )

    for person, body, role, org, title, start in MEMBERSHIPS:
        Membership.objects.update_or_create(
            person=persons[person], body=bodies[body], role=role, start=start,
            defaults={"organisation": orgs.get(org), "title": title},
        )

    for body, title, text, approved_by, approved_on, valid_from in MANDATES:
        Mandate.objects.update_or_create(
            body=bodies[body], valid_from=valid_from,
            defaults={"title": title, "text": text, "approved_by": bodies.get(approved_by), "approved_on": approved_on},
        )

    for body, seat, org, start, end in CHAIR_ROTATION:
        ChairRotation.objects.update_or_create(
            body=bodies[body], seat=seat, start=start,
            defaults={"organisation": orgs[org], "end": end, "note": ROTATION_NOTE},
        )

    for name, start, end in ELECTORAL_TERMS:
        for kind in TermKind:
            ElectoralTerm.objects.update_or_create(kind=kind, start=start, defaults={"name": name, "end": end})

    _demo_users(persons, out)


def _demo_users(persons, out):
    User = get_user_model()
    out.write(f"\nDemobrugere (adgangskode for alle: {DEMO_PASSWORD}):")
    for username, person_name, description in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_password(DEMO_PASSWORD)
        user.is_staff = user.is_superuser = person_name is None
        user.save()
        if person_name:
            person = persons[person_name]
            Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
            person.user = user
            person.save()
        out.write(f"  {username:<22} {description}")
    out.write("")


# --- composition (issue 14, point 3) ------------------------------------------------------------
# Randersklyngen's political level and steering group as the participants list of 1 November 2023
# (randersklyngen-2023-11-01.txt, punkt 1) shows them. The corpus gives who sits, not the written
# rules: the wording of each rule is ours and says so ("DEMO"). The extra seat for general practice
# from 1 July 2024 is invented (DEMO); its approving decision is built by meetings/demo.py.
COMPOSITION_SOURCE = "DEMO: udledt af deltagerlisten, Randersklyngen 1. november 2023, punkt 1"
COMPOSITIONS = [
    # body slug, valid from, valid to, source, rules:
    #   (source text, seats, label, party, party kind, per municipality, appointed by (party or text), years, term)
    ("randersklyngen-politisk-niveau", START, D(2024, 6, 30), COMPOSITION_SOURCE, [
        ("Region Midtjylland deltager med regionsrådsformanden og 3 regionsrådsmedlemmer", 4, "regionspolitikere",
         "Region Midtjylland", "", False, "Regionsrådet", 4, TermKind.REGIONAL),
        ("1 borgmester pr. kommune", 1, "borgmester", None, K.MUNICIPALITY, True, "Kommunalbestyrelsen", 4,
         TermKind.MUNICIPAL),
        ("2 praktiserende læger udpeget af PLO-Midtjylland", 2, "praktiserende læger", None, K.GENERAL_PRACTICE,
         False, "PLO-Midtjylland", None, ""),
    ]),
    ("randersklyngen-politisk-niveau", D(2024, 7, 1), None,
     "DEMO: ny version med en ekstra plads til almen praksis", [
         ("Region Midtjylland deltager med regionsrådsformanden og 3 regionsrådsmedlemmer", 4, "regionspolitikere",
          "Region Midtjylland", "", False, "Regionsrådet", 4, TermKind.REGIONAL),
         ("1 borgmester pr. kommune", 1, "borgmester", None, K.MUNICIPALITY, True, "Kommunalbestyrelsen", 4,
          TermKind.MUNICIPAL),
         ("DEMO: 3 praktiserende læger udpeget af PLO-Midtjylland", 3, "praktiserende læger", None,
          K.GENERAL_PRACTICE, False, "PLO-Midtjylland", None, ""),
     ]),
    ("randersklyngen-klyngestyregruppe", START, None, COMPOSITION_SOURCE, [
        ("Regionshospitalet Randers deltager med 1 direktør", 1, "direktør", "Regionshospitalet Randers", "",
         False, None, None, ""),
        ("Psykiatrien Region Midtjylland deltager med 1 direktør", 1, "direktør", "Psykiatrien Region Midtjylland",
         "", False, None, None, ""),
        ("Region Midtjylland deltager med 1 fra Sundhedsplanlægning", 1, "kontorchef", "Region Midtjylland", "",
         False, None, None, ""),
        ("1 direktør pr. kommune", 1, "direktør", None, K.MUNICIPALITY, True, None, None, ""),
        ("DEMO: 1 repræsentant for almen praksis udpeget af PLO-Midtjylland", 1, "praktiserende læge", None,
         K.GENERAL_PRACTICE, False, "PLO-Midtjylland", 2, TermKind.REGIONAL),
    ]),
]


@demo_builder(order=11)
def build_compositions(out):
    from .models import CompositionVersion, SeatRule

    orgs = {o.name: o for o in Organisation.objects.all()}
    for slug, valid_from, valid_to, source, rules in COMPOSITIONS:
        version, _ = CompositionVersion.objects.update_or_create(
            body=Body.objects.get(slug=slug), valid_from=valid_from, defaults={"valid_to": valid_to, "source": source})
        for position, (text, seats, label, party, kind, per_town, appointer, years, term) in enumerate(rules, 1):
            SeatRule.objects.update_or_create(version=version, position=position, defaults={
                "source_text": text, "seats": seats, "label": label, "party": orgs.get(party), "party_kind": kind,
                "per_municipality": per_town, "appointed_by": orgs.get(appointer),
                "appointed_by_text": "" if appointer in orgs else (appointer or ""), "term_years": years,
                "term_kind": term})
    out.write(f"Sammensætninger: {CompositionVersion.objects.count()} versioner, {SeatRule.objects.count()} regler.")
