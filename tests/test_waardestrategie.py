"""Tests voor klanttools.waardestrategie (strategie-fit volgens Treacy en Wiersema)."""

from __future__ import annotations

import dataclasses
import inspect
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klanttools import waardestrategie as ws
from klanttools.waardestrategie import (
    DISCIPLINES,
    NAMEN,
    SCHAAL,
    STELLINGEN,
    VOORBEELDBEDRIJVEN,
    Beoordeling,
    Stelling,
    beoordeel,
    profiel,
    vragenlijst,
)

CODES = [s.code for s in STELLINGEN]


def antwoorden_met(standaard: int = 3, **afwijkend: int) -> dict[str, int]:
    antwoorden = {c: standaard for c in CODES}
    antwoorden.update(afwijkend)
    return antwoorden


def prof(oe: float, ci: float, pl: float) -> dict[str, float]:
    return {"operational_excellence": oe, "customer_intimacy": ci, "product_leadership": pl}


# --- constanten en vragenlijst ------------------------------------------------


def test_disciplines_en_namen():
    assert DISCIPLINES == ("operational_excellence", "customer_intimacy", "product_leadership")
    assert list(NAMEN) == list(DISCIPLINES)
    assert NAMEN["operational_excellence"] == "Operational excellence (beste totale kosten)"
    assert "totaaloplossing" in NAMEN["customer_intimacy"]
    assert "beste product" in NAMEN["product_leadership"]


def test_operational_excellence_is_niet_kwaliteit_van_dienstverlening():
    # Seedfout 3: OE gaat over laagste totale kosten, niet over servicekwaliteit.
    assert "kwaliteit" not in NAMEN["operational_excellence"].lower()
    oe_teksten = " ".join(s.tekst for s in STELLINGEN if s.discipline == "operational_excellence")
    assert "kosten" in oe_teksten or "goedkoper" in oe_teksten


def test_treacy_goed_gespeld_en_lesinstrument_genoemd():
    bron = inspect.getsource(ws)
    assert "Treacy" in bron
    assert "Tracy" not in bron  # seedfout 2
    doc = ws.__doc__
    assert "lesinstrument" in doc
    assert "geen standaard vragenlijst" in doc
    assert "Dannhauser" in doc and "2001" in doc
    assert "1993" in doc and "1995" in doc


def test_schaal_is_likert_1_tot_5():
    assert list(SCHAAL) == [1, 2, 3, 4, 5]
    assert SCHAAL[1] == "helemaal mee oneens"
    assert SCHAAL[5] == "helemaal mee eens"


def test_stellingen_per_discipline():
    assert all(isinstance(s, Stelling) for s in STELLINGEN)
    assert len(set(CODES)) == len(CODES)
    voorvoegsel = {
        "operational_excellence": "OE",
        "customer_intimacy": "CI",
        "product_leadership": "PL",
    }
    for d in DISCIPLINES:
        eigen = [s for s in STELLINGEN if s.discipline == d]
        assert 4 <= len(eigen) <= 5
        assert all(s.code.startswith(voorvoegsel[d]) for s in eigen)
    for s in STELLINGEN:
        assert s.tekst.startswith("Wij "), s
        assert s.tekst.endswith(".")


def test_stelling_is_bevroren():
    with pytest.raises(dataclasses.FrozenInstanceError):
        STELLINGEN[0].tekst = "iets anders"  # type: ignore[misc]


def test_vragenlijst():
    tabel = vragenlijst()
    assert isinstance(tabel, pd.DataFrame)
    assert tabel.index.name == "code"
    assert list(tabel.index) == CODES
    assert list(tabel.columns) == ["discipline", "waardestrategie", "stelling"]
    assert tabel.loc["PL2", "discipline"] == "product_leadership"
    assert tabel.loc["OE1", "waardestrategie"] == NAMEN["operational_excellence"]


# --- profiel -----------------------------------------------------------------


def test_profiel_handberekend():
    antwoorden = antwoorden_met(
        OE1=5, OE2=4, OE3=4, OE4=5, OE5=2,  # 20 / 5 = 4.0
        CI1=1, CI2=2, CI3=3, CI4=4, CI5=5,  # 15 / 5 = 3.0
        PL1=1, PL2=1, PL3=2, PL4=1, PL5=1,  # 6 / 5 = 1.2
    )  # fmt: skip
    assert profiel(antwoorden) == {
        "operational_excellence": 4.0,
        "customer_intimacy": 3.0,
        "product_leadership": pytest.approx(1.2),
    }


