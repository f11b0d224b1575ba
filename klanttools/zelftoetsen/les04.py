"""Zelftoets bij les 4, *Technologie: klantinzicht uit data* (``notebooks/04-technologie.ipynb``).

De controlevragen van het notebook, met de goede antwoorden en de tips: leerdoel 1
(klantinzicht vraagt data; data kopen en de AVG), 2 (big data, de vier V's, de soorten
data, cloud, datawarehouse en datamining), 3 (marketing automation en zijn risico), 4 (data
opschonen met pandas) en 5 (datamining met pandas: filteren, groeperen, koppelen,
correlatie). Spieken kan, maar probeer het eerst zelf: daar leer je van.

De antwoorden die van de dataset ``orders`` afhangen, worden pas bij de eerste controle
uitgerekend, niet bij het importeren.

Examples
--------
>>> controleer("v_snelheid", "volume")
Nog niet goed. Volume gaat over de hoeveelheid data. Hier gaat het om hoe snel er nieuwe ...
>>> controleer("rijen_over", 4)
Goed!
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from klanttools.datasets import laad
from klanttools.nakijken import Zelftoets

__all__ = ["controleer", "toets"]

NIEUWE_WEBSHOP = "2026-02-01"
"""De nieuwe webshop ging live op 1 februari 2026 (zie data/README.md)."""


@cache
def _orders() -> pd.DataFrame:
    return laad("orders")


def _aandelen_voor() -> pd.Series:
    """Aandeel (%) van elk kanaal in de omzet vóór de nieuwe webshop."""
    o = _orders()
    voor = o[o["datum"] < NIEUWE_WEBSHOP]
    omzet = voor.groupby("kanaal", observed=True)["bedrag"].sum()
    return omzet / omzet.sum() * 100


def _webshop_voor() -> float:
    """Paragraaf 6: het aandeel van de webshop in de omzet van november 2025 tot februari 2026."""
    return float(_aandelen_voor()["webshop"])


def _sector_meeste() -> str:
    """Paragraaf 6: de sector met de meeste omzet uit grote orders (orders gekoppeld aan accounts)."""
    m = _orders().merge(laad("accounts"), on="account_id")
    return str(m.groupby("sector", observed=True)["bedrag"].sum().idxmax())


toets = Zelftoets("les 4 — Technologie: klantinzicht uit data")
"""Alle controlevragen van les 4 op sleutel."""

# 1. Klantinzicht vraagt data; data kopen en de AVG
toets.vraag(
    "avg",
    "B",
    tip="Lees de drie vragen uit paragraaf 1.2 nog eens: waarvoor, op welke grond, en hoeveel.",
    bekende_fouten={
        "A": "Gekochte gegevens vallen ook onder de AVG. Ook dan moet je een doel en een "
        "grondslag hebben, en mag je niet meer gegevens gebruiken dan nodig.",
        "C": "Zakelijke gegevens van een bedrijf vallen niet onder de AVG, maar de naam, het "
        "e-mailadres en het telefoonnummer van een contactpersoon wel: dat zijn "
        "persoonsgegevens.",
    },
)

# 2. Big data, soorten data, cloud, datawarehouse, datamining
toets.vraag(
    "v_snelheid",
    "velocity",
    tip="Welke V gaat over het tempo waarin nieuwe gegevens binnenkomen?",
    bekende_fouten={
        "volume": "Volume gaat over de hoeveelheid data. Hier gaat het om hoe snel er nieuwe "
        "gegevens bij komen.",
        "variety": "Variety gaat over de soorten data (tabellen, tekst, beeld). Hier gaat het "
        "om het tempo.",
        "veracity": "Veracity gaat over hoe betrouwbaar de data zijn. Hier gaat het om het tempo.",
    },
)
toets.vraag(
    "kwadrant_adres",
    "gestructureerd-statisch",
    tip="Past het in vaste kolommen? En hoe vaak verandert het?",
    bekende_fouten={
        "gestructureerd-dynamisch": "Een vestigingsadres verandert zelden. Dynamisch is data "
        "die vaak verandert, zoals een voorraad of een orderstatus.",
        "ongestructureerd-statisch": "Een adres past precies in vaste velden (straat, "
        "postcode, plaats): dat is gestructureerd.",
    },
)
toets.vraag(
    "kwadrant_chat",
    "ongestructureerd-dynamisch",
    tip="Past vrije tekst in vaste kolommen? En komen er vaak nieuwe berichten bij?",
    bekende_fouten={
        "gestructureerd-dynamisch": "Een chatbericht heeft wel een datum en een afzender, "
        "maar de inhoud is vrije tekst: de informatie zit in de zinnen, niet in vaste "
        "kolommen. Dat is ongestructureerd.",
        "ongestructureerd-statisch": "Er komen elke dag nieuwe gesprekken bij: dat is "
        "dynamisch. Statisch betekent: verandert nooit of zelden.",
    },
)
toets.vraag(
    "datawarehouse",
    "C",
    tip="Het ene is een plek, het andere een activiteit. Welke is welke?",
    bekende_fouten={
        "A": "Andersom: het datawarehouse is de plek waar de data samenkomen, datamining is "
        "het zoeken naar verbanden.",
        "B": "De cloud zegt alleen waar de servers staan (bij een extern bedrijf), niet wat je "
        "met de data doet. Een datawarehouse kan in de cloud staan, maar hoeft niet.",
    },
)

# 3. Marketing automation
toets.vraag(
    "automation",
    "A",
    tip="Lees paragraaf 4 nog eens: wat is het risico als alles automatisch gaat?",
    bekende_fouten={
        "B": "Meten wat werkt is juist een voordeel van marketing automation, geen risico.",
        "C": "Marketing automation volgt leads juist door de hele customer journey, niet alleen "
        "na de aankoop.",
    },
)

# 4. Data opschonen
toets.vraag(
    "rijen_over",
    4,
    tip="Haal eerst de dubbele rij weg, dan de rij zonder bedrag. De rij zonder kanaal blijft.",
    bekende_fouten={
        5: "Je haalde de dubbele rij weg, maar ook de rij zonder bedrag moet eruit: zonder "
        "bedrag kun je niet rekenen.",
        3: "De rij zonder kanaal heeft wel een bedrag: die houd je (met kanaal 'onbekend').",
    },
)
toets.vraag(
    "bedrag_getal",
    12000,
    marge=0.005,
    tip="In Nederlandse notatie is de punt het scheidingsteken voor duizendtallen.",
    bekende_fouten={
        12: "Python leest de punt als decimaalteken. In '12.000,00' is de punt het "
        "duizendtalteken: er staat twaalfduizend.",
    },
)

# 5. Datamining met pandas
toets.vraag(
    "webshop_voor",
    _webshop_voor,
    marge=0.05,
    tip="Kijk in de uitvoer van paragraaf 6.2 naar de regel van de webshop.",
    bekende_fouten=lambda: {
        round(_webshop_voor() / 100, 3): "Dat is een fractie. Het aandeel in procenten is "
        "100 keer zo groot."
    },
)
toets.vraag(
    "sector_meeste",
    _sector_meeste,
    tip="Zoek in de uitvoer van paragraaf 6.4 de sector met de hoogste omzet, en neem de naam "
    "precies over.",
    bekende_fouten={
        "Industrie": "Dat is de sector met de minste omzet. Kijk onderaan de gesorteerde lijst.",
    },
)
toets.vraag(
    "schijnverband",
    "C",
    tip="Wat hebben klanten met veel enquêteantwoorden en veel omzet gemeen?",
    bekende_fouten={
        "A": "Een correlatie van 0,4 zegt niet dat het een het ander veroorzaakt. Zou een klant "
        "meer kopen omdat er meer collega's een enquête invullen?",
        "B": "Het verband is er echt in de data, maar het loopt via iets anders: de grootte "
        "van de klant.",
    },
)

controleer = toets.controleer
"""Kijk een antwoord na: ``controleer("rijen_over", rijen_over)``. Zie :meth:`Zelftoets.controleer`."""
