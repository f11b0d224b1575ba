"""Tabblad *Vergelijken* van de NPS-calculator: twee sets aantallen of twee groepen uit de data.

Een mixin voor :class:`klanttools.widgets.NPSCalculator`: hij bouwt het tabblad en werkt
het bij; de rekenkern is :func:`klanttools.nps.vergelijk`.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from klanttools import grafieken, nps
from klanttools._controle import getal_nl
from klanttools.widgets._gemeen import (
    INVOERFOUTEN,
    afbeelding,
    breed,
    html_tabel,
    html_widget,
    knoppen_layout,
    knoppen_stijl,
    verberg,
)

_MAX_GROEPEN = 12


def _groepkolommen(data: pd.DataFrame, score: str) -> list[str]:
    """Kolommen die als groep (meting, segment …) kunnen dienen: weinig verschillende waarden."""
    kolommen = []
    for kolom in data.columns:
        if kolom == score or not isinstance(kolom, str):
            continue
        reeks = data[kolom]
        if isinstance(reeks.dtype, pd.CategoricalDtype) or (
            (pd.api.types.is_object_dtype(reeks.dtype) or pd.api.types.is_string_dtype(reeks.dtype))
            and 2 <= reeks.nunique() <= _MAX_GROEPEN
        ):
            kolommen.append(kolom)
    return kolommen


def _groepwaarden(reeks: pd.Series) -> list[Any]:
    """De waarden van een groepkolom, in hun eigen volgorde (categorieën) of alfabetisch."""
    if isinstance(reeks.dtype, pd.CategoricalDtype):
        return [w for w in reeks.cat.categories if (reeks == w).any()]
    return sorted(reeks.dropna().unique().tolist(), key=str)


def _tabel_uit_analyses(analyses: dict[str, nps.NPSAnalyse]) -> pd.DataFrame:
    """Zet NPSAnalyse-uitkomsten in dezelfde vorm als nps.nps_per_groep (voor de grafiek)."""
    velden = ["n", "promotors", "passief", "criticasters", "leeg"]
    velden += ["nps", "foutmarge", "ondergrens", "bovengrens"]
    tabel = pd.DataFrame(
        {naam: [getattr(r, v) for v in velden] for naam, r in analyses.items()}, index=velden
    ).T
    tabel.index.name = None
    return tabel


def _interval_tekst(r: nps.NPSAnalyse) -> str:
    pct = getal_nl(r.betrouwbaarheid * 100, 0)
    return f"{pct}%-interval {getal_nl(r.ondergrens)} tot {getal_nl(r.bovengrens)}"


class TabVergelijken:
    """Mixin: het tabblad *Vergelijken* (bouwen, groepen zetten, bijwerken)."""

    def _bouw_vergelijken(self) -> widgets.VBox:
        self.vergelijk_bron = widgets.ToggleButtons(
            options=[("Twee sets aantallen", "aantallen")],
            value="aantallen",
            description="Vergelijk",
            style=knoppen_stijl(),
            layout=knoppen_layout(),
        )
        self.vergelijk_bron.add_class("kt-nps-vergelijk-bron")
        self.promotors_a = self._aantal("Promotors", 90, "kt-nps-promotors-a")
        self.passief_a = self._aantal("Passief", 60, "kt-nps-passief-a")
        self.criticasters_a = self._aantal("Criticasters", 50, "kt-nps-criticasters-a")
        self.promotors_b = self._aantal("Promotors", 75, "kt-nps-promotors-b")
        self.passief_b = self._aantal("Passief", 40, "kt-nps-passief-b")
        self.criticasters_b = self._aantal("Criticasters", 35, "kt-nps-criticasters-b")
        self._aantallen_box = widgets.VBox(
            [
                widgets.HTML("<b>Meting A</b> (de eerste of oude meting)"),
                widgets.HBox([self.promotors_a, self.passief_a, self.criticasters_a]),
                widgets.HTML("<b>Meting B</b> (de tweede of nieuwe meting)"),
                widgets.HBox([self.promotors_b, self.passief_b, self.criticasters_b]),
            ]
        )
        self.groep_kolom = widgets.Dropdown(description="Groeperen op", style=breed())
        self.groep_kolom.add_class("kt-nps-groep-kolom")
        self.groep_a = widgets.Dropdown(description="Groep A", style=breed())
        self.groep_a.add_class("kt-nps-groep-a")
        self.groep_b = widgets.Dropdown(description="Groep B", style=breed())
        self.groep_b.add_class("kt-nps-groep-b")
        self._groepen_box = widgets.VBox(
            [self.groep_kolom, widgets.HBox([self.groep_a, self.groep_b])]
        )
        verberg(self._groepen_box)
        self.vergelijking_uitkomst = html_widget("kt-nps-vergelijk-uitkomst")
        self.intervallen = afbeelding("kt-nps-intervallen")
        return widgets.VBox(
            [
                widgets.HTML(
                    "<b>Vergelijken</b>: is het verschil tussen twee metingen of segmenten "
                    "groter dan toeval goed kan verklaren?"
                ),
                self.vergelijk_bron,
                self._aantallen_box,
                self._groepen_box,
                self.vergelijking_uitkomst,
                self.intervallen,
            ]
        )

    def _zet_groepen(self, groep: str | None) -> None:
        kolommen = [] if self.data is None else _groepkolommen(self.data, self._score_kolom)
        with self._stil():
            if kolommen:
                self.vergelijk_bron.options = [
                    ("Groepen uit de data", "groepen"),
                    ("Twee sets aantallen", "aantallen"),
                ]
                self.vergelijk_bron.value = "groepen"
                self.groep_kolom.options = kolommen
                if groep in kolommen:
                    self.groep_kolom.value = groep
                elif "meting" in kolommen:
                    self.groep_kolom.value = "meting"
                else:
                    self.groep_kolom.value = kolommen[0]
                self._zet_groepwaarden()
            else:
                self.vergelijk_bron.options = [("Twee sets aantallen", "aantallen")]
                self.vergelijk_bron.value = "aantallen"
                self.groep_kolom.options = []
                self.groep_a.options = []
                self.groep_b.options = []

    def _zet_groepwaarden(self) -> None:
        assert self.data is not None
        waarden = _groepwaarden(self.data[self.groep_kolom.value])
        opties = [(str(w), w) for w in waarden]
        with self._stil():
            self.groep_a.options = opties
            self.groep_b.options = opties
            if waarden:
                self.groep_a.value = waarden[0]
                self.groep_b.value = waarden[1] if len(waarden) > 1 else waarden[0]

    def _vergelijk_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        if self._stil:
            return
        self._werk_vergelijking()

    def _groep_kolom_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        if self._stil or self.data is None or self.groep_kolom.value is None:
            return
        self._zet_groepwaarden()
        self._werk_vergelijking()

    def _werk_vergelijking(self) -> None:
        groepen = self.vergelijk_bron.value == "groepen" and self.data is not None
        verberg(self._aantallen_box, groepen)
        verberg(self._groepen_box, not groepen)
        opties = self._opties()
        try:
            if groepen:
                assert self.data is not None
                kolom, score = self.groep_kolom.value, self._score_kolom
                naam_a, naam_b = str(self.groep_a.value), str(self.groep_b.value)
                a = self._analyse_groep(kolom, self.groep_a.value)
                b = self._analyse_groep(kolom, self.groep_b.value)
                tabel = nps.nps_per_groep(self.data, kolom, score, **opties)
                tabel = tabel.dropna(subset=["nps"])
            else:
                naam_a, naam_b = "Meting A", "Meting B"
                a = nps.analyse(
                    aantallen=(
                        self.promotors_a.value,
                        self.passief_a.value,
                        self.criticasters_a.value,
                    ),
                    **opties,
                )
                b = nps.analyse(
                    aantallen=(
                        self.promotors_b.value,
                        self.passief_b.value,
                        self.criticasters_b.value,
                    ),
                    **opties,
                )
                tabel = _tabel_uit_analyses({naam_a: a, naam_b: b})
                tabel.index.name = "meting"
            v = nps.vergelijk(a, b, betrouwbaarheid=opties["betrouwbaarheid"])
        except INVOERFOUTEN as fout:
            self.melding.zet("vergelijken", f"Vergelijken: {fout}")
            return
        self.melding.zet("vergelijken", None)
        self.vergelijking = v
        rijen = [
            [
                naam,
                getal_nl(r.n, 0),
                getal_nl(r.nps),
                f"±{getal_nl(r.foutmarge)}",
                _interval_tekst(r),
            ]
            for naam, r in ((naam_a, v.a), (naam_b, v.b))
        ]
        oordeel = "significant" if v.significant else "niet significant"
        self.vergelijking_uitkomst.value = (
            html_tabel(["", "n", "NPS", "foutmarge", "interval"], rijen, "kt-nps-vergelijk-tabel")
            + f'<p>Verschil (B − A): <b class="kt-nps-verschil">{getal_nl(v.verschil)}</b> '
            f'punten; <b class="kt-nps-significant">{oordeel}</b>.</p>'
            f'<p class="kt-nps-oordeel">{html.escape(v.samenvatting())}</p>'
        )
        self._tekenaar.teken("intervallen", lambda: grafieken.nps_intervallen(tabel))

    def _analyse_groep(self, kolom: str, waarde: Any) -> nps.NPSAnalyse:
        assert self.data is not None
        deel = self.data.loc[self.data[kolom] == waarde, self._score_kolom]
        try:
            return nps.analyse(deel, **self._opties())
        except INVOERFOUTEN as fout:
            raise type(fout)(f"groep {waarde!r}: {fout}") from None
