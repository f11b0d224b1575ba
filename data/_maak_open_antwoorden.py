"""Open antwoorden voor de NPS-enquête: thema's, zinnen en hoe mensen typen.

Onderdeel van ``maak_datasets.py``: :func:`open_antwoord` maakt het antwoord op de
vervolgvraag ("Wat zouden wij moeten verbeteren …?") bij een score, een meting, een
segment en een rol, met een eigen toevalsgenerator (``default_rng([ZAAD, 2, 1])``).
De thema's (niet als kolom opgenomen: studenten zoeken ze zelf) staan in
:data:`THEMAS`; een deel van de antwoorden noemt twee thema's, er zitten niet-antwoorden
in ("nvt", "-", "weet ik niet") en een enkel antwoord in hoofdletters.
"""

from __future__ import annotations

import numpy as np

THEMAS = (
    "levertijd",
    "prijs",
    "bereikbaarheid",  # bereikbaarheid klantenservice / binnendienst
    "accountmanager",  # kennis en aanwezigheid van de accountmanager
    "facturatie",
    "webshop",
    "orderstatus",  # communicatie over bestellingen, track & trace
    "assortiment",
    "geen",  # geen verbeterpunt, compliment of niet-antwoord
)
"""De thema's in de open antwoorden. Ze staan bewust niet in de data."""

_THEMA_GEWICHT = {
    "levertijd": 0.22,
    "prijs": 0.18,
    "bereikbaarheid": 0.14,
    "accountmanager": 0.12,
    "facturatie": 0.07,
    "webshop": 0.08,
    "orderstatus": 0.08,
    "assortiment": 0.06,
}
_THEMA_FACTOR: dict[str, dict[str, float]] = {
    "najaar 2025": {"facturatie": 4.0, "levertijd": 1.6, "orderstatus": 1.8},
    "voorjaar 2026": {"facturatie": 1.6, "webshop": 3.2},
    "najaar 2026": {"webshop": 1.4, "accountmanager": 0.45, "bereikbaarheid": 0.6},
    "Key account": {"accountmanager": 1.6, "facturatie": 1.5, "prijs": 0.8, "webshop": 0.6},
    "Klein zakelijk": {
        "bereikbaarheid": 1.6,
        "webshop": 1.5,
        "accountmanager": 0.3,
        "prijs": 1.3,
    },
    "Monteur": {"levertijd": 1.4, "webshop": 1.6, "facturatie": 0.2, "prijs": 0.6},
    "Inkoper": {"prijs": 1.5, "facturatie": 1.4},
    "Directie": {"accountmanager": 1.5, "prijs": 1.2},
    "Projectleider": {"levertijd": 1.3, "orderstatus": 1.6},
}

_PRODUCTEN = (
    "kabel",
    "installatiebuis",
    "PV-omvormers",
    "warmtepompen",
    "fittingen",
    "schakelmateriaal",
    "ventilatie-units",
    "gereedschap",
    "bevestigingsmateriaal",
    "sanitair",
    "laadpalen",
)

