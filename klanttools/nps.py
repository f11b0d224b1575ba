"""Net Promoter Score: categorieën, de score zelf, foutmarge, vergelijken en steekproefgrootte.

De Net Promoter Score (NPS; Reichheld, *Harvard Business Review*, 2003) komt uit één
vraag: "Hoe waarschijnlijk is het dat u [organisatie] zou aanbevelen aan familie,
vrienden of collega's?", beantwoord op een schaal van 0 tot en met 10.

- promotor: 9 of 10
- passief (passief tevreden): 7 of 8
- criticaster: 0 tot en met 6

**NPS = % promotors − % criticasters**: een getal van −100 tot +100, géén
percentage. (Eén van de bronsamenvattingen zegt het omgekeerd; dat is fout.)
Lege antwoorden (None, NaN, pd.NA) zijn geen antwoord en tellen niet mee in n.

Net Promoter, NPS en Net Promoter Score zijn handelsmerken van Bain & Company,
NICE Systems en Fred Reichheld.

Examples
--------
>>> nps([10, 9, 8, 7, 3])
20.0
>>> r = analyse(aantallen=(90, 60, 50))
>>> round(r.nps, 1), round(r.foutmarge, 1)
(20.0, 11.3)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from klanttools._controle import (
    als_scorearray,
    controleer_betrouwbaarheid,
    controleer_getal,
    controleer_keuze,
    getal_nl,
    opsomming,
    toon,
)

__all__ = [
    "CATEGORIEEN",
    "METHODEN",
    "NPSAnalyse",
    "Vergelijking",
    "analyse",
    "categorie",
    "categorieen",
    "nps",
    "nps_per_groep",
    "nps_uit_aantallen",
    "steekproefgrootte",
    "tel",
    "vergelijk",
    "vergelijk_groepen",
    "wat_als",
]

CATEGORIEEN = ("promotor", "passief", "criticaster")
"""De drie NPS-categorieën, van hoog naar laag."""

METHODEN = ("wald", "aangepaste_wald")
"""Methoden voor het betrouwbaarheidsinterval."""

# Pseudo-antwoorden van de aangepaste Wald-methode (Rocks, 2016).
_EXTRA_PROMOTORS, _EXTRA_PASSIEF, _EXTRA_CRITICASTERS = 0.75, 1.5, 0.75


def categorie(score: Any) -> str:
    """Geef de NPS-categorie van één score.

    Parameters
    ----------
    score : int
        Een heel getal van 0 tot en met 10.

    Returns
    -------
    str
        ``"promotor"`` (9–10), ``"passief"`` (7–8) of ``"criticaster"`` (0–6).

    Examples
    --------
    >>> categorie(9), categorie(8), categorie(6)
    ('promotor', 'passief', 'criticaster')
    >>> categorie(11)
    Traceback (most recent call last):
    ...
    ValueError: score: 11 is te groot. Toegestaan: een geheel getal van 0 tot en met 10.
    """
    if score is None or (isinstance(score, float) and math.isnan(score)) or score is pd.NA:
        raise ValueError(
            "score: leeg antwoord heeft geen categorie. "
            "Toegestaan: een geheel getal van 0 tot en met 10."
        )
    s = controleer_getal(score, "score", minimum=0, maximum=10, geheel=True)
    if s >= 9:
        return "promotor"
    if s >= 7:
        return "passief"
    return "criticaster"


def categorieen(scores: Any) -> pd.Series:
    """Geef per antwoord de NPS-categorie, als pandas Series (leeg antwoord blijft leeg).

    Examples
    --------
    >>> categorieen([10, 7, None, 2]).tolist()
    ['promotor', 'passief', nan, 'criticaster']
    """
    als_scorearray(scores)  # controle, met melding per fout antwoord
    reeks = scores if isinstance(scores, pd.Series) else pd.Series(list(scores), dtype="object")
    getallen = pd.to_numeric(reeks, errors="coerce")
    uitkomst = pd.cut(
        getallen, bins=[-0.5, 6.5, 8.5, 10.5], labels=["criticaster", "passief", "promotor"]
    )
    return uitkomst.astype(pd.CategoricalDtype(list(CATEGORIEEN)))


@dataclass(frozen=True)
class Telling:
    """Aantallen per categorie, plus het aantal lege antwoorden."""

    promotors: int
    passief: int
    criticasters: int
    leeg: int = 0

    @property
    def n(self) -> int:
        """Aantal geldige antwoorden."""
        return self.promotors + self.passief + self.criticasters


def tel(scores: Any) -> Telling:
    """Tel promotors, passief en criticasters; lege antwoorden apart.

    Examples
    --------
    >>> tel([10, 9, 8, None, 0])
    Telling(promotors=2, passief=1, criticasters=1, leeg=1)
    """
    geldig, leeg = als_scorearray(scores)
    verdeling = np.bincount(geldig, minlength=11)
    return Telling(
        promotors=int(verdeling[9:].sum()),
        passief=int(verdeling[7:9].sum()),
        criticasters=int(verdeling[:7].sum()),
        leeg=leeg,
    )


def _controleer_aantallen(promotors: Any, passief: Any, criticasters: Any) -> Telling:
    p = controleer_getal(promotors, "promotors", minimum=0, geheel=True)
    m = controleer_getal(passief, "passief", minimum=0, geheel=True)
    c = controleer_getal(criticasters, "criticasters", minimum=0, geheel=True)
    if p + m + c == 0:
        raise ValueError(
            "aantallen: promotors, passief en criticasters zijn samen 0. "
            "Een NPS bestaat pas bij minstens één antwoord."
        )
    return Telling(p, m, c)


def nps_uit_aantallen(promotors: int, passief: int, criticasters: int) -> float:
    """Bereken de NPS uit de aantallen per categorie.

    Parameters
    ----------
    promotors, passief, criticasters : int
        Aantallen respondenten (hele getallen, 0 of meer, samen minstens 1).

    Returns
    -------
    float
        NPS = 100 × (promotors − criticasters) / n, van −100 tot 100.

    Examples
    --------
    >>> nps_uit_aantallen(90, 60, 50)
    20.0
    """
    t = _controleer_aantallen(promotors, passief, criticasters)
    return 100.0 * (t.promotors - t.criticasters) / t.n


def _geen_antwoorden(leeg: int) -> ValueError:
    extra = f" (wel {leeg} lege antwoorden)" if leeg else ""
    return ValueError(
        f"scores: er zijn geen geldige antwoorden{extra}. "
        "Een NPS bestaat pas bij minstens één score van 0 tot en met 10."
    )


def nps(scores: Iterable[Any]) -> float:
    """Bereken de Net Promoter Score van een reeks antwoorden.

    Parameters
    ----------
    scores : iterable of int or pandas.Series
        Antwoorden 0–10. Lege antwoorden (None, NaN, pd.NA) tellen niet mee.

    Returns
    -------
    float
        % promotors − % criticasters, van −100 tot 100.

    Examples
    --------
    >>> nps([10, 10, 9, 8, 6])
    40.0
    >>> nps(pd.Series([9, None, 3]))
    0.0
    """
    t = tel(scores)
    if t.n == 0:
        raise _geen_antwoorden(t.leeg)
    return 100.0 * (t.promotors - t.criticasters) / t.n


def _z(betrouwbaarheid: float) -> float:
    return NormalDist().inv_cdf(0.5 + betrouwbaarheid / 2)


def _standaardfout(promotors: float, passief: float, criticasters: float) -> tuple[float, float]:
    """Geef (NPS, standaardfout) in punten voor (eventueel niet-gehele) aantallen."""
    n = promotors + passief + criticasters
    p, d = promotors / n, criticasters / n
    variantie = max(p + d - (p - d) ** 2, 0.0)
    return 100.0 * (p - d), 100.0 * math.sqrt(variantie / n)


@dataclass(frozen=True)
class NPSAnalyse:
    """Uitkomst van :func:`analyse`: de NPS met foutmarge en interval.

    Alle getallen in NPS-punten (−100…100), behalve de aantallen en aandelen.
    """

    n: int
    promotors: int
    passief: int
    criticasters: int
    nps: float
    standaardfout: float
    foutmarge: float
    ondergrens: float
    bovengrens: float
    betrouwbaarheid: float = 0.95
    methode: str = "wald"
    populatie: int | None = None
    leeg: int = 0

    @property
    def aandeel_promotors(self) -> float:
        """Aandeel promotors (0–1)."""
        return self.promotors / self.n

    @property
    def aandeel_passief(self) -> float:
        """Aandeel passief tevredenen (0–1)."""
        return self.passief / self.n

    @property
    def aandeel_criticasters(self) -> float:
        """Aandeel criticasters (0–1)."""
        return self.criticasters / self.n

    def samenvatting(self) -> str:
        """Eén zin in het Nederlands, met komma's als decimaalteken.

        Examples
        --------
        >>> print(analyse(aantallen=(90, 60, 50)).samenvatting())
        NPS 20,0 (n = 200; 95%-interval 8,7 tot 31,3; foutmarge ±11,3 punten)
        """
        pct = getal_nl(
            self.betrouwbaarheid * 100, 0 if (self.betrouwbaarheid * 100).is_integer() else 1
        )
        return (
            f"NPS {getal_nl(self.nps)} (n = {self.n}; {pct}%-interval "
            f"{getal_nl(self.ondergrens)} tot {getal_nl(self.bovengrens)}; "
            f"foutmarge ±{getal_nl(self.foutmarge)} punten)"
        )

    def __str__(self) -> str:
        return self.samenvatting()


def analyse(
    scores: Iterable[Any] | None = None,
    *,
    aantallen: Sequence[int] | None = None,
    betrouwbaarheid: float = 0.95,
    methode: str = "wald",
    populatie: int | None = None,
) -> NPSAnalyse:
    """Bereken de NPS met standaardfout, foutmarge en betrouwbaarheidsinterval.

    Parameters
    ----------
    scores : iterable of int or pandas.Series, optional
        Losse antwoorden 0–10 (lege antwoorden tellen niet mee).
    aantallen : tuple of int, optional
        In plaats van ``scores``: (promotors, passief, criticasters).
    betrouwbaarheid : float, default 0.95
        Kans tussen 0 en 1.
    methode : {"wald", "aangepaste_wald"}
        ``"wald"``: het gewone interval NPS ± z·SE. ``"aangepaste_wald"`` (Rocks, 2016):
        tel eerst 0,75 promotor, 1,5 passief en 0,75 criticaster bij; beter bij kleine n.
        De gerapporteerde ``nps`` blijft de gewone NPS; alleen het interval verschuift.
    populatie : int, optional
        Grootte N van de hele klantenkring (eindige-populatiecorrectie
        SE × √((N − n)/(N − 1))); handig bij een klein aantal B2B-accounts.

    Returns
    -------
    NPSAnalyse

    Examples
    --------
    >>> r = analyse(aantallen=(90, 60, 50))
    >>> r.n, r.nps, round(r.standaardfout, 2), round(r.foutmarge, 1)
    (200, 20.0, 5.74, 11.3)
    >>> round(analyse(aantallen=(90, 60, 50), populatie=400).foutmarge, 1)
    8.0
    """
    b = controleer_betrouwbaarheid(betrouwbaarheid)
    controleer_keuze(methode, "methode", METHODEN)
    if (scores is None) == (aantallen is None):
        raise TypeError(
            "analyse: geef óf scores (losse antwoorden) óf aantallen=(promotors, passief, "
            "criticasters), niet allebei en niet geen van beide."
        )
    if aantallen is not None:
        if isinstance(aantallen, str) or not isinstance(aantallen, Sequence) or len(aantallen) != 3:
            raise TypeError(
                f"aantallen: verwacht drie getallen (promotors, passief, criticasters), "
                f"kreeg {toon(aantallen)}."
            )
        t = _controleer_aantallen(*aantallen)
    else:
        t = tel(scores)
        if t.n == 0:
            raise _geen_antwoorden(t.leeg)
    if populatie is not None:
        populatie = controleer_getal(populatie, "populatie", minimum=1, geheel=True)
        if populatie < t.n:
            raise ValueError(
                f"populatie: {populatie} is kleiner dan het aantal antwoorden n = {t.n}. "
                "Toegestaan: een geheel getal van minstens n."
            )

    punt = 100.0 * (t.promotors - t.criticasters) / t.n
    if methode == "wald":
        midden, se = _standaardfout(t.promotors, t.passief, t.criticasters)
    else:
        midden, se = _standaardfout(
            t.promotors + _EXTRA_PROMOTORS,
            t.passief + _EXTRA_PASSIEF,
            t.criticasters + _EXTRA_CRITICASTERS,
        )
    if populatie is not None:
        se *= math.sqrt((populatie - t.n) / (populatie - 1)) if populatie > 1 else 0.0
    marge = _z(b) * se
    return NPSAnalyse(
        n=t.n,
        promotors=t.promotors,
        passief=t.passief,
        criticasters=t.criticasters,
        nps=punt,
        standaardfout=se,
        foutmarge=marge,
        ondergrens=max(-100.0, midden - marge),
        bovengrens=min(100.0, midden + marge),
        betrouwbaarheid=b,
        methode=methode,
        populatie=populatie,
        leeg=t.leeg,
    )


@dataclass(frozen=True)
class Vergelijking:
    """Uitkomst van :func:`vergelijk`: verschil tussen twee groepen of metingen."""

    a: NPSAnalyse
    b: NPSAnalyse
    verschil: float
    standaardfout: float
    z: float
    p_waarde: float
    significant: bool
    betrouwbaarheid: float = 0.95

    def samenvatting(self) -> str:
        """Het oordeel in gewone Nederlandse woorden.

        Examples
        --------
        >>> v = vergelijk(analyse(aantallen=(90, 60, 50)), analyse(aantallen=(75, 40, 35)))
        >>> print(v.samenvatting())
        De NPS steeg met 6,7 punten (van 20,0 naar 26,7). p = 0,45: niet significant bij 95% betrouwbaarheid; het verschil kan toeval zijn.
        """
        richting = (
            "steeg" if self.verschil > 0 else "daalde" if self.verschil < 0 else "bleef gelijk"
        )
        if self.verschil == 0:
            begin = f"De NPS bleef gelijk ({getal_nl(self.a.nps)})."
        else:
            begin = (
                f"De NPS {richting} met {getal_nl(abs(self.verschil))} punten "
                f"(van {getal_nl(self.a.nps)} naar {getal_nl(self.b.nps)})."
            )
        pct = getal_nl(self.betrouwbaarheid * 100, 0)
        if self.p_waarde < 0.001:
            p_tekst = "p < 0,001"
        else:  # drie decimalen onder 0,01, zodat er nooit "p = 0,00" staat
            p_tekst = f"p = {getal_nl(self.p_waarde, 3 if self.p_waarde < 0.01 else 2)}"
        if self.significant:
            oordeel = f"significant bij {pct}% betrouwbaarheid; waarschijnlijk een echt verschil."
        else:
            oordeel = f"niet significant bij {pct}% betrouwbaarheid; het verschil kan toeval zijn."
        return f"{begin} {p_tekst}: {oordeel}"

    def __str__(self) -> str:
        return self.samenvatting()


def _als_analyse(groep: Any, naam: str) -> NPSAnalyse:
    if isinstance(groep, NPSAnalyse):
        return groep
    try:
        return analyse(groep)
    except (TypeError, ValueError) as fout:
        raise type(fout)(f"{naam}: {fout}") from None


def vergelijk(a: Any, b: Any, betrouwbaarheid: float = 0.95) -> Vergelijking:
    """Vergelijk de NPS van twee onafhankelijke groepen of metingen (z-toets).

    Parameters
    ----------
    a, b : NPSAnalyse or iterable of int
        Uitkomst van :func:`analyse`, of losse antwoorden. ``a`` is de eerste
        (oude) meting, ``b`` de tweede: ``verschil = b.nps − a.nps``.
    betrouwbaarheid : float, default 0.95
        Significant als de tweezijdige p-waarde kleiner is dan 1 − betrouwbaarheid.

    Returns
    -------
    Vergelijking
        Met ``verschil``, ``standaardfout`` (√(SE_a² + SE_b²)), ``z``, ``p_waarde``
        en ``significant``.

    Examples
    --------
    >>> v = vergelijk(analyse(aantallen=(90, 60, 50)), analyse(aantallen=(75, 40, 35)))
    >>> round(v.verschil, 1), round(v.p_waarde, 2), v.significant
    (6.7, 0.45, False)
    """
    bt = controleer_betrouwbaarheid(betrouwbaarheid)
    ra, rb = _als_analyse(a, "a"), _als_analyse(b, "b")
    verschil = rb.nps - ra.nps
    se = math.hypot(ra.standaardfout, rb.standaardfout)
    if se == 0:
        z = 0.0 if verschil == 0 else math.copysign(math.inf, verschil)
    else:
        z = verschil / se
    p = 2.0 * (1.0 - NormalDist().cdf(abs(z))) if math.isfinite(z) else 0.0
    return Vergelijking(ra, rb, verschil, se, z, p, bool(p < 1 - bt), bt)


def vergelijk_groepen(
    data: pd.DataFrame,
    groep: str,
    a: Any,
    b: Any,
    score: str = "score",
    *,
    betrouwbaarheid: float = 0.95,
) -> Vergelijking:
    """Vergelijk twee groepen uit één tabel, bijvoorbeeld twee metingen of segmenten.

    Kortere vorm van ``vergelijk(data.loc[data[groep] == a, score], data.loc[data[groep] == b, score])``.

    Parameters
    ----------
    data : pandas.DataFrame
    groep : str
        Kolom met de groepen, bijvoorbeeld ``"meting"``.
    a, b : waarde in die kolom
        De eerste (oude) en de tweede (nieuwe) groep; ``verschil = NPS(b) − NPS(a)``.
    score : str, default "score"

    Examples
    --------
    >>> df = pd.DataFrame({"meting": ["voor"] * 4 + ["na"] * 4, "score": [10, 3, 3, 8, 10, 9, 3, 8]})
    >>> v = vergelijk_groepen(df, "meting", "voor", "na")
    >>> v.a.nps, v.b.nps, v.verschil
    (-25.0, 25.0, 50.0)
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data: verwacht een pandas DataFrame, kreeg {type(data).__name__}.")
    for k in (groep, score):
        if k not in data.columns:
            raise ValueError(
                f"groep/score: kolom {k!r} bestaat niet. Beschikbare kolommen: "
                f"{opsomming([repr(c) for c in data.columns], 12)}."
            )
    aanwezig = list(pd.unique(data[groep].dropna()))
    for naam, waarde in (("a", a), ("b", b)):
        if waarde not in aanwezig:
            raise ValueError(
                f"{naam}: {toon(waarde)} komt niet voor in kolom {groep!r}. "
                f"Toegestaan: {opsomming([toon(w) for w in aanwezig], 12)}."
            )
    return vergelijk(
        data.loc[data[groep] == a, score],
        data.loc[data[groep] == b, score],
        betrouwbaarheid=betrouwbaarheid,
    )


