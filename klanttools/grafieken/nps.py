"""Grafieken bij de Net Promoter Score: verdeling, staaf met aandelen en intervallen per groep.

Examples
--------
>>> fig = nps_verdeling([10, 9, 8, 3])
>>> fig.axes[0].get_title()
'Verdeling van de antwoorden'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from klanttools._controle import als_scorearray, controleer_tabel, opsomming, toon
from klanttools.grafieken._stijl import (
    DONKER,
    KLEUREN_NPS,
    LIJN,
    GetalFormatter,
    begin,
    getal,
    klaar,
    stijl,
)
from klanttools.nps import NPSAnalyse, categorie, nps_uit_aantallen
from klanttools.nps._tellen import _geen_antwoorden

__all__ = ["nps_intervallen", "nps_staaf", "nps_verdeling"]

_NAAM = {"criticaster": "Criticasters", "passief": "Passief", "promotor": "Promotors"}
_BEREIK = {"criticaster": "0–6", "passief": "7–8", "promotor": "9–10"}
_VAN_LAAG_NAAR_HOOG = ("criticaster", "passief", "promotor")
_TEKST_OP_KLEUR = {"criticaster": "white", "passief": DONKER, "promotor": "white"}


def _aantal_tekst(aantal: int, enkelvoud: str, meervoud: str) -> str:
    return f"{getal(aantal, 0)} {enkelvoud if aantal == 1 else meervoud}"


def nps_verdeling(
    scores: Iterable[Any], *, titel: str | None = None, ax: Axes | None = None
) -> Figure:
    """Staafdiagram van de scores 0 tot en met 10, gekleurd per NPS-categorie.

    Er staan altijd elf staven, ook voor scores die niemand gaf. De legenda noemt
    per categorie het aantal en het aandeel, met de NPS en n als titel. Lege
    antwoorden tellen niet mee; hun aantal staat erbij.

    Parameters
    ----------
    scores : iterable of int or pandas.Series
        Antwoorden 0–10, bijvoorbeeld ``enquete["score"]``. Lege antwoorden
        (None, NaN, pd.NA) mogen.
    titel : str, optional
        Titel boven de grafiek (standaard "Verdeling van de antwoorden").
    ax : matplotlib.axes.Axes, optional
        Teken in deze assen in plaats van in een nieuwe figuur.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError, ValueError
        Met de Nederlandse melding van :func:`klanttools.nps.tel` bij foute
        antwoorden, of als er geen enkel geldig antwoord is.

    Examples
    --------
    >>> fig = nps_verdeling([10, 9, 8, None, 3])
    >>> ax = fig.axes[0]
    >>> len(ax.containers[0]), ax.get_xlabel()
    (11, 'Score op de aanbevelingsvraag (0–10)')
    >>> print(ax.get_legend().get_title().get_text())
    NPS 25,0 (n = 4)
    1 leeg antwoord niet meegeteld
    """
    geldig, leeg = als_scorearray(scores, "scores")
    if geldig.size == 0:
        raise _geen_antwoorden(leeg)
    aantallen = np.bincount(geldig, minlength=11)
    per_categorie = {
        "promotor": int(aantallen[9:].sum()),
        "passief": int(aantallen[7:9].sum()),
        "criticaster": int(aantallen[:7].sum()),
    }
    n = int(geldig.size)
    score = nps_uit_aantallen(
        per_categorie["promotor"], per_categorie["passief"], per_categorie["criticaster"]
    )

    with stijl():
        figuur, ax, eigen = begin(ax, (8, 4.5))
        posities = np.arange(11)
        kleuren = [KLEUREN_NPS[categorie(s)] for s in range(11)]
        staven = ax.bar(posities, aantallen, width=0.8, color=kleuren, label="_nolegend_")
        ax.bar_label(staven, labels=[getal(a, 0) for a in aantallen], padding=2, fontsize="small")
        ax.set_xticks(posities)
        ax.set_xlim(-0.6, 10.6)
        ax.set_ylim(0, max(int(aantallen.max()), 1) * 1.55)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(GetalFormatter())
        ax.xaxis.grid(False)
        ax.set_xlabel("Score op de aanbevelingsvraag (0–10)")
        ax.set_ylabel("Aantal antwoorden")
        ax.set_title(titel if titel is not None else "Verdeling van de antwoorden")

        handvatten = [
            Patch(
                facecolor=KLEUREN_NPS[c],
                label=(
                    f"{_NAAM[c]} ({_BEREIK[c]}): {getal(per_categorie[c], 0)} "
                    f"({getal(100 * per_categorie[c] / n)}%)"
                ),
            )
            for c in _VAN_LAAG_NAAR_HOOG
        ]
        kop = f"NPS {getal(score)} (n = {getal(n, 0)})"
        if leeg:
            kop += f"\n{_aantal_tekst(leeg, 'leeg antwoord', 'lege antwoorden')} niet meegeteld"
        # De legenda komt boven de kant met de laagste staven.
        plek = "upper left" if aantallen[:5].max() <= aantallen[6:].max() else "upper right"
        legenda = ax.legend(handles=handvatten, title=kop, loc=plek)
        legenda.get_title().set_multialignment("left")
        return klaar(figuur, ax, eigen)


def nps_staaf(resultaat: NPSAnalyse, *, ax: Axes | None = None) -> Figure:
    """Eén liggende staaf met de aandelen criticasters, passief en promotors.

    De titel noemt de NPS met de foutmarge, het betrouwbaarheidsinterval en n.

    Parameters
    ----------
    resultaat : NPSAnalyse
        De uitkomst van :func:`klanttools.nps.analyse`.
    ax : matplotlib.axes.Axes, optional
        Teken in deze assen in plaats van in een nieuwe figuur.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError
        Als ``resultaat`` geen NPSAnalyse is.

    Examples
    --------
    >>> from klanttools.nps import analyse
    >>> fig = nps_staaf(analyse(aantallen=(90, 60, 50)))
    >>> print(fig.axes[0].get_title())
    NPS 20,0 ± 11,3 punten (n = 200)
    95%-interval: 8,7 tot 31,3
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['25,0%', '30,0%', '45,0%']
    """
    if not isinstance(resultaat, NPSAnalyse):
        raise TypeError(
            "resultaat: verwacht een NPSAnalyse, de uitkomst van analyse(...) uit "
            f"klanttools.nps, kreeg {type(resultaat).__name__}: {toon(resultaat)[:40]}. "
            "Bijvoorbeeld: nps_staaf(analyse(scores))."
        )
    r = resultaat
    aandelen = {
        "criticaster": r.aandeel_criticasters,
        "passief": r.aandeel_passief,
        "promotor": r.aandeel_promotors,
    }
    betrouwbaarheid = getal(
        100 * r.betrouwbaarheid, 0 if (100 * r.betrouwbaarheid).is_integer() else 1
    )

    with stijl():
        figuur, ax, eigen = begin(ax, (8, 2.8))
        links = 0.0
        for c in _VAN_LAAG_NAAR_HOOG:
            breedte = 100 * aandelen[c]
            ax.barh(
                [0],
                [breedte],
                left=links,
                height=0.6,
                color=KLEUREN_NPS[c],
                label=f"{_NAAM[c]} ({_BEREIK[c]}): {getal(breedte)}%",
            )
            if breedte >= 7:
                ax.text(
                    links + breedte / 2,
                    0,
                    f"{getal(breedte)}%",
                    ha="center",
                    va="center",
                    color=_TEKST_OP_KLEUR[c],
                    fontweight="bold",
                )
            links += breedte
        ax.set_xlim(0, 100)
        ax.set_ylim(-0.5, 0.5)
        ax.set_yticks([])
        ax.xaxis.set_major_formatter(GetalFormatter(achtervoegsel="%"))
        ax.yaxis.grid(False)
        ax.set_xlabel("Aandeel van de antwoorden")
        ax.set_title(
            f"NPS {getal(r.nps)} ± {getal(r.foutmarge)} punten (n = {getal(r.n, 0)})\n"
            f"{betrouwbaarheid}%-interval: {getal(r.ondergrens)} tot {getal(r.bovengrens)}"
        )
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45), ncol=3, frameon=False)
        return klaar(figuur, ax, eigen)


_VERPLICHT_INTERVALLEN = ("n", "nps", "ondergrens", "bovengrens")


def _groepslabel(sleutel: Any) -> str:
    delen = sleutel if isinstance(sleutel, tuple) else (sleutel,)
    teksten = []
    for deel in delen:
        leeg = deel is None or (not isinstance(deel, str) and bool(pd.isna(deel)))
        teksten.append("(leeg)" if leeg else str(deel))
    return " · ".join(teksten)


def nps_intervallen(
    tabel: pd.DataFrame, *, titel: str | None = None, ax: Axes | None = None
) -> Figure:
    """NPS per groep (segment, meting …) als punt met het betrouwbaarheidsinterval.

    De groepen staan onder elkaar in de volgorde van de tabel, met n achter de
    naam. Een stippellijn markeert NPS 0. Een groep zonder antwoorden krijgt geen
    punt maar de tekst "geen antwoorden".

    Parameters
    ----------
    tabel : pandas.DataFrame
        De uitkomst van :func:`klanttools.nps.nps_per_groep` (minstens de kolommen
        ``n``, ``nps``, ``ondergrens`` en ``bovengrens``). Bij een MultiIndex
        worden de delen van de naam samengevoegd, zoals "najaar 2025 · Noord".
    titel : str, optional
        Titel boven de grafiek (standaard "NPS per <groep>" met een uitleg van punt en lijn).
    ax : matplotlib.axes.Axes, optional
        Teken in deze assen in plaats van in een nieuwe figuur.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError
        Als ``tabel`` geen DataFrame is.
    ValueError
        Als er kolommen ontbreken, de tabel leeg is, of een groep met antwoorden
        geen NPS heeft.

    Examples
    --------
    >>> from klanttools.nps import nps_per_groep
    >>> df = pd.DataFrame({"segment": ["A", "A", "B", "B"], "score": [10, 6, 9, 9]})
    >>> ax = nps_intervallen(nps_per_groep(df, "segment")).axes[0]
    >>> print(ax.get_title())
    NPS per segment
    (punt: NPS, lijn: betrouwbaarheidsinterval)
    >>> len(ax.containers)
    2
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['A (n = 2)', 'B (n = 2)']
    """
    controleer_tabel(tabel, "tabel", _VERPLICHT_INTERVALLEN, "nps_per_groep(data, groep)")
    if len(tabel) == 0:
        raise ValueError("tabel: de tabel is leeg (0 groepen). Nodig: minstens één groep.")
    n = pd.to_numeric(tabel["n"], errors="coerce").fillna(0).astype("int64").to_numpy()
    waarden = {
        k: pd.to_numeric(tabel[k], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        for k in ("nps", "ondergrens", "bovengrens")
    }
    zonder = [
        _groepslabel(s)
        for s, aantal, w in zip(tabel.index, n, waarden["nps"], strict=True)
        if aantal > 0 and np.isnan(w)
    ]
    if zonder:
        raise ValueError(
            f"tabel: groep {opsomming([repr(z) for z in zonder])} heeft antwoorden maar geen "
            "NPS. Maak de tabel opnieuw met nps_per_groep(data, groep)."
        )
    namen = [str(nm) for nm in tabel.index.names if nm is not None]
    labels = [
        f"{_groepslabel(s)} (n = {getal(aantal, 0)})"
        for s, aantal in zip(tabel.index, n, strict=True)
    ]

    with stijl():
        breedte = 8 if max(len(label) for label in labels) <= 28 else 9.5
        figuur, ax, eigen = begin(ax, (breedte, 1.8 + 0.55 * len(tabel)))
        ax.axvline(0, color=LIJN, linestyle="--", linewidth=1, zorder=1, gid="nullijn")
        for y, (aantal, punt, onder, boven) in enumerate(
            zip(n, waarden["nps"], waarden["ondergrens"], waarden["bovengrens"], strict=True)
        ):
            if aantal == 0:
                ax.text(
                    0,
                    y,
                    "geen antwoorden",
                    ha="center",
                    va="center",
                    style="italic",
                    color="#6e6e6e",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 2},
                    gid="geen_antwoorden",
                )
                continue
            ax.errorbar(
                [punt],
                [y],
                xerr=[[max(punt - onder, 0.0)], [max(boven - punt, 0.0)]],
                fmt="o",
                color=DONKER,
                ecolor=DONKER,
                elinewidth=2,
                capsize=5,
                markersize=7,
                zorder=3,
            )
            ax.annotate(
                getal(punt),
                (punt, y),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize="small",
            )
        laag = np.nanmin(np.append(waarden["ondergrens"], 0.0))
        hoog = np.nanmax(np.append(waarden["bovengrens"], 0.0))
        marge = max(5.0, 0.08 * (hoog - laag))
        ax.set_xlim(max(-105.0, laag - marge), min(105.0, hoog + marge))
        ax.set_ylim(len(tabel) - 0.4, -0.6)
        ax.set_yticks(range(len(tabel)), labels=labels)
        ax.yaxis.grid(False)
        ax.xaxis.set_major_formatter(GetalFormatter())
        ax.set_xlabel("NPS (van -100 tot +100)")
        groepsnaam = " en ".join(namen) if namen else "groep"
        ax.set_ylabel(groepsnaam[0].upper() + groepsnaam[1:])
        standaard = f"NPS per {groepsnaam}\n(punt: NPS, lijn: betrouwbaarheidsinterval)"
        ax.set_title(titel if titel is not None else standaard)
        return klaar(figuur, ax, eigen)