# Zinnen per thema en toon: "kritisch" (criticasters), "neutraal" (passief),
# "mild" (promotors). {product}, {dagen} en {procent} worden ingevuld.
_ZINNEN: dict[str, dict[str, tuple[str, ...]]] = {
    "levertijd": {
        "kritisch": (
            "Levertijden zijn veel te lang. Wat vandaag besteld wordt moet morgen op de "
            "bouw liggen, niet over {dagen} dagen.",
            "Te vaak backorders. Als iets op de site op voorraad staat, verwacht ik dat het "
            "ook geleverd wordt.",
            "Leveringen komen regelmatig te laat, en dan staan mijn monteurs te wachten.",
            "Zorg dat de levertijd klopt. Nu is het elke keer afwachten.",
            "De laatste levering was {dagen} dagen later dan beloofd en niemand liet iets weten.",
            "Meer voorraad van {product}, nu moet ik te vaak uitwijken naar een andere "
            "groothandel.",
            "Levertijd!! Voor spoedorders kan ik niet op jullie rekenen.",
            "Deelleveringen, steeds maar deelleveringen. Lever in één keer compleet.",
            'De "spoedlevering" is alles behalve spoed.',
            "[erp]Sinds jullie nieuwe systeem gaat er van alles mis met leveringen: verkeerde "
            "artikelen, te laat, halve orders.",
            "Wij beloven onze klanten een datum en moeten die steeds verzetten omdat jullie niet "
            "op tijd leveren. Dat kost ons klanten.",
        ),
        "neutraal": (
            "Sneller leveren, liefst de volgende ochtend voor 7 uur op het werk.",
            "De levertijd van {product} mag korter.",
            "Levering soms wat traag, verder prima.",
            "Iets meer voorraad aanhouden van veelgebruikte artikelen.",
            "Betrouwbaardere levertijden: de afgesproken dag moet ook echt de dag zijn.",
            "Leveren op de bouwplaats in plaats van alleen op ons adres.",
            "Kortere levertijden, zeker bij {product}.",
            "Als iets niet op voorraad is, meteen een alternatief aanbieden met een kortere "
            "levertijd.",
        ),
        "mild": (
            "Misschien nog iets sneller leveren, maar eigenlijk is het al goed.",
            "Levertijd kan een dag korter, verder niets.",
            "Af en toe een backorder, maar dat is overal zo.",
        ),
    },
    "prijs": {
        "kritisch": (
            "Jullie prijzen liggen duidelijk hoger dan bij de concurrent.",
            "Te duur. Voor {product} betaal ik elders zo'n {procent}% minder.",
            "Prijsverhogingen worden niet op tijd aangekondigd.",
            "De prijs-kwaliteitverhouding klopt niet meer, jullie zijn flink duurder geworden.",
            "Scherpere prijzen, anders gaan we echt ergens anders bestellen.",
            "Prijzen, prijzen, prijzen. Bij de online aanbieders is alles goedkoper.",
        ),
        "neutraal": (
            "Iets scherper prijzen op de standaardartikelen.",
            "Betere staffelkorting bij grotere aantallen.",
            "De prijzen zijn aan de hoge kant.",
            "Een vaste klantkorting zou mooi zijn.",
            "Duidelijkere prijsafspraken, nu weet je nooit precies wat je gaat betalen.",
            "Prijs van {product} is de laatste tijd flink gestegen.",
            "Projectprijzen sneller afgeven, nu duurt een prijsopgave soms een week.",
        ),
        "mild": (
            "Prijs mag altijd lager natuurlijk ;-)",
            "Misschien wat meer acties of kortingen.",
            "Iets goedkoper zou fijn zijn, maar de service maakt veel goed.",
        ),
    },
    "bereikbaarheid": {
        "kritisch": (
            "Telefonisch zijn jullie slecht bereikbaar, ik hang soms een kwartier in de wacht.",
            "Klantenservice is onbereikbaar. Er wordt niet teruggebeld, terwijl dat wel is "
            "toegezegd.",
            "Mails worden pas na dagen beantwoord.",
            "De binnendienst is slecht bereikbaar, zeker na vier uur 's middags.",
            'Jullie "klantenservice", als je die al aan de lijn krijgt, weet van niets.',
            "Je krijgt steeds iemand anders aan de telefoon en moet alles opnieuw uitleggen.",
        ),
        "neutraal": (
            "Betere bereikbaarheid van de klantenservice, ook buiten kantoortijden.",
            "Kortere wachttijd aan de telefoon.",
            "Sneller reageren op e-mail.",
            "Een vast aanspreekpunt bij de binnendienst zou helpen.",
            "Een chatfunctie of WhatsApp voor snelle vragen.",
            "Telefoon wordt niet altijd opgenomen, dan maar weer mailen.",
            "Een terugbelverzoek moet ook echt betekenen dat er dezelfde dag wordt teruggebeld.",
        ),
        "mild": (
            "Soms even lang wachten aan de telefoon, maar dan word je goed geholpen.",
            "Telefonisch iets beter bereikbaar zijn.",
        ),
    },
    "accountmanager": {
        "kritisch": (
            "De accountmanager heeft te weinig technische kennis, bij elke vraag moet hij "
            "het navragen.",
            "We hebben in twee jaar drie verschillende accountmanagers gehad. Niemand kent "
            "ons bedrijf.",
            "De accountmanager komt alleen langs als hij iets wil verkopen.",
            "Meer productkennis bij de accountmanager, vooral over {product}.",
            "Onze accountmanager denkt niet mee, hij neemt alleen bestellingen op.",
            "Ik heb de accountmanager dit jaar één keer gezien. Voor een klant van onze omvang "
            "is dat te weinig.",
        ),
        "neutraal": (
            "De accountmanager mag vaker langskomen en meedenken over onze projecten.",
            "De accountmanager mag meer weten van nieuwe regelgeving, bijvoorbeeld over {product}.",
            "Betere kennis van de producten bij de vertegenwoordiger.",
            "Onze accountmanager mag proactiever zijn: kom met oplossingen voordat wij erom "
            "vragen.",
            "Houd een vaste contactpersoon, niet steeds wisselen van accountmanager.",
        ),
        "mild": (
            "Onze accountmanager is prima, al zou hij iets vaker mogen bellen.",
            "Misschien een keer een productdemo op locatie door de accountmanager.",
        ),
    },
    "facturatie": {
        "kritisch": (
            "Facturen kloppen regelmatig niet. Het kost ons veel tijd om creditnota's te krijgen.",
            "[erp]Sinds het nieuwe systeem krijgen we dubbele facturen.",
            "De factuur komt niet overeen met de afgesproken prijs, elke maand weer.",
            "Facturatie is een puinhoop: verkeerde projectnummers, ontbrekende pakbonnen.",
            "Te veel fouten in de facturen, en als je belt duurt het weken voor het is opgelost.",
        ),
        "neutraal": (
            "Duidelijkere facturen, met ons projectnummer erop.",
            "Facturen graag digitaal, rechtstreeks in ons boekhoudpakket.",
            "Eén verzamelfactuur per maand in plaats van losse facturen.",
            "Creditnota's sneller verwerken.",
            "Eén factuur per pakbon, dan kunnen wij het controleren.",
            "[erp]De facturen zijn sinds de overstap op het nieuwe systeem onduidelijk geworden.",
        ),
        "mild": (
            "Factuur soms wat onduidelijk, verder goed.",
            "Graag de factuur per project splitsen.",
        ),
    },
    "webshop": {
        "kritisch": (
            "[web]De nieuwe webshop is onoverzichtelijk, ik kan niets meer vinden.",
            "De zoekfunctie in de webshop werkt slecht, artikelnummers van de fabrikant "
            "worden niet gevonden.",
            "De webshop toont voorraad die er niet is.",
            "Inloggen op de webshop lukt regelmatig niet.",
            "[web]Sinds de nieuwe site zijn mijn bestellijsten weg. Erg onhandig.",
        ),
        "neutraal": (
            "De webshop kan gebruiksvriendelijker, vooral op de telefoon.",
            "Bestelgeschiedenis in de webshop per project kunnen bekijken.",
            "Een app om vanaf de bouw te bestellen.",
            "Actuele voorraad per vestiging in de webshop laten zien.",
            "Betere zoekfunctie op de website.",
            "[web]Op de nieuwe website moet je veel te vaak klikken voor een simpele bestelling.",
            "Onze eigen nettoprijzen in de webshop tonen, niet de bruto prijs.",
        ),
        "mild": (
            "De webshop mag iets sneller, verder top.",
            "Kleine dingen in de webshop, zoals favorieten bewaren.",
        ),
    },
    "orderstatus": {
        "kritisch": (
            "Geen orderbevestiging ontvangen, dan weet je niet waar je aan toe bent.",
            "Laat het gewoon weten als een levering vertraagd is, in plaats van ons te laten "
            "bellen.",
            "Niemand weet waar mijn bestelling is. Communicatie is ver te zoeken.",
        ),
        "neutraal": (
            "Laat proactief weten als een levering vertraagd is.",
            "Track & trace van bestellingen zou handig zijn.",
            "Betere communicatie over de status van de order.",
            "Een bericht de dag van tevoren met het tijdvak van levering.",
            "[erp]Orderbevestigingen komen sinds kort niet meer of pas na dagen.",
        ),
        "mild": (
            "Een sms'je als de bestelling onderweg is zou mooi zijn.",
            "Iets meer informatie over de orderstatus.",
        ),
    },
    "assortiment": {
        "kritisch": (
            "Artikelen worden uit het assortiment gehaald zonder dat we het weten.",
            "Te weinig keuze in {product}, ik moet daarvoor naar een andere groothandel.",
        ),
        "neutraal": (
            "Breder assortiment in {product}.",
            "Meer A-merken voeren.",
            "Meer duurzame alternatieven in het assortiment, zoals warmtepompen van meer merken.",
        ),
        "mild": (
            "Misschien nog wat meer merken in {product}.",
            "Het assortiment mag iets breder, verder prima.",
        ),
    },
    "geen": {
        "kritisch": ("Weet ik niet.", "-", "Geen idee."),
        "neutraal": (
            "Een 10 geef ik nooit, dus niks.",
            "Prima zo. Een 8 is bij mij al goed.",
            "nvt",
            "-",
            "Weet ik niet",
            "Geen opmerkingen.",
        ),
        "mild": (
            "Niets, ga zo door!",
            "Geen verbeterpunten, we zijn tevreden.",
            "Eigenlijk niks. Prima leverancier.",
            "Zo doorgaan.",
            "Alles loopt goed, vooral het contact met de binnendienst is prettig.",
            "Blijf zo persoonlijk als nu.",
            "nvt",
            "Niks, een 10 is niet te halen ;-)",
            "Top leverancier, geen klachten.",
        ),
    },
}
_VERBINDER = ("{a} {b}", "{a} Verder: {b}", "1. {a} 2. {b}", "{a} En {b}", "{a} Daarnaast: {b}")


