"""Zelftoets bij les 6, *Mensen: het klantenteam en de DMU van de klant* (``notebooks/06-mensen.ipynb``).

De controlevragen van het notebook, met de goede antwoorden en de tips: leerdoel 1
(klantgerichtheid zit in het gedrag van alle medewerkers), 2 (het klantenteam), 3 (de
rollen in de DMU herkennen; rollen zijn geen stappen) en 4 (de dekking van de DMU door het
klantenteam, met de hand en uit de data). Spieken kan, maar probeer het eerst zelf: daar
leer je van.

Het antwoord dat van de dataset ``dmu_leden`` afhangt (paragraaf 5.2), wordt pas bij de
eerste controle uitgerekend, niet bij het importeren.

Examples
--------
>>> controleer("rol_johan", "beslisser")
Nog niet goed. Johan onderhandelt en bestelt, maar het laatste woord heeft Peter Smit. ...
>>> controleer("rol_peter", "beslisser")
Goed!
"""

from __future__ import annotations

from klanttools.datasets import laad
from klanttools.nakijken import Zelftoets

__all__ = ["controleer", "toets"]


def _met_contact_campus() -> tuple[int, int]:
    """Paragraaf 5.2: (gedekte rollen, personen met contact) bij Campus Noord."""
    leden = laad("dmu_leden")
    campus = leden[(leden["casus"] == "Campus Noord") & leden["contact"].notna()]
    return campus["rol"].nunique(), campus["persoon"].nunique()


toets = Zelftoets("les 6 — Mensen: het klantenteam en de DMU van de klant")
"""Alle controlevragen van les 6 op sleutel."""

# 1. Klantgerichtheid zit in mensen
toets.vraag(
    "kern_mensen",
    "B",
    tip="Lees paragraaf 1 nog eens: waar zit klantgerichtheid volgens de les?",
    bekende_fouten={
        "A": "Software helpt, maar CRM is geen IT-systeem. Als de mensen zich niet klantgericht "
        "gedragen, verandert er voor de klant niets.",
        "C": "Veel orders noteren is precies de oude rol van de verkoper. Het gaat om het gedrag "
        "van álle medewerkers, niet alleen van de verkoper.",
    },
)
toets.vraag(
    "verkoper_wordt",
    "relatiemanager",
    tip="Van welke rol naar welke rol verschuift het werk van de verkoper? Kies het woord uit "
    "paragraaf 1.",
    bekende_fouten={
        "ordernoteerder": "Dat is de oude rol: de verkoper die vooral bestellingen opschrijft. "
        "Waar groeit de verkoper naartoe?",
    },
)

# 2. Het klantenteam
toets.vraag(
    "voordeel_team",
    "B",
    tip="Wat wint een leverancier als niet één persoon, maar een heel team de klant kent?",
    bekende_fouten={
        "A": "Een klantenteam is geen bezuiniging: dezelfde mensen werken samen rond een groep "
        "klanten.",
        "C": "De accountmanager blijft het vaste aanspreekpunt; het team werkt naast hem, niet "
        "in zijn plaats.",
    },
)
toets.vraag(
    "team_bepaalt",
    "B",
    tip="Wat spreekt het team onderling af over de accounts waar het voor zorgt?",
    bekende_fouten={
        "C": "Wie bij de klant beslist, bepaalt de klant zelf. Het team brengt dat in beeld, "
        "maar kiest het niet.",
        "A": "De prijs van de concurrent bepaalt het team niet; het verdeelt het eigen werk.",
    },
)

# 3. Rollen in de DMU herkennen
toets.vraag(
    "rol_peter",
    "beslisser",
    tip="Wie geeft bij Campus Noord het laatste woord over de overstap?",
    bekende_fouten={
        "inkoper": "Peter plaatst geen bestellingen en onderhandelt niet. Wat doet hij wel?",
        "gebruiker": "Peter werkt zelf niet met de lampen; hij beheert het budget.",
    },
)
toets.vraag(
    "rol_johan",
    "poortwachter",
    tip="Johan is inkoper. Lees wat hij nog meer doet: langs wie moeten verkopers eerst?",
    bekende_fouten={
        "beslisser": "Johan onderhandelt en bestelt, maar het laatste woord heeft Peter Smit. "
        "Een inkoper is niet vanzelf de beslisser.",
        "inkoper": "Dat is zijn eerste rol. Welke rol heeft hij daarnaast?",
    },
)
toets.vraag(
    "rol_lotte",
    "initiatiefnemer",
    tip="Lotte werkt elke dag met de lampen (gebruiker). Wat deed ze nog meer?",
    bekende_fouten={
        "beslisser": "Lotte stelde de overstap voor, maar het budget en het laatste woord liggen "
        "bij Peter Smit. Wie het product gebruikt of voorstelt, beslist niet vanzelf.",
        "gebruiker": "Dat is haar eerste rol. Welke rol heeft ze daarnaast?",
    },
)
toets.vraag(
    "geen_stap",
    "B",
    tip="Lees het kader 'Rollen zijn geen stappen' in paragraaf 3 nog eens.",
    bekende_fouten={
        "A": "De rollen zijn geen fasen van een proces. De poortwachter houdt de hele aankoop "
        "door informatie en verkopers tegen of laat ze door.",
        "C": "Ook de eerste stap is hij niet: de poortwachter is geen stap, maar een rol die de "
        "hele aankoop door meespeelt.",
    },
)

# 4. De dekking
toets.vraag(
    "gedekt_met_jansen",
    5,
    tip="Zet Jansen in de lijst van de accountmanager en tel de rollen in de verzameling "
    "opnieuw, met len(gedekt).",
    bekende_fouten={
        6: "In deze DMU heeft niemand de rol initiatiefnemer. Die kan dus ook niet gedekt zijn.",
        3: "Je telde personen. De vraag is hoeveel rollen gedekt zijn; De Vries en Bakker hebben "
        "er elk twee.",
    },
)
toets.vraag(
    "gedekt_campus",
    lambda: _met_contact_campus()[0],
    tip="Tel de verschillende waarden in de kolom rol van de tabel met_contact, met "
    '.nunique() of len(set(met_contact["rol"])).',
    bekende_fouten=lambda: {
        _met_contact_campus()[1]: "Je telde de personen met een contact. Iemand met twee rollen "
        "dekt twee rollen."
    },
)
toets.vraag(
    "niet_in_beeld_okkerse",
    "poortwachter",
    tip="Zoek in de tabel rechts in de widget de rol met de status 'nog niet in beeld'.",
    bekende_fouten={
        "gebruiker": "De gebruiker (Dennis Visser) is wél in beeld, alleen spreekt niemand hem: "
        "dat is een gat, geen onbekende rol.",
        "beïnvloeder": "De beïnvloeder (Dennis Visser) is wél in beeld, alleen spreekt niemand "
        "hem: dat is een gat, geen onbekende rol.",
    },
)

controleer = toets.controleer
"""Kijk een antwoord na: ``controleer("rol_peter", rol_peter)``. Zie :meth:`Zelftoets.controleer`."""
