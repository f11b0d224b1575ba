"""Huisstijl van de grafieken: kleuren, het seaborn-thema en Nederlandse getallen.

Het thema (seaborn ``whitegrid`` met de ``notebook``-lettergroottes) geldt alleen
binnen :func:`stijl`, een ``matplotlib.rc_context``: een grafiek maken verandert de
globale ``matplotlib.rcParams`` dus nooit. Getallen op de assen en in de teksten
krijgen een komma als decimaalteken en een punt tussen de duizendtallen.

Examples
--------
>>> getal(1234.5)
'1.234,5'
>>> getal(-3.25, 2)
'-3,25'
>>> procent(0.8)
'80%'
"""

from __future__ import annotations

import contextlib
import functools
import io
import math
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter

from klanttools._controle import controleer_getal, getal_nl, toon

__all__ = [
    "KLEUREN_ABC",
    "KLEUREN_KLANTGROEPEN",
    "KLEUREN_NPS",
    "KLEUREN_SELECTIE",
    "GetalFormatter",
    "als_png",
    "getal",
    "procent",
    "stijl",
]

KLEUREN_NPS: dict[str, str] = {
    "promotor": "#1a9850",
    "passief": "#f2a93b",
    "criticaster": "#d73027",
}
"""Vaste kleur per NPS-categorie: promotor groen, passief amber, criticaster rood."""

KLEUREN_KLANTGROEPEN: dict[str, str] = {
    "Partner": "#1a9850",
    "Vriend": "#4575b4",
    "Economicus": "#f2a93b",
    "Dog": "#8c8c8c",
}
"""Vaste kleur per klantgroep."""

KLEUREN_SELECTIE: dict[str, str] = {"geselecteerd": "#2c7bb6", "afgevallen": "#c8c8c8"}
"""Kleuren voor geselecteerde en afgevallen accounts (customer rating)."""

KLEUREN_ABC: dict[str, str] = {"A": "#2c7bb6", "B": "#abd9e9", "C": "#e0e0e0"}
"""Kleuren van de ABC-klassen."""

ACCENT = "#d73027"
"""Kleur van drempel- en grenslijnen die een regel tonen."""

LIJN = "#4d4d4d"
"""Kleur van neutrale hulplijnen (nullijn, kwadrantlijnen)."""

DONKER = "#262626"
"""Kleur van punten en tekst die niet bij een categorie horen."""


@functools.cache
def _thema() -> dict[str, Any]:
    """Het seaborn-thema als rcParams-dict (seaborn pas laden bij de eerste grafiek)."""
    import seaborn as sns

    rc: dict[str, Any] = {**sns.axes_style("whitegrid"), **sns.plotting_context("notebook")}
    rc.update(
        {
            "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial", "sans-serif"],
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.titlepad": 10,
            "axes.unicode_minus": False,
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.facecolor": "white",
            "savefig.facecolor": "white",
            "legend.fontsize": 10,
            "legend.title_fontsize": 10,
            "legend.framealpha": 0.9,
        }
    )
    return rc


@contextlib.contextmanager
def stijl() -> Iterator[None]:
    """Zet het thema van de kit tijdelijk aan (de globale rcParams blijven ongemoeid).

    Examples
    --------
    >>> import matplotlib as mpl
    >>> voor = mpl.rcParams["axes.grid"]
    >>> with stijl():
    ...     mpl.rcParams["axes.grid"]
    True
    >>> mpl.rcParams["axes.grid"] == voor
    True
    """
    with mpl.rc_context(_thema()):
        yield


class Grafiek(Figure):
    """Een gewone matplotlib-figuur die zichzelf in een notebook als PNG toont.

    De grafiekfuncties maken hun figuur zonder ``pyplot``. Een notebook toont
    zo'n figuur alleen als matplotlib daar al is ingesteld (``%matplotlib inline``
    of na ``import matplotlib.pyplot``); ``_repr_png_`` zorgt dat de figuur ook
    anders als plaatje verschijnt en niet als ``<Figure size ...>``.
    """

    def _repr_png_(self) -> bytes:
        return _teken_png(self, self.dpi)


def begin(ax: Any, figuurgrootte: tuple[float, float]) -> tuple[Figure, Axes, bool]:
    """Geef (figuur, assen, eigen) terug: nieuwe assen, of de assen van de gebruiker.

    Roep aan binnen :func:`stijl`. ``eigen`` is True als de figuur hier is gemaakt.
    """
    if ax is None:
        figuur = Grafiek(figsize=figuurgrootte, layout="constrained")
        return figuur, figuur.add_subplot(), True
    if not isinstance(ax, Axes):
        raise TypeError(
            f"ax: verwacht een matplotlib Axes om in te tekenen (of None voor een nieuwe "
            f"figuur), kreeg {type(ax).__name__}."
        )
    return ax.get_figure(root=True), ax, False


def klaar(figuur: Figure, ax: Axes, eigen: bool) -> Figure:
    """Rond een grafiek af binnen :func:`stijl` en geef de figuur terug.

    Matplotlib maakt maatstreepjes pas aan als ze nodig zijn; door ze hier al op te
    vragen, krijgen ze het thema mee, ook als de figuur later buiten :func:`stijl`
    wordt getekend (zoals in een notebook).
    """
    if eigen:
        for as_ in (ax.xaxis, ax.yaxis):
            as_.get_major_ticks()
            as_.get_minor_ticks()
    return figuur