def _klein(tekst: str) -> str:
    """Begin met een kleine letter (maar laat afkortingen en 'PV-' staan)."""
    woord = tekst.split(" ", 1)[0]
    if len(woord) > 1 and woord[1].isupper():
        return tekst
    if tekst.startswith("Eén"):
        return "één" + tekst[3:]
    return tekst[:1].lower() + tekst[1:]


_PREFIX = {
    "kritisch": ("", "", "", "", "Eerlijk gezegd: ", "Vooral dit: ", "Helaas moet ik zeggen: "),
    "neutraal": ("", "", "", "", "Misschien: ", "Wat mij betreft: ", "Tip: "),
    "mild": ("", "", "", "", "Klein puntje: ", "Hooguit: "),
}
_SUFFIX = {
    "kritisch": (
        "", "", "", "", " Dit moet echt beter.", " Zo raken jullie klanten kwijt.",
        " Jammer, want de mensen zelf zijn prima.",
    ),
    "neutraal": ("", "", "", "", " Verder tevreden.", " Voor de rest prima.", " Dat zou schelen."),
    "mild": ("", "", "", " Verder top!", " Ga zo door."),
}  # fmt: skip
# Zinnen met [erp] gaan over het nieuwe ERP-systeem (vanaf najaar 2025), zinnen met
# [web] over de nieuwe webshop (vanaf voorjaar 2026).
_VANAF = {"[erp]": "najaar 2025", "[web]": "voorjaar 2026"}


