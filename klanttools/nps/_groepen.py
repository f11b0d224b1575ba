"""De NPS per groep (segment, meting) en de vraag 'wat als elke 8 een 9 was?'."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from klanttools._controle import (
    als_scorearray,
    controleer_betrouwbaarheid,
    controleer_getal,
    controleer_keuze,
    opsomming,
    toon,
)
from klanttools.nps._analyse import NPSAnalyse, analyse
from klanttools.nps._tellen import METHODEN, _geen_antwoorden, tel


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
