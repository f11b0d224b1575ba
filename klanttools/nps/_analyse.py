"""De NPS met foutmarge en betrouwbaarheidsinterval (Wald, aangepaste Wald), en de steekproefgrootte."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

from klanttools._controle import (
    controleer_betrouwbaarheid,
    controleer_getal,
    controleer_keuze,
    getal_nl,
    toon,
)
from klanttools.nps._tellen import METHODEN, _controleer_aantallen, _geen_antwoorden, tel

# Pseudo-antwoorden van de aangepaste Wald-methode (Rocks, 2016).
_EXTRA_PROMOTORS, _EXTRA_PASSIEF, _EXTRA_CRITICASTERS = 0.75, 1.5, 0.75


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
