"""Grafiek bij de customer rating: de accounts op volgorde van hun gewogen totaal.

Examples
--------
>>> import pandas as pd
>>> from klanttools.klantrating import klantrating
>>> scores = pd.DataFrame({"omzet": [8, 4], "relatie": [6, 7]}, index=["Bakker", "Smit"])
>>> tabel = klantrating(scores, {"omzet": 2, "relatie": 1}, minimum_totaal=20)
>>> fig = klantrating_ranking(tabel, minimum_totaal=20)
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
['1. Bakker', '2. Smit']
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from klanttools._controle import controleer_getal, controleer_tabel, toon
from klanttools.grafieken._stijl import (
    ACCENT,
    KLEUREN_SELECTIE,
    GetalFormatter,
    begin,
    decimalen_nodig,
    getal,
    klaar,
    kort_getal,
    stijl,
)

__all__ = ["klantrating_ranking"]

_VERPLICHT = ("totaal", "rang", "geselecteerd")


def klantrating_ranking(
    tabel: pd.DataFrame,
    *,
    minimum_totaal: float | None = None,
    max_aantal: int | None = 30,
    ax: Axes | None = None,
) -> Figure:
    """Liggende staven van het gewogen totaal per account, van hoogste naar laagste rang.

    Geselecteerde accounts zijn blauw, afgevallen accounts grijs. Een afgevallen
    account met een hoog totaal is afgevallen op een knock-out (zie de kolom
    ``reden`` van de tabel).

    Parameters
    ----------
    tabel : pandas.DataFrame
        De uitkomst van :func:`klanttools.klantrating.klantrating` (minstens de
        kolommen ``totaal``, ``rang`` en ``geselecteerd``).
    minimum_totaal : float, optional
        Teken de minimumtotaalregel als verticale lijn. Geef hetzelfde getal als
        bij ``klantrating``; de tabel onthoudt het niet.
    max_aantal : int or None, default 30
        Toon hoogstens zoveel accounts (de hoogste rangen); de titel zegt het als
        er accounts zijn weggelaten. ``None``: alle accounts.
    ax : matplotlib.axes.Axes, optional
        Teken in deze assen in plaats van in een nieuwe figuur.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError
        Als ``tabel`` geen DataFrame is, ``geselecteerd`` geen True/False bevat, of
        ``minimum_totaal`` of ``max_aantal`` geen getal is.
    ValueError
        Als er kolommen ontbreken of de tabel leeg is.

    Examples
    --------
    >>> import pandas as pd
    >>> from klanttools.klantrating import klantrating
    >>> scores = pd.DataFrame({"omzet": [8, 4, 9]}, index=["Bakker", "Smit", "Jansen"])
    >>> tabel = klantrating(scores, {"omzet": 10}, minimum_totaal=50)
    >>> ax = klantrating_ranking(tabel, minimum_totaal=50).axes[0]
    >>> ax.get_title()
    'Customer rating: ranglijst op totaal'
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['geselecteerd', 'afgevallen', 'minimumtotaal 50']
    """
    controleer_tabel(tabel, "tabel", _VERPLICHT, "klantrating(scores, gewichten)")
    if len(tabel) == 0:
        raise ValueError("tabel: de tabel is leeg (0 accounts). Nodig: minstens één account.")
    if not pd.api.types.is_bool_dtype(tabel["geselecteerd"].dtype):
        raise TypeError(
            "tabel: kolom 'geselecteerd' bevat geen True/False maar "
            f"{tabel['geselecteerd'].dtype}. Maak de tabel met klantrating(scores, gewichten)."
        )
    if minimum_totaal is not None:
        minimum_totaal = float(controleer_getal(minimum_totaal, "minimum_totaal"))
    if max_aantal is not None:
        if isinstance(max_aantal, bool) or not isinstance(max_aantal, numbers.Integral):
            raise TypeError(
                f"max_aantal: {toon(max_aantal)} is geen geheel getal. Toegestaan: None "
                "(alle accounts) of een geheel getal van 1 of meer."
            )
        max_aantal = controleer_getal(max_aantal, "max_aantal", minimum=1, geheel=True)

    gesorteerd = tabel.sort_values("rang", kind="stable")
    totaal_aantal = len(gesorteerd)
    if max_aantal is not None and totaal_aantal > max_aantal:
        gesorteerd = gesorteerd.iloc[:max_aantal]
    totalen = gesorteerd["totaal"].to_numpy(dtype="float64")
    gekozen = gesorteerd["geselecteerd"].to_numpy(dtype=bool)
    labels = [f"{r}. {a}" for a, r in zip(gesorteerd.index, gesorteerd["rang"], strict=True)]
    decimalen = decimalen_nodig(totalen, 1)

    with stijl():
        figuur, ax, eigen = begin(ax, (9, 1.8 + 0.36 * len(gesorteerd)))
        kleuren = [
            KLEUREN_SELECTIE["geselecteerd"] if g else KLEUREN_SELECTIE["afgevallen"]
            for g in gekozen
        ]
        posities = np.arange(len(gesorteerd))
        staven = ax.barh(posities, totalen, height=0.7, color=kleuren, label="_nolegend_")
        ax.bar_label(
            staven,
            labels=[getal(t, decimalen) for t in totalen],
            padding=3,
            fontsize="small",
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 0.5},
            zorder=4,
        )
        ax.set_yticks(posities, labels=labels)
        ax.set_ylim(len(gesorteerd) - 0.4, -0.6)
        ax.yaxis.grid(False)
        uitersten = [*totalen, 0.0] + ([minimum_totaal] if minimum_totaal is not None else [])
        laag, hoog = min(uitersten), max(uitersten)
        ruimte = 0.12 * (hoog - laag) if hoog > laag else 1.0
        ax.set_xlim(laag - (ruimte if laag < 0 else 0), hoog + ruimte)
        ax.xaxis.set_major_formatter(GetalFormatter())
        ax.set_xlabel("Gewogen totaal (som van gewicht × score)")
        ax.set_ylabel("Account (rang)")
        titel = "Customer rating: ranglijst op totaal"
        if len(gesorteerd) < totaal_aantal:
            titel += f"\n(de hoogste {len(gesorteerd)} van {totaal_aantal} accounts)"
        ax.set_title(titel)

        handvatten: list[Any] = [
            Patch(facecolor=KLEUREN_SELECTIE["geselecteerd"], label="geselecteerd"),
            Patch(facecolor=KLEUREN_SELECTIE["afgevallen"], label="afgevallen"),
        ]
        if minimum_totaal is not None:
            ax.axvline(
                minimum_totaal, color=ACCENT, linestyle="--", linewidth=1.5, gid="minimum_totaal"
            )
            handvatten.append(
                Line2D(
                    [],
                    [],
                    color=ACCENT,
                    linestyle="--",
                    linewidth=1.5,
                    label=f"minimumtotaal {kort_getal(minimum_totaal)}",
                )
            )
        ax.legend(handles=handvatten, loc="lower right")
        return klaar(figuur, ax, eigen)
