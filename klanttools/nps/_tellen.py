"""NPS tellen: de categorie van een score, de telling en de NPS zelf.

Zie :mod:`klanttools.nps` voor de definitie.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from klanttools._controle import (
    als_scorearray,
    controleer_getal,
)

CATEGORIEEN = ("promotor", "passief", "criticaster")
"""De drie NPS-categorieën, van hoog naar laag."""

METHODEN = ("wald", "aangepaste_wald")
"""Methoden voor het betrouwbaarheidsinterval."""


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
