"""Twee NPS'en vergelijken: verschil, foutmarge van het verschil en p-waarde."""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

import pandas as pd

from klanttools._controle import (
    controleer_betrouwbaarheid,
    getal_nl,
    opsomming,
    toon,
)
from klanttools.nps._analyse import NPSAnalyse, analyse


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