def _grootste_variantie(p: float | None, d: float | None) -> float:
    """Grootste per-respondent variantie p + d − (p − d)² gegeven wat bekend is."""
    if p is not None and d is not None:
        return p + d - (p - d) ** 2
    if p is None and d is None:
        return 1.0  # p = d = 0,5
    bekend = p if p is not None else d
    # f(x) = bekend + x − (bekend − x)²: top bij x = bekend + 0,5, begrensd door 1 − bekend.
    x = min(bekend + 0.5, 1.0 - bekend)
    return bekend + x - (bekend - x) ** 2


def steekproefgrootte(
    foutmarge: float,
    *,
    promotors: float | None = None,
    criticasters: float | None = None,
    betrouwbaarheid: float = 0.95,
    populatie: int | None = None,
) -> int:
    """Hoeveel antwoorden zijn nodig voor een gewenste foutmarge (in NPS-punten)?

    Parameters
    ----------
    foutmarge : float
        Gewenste foutmarge E in punten, groter dan 0 (bijvoorbeeld 5 voor ±5).
    promotors, criticasters : float, optional
        Verwachte aandelen als fractie (0–1). Onbekend: het slechtste geval.
    betrouwbaarheid : float, default 0.95
    populatie : int, optional
        Grootte N van de klantenkring: n′ = n / (1 + (n − 1)/N).

    Returns
    -------
    int
        Naar boven afgerond aantal geldige antwoorden.

    Examples
    --------
    >>> steekproefgrootte(5)
    1537
    >>> steekproefgrootte(10, promotors=0.45, criticasters=0.25)
    254
    >>> steekproefgrootte(5, populatie=300)
    252
    """
    e = controleer_getal(foutmarge, "foutmarge", minimum=0, minimum_inclusief=False, maximum=200)
    bt = controleer_betrouwbaarheid(betrouwbaarheid)
    p = (
        None
        if promotors is None
        else controleer_getal(promotors, "promotors", minimum=0, maximum=1)
    )
    d = (
        None
        if criticasters is None
        else controleer_getal(criticasters, "criticasters", minimum=0, maximum=1)
    )
    if p is not None and d is not None and p + d > 1 + 1e-12:
        raise ValueError(
            f"promotors + criticasters: {toon(p)} + {toon(d)} is meer dan 1. "
            "Geef aandelen als fractie; samen hoogstens 1 (de rest is passief)."
        )
    variantie = _grootste_variantie(p, d)
    n = _z(bt) ** 2 * variantie / (e / 100.0) ** 2
    if populatie is not None:
        populatie = controleer_getal(populatie, "populatie", minimum=1, geheel=True)
        n = n / (1 + (n - 1) / populatie)
    return max(1, math.ceil(n - 1e-9))


