"""Zelftoets bij les 3, *Strategie: welke waarde levert een bedrijf?* (``notebooks/03-strategie.ipynb``).

De controlevragen van het notebook, met de goede antwoorden en de tips: leerdoel 1 (de drie
waardestrategieën van Treacy en Wiersema), 2 (een bedrijf indelen), 3 (waarom CRM past bij
customer intimacy) en 4 (het strategieprofiel uit de data, en wat het instrument wel en niet
zegt). Spieken kan, maar probeer het eerst zelf: daar leer je van.

De antwoorden die van de dataset ``waardestrategie`` afhangen (paragraaf 6 en 7), worden pas
bij de eerste controle uitgerekend, niet bij het importeren.

Examples
--------
>>> controleer("oe_betekenis", "A")
Nog niet goed. Zo staat het in sommige samenvattingen, maar Treacy en Wiersema bedoelen ...
>>> controleer("casus_1", "operational excellence")
Goed!
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from klanttools.datasets import laad
from klanttools.nakijken import Zelftoets
from klanttools.waardestrategie import beoordeel

__all__ = ["controleer", "toets"]

_NAMEN = {"OE": "operational_excellence", "CI": "customer_intimacy", "PL": "product_leadership"}


@cache
def _profielen() -> pd.DataFrame:
    """Gemiddeld antwoord per bedrijf (rij) en waardestrategie (kolom OE, CI, PL)."""
    df = laad("waardestrategie")
    discipline = df["stelling"].str[:2]
    return df.groupby([df["bedrijf"], discipline])["antwoord"].mean().unstack()


def _hoogste_ci() -> str:
    """Paragraaf 6: het bedrijf met de hoogste score op customer intimacy."""
    return str(_profielen()["CI"].idxmax())


def _tweede_ci() -> dict[str, str]:
    """De nummers twee (en gelijke) op customer intimacy: een bekende vergissing."""
    ci = _profielen()["CI"].sort_values(ascending=False)
    return {
        str(b): "Dat bedrijf scoort hoog, maar er is er één met een nog hogere score. Kijk nog "
        "eens in de kolom CI."
        for b in ci.index[1:3]
    }


def _oe_prijsmaat() -> float:
    """Paragraaf 6: de score van Prijsmaat Bouwstoffen op operational excellence."""
    return float(_profielen().loc["Prijsmaat Bouwstoffen", "OE"])


@cache
def _bereik_ci() -> pd.Series:
    """Paragraaf 6.4: per bedrijf het hoogste min het laagste CI-profiel van de medewerkers."""
    df = laad("waardestrategie")
    discipline = df["stelling"].str[:2]
    per_medewerker = (
        df.groupby([df["bedrijf"], df["respondent"], discipline])["antwoord"].mean().unstack()
    )
    ci = per_medewerker.groupby(level="bedrijf")["CI"]
    return (ci.max() - ci.min()).sort_values(ascending=False)


def _oneens_ci() -> str:
    """Paragraaf 6.4: het bedrijf met het grootste bereik op customer intimacy."""
    return str(_bereik_ci().index[0])


def _oneens_ci_fouten() -> dict[str, str]:
    """De nummer twee in bereik, en het bedrijf met het hoogste gemiddelde op CI."""
    fouten = {
        str(_bereik_ci().index[1]): "Daar zijn de medewerkers het ook oneens, maar bij één "
        "bedrijf is het bereik nog groter. Kijk in de kolom bereik.",
    }
    fouten.setdefault(
        _hoogste_ci(),
        "Dat bedrijf heeft het hoogste gemiddelde op customer intimacy. De vraag gaat over het "
        "bereik: hoe ver liggen de medewerkers uit elkaar?",
    )
    return fouten


def _aantal_crm_fit() -> int:
    """Paragraaf 7: bij hoeveel van de zeven bedrijven past CRM volgens ``beoordeel``?"""
    profielen = _profielen().rename(columns=_NAMEN)
    return sum(beoordeel(rij).crm_fit for _, rij in profielen.iterrows())


def _aantal_ci_hoogst() -> int:
    """Het aantal bedrijven waar customer intimacy het hoogst scoort (zonder drempel)."""
    p = _profielen()
    return int((p["CI"] > p[["OE", "PL"]].max(axis=1)).sum())


toets = Zelftoets("les 3 — Strategie: welke waarde levert een bedrijf?")
"""Alle controlevragen van les 3 op sleutel."""

# 1. De drie waardestrategieën
toets.vraag(
    "oe_betekenis",
    "B",
    tip="Lees nog eens wat 'de beste totale kosten' betekent in de tabel van paragraaf 1.",
    bekende_fouten={
        "A": "Zo staat het in sommige samenvattingen, maar Treacy en Wiersema bedoelen iets "
        "anders: het gaat om zo laag mogelijke totale kosten voor de klant, betrouwbaar en "
        "zonder gedoe. 'De kwaliteit van de dienstverlening' is niet waar deze strategie om draait.",
        "C": "Het beste en nieuwste product is product leadership, niet operational excellence.",
    },
)
toets.vraag(
    "drempel",
    3,
    tip="Uitblinken doe je in één strategie. Op hoeveel strategieën moet je minstens een "
    "aanvaardbaar niveau halen?",
    bekende_fouten={
        1: "Uitblinken doe je in één strategie, maar de drempel geldt voor alle drie: ook waar "
        "je niet in uitblinkt, moet je op orde zijn.",
        2: "Ook de strategie waarin je uitblinkt, moet natuurlijk boven de drempel liggen. Tel "
        "ze alle drie.",
    },
)

# 2. Bedrijven indelen
_MIS_OE_ALS_SERVICE = (
    "Let op: vriendelijke service en meedenken horen niet bij operational excellence. Die "
    "strategie draait om lage totale kosten, betrouwbaarheid en gemak."
)
toets.vraag(
    "casus_1",
    "operational excellence",
    tip="Waar kiest de klant dit bedrijf om: het product, de relatie of de prijs en het gemak?",
    bekende_fouten={
        "customer intimacy": "Snel en zonder gedoe leveren is geen maatwerk: er is geen vaste "
        "contactpersoon en geen advies. Waar draait het hier om?",
        "product leadership": "Het assortiment is standaard en er is niets nieuws. Waar kiest "
        "de klant dit bedrijf om?",
    },
)
toets.vraag(
    "casus_2",
    "customer intimacy",
    tip="Kijk naar hoe het bureau met zijn klanten omgaat, en naar hoeveel klanten het heeft.",
    bekende_fouten={
        "operational excellence": _MIS_OE_ALS_SERVICE,
        "product leadership": "Het bureau verkoopt geen bijzonder nieuw product; de waarde zit "
        "in de kennis van elke klant en de oplossing op maat.",
    },
)
toets.vraag(
    "casus_3",
    "product leadership",
    tip="Waar is dit bedrijf trots op, en hoe vaak komt het met iets nieuws?",
    bekende_fouten={
        "operational excellence": "De prijs is hoog en de levering loopt soms uit. Dat past niet "
        "bij de laagste totale kosten.",
        "customer intimacy": "De klant koopt een standaardproduct in de webshop, zonder "
        "maatwerk of vaste relatie. Waarom kiest hij dan toch voor dit bedrijf?",
    },
)

# 3. CRM en de waardestrategie
toets.vraag(
    "crm_strategie",
    "customer intimacy",
    tip="CRM draait om de relatie met de klant op lange termijn. Bij welke strategie staat "
    "die centraal?",
    bekende_fouten={
        "operational excellence": "Bij operational excellence wil je lage kosten en standaard "
        "werk: er zijn weinig gesprekken en nauwelijks een-op-eenrelaties met klanten.",
        "product leadership": "Bij product leadership gaat snel nieuwe producten op de markt "
        "brengen voor het opbouwen van relaties met klanten.",
    },
)

# 6. Het profiel uit de data
toets.vraag(
    "hoogste_ci",
    _hoogste_ci,
    tip="Zoek in de tabel met profielen de hoogste waarde in de kolom CI, en neem de naam "
    "precies over (tussen aanhalingstekens).",
    bekende_fouten=_tweede_ci,
)
toets.vraag(
    "oe_prijsmaat",
    _oe_prijsmaat,
    marge=0.05,
    tip="Zoek Prijsmaat Bouwstoffen in de tabel met profielen en lees de kolom OE af.",
    bekende_fouten=lambda: {
        _oe_prijsmaat() * 5: "Dat is de som van de vijf antwoorden. Het profiel is het "
        "gemiddelde: deel door het aantal stellingen."
    },
)

toets.vraag(
    "oneens_ci",
    _oneens_ci,
    tip="Zoek in de tabel spreiding de grootste waarde in de kolom bereik, en neem de naam "
    "precies over (tussen aanhalingstekens).",
    bekende_fouten=_oneens_ci_fouten,
)

# 7. Beoordelen: past CRM?
toets.vraag(
    "aantal_crm_fit",
    _aantal_crm_fit,
    tip="Tel in de uitvoer van de lus hoe vaak er 'CRM past: ja' staat.",
    bekende_fouten=lambda: {
        _aantal_ci_hoogst(): "Je telde de bedrijven waar customer intimacy het hoogst scoort. "
        "Maar CRM past pas als ook alle drie de strategieën de drempel van 3,0 halen."
    },
)
toets.vraag(
    "instrument",
    "C",
    tip="Lees paragraaf 4 nog eens: wat zegt de kit zelf over deze stellingen?",
    bekende_fouten={
        "A": "Er bestaat geen standaard vragenlijst met een scoringsregel voor de "
        "waardestrategie. De stellingen, de drempel en de voorsprong zijn voor de les gekozen.",
        "B": "Dannhauser en Roodt meten wat klanten belangrijk vinden, niet welke strategie een "
        "bedrijf kiest. Dit instrument is hun vragenlijst dus niet.",
    },
)

controleer = toets.controleer
"""Kijk een antwoord na: ``controleer("casus_1", casus_1)``. Zie :meth:`Zelftoets.controleer`."""
