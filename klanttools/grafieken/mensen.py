"""Grafiek bij de DMU: wie in het klantenteam spreekt wie bij de klant, en welke rollen dat dekt.

Examples
--------
>>> from klanttools.mensen import dmu_dekking
>>> d = dmu_dekking({"accountmanager": "De Vries"},
...                 {"Jansen": "beslisser", "De Vries": ["inkoper", "poortwachter"]})
>>> dmu_kaart(d).axes[0].get_title()
'DMU-kaart: 2 van de 6 rollen gedekt'
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from klanttools._controle import toon
from klanttools.grafieken._stijl import ACCENT, DONKER, LIJN, begin, klaar, stijl
from klanttools.mensen import DMU_ROLLEN, FUNCTIE_NAMEN, KLANTENTEAM_FUNCTIES, DmuDekking

__all__ = ["KLEUREN_DEKKING", "dmu_kaart"]

KLEUREN_DEKKING: dict[str, str] = {
    "gedekt": "#2c7bb6",
    "niet gedekt": "#fbe3e0",
    "niet in beeld": "#eeeeee",
}
"""Kleur van een rol: gedekt, wel in de DMU maar niemand spreekt haar, of nog niet in beeld."""


def _hoogtes(n: int) -> np.ndarray:
    """n posities van boven (1) naar beneden (0), gecentreerd als n klein is."""
    if n == 1:
        return np.array([0.5])
    marge = max(0.0, 0.5 - 0.09 * (n - 1))
    return np.linspace(1 - marge, marge, n)


def dmu_kaart(dekking: DmuDekking, *, ax: Axes | None = None) -> Figure:
    """Teken de koppeling: klantenteam (links), DMU-leden (midden) en de zes rollen (rechts).

    Een lijn van een teamfunctie naar een persoon is een contact; een lijn van een
    persoon naar een rol zegt dat die persoon die rol heeft (één persoon kan er meer
    hebben). Een gedekte rol is blauw, een rol die niemand uit het team bereikt rood
    omrand, een rol die nog niet in beeld is grijs. Een DMU-lid zonder contact staat
    in het rood.

    Parameters
    ----------
    dekking : DmuDekking
        De uitkomst van :func:`klanttools.mensen.dmu_dekking`.
    ax : matplotlib.axes.Axes, optional
        Teken in deze assen in plaats van in een nieuwe figuur.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError
        Als ``dekking`` geen DmuDekking is.

    Examples
    --------
    >>> from klanttools.mensen import dmu_dekking
    >>> d = dmu_dekking({"accountmanager": "De Vries", "technische_dienst": "Bakker"},
    ...                 {"Jansen": "beslisser", "De Vries": "inkoper", "Bakker": "gebruiker"})
    >>> ax = dmu_kaart(d).axes[0]
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "functie"]
    ['accountmanager', 'technische dienst']
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "persoon"][0]
    'Jansen\\n(geen contact)'
    >>> dmu_kaart({"Jansen": "beslisser"})
    Traceback (most recent call last):
    ...
    TypeError: dekking: verwacht de uitkomst van dmu_dekking(koppeling, dmu), kreeg dict: {'Jansen': 'beslisser'}.
    """
    if not isinstance(dekking, DmuDekking):
        raise TypeError(
            "dekking: verwacht de uitkomst van dmu_dekking(koppeling, dmu), kreeg "
            f"{type(dekking).__name__}: {toon(dekking)[:40]}."
        )
    personen = list(dekking.contacten)
    gebruikt = {f for lijst in dekking.contacten.values() for f in lijst}
    functies = [f for f in KLANTENTEAM_FUNCTIES if f in gebruikt]
    rollen = list(DMU_ROLLEN)
    y_f = dict(zip(functies, _hoogtes(len(functies)), strict=True)) if functies else {}
    y_p = dict(zip(personen, _hoogtes(len(personen)), strict=True))
    y_r = dict(zip(rollen, _hoogtes(len(rollen)), strict=True))
    x_f, x_p, x_r = 0.0, 1.0, 2.0

    with stijl():
        figuur, ax, eigen = begin(ax, (10, 1.6 + 0.55 * max(len(personen), len(rollen))))
        for persoon in personen:
            for functie in dekking.contacten[persoon]:
                ax.plot(
                    [x_f, x_p], [y_f[functie], y_p[persoon]], color=DONKER, lw=1.6, gid="contact"
                )
            for rol in dekking.rollen.get(persoon, ()):
                ax.plot(
                    [x_p, x_r], [y_p[persoon], y_r[rol]], color=LIJN, lw=1, ls=":", gid="heeft_rol"
                )
        doos = {"boxstyle": "round,pad=0.35", "linewidth": 1.2}
        for functie, y in y_f.items():
            ax.text(
                x_f,
                y,
                FUNCTIE_NAMEN[functie],
                ha="center",
                va="center",
                gid="functie",
                bbox={**doos, "facecolor": "white", "edgecolor": DONKER},
            )
        if not functies:
            ax.text(
                x_f,
                0.5,
                "nog geen\ncontacten",
                ha="center",
                va="center",
                color=ACCENT,
                gid="functie_leeg",
            )
        for persoon, y in y_p.items():
            zonder = not dekking.contacten[persoon]
            ax.text(
                x_p,
                y,
                persoon + ("\n(geen contact)" if zonder else ""),
                ha="center",
                va="center",
                color=ACCENT if zonder else DONKER,
                gid="persoon",
                bbox={**doos, "facecolor": "white", "edgecolor": ACCENT if zonder else LIJN},
            )
        for rol, y in y_r.items():
            if rol in dekking.gedekt:
                soort, tekstkleur, rand = "gedekt", "white", KLEUREN_DEKKING["gedekt"]
            elif rol in dekking.niet_in_beeld:
                soort, tekstkleur, rand = "niet in beeld", LIJN, LIJN
            else:
                soort, tekstkleur, rand = "niet gedekt", ACCENT, ACCENT
            ax.text(
                x_r,
                y,
                DMU_ROLLEN[rol].naam,
                ha="center",
                va="center",
                color=tekstkleur,
                fontweight="bold",
                gid="rol",
                bbox={
                    **doos,
                    "facecolor": KLEUREN_DEKKING[soort],
                    "edgecolor": rand,
                    "linestyle": "--" if soort == "niet in beeld" else "-",
                },
            )
        ax.set_xlim(-0.6, 2.6)
        ax.set_ylim(-0.08, 1.08)
        ax.set_xticks([x_f, x_p, x_r], labels=["klantenteam", "DMU van de klant", "rollen"])
        ax.xaxis.tick_top()
        ax.tick_params(axis="x", length=0)
        ax.set_yticks([])
        ax.grid(False)
        for kant in ("top", "right", "bottom", "left"):
            ax.spines[kant].set_visible(False)
        ax.set_xlabel("Lijn links: contact met iemand uit het team · stippellijn: heeft die rol")
        ax.set_title(f"DMU-kaart: {len(dekking.gedekt)} van de {len(rollen)} rollen gedekt")
        ax.legend(
            handles=[
                Patch(facecolor=KLEUREN_DEKKING["gedekt"], label="rol gedekt"),
                Patch(
                    facecolor=KLEUREN_DEKKING["niet gedekt"],
                    edgecolor=ACCENT,
                    label="niemand spreekt deze rol",
                ),
                Patch(
                    facecolor=KLEUREN_DEKKING["niet in beeld"],
                    edgecolor=LIJN,
                    linestyle="--",
                    label="rol nog niet in beeld",
                ),
            ],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.1),
            ncol=3,
            fontsize="small",
            frameon=False,
        )
        return klaar(figuur, ax, eigen)