def _mag(sjabloon: str, meting: str) -> bool:
    label = sjabloon[:5]
    return label not in _VANAF or _volgorde(meting) >= _volgorde(_VANAF[label])


def _volgorde(meting: str) -> tuple[int, bool]:
    """Tijdsvolgorde van een meting: ``"najaar 2025"`` → ``(2025, True)``."""
    seizoen, jaar = meting.split()
    return int(jaar), seizoen == "najaar"


def _zin(rng: np.random.Generator, thema: str, toon: str, meting: str) -> str:
    opties = [z for z in _ZINNEN[thema][toon] if _mag(z, meting)]
    sjabloon = str(rng.choice(opties)).removeprefix("[erp]").removeprefix("[web]")
    return sjabloon.format(
        product=str(rng.choice(_PRODUCTEN)),
        dagen=int(rng.integers(3, 15)),
        procent=int(rng.choice([5, 8, 10, 12, 15, 20])),
    )


def open_antwoord(
    rng: np.random.Generator, score: int | None, meting: str, segment: str, rol: str
) -> str | None:
    """Het antwoord op de vervolgvraag (None = niet ingevuld)."""
    if score is None:
        toon, kans = "neutraal", 0.45
    elif score <= 6:
        toon, kans = "kritisch", 0.86
    elif score <= 8:
        toon, kans = "neutraal", 0.66
    else:
        toon, kans = "mild", 0.48
    if rng.random() >= kans:
        return None
    kans_geen = {"kritisch": 0.03, "neutraal": 0.10, "mild": 0.45}[toon]
    if rng.random() < kans_geen:
        return _zin(rng, "geen", toon, meting)

    namen = list(_THEMA_GEWICHT)
    gewicht = np.array([_THEMA_GEWICHT[t] for t in namen])
    for sleutel in (meting, segment, rol):
        for t, f in _THEMA_FACTOR.get(sleutel, {}).items():
            gewicht[namen.index(t)] *= f
    aantal = 2 if rng.random() < (0.30 if toon == "kritisch" else 0.18) else 1
    gekozen = rng.choice(len(namen), size=aantal, replace=False, p=gewicht / gewicht.sum())
    zinnen = [_zin(rng, namen[int(k)], toon, meting) for k in gekozen]
    if aantal == 1:
        tekst = zinnen[0]
        voor = str(rng.choice(_PREFIX[toon]))
        if voor:
            tekst = voor + _klein(tekst)
        na = str(rng.choice(_SUFFIX[toon]))
        if na and tekst.endswith(".") and not any(w in tekst for w in ("erder", "prima")):
            tekst += na
    else:
        verbinder = str(rng.choice(_VERBINDER))
        b = zinnen[1] if verbinder in ("{a} {b}", "1. {a} 2. {b}") else _klein(zinnen[1])
        tekst = verbinder.format(a=zinnen[0], b=b)

    # Zoals mensen typen: soms zonder hoofdletter of punt, heel soms in hoofdletters.
    u = rng.random()
    if u < 0.10:
        tekst = _klein(tekst)
    elif u < 0.11:
        tekst = tekst.upper()
    if tekst.endswith(".") and rng.random() < 0.15:
        tekst = tekst[:-1]
    return tekst
