"""Tests voor klanttools.klantgroepen (vier klantgroepen en de ABC-analyse)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klanttools.klantgroepen import (
    ABC_KLASSEN,
    ADVIES,
    KLANTGROEPEN,
    abc_analyse,
    abc_samenvatting,
    klantgroep,
    klantgroepen,
)

# ---------------------------------------------------------------------------
# Constanten
# ---------------------------------------------------------------------------


def test_vaste_namen_en_advies():
    assert KLANTGROEPEN == ("Partner", "Vriend", "Economicus", "Dog")
    assert tuple(ADVIES) == KLANTGROEPEN
    assert ADVIES["Partner"].startswith("Behouden en verder ontwikkelen")
    assert "share of wallet" in ADVIES["Vriend"].lower()
    assert ADVIES["Economicus"].startswith("Relatie opbouwen")
    assert ADVIES["Dog"].startswith("Niet in investeren")
    assert ABC_KLASSEN == ("A", "B", "C")


# ---------------------------------------------------------------------------
# klantgroep (één account)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("relatie", "koop", "groep"),
    [(8, 9, "Partner"), (8, 2, "Vriend"), (2, 9, "Economicus"), (2, 2, "Dog")],
)
def test_vier_kwadranten(relatie, koop, groep):
    assert klantgroep(relatie, koop, 6) == groep


def test_grens_is_inclusief():
    assert klantgroep(6, 6, 6) == "Partner"
    assert klantgroep(5.999, 6, 6) == "Economicus"
    assert klantgroep(6, 5.999, 6) == "Vriend"


def test_aparte_grenzen_per_as():
    # relatie op een schaal 1-10, koopgedrag als share of wallet in procenten
    assert klantgroep(7, 55, grens=(6, 50)) == "Partner"
    assert klantgroep(7, 45, grens=[6, 50]) == "Vriend"
    assert klantgroep(5, 50, grens=(6, 50)) == "Economicus"


@pytest.mark.parametrize("grens", ["zes", "hoog"])
def test_grens_tekst_bij_een_account(grens):
    with pytest.raises(TypeError, match=rf"grens: '{grens}' is geen getal.*Toegestaan: een getal"):
        klantgroep(8, 9, grens)


def test_grens_mediaan_bij_een_account():
    with pytest.raises(ValueError, match=r"grens: 'mediaan' kan alleen bij klantgroepen\(\)"):
        klantgroep(8, 9, "mediaan")


def test_grens_ontbreekt():
    with pytest.raises(TypeError, match=r"grens: geef aan vanaf welke score"):
        klantgroep(8, 9, None)


@pytest.mark.parametrize("grens", [True, {"relatie": 5}])
def test_grens_verkeerd_type(grens):
    with pytest.raises(TypeError, match=r"grens: .* is geen getal"):
        klantgroep(8, 9, grens)


def test_grens_paar_verkeerd():
    with pytest.raises(ValueError, match=r"grens: \(1, 2, 3\) heeft 3 waarde\(n\)"):
        klantgroep(8, 9, (1, 2, 3))
    with pytest.raises(TypeError, match=r"grens: de grens voor koop \('5'\) is geen getal"):
        klantgroep(8, 9, (5, "5"))
    with pytest.raises(ValueError, match=r"grens \(relatie\): nan is geen eindig getal"):
        klantgroep(8, 9, (float("nan"), 5))


@pytest.mark.parametrize(
    ("argumenten", "naam"),
    [(("8", 9), "relatiegedrag"), ((8, None), "koopgedrag"), ((True, 9), "relatiegedrag")],
)
def test_gedrag_geen_getal(argumenten, naam):
    with pytest.raises(TypeError, match=rf"^{naam}: .* is geen getal"):
        klantgroep(*argumenten, 6)


def test_gedrag_nan():
    with pytest.raises(ValueError, match=r"^koopgedrag: nan is geen eindig getal"):
        klantgroep(8, float("nan"), 6)


# ---------------------------------------------------------------------------
# klantgroepen (een hele tabel)
# ---------------------------------------------------------------------------


@pytest.fixture
def accounts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "relatiegedrag": [8, 7, 3, 2, 6],
            "koopgedrag": [9, 2, 8, 4, 6],
            "regio": ["Noord", "Zuid", "Oost", "West", "Noord"],
        },
        index=pd.Index(["Bakker BV", "De Vries", "Jansen", "Smit", "Mulder"], name="account"),
    )


def test_tabel_met_vaste_grens(accounts):
    groepen = klantgroepen(accounts, grens=6)
    assert groepen.to_dict() == {
        "Bakker BV": "Partner",
        "De Vries": "Vriend",
        "Jansen": "Economicus",
        "Smit": "Dog",
        "Mulder": "Partner",  # 6 en 6: de grens is inclusief
    }
    assert groepen.name == "klantgroep"
    assert groepen.index.equals(accounts.index)
    assert isinstance(groepen.dtype, pd.CategoricalDtype)
    assert list(groepen.cat.categories) == list(KLANTGROEPEN)
    assert groepen.attrs["grens"] == (6.0, 6.0)


def test_lege_groepen_blijven_zichtbaar(accounts):
    groepen = klantgroepen(accounts, grens=0)
    assert groepen.value_counts(sort=False).to_dict() == {
        "Partner": 5,
        "Vriend": 0,
        "Economicus": 0,
        "Dog": 0,
    }


def test_tabel_met_grens_per_as_en_eigen_kolomnamen():
    df = pd.DataFrame({"relatie": [7, 7], "share_of_wallet": [60, 40]}, index=["x", "y"])
    groepen = klantgroepen(df, relatie="relatie", koop="share_of_wallet", grens=(6, 50))
    assert groepen.tolist() == ["Partner", "Vriend"]


def test_tabel_met_mediaan(accounts):
    groepen = klantgroepen(accounts, grens="mediaan")
    # mediaan relatiegedrag van 8, 7, 3, 2, 6 is 6; van koopgedrag 9, 2, 8, 4, 6 is 6
    assert groepen.attrs["grens"] == (6.0, 6.0)
    assert groepen.tolist() == klantgroepen(accounts, grens=6).tolist()


def test_twee_losse_series(accounts):
    groepen = klantgroepen(relatie=accounts["relatiegedrag"], koop=accounts["koopgedrag"], grens=6)
    pd.testing.assert_series_equal(groepen, klantgroepen(accounts, grens=6))


def test_dubbele_index_mag_bij_klantgroepen():
    df = pd.DataFrame({"relatiegedrag": [8, 2], "koopgedrag": [8, 2]}, index=["x", "x"])
    assert klantgroepen(df, grens=5).tolist() == ["Partner", "Dog"]


def test_ontbrekende_waarden_worden_genoemd(accounts):
    df = accounts.astype({"relatiegedrag": float, "koopgedrag": float})
    df.loc["Jansen", "koopgedrag"] = np.nan
    df.loc["Smit", "relatiegedrag"] = np.nan
    with pytest.raises(ValueError) as fout:
        klantgroepen(df, grens=6)
    melding = str(fout.value)
    assert melding.startswith("df: 2 waarden ontbreken")
    assert "rij 'Jansen', kolom 'koopgedrag'" in melding
    assert "rij 'Smit', kolom 'relatiegedrag'" in melding


def test_tekst_in_kolom(accounts):
    with pytest.raises(
        TypeError, match=r"df: 5 cellen bevatten geen getal: 'Noord' \(rij 'Bakker BV'"
    ):
        klantgroepen(accounts, relatie="regio", grens=6)


def test_onbekende_kolom(accounts):
    with pytest.raises(ValueError, match=r"koop: kolom 'koop' staat niet in df\. Beschikbaar: "):
        klantgroepen(accounts, koop="koop", grens=6)


def test_series_als_kolomnaam(accounts):
    with pytest.raises(TypeError, match=r"relatie: geef de naam van een kolom van df, geen Series"):
        klantgroepen(accounts, relatie=accounts["relatiegedrag"], grens=6)


def test_zonder_df_moeten_het_series_zijn():
    with pytest.raises(TypeError, match=r"relatie: zonder df verwacht ik een pandas Series"):
        klantgroepen(relatie=[1, 2], koop=pd.Series([1, 2]), grens=6)


def test_series_met_verschillende_index():
    with pytest.raises(ValueError, match=r"relatie en koop: .*hun index verschilt"):
        klantgroepen(relatie=pd.Series([1, 2]), koop=pd.Series([1, 2], index=[5, 6]), grens=1)
    with pytest.raises(ValueError, match=r"relatie heeft 2 rijen en koop 3"):
        klantgroepen(relatie=pd.Series([1, 2]), koop=pd.Series([1, 2, 3]), grens=1)


def test_df_geen_dataframe():
    with pytest.raises(TypeError, match=r"df: verwacht een pandas DataFrame.*kreeg dict"):
        klantgroepen({"relatiegedrag": [1], "koopgedrag": [2]}, grens=1)


def test_lege_tabel(accounts):
    with pytest.raises(ValueError, match=r"df: er zijn geen accounts \(0 rijen\)"):
        klantgroepen(accounts.iloc[:0], grens=6)


@pytest.mark.parametrize("grens", ["median", "gemiddelde"])
def test_onbekende_grenskeuze(accounts, grens):
    with pytest.raises(ValueError, match=rf"grens: '{grens}' is geen getal.*of 'mediaan'"):
        klantgroepen(accounts, grens=grens)


def test_grens_vergeten(accounts):
    with pytest.raises(TypeError, match=r"grens: geef aan vanaf welke score.*'mediaan'"):
        klantgroepen(accounts)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), min_size=1, max_size=15),
    st.integers(0, 10),
    st.integers(0, 10),
)
def test_tabel_en_los_account_zijn_het_eens(paren, grens_relatie, grens_koop):
    df = pd.DataFrame(paren, columns=["relatiegedrag", "koopgedrag"])
    groepen = klantgroepen(df, grens=(grens_relatie, grens_koop))
    los = [klantgroep(r, k, (grens_relatie, grens_koop)) for r, k in paren]
    assert groepen.tolist() == los
    mediaan = klantgroepen(df, grens="mediaan")
    # precies op de mediaan telt als hoog: minstens de helft scoort hoog op elke as
    hoog_relatie = mediaan.isin(["Partner", "Vriend"]).sum()
    hoog_koop = mediaan.isin(["Partner", "Economicus"]).sum()
    assert 2 * hoog_relatie >= len(df) and 2 * hoog_koop >= len(df)


# ---------------------------------------------------------------------------
# ABC-analyse
# ---------------------------------------------------------------------------


@pytest.fixture
def omzet() -> pd.Series:
    return pd.Series(
        {"Smit": 5, "Bakker BV": 50, "Jansen": 10, "De Vries": 30, "Mulder": 5}, name="omzet"
    )


def test_abc_met_de_hand(omzet):
    tabel = abc_analyse(omzet)
    # gesorteerd: 50, 30, 10, 5, 5 (totaal 100); aandeel vóór elk account: 0, .5, .8, .9, .95
    assert list(tabel.index) == ["Bakker BV", "De Vries", "Jansen", "Smit", "Mulder"]
    assert list(tabel.columns) == ["waarde", "aandeel", "cumulatief_aandeel", "klasse"]
    assert tabel["waarde"].tolist() == [50, 30, 10, 5, 5]
    assert tabel["aandeel"].tolist() == [0.5, 0.3, 0.1, 0.05, 0.05]
    assert tabel["cumulatief_aandeel"].tolist() == [0.5, 0.8, 0.9, 0.95, 1.0]
    assert tabel["klasse"].tolist() == ["A", "A", "B", "B", "C"]
    assert list(tabel["klasse"].cat.categories) == ["A", "B", "C"]


def test_abc_account_dat_de_grens_passeert_is_nog_a():
    tabel = abc_analyse(pd.Series({"x": 70, "y": 20, "z": 10}))
    # vóór y is het aandeel 0,7 < 0,8, dus y is A ook al komt het cumulatief op 0,9;
    # vóór z is het aandeel 0,9 < 0,95, dus z is B
    assert tabel["klasse"].tolist() == ["A", "A", "B"]
    # x alleen passeert al beide grenzen: vóór y is het aandeel 0,96, dus y is C
    assert abc_analyse(pd.Series({"x": 96, "y": 4}))["klasse"].tolist() == ["A", "C"]


def test_abc_een_account_is_altijd_a():
    tabel = abc_analyse(pd.Series({"enige": 12.5}))
    assert tabel["klasse"].tolist() == ["A"]
    assert tabel["cumulatief_aandeel"].tolist() == [1.0]


def test_abc_eigen_grenzen_en_dict():
    waarden = {"a": 40, "b": 30, "c": 20, "d": 10}
    assert abc_analyse(waarden, grenzen=(0.5, 0.9))["klasse"].tolist() == ["A", "A", "B", "C"]
    assert abc_analyse(waarden, grenzen=[0.4, 1])["klasse"].tolist() == ["A", "B", "B", "B"]


def test_abc_nulwaarden_en_gelijke_waarden():
    tabel = abc_analyse(pd.Series([10, 0, 10, 0], index=["p", "q", "r", "s"]))
    assert list(tabel.index) == ["p", "r", "q", "s"]  # gelijke waarden in invoervolgorde
    assert tabel["klasse"].tolist() == ["A", "A", "C", "C"]


def test_abc_rekenruis_beslist_niet():
    tabel = abc_analyse(pd.Series([0.4, 0.3, 0.2, 0.1], index=list("abcd")), grenzen=(0.7, 0.9))
    # 0,4 + 0,3 is in floats 0,7000000000000001; afgerond precies 0,7, dus c is B
    assert tabel["cumulatief_aandeel"].tolist() == [0.4, 0.7, 0.9, 1.0]
    assert tabel["klasse"].tolist() == ["A", "A", "B", "C"]


def test_abc_negatieve_waarde(omzet):
    omzet["Smit"] = -5
    with pytest.raises(ValueError, match=r"waarden: 1 negatieve waarde: -5.* \(account 'Smit'\)"):
        abc_analyse(omzet)


def test_abc_ontbrekende_waarde(omzet):
    omzet = omzet.astype(float)
    omzet["Jansen"] = np.nan
    with pytest.raises(ValueError, match=r"waarden: 1 waarde ontbreekt: account 'Jansen'"):
        abc_analyse(omzet)


def test_abc_tekst():
    with pytest.raises(
        TypeError, match=r"waarden: 1 cel bevat geen getal: '1.000' \(account 'b'\)"
    ):
        abc_analyse(pd.Series([5, "1.000"], index=["a", "b"]))


def test_abc_totaal_nul():
    with pytest.raises(ValueError, match=r"waarden: het totaal is 0"):
        abc_analyse(pd.Series({"a": 0, "b": 0}))


def test_abc_leeg():
    with pytest.raises(ValueError, match=r"waarden: er zijn geen accounts"):
        abc_analyse(pd.Series([], dtype=float))


def test_abc_dubbel_account():
    with pytest.raises(ValueError, match=r"waarden: account 'a' komt meer dan eens voor.*groupby"):
        abc_analyse(pd.Series([1, 2], index=["a", "a"]))


def test_abc_verkeerd_type():
    with pytest.raises(TypeError, match=r"waarden: verwacht een pandas Series .*kreeg list"):
        abc_analyse([50, 30, 20])


@pytest.mark.parametrize(
    ("grenzen", "fout", "tekst"),
    [
        ((80, 95), ValueError, r"grenzen: \(80, 95\) bevat een waarde boven 1.*0\.8 voor 80%"),
        ((0.95, 0.8), ValueError, r"grenzen: \(0\.95, 0\.8\) past niet"),
        ((0, 0.8), ValueError, r"grenzen: \(0, 0\.8\) past niet"),
        (0.8, TypeError, r"grenzen: 0\.8 is geen paar getallen"),
        ((0.8, "0.95"), TypeError, r"grenzen: '0\.95' is geen getal"),
        ((0.8, float("nan")), ValueError, r"grenzen: nan is geen eindig getal"),
    ],
)
def test_abc_foute_grenzen(omzet, grenzen, fout, tekst):
    with pytest.raises(fout, match=tekst):
        abc_analyse(omzet, grenzen=grenzen)


def test_abc_samenvatting_met_de_hand(omzet):
    samenvatting = abc_samenvatting(abc_analyse(omzet))
    assert list(samenvatting.index) == ["A", "B", "C"]
    assert samenvatting.index.name == "klasse"
    assert samenvatting["aantal_accounts"].tolist() == [2, 2, 1]
    assert samenvatting["aandeel_accounts"].tolist() == [0.4, 0.4, 0.2]
    assert samenvatting["waarde"].tolist() == [80.0, 15.0, 5.0]
    assert samenvatting["aandeel_waarde"].tolist() == [0.8, 0.15, 0.05]


def test_abc_samenvatting_lege_klasse():
    samenvatting = abc_samenvatting(abc_analyse(pd.Series({"x": 100})))
    assert samenvatting["aantal_accounts"].tolist() == [1, 0, 0]
    assert samenvatting["waarde"].tolist() == [100.0, 0.0, 0.0]


def test_abc_samenvatting_foute_invoer(omzet):
    with pytest.raises(TypeError, match=r"abc_tabel: verwacht de tabel die abc_analyse"):
        abc_samenvatting(omzet)
    with pytest.raises(ValueError, match=r"abc_tabel: kolom 'klasse' ontbreekt"):
        abc_samenvatting(pd.DataFrame({"waarde": [1]}))
    with pytest.raises(ValueError, match=r"abc_tabel: de tabel is leeg"):
        abc_samenvatting(abc_analyse(omzet).iloc[:0])
    with pytest.raises(ValueError, match=r"abc_tabel: onbekende klasse 'D' \(account 'x'\)"):
        abc_samenvatting(pd.DataFrame({"waarde": [1], "klasse": ["D"]}, index=["x"]))
    with pytest.raises(ValueError, match=r"abc_tabel: de kolom 'waarde' bevat negatieve"):
        abc_samenvatting(pd.DataFrame({"waarde": [-1, 2], "klasse": ["A", "B"]}))


omzetten = st.lists(
    st.one_of(st.integers(0, 1_000_000), st.floats(0, 1e6, allow_nan=False)),
    min_size=1,
    max_size=30,
).filter(lambda w: sum(w) > 0)


@settings(max_examples=100, deadline=None)
@given(omzetten, st.floats(0.05, 0.9), st.floats(0.01, 0.5))
def test_abc_eigenschappen(waarden, grens_a, extra):
    grens_b = min(grens_a + extra, 1.0)
    reeks = pd.Series(waarden, index=[f"k{i}" for i in range(len(waarden))])
    tabel = abc_analyse(reeks, grenzen=(grens_a, grens_b))
    # niets verdwijnt en de volgorde is aflopend
    assert sorted(tabel.index) == sorted(reeks.index)
    assert tabel["waarde"].is_monotonic_decreasing
    # klassen lopen A -> B -> C in de gesorteerde volgorde, en de eerste is altijd A
    codes = tabel["klasse"].cat.codes.to_numpy()
    assert (np.diff(codes) >= 0).all()
    assert tabel["klasse"].iloc[0] == "A"
    # de afspraak: klasse volgt uit het cumulatieve aandeel vóór het account
    voor = np.concatenate(([0.0], tabel["cumulatief_aandeel"].to_numpy()[:-1]))
    verwacht = np.where(voor < grens_a, "A", np.where(voor < grens_b, "B", "C"))
    assert tabel["klasse"].tolist() == verwacht.tolist()
    assert tabel["cumulatief_aandeel"].iloc[-1] == pytest.approx(1.0)
    assert tabel["aandeel"].sum() == pytest.approx(1.0)
    samenvatting = abc_samenvatting(tabel)
    assert samenvatting["aantal_accounts"].sum() == len(reeks)
    assert samenvatting["aandeel_waarde"].sum() == pytest.approx(1.0)