def test_profiel_sleutelvolgorde_en_typen():
    uitkomst = profiel(antwoorden_met(4))
    assert list(uitkomst) == list(DISCIPLINES)
    assert all(isinstance(v, float) for v in uitkomst.values())


def test_profiel_accepteert_series_numpy_en_hele_floats():
    reeks = pd.Series(antwoorden_met(2))
    assert profiel(reeks) == prof(2.0, 2.0, 2.0)
    met_numpy = {c: np.int64(5) for c in CODES}
    assert profiel(met_numpy) == prof(5.0, 5.0, 5.0)
    assert profiel(antwoorden_met(3, OE1=4.0)) == prof(3.2, 3.0, 3.0)


def test_profiel_onbekende_code():
    with pytest.raises(ValueError, match="antwoorden") as fout:
        profiel({**antwoorden_met(), "XX9": 3})
    assert "'XX9'" in str(fout.value)
    assert "OE1–OE5" in str(fout.value)


def test_profiel_ontbrekende_codes_worden_opgesomd():
    antwoorden = antwoorden_met()
    del antwoorden["CI3"], antwoorden["PL5"]
    with pytest.raises(ValueError, match="antwoorden") as fout:
        profiel(antwoorden)
    assert "CI3 en PL5 ontbreken" in str(fout.value)


def test_profiel_onbekend_en_ontbrekend_in_een_melding():
    antwoorden = antwoorden_met()
    antwoorden["oe1"] = antwoorden.pop("OE1")
    with pytest.raises(ValueError) as fout:
        profiel(antwoorden)
    tekst = str(fout.value)
    assert "'oe1'" in tekst and "OE1 ontbreekt" in tekst


@pytest.mark.parametrize("waarde", [0, 6, -1, 2.5, float("nan"), float("inf"), 10])
def test_profiel_ongeldige_waarde(waarde):
    with pytest.raises(ValueError, match=r"antwoorden: OE2=") as fout:
        profiel(antwoorden_met(OE2=waarde))
    assert "1 (helemaal mee oneens) tot en met 5" in str(fout.value)


def test_profiel_meerdere_ongeldige_waarden_opgesomd():
    with pytest.raises(ValueError) as fout:
        profiel(antwoorden_met(OE2=6, CI1=2.5))
    assert "OE2=6 en CI1=2.5 zijn geen geldige antwoorden" in str(fout.value)


@pytest.mark.parametrize("waarde", ["4", None, True, [4]])
def test_profiel_geen_getal(waarde):
    with pytest.raises(TypeError, match=r"antwoorden: PL1=") as fout:
        profiel(antwoorden_met(PL1=waarde))
    assert "geen getal" in str(fout.value)


@pytest.mark.parametrize("invoer", [[3] * 15, "OE1=3", 3, None])
def test_profiel_geen_dict(invoer):
    with pytest.raises(TypeError, match="antwoorden: verwacht een dict"):
        profiel(invoer)


def test_profiel_series_met_dubbele_index():
    reeks = pd.Series([3] * 16, index=[*CODES, "OE1"])
    with pytest.raises(ValueError, match="antwoorden: de index bevat dubbele sleutels: OE1"):
        profiel(reeks)


# --- beoordeel ----------------------------------------------------------------


def test_beoordeel_oe_dominant():
    b = beoordeel(prof(4.6, 3.0, 3.2))
    assert isinstance(b, Beoordeling)
    assert b.dominant == "operational_excellence"
    assert b.verschil == pytest.approx(1.4)
    assert b.volgorde == ("operational_excellence", "product_leadership", "customer_intimacy")
    assert b.drempel_gehaald == dict.fromkeys(DISCIPLINES, True)
    assert b.strategie_fit is True
    assert b.crm_fit is False
    assert "1,4 punt" in b.uitleg
    assert "een-op-eenrelaties" in b.uitleg
    assert str(b) == b.uitleg


def test_beoordeel_ci_dominant_en_alles_op_orde_is_crm_fit():
    b = beoordeel(prof(3.4, 4.6, 3.2))
    assert b.dominant == "customer_intimacy"
    assert b.crm_fit is True
    assert b.strategie_fit is True
    assert "CRM als bedrijfsstrategie past hier" in b.uitleg
    assert "maatwerk" in b.uitleg


