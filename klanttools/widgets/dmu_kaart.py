"""DMU-kaart: geef de mensen bij de klant hun rollen, koppel het klantenteam en zie de gaten.

De widget rekent zelf niets uit: de dekking komt uit :func:`klanttools.mensen.dmu_dekking`,
het advies uit :func:`klanttools.mensen.dmu_advies`, de casussen uit de datasets
``dmu_casussen`` en ``dmu_leden``. De uitkomst is HTML (geen matplotlib), zodat een klik
direct een nieuwe kaart geeft; de grafiek voor in de les is
:func:`klanttools.grafieken.dmu_kaart`.

Examples
--------
>>> kaart = DmuKaart("Okkerse")
>>> kaart.resultaat is None  # nog geen rollen gekozen
True
>>> kaart.rollen_uit_casus.click()
>>> kaart.resultaat.gedekt
('initiatiefnemer', 'inkoper', 'beslisser')
>>> kaart.contact["Dennis Visser"].value = "technische_dienst"
>>> kaart.resultaat.gedekt
('initiatiefnemer', 'gebruiker', 'beinvloeder', 'inkoper', 'beslisser')
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from klanttools.mensen import (
    DMU_ROLLEN,
    FUNCTIE_NAMEN,
    KLANTENTEAM_FUNCTIES,
    DmuDekking,
    dmu_advies,
    dmu_dekking,
    dmu_uit_tabel,
)
from klanttools.widgets._gemeen import INVOERFOUTEN, Melding, Stil, breed, html_tabel, html_widget

__all__ = ["DmuKaart"]

_COMPACT = "style='line-height:1.35;margin:1px 0'"
"""Enkele regelafstand: een HTML-widget rekent anders 28 px per regel."""

GEEN = ""
"""Waarde van de contactkeuze als niemand uit het team deze persoon spreekt."""

_STATUS = {
    "gedekt": ("gedekt", "#2c7bb6", "white"),
    "niet gedekt": ("gat", "#fbe3e0", "#a50f15"),
    "niet in beeld": ("nog niet in beeld", "#eeeeee", "#4d4d4d"),
}


def _casussen() -> tuple[pd.DataFrame, pd.DataFrame]:
    from klanttools.datasets import laad

    return laad("dmu_casussen"), laad("dmu_leden")


class DmuKaart(widgets.VBox):
    """Kies een casus, geef elke persoon bij de klant zijn rol(len) en een contact in het team.

    Parameters
    ----------
    casus : str, optioneel
        De casus om mee te beginnen (``"Vandermeer"``, ``"Campus Noord"`` of
        ``"Okkerse"``); standaard de eerste.

    Attributes
    ----------
    casus : ipywidgets.Dropdown
        De casus; een andere kiezen zet de mensen en hun huidige contacten klaar, zonder rollen.
    rollen : dict of str to dict of str to ipywidgets.ToggleButton
        Per persoon per rol (sleutel uit ``DMU_ROLLEN``) een knop aan of uit.
    contact : dict of str to ipywidgets.Dropdown
        Per persoon de functie uit het klantenteam die hem of haar spreekt (``""`` = niemand).
    rollen_uit_casus, wissen : ipywidgets.Button
        Vul de rollen uit de casus in, of zet alle rollen uit.
    resultaat : DmuDekking or None
        De laatste dekking (None zolang niemand een rol heeft).
    advies : tuple of str
        Het advies bij ``resultaat`` (:func:`klanttools.mensen.dmu_advies`).
    beschrijving, uitkomst, melding : ipywidgets.HTML
        De casus, de dekking per rol met het advies, en meldingen.
    """

    def __init__(self, casus: str | None = None) -> None:
        self._stil = Stil()
        self.resultaat: DmuDekking | None = None
        self.advies: tuple[str, ...] = ()
        self._tabel_casussen, self._leden = _casussen()
        namen = [str(c) for c in self._tabel_casussen["casus"]]
        if casus is not None and casus not in namen:
            raise ValueError(
                f"casus: {casus!r} is onbekend. Kies uit: {', '.join(repr(n) for n in namen)}."
            )
        opties = [
            (f"{r.klant} ({r.koopsituatie})", str(r.casus))
            for r in self._tabel_casussen.itertuples()
        ]
        self.casus = widgets.Dropdown(
            options=opties,
            value=casus or namen[0],
            description="Casus",
            style=breed(),
            layout=widgets.Layout(width="470px"),
        )
        self.casus.add_class("kt-dmu-casus")
        self.rollen_uit_casus = widgets.Button(
            description="Rollen uit de casus", layout=widgets.Layout(width="auto")
        )
        self.rollen_uit_casus.add_class("kt-dmu-uit-casus")
        self.wissen = widgets.Button(
            description="Rollen wissen", layout=widgets.Layout(width="auto")
        )
        self.wissen.add_class("kt-dmu-wissen")
        self.beschrijving = html_widget("kt-dmu-beschrijving")
        self.personen = widgets.VBox(layout=widgets.Layout(width="690px"))
        self.melding = Melding("kt-dmu-melding")
        self.uitkomst = html_widget("kt-dmu-uitkomst")
        self.uitkomst.layout = widgets.Layout(width="470px", margin="0 0 0 16px")
        self.rollen: dict[str, dict[str, widgets.ToggleButton]] = {}
        self.contact: dict[str, widgets.Dropdown] = {}

        super().__init__(
            [
                widgets.HTML("<h3 style='margin:4px 0'>DMU-kaart</h3>"),
                widgets.HTML(
                    f"<div {_COMPACT}>Kies een klant. Geef elke persoon in de DMU zijn rol of "
                    "rollen (één persoon kan er meer hebben) en kies wie uit het klantenteam van "
                    "Kruisveld hem of haar spreekt. Rechts zie je welke rollen gedekt zijn, waar "
                    "de gaten zitten en wat je kunt doen.</div>"
                ),
                self.melding,
                widgets.HBox(
                    [self.casus, self.rollen_uit_casus, self.wissen],
                    layout=widgets.Layout(align_items="center", flex_flow="row wrap"),
                ),
                self.beschrijving,
                widgets.HBox(
                    [self.personen, self.uitkomst], layout=widgets.Layout(flex_flow="row wrap")
                ),
            ]
        )
        self.add_class("kt-dmu-kaart")
        self.casus.observe(self._casus_gewijzigd, names="value")
        self.rollen_uit_casus.on_click(self._vul_casusrollen)
        self.wissen.on_click(self._wis_rollen)
        self._bouw_personen()
        self._werk()

    # ------------------------------------------------------------------------------
    # Opbouw per casus
    # ------------------------------------------------------------------------------

    def _casusrijen(self) -> pd.DataFrame:
        return self._leden[self._leden["casus"] == self.casus.value]

    def _bouw_personen(self) -> None:
        rij = self._tabel_casussen[self._tabel_casussen["casus"] == self.casus.value].iloc[0]
        self.beschrijving.value = (
            f"<div {_COMPACT}><b>{html.escape(str(rij['klant']))}</b> · "
            f"<i>{html.escape(str(rij['koopsituatie']))}</i>: "
            f"{html.escape(str(rij['beschrijving']))}</div>"
        )
        _, koppeling = dmu_uit_tabel(self._leden, self.casus.value)
        contact_van = {p: f for f, personen in koppeling.items() for p in personen}
        rijen = self._casusrijen().drop_duplicates("persoon")
        keuzes = [("geen contact", GEEN)] + [(FUNCTIE_NAMEN[f], f) for f in KLANTENTEAM_FUNCTIES]
        self.rollen, self.contact, blokken = {}, {}, []
        for nummer, r in enumerate(rijen.itertuples()):
            persoon = str(r.persoon)
            knoppen = {}
            for sleutel, rol in DMU_ROLLEN.items():
                knop = widgets.ToggleButton(
                    value=False,
                    description=rol.naam,
                    tooltip=rol.omschrijving,
                    layout=widgets.Layout(width="auto", height="26px", margin="0 3px 0 0"),
                )
                knop.add_class("kt-dmu-rol")
                knop.add_class(f"kt-dmu-rol-{sleutel}")
                knop.observe(self._invoer_gewijzigd, names="value")
                knoppen[sleutel] = knop
            keuze = widgets.Dropdown(
                options=keuzes,
                value=contact_van.get(persoon, GEEN),
                description="contact",
                style=breed(),
                layout=widgets.Layout(width="215px", flex="0 0 auto"),
            )
            keuze.add_class("kt-dmu-contact")
            keuze.observe(self._invoer_gewijzigd, names="value")
            self.rollen[persoon], self.contact[persoon] = knoppen, keuze
            tekst = widgets.HTML(
                f"<div {_COMPACT}><b>{html.escape(persoon)}</b>, "
                f"{html.escape(str(r.functie))}<br><small>{html.escape(str(r.wat))}</small></div>",
                layout=widgets.Layout(flex="1 1 auto", margin="0 8px 0 0"),
            )
            blok = widgets.VBox(
                [
                    widgets.HBox([tekst, keuze], layout=widgets.Layout(align_items="center")),
                    widgets.HBox(list(knoppen.values())),
                ],
                layout=widgets.Layout(
                    margin="0 0 4px 0",
                    padding="2px 0 4px 0",
                    border_bottom="1px solid #ddd" if nummer < len(rijen) - 1 else "",
                ),
            )
            blok.add_class("kt-dmu-persoon")
            blokken.append(blok)
        self.personen.children = blokken

    # ------------------------------------------------------------------------------
    # Callbacks: lezen -> rekenkern -> tonen
    # ------------------------------------------------------------------------------

    def _casus_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        self._bouw_personen()
        self._werk()

    def _vul_casusrollen(self, _knop: Any = None) -> None:
        dmu, _ = dmu_uit_tabel(self._leden, self.casus.value)
        with self._stil():
            for persoon, knoppen in self.rollen.items():
                eigen = {r.replace("ï", "i") for r in dmu.get(persoon, ())}
                for sleutel, knop in knoppen.items():
                    knop.value = sleutel in eigen
        self._werk()

    def _wis_rollen(self, _knop: Any = None) -> None:
        with self._stil():
            for knoppen in self.rollen.values():
                for knop in knoppen.values():
                    knop.value = False
        self._werk()

    def _invoer_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        if not self._stil:
            self._werk()

    def _werk(self) -> None:
        dmu = {
            p: [r for r, knop in knoppen.items() if knop.value]
            for p, knoppen in self.rollen.items()
        }
        zonder_rol = [p for p, rollen in dmu.items() if not rollen]
        dmu = {p: rollen for p, rollen in dmu.items() if rollen}
        koppeling: dict[str, list[str]] = {}
        for persoon, keuze in self.contact.items():
            if keuze.value != GEEN and persoon in dmu:
                koppeling.setdefault(keuze.value, []).append(persoon)
        if not dmu:
            self.resultaat, self.advies = None, ()
            self.melding.zet("dekking", None)
            self.uitkomst.value = (
                f"<div {_COMPACT} class='kt-dmu-leeg'><b>Nog geen rollen.</b> Geef eerst minstens "
                "één persoon een rol (klik op een rol), of klik op <i>Rollen uit de casus</i>."
                "</div>"
            )
            return
        try:
            d = dmu_dekking(koppeling, dmu)
        except INVOERFOUTEN as fout:
            self.melding.zet("dekking", f"DMU-kaart: {fout}")
            return
        self.melding.zet("dekking", None)
        self.resultaat, self.advies = d, dmu_advies(d)
        self.uitkomst.value = self._uitkomst_html(d, self.advies, zonder_rol)

    @staticmethod
    def _uitkomst_html(d: DmuDekking, advies: tuple[str, ...], zonder_rol: list[str]) -> str:
        rijen, klassen = [], []
        for sleutel, rol in DMU_ROLLEN.items():
            houders = [p for p, rollen in d.rollen.items() if sleutel in rollen]
            if sleutel in d.gedekt:
                soort = "gedekt"
                via = ", ".join(FUNCTIE_NAMEN[f] for f in d.via[sleutel])
            elif sleutel in d.niet_in_beeld:
                soort, via = "niet in beeld", "—"
            else:
                soort, via = "niet gedekt", "niemand"
            rijen.append([rol.naam, ", ".join(houders) or "?", via, _STATUS[soort][0]])
            klassen.append(f"kt-dmu-{soort.replace(' ', '-')}")
        tabel = html_tabel(
            ["rol", "wie", "contact via", "status"], rijen, "kt-dmu-tabel", rijklassen=klassen
        )
        for soort, (_tekst, achter, voor) in _STATUS.items():
            klasse = f"kt-dmu-{soort.replace(' ', '-')}"
            tabel = tabel.replace(
                f'<tr class="{klasse}">',
                f'<tr class="{klasse}" style="background:{achter};color:{voor}">',
            )
        extra = (
            f"<p {_COMPACT}><small>Nog zonder rol (telt niet mee): "
            f"{html.escape(', '.join(zonder_rol))}.</small></p>"
            if zonder_rol
            else ""
        )
        punten = "".join(f"<li>{html.escape(z)}</li>" for z in advies)
        return (
            f"<div style='line-height:1.35'><p class='kt-dmu-samenvatting' style='margin:2px 0'>"
            f"<b>{len(d.gedekt)} van de {len(DMU_ROLLEN)} rollen gedekt</b> · contact met "
            f"{len(d.contacten) - len(d.personen_zonder_contact)} van de {len(d.contacten)} "
            f"personen</p>{tabel}{extra}"
            f"<p style='margin:6px 0 2px 0'><b>Advies</b></p>"
            f"<ul class='kt-dmu-advies' style='margin:0;padding-left:18px'>{punten}</ul></div>"
        )
