"""Tabblad *Een 8 is passief* van de NPS-calculator: wat als elke 8 een 9 was geweest?

Een mixin voor :class:`klanttools.widgets.NPSCalculator`; de rekenkern is
:func:`klanttools.nps.wat_als`.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from klanttools import grafieken, nps
from klanttools._controle import getal_nl
from klanttools.widgets._gemeen import (
    INVOERFOUTEN,
    afbeelding,
    breed,
    html_widget,
    procent_nl,
    verberg,
)
from klanttools.widgets._nps_vergelijken import _tabel_uit_analyses

OMZETTINGEN: tuple[tuple[str, dict[int, int]], ...] = (
    ("elke 8 een 9", {8: 9}),
    ("elke 7 en 8 een 9", {7: 9, 8: 9}),
    ("elke 6 een 7", {6: 7}),
)
"""Keuzes op het tabblad "Een 8 is passief": (omschrijving, omzetting voor nps.wat_als)."""


class TabWatAls:
    """Mixin: het tabblad *Een 8 is passief* (bouwen en bijwerken)."""

    def _bouw_wat_als(self) -> widgets.VBox:
        self.omzetting = widgets.Dropdown(
            options=OMZETTINGEN, value=OMZETTINGEN[0][1], description="Wat als", style=breed()
        )
        self.omzetting.add_class("kt-nps-omzetting")
        self.wat_als_uitkomst = html_widget("kt-nps-watals-uitkomst")
        self.wat_als_grafiek = afbeelding("kt-nps-watals-grafiek")
        return widgets.VBox(
            [
                widgets.HTML(
                    "<b>Een 8 is passief</b>: voor veel Nederlanders is een 8 een goed "
                    "rapportcijfer, maar in de NPS telt een 8 als <i>passief</i>, niet als "
                    "promotor. Wat had dat gescheeld?"
                ),
                self.omzetting,
                self.wat_als_uitkomst,
                self.wat_als_grafiek,
            ]
        )

    def _omzetting_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        if self._stil:
            return
        self._werk_wat_als()

    def _werk_wat_als(self) -> None:
        scores = self.scores
        if scores is None:
            self.wat_als_resultaat = None
            self.melding.zet("wat als", None)
            self.wat_als_uitkomst.value = (
                "<p>Hiervoor zijn <b>losse antwoorden</b> nodig: met alleen de aantallen "
                "is niet bekend hoeveel respondenten een 8 gaven. Laad op het tabblad "
                "<i>Aantallen</i> een dataset of een enquêtebestand.</p>"
            )
            self._tekenaar.wis("wat_als")
            verberg(self.wat_als_grafiek)
            return
        omschrijving = f"als {self.omzetting.label} was geweest"
        try:
            voor, na = nps.wat_als(scores, self.omzetting.value, **self._opties())
            verschil = nps.vergelijk(voor, na).verschil
        except INVOERFOUTEN as fout:
            self.melding.zet("wat als", f"Een 8 is passief: {fout}")
            return
        self.melding.zet("wat als", None)
        self.wat_als_resultaat = (voor, na)
        self.wat_als_uitkomst.value = (
            "<table style='border-collapse:collapse'>"
            f"<tr><td style='padding:2px 8px'>Zoals gemeten</td>"
            f"<td style='padding:2px 8px'>NPS <b class='kt-nps-watals-voor'>{getal_nl(voor.nps)}"
            f"</b></td><td style='padding:2px 8px'>promotors {procent_nl(voor.aandeel_promotors)}"
            f", passief {procent_nl(voor.aandeel_passief)}</td></tr>"
            f"<tr><td style='padding:2px 8px'>{html.escape(omschrijving.capitalize())}</td>"
            f"<td style='padding:2px 8px'>NPS <b class='kt-nps-watals-na'>{getal_nl(na.nps)}"
            f"</b></td><td style='padding:2px 8px'>promotors {procent_nl(na.aandeel_promotors)}"
            f", passief {procent_nl(na.aandeel_passief)}</td></tr></table>"
            f"<p>Dat scheelt <b class='kt-nps-watals-verschil'>{getal_nl(verschil)}</b> punten. "
            "Dezelfde klanten, dezelfde tevredenheid: alleen de cijfers die ze kiezen "
            "verschillen. Vergelijk een Nederlandse NPS daarom voorzichtig met die uit "
            "landen waar klanten sneller een 9 of 10 geven.</p>"
        )
        verberg(self.wat_als_grafiek, False)
        tabel = _tabel_uit_analyses({"zoals gemeten": voor, omschrijving: na})
        # Op twee regels: "... als elke 7 en 8 een 9 was geweest" past niet op één regel.
        titel = f"NPS zoals gemeten en\n{omschrijving}"
        self._tekenaar.teken("wat_als", lambda: grafieken.nps_intervallen(tabel, titel=titel))
