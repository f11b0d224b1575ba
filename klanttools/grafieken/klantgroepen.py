"""Grafieken bij klantgroepen: de matrix Partner/Vriend/Economicus/Dog en de ABC-curve.

In de matrix staat **actief relatiegedrag op de x-as** en **koopgedrag op de
y-as**, in dezelfde volgorde als de argumenten van
:func:`klanttools.klantgroepen.klantgroep` en het paar ``grens=(grens_relatie,
grens_koop)``. Daardoor:

============  ==============================  ===========
klantgroep    relatiegedrag / koopgedrag      kwadrant
============  ==============================  ===========
Partner       hoog / hoog                     rechtsboven
Vriend        hoog / laag                     rechtsonder
Economicus    laag / hoog                     linksboven
Dog           laag / laag                     linksonder
============  ==============================  ===========

Examples
--------
>>> import pandas as pd
>>> accounts = pd.DataFrame({"relatiegedrag": [8, 7, 3, 2], "koopgedrag": [9, 2, 8, 4]})
>>> ax = klantgroepen_matrix(accounts, grens=6).axes[0]
>>> ax.get_xlabel(), ax.get_ylabel()
('Actief relatiegedrag', 'Koopgedrag')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from klanttools._controle import controleer_getal, controleer_tabel, opsomming, toon
from klanttools.grafieken._stijl import (
    DONKER,
    KLEUREN_ABC,
    KLEUREN_KLANTGROEPEN,
    LIJN,
    GetalFormatter,
    begin,
    getal,
    klaar,
    kort_getal,
    procent,
    stijl,
)
from klanttools.klantgroepen import ABC_KLASSEN, KLANTGROEPEN, abc_samenvatting, klantgroepen

__all__ = ["abc_curve", "klantgroepen_matrix"]

# Hoek van de assen (in askoördinaten) waar het label van elk kwadrant staat.
_HOEK = {
    "Partner": (0.98, 0.98, "right", "top"),
    "Vriend": (0.98, 0.02, "right", "bottom"),
    "Economicus": (0.02, 0.98, "left", "top"),
    "Dog": (0.02, 0.02, "left", "bottom"),
}


def _spreid(
    waarden: np.ndarray, grens: float, breedte: float, rng: np.random.Generator
) -> np.ndarray:
    """Verschuif punten een klein beetje, zonder dat een punt over de grens springt."""
    if breedte <= 0:
        return waarden
    stap = rng.uniform(-breedte, breedte, size=waarden.shape)
    hoog = waarden >= grens
    nieuw = waarden + stap
    oversteek = (nieuw >= grens) != hoog
    nieuw[oversteek] = waarden[oversteek] + np.where(hoog[oversteek], 1, -1) * np.abs(
        stap[oversteek]
    )
    return nieuw


def _spreidingsbreedte(waarden: np.ndarray) -> float:
    """Automatische spreiding: 15% van de kleinste afstand tussen verschillende waarden."""
    uniek = np.unique(waarden)
    if len(uniek) < 2:
        return 0.15
    return 0.15 * float(np.min(np.diff(uniek)))


def _labels(data: pd.DataFrame, labels: Any) -> list[str] | None:
    if labels is None or labels is False:
        return None
    if labels is True:
        return [str(i) for i in data.index]
    if isinstance(labels, pd.Series):
        if not labels.index.equals(data.index):
            raise ValueError(
                "labels: de Series heeft een andere index dan data. Toegestaan: None, True "
                "(de index van data), een kolomnaam of een Series met dezelfde index."
            )
        return [str(w) for w in labels]
    if isinstance(labels, str):
        if labels not in data.columns:
            raise ValueError(
                f"labels: kolom {labels!r} staat niet in data. "
                f"Beschikbaar: {opsomming([toon(k) for k in data.columns], 10)}."
            )
        return [str(w) for w in data[labels]]
    raise TypeError(
        f"labels: {toon(labels)[:40]} wordt niet herkend. Toegestaan: None (geen namen), True "
        "(de index van data), een kolomnaam of een pandas Series met dezelfde index."
    )


def klantgroepen_matrix(
    data: pd.DataFrame,
    *,
    relatie: Any = "relatiegedrag",
    koop: Any = "koopgedrag",
    grens: float | Sequence[float] | str | None = None,
    ax: Axes | None = None,
    labels: Any = None,
    spreiding: float | None = None,
) -> Figure:
    """Spreidingsdiagram van de accounts in de vier klantgroepen.

    Relatiegedrag staat op de x-as, koopgedrag op de y-as. De kwadrantlijnen
    liggen op de grens; een waarde precies op de grens telt als hoog (rechts of
    boven de lijn). Elk punt heeft de kleur van zijn klantgroep; de legenda
    noemt het aantal accounts per groep.

    Parameters
    ----------
    data : pandas.DataFrame
        Eén rij per account.
    relatie, koop : kolomnaam, standaard ``"relatiegedrag"`` en ``"koopgedrag"``
        De kolommen met actief relatiegedrag en koopgedrag.
    grens : getal, (grens_relatie, grens_koop) of ``"mediaan"``
        Vanaf welke waarde een gedrag hoog is, zoals bij
        :func:`klanttools.klantgroepen.klantgroepen`. Verplicht: zonder grens
        volgt de Nederlandse melding van ``klantgroepen``.
    ax : matplotlib.axes.Axes, optional
        Teken in deze assen in plaats van in een nieuwe figuur.
    labels : None, True, kolomnaam of pandas.Series, optional
        Zet een naam bij elk punt: ``True`` voor de index van ``data``, of een
        kolom zoals ``"bedrijfsnaam"``. Handig bij een handvol accounts.
    spreiding : float, optional
        Bij scores op een vaste schaal (1–10) vallen veel accounts op hetzelfde
        punt. Daarom schuift elk punt een klein willekeurig stukje op (hoogstens
        ``spreiding``, standaard 15% van de afstand tussen twee schaalwaarden),
        maar nooit over een kwadrantlijn. Geef 0 voor de precieze posities.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError, ValueError
        De Nederlandse meldingen van ``klantgroepen`` (ontbrekende kolom, lege
        cel, foute grens …), of als ``data`` geen DataFrame is.

    Examples
    --------
    >>> import pandas as pd
    >>> accounts = pd.DataFrame(
    ...     {"relatiegedrag": [8, 7, 3, 2], "koopgedrag": [9, 2, 8, 4]},
    ...     index=["Bakker", "De Vries", "Jansen", "Smit"],
    ... )
    >>> ax = klantgroepen_matrix(accounts, grens=6, labels=True).axes[0]
    >>> ax.get_title()
    'Vier klantgroepen (grens: relatiegedrag 6, koopgedrag 6)'
    >>> sorted(t.get_text() for t in ax.texts if str(t.get_gid()).startswith("kwadrant"))
    ['Dog', 'Economicus', 'Partner', 'Vriend']
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            "data: verwacht een pandas DataFrame met één rij per account en kolommen voor "
            f"relatiegedrag en koopgedrag, kreeg {type(data).__name__}."
        )
    groepen = klantgroepen(data, relatie=relatie, koop=koop, grens=grens)
    grens_relatie, grens_koop = groepen.attrs["grens"]
    namen = _labels(data, labels)
    if spreiding is not None:
        spreiding = float(controleer_getal(spreiding, "spreiding", minimum=0))
    x = data[relatie].astype("float64").to_numpy()
    y = data[koop].astype("float64").to_numpy()
    rng = np.random.default_rng(0)
    x_getoond = _spreid(
        x, grens_relatie, _spreidingsbreedte(x) if spreiding is None else spreiding, rng
    )
    y_getoond = _spreid(
        y, grens_koop, _spreidingsbreedte(y) if spreiding is None else spreiding, rng
    )
    codes = groepen.cat.codes.to_numpy()

    with stijl():
        figuur, ax, eigen = begin(ax, (8.5, 6))
        for code, groep in enumerate(KLANTGROEPEN):
            masker = codes == code
            ax.scatter(
                x_getoond[masker],
                y_getoond[masker],
                s=45,
                color=KLEUREN_KLANTGROEPEN[groep],
                edgecolor="white",
                linewidth=0.6,
                alpha=0.85,
                zorder=3,
                label=f"{groep} ({int(masker.sum())})",
                gid=f"punten_{groep}",
            )
        if namen is not None:
            for naam, px, py in zip(namen, x_getoond, y_getoond, strict=True):
                ax.annotate(
                    naam,
                    (px, py),
                    xytext=(4, 4),
                    textcoords="offset points",
                    fontsize="x-small",
                    color=DONKER,
                    zorder=4,
                    gid="naam",
                )
        ax.axvline(grens_relatie, color=LIJN, linewidth=1.2, linestyle="--", gid="grens_relatie")
        ax.axhline(grens_koop, color=LIJN, linewidth=1.2, linestyle="--", gid="grens_koop")

        for waarden, getoond, g, zet in (
            (x, x_getoond, grens_relatie, ax.set_xlim),
            (y, y_getoond, grens_koop, ax.set_ylim),
        ):
            laag = min(float(np.min(getoond)), float(np.min(waarden)), g)
            hoog = max(float(np.max(getoond)), float(np.max(waarden)), g)
            marge = 0.12 * (hoog - laag) if hoog > laag else 1.0
            zet(laag - marge, hoog + marge)

        for groep, (hx, hy, ha, va) in _HOEK.items():
            ax.text(
                hx,
                hy,
                groep,
                transform=ax.transAxes,
                ha=ha,
                va=va,
                fontsize="large",
                fontweight="bold",
                color=KLEUREN_KLANTGROEPEN[groep] if groep != "Dog" else "#5e5e5e",
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 2},
                zorder=5,
                gid=f"kwadrant_{groep}",
            )
        ax.xaxis.set_major_formatter(GetalFormatter())
        ax.yaxis.set_major_formatter(GetalFormatter())
        ax.set_xlabel("Actief relatiegedrag")
        ax.set_ylabel("Koopgedrag")
        ax.set_title(
            f"Vier klantgroepen (grens: relatiegedrag {kort_getal(grens_relatie)}, "
            f"koopgedrag {kort_getal(grens_koop)})"
        )
        ax.legend(
            title="Klantgroep (aantal)",
            loc="upper left",
            bbox_to_anchor=(1.02, 1.0),
            borderaxespad=0,
        )
        return klaar(figuur, ax, eigen)


