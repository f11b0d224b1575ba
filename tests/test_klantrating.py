"""Tests voor klanttools.klantrating (customer rating met twee cut-offregels)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klanttools.klantrating import UITVOERKOLOMMEN, klantrating

CRITERIA = ["omzetpotentie", "relatie", "betrouwbaarheid"]
GEWICHTEN = {"omzetpotentie": 5, "relatie": 3, "betrouwbaarheid": 2}


@pytest.fixture
def scores() -> pd.DataFrame:
    """Vier accounts, drie criteria (scores 1-10)."""
    return pd.DataFrame(
        {
            "omzetpotentie": [8, 9, 5, 6],
            "relatie": [6, 8, 5, 3],
            "betrouwbaarheid": [7, 3, 4, 4],
        },
        index=pd.Index(["Bakker BV", "De Vries", "Jansen", "Smit"], name="account"),
    )


# ---------------------------------------------------------------------------
# Het uitgewerkte voorbeeld, met de hand nagerekend
# ---------------------------------------------------------------------------


def test_totalen_met_de_hand(scores):
    tabel = klantrating(scores, GEWICHTEN)
    # Bakker BV: 5*8 + 3*6 + 2*7 = 40 + 18 + 14 = 72
    # De Vries:  5*9 + 3*8 + 2*3 = 45 + 24 +  6 = 75
    # Jansen:    5*5 + 3*5 + 2*4 = 25 + 15 +  8 = 48
    # Smit:      5*6 + 3*3 + 2*4 = 30 +  9 +  8 = 47
    assert tabel["totaal"].to_dict() == {
        "De Vries": 75.0,
        "Bakker BV": 72.0,
        "Jansen": 48.0,
        "Smit": 47.0,
    }
    assert list(tabel.index) == ["De Vries", "Bakker BV", "Jansen", "Smit"]
    assert tabel["rang"].tolist() == [1, 2, 3, 4]
    assert tabel["rang"].dtype == np.int64
    # zonder cut-off is iedereen geselecteerd
    assert tabel["geselecteerd"].tolist() == [True] * 4
    assert tabel["reden"].tolist() == [""] * 4


def test_kolommen_en_kopie(scores):
    origineel = scores.copy()
    tabel = klantrating(scores, GEWICHTEN)
    assert list(tabel.columns) == [*CRITERIA, *UITVOERKOLOMMEN]
    assert tabel.index.name == "account"
    assert tabel.loc["Smit", "relatie"] == 3
    pd.testing.assert_frame_equal(scores, origineel)  # de invoer blijft onveranderd
    assert tabel["geselecteerd"].dtype == bool


def test_beide_regels_met_redenen(scores):
    tabel = klantrating(scores, GEWICHTEN, minimum_per_criterium=4, minimum_totaal=50)
    assert tabel["geselecteerd"].to_dict() == {
        "De Vries": False,
        "Bakker BV": True,
        "Jansen": False,
        "Smit": False,
    }
    assert tabel["reden"].to_dict() == {
        "De Vries": "knock-out: betrouwbaarheid 3 < 4",
        "Bakker BV": "",
        "Jansen": "minimumtotaal: 48,0 < 50",
        "Smit": "knock-out: relatie 3 < 4; minimumtotaal: 47,0 < 50",
    }
    # de rang telt alle accounts mee: het hoogste totaal valt toch af door de knock-out
    assert tabel.loc["De Vries", "rang"] == 1


def test_alleen_knock_out(scores):
    tabel = klantrating(scores, GEWICHTEN, minimum_per_criterium=5)
    assert tabel["reden"].to_dict() == {
        "De Vries": "knock-out: betrouwbaarheid 3 < 5",
        "Bakker BV": "",
        "Jansen": "knock-out: betrouwbaarheid 4 < 5",
        "Smit": "knock-out: relatie 3 < 5, betrouwbaarheid 4 < 5",
    }
    assert not any("minimumtotaal" in r for r in tabel["reden"])


def test_alleen_minimumtotaal(scores):
    tabel = klantrating(scores, GEWICHTEN, minimum_totaal=72)
    assert tabel["geselecteerd"].tolist() == [True, True, False, False]
    assert tabel.loc["Smit", "reden"] == "minimumtotaal: 47,0 < 72"
    assert not any("knock-out" in r for r in tabel["reden"])


def test_grenzen_zijn_inclusief(scores):
    # Jansen scoort precies 5 op omzetpotentie en relatie, Bakker BV heeft precies 72
    tabel = klantrating(scores, GEWICHTEN, minimum_per_criterium={"omzetpotentie": 5, "relatie": 5})
    assert tabel.loc["Jansen", "geselecteerd"]
    tabel = klantrating(scores, GEWICHTEN, minimum_totaal=72)
    assert tabel.loc["Bakker BV", "geselecteerd"]
    assert not klantrating(scores, GEWICHTEN, minimum_totaal=72.5).loc["Bakker BV", "geselecteerd"]


def test_knock_out_per_criterium_als_dict(scores):
    tabel = klantrating(scores, GEWICHTEN, minimum_per_criterium={"betrouwbaarheid": 4})
    assert tabel["geselecteerd"].to_dict() == {
        "De Vries": False,
        "Bakker BV": True,
        "Jansen": True,
        "Smit": True,
    }


def test_gewichten_als_series_en_schaal_vrij(scores):
    als_series = klantrating(scores, pd.Series(GEWICHTEN))
    als_dict = klantrating(scores, GEWICHTEN)
    pd.testing.assert_frame_equal(als_series, als_dict)
    # gewichten die optellen tot 1 geven een gewogen gemiddelde op de schaal van de scores
    fracties = {"omzetpotentie": 0.5, "relatie": 0.3, "betrouwbaarheid": 0.2}
    gemiddeld = klantrating(scores, fracties)
    assert gemiddeld["totaal"].to_dict() == {
        "De Vries": 7.5,
        "Bakker BV": 7.2,
        "Jansen": 4.8,
        "Smit": 4.7,
    }


def test_gelijke_totalen_krijgen_dezelfde_laagste_rang():
    scores = pd.DataFrame({"a": [5, 7, 7, 3, 7]}, index=["p", "q", "r", "s", "t"])
    tabel = klantrating(scores, {"a": 1})
    assert list(tabel.index) == ["q", "r", "t", "p", "s"]  # gelijken in invoervolgorde
    assert tabel["rang"].tolist() == [1, 1, 1, 4, 5]


def test_gewicht_nul_telt_niet_mee_maar_knock_out_wel():
    scores = pd.DataFrame({"a": [9, 8], "b": [1, 6]}, index=["x", "y"])
    tabel = klantrating(scores, {"a": 1, "b": 0}, minimum_per_criterium={"b": 5})
    assert tabel["totaal"].to_dict() == {"x": 9.0, "y": 8.0}
    assert tabel.loc["x", "reden"] == "knock-out: b 1 < 5"


def test_rekenruis_beslist_niet():
    scores = pd.DataFrame({"a": [0.1, 0.2], "b": [0.2, 0.1]}, index=["x", "y"])
    tabel = klantrating(scores, {"a": 1, "b": 1}, minimum_totaal=0.3)
    assert tabel["totaal"].tolist() == [0.3, 0.3]
    assert tabel["geselecteerd"].all()


def test_kommagetallen_in_de_reden():
    scores = pd.DataFrame({"kwaliteit": [4.5], "prijs": [9]}, index=["x"])
    tabel = klantrating(
        scores, {"kwaliteit": 2, "prijs": 1}, minimum_per_criterium=7.5, minimum_totaal=18.5
    )
    assert tabel.loc["x", "reden"] == "knock-out: kwaliteit 4,5 < 7,5; minimumtotaal: 18,0 < 18,5"


def test_reden_toont_genoeg_decimalen():
    scores = pd.DataFrame({"a": [49.996]}, index=["x"])
    tabel = klantrating(scores, {"a": 1}, minimum_totaal=50)
    assert tabel.loc["x", "reden"] == "minimumtotaal: 49,996 < 50"


def test_getallen_als_object_kolom_en_nullable():
    scores = pd.DataFrame(
        {"a": np.array([1, 2.5], dtype=object), "b": pd.array([3, 4], dtype="Int64")},
        index=["x", "y"],
    )
    tabel = klantrating(scores, {"a": 2, "b": 1})
    assert tabel["totaal"].to_dict() == {"y": 9.0, "x": 5.0}
    assert tabel["a"].dtype == np.float64


def test_niet_tekstuele_criteria_en_accounts():
    scores = pd.DataFrame({1: [3, 4], 2: [5, 1]}, index=[101, 102])
    tabel = klantrating(scores, {1: 1, 2: 1}, minimum_per_criterium={2: 2})
    assert tabel.loc[102, "reden"] == "knock-out: 2 1 < 2"


# ---------------------------------------------------------------------------
# Foute invoer: de melding noemt het argument, de waarde en wat wel mag
# ---------------------------------------------------------------------------


def test_scores_geen_dataframe():
    with pytest.raises(TypeError, match=r"scores: verwacht een pandas DataFrame.*kreeg dict"):
        klantrating({"a": [1, 2]}, {"a": 1})


@pytest.mark.parametrize(
    "leeg",
    [pd.DataFrame(), pd.DataFrame({"a": []}), pd.DataFrame(index=["x", "y"])],
    ids=["niets", "geen rijen", "geen kolommen"],
)
def test_lege_scores(leeg):
    with pytest.raises(ValueError, match=r"scores: de tabel is leeg.*minstens één account"):
        klantrating(leeg, {"a": 1} if "a" in leeg.columns else {})


def test_tekst_in_scores(scores):
    scores = scores.astype(object)
    scores.loc["Jansen", "relatie"] = "goed"
    with pytest.raises(TypeError) as fout:
        klantrating(scores, GEWICHTEN)
    melding = str(fout.value)
    assert melding.startswith("scores:")
    assert "'goed'" in melding and "'Jansen'" in melding and "'relatie'" in melding
    assert "geen getal" in melding


def test_getallen_als_tekst_in_scores():
    scores = pd.DataFrame({"a": ["8", "7,5"]}, index=["x", "y"])
    with pytest.raises(
        TypeError, match=r"scores: 2 cellen bevatten geen getal: '8' .*pd\.to_numeric"
    ):
        klantrating(scores, {"a": 1})


def test_waarheidswaarden_in_scores():
    scores = pd.DataFrame({"a": [True, False]}, index=["x", "y"])
    with pytest.raises(TypeError, match=r"scores: criterium 'a' bevat waarheidswaarden"):
        klantrating(scores, {"a": 1})


def test_ontbrekende_score(scores):
    scores = scores.astype(float)
    scores.loc["Smit", "betrouwbaarheid"] = np.nan
    scores.loc["Jansen", "relatie"] = np.nan
    with pytest.raises(ValueError) as fout:
        klantrating(scores, GEWICHTEN)
    melding = str(fout.value)
    assert melding.startswith("scores: 2 waarden ontbreken")
    assert "account 'Smit', criterium 'betrouwbaarheid'" in melding
    assert "account 'Jansen', criterium 'relatie'" in melding


def test_none_in_object_kolom():
    scores = pd.DataFrame({"a": [1, None]}, index=["x", "y"], dtype=object)
    with pytest.raises(ValueError, match=r"scores: 1 waarde ontbreekt: account 'y', criterium 'a'"):
        klantrating(scores, {"a": 1})


def test_oneindige_score():
    scores = pd.DataFrame({"a": [1.0, np.inf]}, index=["x", "y"])
    with pytest.raises(ValueError, match=r"scores: 1 waarde is oneindig: inf \(account 'y'"):
        klantrating(scores, {"a": 1})


def test_dubbel_account():
    scores = pd.DataFrame({"a": [1, 2]}, index=["x", "x"])
    with pytest.raises(ValueError, match=r"scores: account 'x' komt meer dan eens voor"):
        klantrating(scores, {"a": 1})


def test_dubbel_criterium():
    scores = pd.DataFrame([[1, 2]], columns=["a", "a"], index=["x"])
    with pytest.raises(ValueError, match=r"scores: criterium 'a' komt meer dan eens voor"):
        klantrating(scores, {"a": 1})


def test_kolomnaam_die_klantrating_zelf_maakt():
    scores = pd.DataFrame({"totaal": [1, 2]}, index=["x", "y"])
    with pytest.raises(ValueError, match=r"scores: kolom 'totaal' heeft een naam die klantrating"):
        klantrating(scores, {"totaal": 1})


def test_ontbrekend_gewicht(scores):
    with pytest.raises(ValueError, match=r"gewichten: .*'betrouwbaarheid' ontbreken"):
        klantrating(scores, {"omzetpotentie": 5, "relatie": 3})


def test_onbekend_criterium_in_gewichten(scores):
    with pytest.raises(ValueError) as fout:
        klantrating(scores, {**GEWICHTEN, "omzet": 4})
    melding = str(fout.value)
    assert melding.startswith("gewichten: onbekende sleutel(s) 'omzet'")
    assert "'omzetpotentie', 'relatie' en 'betrouwbaarheid'" in melding


def test_negatief_gewicht(scores):
    with pytest.raises(ValueError, match=r"gewichten\['relatie'\]: -3 is te klein.*0 of meer"):
        klantrating(scores, {**GEWICHTEN, "relatie": -3})


@pytest.mark.parametrize("gewicht", ["3", None, True])
def test_gewicht_geen_getal(scores, gewicht):
    with pytest.raises(TypeError, match=r"gewichten\['relatie'\]: .* is geen getal"):
        klantrating(scores, {**GEWICHTEN, "relatie": gewicht})


def test_gewicht_nan(scores):
    with pytest.raises(ValueError, match=r"gewichten\['relatie'\]: nan is geen eindig getal"):
        klantrating(scores, {**GEWICHTEN, "relatie": float("nan")})


def test_alle_gewichten_nul(scores):
    with pytest.raises(ValueError, match=r"gewichten: alle gewichten zijn 0"):
        klantrating(scores, dict.fromkeys(CRITERIA, 0))


def test_gewichten_verkeerd_type(scores):
    with pytest.raises(TypeError, match=r"gewichten: verwacht een dict .*kreeg list"):
        klantrating(scores, [5, 3, 2])


def test_gewichten_series_met_dubbel_criterium(scores):
    dubbel = pd.Series([5, 3, 2, 1], index=[*CRITERIA, "relatie"])
    with pytest.raises(ValueError, match=r"gewichten: criterium 'relatie' komt meer dan eens voor"):
        klantrating(scores, dubbel)


def test_onbekend_criterium_in_knock_out(scores):
    with pytest.raises(ValueError, match=r"minimum_per_criterium: onbekende sleutel\(s\) 'prijs'"):
        klantrating(scores, GEWICHTEN, minimum_per_criterium={"prijs": 5})


@pytest.mark.parametrize("minimum", ["5", [5, 5, 5], True])
def test_knock_out_geen_getal(scores, minimum):
    with pytest.raises(TypeError, match=r"minimum_per_criterium: .* geen getal en geen dict"):
        klantrating(scores, GEWICHTEN, minimum_per_criterium=minimum)


def test_knock_out_dictwaarde_geen_getal(scores):
    with pytest.raises(
        TypeError, match=r"minimum_per_criterium\['relatie'\]: 'vijf' is geen getal"
    ):
        klantrating(scores, GEWICHTEN, minimum_per_criterium={"relatie": "vijf"})


def test_knock_out_nan(scores):
    with pytest.raises(ValueError, match=r"minimum_per_criterium: nan is geen eindig getal"):
        klantrating(scores, GEWICHTEN, minimum_per_criterium=float("nan"))


@pytest.mark.parametrize("minimum", ["50", (50,), False])
def test_minimum_totaal_geen_getal(scores, minimum):
    with pytest.raises(TypeError, match=r"minimum_totaal: .* is geen getal"):
        klantrating(scores, GEWICHTEN, minimum_totaal=minimum)


def test_minimum_totaal_oneindig(scores):
    with pytest.raises(ValueError, match=r"minimum_totaal: inf is geen eindig getal"):
        klantrating(scores, GEWICHTEN, minimum_totaal=math.inf)


# ---------------------------------------------------------------------------
# Eigenschappen (hypothesis)
# ---------------------------------------------------------------------------

score = st.integers(min_value=1, max_value=10)
gewicht = st.integers(min_value=0, max_value=10)


@st.composite
def tabel_en_gewichten(draw):
    aantal_accounts = draw(st.integers(min_value=1, max_value=8))
    aantal_criteria = draw(st.integers(min_value=1, max_value=4))
    criteria = [f"c{j}" for j in range(aantal_criteria)]
    waarden = draw(
        st.lists(
            st.lists(score, min_size=aantal_criteria, max_size=aantal_criteria),
            min_size=aantal_accounts,
            max_size=aantal_accounts,
        )
    )
    scores = pd.DataFrame(
        waarden, columns=criteria, index=[f"account{i}" for i in range(aantal_accounts)]
    )
    gewichten = draw(st.lists(gewicht, min_size=aantal_criteria, max_size=aantal_criteria))
    if not any(gewichten):
        gewichten[0] = 1
    return scores, dict(zip(criteria, gewichten, strict=True))


@settings(max_examples=60, deadline=None)
@given(tabel_en_gewichten(), st.data())
def test_hogere_score_geeft_nooit_een_slechtere_rang(invoer, data):
    scores, gewichten = invoer
    account = data.draw(st.sampled_from(list(scores.index)))
    criterium = data.draw(st.sampled_from(list(scores.columns)))
    extra = data.draw(st.integers(min_value=0, max_value=10))
    voor = klantrating(scores, gewichten).loc[account, "rang"]
    hoger = scores.copy()
    hoger.loc[account, criterium] += extra
    na = klantrating(hoger, gewichten).loc[account, "rang"]
    assert na <= voor


@settings(max_examples=60, deadline=None)
@given(tabel_en_gewichten(), st.lists(gewicht, min_size=4, max_size=4), st.integers(1, 5))
def test_totaal_is_lineair_in_de_gewichten(invoer, andere, factor):
    scores, gewichten = invoer
    tweede = dict(zip(scores.columns, andere, strict=False))
    if not any(tweede.values()):
        tweede[scores.columns[0]] = 1
    som = {c: factor * gewichten[c] + tweede[c] for c in scores.columns}
    t1 = klantrating(scores, gewichten)["totaal"]
    t2 = klantrating(scores, tweede)["totaal"]
    t_som = klantrating(scores, som)["totaal"]
    verwacht = factor * t1 + t2.reindex(t1.index)
    pd.testing.assert_series_equal(t_som.reindex(t1.index), verwacht, check_names=False, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(tabel_en_gewichten(), st.integers(1, 10), st.integers(0, 200))
def test_selectie_volgt_precies_de_twee_regels(invoer, knock_out, minimum):
    scores, gewichten = invoer
    tabel = klantrating(scores, gewichten, minimum_per_criterium=knock_out, minimum_totaal=minimum)
    with_hand = (scores * pd.Series(gewichten)).sum(axis=1)
    for account, rij in tabel.iterrows():
        slaagt_knock_out = bool((scores.loc[account] >= knock_out).all())
        slaagt_totaal = with_hand[account] >= minimum
        assert rij["totaal"] == with_hand[account]
        assert rij["geselecteerd"] == (slaagt_knock_out and slaagt_totaal)
        assert ("knock-out:" in rij["reden"]) == (not slaagt_knock_out)
        assert ("minimumtotaal:" in rij["reden"]) == (not slaagt_totaal)
    # geen rij verdwijnt, en de volgorde loopt op rang
    assert sorted(tabel.index) == sorted(scores.index)
    assert tabel["rang"].is_monotonic_increasing
    assert tabel["totaal"].is_monotonic_decreasing