def nps_per_groep(
    data: pd.DataFrame,
    groep: str | list[str],
    score: str = "score",
    *,
    betrouwbaarheid: float = 0.95,
    methode: str = "wald",
) -> pd.DataFrame:
    """NPS met interval per groep (segment, regio, meting …) van een DataFrame.

    Rijen met een lege groepswaarde vormen een eigen groep; niets verdwijnt.

    Parameters
    ----------
    data : pandas.DataFrame
    groep : str or list of str
        Kolom(men) om op te groeperen, bijvoorbeeld ``"segment"`` of ``["meting", "regio"]``.
    score : str, default "score"
        Kolom met antwoorden 0–10.

    Returns
    -------
    pandas.DataFrame
        Per groep: ``n, promotors, passief, criticasters, leeg, nps, foutmarge,
        ondergrens, bovengrens``.

    Examples
    --------
    >>> df = pd.DataFrame({"segment": ["A", "A", "B", "B", "B"], "score": [10, 6, 9, 9, None]})
    >>> nps_per_groep(df, "segment")[["n", "leeg", "nps"]]
             n  leeg    nps
    segment
    A        2     0    0.0
    B        2     1  100.0
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data: verwacht een pandas DataFrame, kreeg {type(data).__name__}.")
    kolommen = [groep] if isinstance(groep, str) else list(groep)
    for k in [*kolommen, score]:
        if k not in data.columns:
            raise ValueError(
                f"groep/score: kolom {k!r} bestaat niet. Beschikbare kolommen: "
                f"{opsomming([repr(c) for c in data.columns], 12)}."
            )
    controleer_betrouwbaarheid(betrouwbaarheid)
    controleer_keuze(methode, "methode", METHODEN)
    als_scorearray(data[score], f"kolom {score!r}")  # meldt foute antwoorden met hun index
    rijen = {}
    for sleutel, deel in data.groupby(kolommen, dropna=False, observed=True, sort=True):
        sleutel = sleutel[0] if len(kolommen) == 1 else sleutel
        t = tel(deel[score])
        rij = {"n": t.n, "promotors": t.promotors, "passief": t.passief}
        rij |= {"criticasters": t.criticasters, "leeg": t.leeg}
        if t.n:
            r = analyse(
                aantallen=(t.promotors, t.passief, t.criticasters),
                betrouwbaarheid=betrouwbaarheid,
                methode=methode,
            )
            rij |= {"nps": r.nps, "foutmarge": r.foutmarge}
            rij |= {"ondergrens": r.ondergrens, "bovengrens": r.bovengrens}
        rijen[sleutel] = rij
    volgorde = ["n", "promotors", "passief", "criticasters", "leeg"]
    volgorde += ["nps", "foutmarge", "ondergrens", "bovengrens"]
    tabel = pd.DataFrame.from_dict(rijen, orient="index").reindex(columns=volgorde)
    if len(kolommen) == 1:
        tabel.index.name = kolommen[0]
    else:
        tabel.index = pd.MultiIndex.from_tuples(tabel.index, names=kolommen)
    return tabel


def wat_als(
    scores: Iterable[Any], omzetting: dict[int, int] | None = None, **opties: Any
) -> tuple[NPSAnalyse, NPSAnalyse]:
    """Wat was de NPS geweest als sommige scores anders waren? (standaard: elke 8 een 9).

    Nederlanders geven een 8 voor "heel goed", maar een 8 telt als *passief*. Deze
    functie laat zien hoeveel dat scheelt.

    Parameters
    ----------
    scores : iterable of int or pandas.Series
        Antwoorden 0–10 (lege antwoorden tellen niet mee).
    omzetting : dict of int to int, default {8: 9}
        Welke score in welke andere verandert.
    **opties
        Doorgegeven aan :func:`analyse` (``betrouwbaarheid``, ``methode``, ``populatie``).

    Returns
    -------
    tuple of NPSAnalyse
        (zoals gemeten, na de omzetting).

    Examples
    --------
    >>> voor, na = wat_als([10, 9, 8, 8, 8, 6])
    >>> voor.nps, na.nps
    (16.666666666666668, 66.66666666666667)
    >>> wat_als([8], {8: 11})
    Traceback (most recent call last):
    ...
    ValueError: omzetting: 11 is te groot. Toegestaan: een geheel getal van 0 tot en met 10.
    """
    omzetting = {8: 9} if omzetting is None else omzetting
    if not isinstance(omzetting, dict) or not omzetting:
        raise TypeError(
            f"omzetting: verwacht een dict zoals {{8: 9}} (oude score: nieuwe score), "
            f"kreeg {toon(omzetting)}."
        )
    tabel = np.arange(11)
    for oud, nieuw in omzetting.items():
        tabel[controleer_getal(oud, "omzetting", minimum=0, maximum=10, geheel=True)] = (
            controleer_getal(nieuw, "omzetting", minimum=0, maximum=10, geheel=True)
        )
    geldig, leeg = als_scorearray(scores)
    if geldig.size == 0:
        raise _geen_antwoorden(leeg)
    voor = analyse(geldig, **opties)
    na = analyse(tabel[geldig], **opties)
    return replace(voor, leeg=leeg), replace(na, leeg=leeg)
