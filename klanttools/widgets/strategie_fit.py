"""Strategie-fit: de stellingen over de drie waardestrategieën, het profiel en het oordeel.

Een **lesinstrument**, geen gevalideerde meetschaal: zie
:mod:`klanttools.waardestrategie`. De widget rekent zelf niets uit; het profiel en het
oordeel komen uit :func:`klanttools.waardestrategie.profiel` en
:func:`klanttools.waardestrategie.beoordeel`.

Examples
--------
>>> fit = StrategieFit()
>>> len(fit.antwoorden)
15
>>> fit.bedrijf.value = "Brinkman ICT-partners"
>>> fit.resultaat.dominant, fit.resultaat.crm_fit
('customer_intimacy', True)
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from klanttools._controle import getal_nl
from klanttools.waardestrategie import (
    DISCIPLINES,
    NAMEN,
    SCHAAL,
    STELLINGEN,
    VOORBEELDBEDRIJVEN,
    Beoordeling,
    beoordeel,
    profiel,
)
from klanttools.widgets._gemeen import (
    INVOERFOUTEN,
    Melding,
    Stil,
    breed,
    html_tabel,
    html_widget,
    ja_nee,
)
from klanttools.widgets._html_staven import profiel_html

__all__ = ["StrategieFit"]

_COMPACT = "style='line-height:1.4;margin:2px 0 6px 0'"
"""Enkele regelafstand: een HTML-widget rekent anders 28 px per regel (te hoog voor 15 stellingen)."""

EIGEN = "eigen antwoorden"
"""Waarde van de bedrijfskeuze als de student de stellingen zelf invult."""


def _stap_label(x: float) -> str:
    """'3,0', '3,25', '0,75': twee decimalen zonder overbodige nul."""
    tekst = getal_nl(x, 2)
    return tekst[:-1] if tekst.endswith("0") else tekst


DREMPELS: tuple[tuple[str, float], ...] = tuple(
    (_stap_label(1 + i / 4), 1 + i / 4) for i in range(17)
)
"""Keuzes voor de drempel: 1,0 tot en met 5,0 in stappen van 0,25."""

VOORSPRONGEN: tuple[tuple[str, float], ...] = tuple((_stap_label(i / 4), i / 4) for i in range(9))
"""Keuzes voor de vereiste voorsprong: 0,0 tot en met 2,0 in stappen van 0,25."""


DATASET_RESPONDENT = "directie"
"""Welke medewerker van een bedrijf uit de dataset de widget laat zien."""


def _bedrijven_uit_dataset() -> dict[str, dict[str, int]]:
    """De antwoorden van de directie per bedrijf uit de dataset ``waardestrategie``.

    De dataset heeft vier medewerkers per bedrijf; de knoppen van de widget tonen één
    antwoord per stelling, dus de widget neemt die van de directie (`DATASET_RESPONDENT`).
    """
    from klanttools.datasets import laad

    try:
        tabel = laad("waardestrategie")
    except (*INVOERFOUTEN, OSError):
        return {}
    if "respondent" in tabel.columns:
        tabel = tabel[tabel["respondent"] == DATASET_RESPONDENT]
    breed_ = tabel.pivot(index="bedrijf", columns="stelling", values="antwoord")
    return {
        str(bedrijf): {str(code): int(w) for code, w in rij.items()}
        for bedrijf, rij in breed_.iterrows()
    }


class StrategieFit(widgets.VBox):
    """Beantwoord de stellingen (of kies een bedrijf) en zie of CRM bij de strategie past.

    Parameters
    ----------
    bedrijf : str, optioneel
        Start met de antwoorden van een voorbeeldbedrijf of een bedrijf uit de
        dataset ``waardestrategie``. Standaard: alle stellingen op 3 (neutraal).

    Attributes
    ----------
    antwoorden : dict of str to ipywidgets.ToggleButtons
        Per stellingcode (``"OE1"`` … ``"PL5"``) het antwoord 1–5.
    bedrijf : ipywidgets.Dropdown
        Een voorbeeldbedrijf kiezen zet alle antwoorden; ``"eigen antwoorden"`` als
        de student zelf invult.
    drempel, voorsprong : ipywidgets.SelectionSlider
        De drempel (1,0–5,0) en de vereiste voorsprong (0,0–2,0) voor het oordeel.
    resultaat : Beoordeling or None
        Het laatste geldige oordeel (:func:`klanttools.waardestrategie.beoordeel`).
    omschrijving, oordeel, melding : ipywidgets.HTML
        De schets van het gekozen bedrijf, het oordeel met uitleg, en meldingen.
    grafiek : ipywidgets.Image
        Het profiel van de drie waardestrategieën (PNG).

    Examples
    --------
    >>> fit = StrategieFit("Vormkracht Labs")
    >>> fit.resultaat.dominant
    'product_leadership'
    >>> fit.antwoorden["PL1"].value
    5
    >>> fit.antwoorden["OE1"].value = 5  # eigen antwoord: de bedrijfskeuze vervalt
    >>> fit.bedrijf.value
    'eigen antwoorden'
    """

    def __init__(self, bedrijf: str | None = None) -> None:
        self._stil = Stil()
        self.resultaat: Beoordeling | None = None
        self._bedrijven: dict[str, dict[str, int]] = {
            naam: dict(b.antwoorden) for naam, b in VOORBEELDBEDRIJVEN.items()
        }
        self._schetsen: dict[str, str] = {
            naam: b.omschrijving for naam, b in VOORBEELDBEDRIJVEN.items()
        }
        uit_dataset = _bedrijven_uit_dataset()
        for naam, antwoorden in uit_dataset.items():
            if naam not in self._bedrijven:
                self._bedrijven[naam] = antwoorden
                self._schetsen[naam] = (
                    f"Zelfbeoordeling door de {DATASET_RESPONDENT} van dit verzonnen bedrijf, uit "
                    "de dataset waardestrategie. De antwoorden van de drie andere medewerkers "
                    "staan in de dataset."
                )

        # --- Invoer -------------------------------------------------------------------
        opties = [("Eigen antwoorden", EIGEN)]
        opties += [(f"{n} (voorbeeld)", n) for n in VOORBEELDBEDRIJVEN]
        opties += [
            (f"{n} ({DATASET_RESPONDENT}, dataset)", n)
            for n in uit_dataset
            if n not in VOORBEELDBEDRIJVEN
        ]
        self.bedrijf = widgets.Dropdown(
            options=opties, value=EIGEN, description="Bedrijf", style=breed()
        )
        self.bedrijf.add_class("kt-fit-bedrijf")
        self.omschrijving = html_widget("kt-fit-omschrijving")
        self.antwoorden: dict[str, widgets.ToggleButtons] = {}
        rijen_per_discipline: dict[str, list[widgets.Widget]] = {d: [] for d in DISCIPLINES}
        for s in STELLINGEN:
            knoppen = widgets.ToggleButtons(
                options=[(str(k), k) for k in SCHAAL],
                value=3,
                tooltips=[SCHAAL[k] for k in SCHAAL],
                style={**breed(), "button_width": "32px"},
                # Vaste breedte: de vijf knoppen blijven op één regel naast de stelling.
                layout=widgets.Layout(
                    display="flex", flex_flow="row nowrap", flex="0 0 auto", width="190px"
                ),
            )
            knoppen.add_class("kt-fit-antwoord")
            knoppen.add_class(f"kt-fit-stelling-{s.code}")
            self.antwoorden[s.code] = knoppen
            # Eén regel per stelling: code en tekst links, de vijf knoppen rechts ernaast
            # (ipywidgets zet een omschrijving anders bóven de knoppen: 2.500 px hoog).
            tekst = widgets.HTML(
                f"<div style='font-size:0.92em;line-height:1.3'><b>{s.code}</b> "
                f"{html.escape(s.tekst)}</div>",
                layout=widgets.Layout(flex="1 1 auto", margin="0 8px 0 0"),
            )
            rijen_per_discipline[s.discipline].append(
                widgets.HBox(
                    [tekst, knoppen],
                    layout=widgets.Layout(align_items="center", margin="0 0 2px 0"),
                )
            )
        self.drempel = widgets.SelectionSlider(
            options=DREMPELS,
            value=3.0,
            description="Drempel",
            continuous_update=False,
            style=breed(),
        )
        self.drempel.add_class("kt-fit-drempel")
        self.voorsprong = widgets.SelectionSlider(
            options=VOORSPRONGEN,
            value=0.75,
            description="Voorsprong",
            continuous_update=False,
            style=breed(),
        )
        self.voorsprong.add_class("kt-fit-voorsprong")

        # --- Uitvoer ------------------------------------------------------------------
        self.melding = Melding("kt-fit-melding")
        self.oordeel = html_widget("kt-fit-oordeel")
        # HTML in plaats van een matplotlib-PNG: een klik geeft direct het nieuwe profiel.
        self.grafiek = html_widget("kt-fit-profiel")

        legenda = " · ".join(f"{k} = {tekst}" for k, tekst in SCHAAL.items())
        stellingen = widgets.VBox(
            [
                widgets.HTML(f"<small>{html.escape(legenda)}</small>"),
                *[
                    widgets.VBox(
                        [widgets.HTML(f"<b>{html.escape(NAMEN[d])}</b>"), *rijen_per_discipline[d]]
                    )
                    for d in DISCIPLINES
                ],
            ],
            layout=widgets.Layout(width="640px"),
        )
        uitkomst = widgets.VBox(
            [self.drempel, self.voorsprong, self.grafiek, self.oordeel],
            layout=widgets.Layout(width="520px", margin="0 0 0 16px"),
        )
        super().__init__(
            [
                widgets.HTML("<h3 style='margin:4px 0'>Strategie-fit</h3>"),
                widgets.HTML(
                    f"<div {_COMPACT}>Hoe sterk is elke waardestrategie van Treacy en Wiersema? "
                    "Geef bij elke stelling aan hoe sterk je het ermee eens bent voor het "
                    "bedrijf, of kies een bedrijf. <i>Dit is een lesinstrument, geen "
                    "gevalideerde meetschaal.</i></div>"
                ),
                self.melding,
                widgets.HBox([self.bedrijf]),
                self.omschrijving,
                widgets.HBox([stellingen, uitkomst], layout=widgets.Layout(flex_flow="row wrap")),
            ]
        )
        self.add_class("kt-strategie-fit")

        # --- Koppelingen ----------------------------------------------------------------
        for knoppen in self.antwoorden.values():
            knoppen.observe(self._antwoord_gewijzigd, names="value")
        self.bedrijf.observe(self._bedrijf_gewijzigd, names="value")
        self.drempel.observe(self._instelling_gewijzigd, names="value")
        self.voorsprong.observe(self._instelling_gewijzigd, names="value")

        if bedrijf is not None:
            if bedrijf not in self._bedrijven:
                raise ValueError(
                    f"bedrijf: {bedrijf!r} is onbekend. Kies uit: "
                    f"{', '.join(repr(n) for n in self._bedrijven)}."
                )
            self.bedrijf.value = bedrijf
        else:
            self._toon_omschrijving()
            self._werk()

    # ------------------------------------------------------------------------------
    # Callbacks: lezen -> rekenkern -> tonen
    # ------------------------------------------------------------------------------

    def _bedrijf_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        if self._stil:
            return
        naam = self.bedrijf.value
        if naam != EIGEN:
            with self._stil():
                for code, waarde in self._bedrijven[naam].items():
                    if code in self.antwoorden:
                        self.antwoorden[code].value = waarde
        self._toon_omschrijving()
        self._werk()

    def _antwoord_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        if self._stil:
            return
        if self.bedrijf.value != EIGEN:
            # Zelf een antwoord veranderd: het profiel is niet meer dat van het bedrijf.
            with self._stil():
                self.bedrijf.value = EIGEN
            self._toon_omschrijving()
        self._werk()

    def _instelling_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        self._werk()

    def _toon_omschrijving(self) -> None:
        naam = self.bedrijf.value
        if naam == EIGEN:
            self.omschrijving.value = f"<div {_COMPACT}><i>Eigen antwoorden.</i></div>"
        else:
            self.omschrijving.value = (
                f"<div {_COMPACT}><b>{html.escape(naam)}</b>: "
                f"{html.escape(self._schetsen[naam])}</div>"
            )

    def _werk(self) -> None:
        antwoorden = {code: knoppen.value for code, knoppen in self.antwoorden.items()}
        try:
            b = beoordeel(
                profiel(antwoorden), drempel=self.drempel.value, voorsprong=self.voorsprong.value
            )
        except INVOERFOUTEN as fout:
            self.melding.zet("oordeel", f"Strategie-fit: {fout}")
            return
        self.melding.zet("oordeel", None)
        self.resultaat = b
        # Enkele regelafstand: de standaard van een HTML-widget is 28 px per regel.
        self.oordeel.value = f'<div style="line-height:1.4">{self._oordeel_html(b)}</div>'
        self.grafiek.value = profiel_html(b)

    @staticmethod
    def _oordeel_html(b: Beoordeling) -> str:
        rijen = [
            [NAMEN[d], _stap_label(b.profiel[d]), ja_nee(b.drempel_gehaald[d])] for d in DISCIPLINES
        ]
        dominant = NAMEN[b.dominant] if b.dominant else "geen (geen duidelijke keuze)"
        return (
            html_tabel(
                [
                    "waardestrategie",
                    "gemiddelde (1–5)",
                    f"drempel {_stap_label(b.drempel)} gehaald",
                ],
                rijen,
                "kt-fit-profieltabel",
            )
            + f'<p>Leidt duidelijk: <b class="kt-fit-dominant">{html.escape(dominant)}</b><br>'
            f'Strategie-fit: <b class="kt-fit-strategie">{ja_nee(b.strategie_fit)}</b> · '
            f'CRM past: <b class="kt-fit-crm">{ja_nee(b.crm_fit)}</b></p>'
            f'<p class="kt-fit-uitleg" style="line-height:1.4">{html.escape(b.uitleg)}</p>'
        )
