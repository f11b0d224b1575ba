"""Salesprocessen: de sales funnel, de klantrelatiecyclus en inbound marketing & sales.

De funnel
---------
Niet-klanten schuiven, als het goed gaat, stap voor stap op richting klant. De
kit gebruikt overal dezelfde vier fasen (`FUNNELFASEN`):

1. **suspect**: hoort bij de doelgroep, maar er is nog geen contact;
2. **lead**: heeft interesse getoond en gegevens achtergelaten (bijvoorbeeld
   een whitepaper gedownload of een beurskaartje ingevuld);
3. **prospect**: heeft een concrete behoefte en er is contact, bijvoorbeeld
   omdat hij om een offerte heeft gevraagd;
4. **klant**: heeft gekocht.

Nederlandse bronnen zijn het niet eens over de volgorde van lead en prospect:
sommige noemen juist de prospect de eerste, nog 'koude' fase. Bovenstaande
volgorde is de afspraak van deze kit; houd die in opdrachten en toetsen aan.

Per fase kijk je naar de *conversie*: welk deel van de vorige fase doorstroomt
(`conversie`). Omgekeerd volgt uit een doel en de conversies hoeveel suspects
er bovenin nodig zijn (`benodigde_instroom`, `benodigde_aantallen`).

De klantrelatiecyclus
---------------------
Een relatie doorloopt potentiële klant → nieuwe klant → loyale klant → ex-klant,
en een ex-klant is weer een potentiële klant (`KLANTRELATIECYCLUS`). Relaties
met potentiële klanten vallen onder *new business development*, relaties met
bestaande klanten onder *accountmanagement* (`fase_info`).

Inbound marketing & sales
-------------------------
Bij inbound (pull in plaats van push) laat een bedrijf geïnteresseerden zelf
komen. De vijf stappen staan in `INBOUND_STAPPEN`.

Examples
--------
>>> tabel = conversie({"suspect": 1000, "lead": 100, "prospect": 30, "klant": 10})
>>> tabel["conversie"].round(3).tolist()
[nan, 0.1, 0.3, 0.333]
>>> benodigde_instroom(10, [0.1, 0.3, 1 / 3])
1000
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from klanttools._controle import controleer_getal, is_leeg, opsomming, toon

__all__ = [
    "CYCLUS_NAMEN",
    "FUNNELFASEN",
    "FUNNEL_OMSCHRIJVINGEN",
    "INBOUND_STAPPEN",
    "KLANTRELATIECYCLUS",
    "Cyclusfase",
    "benodigde_aantallen",
    "benodigde_instroom",
    "conversie",
    "fase_info",
    "volgende_fase",
]

FUNNELFASEN: tuple[str, ...] = ("suspect", "lead", "prospect", "klant")
"""De fasen van de sales funnel, van breed (boven) naar smal (onder)."""

FUNNEL_OMSCHRIJVINGEN: dict[str, str] = {
    "suspect": "Hoort bij de doelgroep, maar er is nog geen contact geweest.",
    "lead": "Heeft belangstelling getoond en contactgegevens achtergelaten.",
    "prospect": "Heeft een concrete behoefte en er is contact, bijvoorbeeld een offerteaanvraag.",
    "klant": "Heeft gekocht en ontvangt het product of de dienst.",
}
"""Wat elke funnelfase in deze kit betekent."""

KLANTRELATIECYCLUS: tuple[str, ...] = (
    "potentiele_klant",
    "nieuwe_klant",
    "loyale_klant",
    "ex_klant",
)
"""De fasen van de klantrelatiecyclus; na ``ex_klant`` volgt weer ``potentiele_klant``."""

CYCLUS_NAMEN: dict[str, str] = {
    "potentiele_klant": "potentiële klant",
    "nieuwe_klant": "nieuwe klant",
    "loyale_klant": "loyale klant",
    "ex_klant": "ex-klant",
}
"""Weergavenaam per fase van de klantrelatiecyclus."""

_NBD = "new business development"
_AM = "accountmanagement"

_CYCLUS_INFO: dict[str, tuple[str, str]] = {
    "potentiele_klant": (
        _NBD,
        "Nog geen klant, maar wel iemand die dat kan worden. Hier horen ook de suspects, "
        "leads en prospects uit de funnel.",
    ),
    "nieuwe_klant": (
        _AM,
        "Heeft voor het eerst gekocht. Nu moet blijken of de leverancier de verwachtingen "
        "waarmaakt.",
    ),
    "loyale_klant": (
        _AM,
        "Koopt herhaaldelijk en blijft trouw; het doel van accountmanagement is de relatie "
        "te verdiepen en uit te breiden.",
    ),
    "ex_klant": (
        _NBD,
        "Koopt niet meer. Of een organisatie ex-klanten nog als klant ziet, verschilt per "
        "organisatie; in deze kit is terugwinnen new business development, want een "
        "ex-klant is weer een potentiële klant.",
    ),
}

INBOUND_STAPPEN: tuple[str, ...] = (
    "Content maken die aansluit bij de vragen van een specifieke doelgroep.",
    "Die content goed vindbaar maken, bijvoorbeeld in zoekmachines.",
    "De content online onder de aandacht brengen, bijvoorbeeld via sociale media.",
    "Websitebezoekers met geautomatiseerde e-mailcampagnes omzetten in klanten.",
    "Het hele proces doorlopend meten en analyseren, en op basis daarvan bijsturen.",
)
"""De vijf stappen van inbound marketing & sales, in volgorde."""

_EPS = 1e-9
"""Relatieve marge tegen afrondingsfouten (10 / (0.1 · 0.3 · 1/3) is 1000, niet 1001)."""

_VOORBEELD_AANTALLEN = "{'suspect': 1000, 'lead': 100, 'prospect': 30, 'klant': 10}"


def _controleer_aaneengesloten(fasen: list[str], naam: str) -> None:
    """Fasen moeten aaneensluiten in de funnel (geen gat ertussen)."""
    posities = [FUNNELFASEN.index(f) for f in fasen]
    for links, rechts in zip(posities, posities[1:], strict=False):
        if rechts - links > 1:
            gat = FUNNELFASEN[links + 1 : rechts]
            tekst = "fase {} ontbreekt" if len(gat) == 1 else "fasen {} ontbreken"
            raise ValueError(
                f"{naam}: {tekst.format(opsomming([repr(f) for f in gat]))} tussen "
                f"{FUNNELFASEN[links]!r} en {FUNNELFASEN[rechts]!r}. De fasen moeten "
                f"aaneensluiten in de volgorde {' → '.join(FUNNELFASEN)}."
            )


def _als_paren(waarden: Any, naam: str, voorbeeld: str) -> list[tuple[Any, Any]]:
    """Lees een dict of pandas Series als lijst van (sleutel, waarde)-paren."""
    if isinstance(waarden, pd.DataFrame):
        raise TypeError(
            f"{naam}: verwacht één kolom (een dict of Series), kreeg een hele tabel "
            f"(DataFrame). Kies één kolom, bijvoorbeeld tabel['aantal']."
        )
    if isinstance(waarden, pd.Series):
        if waarden.index.has_duplicates:
            dubbel = sorted({str(k) for k in waarden.index[waarden.index.duplicated()]})
            raise ValueError(
                f"{naam}: fase(n) {opsomming(dubbel)} komen meer dan eens voor. "
                "Geef elke fase één keer."
            )
        return list(waarden.items())
    if isinstance(waarden, Mapping):
        return list(waarden.items())
    raise TypeError(
        f"{naam}: verwacht een dict of pandas Series met een waarde per fase, kreeg "
        f"{type(waarden).__name__}. Voorbeeld: {voorbeeld}."
    )


def conversie(aantallen: Mapping[str, int] | pd.Series | Sequence[int]) -> pd.DataFrame:
    """Bereken de conversie per fase van de sales funnel.

    Parameters
    ----------
    aantallen : dict, pandas.Series of lijst
        Het aantal suspects, leads, prospects en klanten. Als dict of Series met
        de fasen uit `FUNNELFASEN` als sleutels; minstens twee fasen die in de
        funnel aaneensluiten (bijvoorbeeld alleen lead, prospect en klant). Als
        lijst precies vier aantallen, in de volgorde suspect, lead, prospect,
        klant. Elk aantal is een heel getal van 0 of meer en een latere fase
        kan nooit groter zijn dan de fase ervoor.

    Returns
    -------
    pandas.DataFrame
        Index ``fase`` (in funnelvolgorde) en de kolommen

        * ``aantal``: het aantal in die fase;
        * ``conversie``: het deel van de vorige fase dat deze fase bereikt
          (een fractie: 0.1 is 10%); NaN voor de eerste fase, en ook NaN als
          de vorige fase 0 is;
        * ``conversie_vanaf_start``: het deel van de eerste fase dat deze fase
          bereikt (1.0 voor de eerste fase zelf).

    Raises
    ------
    TypeError
        Bij een verkeerd soort invoer of een aantal dat geen getal is.
    ValueError
        Bij een onbekende fase, een gat in de fasen, minder dan twee fasen, een
        negatief of gebroken aantal, of een fase die groter is dan de vorige.

    Examples
    --------
    >>> tabel = conversie({"suspect": 1000, "lead": 100, "prospect": 30, "klant": 10})
    >>> tabel.round(3)  # doctest: +NORMALIZE_WHITESPACE
              aantal  conversie  conversie_vanaf_start
    fase
    suspect     1000        NaN                   1.00
    lead         100      0.100                   0.10
    prospect      30      0.300                   0.03
    klant         10      0.333                   0.01
    >>> conversie({"suspect": 1000, "lead": 1200})
    Traceback (most recent call last):
    ...
    ValueError: aantallen: fase 'lead' (1200) is groter dan de fase ervoor, 'suspect' (1000). Een fase kan nooit meer mensen bevatten dan de fase erboven.
    """
    if isinstance(aantallen, list | tuple | np.ndarray):
        lijst = list(np.asarray(aantallen, dtype=object).ravel())
        if len(lijst) != len(FUNNELFASEN):
            raise ValueError(
                f"aantallen: een lijst moet precies {len(FUNNELFASEN)} aantallen bevatten "
                f"({', '.join(FUNNELFASEN)}), kreeg er {len(lijst)}. Geef anders een dict, "
                f"bijvoorbeeld {_VOORBEELD_AANTALLEN}."
            )
        paren = list(zip(FUNNELFASEN, lijst, strict=True))
    else:
        paren = _als_paren(aantallen, "aantallen", _VOORBEELD_AANTALLEN)

    onbekend = [k for k, _ in paren if k not in FUNNELFASEN]
    if onbekend:
        raise ValueError(
            f"aantallen: onbekende fase(n) {opsomming([toon(k) for k in onbekend])}. "
            f"Toegestaan: {opsomming([repr(f) for f in FUNNELFASEN])} "
            "(enkelvoud, kleine letters)."
        )
    if len(paren) < 2:
        raise ValueError(
            f"aantallen: minstens twee fasen nodig om een conversie te berekenen, kreeg er "
            f"{len(paren)}. Voorbeeld: {_VOORBEELD_AANTALLEN}."
        )
    waarden = dict(paren)
    fasen = [f for f in FUNNELFASEN if f in waarden]
    _controleer_aaneengesloten(fasen, "aantallen")

    telling: dict[str, int] = {}
    for f in fasen:
        w = waarden[f]
        if is_leeg(w):
            raise ValueError(
                f"aantallen[{f!r}]: {toon(w)} is leeg. Toegestaan: een geheel getal van 0 of meer."
            )
        telling[f] = controleer_getal(w, f"aantallen[{f!r}]", minimum=0, geheel=True)
    for vorige, huidige in zip(fasen, fasen[1:], strict=False):
        if telling[huidige] > telling[vorige]:
            raise ValueError(
                f"aantallen: fase {huidige!r} ({telling[huidige]}) is groter dan de fase "
                f"ervoor, {vorige!r} ({telling[vorige]}). Een fase kan nooit meer mensen "
                "bevatten dan de fase erboven."
            )

    aantal = pd.Series([telling[f] for f in fasen], index=fasen, dtype="int64")
    vorige = aantal.shift(1).astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        stap = aantal.astype("float64") / vorige.where(vorige > 0)
        start = float(aantal.iloc[0])
        vanaf_start = aantal.astype("float64") / start if start > 0 else aantal * np.nan
    tabel = pd.DataFrame(
        {
            "aantal": aantal,
            "conversie": stap.astype("float64"),
            "conversie_vanaf_start": vanaf_start.astype("float64"),
        }
    )
    tabel.index.name = "fase"
    return tabel


def _conversiereeks(conversies: Any) -> tuple[list[str] | None, list[float]]:
    """Controleer de conversies en geef (fasen of None, fracties) terug."""
    toegestaan = "een fractie groter dan 0 en hoogstens 1, bijvoorbeeld 0.3 voor 30%"
    if isinstance(conversies, str) or not isinstance(
        conversies, Mapping | pd.Series | list | tuple | np.ndarray
    ):
        raise TypeError(
            "conversies: verwacht een lijst met fracties (bijvoorbeeld [0.1, 0.3, 0.33]) of "
            "een dict per fase (bijvoorbeeld {'lead': 0.1, 'prospect': 0.3, 'klant': 0.33}), "
            f"kreeg {type(conversies).__name__}."
        )
    fasen: list[str] | None
    if isinstance(conversies, Mapping | pd.Series):
        paren = _als_paren(conversies, "conversies", "{'lead': 0.1, 'prospect': 0.3}")
        if any(k == FUNNELFASEN[0] for k, _ in paren):
            raise ValueError(
                f"conversies: {FUNNELFASEN[0]!r} heeft geen conversie, want het is de eerste "
                "fase. Een conversie hoort bij de fase waar men naartoe gaat. Laat "
                f"{FUNNELFASEN[0]!r} weg, bijvoorbeeld met tabel['conversie'].dropna()."
            )
        onbekend = [k for k, _ in paren if k not in FUNNELFASEN]
        if onbekend:
            raise ValueError(
                f"conversies: onbekende fase(n) {opsomming([toon(k) for k in onbekend])}. "
                f"Toegestaan: {opsomming([repr(f) for f in FUNNELFASEN[1:]])}."
            )
        waarden = dict(paren)
        fasen = [f for f in FUNNELFASEN if f in waarden]
        _controleer_aaneengesloten(fasen, "conversies")
        genoemd = [(f"conversies[{f!r}]", waarden[f]) for f in fasen]
    else:
        lijst = list(np.asarray(conversies, dtype=object).ravel())
        fasen = None
        genoemd = [(f"conversies[{i}]", w) for i, w in enumerate(lijst)]
    if not genoemd:
        raise ValueError(f"conversies: de reeks is leeg. Toegestaan: minstens één {toegestaan}.")

    fracties = []
    for naam, w in genoemd:
        if isinstance(w, bool) or not isinstance(w, numbers.Real):
            raise TypeError(f"{naam}: {toon(w)} is geen getal. Toegestaan: {toegestaan}.")
        if not math.isfinite(float(w)):
            raise ValueError(f"{naam}: {toon(w)} is geen eindig getal. Toegestaan: {toegestaan}.")
        if w <= 0:
            raise ValueError(
                f"{naam}: {toon(w)} is te klein; met een conversie van 0 of minder haal je het "
                f"doel nooit. Toegestaan: {toegestaan}."
            )
        if w > 1:
            hint = f" Bedoelde je {toon(w)}%? Schrijf dan {float(w) / 100:g}." if w <= 100 else ""
            raise ValueError(f"{naam}: {toon(w)} is groter dan 1.{hint} Toegestaan: {toegestaan}.")
        fracties.append(float(w))
    return fasen, fracties


def _omhoog(x: float) -> int:
    """Rond naar boven af, maar negeer een afrondingsfout van een paar miljardsten."""
    dichtbij = round(x)
    if abs(x - dichtbij) <= _EPS * max(1.0, abs(x)):
        return int(dichtbij)
    return math.ceil(x)


def _controleer_doel(doel: Any) -> int:
    return controleer_getal(doel, "doel", minimum=0, geheel=True)


def benodigde_instroom(doel: int, conversies: Sequence[float] | Mapping[str, float]) -> int:
    """Bereken hoeveel er bovenin de funnel moeten instromen om het doel te halen.

    Instroom = doel / (product van de conversies), naar boven afgerond. Een
    afrondingsfout van de computer (1000,0000000000001) telt niet als extra.

    Parameters
    ----------
    doel : int
        Het gewenste aantal onderin de funnel, meestal nieuwe klanten (0 of meer).
    conversies : lijst of dict
        De conversies van elke stap, als fractie groter dan 0 en hoogstens 1
        (0.3 is 30%). Als lijst in funnelvolgorde (elke lengte mag); als dict
        of Series per fase waar de stap naartoe gaat, bijvoorbeeld
        ``{"lead": 0.1, "prospect": 0.3, "klant": 1/3}``. De kolom
        ``conversie`` uit `conversie` zonder de eerste rij past precies.

    Returns
    -------
    int
        Het benodigde aantal in de bovenste fase.

    Raises
    ------
    TypeError
        Als ``doel`` of een conversie geen getal is, of ``conversies`` geen
        lijst/dict.
    ValueError
        Bij een negatief of gebroken doel, een lege reeks, een conversie van 0 of
        minder of groter dan 1, of een onbekende fase.

    Examples
    --------
    >>> benodigde_instroom(10, [0.1, 0.3, 1 / 3])
    1000
    >>> benodigde_instroom(10, {"lead": 0.5, "prospect": 0.3})
    67
    >>> benodigde_instroom(10, [0.1, 30])
    Traceback (most recent call last):
    ...
    ValueError: conversies[1]: 30 is groter dan 1. Bedoelde je 30%? Schrijf dan 0.3. Toegestaan: een fractie groter dan 0 en hoogstens 1, bijvoorbeeld 0.3 voor 30%.
    """
    doel = _controleer_doel(doel)
    _, fracties = _conversiereeks(conversies)
    return _omhoog(doel / math.prod(fracties))


def benodigde_aantallen(
    doel: int, conversies: Sequence[float] | Mapping[str, float]
) -> dict[str, int]:
    """Bereken per fase van de funnel hoeveel er nodig zijn om het doel te halen.

    Elke fase wordt rechtstreeks uit het doel berekend (doel gedeeld door het
    product van de conversies eronder, naar boven afgerond). Zo is de bovenste
    fase altijd gelijk aan `benodigde_instroom`.

    Parameters
    ----------
    doel : int
        Het gewenste aantal in de onderste fase (0 of meer).
    conversies : lijst of dict
        Als dict of Series per fase waar de stap naartoe gaat (zie
        `benodigde_instroom`). Als lijst hoogstens drie fracties; die horen bij
        de laatste stappen van de funnel, zodat het doel altijd over klanten
        gaat: ``[0.3, 0.5]`` betekent lead → prospect 30% en prospect → klant 50%.

    Returns
    -------
    dict of str to int
        Benodigd aantal per fase, van boven naar onder; de laatste is het doel.

    Raises
    ------
    TypeError, ValueError
        Zoals bij `benodigde_instroom`; ook als een lijst meer dan drie
        conversies bevat.

    Examples
    --------
    >>> benodigde_aantallen(10, [0.1, 0.3, 1 / 3])
    {'suspect': 1000, 'lead': 100, 'prospect': 30, 'klant': 10}
    >>> benodigde_aantallen(12, {"prospect": 0.25, "klant": 0.4})
    {'lead': 120, 'prospect': 30, 'klant': 12}
    """
    doel = _controleer_doel(doel)
    fasen, fracties = _conversiereeks(conversies)
    if fasen is None:
        stappen = len(FUNNELFASEN) - 1
        if len(fracties) > stappen:
            raise ValueError(
                f"conversies: de funnel heeft {stappen} stappen "
                f"({' → '.join(FUNNELFASEN)}), kreeg {len(fracties)} conversies. "
                f"Geef er hoogstens {stappen}."
            )
        fasen = list(FUNNELFASEN[len(FUNNELFASEN) - len(fracties) :])
    alle = [FUNNELFASEN[FUNNELFASEN.index(fasen[0]) - 1], *fasen]
    uitkomst: dict[str, int] = {}
    for i, fase in enumerate(alle):
        uitkomst[fase] = _omhoog(doel / math.prod(fracties[i:]))
    return uitkomst


@dataclass(frozen=True)
class Cyclusfase:
    """Informatie over één fase van de klantrelatiecyclus (uitkomst van `fase_info`).

    Attributes
    ----------
    fase : str
        De sleutel, bijvoorbeeld ``"loyale_klant"``.
    naam : str
        De weergavenaam, bijvoorbeeld ``"loyale klant"``.
    werkgebied : str
        ``"new business development"`` (relaties met potentiële klanten) of
        ``"accountmanagement"`` (relaties met bestaande klanten).
    bestaande_klant : bool
        True voor nieuwe en loyale klanten.
    volgende : str
        De fase die hierna komt.
    omschrijving : str
        Korte uitleg.
    """

    fase: str
    naam: str
    werkgebied: str
    bestaande_klant: bool
    volgende: str
    omschrijving: str


def _cyclusfase(fase: Any) -> str:
    if not isinstance(fase, str):
        raise TypeError(
            f"fase: verwacht tekst, kreeg {type(fase).__name__} {toon(fase)}. Toegestaan: "
            f"{opsomming([repr(f) for f in KLANTRELATIECYCLUS])}."
        )
    sleutel = fase.strip().lower().replace("ë", "e").replace("-", "_").replace(" ", "_")
    if sleutel not in KLANTRELATIECYCLUS:
        hint = ""
        if sleutel in FUNNELFASEN[:-1]:
            hint = (
                f" Tip: {sleutel!r} is een fase van de funnel; in de klantrelatiecyclus "
                "valt die onder 'potentiele_klant'."
            )
        elif sleutel in ("klant", "bestaande_klant"):
            hint = " Tip: kies 'nieuwe_klant' of 'loyale_klant'."
        raise ValueError(
            f"fase: {toon(fase)} is geen fase van de klantrelatiecyclus. Toegestaan: "
            f"{opsomming([repr(f) for f in KLANTRELATIECYCLUS])} "
            f"(of de weergavenaam, zoals 'potentiële klant').{hint}"
        )
    return sleutel


def volgende_fase(fase: str) -> str:
    """Geef de fase die in de klantrelatiecyclus hierna komt.

    Parameters
    ----------
    fase : str
        Een sleutel uit `KLANTRELATIECYCLUS` of de weergavenaam (zoals
        ``"ex-klant"`` of ``"potentiële klant"``).

    Returns
    -------
    str
        De sleutel van de volgende fase; na ``"ex_klant"`` begint de cyclus
        opnieuw bij ``"potentiele_klant"``.

    Raises
    ------
    TypeError
        Als ``fase`` geen tekst is.
    ValueError
        Als ``fase`` geen fase van de cyclus is.

    Examples
    --------
    >>> volgende_fase("nieuwe_klant")
    'loyale_klant'
    >>> volgende_fase("ex-klant")
    'potentiele_klant'
    """
    sleutel = _cyclusfase(fase)
    i = KLANTRELATIECYCLUS.index(sleutel)
    return KLANTRELATIECYCLUS[(i + 1) % len(KLANTRELATIECYCLUS)]


def fase_info(fase: str) -> Cyclusfase:
    """Geef uitleg over een fase van de klantrelatiecyclus.

    Parameters
    ----------
    fase : str
        Een sleutel uit `KLANTRELATIECYCLUS` of de weergavenaam.

    Returns
    -------
    Cyclusfase
        Met onder meer ``werkgebied``: ``"new business development"`` voor
        potentiële klanten (en ex-klanten, die weer potentiële klant zijn) of
        ``"accountmanagement"`` voor bestaande klanten.

    Raises
    ------
    TypeError
        Als ``fase`` geen tekst is.
    ValueError
        Als ``fase`` geen fase van de cyclus is.

    Examples
    --------
    >>> fase_info("loyale_klant").werkgebied
    'accountmanagement'
    >>> fase_info("potentiële klant").werkgebied
    'new business development'
    >>> fase_info("prospect")
    Traceback (most recent call last):
    ...
    ValueError: fase: 'prospect' is geen fase van de klantrelatiecyclus. Toegestaan: 'potentiele_klant', 'nieuwe_klant', 'loyale_klant' en 'ex_klant' (of de weergavenaam, zoals 'potentiële klant'). Tip: 'prospect' is een fase van de funnel; in de klantrelatiecyclus valt die onder 'potentiele_klant'.
    """
    sleutel = _cyclusfase(fase)
    werkgebied, omschrijving = _CYCLUS_INFO[sleutel]
    return Cyclusfase(
        fase=sleutel,
        naam=CYCLUS_NAMEN[sleutel],
        werkgebied=werkgebied,
        bestaande_klant=werkgebied == _AM,
        volgende=volgende_fase(sleutel),
        omschrijving=omschrijving,
    )
