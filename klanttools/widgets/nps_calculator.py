"""NPS-calculator: de Net Promoter Score met foutmarge, vergelijken en "een 8 is passief".

De widget rekent zelf niets uit. Elke callback leest de invoer, roept een functie uit
:mod:`klanttools.nps` aan en toont de uitkomst; de grafieken komen uit
:mod:`klanttools.grafieken`.

Drie tabbladen:

1. **Aantallen**: vul het aantal promotors, passief tevredenen en criticasters in (of
   laad een dataset of een enquête-export) en zie de NPS, de drie aandelen, de
   foutmarge en het interval.
2. **Vergelijken**: twee metingen of segmenten naast elkaar: verschil, p-waarde en of
   het verschil significant is.
3. **Een 8 is passief**: wat was de NPS geweest als elke 8 een 9 was?

Examples
--------
>>> calc = NPSCalculator()
>>> calc.promotors.value, calc.passief.value, calc.criticasters.value
(90, 60, 50)
>>> calc.resultaat.nps
20.0
>>> calc.criticasters.value = 90
>>> round(calc.resultaat.nps, 1)
0.0
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets
import pandas as pd

from klanttools import grafieken, nps
from klanttools._controle import getal_nl
from klanttools.widgets._gemeen import (
    INVOERFOUTEN,
    Melding,
    Stil,
    Tekenaar,
    afbeelding,
    breed,
    breedte,
    html_widget,
    knoppen_layout,
    knoppen_stijl,
    procent_nl,
    verberg,
    waarschuwing_html,
)
from klanttools.widgets._html_staven import nps_staaf_html
from klanttools.widgets._nps_vergelijken import TabVergelijken, _interval_tekst
from klanttools.widgets._nps_wat_als import TabWatAls

__all__ = ["NPSCalculator"]

MINIMUM_N = 30
"""Onder dit aantal geldige antwoorden waarschuwt de calculator."""

MAXIMALE_FOUTMARGE = 20.0
"""Boven deze foutmarge (in NPS-punten) waarschuwt de calculator."""

BETROUWBAARHEDEN = (("90%", 0.90), ("95%", 0.95), ("99%", 0.99))
METHODEN = (("Wald", "wald"), ("Aangepaste Wald", "aangepaste_wald"))
DATASETS = (("NPS-enquête Kruisveld Techniek (synthetisch)", "nps_enquete"),)

_TAB_AANTALLEN, _TAB_VERGELIJKEN, _TAB_ACHT = 0, 1, 2


class NPSCalculator(TabVergelijken, TabWatAls, widgets.VBox):
    """Interactieve NPS-calculator met foutmarge, vergelijking en "een 8 is passief".

    Parameters
    ----------
    scores : reeks van int of pandas.Series, optioneel
        Losse antwoorden 0–10 (leeg = geen antwoord, telt niet mee). Zonder scores
        en zonder data start de calculator met een rekenvoorbeeld:
        90 promotors, 60 passief, 50 criticasters.
    data : pandas.DataFrame, optioneel
        In plaats van ``scores``: een tabel met een scorekolom, bijvoorbeeld
        ``laad("nps_enquete")``. Groepkolommen (meting, segment …) kun je dan op
        het tabblad *Vergelijken* naast elkaar zetten.
    score : str, standaard ``"score"``
        Naam van de scorekolom in ``data``.
    groep : str, optioneel
        Kolom van ``data`` om op te vergelijken (standaard ``"meting"`` als die er is).

    Attributes
    ----------
    promotors, passief, criticasters : ipywidgets.IntText
        De aantallen per categorie (tabblad *Aantallen*).
    betrouwbaarheid : ipywidgets.Dropdown
        90%, 95% of 99% (waarde 0.90, 0.95 of 0.99).
    methode : ipywidgets.ToggleButtons
        ``"wald"`` of ``"aangepaste_wald"``.
    dataset, laad_knop : ipywidgets.Dropdown, ipywidgets.Button
        Een cursusdataset kiezen en laden.
    bestand, lees_knop : ipywidgets.Text, ipywidgets.Button
        Het pad van een enquête-export (MS Forms, Google Forms, Qualtrics,
        SurveyMonkey, Excel-CSV) en de knop om die in te lezen.
    resultaat : NPSAnalyse or None
        De huidige (laatste geldige) uitkomst.
    uitkomst, waarschuwing, bron, melding : ipywidgets.HTML
        De getoonde uitkomst, de waarschuwing bij weinig antwoorden, waar de
        antwoorden vandaan komen, en het meldingskader voor foute invoer.
    staaf : ipywidgets.HTML
        Gestapelde staaf van de drie aandelen, als HTML (direct bij elke invoer; zie
        :mod:`klanttools.widgets._html_staven`).
    verdeling : ipywidgets.Image
        Verdeling van de scores 0–10 (alleen als er losse antwoorden zijn).
    scores : pandas.Series or None
        De geladen losse antwoorden (``None`` bij eigen aantallen).
    data : pandas.DataFrame or None
        De geladen tabel (voor het vergelijken van groepen).
    vergelijk_bron : ipywidgets.ToggleButtons
        ``"aantallen"`` (twee sets aantallen) of ``"groepen"`` (groepen uit de data).
    promotors_a, passief_a, criticasters_a, promotors_b, passief_b, criticasters_b : ipywidgets.IntText
        De twee sets aantallen op het tabblad *Vergelijken* (A = eerste meting).
    groep_kolom, groep_a, groep_b : ipywidgets.Dropdown
        De groepkolom en de twee groepen die vergeleken worden.
    vergelijking : Vergelijking or None
        De huidige vergelijking (uitkomst van :func:`klanttools.nps.vergelijk`).
    vergelijking_uitkomst, intervallen : ipywidgets.HTML, ipywidgets.Image
        Het oordeel in gewone taal en de grafiek met de intervallen.
    omzetting : ipywidgets.Dropdown
        Welke scores veranderen op het tabblad *Een 8 is passief* (standaard {8: 9}).
    wat_als_resultaat : tuple of NPSAnalyse or None
        (zoals gemeten, na de omzetting), uitkomst van :func:`klanttools.nps.wat_als`.
    wat_als_uitkomst, wat_als_grafiek : ipywidgets.HTML, ipywidgets.Image
        Voor en na in woorden, en als grafiek.
    tabs : ipywidgets.Tab
        De drie tabbladen.

    Examples
    --------
    >>> calc = NPSCalculator()
    >>> "20,0" in calc.uitkomst.value and "±11,3" in calc.uitkomst.value
    True
    >>> calc.promotors.value = -5
    >>> calc.resultaat.nps  # de laatste geldige uitkomst blijft staan
    20.0
    >>> "te klein" in calc.melding.value
    True
    """

    def __init__(
        self,
        scores: Any = None,
        *,
        data: pd.DataFrame | None = None,
        score: str = "score",
        groep: str | None = None,
    ) -> None:
        if scores is not None and data is not None:
            raise TypeError(
                "NPSCalculator: geef óf scores (losse antwoorden) óf data (een tabel met een "
                "scorekolom), niet allebei."
            )
        self._stil = Stil()
        self.resultaat: nps.NPSAnalyse | None = None
        self.vergelijking: nps.Vergelijking | None = None
        self.wat_als_resultaat: tuple[nps.NPSAnalyse, nps.NPSAnalyse] | None = None
        self.scores: pd.Series | None = None
        self.data: pd.DataFrame | None = None
        self._score_kolom = score

        # --- Tabblad 1: aantallen -------------------------------------------------
        begin = (90, 60, 50) if scores is None and data is None else (0, 0, 0)
        self.promotors = self._aantal("Promotors (9–10)", begin[0], "kt-nps-promotors")
        self.passief = self._aantal("Passief (7–8)", begin[1], "kt-nps-passief")
        self.criticasters = self._aantal("Criticasters (0–6)", begin[2], "kt-nps-criticasters")
        self.betrouwbaarheid = widgets.Dropdown(
            options=BETROUWBAARHEDEN, value=0.95, description="Betrouwbaarheid", style=breed()
        )
        self.betrouwbaarheid.add_class("kt-nps-betrouwbaarheid")
        self.methode = widgets.ToggleButtons(
            options=METHODEN,
            value="wald",
            description="Interval",
            tooltips=[
                "Het gewone interval: NPS ± z × standaardfout",
                "Rocks (2016): beter bij weinig antwoorden",
            ],
            style=knoppen_stijl(),
            layout=knoppen_layout(),
        )
        self.methode.add_class("kt-nps-methode")
        self.dataset = widgets.Dropdown(
            options=DATASETS, description="Dataset", style=breed(), layout=breedte(460)
        )
        self.dataset.add_class("kt-nps-dataset")
        self.laad_knop = widgets.Button(description="Dataset laden", icon="database")
        self.laad_knop.add_class("kt-nps-laden")
        self.bestand = widgets.Text(
            placeholder="bijvoorbeeld enquete.xlsx of export.csv",
            description="Enquêtebestand",
            style=breed(),
            layout=breedte(460),
        )
        self.bestand.add_class("kt-nps-bestand")
        self.lees_knop = widgets.Button(description="Bestand inlezen", icon="upload")
        self.lees_knop.add_class("kt-nps-inlezen")

        self.melding = Melding("kt-nps-melding")
        self.bron = html_widget("kt-nps-bron")
        self.uitkomst = html_widget("kt-nps-uitkomst")
        self.waarschuwing = html_widget("kt-nps-waarschuwing")
        self.staaf = html_widget("kt-nps-staaf")
        self.verdeling = afbeelding("kt-nps-verdeling", breedte="540px")

        # Uitkomst links, verdeling rechts: zo past het tabblad op een laptopscherm
        # (1366×900). Op een smal scherm schuift de grafiek onder de uitkomst.
        uitkomst_en_verdeling = widgets.HBox(
            [
                widgets.VBox(
                    [self.uitkomst, self.waarschuwing, self.staaf],
                    layout=widgets.Layout(width="560px", flex="0 1 auto", margin="0 16px 0 0"),
                ),
                self.verdeling,
            ],
            layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"),
        )
        uitkomst_en_verdeling.add_class("kt-nps-uitkomst-en-verdeling")

        tab_aantallen = widgets.VBox(
            [
                widgets.HTML(
                    "<b>Aantallen</b>: vul in hoeveel respondenten promotor (9–10), passief "
                    "(7–8) of criticaster (0–6) zijn, of laad losse antwoorden."
                ),
                widgets.HBox([self.promotors, self.passief, self.criticasters]),
                widgets.HBox([self.betrouwbaarheid, self.methode]),
                widgets.HBox([self.dataset, self.laad_knop]),
                widgets.HBox([self.bestand, self.lees_knop]),
                self.bron,
                uitkomst_en_verdeling,
            ]
        )

        tab_vergelijken = self._bouw_vergelijken()
        tab_acht = self._bouw_wat_als()

        self.tabs = widgets.Tab(
            children=[tab_aantallen, tab_vergelijken, tab_acht],
            titles=("Aantallen", "Vergelijken", "Een 8 is passief"),
        )
        self.tabs.add_class("kt-nps-tabs")
        self._tekenaar = Tekenaar(self.tabs, self.melding)
        self._tekenaar.registreer("verdeling", self.verdeling, _TAB_AANTALLEN)
        self._tekenaar.registreer("intervallen", self.intervallen, _TAB_VERGELIJKEN)
        self._tekenaar.registreer("wat_als", self.wat_als_grafiek, _TAB_ACHT)

        super().__init__(
            [
                widgets.HTML("<h3 style='margin:4px 0'>NPS-calculator</h3>"),
                self.melding,
                self.tabs,
            ]
        )
        self.add_class("kt-nps-calculator")

        # --- Koppelingen ------------------------------------------------------------
        for w in (self.promotors, self.passief, self.criticasters):
            w.observe(self._aantallen_gewijzigd, names="value")
        for w in (self.betrouwbaarheid, self.methode):
            w.observe(self._instelling_gewijzigd, names="value")
        self.laad_knop.on_click(self._laad_dataset)
        self.lees_knop.on_click(self._lees_bestand)
        for w in (
            self.vergelijk_bron,
            self.promotors_a,
            self.passief_a,
            self.criticasters_a,
            self.promotors_b,
            self.passief_b,
            self.criticasters_b,
            self.groep_a,
            self.groep_b,
        ):
            w.observe(self._vergelijk_gewijzigd, names="value")
        self.groep_kolom.observe(self._groep_kolom_gewijzigd, names="value")
        self.omzetting.observe(self._omzetting_gewijzigd, names="value")

        # --- Eerste uitkomst ----------------------------------------------------------
        if scores is None and data is None:
            self.bron.value = "Bron: eigen aantallen (een rekenvoorbeeld)."
            self._werk_hoofd()
            self._werk_verdeling()
            self._werk_vergelijking()
            self._werk_wat_als()
        else:
            self.laad_antwoorden(scores, data=data, score=score, groep=groep)

    # ------------------------------------------------------------------------------
    # Opbouw
    # ------------------------------------------------------------------------------

    @staticmethod
    def _aantal(omschrijving: str, waarde: int, klasse: str) -> widgets.IntText:
        w = widgets.IntText(
            value=waarde,
            description=omschrijving,
            style=breed(),
            layout=widgets.Layout(width="210px"),
        )
        w.add_class(klasse)
        return w

    def _opties(self) -> dict[str, Any]:
        return {"betrouwbaarheid": self.betrouwbaarheid.value, "methode": self.methode.value}

    # ------------------------------------------------------------------------------
    # Antwoorden laden
    # ------------------------------------------------------------------------------

    def laad_antwoorden(
        self,
        scores: Any = None,
        *,
        data: pd.DataFrame | None = None,
        score: str = "score",
        groep: str | None = None,
        bron: str = "eigen antwoorden",
    ) -> bool:
        """Gebruik losse antwoorden (of een tabel met een scorekolom) in de calculator.

        Bij foute invoer verschijnt een melding en blijft de vorige uitkomst staan.

        Returns
        -------
        bool
            ``True`` als de antwoorden gebruikt worden, ``False`` bij een melding.

        Examples
        --------
        >>> calc = NPSCalculator()
        >>> calc.laad_antwoorden([10, 9, 8, 8, 6, None])
        True
        >>> calc.resultaat.nps, calc.resultaat.leeg
        (20.0, 1)
        """
        try:
            if data is not None:
                if not isinstance(data, pd.DataFrame):
                    raise TypeError(
                        f"data: verwacht een pandas DataFrame, kreeg {type(data).__name__}."
                    )
                if score not in data.columns:
                    kolommen = ", ".join(repr(k) for k in list(data.columns)[:12])
                    raise ValueError(
                        f"score: de tabel heeft geen kolom {score!r}. Kolommen: {kolommen}."
                    )
                if groep is not None and groep not in data.columns:
                    raise ValueError(f"groep: de tabel heeft geen kolom {groep!r}.")
                scores = data[score]
            elif isinstance(scores, Iterator):
                scores = list(scores)  # een generator kan maar één keer gelezen worden
            telling = nps.tel(scores)
            r = nps.analyse(scores, **self._opties())
        except INVOERFOUTEN as fout:
            self.melding.zet("invoer", f"{bron}: {fout}")
            return False
        self.scores = scores if isinstance(scores, pd.Series) else pd.Series(list(scores))
        self.data = data
        self._score_kolom = score
        with self._stil():
            self.promotors.value = telling.promotors
            self.passief.value = telling.passief
            self.criticasters.value = telling.criticasters
        leeg = f"; {getal_nl(r.leeg, 0)} lege antwoorden tellen niet mee" if r.leeg else ""
        self.bron.value = f"Bron: {html.escape(bron)}, {getal_nl(r.n, 0)} geldige antwoorden{leeg}."
        self._zet_groepen(groep)
        self._werk_hoofd(r)
        self._werk_verdeling()
        self._werk_vergelijking()
        self._werk_wat_als()
        return True

    def _laad_dataset(self, _knop: widgets.Button | None = None) -> None:
        from klanttools.datasets import laad

        naam = self.dataset.value
        try:
            data = laad(naam)
        except (*INVOERFOUTEN, OSError) as fout:
            self.melding.zet("invoer", f"Dataset {naam!r}: {fout}")
            return
        self.laad_antwoorden(data=data, score="score", bron=f"dataset {naam}")

    def _lees_bestand(self, _knop: widgets.Button | None = None) -> None:
        from klanttools.enquete import importverslag, lees_enquete

        pad = self.bestand.value.strip()
        if not pad:
            self.melding.zet("invoer", "Enquêtebestand: vul eerst het pad van een bestand in.")
            return
        try:
            data = lees_enquete(pad)
            verslag = importverslag(data)
        except (*INVOERFOUTEN, OSError) as fout:
            self.melding.zet("invoer", f"Enquêtebestand {pad!r}: {fout}")
            return
        if self.laad_antwoorden(data=data, score="score", bron=f"bestand {pad}"):
            self.bron.value += (
                "<details><summary>Importverslag</summary>"
                f"<pre>{html.escape(verslag)}</pre></details>"
            )

    # ------------------------------------------------------------------------------
    # Callbacks: lezen -> rekenkern -> tonen
    # ------------------------------------------------------------------------------

    def _aantallen_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        if self._stil:
            return
        if self.scores is not None:
            # Met de hand aangepaste aantallen horen niet meer bij de geladen antwoorden.
            self.scores = None
            self._werk_verdeling()
            self._werk_wat_als()
        if self._werk_hoofd():
            self.bron.value = "Bron: eigen aantallen."
        elif self.resultaat is not None:
            # Wat de widget zegt en wat hij toont, moet kloppen: de uitkomst hieronder is
            # nog die van de vorige geldige invoer.
            self.bron.value = (
                "Bron: eigen aantallen, maar die kloppen nog niet (zie de melding). Hieronder "
                f"staat nog de vorige geldige uitkomst (n = {getal_nl(self.resultaat.n, 0)})."
            )

    def _instelling_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        if self._stil:
            return
        self._werk_hoofd()
        self._werk_vergelijking()
        self._werk_wat_als()

    # ------------------------------------------------------------------------------
    # Tabblad 1
    # ------------------------------------------------------------------------------

    def _bereken(self) -> nps.NPSAnalyse:
        if self.scores is not None:
            return nps.analyse(self.scores, **self._opties())
        aantallen = (self.promotors.value, self.passief.value, self.criticasters.value)
        return nps.analyse(aantallen=aantallen, **self._opties())

    def _werk_hoofd(self, r: nps.NPSAnalyse | None = None) -> bool:
        """Reken en toon de uitkomst; False als de invoer fout is (de oude blijft staan)."""
        if r is None:
            try:
                r = self._bereken()
            except INVOERFOUTEN as fout:
                self.melding.zet("invoer", str(fout))
                return False
        self.melding.zet("invoer", None)
        self.resultaat = r
        self.uitkomst.value = self._uitkomst_html(r)
        if r.n < MINIMUM_N or r.foutmarge > MAXIMALE_FOUTMARGE:
            self.waarschuwing.value = waarschuwing_html(
                "Met zo weinig antwoorden zegt de NPS nog weinig: de foutmarge is "
                f"±{getal_nl(r.foutmarge)} punten bij n = {getal_nl(r.n, 0)}. Verzamel meer "
                "antwoorden voordat je conclusies trekt."
            )
        else:
            self.waarschuwing.value = ""
        self.staaf.value = nps_staaf_html(r)
        return True

    @staticmethod
    def _uitkomst_html(r: nps.NPSAnalyse) -> str:
        methode = "aangepaste Wald" if r.methode == "aangepaste_wald" else "Wald"
        return (
            f'<div style="font-size:1.6em">NPS <b class="kt-nps-waarde">{getal_nl(r.nps)}</b>'
            "</div>"
            f"<div>Promotors <b>{procent_nl(r.aandeel_promotors)}</b> · "
            f"passief <b>{procent_nl(r.aandeel_passief)}</b> · "
            f"criticasters <b>{procent_nl(r.aandeel_criticasters)}</b> "
            f"(n = {getal_nl(r.n, 0)})</div>"
            f'<div>Foutmarge <b class="kt-nps-marge">±{getal_nl(r.foutmarge)}</b> punten; '
            f'<span class="kt-nps-interval">{_interval_tekst(r)}</span> ({methode}).</div>'
            "<div><small>De NPS is % promotors − % criticasters: een getal van −100 tot "
            "+100, geen percentage.</small></div>"
        )

    def _werk_verdeling(self) -> None:
        scores = self.scores
        if scores is None:
            self._tekenaar.wis("verdeling")
            verberg(self.verdeling)
            return
        verberg(self.verdeling, False)
        self._tekenaar.teken("verdeling", lambda: grafieken.nps_verdeling(scores))

    # ------------------------------------------------------------------------------
    # Tabblad 2
    # ------------------------------------------------------------------------------

    # ------------------------------------------------------------------------------
    # Tabblad 3
    # ------------------------------------------------------------------------------