_VERPLICHT_ABC = ("waarde", "cumulatief_aandeel", "klasse")


def abc_curve(abc_tabel: pd.DataFrame, *, ax: Axes | None = None) -> Figure:
    """Pareto-curve van een ABC-analyse, met de grenzen tussen klasse A, B en C.

    Op de x-as staat het aandeel van de accounts (van meest naar minst
    waardevol), op de y-as het cumulatieve aandeel van de waarde. De gekleurde
    vlakken zijn de klassen; de legenda noemt per klasse het aantal accounts en
    het aandeel in de waarde. De stippellijn is een gelijke verdeling (elk
    account even veel).

    Parameters
    ----------
    abc_tabel : pandas.DataFrame
        De uitkomst van :func:`klanttools.klantgroepen.abc_analyse` (minstens de
        kolommen ``waarde``, ``cumulatief_aandeel`` en ``klasse``).
    ax : matplotlib.axes.Axes, optional
        Teken in deze assen in plaats van in een nieuwe figuur.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError, ValueError
        Als ``abc_tabel`` geen DataFrame is of niet klopt (de meldingen van
        :func:`klanttools.klantgroepen.abc_samenvatting`).

    Examples
    --------
    >>> import pandas as pd
    >>> from klanttools.klantgroepen import abc_analyse
    >>> omzet = pd.Series({"Smit": 5, "Bakker": 50, "Jansen": 10, "De Vries": 30, "Mulder": 5})
    >>> ax = abc_curve(abc_analyse(omzet)).axes[0]
    >>> [t.get_text() for t in ax.get_legend().get_texts()][:3]
    ['A: 2 accounts (40%), 80% van de waarde', 'B: 2 accounts (40%), 15% van de waarde', 'C: 1 account (20%), 5% van de waarde']
    """
    controleer_tabel(abc_tabel, "abc_tabel", _VERPLICHT_ABC, "abc_analyse(waarden)")
    samenvatting = abc_samenvatting(abc_tabel)
    cumulatief = pd.to_numeric(abc_tabel["cumulatief_aandeel"], errors="coerce")
    if cumulatief.isna().any():
        raise ValueError(
            "abc_tabel: kolom 'cumulatief_aandeel' bevat lege of niet-numerieke waarden. "
            "Maak de tabel met abc_analyse(waarden)."
        )
    n = len(abc_tabel)
    y = np.concatenate(([0.0], np.sort(cumulatief.to_numpy(dtype="float64"))))
    x = np.arange(n + 1) / n
    aantallen = samenvatting["aantal_accounts"].astype(int)
    einde = np.cumsum([aantallen[k] for k in ABC_KLASSEN]) / n  # rechtergrens per klasse

    with stijl():
        figuur, ax, eigen = begin(ax, (8, 5.5))
        handvatten: list[Any] = []
        begin_x = 0.0
        for klasse, eind_x in zip(ABC_KLASSEN, einde, strict=True):
            aantal = int(aantallen[klasse])
            woord = "account" if aantal == 1 else "accounts"
            label = (
                f"{klasse}: {aantal} {woord} ({procent(aantal / n)}), "
                f"{procent(samenvatting.loc[klasse, 'aandeel_waarde'])} van de waarde"
            )
            handvatten.append(Patch(facecolor=KLEUREN_ABC[klasse], alpha=0.5, label=label))
            if aantal:
                ax.axvspan(
                    begin_x, eind_x, color=KLEUREN_ABC[klasse], alpha=0.35, zorder=0, linewidth=0
                )
                ax.text(
                    (begin_x + eind_x) / 2,
                    0.04,
                    klasse,
                    ha="center",
                    va="bottom",
                    fontsize="x-large",
                    fontweight="bold",
                    color=DONKER,
                    gid=f"klasse_{klasse}",
                )
                if eind_x < 1:
                    hoogte = float(np.interp(eind_x, x, y))
                    ax.plot(
                        [eind_x, eind_x],
                        [0, hoogte],
                        color=LIJN,
                        linestyle="--",
                        linewidth=1,
                        gid=f"grens_{klasse}",
                    )
                    ax.plot([0, eind_x], [hoogte, hoogte], color=LIJN, linestyle=":", linewidth=1)
            begin_x = eind_x
        ax.plot([0, 1], [0, 1], color="#8c8c8c", linestyle=":", linewidth=1.2)
        handvatten.append(
            Line2D([], [], color="#8c8c8c", linestyle=":", linewidth=1.2, label="gelijke verdeling")
        )
        ax.plot(
            x,
            y,
            color=DONKER,
            linewidth=2,
            marker="o" if n <= 40 else None,
            markersize=4,
            zorder=3,
            gid="pareto",
        )
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.02)
        procentas = GetalFormatter(schaal=100, achtervoegsel="%")
        ax.xaxis.set_major_formatter(procentas)
        ax.yaxis.set_major_formatter(procentas)
        ax.set_xlabel("Aandeel van de accounts (van meest naar minst waardevol)")
        ax.set_ylabel("Cumulatief aandeel van de waarde")
        ax.set_title(f"ABC-analyse van {getal(n, 0)} accounts (Pareto-curve)")
        ax.legend(handles=handvatten, loc="center right")
        return klaar(figuur, ax, eigen)