def test_beoordeel_ci_dominant_maar_drempel_niet_gehaald():
    b = beoordeel(prof(2.2, 4.6, 3.0))
    assert b.dominant == "customer_intimacy"
    assert b.drempel_gehaald == {
        "operational_excellence": False,
        "customer_intimacy": True,
        "product_leadership": True,
    }
    assert b.crm_fit is False
    assert b.strategie_fit is False
    assert "Operational excellence (2,2) haalt de drempel van 3,0 niet" in b.uitleg


def test_beoordeel_pl_dominant_uitleg_noemt_snelheid():
    b = beoordeel(prof(3.0, 3.0, 4.8))
    assert b.dominant == "product_leadership"
    assert b.crm_fit is False
    assert "snel" in b.uitleg and "markt" in b.uitleg


def test_beoordeel_te_kleine_voorsprong_geen_dominant():
    b = beoordeel(prof(3.5, 4.0, 3.0))
    assert b.dominant is None
    assert b.verschil == pytest.approx(0.5)
    assert b.crm_fit is False
    assert "stuck in the middle" in b.uitleg
    assert "minder dan de vereiste voorsprong van 0,75 punt" in b.uitleg


def test_beoordeel_voorsprong_precies_gehaald_ondanks_afrondingsfout():
    # 3.8 - 3.05 is in de computer 0.7499999999999996.
    b = beoordeel(prof(3.05, 3.8, 3.05))
    assert b.dominant == "customer_intimacy"
    assert b.crm_fit is True


def test_beoordeel_gelijke_stand_nooit_dominant_ook_niet_met_voorsprong_0():
    b = beoordeel(prof(3.6, 3.6, 3.2), voorsprong=0)
    assert b.dominant is None
    assert "staan gelijk bovenaan met 3,6" in b.uitleg
    assert "deelt de hoogste score" in b.uitleg


def test_beoordeel_voorsprong_0_kleine_voorsprong_telt():
    b = beoordeel(prof(3.5, 3.6, 3.2), voorsprong=0)
    assert b.dominant == "customer_intimacy"
    assert b.crm_fit is True


def test_beoordeel_drempel_instelbaar():
    b = beoordeel(prof(3.4, 4.6, 3.2), drempel=3.5)
    assert b.drempel_gehaald["operational_excellence"] is False
    assert b.crm_fit is False
    assert b.drempel == 3.5
    b = beoordeel(prof(3.4, 4.6, 3.2), drempel=3.2)  # precies op de drempel telt als gehaald
    assert b.crm_fit is True


def test_beoordeel_accepteert_series_en_hele_getallen():
    b = beoordeel(pd.Series(prof(2, 5, 3)))
    assert b.dominant == "customer_intimacy"
    assert b.profiel == prof(2.0, 5.0, 3.0)


