"""Grafiek bij de eenheid Technologie: aandelen per periode (bijvoorbeeld omzet per kanaal).

De student rekent de tabel zelf uit met pandas (``pivot_table`` en delen door het
rijtotaal); deze functie tekent hem alleen.

Examples
--------
>>> import pandas as pd
>>> tabel = pd.DataFrame(
...     {"webshop": [10.0, 22.5], "telefoon": [90.0, 77.5]}, index=["2026-01", "2026-02"]
... )
>>> fig = aandelen_per_periode(tabel, titel="Omzet per kanaal", markeer="2026-02")
>>> fig.axes[0].get_ylabel()
'Aandeel (%)'
>>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "laatste"]
['22,5%', '77,5%']
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from klanttools._controle import controleer_tabel
from klanttools.grafieken._stijl import ACCENT, LIJN, begin, getal, klaar, stijl

__all__ = ["aandelen_per_periode"]


def aandelen_per_periode(
    tabel: pd.DataFrame,
    *,
    titel: str = "Aandeel per periode",
    markeer: Any = None,
    markeer_tekst: str = "",
    ax: Axes | None = None,
) -> Figure:
    """Teken per kolom een lijn met het aandeel (in procenten) per periode.

    Parameters
    ----------
    tabel : pandas.DataFrame
        Eén rij per periode (de index, op volgorde: maanden, kwartalen, …) en één kolom
        per groep (bijvoorbeeld de kanalen), met in elke cel een percentage van 0 tot en
        met 100.
    titel : str
        De titel boven de grafiek.
    markeer : optional
        Een waarde uit de index waar een verticale stippellijn komt (bijvoorbeeld de
        maand waarin de nieuwe webshop live ging).
    markeer_tekst : str
        Tekst bij die lijn.
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
        Als de tabel leeg is, niet-numerieke of lege waarden heeft, een waarde buiten
        0–100 heeft, of als ``markeer`` niet in de index staat.
    """
    controleer_tabel(
        tabel,
        "tabel",
        [],
        "pivot_table(...) gedeeld door het totaal per rij, keer 100",
        voorbeeld="Bijvoorbeeld: een tabel met de maanden als index en de kanalen als kolommen.",
    )
    if tabel.shape[0] == 0 or tabel.shape[1] == 0:
        raise ValueError("tabel: de tabel is leeg. Nodig: minstens één periode en één kolom.")
    waarden = tabel.apply(pd.to_numeric, errors="coerce")
    if waarden.isna().any().any():
        kolommen = [str(k) for k in waarden.columns[waarden.isna().any()]]
        raise ValueError(
            f"tabel: lege of niet-numerieke waarden in kolom(men) {', '.join(kolommen)}. "
            "Nodig: in elke cel een percentage van 0 tot en met 100 (vul ontbrekende "
            "aandelen met 0, bijvoorbeeld met .fillna(0))."
        )
    if ((waarden < 0) | (waarden > 100 + 1e-9)).any().any():
        raise ValueError(
            "tabel: percentages moeten tussen 0 en 100 liggen. Deelde je door het totaal "
            "per rij en vermenigvuldigde je met 100 (niet met 10 000)?"
        )
    perioden = [str(p) for p in tabel.index]
    if markeer is not None and str(markeer) not in perioden:
        raise ValueError(
            f"markeer: {markeer!r} staat niet in de index van de tabel. Kies een van: "
            f"{', '.join(perioden[:6])}{' …' if len(perioden) > 6 else ''}."
        )

    x = np.arange(len(perioden))
    with stijl():
        figuur, ax, eigen = begin(ax, (9, 4.5))
        for kolom in waarden.columns:
            y = waarden[kolom].to_numpy(dtype="float64")
            (lijn,) = ax.plot(x, y, marker="o", linewidth=2, label=str(kolom))
            ax.text(
                x[-1] + 0.15,
                y[-1],
                f"{getal(y[-1], 1)}%",
                va="center",
                fontsize="small",
                color=lijn.get_color(),
                gid="laatste",
            )
        if markeer is not None:
            pos = perioden.index(str(markeer))
            ax.axvline(pos - 0.5, color=ACCENT, linestyle="--", linewidth=1.5)
            if markeer_tekst:
                ax.text(
                    pos - 0.4,
                    0.97,
                    markeer_tekst,
                    transform=ax.get_xaxis_transform(),
                    va="top",
                    fontsize="small",
                    color=ACCENT,
                    gid="markering",
                )
        ax.set_xticks(x, perioden, rotation=45, ha="right")
        ax.set_xlim(-0.5, len(perioden) - 0.2)
        ax.set_ylim(0, max(float(waarden.to_numpy().max()) * 1.15, 10))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: getal(v, 0)))
        ax.set_ylabel("Aandeel (%)")
        ax.set_xlabel(str(tabel.index.name or "Periode"))
        ax.set_title(titel)
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(1.06, 1),
            frameon=False,
            title=str(tabel.columns.name or "") or None,
        )
        ax.axhline(0, color=LIJN, linewidth=0.8)
        return klaar(figuur, ax, eigen)