# ---------------------------------------------------------------------------
# Nederlandse getallen
# ---------------------------------------------------------------------------


def getal(waarde: float, decimalen: int = 1) -> str:
    """Schrijf een getal met komma en punt tussen duizendtallen, zoals ``getal_nl``.

    Het minteken is overal in de kit hetzelfde: het gewone streepje (-), zoals Excel het
    toont en zoals je het in Python typt. Een typografisch minteken (−) in een grafiek
    zou een student die het getal overneemt in code een SyntaxError geven.

    Examples
    --------
    >>> getal(20), getal(-0.04), getal(1500, 0)
    ('20,0', '0,0', '1.500')
    """
    waarde = float(waarde)
    if round(waarde, decimalen) == 0:
        waarde = 0.0
    return getal_nl(waarde, decimalen)


def kort_getal(waarde: float, max_decimalen: int = 2) -> str:
    """Getal met zo weinig decimalen als nodig (hoogstens ``max_decimalen``).

    Examples
    --------
    >>> kort_getal(3.0), kort_getal(3.25), kort_getal(3.4)
    ('3', '3,25', '3,4')
    """
    return getal(waarde, decimalen_nodig([waarde], max_decimalen))


def procent(fractie: float, decimalen: int = 0) -> str:
    """Schrijf een fractie als Nederlands percentage (0.8 wordt ``'80%'``).

    Examples
    --------
    >>> procent(0.255, 1), procent(1)
    ('25,5%', '100%')
    """
    return f"{getal(100 * float(fractie), decimalen)}%"


def decimalen_nodig(waarden: Sequence[float] | np.ndarray, maximum: int = 3) -> int:
    """Het kleinste aantal decimalen waarmee alle waarden exact worden getoond.

    Examples
    --------
    >>> decimalen_nodig([0, 25, 50]), decimalen_nodig([0.5, 1.0]), decimalen_nodig([1 / 3])
    (0, 1, 3)
    """
    eindig = [float(w) for w in waarden if math.isfinite(float(w))]
    for decimalen in range(maximum + 1):
        if all(abs(w - round(w, decimalen)) <= 1e-9 * max(1.0, abs(w)) for w in eindig):
            return decimalen
    return maximum


class GetalFormatter(Formatter):
    """Asopmaak met Nederlandse getallen: ``1.500``, ``2,5`` en ``-10``.

    Parameters
    ----------
    schaal : float, default 1
        Vermenigvuldig de waarde eerst (100 voor fracties als percentage).
    achtervoegsel : str, default ""
        Tekst achter het getal, bijvoorbeeld ``"%"``.

    Examples
    --------
    >>> GetalFormatter().format_ticks([0, 1000, 2500])
    ['0', '1.000', '2.500']
    >>> GetalFormatter(schaal=100, achtervoegsel="%").format_ticks([0, 0.25, 0.5])
    ['0%', '25%', '50%']
    """

    def __init__(self, schaal: float = 1.0, achtervoegsel: str = "") -> None:
        self.schaal = schaal
        self.achtervoegsel = achtervoegsel

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        geschaald = [float(v) * self.schaal for v in values]
        decimalen = decimalen_nodig(geschaald)
        return [getal(v, decimalen) + self.achtervoegsel for v in geschaald]

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.format_ticks([x])[0]


# ---------------------------------------------------------------------------
# Uitvoer
# ---------------------------------------------------------------------------


def _teken_png(fig: Figure, dpi: float) -> bytes:
    """Teken de figuur als PNG met Agg, zonder haar te sluiten.

    Rechtstreeks via Agg in plaats van ``fig.savefig``: savefig tekent een figuur
    met layout-engine twee keer, en dat kost in een widget merkbaar tijd.
    """
    buffer = io.BytesIO()
    oud_canvas, oude_dpi = fig.canvas, fig.dpi
    try:
        with stijl():
            fig.dpi = dpi
            # Lichte compressie: veel sneller, en het plaatje blijft lokaal.
            FigureCanvasAgg(fig).print_png(buffer, pil_kwargs={"compress_level": 1})
    finally:
        fig.dpi = oude_dpi
        fig.set_canvas(oud_canvas)
    return buffer.getvalue()


def als_png(fig: Figure, dpi: float = 100) -> bytes:
    """Teken een figuur als PNG-bytes (bijvoorbeeld voor ``ipywidgets.Image``) en sluit haar.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        De figuur, bijvoorbeeld de uitkomst van :func:`nps_verdeling`.
    dpi : float, default 100
        Beeldpunten per inch (10 tot en met 600).

    Returns
    -------
    bytes
        De inhoud van een PNG-bestand.

    Examples
    --------
    >>> from klanttools.grafieken import nps_verdeling
    >>> als_png(nps_verdeling([10, 9, 3]))[:4]
    b'\\x89PNG'
    """
    if isinstance(fig, Axes):
        raise TypeError(
            "fig: verwacht een matplotlib Figure, kreeg Axes. Geef de figuur mee, "
            "bijvoorbeeld als_png(ax.figure)."
        )
    if not isinstance(fig, Figure):
        raise TypeError(
            f"fig: verwacht een matplotlib Figure (de uitkomst van een grafiekfunctie), "
            f"kreeg {type(fig).__name__}: {toon(fig)[:40]}."
        )
    png = _teken_png(fig, controleer_getal(dpi, "dpi", minimum=10, maximum=600))
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:  # alleen nodig als de figuur via pyplot is gemaakt
        pyplot.close(fig)
    return png
