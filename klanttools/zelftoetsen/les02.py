"""Zelftoets bij les 2, *De klant meten: de Net Promoter Score* (``notebooks/02-nps-meten.ipynb``).

De controlevragen van het notebook, met de goede antwoorden en de tips: leerdoel 6 (de NPS
met de hand en met pandas), 7 (foutmarge en toeval) en 8 (open antwoorden per thema).
Spieken kan, maar probeer het eerst zelf: daar leer je van.

De antwoorden die van de klantenquête afhangen (paragraaf 5.7, 5.11, 5.13 en 6) worden
pas bij de eerste controle uitgerekend met ``laad("nps_enquete")``, niet bij het
importeren.

Examples
--------
>>> controleer("promotors", 8)
Nog niet goed: promotors = 8 klopt nog niet. Het lijkt erop dat je de passief tevredenen ...
>>> controleer("nps_met_de_hand", 30)
Goed!
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from klanttools.datasets import laad
from klanttools.nakijken import Zelftoets, controleer_aantallen, controleer_nps
from klanttools.nps import analyse, vergelijk, wat_als

__all__ = ["TIEN_SCORES", "controleer", "toets"]

TIEN_SCORES = (10, 8, 9, 7, 9, 4, 9, 10, 8, 6)
"""De tien scores van paragraaf 5.4 ("Met de hand")."""

_WEBSHOP = ("webshop", "website")
"""De zoekwoorden van het thema webshop, zoals in ``themas`` in les 2 (paragraaf 6)."""


@cache
def _enquete() -> pd.DataFrame:
    """De klantenquête, één keer geladen bij de eerste vraag die hem nodig heeft."""
    return laad("nps_enquete")


def _nps_gedeeld_door_alle_rijen() -> float:
    """Paragraaf 5.7: (promotors − criticasters) / len(df) × 100, dus mét de lege antwoorden."""
    df = _enquete()
    r = analyse(df["score"])
    return (r.promotors - r.criticasters) / len(df) * 100


def _nps_gewoon() -> float:
    return analyse(_enquete()["score"]).nps


def _stijging_als_achten_negens_waren() -> float:
    """Paragraaf 5.13: NPS als elke 8 een 9 was, min de gemeten NPS, op één decimaal."""
    zoals_gemeten, als_negens = wat_als(_enquete()["score"])
    return round(als_negens.nps - zoals_gemeten.nps, 1)


def _significant_voorjaar_2026() -> str:
    """Paragraaf 5.11: is de stijging van najaar 2025 naar voorjaar 2026 significant?"""
    df = _enquete()
    oud = df.loc[df["meting"] == "najaar 2025", "score"]
    nieuw = df.loc[df["meting"] == "voorjaar 2026", "score"]
    return "ja" if vergelijk(oud, nieuw).significant else "nee"


def _meting_meeste_webshop() -> str:
    """Paragraaf 6: in welke meting noemde het grootste deel van de klanten de webshop?"""
    df = _enquete()
    genoemd = df["verbeterpunt"].str.contains("|".join(_WEBSHOP), case=False, na=False)
    return str(genoemd.groupby(df["meting"], observed=True).mean().idxmax())


toets = Zelftoets("les 2 — De klant meten: de Net Promoter Score")
"""Alle controlevragen van les 2 op sleutel."""

# 5.4 De NPS met de hand: de controles uit klanttools.nakijken rekenen het goede antwoord
# zelf uit de tien scores uit en herkennen de bekende denkfouten (7-8 als promotor, ...).
toets.vraag(
    "promotors",
    controle=lambda a: controleer_aantallen(a, 0, 0, TIEN_SCORES, groepen=["promotors"]),
)
toets.vraag(
    "passief",
    controle=lambda a: controleer_aantallen(0, a, 0, TIEN_SCORES, groepen=["passief"]),
)
toets.vraag(
    "criticasters",
    controle=lambda a: controleer_aantallen(0, 0, a, TIEN_SCORES, groepen=["criticasters"]),
)
toets.vraag("nps_met_de_hand", controle=lambda a: controleer_nps(a, TIEN_SCORES, naam="je NPS"))

# 5.7 Lege antwoorden tellen niet mee (uit de data, bij de eerste controle)
toets.vraag(
    "nps_met_lege",
    _nps_gedeeld_door_alle_rijen,
    marge=0.05,
    tip="Deel het verschil tussen promotors en criticasters door len(df) en "
    "vermenigvuldig met 100.",
    bekende_fouten=lambda: {
        _nps_gewoon(): "Dat is de gewone NPS, gedeeld door n. Deel nu door len(df), alle enquêtes."
    },
)

# 5.11 De vier metingen van Kruisveld
toets.vraag(
    "significant",
    _significant_voorjaar_2026,
    tip="Kijk naar de p-waarde van die vergelijking: is hij kleiner dan 0,05?",
)

# 5.13 "Een 8 is toch goed?"
toets.vraag(
    "stijging_8_naar_9",
    _stijging_als_achten_negens_waren,
    marge=0.05,
    tip="Trek de gemeten NPS af van de NPS na de omzetting.",
    bekende_fouten=lambda: {
        round(_stijging_als_achten_negens_waren()): "Bijna: rond af op één decimaal, of laat "
        "Python het uitrekenen."
    },
)

# 6. De open vraag: wat moet er beter?
toets.vraag(
    "meting_webshop",
    _meting_meeste_webshop,
    tip="Zoek in de tabel hierboven de hoogste waarde in de kolom webshop.",
)

controleer = toets.controleer
"""Kijk een antwoord na: ``controleer("promotors", aantal_promotors)``. Zie :meth:`Zelftoets.controleer`."""
