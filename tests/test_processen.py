"""Tests voor klanttools.processen (funnel, klantrelatiecyclus, inbound)."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klanttools import processen
from klanttools.processen import (
    CYCLUS_NAMEN,
    FUNNEL_OMSCHRIJVINGEN,
    FUNNELFASEN,
    INBOUND_STAPPEN,
    KLANTRELATIECYCLUS,
    Cyclusfase,
    benodigde_aantallen,
    benodigde_instroom,
    conversie,
    fase_info,
    volgende_fase,
)

VOORBEELD = {"suspect": 1000, "lead": 100, "prospect": 30, "klant": 10}


# --- funnelfasen --------------------------------------------------------------


def test_funnelfasen_en_conventie_gedocumenteerd():
    assert FUNNELFASEN == ("suspect", "lead", "prospect", "klant")
    assert list(FUNNEL_OMSCHRIJVINGEN) == list(FUNNELFASEN)
    assert "offerte" in FUNNEL_OMSCHRIJVINGEN["prospect"]
    assert "gegevens" in FUNNEL_OMSCHRIJVINGEN["lead"]
    doc = processen.__doc__
    assert "niet eens" in doc and "afspraak van deze kit" in doc


# --- conversie ----------------------------------------------------------------


def test_conversie_handberekend():
    tabel = conversie(VOORBEELD)
    assert list(tabel.index) == list(FUNNELFASEN)
    assert tabel.index.name == "fase"
    assert list(tabel.columns) == ["aantal", "conversie", "conversie_vanaf_start"]
    assert tabel["aantal"].tolist() == [1000, 100, 30, 10]
    assert tabel["aantal"].dtype == "int64"
    assert math.isnan(tabel.loc["suspect", "conversie"])
    assert tabel.loc["lead", "conversie"] == pytest.approx(0.10)
    assert tabel.loc["prospect", "conversie"] == pytest.approx(0.30)
    assert tabel.loc["klant", "conversie"] == pytest.approx(1 / 3)
    assert round(tabel.loc["klant", "conversie"] * 100, 1) == 33.3
    assert tabel["conversie_vanaf_start"].tolist() == pytest.approx([1.0, 0.1, 0.03, 0.01])


def test_conversie_series_en_lijst_geven_hetzelfde():
    verwacht = conversie(VOORBEELD)
    pd.testing.assert_frame_equal(conversie(pd.Series(VOORBEELD)), verwacht)
    pd.testing.assert_frame_equal(conversie([1000, 100, 30, 10]), verwacht)
    pd.testing.assert_frame_equal(conversie((1000, 100, 30, 10)), verwacht)
    pd.testing.assert_frame_equal(conversie(np.array([1000, 100, 30, 10])), verwacht)


def test_conversie_zet_fasen_in_funnelvolgorde():
    door_elkaar = {"klant": 10, "suspect": 1000, "prospect": 30, "lead": 100}
    assert list(conversie(door_elkaar).index) == list(FUNNELFASEN)


def test_conversie_deel_van_de_funnel():
    tabel = conversie({"lead": 200, "prospect": 50, "klant": 12})
    assert list(tabel.index) == ["lead", "prospect", "klant"]
    assert tabel["conversie"].tolist()[1:] == pytest.approx([0.25, 0.24])
    assert tabel.loc["klant", "conversie_vanaf_start"] == pytest.approx(0.06)


def test_conversie_hele_floats_en_numpy_getallen():
    tabel = conversie({"suspect": 1000.0, "lead": np.int64(100)})
    assert tabel["aantal"].tolist() == [1000, 100]


def test_conversie_nul_in_vorige_fase_geeft_nan():
    tabel = conversie([100, 50, 0, 0])
    assert tabel.loc["prospect", "conversie"] == 0.0
    assert math.isnan(tabel.loc["klant", "conversie"])
    assert tabel.loc["klant", "conversie_vanaf_start"] == 0.0
    leeg = conversie({"suspect": 0, "lead": 0})
    assert leeg["conversie_vanaf_start"].isna().all()


def test_conversie_negatief():
    with pytest.raises(ValueError, match=r"aantallen\['lead'\]: -5 is te klein"):
        conversie({"suspect": 1000, "lead": -5})


def test_conversie_gebroken_aantal():
    with pytest.raises(ValueError, match=r"aantallen\['prospect'\]: 30.5 is geen geheel getal"):
        conversie({"suspect": 1000, "lead": 100, "prospect": 30.5, "klant": 10})


def test_conversie_latere_fase_groter_noemt_beide_fasen():
    with pytest.raises(ValueError, match="aantallen") as fout:
        conversie({"suspect": 1000, "lead": 100, "prospect": 30, "klant": 40})
    tekst = str(fout.value)
    assert "'klant' (40)" in tekst and "'prospect' (30)" in tekst


def test_conversie_onbekende_fase():
    with pytest.raises(ValueError, match="aantallen: onbekende fase") as fout:
        conversie({"suspect": 1000, "leads": 100, "klanten": 10})
    tekst = str(fout.value)
    assert "'leads'" in tekst and "'klanten'" in tekst
    assert "'suspect', 'lead', 'prospect' en 'klant'" in tekst


def test_conversie_gat_in_fasen():
    with pytest.raises(ValueError, match="aantallen: fasen 'lead' en 'prospect' ontbreken"):
        conversie({"suspect": 1000, "klant": 10})
    with pytest.raises(ValueError, match="aantallen: fase 'prospect' ontbreekt"):
        conversie({"lead": 100, "klant": 10})


def test_conversie_te_weinig_fasen():
    with pytest.raises(ValueError, match="aantallen: minstens twee fasen"):
        conversie({"suspect": 1000})
    with pytest.raises(ValueError, match="aantallen: minstens twee fasen"):
        conversie({})


def test_conversie_lijst_met_verkeerde_lengte():
    with pytest.raises(ValueError, match="aantallen: een lijst moet precies 4 aantallen"):
        conversie([1000, 100, 10])


@pytest.mark.parametrize("waarde", ["100", True, [100]])
def test_conversie_aantal_geen_getal(waarde):
    with pytest.raises(TypeError, match=r"aantallen\['lead'\]: .* is geen getal"):
        conversie({"suspect": 1000, "lead": waarde})


@pytest.mark.parametrize("waarde", [None, float("nan"), pd.NA])
def test_conversie_leeg_aantal(waarde):
    with pytest.raises(ValueError, match=r"aantallen\['lead'\]: .* is leeg"):
        conversie({"suspect": 1000, "lead": waarde})


def test_conversie_oneindig():
    with pytest.raises(ValueError, match=r"aantallen\['suspect'\]: inf is geen eindig getal"):
        conversie({"suspect": float("inf"), "lead": 1})


@pytest.mark.parametrize("invoer", [1000, "suspect", {1000, 100}])
def test_conversie_verkeerd_type(invoer):
    with pytest.raises(TypeError, match="aantallen: verwacht een dict"):
        conversie(invoer)


def test_conversie_dataframe_geeft_hint():
    with pytest.raises(TypeError, match="aantallen: verwacht één kolom"):
        conversie(pd.DataFrame({"aantal": [1000, 100]}))


def test_conversie_series_met_dubbele_fase():
    with pytest.raises(ValueError, match="aantallen: fase.*lead"):
        conversie(pd.Series([1000, 100, 50], index=["suspect", "lead", "lead"]))


# --- benodigde instroom -------------------------------------------------------


def test_benodigde_instroom_handberekend():
    assert benodigde_instroom(10, [0.1, 0.3, 1 / 3]) == 1000
    # 10 / (0.1 * 0.3 * (1/3)) is in de computer 1000.0000000000001, niet 1001.
    assert 10 / (0.1 * 0.3 * (1 / 3)) > 1000
    assert benodigde_instroom(10, [0.5, 0.3]) == 67  # 66,67 naar boven
    assert benodigde_instroom(1, [0.5]) == 2
    assert benodigde_instroom(7, [1, 1, 1]) == 7
    assert benodigde_instroom(0, [0.1]) == 0


def test_benodigde_instroom_geeft_int():
    assert type(benodigde_instroom(10, [0.1, 0.3, 1 / 3])) is int


def test_benodigde_instroom_dict_en_tabelkolom():
    assert benodigde_instroom(10, {"lead": 0.1, "prospect": 0.3, "klant": 1 / 3}) == 1000
    kolom = conversie(VOORBEELD)["conversie"].dropna()
    assert benodigde_instroom(10, kolom) == 1000
    assert benodigde_instroom(20, np.array([0.1, 0.3, 1 / 3])) == 2000


def test_benodigde_instroom_lange_lijst_mag():
    assert benodigde_instroom(3, [0.5, 0.5, 0.5, 0.5, 0.5]) == 96


@pytest.mark.parametrize("doel", [-1, 2.5])
def test_benodigde_instroom_ongeldig_doel(doel):
    with pytest.raises(ValueError, match="doel") as fout:
        benodigde_instroom(doel, [0.1])
    assert "geheel getal van 0 of meer" in str(fout.value)


@pytest.mark.parametrize("doel", ["10", None, True])
def test_benodigde_instroom_doel_geen_getal(doel):
    with pytest.raises(TypeError, match="doel: .* is geen getal"):
        benodigde_instroom(doel, [0.1])


@pytest.mark.parametrize("waarde", [0, -0.1])
def test_benodigde_instroom_conversie_nul_of_negatief(waarde):
    with pytest.raises(ValueError, match=r"conversies\[1\]: .* is te klein") as fout:
        benodigde_instroom(10, [0.1, waarde])
    assert "groter dan 0 en hoogstens 1" in str(fout.value)


def test_benodigde_instroom_percentage_krijgt_hint():
    with pytest.raises(ValueError, match=r"conversies\[0\]: 30 is groter dan 1") as fout:
        benodigde_instroom(10, [30])
    assert "Bedoelde je 30%? Schrijf dan 0.3" in str(fout.value)
    with pytest.raises(ValueError, match=r"conversies\['klant'\]: 1.5 is groter dan 1"):
        benodigde_instroom(10, {"klant": 1.5})


def test_benodigde_instroom_nan_en_tekst():
    with pytest.raises(ValueError, match=r"conversies\[0\]: nan is geen eindig getal"):
        benodigde_instroom(10, [float("nan")])
    with pytest.raises(TypeError, match=r"conversies\[0\]: '0.1' is geen getal"):
        benodigde_instroom(10, ["0.1"])


def test_benodigde_instroom_lege_reeks():
    with pytest.raises(ValueError, match="conversies: de reeks is leeg"):
        benodigde_instroom(10, [])
    with pytest.raises(ValueError, match="conversies: de reeks is leeg"):
        benodigde_instroom(10, {})


@pytest.mark.parametrize("conversies", [0.1, "0.1", None])
def test_benodigde_instroom_conversies_verkeerd_type(conversies):
    with pytest.raises(TypeError, match="conversies: verwacht een lijst"):
        benodigde_instroom(10, conversies)


def test_benodigde_instroom_hele_conversietabel_met_suspect_geeft_hint():
    kolom = conversie(VOORBEELD)["conversie"]
    with pytest.raises(ValueError, match=r"conversies: 'suspect' heeft geen conversie.*dropna"):
        benodigde_instroom(10, kolom)


def test_benodigde_instroom_onbekende_fase_en_gat():
    with pytest.raises(ValueError, match="conversies: onbekende fase.*'klanten'"):
        benodigde_instroom(10, {"klanten": 0.3})
    with pytest.raises(ValueError, match="conversies: fase 'prospect' ontbreekt"):
        benodigde_instroom(10, {"lead": 0.1, "klant": 0.3})


# --- benodigde aantallen per fase ---------------------------------------------


def test_benodigde_aantallen_handberekend():
    assert benodigde_aantallen(10, [0.1, 0.3, 1 / 3]) == VOORBEELD
    assert benodigde_aantallen(12, {"prospect": 0.25, "klant": 0.4}) == {
        "lead": 120,
        "prospect": 30,
        "klant": 12,
    }
    # Een lijst hoort bij de laatste stappen: [0.3, 0.5] = lead → prospect → klant.
    assert benodigde_aantallen(10, [0.3, 0.5]) == {"lead": 67, "prospect": 20, "klant": 10}


def test_benodigde_aantallen_elke_fase_rechtstreeks_uit_het_doel():
    # prospects = ceil(10 / 0.3) = 34; leads = ceil(10 / 0.15) = 67 (niet 34 / 0.5 = 68).
    uitkomst = benodigde_aantallen(10, {"prospect": 0.5, "klant": 0.3})
    assert uitkomst == {"lead": 67, "prospect": 34, "klant": 10}
    assert uitkomst["lead"] == benodigde_instroom(10, [0.5, 0.3])


def test_benodigde_aantallen_te_veel_conversies_in_lijst():
    with pytest.raises(ValueError, match="conversies: de funnel heeft 3 stappen") as fout:
        benodigde_aantallen(10, [0.5, 0.5, 0.5, 0.5])
    assert "kreeg 4" in str(fout.value)


def test_benodigde_aantallen_ongeldige_invoer():
    with pytest.raises(ValueError, match="doel"):
        benodigde_aantallen(-3, [0.5])
    with pytest.raises(ValueError, match=r"conversies\[0\]"):
        benodigde_aantallen(3, [0])


# --- eigenschappen (hypothesis) -----------------------------------------------

# Realistische funnels: conversies van minstens 1% en hoogstens vier stappen, zodat de
# instroom ruim binnen de precisie van een float blijft.
fracties = st.floats(min_value=0.01, max_value=1.0, allow_nan=False)


@given(st.integers(0, 10_000), st.lists(fracties, min_size=1, max_size=4))
def test_instroom_haalt_het_doel_en_is_minimaal(doel, conversies):
    instroom = benodigde_instroom(doel, conversies)
    product = math.prod(conversies)
    marge = 1e-9 * max(1.0, doel / product)
    # Genoeg: wie instroom × product verwacht, haalt het doel (op afrondingsruis na) ...
    assert instroom * product >= doel - marge * product
    # ... en één minder zou niet genoeg zijn.
    if instroom > 0:
        assert (instroom - 1) * product < doel


@given(st.integers(0, 10_000), st.lists(fracties, min_size=1, max_size=3))
def test_aantallen_lopen_af_en_top_is_instroom(doel, conversies):
    uitkomst = benodigde_aantallen(doel, conversies)
    waarden = list(uitkomst.values())
    assert list(uitkomst) == list(FUNNELFASEN[-len(waarden) :])
    assert waarden[-1] == doel
    assert waarden[0] == benodigde_instroom(doel, conversies)
    assert all(boven >= onder for boven, onder in zip(waarden, waarden[1:], strict=False))


@given(st.lists(st.integers(0, 10_000), min_size=4, max_size=4))
def test_conversie_vanaf_start_is_product_van_stappen(ruw):
    aantallen = sorted(ruw, reverse=True)
    tabel = conversie(aantallen)
    assert tabel["aantal"].tolist() == aantallen
    if aantallen[-1] > 0:
        stappen = tabel["conversie"].iloc[1:]
        assert math.prod(stappen) == pytest.approx(tabel["conversie_vanaf_start"].iloc[-1])
        assert ((stappen > 0) & (stappen <= 1)).all()


# --- klantrelatiecyclus -------------------------------------------------------


def test_klantrelatiecyclus():
    assert KLANTRELATIECYCLUS == ("potentiele_klant", "nieuwe_klant", "loyale_klant", "ex_klant")
    assert CYCLUS_NAMEN["potentiele_klant"] == "potentiële klant"
    assert CYCLUS_NAMEN["ex_klant"] == "ex-klant"


def test_volgende_fase_is_een_cyclus():
    assert volgende_fase("potentiele_klant") == "nieuwe_klant"
    assert volgende_fase("nieuwe_klant") == "loyale_klant"
    assert volgende_fase("loyale_klant") == "ex_klant"
    assert volgende_fase("ex_klant") == "potentiele_klant"
    fase = "potentiele_klant"
    for _ in range(len(KLANTRELATIECYCLUS)):
        fase = volgende_fase(fase)
    assert fase == "potentiele_klant"


@pytest.mark.parametrize(
    ("fase", "werkgebied"),
    [
        ("potentiele_klant", "new business development"),
        ("nieuwe_klant", "accountmanagement"),
        ("loyale_klant", "accountmanagement"),
        ("ex_klant", "new business development"),
    ],
)
def test_fase_info_werkgebied(fase, werkgebied):
    info = fase_info(fase)
    assert isinstance(info, Cyclusfase)
    assert info.fase == fase
    assert info.werkgebied == werkgebied
    assert info.bestaande_klant == (werkgebied == "accountmanagement")
    assert info.volgende == volgende_fase(fase)
    assert info.naam == CYCLUS_NAMEN[fase]
    assert info.omschrijving


@pytest.mark.parametrize("invoer", ["potentiële klant", "Potentiele Klant", " potentiele-klant "])
def test_fase_info_accepteert_weergavenaam(invoer):
    assert fase_info(invoer).fase == "potentiele_klant"


def test_fase_info_is_bevroren():
    with pytest.raises(dataclasses.FrozenInstanceError):
        fase_info("ex-klant").werkgebied = "accountmanagement"  # type: ignore[misc]


def test_fase_info_onbekend():
    with pytest.raises(ValueError, match="fase: 'oud-klant' is geen fase") as fout:
        fase_info("oud-klant")
    assert "'potentiele_klant', 'nieuwe_klant', 'loyale_klant' en 'ex_klant'" in str(fout.value)


def test_fase_info_funnelfase_krijgt_hint():
    with pytest.raises(ValueError, match="valt die onder 'potentiele_klant'"):
        fase_info("lead")
    with pytest.raises(ValueError, match="kies 'nieuwe_klant' of 'loyale_klant'"):
        volgende_fase("klant")


@pytest.mark.parametrize("invoer", [1, None, ["ex_klant"]])
def test_fase_geen_tekst(invoer):
    with pytest.raises(TypeError, match="fase: verwacht tekst"):
        fase_info(invoer)
    with pytest.raises(TypeError, match="fase: verwacht tekst"):
        volgende_fase(invoer)


# --- inbound ------------------------------------------------------------------


def test_inbound_stappen_in_volgorde():
    assert len(INBOUND_STAPPEN) == 5
    sleutelwoorden = ["content", "vindbaar", "online", "e-mail", "meten"]
    for stap, woord in zip(INBOUND_STAPPEN, sleutelwoorden, strict=True):
        assert woord in stap.lower(), (woord, stap)
    assert "doelgroep" in INBOUND_STAPPEN[0]
    assert "geautomatiseerde" in INBOUND_STAPPEN[3]
