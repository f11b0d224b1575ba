"""Grafiek bij de salesprocessen: de sales funnel met de conversie per stap.

Examples
--------
>>> from klanttools.processen import conversie
>>> fig = funnel(conversie({"suspect": 1000, "lead": 100, "prospect": 30, "klant": 10}))
>>> fig.axes[0].get_title()
'Salesfunnel: van suspect tot klant'
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from klanttools._controle import controleer_tabel
from klanttools.grafieken._stijl import DONKER, begin, getal, klaar, procent, stijl

__all__ = ["funnel"]

_VERPLICHT = ("aantal", "conversie")


def funnel(conversie_tabel: pd.DataFrame, *, ax: Axes | None = None) -> Figure:
    """Trechter van de sales funnel: één gecentreerde staaf per fase, met de conversies.

    Elke staaf is zo breed als het aantal in die fase. Tussen twee fasen staat
    welk deel van de vorige fase doorstroomt; onder de grafiek de conversie van
    de eerste naar de laatste fase.

    Parameters
    ----------
    conversie_tabel : pandas.DataFrame
        De uitkomst van :func:`klanttools.processen.conversie` (index: de fasen;
        minstens de kolommen ``aantal`` en ``conversie``).
    ax : matplotlib.axes.Axes, optional
        Teken in deze assen in plaats van in een nieuwe figuur.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError
        Als ``conversie_tabel`` geen DataFrame is (geef losse aantallen eerst aan
        ``conversie``).
    ValueError
        Als er kolommen ontbreken of de tabel leeg is.

    Examples
    --------
    >>> from klanttools.processen import conversie
    >>> ax = funnel(conversie([1000, 100, 30, 10])).axes[0]
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "conversie"]
    ['↓ 10,0% wordt lead', '↓ 30,0% wordt prospect', '↓ 33,3% wordt klant']
    >>> ax.get_xlabel()
    'Van suspect tot klant: 1,0%'
    """
    controleer_tabel(
        conversie_tabel,
        "conversie_tabel",
        _VERPLICHT,
        "conversie(aantallen)",
        voorbeeld="Bijvoorbeeld: funnel(conversie({'suspect': 1000, 'lead': 100, 'prospect': 30, 'klant': 10})).",
    )
    if len(conversie_tabel) == 0:
        raise ValueError(
            "conversie_tabel: de tabel is leeg. Nodig: minstens één fase; maak de tabel met "
            "conversie(aantallen)."
        )
    fasen = [str(f) for f in conversie_tabel.index]
    aantallen = pd.to_numeric(conversie_tabel["aantal"], errors="coerce").to_numpy(
        dtype="float64", na_value=np.nan
    )
    if np.isnan(aantallen).any() or (aantallen < 0).any():
        raise ValueError(
            "conversie_tabel: kolom 'aantal' bevat lege of negatieve waarden. Maak de tabel "
            "met conversie(aantallen)."
        )
    stappen = pd.to_numeric(conversie_tabel["conversie"], errors="coerce").to_numpy(
        dtype="float64", na_value=np.nan
    )
    breedste = max(float(aantallen.max()), 1.0)
    kleuren = mpl.colormaps["Blues"](np.linspace(0.85, 0.45, len(fasen)))

    with stijl():
        figuur, ax, eigen = begin(ax, (8, 1.4 + 0.9 * len(fasen)))
        posities = np.arange(len(fasen))
        ax.barh(posities, aantallen, left=-aantallen / 2, height=0.62, color=kleuren)
        for y, aantal in zip(posities, aantallen, strict=True):
            binnen = aantal >= 0.22 * breedste
            ax.text(
                0 if binnen else aantal / 2 + 0.015 * breedste,
                y,
                getal(aantal, 0),
                ha="center" if binnen else "left",
                va="center",
                color="white" if binnen else DONKER,
                fontweight="bold",
                gid="aantal",
            )
        for y, (fase, stap) in enumerate(zip(fasen[1:], stappen[1:], strict=True), start=1):
            tekst = (
                f"↓ {procent(stap, 1)} wordt {fase}"
                if np.isfinite(stap)
                else f"↓ geen conversie naar {fase} (vorige fase is 0)"
            )
            ax.text(
                0.53 * breedste,
                y - 0.5,
                tekst,
                ha="left",
                va="center",
                fontsize="small",
                color=DONKER,
                gid="conversie",
            )
        ax.set_yticks(posities, labels=[f.capitalize() for f in fasen])
        ax.set_ylim(len(fasen) - 0.5, -0.5)
        ax.set_xlim(-0.52 * breedste, 1.05 * breedste)
        ax.set_xticks([])
        ax.grid(False)
        for kant in ("top", "right", "bottom", "left"):
            ax.spines[kant].set_visible(False)
        if len(fasen) > 1 and aantallen[0] > 0:
            ax.set_xlabel(
                f"Van {fasen[0]} tot {fasen[-1]}: {procent(aantallen[-1] / aantallen[0], 1)}"
            )
        ax.set_title(f"Salesfunnel: van {fasen[0]} tot {fasen[-1]}")
        return klaar(figuur, ax, eigen)
