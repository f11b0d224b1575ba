"""Tests voor klanttools.nps: uitgewerkte voorbeelden, foute invoer en eigenschappen."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klanttools import nps as m

# --- Uitgewerkte voorbeelden (CONTENT.md) -------------------------------------------------


def scores_uit(promotors: int, passief: int, criticasters: int) -> list[int]:
    return [10] * promotors + [8] * passief + [3] * criticasters


def test_voorbeeld_90_60_50():
    r = m.analyse(aantallen=(90, 60, 50))
    assert r.n == 200
    assert r.nps == pytest.approx(20.0)
    assert round(r.foutmarge, 1) == 11.3
    assert r.ondergrens == pytest.approx(20.0 - r.foutmarge)
    assert r.bovengrens == pytest.approx(20.0 + r.foutmarge)
    # dezelfde uitkomst uit losse antwoorden
    r2 = m.analyse(scores_uit(90, 60, 50))
    assert r2.nps == r.nps and r2.foutmarge == pytest.approx(r.foutmarge)


def test_voorbeeld_75_40_35_en_vergelijking():
    r = m.analyse(aantallen=(75, 40, 35))
    assert round(r.nps, 1) == 26.7
    assert round(r.foutmarge, 1) == 13.0
    v = m.vergelijk(m.analyse(aantallen=(90, 60, 50)), r)
    assert round(v.verschil, 1) == 6.7
    assert v.p_waarde == pytest.approx(0.45, abs=0.005)
    assert not v.significant
    assert "niet significant" in v.samenvatting()
    assert "6,7" in v.samenvatting()


def test_vergelijk_met_losse_scores_en_significant():
    oud = [3] * 80 + [10] * 20
    nieuw = [10] * 80 + [3] * 20
    v = m.vergelijk(oud, nieuw)
    assert v.verschil == pytest.approx(120.0)
    assert v.significant and v.p_waarde < 0.001
    assert "p < 0,001" in v.samenvatting() and "steeg" in v.samenvatting()


def test_vergelijk_zonder_spreiding():
    v = m.vergelijk([10, 10], [10, 9])
    assert v.verschil == 0 and v.z == 0 and v.p_waarde == 1.0 and not v.significant
    v = m.vergelijk([0, 0], [10, 10])
    assert v.z == math.inf and v.significant


def test_nps_teken_promotors_min_criticasters():
    # De fout uit een van de bronnen: criticasters − promotors. Meer promotors = hogere NPS.
    assert m.nps([10, 10, 10, 0]) == 50.0
    assert m.nps_uit_aantallen(1, 0, 3) == -50.0


def test_categorie_grenzen():
    assert [m.categorie(s) for s in range(11)] == ["criticaster"] * 7 + ["passief"] * 2 + [
        "promotor"
    ] * 2
    assert m.categorie(9.0) == "promotor"
    assert m.categorie(np.int64(7)) == "passief"


def test_categorieen_series_behoudt_index_en_leeg():
    s = pd.Series([9, None, 6], index=["x", "y", "z"], dtype="Int64")
    c = m.categorieen(s)
    assert list(c.index) == ["x", "y", "z"]
    assert c["x"] == "promotor" and pd.isna(c["y"]) and c["z"] == "criticaster"


def test_lege_antwoorden_tellen_niet_mee():
    r = m.analyse([10, None, float("nan"), pd.NA, 0])
    assert r.n == 2 and r.leeg == 3 and r.nps == 0.0
    assert m.nps(pd.Series([10, None, 0], dtype="Int64")) == 0.0
    assert m.nps(np.array([10.0, np.nan, 9.0])) == 100.0


def test_aangepaste_wald_kleine_n():
    r = m.analyse([10, 10, 10, 10, 10], methode="aangepaste_wald")
    assert r.nps == 100.0  # de gewone NPS blijft
    assert r.ondergrens < 100.0  # maar het interval is niet meer nul breed
    w = m.analyse([10, 10, 10, 10, 10])
    assert w.foutmarge == 0.0
    # hand: 5,75 / 1,5 / 0,75 op n = 8
    p, d, n = 5.75 / 8, 0.75 / 8, 8
    se = 100 * math.sqrt((p + d - (p - d) ** 2) / n)
    assert r.standaardfout == pytest.approx(se)
    assert r.ondergrens == pytest.approx(100 * (p - d) - 1.959964 * se, abs=1e-3)


def test_eindige_populatie():
    r = m.analyse(aantallen=(90, 60, 50), populatie=400)
    w = m.analyse(aantallen=(90, 60, 50))
    assert r.standaardfout == pytest.approx(w.standaardfout * math.sqrt(200 / 399))
    assert m.analyse(aantallen=(90, 60, 50), populatie=200).foutmarge == 0.0


def test_betrouwbaarheid_verandert_marge():
    r90 = m.analyse(aantallen=(90, 60, 50), betrouwbaarheid=0.90)
    r99 = m.analyse(aantallen=(90, 60, 50), betrouwbaarheid=0.99)
    assert r90.foutmarge < 11.3 < r99.foutmarge
    assert "90%-interval" in r90.samenvatting()


def test_samenvatting_nederlands():
    tekst = str(m.analyse(aantallen=(90, 60, 50)))
    assert tekst == "NPS 20,0 (n = 200; 95%-interval 8,7 tot 31,3; foutmarge ±11,3 punten)"


def test_steekproefgrootte():
    assert m.steekproefgrootte(5) == 1537  # 1,96² / 0,05²
    assert m.steekproefgrootte(11.3, promotors=0.45, criticasters=0.25) == pytest.approx(200, abs=1)
    # slechtste geval met één bekend aandeel is nooit groter dan zonder kennis
    assert m.steekproefgrootte(5, promotors=0.1) <= m.steekproefgrootte(5)
    assert m.steekproefgrootte(5, criticasters=0.6) <= m.steekproefgrootte(5)
    assert m.steekproefgrootte(5, populatie=300) < 300
    assert m.steekproefgrootte(5, betrouwbaarheid=0.99) > m.steekproefgrootte(5)


def test_steekproefgrootte_geeft_genoeg():
    for e in (3, 5, 8, 10, 15):
        n = m.steekproefgrootte(e, promotors=0.4, criticasters=0.3)
        t = (round(0.4 * n), n - round(0.4 * n) - round(0.3 * n), round(0.3 * n))
        assert m.analyse(aantallen=t).foutmarge <= e + 0.05


def test_nps_per_groep():
    df = pd.DataFrame(
        {
            "meting": ["voorjaar"] * 4 + ["najaar"] * 4 + [None],
            "score": [10, 9, 3, None, 8, 8, 10, 0, 9],
        }
    )
    t = m.nps_per_groep(df, "meting")
    assert t.loc["voorjaar", "n"] == 3 and t.loc["voorjaar", "leeg"] == 1
    assert t.loc["voorjaar", "nps"] == pytest.approx(100 / 3)
    assert t.loc["najaar", "nps"] == 0.0
    assert t["n"].sum() + t["leeg"].sum() == len(df)  # niets verdwijnt, ook de lege groep niet
    assert list(t.columns[:5]) == ["n", "promotors", "passief", "criticasters", "leeg"]


def test_nps_per_groep_meerdere_kolommen_en_alleen_leeg():
    df = pd.DataFrame({"a": ["x", "x", "y"], "b": [1, 2, 1], "score": [10, 0, None]})
    t = m.nps_per_groep(df, ["a", "b"])
    assert t.index.names == ["a", "b"]
    assert t.loc[("y", 1), "n"] == 0 and pd.isna(t.loc[("y", 1), "nps"])


# --- Foute invoer -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("invoer", "fouttype", "stukjes"),
    [
        ([8, 11], ValueError, ["scores", "11", "index 1", "0 tot en met 10"]),
        ([-1, 5], ValueError, ["scores", "-1", "index 0"]),
        ([7.5, 8], ValueError, ["scores", "7.5", "geen heel getal"]),
        ([8, "negen"], TypeError, ["scores", "'negen'", "index 1", "geen getal"]),
        ([True, 9], TypeError, ["scores", "True"]),
        ("9", TypeError, ["scores", "reeks"]),
        (9, TypeError, ["scores", "int"]),
        ([], ValueError, ["scores", "geen geldige antwoorden"]),
        ([None, None], ValueError, ["geen geldige antwoorden", "2 lege"]),
        ([float("inf")], ValueError, ["scores", "inf"]),
    ],
)
def test_foute_scores(invoer, fouttype, stukjes):
    with pytest.raises(fouttype) as e:
        m.nps(invoer)
    for stukje in stukjes:
        assert stukje in str(e.value)


def test_foute_scores_in_series_noemt_label():
    s = pd.Series([9, 12, 13], index=["r1", "r2", "r3"])
    with pytest.raises(ValueError, match=r"2 waarden buiten 0–10: 12 \(index 'r2'\) en 13"):
        m.nps(s)


def test_veel_fouten_worden_afgekapt():
    with pytest.raises(ValueError, match="en nog 5 andere"):
        m.nps([20] * 10)


def test_tekstkolom_met_getallen_wordt_niet_stil_omgezet():
    with pytest.raises(TypeError, match="'9'"):
        m.nps(pd.Series(["9", "10"]))


def test_dataframe_als_scores():
    with pytest.raises(TypeError, match=r"df\['score'\]"):
        m.nps(pd.DataFrame({"score": [1, 2]}))


@pytest.mark.parametrize("b", [0, 1, 95, -0.5, 1.0])
def test_foute_betrouwbaarheid(b):
    with pytest.raises(ValueError, match="betrouwbaarheid"):
        m.analyse([9, 10], betrouwbaarheid=b)


def test_betrouwbaarheid_geen_getal():
    with pytest.raises(TypeError, match="betrouwbaarheid: '95%'"):
        m.analyse([9, 10], betrouwbaarheid="95%")


def test_foute_methode_en_populatie():
    with pytest.raises(ValueError, match="methode: 'wilson'.*'wald' of 'aangepaste_wald'"):
        m.analyse([9], methode="wilson")
    with pytest.raises(ValueError, match="populatie: 2 is kleiner dan .* n = 3"):
        m.analyse([9, 9, 9], populatie=2)


def test_foute_aantallen():
    with pytest.raises(ValueError, match="passief: -2"):
        m.nps_uit_aantallen(3, -2, 1)
    with pytest.raises(ValueError, match="criticasters: 1.5 is geen geheel getal"):
        m.nps_uit_aantallen(3, 2, 1.5)
    with pytest.raises(ValueError, match="samen 0"):
        m.nps_uit_aantallen(0, 0, 0)
    with pytest.raises(TypeError, match="aantallen: verwacht drie getallen"):
        m.analyse(aantallen=(1, 2))
    with pytest.raises(TypeError, match="óf scores"):
        m.analyse([9], aantallen=(1, 2, 3))
    with pytest.raises(TypeError, match="óf scores"):
        m.analyse()


def test_foute_steekproefgrootte():
    with pytest.raises(ValueError, match="foutmarge: 0"):
        m.steekproefgrootte(0)
    with pytest.raises(ValueError, match="promotors: 45"):
        m.steekproefgrootte(5, promotors=45)
    with pytest.raises(ValueError, match="meer dan 1"):
        m.steekproefgrootte(5, promotors=0.7, criticasters=0.5)


def test_categorie_fout():
    with pytest.raises(ValueError, match="leeg antwoord"):
        m.categorie(None)
    with pytest.raises(TypeError, match="score: 'tien'"):
        m.categorie("tien")


def test_nps_per_groep_fouten():
    df = pd.DataFrame({"segment": ["a", "b"], "score": [9, 15]})
    with pytest.raises(ValueError, match="kolom 'regio' bestaat niet.*'segment'"):
        m.nps_per_groep(df, "regio")
    with pytest.raises(ValueError, match="15 \\(index 1\\)"):
        m.nps_per_groep(df, "segment")
    with pytest.raises(TypeError, match="DataFrame"):
        m.nps_per_groep([1, 2], "segment")


def test_vergelijk_fout_noemt_groep():
    with pytest.raises(ValueError, match="^b: scores"):
        m.vergelijk([9, 10], [11])


# --- Eigenschappen (hypothesis) -----------------------------------------------------------

antwoorden = st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=300)


@given(antwoorden)
def test_nps_binnen_grenzen(s):
    assert -100.0 <= m.nps(s) <= 100.0


@given(antwoorden, st.randoms())
def test_volgorde_doet_er_niet_toe(s, rnd):
    geschud = list(s)
    rnd.shuffle(geschud)
    assert m.nps(geschud) == pytest.approx(m.nps(s))


@given(antwoorden, st.sampled_from([9, 10]))
def test_extra_promotor_verlaagt_nooit(s, extra):
    assert m.nps([*s, extra]) >= m.nps(s) - 1e-9


@given(antwoorden, st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_wald_interval_bevat_puntschatting(s, b):
    r = m.analyse(s, betrouwbaarheid=b)
    assert r.ondergrens - 1e-9 <= r.nps <= r.bovengrens + 1e-9
    assert -100 <= r.ondergrens <= r.bovengrens <= 100


@given(st.integers(0, 500), st.integers(0, 500), st.integers(0, 500), st.sampled_from(m.METHODEN))
def test_aantallen_en_scores_zelfde_uitkomst(p, pa, c, methode):
    if p + pa + c == 0:
        return
    a = m.analyse(aantallen=(p, pa, c), methode=methode)
    b = m.analyse(np.array(scores_uit(p, pa, c)), methode=methode)
    assert a == b


@given(st.lists(st.one_of(st.none(), st.integers(0, 10)), min_size=1, max_size=100))
def test_lege_antwoorden_veranderen_niets(s):
    geldig = [x for x in s if x is not None]
    if not geldig:
        return
    assert m.nps(s) == pytest.approx(m.nps(geldig))
    assert m.analyse(s).leeg == len(s) - len(geldig)


def test_wat_als_acht_wordt_negen():
    voor, na = m.wat_als(pd.Series([10, 8, 8, None, 3]))
    assert voor.nps == 0.0 and na.nps == 50.0
    assert voor.leeg == na.leeg == 1 and voor.n == na.n == 4
    assert na.promotors == 3 and na.passief == 0
    _, anders = m.wat_als([7, 7, 6], {7: 9, 6: 7}, betrouwbaarheid=0.9)
    assert anders.nps == pytest.approx(200 / 3) and anders.betrouwbaarheid == 0.9


def test_wat_als_fouten():
    with pytest.raises(TypeError, match="omzetting: verwacht een dict"):
        m.wat_als([8], [8, 9])
    with pytest.raises(ValueError, match="omzetting: -1"):
        m.wat_als([8], {-1: 9})
    with pytest.raises(ValueError, match="geen geldige antwoorden"):
        m.wat_als([None])


def test_vergelijk_groepen_en_kleine_p():
    df = pd.DataFrame(
        {
            "meting": ["oud"] * 60 + ["nieuw"] * 60,
            "score": [3] * 35 + [10] * 25 + [3] * 20 + [10] * 40,
        }
    )
    v = m.vergelijk_groepen(df, "meting", "oud", "nieuw")
    assert v.verschil == pytest.approx(50.0)
    assert v.p_waarde == pytest.approx(m.vergelijk(df.score[:60], df.score[60:]).p_waarde)
    # Onafhankelijk nagerekend (CONTENT.md): σ² = p + d − (p − d)², z = ΔNPS / √(SE₁² + SE₂²).
    se = [
        100 * math.sqrt((p + d - (p - d) ** 2) / 60)
        for p, d in ((25 / 60, 35 / 60), (40 / 60, 20 / 60))
    ]
    z = 50.0 / math.hypot(*se)
    assert v.p_waarde == pytest.approx(math.erfc(z / math.sqrt(2)), rel=1e-9)
    assert 0.004 < v.p_waarde < 0.005
    # Drie decimalen met een komma, nooit afgerond tot "p = 0,00".
    assert "p = 0,005:" in v.samenvatting()
    assert "p = 0,00:" not in v.samenvatting() and "p = 0,0:" not in v.samenvatting()
    with pytest.raises(
        ValueError, match="b: 'later' komt niet voor in kolom 'meting'.*'oud' en 'nieuw'"
    ):
        m.vergelijk_groepen(df, "meting", "oud", "later")


def test_p_waarde_nooit_als_nul_getoond():
    a, b = m.analyse(aantallen=(30, 20, 50)), m.analyse(aantallen=(50, 20, 30))
    v = m.vergelijk(a, b)
    assert 0.001 < v.p_waarde < 0.01
    assert f"p = {v.p_waarde:.3f}".replace(".", ",") in v.samenvatting()