def test_beoordeel_is_bevroren():
    b = beoordeel(prof(3.4, 4.6, 3.2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.crm_fit = False  # type: ignore[misc]


def test_beoordeel_onbekende_sleutel():
    with pytest.raises(ValueError, match="profiel: onbekende sleutel") as fout:
        beoordeel({**prof(3, 3, 3), "kostenleiderschap": 4})
    assert "'kostenleiderschap'" in str(fout.value)
    assert "'customer_intimacy'" in str(fout.value)


def test_beoordeel_ontbrekende_sleutel():
    with pytest.raises(ValueError, match="profiel: sleutel") as fout:
        beoordeel({"operational_excellence": 4, "customer_intimacy": 3})
    assert "'product_leadership' ontbreken" in str(fout.value)


def test_beoordeel_losse_antwoorden_krijgen_een_hint():
    with pytest.raises(ValueError, match=r"bereken eerst profiel\(antwoorden\)"):
        beoordeel(antwoorden_met())


@pytest.mark.parametrize("waarde", [0, 0.99, 5.01, 7, float("nan")])
def test_beoordeel_score_buiten_bereik(waarde):
    with pytest.raises(ValueError, match=r"profiel\['customer_intimacy'\]") as fout:
        beoordeel(prof(3, waarde, 3))
    assert "1 tot en met 5" in str(fout.value)


@pytest.mark.parametrize("waarde", ["4", None, True])
def test_beoordeel_score_geen_getal(waarde):
    with pytest.raises(TypeError, match=r"profiel\['product_leadership'\]"):
        beoordeel(prof(3, 3, waarde))


def test_beoordeel_geen_dict():
    with pytest.raises(TypeError, match="profiel: verwacht een dict"):
        beoordeel([4.0, 3.0, 3.0])


@pytest.mark.parametrize("drempel", [0, 0.5, 5.5, 6])
def test_beoordeel_drempel_buiten_bereik(drempel):
    with pytest.raises(ValueError, match="drempel") as fout:
        beoordeel(prof(3, 3, 3), drempel=drempel)
    assert "1 tot en met 5" in str(fout.value)


def test_beoordeel_drempel_geen_getal():
    with pytest.raises(TypeError, match="drempel: '3' is geen getal"):
        beoordeel(prof(3, 3, 3), drempel="3")


@pytest.mark.parametrize("voorsprong", [-0.1, -1])
def test_beoordeel_negatieve_voorsprong(voorsprong):
    with pytest.raises(ValueError, match="voorsprong") as fout:
        beoordeel(prof(3, 3, 3), voorsprong=voorsprong)
    assert "0 of meer" in str(fout.value)


def test_beoordeel_voorsprong_geen_getal():
    with pytest.raises(TypeError, match="voorsprong"):
        beoordeel(prof(3, 3, 3), voorsprong=None)


# --- voorbeeldbedrijven -------------------------------------------------------

VERWACHT = {
    # naam: (dominant, strategie_fit, crm_fit)
    "Bouwgroothandel Laagland": ("operational_excellence", True, False),
    "Brinkman ICT-partners": ("customer_intimacy", True, True),
    "Vormkracht Labs": ("product_leadership", False, False),
    "Kantoorhuis Van Dijk": (None, False, False),
    "Hoveniers Groenrijk": ("customer_intimacy", False, False),
}


def test_voorbeeldbedrijven_aantal_en_vorm():
    assert 3 <= len(VOORBEELDBEDRIJVEN) <= 5
    assert set(VOORBEELDBEDRIJVEN) == set(VERWACHT)
    for naam, bedrijf in VOORBEELDBEDRIJVEN.items():
        assert bedrijf.naam == naam
        assert bedrijf.omschrijving
        assert set(bedrijf.antwoorden) == set(CODES)


@pytest.mark.parametrize("naam", list(VERWACHT))
def test_voorbeeldbedrijf_geeft_beloofd_oordeel(naam):
    bedrijf = VOORBEELDBEDRIJVEN[naam]
    b = beoordeel(profiel(bedrijf.antwoorden))
    assert (b.dominant, b.strategie_fit, b.crm_fit) == VERWACHT[naam]
    # De verwachting belooft wat er uitkomt; de omschrijving verklapt het oordeel niet.
    assert "verwacht" not in bedrijf.omschrijving.lower()
    tekst = bedrijf.verwachting.lower()
    if b.dominant is None:
        assert "stuck in the middle" in tekst
    else:
        assert b.dominant.replace("_", " ") in tekst
    assert ("crm past." in tekst) == b.crm_fit


def test_voorbeeldbedrijven_dekken_elke_strategie_en_geen_keuze():
    dominanten = {beoordeel(profiel(b.antwoorden)).dominant for b in VOORBEELDBEDRIJVEN.values()}
    assert dominanten == {*DISCIPLINES, None}


# --- eigenschappen (hypothesis) -----------------------------------------------

scores = st.floats(min_value=1, max_value=5, allow_nan=False)
profielen = st.builds(prof, scores, scores, scores)


@given(profielen, st.floats(1, 5), st.floats(0, 4))
def test_crm_fit_alleen_bij_dominante_customer_intimacy(p, drempel, voorsprong):
    b = beoordeel(p, drempel=drempel, voorsprong=voorsprong)
    if b.crm_fit:
        assert b.dominant == "customer_intimacy"
        assert all(b.drempel_gehaald.values())
    if b.dominant != "customer_intimacy":
        assert b.crm_fit is False
    assert b.crm_fit == (b.strategie_fit and b.dominant == "customer_intimacy")


@given(profielen, st.floats(0, 4))
def test_dominant_ligt_minstens_voorsprong_voor(p, voorsprong):
    b = beoordeel(p, voorsprong=voorsprong)
    if b.dominant is not None:
        for andere in DISCIPLINES:
            if andere != b.dominant:
                assert p[b.dominant] - p[andere] >= voorsprong - 1e-9
                assert p[b.dominant] > p[andere]
    assert b.volgorde[0] in DISCIPLINES and sorted(b.volgorde) == sorted(DISCIPLINES)
    assert isinstance(b.uitleg, str) and len(b.uitleg) > 100


@given(st.lists(st.integers(1, 5), min_size=len(CODES), max_size=len(CODES)))
def test_profiel_is_gemiddelde_per_discipline(waarden):
    antwoorden = dict(zip(CODES, waarden, strict=True))
    uitkomst = profiel(antwoorden)
    for d in DISCIPLINES:
        eigen = [antwoorden[s.code] for s in STELLINGEN if s.discipline == d]
        assert math.isclose(uitkomst[d], sum(eigen) / len(eigen))
        assert 1 <= uitkomst[d] <= 5


# --------------------------------------------------------------------------
# Elk oordeel klopt, ook bij gelijke scores en precies op de drempel
# --------------------------------------------------------------------------

# Een profiel is een gemiddelde van vijf antwoorden 1–5: stappen van 0,2.
_STAP = st.integers(min_value=0, max_value=20).map(lambda i: round(1 + i * 0.2, 1))
_KORT_NAAM = {
    "operational_excellence": "operational excellence",
    "customer_intimacy": "customer intimacy",
    "product_leadership": "product leadership",
}


def _profiel_met_gelijke(waarden: tuple[float, float, float]) -> dict[str, float]:
    return dict(zip(ws.DISCIPLINES, waarden, strict=True))


@given(
    st.one_of(
        _STAP.map(lambda x: (x, x, x)),  # alle drie gelijk
        st.tuples(_STAP, _STAP).flatmap(  # twee gelijk, in elke volgorde
            lambda ab: st.permutations([ab[0], ab[0], ab[1]]).map(tuple)
        ),
        st.tuples(_STAP, _STAP, _STAP),
    ),
    st.sampled_from([2.0, 2.6, 3.0, 3.4]),
    st.sampled_from([0.2, 0.6, 0.75, 1.0]),
)
def test_eigenschap_oordeel_klopt_bij_gelijke_scores_en_drempels(waarden, drempel, voorsprong):
    p = _profiel_met_gelijke(waarden)
    b = ws.beoordeel(p, drempel=drempel, voorsprong=voorsprong)
    hoogste = max(p.values())
    top = [d for d in ws.DISCIPLINES if abs(p[d] - hoogste) < 1e-9]
    tweede = sorted(p.values(), reverse=True)[1]
    # Dominant alleen bij één duidelijke koploper met genoeg voorsprong.
    if len(top) == 1 and hoogste - tweede >= voorsprong - 1e-9:
        assert b.dominant == top[0]
    else:
        assert b.dominant is None
    # Wie bovenaan staat, zegt de uitleg letterlijk.
    if len(top) == 1:
        assert "staat bovenaan met" in b.uitleg and "gelijk bovenaan" not in b.uitleg
    else:
        assert "staan gelijk bovenaan" in b.uitleg
        for d in top:
            assert _KORT_NAAM[d] in b.uitleg.split("staan gelijk bovenaan")[0].lower()
    # Nooit "deelt de hoogste score" als alle drie gelijk zijn; bij twee gelijk noemt hij de ander.
    if len(top) == 3:
        assert "deelt de hoogste score" not in b.uitleg
    if len(top) == 2 and "customer_intimacy" in top and b.dominant is None:
        (ander,) = (d for d in top if d != "customer_intimacy")
        assert f"deelt de hoogste score met {_KORT_NAAM[ander]}" in b.uitleg
    # Precies op de drempel telt als gehaald; de uitleg noemt precies wie hem niet haalt.
    for d in ws.DISCIPLINES:
        assert b.drempel_gehaald[d] == (p[d] >= drempel - 1e-9)
    niet = [d for d in ws.DISCIPLINES if not b.drempel_gehaald[d]]
    if niet:
        zin = b.uitleg.split("de drempel van")[0].lower()
        assert all(_KORT_NAAM[d] in zin for d in niet)
    else:
        assert "Alle drie de strategieën halen de drempel" in b.uitleg
    assert b.crm_fit == (b.dominant == "customer_intimacy" and not niet)
