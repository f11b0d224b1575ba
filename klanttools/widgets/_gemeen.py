"""Gedeelde onderdelen van de widgets: meldingen, afbeeldingen, tabellen en opmaak.

Hier staat niets dat rekent. De widgets lezen hun invoer, roepen een functie uit de
rekenkern aan en tonen de uitkomst met de hulpjes uit deze module.

Examples
--------
>>> procent_nl(0.45)
'45,0%'
>>> melding = Melding("kt-voorbeeld-melding")
>>> melding.zet("invoer", "promotors: -1 is te klein.")
>>> "promotors: -1 is te klein." in melding.value
True
>>> melding.zet("invoer", None)
>>> melding.value
''
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import ipywidgets as widgets
from matplotlib.figure import Figure

from klanttools._controle import getal_nl

__all__ = [
    "INVOERFOUTEN",
    "Melding",
    "Stil",
    "Tekenaar",
    "afbeelding",
    "breed",
    "html_tabel",
    "html_widget",
    "ja_nee",
    "procent_nl",
    "toon_figuur",
    "verberg",
    "waarschuwing_html",
]

INVOERFOUTEN: tuple[type[Exception], ...] = (ValueError, TypeError)
"""De fouten waarmee de rekenkern slechte invoer meldt; alleen die vangen de widgets op."""

_STIJL_BREED = {"description_width": "initial"}

_STIJL_MELDING = (
    "background:#fff3cd; color:#664d03; border:1px solid #ffda6a; "
    "border-left:6px solid #e0a800; border-radius:4px; padding:6px 10px; margin:4px 0;"
)
_STIJL_WAARSCHUWING = (
    "background:#fff8e1; color:#5c4400; border-left:6px solid #f0ad4e; "
    "border-radius:4px; padding:6px 10px; margin:4px 0;"
)


def procent_nl(fractie: float, decimalen: int = 1) -> str:
    """Toon een aandeel (0–1) als Nederlands percentage, bijvoorbeeld ``'45,0%'``.

    Examples
    --------
    >>> procent_nl(0.3)
    '30,0%'
    >>> procent_nl(0.8, 0)
    '80%'
    """
    return f"{getal_nl(fractie * 100, decimalen)}%"


def ja_nee(waarde: bool) -> str:
    """Geef ``'ja'`` of ``'nee'``.

    Examples
    --------
    >>> ja_nee(True), ja_nee(False)
    ('ja', 'nee')
    """
    return "ja" if waarde else "nee"


def html_widget(*klassen: str, waarde: str = "") -> widgets.HTML:
    """Maak een HTML-widget met vaste CSS-klassen (zodat een browsertest hem vindt).

    Examples
    --------
    >>> h = html_widget("kt-voorbeeld", waarde="<b>hallo</b>")
    >>> h._dom_classes
    ('kt-voorbeeld',)
    """
    h = widgets.HTML(value=waarde)
    for klasse in klassen:
        h.add_class(klasse)
    return h


def afbeelding(*klassen: str, breedte: str = "640px") -> widgets.Image:
    """Maak een lege PNG-afbeelding voor een grafiek.

    Examples
    --------
    >>> a = afbeelding("kt-voorbeeld-grafiek")
    >>> a.format, bytes(a.value)
    ('png', b'')
    """
    a = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", width=breedte))
    for klasse in klassen:
        a.add_class(klasse)
    return a


def toon_figuur(doel: widgets.Image, figuur: Figure) -> None:
    """Zet een matplotlib-figuur als PNG in een Image-widget (``als_png`` sluit de figuur).

    Niet via ``with output:``: dat vangt buiten een kernel niets op.
    """
    from klanttools import grafieken

    doel.value = grafieken.als_png(figuur)


def verberg(widget: widgets.Widget, verborgen: bool = True) -> None:
    """Verberg (of toon) een widget zonder hem uit de opmaak te halen."""
    widget.layout.display = "none" if verborgen else None


def html_tabel(
    koppen: Sequence[str],
    rijen: Sequence[Sequence[Any]],
    klasse: str,
    *,
    rijklassen: Sequence[str] | None = None,
) -> str:
    """Bouw een eenvoudige HTML-tabel; alle cellen worden ge-escaped.

    Examples
    --------
    >>> html_tabel(["a", "b"], [["1 < 2", "x"]], "kt-t")
    '<table class="kt-t" style="border-collapse:collapse"><thead><tr><th ...>a</th><th ...>b</th></tr></thead><tbody><tr><td ...>1 &lt; 2</td><td ...>x</td></tr></tbody></table>'
    """
    th = 'style="text-align:left; padding:2px 8px; border-bottom:2px solid #999"'
    td = 'style="padding:2px 8px; border-bottom:1px solid #ddd"'
    kop = "".join(f"<th {th}>{html.escape(str(k))}</th>" for k in koppen)
    regels = []
    for i, rij in enumerate(rijen):
        rk = f' class="{rijklassen[i]}"' if rijklassen and rijklassen[i] else ""
        cellen = "".join(f"<td {td}>{html.escape(str(c))}</td>" for c in rij)
        regels.append(f"<tr{rk}>{cellen}</tr>")
    return (
        f'<table class="{klasse}" style="border-collapse:collapse">'
        f"<thead><tr>{kop}</tr></thead><tbody>{''.join(regels)}</tbody></table>"
    )


def waarschuwing_html(tekst: str) -> str:
    """Een opvallend kader met een waarschuwing (geen fout) bij een geldige uitkomst."""
    return f'<div style="{_STIJL_WAARSCHUWING}">⚠ {html.escape(tekst)}</div>'


class Melding(widgets.HTML):
    """Meldingskader van een widget: toont Nederlandse foutmeldingen als waarschuwing.

    Elk onderdeel van een widget (``"invoer"``, ``"vergelijken"``, …) heeft zijn eigen
    regel; ``zet(onderdeel, None)`` wist alleen die regel. Zo verdwijnt een melding
    pas als dat onderdeel weer geldige invoer heeft.

    Parameters
    ----------
    *klassen : str
        Extra CSS-klassen naast ``kt-melding``.

    Examples
    --------
    >>> m = Melding()
    >>> m.zet("a", "eerste")
    >>> m.zet("b", "tweede")
    >>> m.meldingen
    {'a': 'eerste', 'b': 'tweede'}
    >>> m.zet("a", None)
    >>> list(m.meldingen)
    ['b']
    """

    def __init__(self, *klassen: str) -> None:
        super().__init__(value="")
        self.meldingen: dict[str, str] = {}
        for klasse in ("kt-melding", *klassen):
            self.add_class(klasse)

    def zet(self, onderdeel: str, tekst: str | None) -> None:
        """Zet (tekst) of wis (None) de melding van één onderdeel en toon ze allemaal."""
        if tekst is None:
            self.meldingen.pop(onderdeel, None)
        else:
            self.meldingen[onderdeel] = tekst
        self._toon()

    def _toon(self) -> None:
        if not self.meldingen:
            self.value = ""
            self.remove_class("kt-melding-actief")
            return
        regels = "".join(
            f'<div class="kt-melding-tekst">⚠ {html.escape(t)}</div>'
            for t in self.meldingen.values()
        )
        self.value = (
            f'<div style="{_STIJL_MELDING}"><b>Dit kan zo niet.</b> {regels}'
            "<div><i>De vorige geldige uitkomst blijft staan.</i></div></div>"
        )
        self.add_class("kt-melding-actief")


class Tekenaar:
    """Tekent grafieken pas als hun tabblad zichtbaar is.

    Een grafiek maken en omzetten naar PNG kost de meeste tijd van een update.
    Ligt een grafiek op een verborgen tabblad, dan onthoudt de Tekenaar hoe hij
    gemaakt wordt en tekent hem zodra de student dat tabblad opent.

    Parameters
    ----------
    tabs : ipywidgets.Tab or None
        Het tabblad-widget; ``None`` = alles is altijd zichtbaar.
    melding : Melding
        Waar een fout bij het tekenen gemeld wordt.
    """

    def __init__(self, tabs: widgets.Tab | None, melding: Melding) -> None:
        self._tabs = tabs
        self._melding = melding
        self._plek: dict[str, tuple[widgets.Image, int | None]] = {}
        self._wacht: dict[str, Callable[[], Figure]] = {}
        if tabs is not None:
            tabs.observe(self._tab_gewisseld, names="selected_index")

    def registreer(self, naam: str, doel: widgets.Image, tab: int | None = None) -> None:
        """Koppel een grafiek (naam) aan een Image-widget op tabblad ``tab``."""
        self._plek[naam] = (doel, tab)

    def teken(self, naam: str, maak: Callable[[], Figure]) -> None:
        """Teken nu als het tabblad zichtbaar is, anders zodra het geopend wordt."""
        self._wacht[naam] = maak
        self._teken_zichtbare()

    def wis(self, naam: str) -> None:
        """Maak een grafiek leeg (er is niets te tonen)."""
        self._wacht.pop(naam, None)
        self._plek[naam][0].value = b""

    @property
    def wachtend(self) -> tuple[str, ...]:
        """Namen van grafieken die nog getekend moeten worden."""
        return tuple(self._wacht)

    def _zichtbaar(self, tab: int | None) -> bool:
        return tab is None or self._tabs is None or self._tabs.selected_index == tab

    def _teken_zichtbare(self) -> None:
        for naam in list(self._wacht):
            doel, tab = self._plek[naam]
            if not self._zichtbaar(tab):
                continue
            maak = self._wacht.pop(naam)
            try:
                toon_figuur(doel, maak())
            except INVOERFOUTEN as fout:
                self._melding.zet(f"grafiek {naam}", f"De grafiek kon niet getekend worden: {fout}")
            else:
                self._melding.zet(f"grafiek {naam}", None)

    def _tab_gewisseld(self, _wijziging: dict[str, Any]) -> None:
        self._teken_zichtbare()


class Stil:
    """Schakelaar om callbacks tijdelijk uit te zetten terwijl code zelf waarden zet.

    Examples
    --------
    >>> stil = Stil()
    >>> bool(stil)
    False
    >>> with stil():
    ...     bool(stil)
    True
    """

    def __init__(self) -> None:
        self._diepte = 0

    def __bool__(self) -> bool:
        return self._diepte > 0

    @contextmanager
    def __call__(self) -> Iterator[None]:
        self._diepte += 1
        try:
            yield
        finally:
            self._diepte -= 1


def breed() -> dict[str, str]:
    """Stijl waarbij een lange Nederlandse omschrijving niet wordt afgekapt."""
    return dict(_STIJL_BREED)


def knoppen_stijl() -> dict[str, str]:
    """Stijl voor ToggleButtons: omschrijving en elke knop zo breed als hun tekst.

    ipywidgets geeft elke knop standaard 148 px, zodat "Groepen uit de data" wordt
    afgekapt; ``button_width: auto`` laat de knop meegroeien met de tekst.
    """
    return {**_STIJL_BREED, "button_width": "auto"}


def knoppen_layout() -> widgets.Layout:
    """Layout voor ToggleButtons: de omschrijving links naast de knoppen, op één lijn.

    Zonder deze layout zet JupyterLab een ToggleButtons-widget als blok neer en zweeft de
    omschrijving ("Interval") boven de knoppen (gezien in JupyterLab 4.6, ipywidgets 8).
    """
    return widgets.Layout(display="flex", flex_flow="row", align_items="center", width="auto")


def breedte(pixels: int) -> widgets.Layout:
    """Een vaste breedte voor een invoerveld met omschrijving (lange keuzes passen dan)."""
    return widgets.Layout(width=f"{pixels}px")
