"""Grafiek bij de waardestrategieën: het profiel van de drie disciplines en de drempel.

Examples
--------
>>> fig = strategie_profiel(
...     {"operational_excellence": 3.4, "customer_intimacy": 4.6, "product_leadership": 3.2}
... )
>>> print(fig.axes[0].get_title())
Strategieprofiel: customer intimacy leidt duidelijk
CRM als bedrijfsstrategie past
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from klanttools._controle import controleer_getal, toon
from klanttools.grafieken._stijl import ACCENT, DONKER, begin, getal, klaar, stijl
from klanttools.waardestrategie import DISCIPLINES, NAMEN, Beoordeling, beoordeel

__all__ = ["profiel_titel", "strategie_profiel"]

KLEUR_DOMINANT = "#2c7bb6"
KLEUR_OVERIG = "#a6c8e0"


def _kort(discipline: str) -> str:
    """'Customer intimacy (beste totaaloplossing)' → 'customer intimacy'."""
    return NAMEN[discipline].split(" (")[0].lower()


def _score(x: float) -> str:
    """Score met één of twee decimalen, zoals in de uitleg van beoordeel (3,0 en 3,25)."""
    return getal(x, 1 if abs(10 * x - round(10 * x)) < 1e-9 else 2)


def _crm_oordeel(b: Beoordeling) -> str:
    if b.crm_fit:
        return "CRM als bedrijfsstrategie past"
    if b.dominant == "customer_intimacy":
        return "CRM past (nog) niet: eerst de basis op orde"
    if b.dominant is not None:
        return "CRM als bedrijfsstrategie past minder goed"
    return "CRM is (nog) niet de logische stap: eerst kiezen"


def profiel_titel(b: Beoordeling) -> str:
    """De kop van het profiel: welke strategie leidt en of CRM past (twee regels).

    Dezelfde tekst staat boven de grafiek en boven de HTML-versie in de Strategie-fit.

    >>> from klanttools.waardestrategie import VOORBEELDBEDRIJVEN, beoordeel, profiel
    >>> print(profiel_titel(beoordeel(profiel(VOORBEELDBEDRIJVEN["Vormkracht Labs"].antwoorden))))
    Strategieprofiel: product leadership leidt duidelijk
    CRM als bedrijfsstrategie past minder goed
    """
    kop = (
        f"{_kort(b.dominant)} leidt duidelijk"
        if b.dominant is not None
        else "geen strategie leidt duidelijk"
    )
    return f"Strategieprofiel: {kop}\n{_crm_oordeel(b)}"


def strategie_profiel(
    beoordeling_of_profiel: Beoordeling | Mapping[str, float] | pd.Series,
    *,
    drempel: float | None = None,
    voorsprong: float | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Staafdiagram van het strategieprofiel: drie waardestrategieën op een schaal van 1 tot 5.

    De dominante strategie (als die er is) is donkerblauw, de andere lichtblauw.
    De rode stippellijn is de drempel; een strategie eronder krijgt de tekst
    "onder drempel". De titel zegt welke strategie leidt en of CRM past, met
    hetzelfde oordeel als :func:`klanttools.waardestrategie.beoordeel`.

    Parameters
    ----------
    beoordeling_of_profiel : Beoordeling, dict of pandas.Series
        De uitkomst van ``beoordeel(...)``, of een profiel zoals ``profiel(antwoorden)``
        teruggeeft (de drie sleutels uit ``DISCIPLINES`` met een score van 1 tot 5).
    drempel : float, optional
        Het minimale niveau (1–5), standaard 3,0. Bij een Beoordeling geldt haar
        eigen drempel; geef je een andere, dan wordt het profiel opnieuw beoordeeld.
    voorsprong : float, optional
        Vereiste voorsprong voor een dominante strategie, standaard 0,75 (zie
        ``beoordeel``); bij een Beoordeling haar eigen voorsprong.
    ax : matplotlib.axes.Axes, optional
        Teken in deze assen in plaats van in een nieuwe figuur.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError
        Als ``beoordeling_of_profiel`` geen Beoordeling, dict of Series is.
    ValueError
        De meldingen van ``beoordeel`` (onbekende sleutel, score buiten 1–5 …).

    Examples
    --------
    >>> from klanttools.waardestrategie import VOORBEELDBEDRIJVEN, beoordeel, profiel
    >>> b = beoordeel(profiel(VOORBEELDBEDRIJVEN["Vormkracht Labs"].antwoorden))
    >>> ax = strategie_profiel(b).axes[0]
    >>> [t.get_text() for t in ax.texts]
    ['2,4\\nonder drempel', '3,0', '4,8']
    >>> strategie_profiel([4, 3, 3])
    Traceback (most recent call last):
    ...
    TypeError: beoordeling_of_profiel: verwacht een Beoordeling (uitkomst van beoordeel) of een profiel-dict zoals profiel(antwoorden) teruggeeft, kreeg list: [4, 3, 3].
    """
    if isinstance(beoordeling_of_profiel, Beoordeling):
        b = beoordeling_of_profiel
        nieuwe_drempel = b.drempel if drempel is None else drempel
        nieuwe_voorsprong = b.voorsprong if voorsprong is None else voorsprong
        if nieuwe_drempel != b.drempel or nieuwe_voorsprong != b.voorsprong:
            b = beoordeel(b.profiel, drempel=nieuwe_drempel, voorsprong=nieuwe_voorsprong)
    elif isinstance(beoordeling_of_profiel, Mapping | pd.Series):
        b = beoordeel(
            beoordeling_of_profiel,
            drempel=3.0 if drempel is None else drempel,
            voorsprong=0.75 if voorsprong is None else voorsprong,
        )
    else:
        raise TypeError(
            "beoordeling_of_profiel: verwacht een Beoordeling (uitkomst van beoordeel) of een "
            "profiel-dict zoals profiel(antwoorden) teruggeeft, kreeg "
            f"{type(beoordeling_of_profiel).__name__}: {toon(beoordeling_of_profiel)[:40]}."
        )
    grens = float(controleer_getal(b.drempel, "drempel", minimum=1, maximum=5))
    scores = np.array([b.profiel[d] for d in DISCIPLINES], dtype="float64")

    with stijl():
        figuur, ax, eigen = begin(ax, (8, 5))
        posities = np.arange(len(DISCIPLINES))
        kleuren = [KLEUR_DOMINANT if d == b.dominant else KLEUR_OVERIG for d in DISCIPLINES]
        ax.bar(posities, scores - 1, bottom=1, width=0.6, color=kleuren, label="_nolegend_")
        for x, d, s in zip(posities, DISCIPLINES, scores, strict=True):
            onder = not b.drempel_gehaald[d]
            ax.text(
                x,
                s + 0.05,
                _score(s) + ("\nonder drempel" if onder else ""),
                ha="center",
                va="bottom",
                color=ACCENT if onder else DONKER,
                fontweight="bold",
                fontsize="medium",
            )
        ax.axhline(grens, color=ACCENT, linestyle="--", linewidth=1.5, gid="drempel")
        ax.set_xticks(posities, labels=[NAMEN[d].replace(" (", "\n(") for d in DISCIPLINES])
        ax.set_xlim(-0.6, len(DISCIPLINES) - 0.4)
        ax.set_ylim(1, 5.75)
        ax.set_yticks([1, 2, 3, 4, 5])
        ax.xaxis.grid(False)
        ax.set_ylabel("Gemiddelde score (1–5)")
        ax.set_title(profiel_titel(b))
        handvatten: list[Any] = []
        if b.dominant is not None:
            handvatten.append(Patch(facecolor=KLEUR_DOMINANT, label="dominante strategie"))
            handvatten.append(Patch(facecolor=KLEUR_OVERIG, label="overige strategieën"))
        else:
            handvatten.append(Patch(facecolor=KLEUR_OVERIG, label="geen dominante strategie"))
        handvatten.append(
            Line2D(
                [],
                [],
                color=ACCENT,
                linestyle="--",
                linewidth=1.5,
                label=f"drempel {_score(grens)}",
            )
        )
        ax.legend(handles=handvatten, loc="upper center", ncol=len(handvatten), fontsize="small")
        return klaar(figuur, ax, eigen)
