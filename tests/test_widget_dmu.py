"""Tests van de DMU-kaart (klanttools.widgets.DmuKaart), bediend vanuit code zoals een student.

De verwachte dekking rekent deze module zelf uit de CSV (pandas, zonder klanttools.mensen).
"""

from __future__ import annotations

import html
import re

import pytest

from klanttools.datasets import laad
from klanttools.mensen import DMU_ROLLEN, dmu_advies, dmu_dekking
from klanttools.widgets import DmuKaart

LEDEN = laad("dmu_leden")


def tekst(widget) -> str:
    """De zichtbare tekst van een HTML-widget."""
    return html.unescape(re.sub(r"<[^>]+>", " ", widget.value))


def gedekt_uit_csv(casus: str, contacten: dict[str, str]) -> set[str]:
    """Rollen van personen met een contact, zonder klanttools.mensen."""
    rijen = LEDEN[LEDEN["casus"] == casus]
    bereikt = [p for p, f in contacten.items() if f]
    return {str(r).replace("ï", "i") for r in rijen.loc[rijen["persoon"].isin(bereikt), "rol"]}


def test_start_zonder_rollen_met_de_contacten_uit_de_data():
    kaart = DmuKaart()
    assert kaart.casus.value == "Vandermeer"
    assert list(kaart.rollen) == list(
        dict.fromkeys(LEDEN.loc[LEDEN["casus"] == "Vandermeer", "persoon"])
    )
    assert all(len(k) == 6 for k in kaart.rollen.values())
    assert not any(k.value for knoppen in kaart.rollen.values() for k in knoppen.values())
    assert kaart.contact["Karin de Wit"].value == "accountmanager"
    assert kaart.contact["Mark Vandermeer"].value == ""
    assert kaart.resultaat is None and kaart.advies == ()
    assert "Nog geen rollen" in tekst(kaart.uitkomst)
    assert "nieuwe aankoop" in tekst(kaart.beschrijving)


@pytest.mark.parametrize("casus", ["Vandermeer", "Campus Noord", "Okkerse"])
def test_rollen_uit_de_casus_geven_de_dekking_uit_de_data(casus):
    kaart = DmuKaart(casus)
    kaart.rollen_uit_casus.click()
    contacten = {p: k.value for p, k in kaart.contact.items()}
    assert set(kaart.resultaat.gedekt) == gedekt_uit_csv(casus, contacten)
    n = len(kaart.resultaat.gedekt)
    assert f"{n} van de 6 rollen gedekt" in tekst(kaart.uitkomst)
    # De tabel heeft een rij per rol met de juiste status, en het advies staat eronder.
    for rol in DMU_ROLLEN:
        status = "gedekt" if rol in kaart.resultaat.gedekt else "niet-gedekt"
        if rol in kaart.resultaat.niet_in_beeld:
            status = "niet-in-beeld"
        assert f'class="kt-dmu-{status}"' in kaart.uitkomst.value, rol
    assert kaart.advies == dmu_advies(kaart.resultaat)
    for zin in kaart.advies:
        assert zin in tekst(kaart.uitkomst)


def test_niemand_spreekt_de_beslisser_en_dan_wel():
    kaart = DmuKaart("Vandermeer")
    kaart.rollen_uit_casus.click()
    assert "beslisser" not in kaart.resultaat.gedekt
    assert kaart.advies[0].startswith("Niemand uit het team spreekt de beslisser (Mark Vandermeer)")
    kaart.contact["Mark Vandermeer"].value = "directie_secretariaat"
    assert "beslisser" in kaart.resultaat.gedekt
    assert not any("beslisser" in z for z in kaart.advies)
    assert "directie/secretariaat" in tekst(kaart.uitkomst)


def test_eigen_rollen_en_wissen():
    kaart = DmuKaart("Campus Noord")
    kaart.rollen["Johan Mulder"]["beslisser"].value = True  # denkfout: inkoper is geen beslisser
    assert kaart.resultaat.gedekt == ("beslisser",)
    assert "Nog zonder rol (telt niet mee): Peter Smit, Lotte Kramer, Fatima Yilmaz" in tekst(
        kaart.uitkomst
    )
    kaart.wissen.click()
    assert kaart.resultaat is None
    assert not any(k.value for knoppen in kaart.rollen.values() for k in knoppen.values())


def test_andere_casus_bouwt_de_mensen_opnieuw():
    kaart = DmuKaart("Vandermeer")
    kaart.rollen_uit_casus.click()
    kaart.casus.value = "Okkerse"
    assert list(kaart.rollen) == ["Bram Okkerse", "Yvonne de Graaf", "Dennis Visser"]
    assert kaart.resultaat is None  # nieuwe casus: nog geen rollen
    assert "Metaalbewerking Okkerse" in tekst(kaart.beschrijving)


def test_dekking_is_die_van_de_rekenkern():
    kaart = DmuKaart("Okkerse")
    kaart.rollen_uit_casus.click()
    kaart.contact["Yvonne de Graaf"].value = ""
    dmu = {p: [r for r, k in knoppen.items() if k.value] for p, knoppen in kaart.rollen.items()}
    koppeling = {"accountmanager": ["Bram Okkerse"]}
    assert kaart.resultaat == dmu_dekking(koppeling, dmu)


def test_onbekende_casus():
    with pytest.raises(
        ValueError, match="casus: 'Bestaat niet' is onbekend. Kies uit: 'Vandermeer'"
    ):
        DmuKaart("Bestaat niet")


def test_css_klassen_voor_de_browsertest():
    kaart = DmuKaart()
    assert "kt-dmu-kaart" in kaart._dom_classes
    assert "kt-dmu-casus" in kaart.casus._dom_classes
    knop = kaart.rollen["Erik Bos"]["gebruiker"]
    assert {"kt-dmu-rol", "kt-dmu-rol-gebruiker"} <= set(knop._dom_classes)
