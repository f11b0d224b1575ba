"""Zelftoets bij les 5, *Processen: van suspect tot Partner* (``notebooks/05-processen.ipynb``).

De controlevragen van het notebook, met de goede antwoorden en de tips: leerdoel 1 (het
salesproces: funnel, inbound, sales en marketing, de groothandel), 2 (de funnel uit de data en
de benodigde instroom), 3 (customer rating met twee cut-offregels), 4 (klantgroepen) en 5
(ABC-analyse). Spieken kan, maar probeer het eerst zelf: daar leer je van.

De antwoorden die van de datasets ``leads`` en ``accounts`` afhangen, worden pas bij de eerste
controle uitgerekend, niet bij het importeren. Ze gebruiken pandas, geen klanttools-functie:
zo controleert de zelftoets ook wat de les met klanttools laat zien.

Examples
--------
>>> controleer("fase_situatie", "suspect")
Nog niet goed. Hij heeft zelf zijn gegevens achtergelaten: dat is meer dan alleen bij de ...
>>> controleer("instroom", 600)
Goed!
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from klanttools.datasets import laad
from klanttools.nakijken import Zelftoets

__all__ = ["controleer", "toets"]

_DATUMS = ["datum_suspect", "datum_lead", "datum_prospect", "datum_klant"]


@cache
def _leads_2025() -> pd.DataFrame:
    """De leads die in 2025 suspect werden (paragraaf 3 van de les)."""
    leads = laad("leads")
    return leads[leads["datum_suspect"] < "2026-01-01"]


@cache
def _accounts() -> pd.DataFrame:
    return laad("accounts")


def _leads_bereikt() -> int:
    """Paragraaf 3: hoeveel suspects uit 2025 werden (minstens) lead?"""
    return int(_leads_2025()["datum_lead"].notna().sum())


def _leads_nu() -> int:
    """De bekende vergissing: alleen wie nu in de fase lead staat."""
    return int((_leads_2025()["fase"] == "lead").sum())


def _beste_bron() -> str:
    """Paragraaf 3: de bron met de hoogste conversie van suspect naar klant (2025)."""
    per_bron = _leads_2025().groupby("bron", observed=True)[_DATUMS].count()
    return str((per_bron["datum_klant"] / per_bron["datum_suspect"]).idxmax())


def _vrienden(grens: int = 6) -> dict[str, int]:
    """Paragraaf 7: het aantal per klantgroep met grens 6, en twee vergissingen."""
    a = _accounts()
    r, k = a["relatiegedrag"], a["koopgedrag"]
    return {
        "Vriend": int(((r >= grens) & (k < grens)).sum()),
        "koop_tot_en_met": int(((r >= grens) & (k <= grens)).sum()),
        "Partner": int(((r >= grens) & (k >= grens)).sum()),
    }


def _abc_orders() -> tuple[int, int]:
    """Paragraaf 8: A-accounts op orders per jaar (met en zonder het account dat 80% passeert)."""
    orders = _accounts()["orders_per_jaar"].sort_values(ascending=False)
    tot_en_met = orders.cumsum() / orders.sum()
    ervoor = tot_en_met - orders / orders.sum()
    return int((ervoor.round(12) < 0.8).sum()), int((tot_en_met.round(12) <= 0.8).sum())


toets = Zelftoets("les 5 — Processen: van suspect tot Partner")
"""Alle controlevragen van les 5 op sleutel."""

# 1. Het salesproces
toets.vraag(
    "fase_situatie",
    "lead",
    tip="Lees de omschrijvingen van de vier fasen nog eens: is er belangstelling getoond, en "
    "is er al een concrete vraag?",
    bekende_fouten={
        "suspect": "Hij heeft zelf zijn gegevens achtergelaten: dat is meer dan alleen bij de "
        "doelgroep horen.",
        "prospect": "Er is nog geen concrete behoefte en nog geen contact, zoals een "
        "offerteaanvraag.",
    },
)
toets.vraag(
    "pull",
    "B",
    tip="Bij pull komt de klant zelf naar jou toe. Bij welke manier zoekt de klant jou op?",
    bekende_fouten={
        "A": "Zelf bellen naar een lijst bedrijven is push: jij gaat naar de klant toe.",
        "C": "Folders uitdelen op een beurs is ook push: jij zoekt de klant op.",
    },
)
toets.vraag(
    "sql_beslist",
    "sales",
    tip="Een MQL komt van marketing. Wie beoordeelt of er een echte verkoopkans is?",
    bekende_fouten={
        "marketing": "Marketing levert de MQL aan, volgens de gezamenlijke definitie. Of er een "
        "concrete verkoopkans is, beoordeelt de andere afdeling.",
    },
)
toets.vraag(
    "groothandel_rol",
    "expert",
    tip="Lees de drie rollen in paragraaf 9 nog eens: wat levert Kruisveld hier, goederen of "
    "kennis?",
    bekende_fouten={
        "coördinator": "Hier wordt niets afgestemd tussen leveringen; Kruisveld geeft advies.",
        "coordinator": "Hier wordt niets afgestemd tussen leveringen; Kruisveld geeft advies.",
        "sturend": "Kruisveld neemt hier de keten niet over; het geeft advies.",
    },
)

# 2. De funnel uit de data
toets.vraag(
    "instroom",
    600,
    tip="Instroom = doel / (product van de conversies). Vermenigvuldig eerst de drie "
    "conversies, deel dan het doel erdoor.",
    bekende_fouten={
        0.375: "Je vermenigvuldigde het doel met de conversies. Je moet juist delen: van de "
        "suspects blijft maar een klein deel over.",
        120: "Je deelde door alleen de eerste conversie. Alle drie de stappen tellen mee.",
    },
)
toets.vraag(
    "leads_2025",
    _leads_bereikt,
    tip="Tel de ingevulde datums in de kolom datum_lead van leads_2025 (.notna().sum()).",
    bekende_fouten=lambda: {
        _leads_nu(): "Dat zijn alleen de suspects die nu in de fase lead staan. Wie al prospect "
        "of klant is, was ook lead: tel de ingevulde datums."
    },
)
toets.vraag(
    "beste_bron",
    _beste_bron,
    tip="Kijk in de kolom klant_per_suspect van de tabel per bron naar de hoogste waarde, en "
    "neem de naam precies over.",
    bekende_fouten={
        "koude acquisitie": "Koude acquisitie levert de meeste suspects, maar van die suspects "
        "wordt maar een heel klein deel klant.",
        "aanbesteding": "Bij aanbestedingen wordt een groot deel lead, maar kijk naar de hele "
        "weg van suspect naar klant.",
    },
)

# 3. Customer rating met twee cut-offregels
toets.vraag(
    "regel_de_vries",
    "knock-out",
    tip="Vergelijk elke score van De Vries met het minimum per criterium, en het totaal met "
    "het minimumtotaal.",
    bekende_fouten={
        "minimumtotaal": "De Vries heeft het hoogste totaal van de vier. Het valt op iets anders "
        "af.",
        "beide": "Het totaal van De Vries is hoog genoeg; maar één regel laat het afvallen.",
        "door": "Een hoog totaal maakt een knock-out niet goed: kijk naar de score op "
        "betrouwbaarheid.",
    },
)
toets.vraag(
    "cutoff_zin",
    "B",
    tip="Hoeveel regels staan er eigenlijk in de zin 'cut-off 5 of eindwaarde 50'?",
    bekende_fouten={
        "A": "Een 5 per criterium en een totaal van 50 zijn twee verschillende regels. Een "
        "account kan door de ene komen en op de andere afvallen.",
        "C": "Je mag ze allebei gebruiken, zoals Kruisveld in het voorbeeld doet.",
    },
)

# 4. Klantgroepen
toets.vraag(
    "klantgroep_casus",
    "Dog",
    tip="Scoor het bedrijf op twee assen: is de relatie actief, en koopt het veel?",
    bekende_fouten={
        "Economicus": "Een Economicus koopt veel. Dit bedrijf koopt weinig.",
        "Vriend": "Een Vriend heeft een goede relatie met Kruisveld. Hier is er geen band.",
    },
)
toets.vraag(
    "schijnloyaal",
    "Economicus",
    tip="Schijnloyaal: koopt veel, maar zonder positieve houding. Welke groep koopt veel "
    "zonder band?",
    bekende_fouten={
        "Vriend": "Bij een Vriend is de houding goed, maar koopt hij weinig: Dick en Basu noemen "
        "dat latente loyaliteit.",
        "Partner": "Een Partner koopt veel én heeft een goede band: dat is echte loyaliteit.",
    },
)
toets.vraag(
    "aantal_vrienden",
    lambda: _vrienden()["Vriend"],
    tip="Een Vriend scoort hoog op relatiegedrag (minstens 6) en laag op koopgedrag (onder 6). "
    "Tel met (a) & (b).",
    bekende_fouten=lambda: {
        _vrienden()["koop_tot_en_met"]: "Een 6 op koopgedrag is al hoog: gebruik < 6, niet <= 6.",
        _vrienden()["Partner"]: "Dat zijn de Partners: hoog op allebei. Een Vriend koopt weinig.",
    },
)

# 5. ABC-analyse
toets.vraag(
    "aantal_a_orders",
    lambda: _abc_orders()[0],
    tip="Tel de accounts waarvoor het aandeel vóór het account nog onder 0,8 ligt "
    "(aandeel_ervoor < 0.8).",
    bekende_fouten=lambda: {
        _abc_orders()[1]: "Het account dat de 80% passeert, hoort nog bij A. Kijk naar het "
        "aandeel vóór elk account, niet tot en met."
    },
)

controleer = toets.controleer
"""Kijk een antwoord na: ``controleer("instroom", instroom)``. Zie :meth:`Zelftoets.controleer`."""
