"""Zelftoetsen: de klasse Zelftoets (klanttools.nakijken.zelftoets) en de vragen van les 1 en 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from klanttools.nakijken import HINTS, AntwoordKloptNiet, Zelftoets, controleer_nps
from klanttools.nakijken.zelftoets import Beoordeling
from klanttools.zelftoetsen import les01, les02, les03, les04, les05, les06

NIET_INGEVULD = "Nog niet ingevuld. Zet je antwoord op de plek van None en voer de cel opnieuw uit."


@pytest.fixture
def toets() -> Zelftoets:
    t = Zelftoets("test")
    t.vraag(
        "b2b",
        5,
        tip="Tel hoe vaak er B2B staat.",
        bekende_fouten={6: "De consument is geen bedrijf."},
    )
    t.vraag("stijging", 28.1, marge=0.05, tip="Trek af.", bekende_fouten={28: "Rond af op 1."})
    t.vraag(
        "fase",
        "new business development",
        tip="Is het al een klant?",
        bekende_fouten={"accountmanagement": "Dit bedrijf koopt nog niets."},
    )
    t.vraag("waar", True, tip="Denk na.")
    t.vraag("nps", controle=lambda a: controleer_nps(a, [10, 9, 8, 3]))
    return t


# --- de klasse ---------------------------------------------------------------------------


@pytest.mark.parametrize("sleutel", ["b2b", "stijging", "fase", "waar", "nps"])
def test_none_is_nog_niet_ingevuld(toets, sleutel, capsys):
    uitslag = toets.beoordeel(sleutel, None)
    assert uitslag.goed is None and uitslag.tekst == NIET_INGEVULD
    assert toets.controleer(sleutel, None) is None
    assert capsys.readouterr().out == NIET_INGEVULD + "\n"


def test_ellipsis_is_ook_nog_niet_ingevuld(toets):
    assert toets.beoordeel("b2b", ...).goed is None


@pytest.mark.parametrize(
    ("sleutel", "antwoord"),
    [
        ("b2b", 5),
        ("b2b", 5.0),
        ("b2b", np.int64(5)),
        ("stijging", 28.1),
        ("stijging", 28.14),  # binnen de marge
        ("fase", "New Business Development"),
        ("fase", " new business-development. "),
        ("fase", "newbusinessdevelopment"),
        ("waar", True),
        ("waar", np.bool_(True)),
        ("nps", 25),
        ("nps", 25.04),
    ],
)
def test_goed_antwoord_zegt_goed(toets, sleutel, antwoord, capsys):
    uitslag = toets.beoordeel(sleutel, antwoord)
    assert uitslag == Beoordeling(True, "Goed!")
    toets.controleer(sleutel, antwoord)
    assert capsys.readouterr().out == "Goed!\n"


@pytest.mark.parametrize(
    ("sleutel", "antwoord", "hint"),
    [
        ("b2b", 6, "De consument is geen bedrijf."),
        ("stijging", 28, "Rond af op 1."),
        ("stijging", 28.03, "Rond af op 1."),  # bekende fouten met dezelfde marge
        ("fase", "Accountmanagement", "Dit bedrijf koopt nog niets."),
    ],
)
def test_bekende_fout_geeft_zijn_hint(toets, sleutel, antwoord, hint, capsys):
    uitslag = toets.beoordeel(sleutel, antwoord)
    assert uitslag.goed is False
    assert uitslag.tekst == f"Nog niet goed. {hint}"
    toets.controleer(sleutel, antwoord)
    assert capsys.readouterr().out == f"Nog niet goed. {hint}\n"


@pytest.mark.parametrize(
    ("sleutel", "antwoord", "tip"),
    [
        ("b2b", 4, "Tel hoe vaak er B2B staat."),
        ("stijging", 28.2, "Trek af."),  # net buiten de marge
        ("fase", "lead", "Is het al een klant?"),
        ("waar", False, "Denk na."),
    ],
)
def test_ander_fout_antwoord_geeft_de_tip(toets, sleutel, antwoord, tip):
    assert toets.beoordeel(sleutel, antwoord) == Beoordeling(False, "Nog niet goed.", tip)


@pytest.mark.parametrize(
    ("sleutel", "antwoord", "tekst"),
    [
        ("b2b", "5", "Typ een getal zonder aanhalingstekens"),
        ("b2b", True, "Typ een getal zonder aanhalingstekens"),
        ("b2b", [5], "Typ een getal zonder aanhalingstekens"),
        ("fase", 3, "Typ je antwoord tussen aanhalingstekens"),
        ("waar", "True", "Typ True of False"),
    ],
)
def test_verkeerde_soort_antwoord_geeft_uitleg(toets, sleutel, antwoord, tekst):
    uitslag = toets.beoordeel(sleutel, antwoord)
    assert uitslag.goed is False and tekst in uitslag.tekst


def test_controlefunctie_uit_nakijken_geeft_haar_hint(toets):
    uitslag = toets.beoordeel("nps", -25)
    assert uitslag.goed is False
    assert uitslag.tekst.startswith("Nog niet goed: je NPS = -25 klopt nog niet.")
    assert HINTS["omgedraaid"] in uitslag.tekst
    # ook een antwoord dat geen getal is geeft een tip, geen foutmelding
    assert toets.beoordeel("nps", "25%").goed is False


def test_eigen_controlefunctie_met_assert():
    def even(antwoord):
        assert antwoord % 2 == 0

    def klein(antwoord):
        if antwoord > 10:
            raise AntwoordKloptNiet("je getal is groter dan 10.")

    t = Zelftoets()
    t.vraag("even", controle=even, tip="Een even getal is deelbaar door 2.")
    t.vraag("klein", controle=klein)
    assert t.beoordeel("even", 4).goed is True
    assert t.beoordeel("even", 3).tekst == "Nog niet goed. Een even getal is deelbaar door 2."
    assert t.beoordeel("klein", 11).tekst == "Nog niet goed: je getal is groter dan 10."


def test_andere_fouten_in_een_controlefunctie_worden_niet_verstopt():
    t = Zelftoets()
    t.vraag("kapot", controle=lambda a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        t.beoordeel("kapot", 1)


def test_onbekende_vraag_geeft_nederlandse_valueerror_met_de_bekende_vragen(toets):
    with pytest.raises(ValueError, match="bestaat niet") as info:
        toets.controleer("b2c", 5)
    melding = str(info.value)
    assert "Bedoel je 'b2b'?" in melding
    for sleutel in toets.vragen:
        assert repr(sleutel) in melding
    with pytest.raises(ValueError, match="bestaat niet"):
        toets.beoordeel(5, 5)


def test_goed_antwoord_als_functie_wordt_pas_bij_de_eerste_controle_berekend():
    aanroepen = []

    def goed():
        aanroepen.append(1)
        return 42

    t = Zelftoets()
    t.vraag("x", goed, bekende_fouten=lambda: {24: "Omgedraaid."})
    assert aanroepen == []
    assert t.beoordeel("x", None).goed is None
    assert aanroepen == []  # niet ingevuld: niets uitrekenen
    assert t.beoordeel("x", 42).goed is True
    assert t.beoordeel("x", 24).tekst == "Nog niet goed. Omgedraaid."
    assert t.beoordeel("x", 41).goed is False
    assert aanroepen == [1]  # één keer, daarna onthouden


@pytest.mark.parametrize(
    ("argumenten", "fout", "tekst"),
    [
        ({}, ValueError, "precies één van goed="),
        ({"goed": 1, "controle": print}, ValueError, "precies één van goed="),
        ({"goed": None}, ValueError, "None betekent"),
        ({"controle": 5}, TypeError, "geen functie"),
        ({"goed": 1, "marge": -1}, ValueError, "marge=-1"),
    ],
)
def test_foute_vraag_definitie(argumenten, fout, tekst):
    with pytest.raises(fout, match=tekst):
        Zelftoets().vraag("v", **argumenten)


def test_dubbele_sleutel(toets):
    with pytest.raises(ValueError, match="bestaat al"):
        toets.vraag("b2b", 5)


def test_vragen_zijn_alleen_lezen(toets):
    with pytest.raises(TypeError):
        toets.vragen["nieuw"] = None  # type: ignore[index]


def test_html_is_gekleurd_en_ontsnapt():
    goed = Beoordeling(True, "Goed!")._repr_html_()
    fout = Beoordeling(False, "Nog niet goed:", "je antwoord = '<b>' klopt nog niet.")._repr_html_()
    leeg = Beoordeling(None, "Nog niet ingevuld.", "Vul in.")._repr_html_()
    assert "46, 125, 50" in goed and "214, 130, 0" in fout and "120, 120, 120" in leeg
    assert "&#x27;&lt;b&gt;&#x27;" in fout and "'<b>'" not in fout
    assert "<b>Goed!</b>" in goed


def test_in_jupyter_een_displaybericht_met_html_en_tekst(monkeypatch):
    import IPython  # hoort bij de extra 'cursus' (JupyterLab); geen skip als het ontbreekt
    import IPython.display

    class Kernelshell:
        kernel = object()

    getoond = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: Kernelshell())
    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: getoond.append((a, k)))
    Beoordeling(True, "Goed!").toon()
    ((bundel,), opties) = getoond[0]
    assert opties == {"raw": True}
    assert bundel["text/plain"] == "Goed!"
    assert "<b>Goed!</b>" in bundel["text/html"]


# --- les 1 en les 2 ---------------------------------------------------------------------

LES02_CONTROLES = {
    # vraag: (goed antwoord, {fout antwoord: stuk van de verwachte hint})
    "promotors": (5, {7: HINTS["acht_als_promotor"], 8: HINTS["passief_als_promotor"]}),
    "passief": (3, {4: HINTS["zes_niet_criticaster"], 8: HINTS["passief_als_promotor"]}),
    "criticasters": (2, {1: HINTS["zes_niet_criticaster"]}),
    "nps_met_de_hand": (30, {-30: HINTS["omgedraaid"], 0.3: HINTS["aandeel"]}),
}
"""De vragen van les 2 met een controlefunctie uit klanttools.nakijken (5.4, met de hand)."""

LES01_VRAGEN = {
    "bedrijfskolom": 1,
    "b2b": 1,
    "situatie_1": 3,
    "situatie_2": 3,
    "situatie_3": 3,
    "situatie_4": 2,
    "begrip_1": 4,
    "begrip_2": 4,
    "begrip_3": 4,
    "oordeel": 5,
    "delight": 5,
    "plicht_melden": 5,
}
"""De vragen van les 1, met het leerdoel (1–5) dat ze oefenen."""

LES02_VRAGEN = {
    "promotors": 6,
    "passief": 6,
    "criticasters": 6,
    "nps_met_de_hand": 6,
    "nps_met_lege": 6,
    "significant": 7,
    "stijging_8_naar_9": 7,
    "meting_webshop": 8,
}
"""De vragen van les 2, met het leerdoel (6–8) dat ze oefenen."""

LES03_VRAGEN = {
    "oe_betekenis": 1,
    "drempel": 1,
    "casus_1": 2,
    "casus_2": 2,
    "casus_3": 2,
    "crm_strategie": 3,
    "hoogste_ci": 4,
    "oe_prijsmaat": 4,
    "oneens_ci": 4,
    "aantal_crm_fit": 4,
    "instrument": 4,
}
"""De vragen van les 3 (eenheid 2), met het leerdoel (1–4 van eenheid 2) dat ze oefenen."""


def test_elk_leerdoel_heeft_een_zelftoets():
    assert set(les01.toets.vragen) == set(LES01_VRAGEN)
    assert set(les02.toets.vragen) == set(LES02_VRAGEN)
    assert set(LES01_VRAGEN.values()) == {1, 2, 3, 4, 5}
    assert set(LES02_VRAGEN.values()) == {6, 7, 8}
    controles = {k for k, v in les02.toets.vragen.items() if v.controle is not None}
    assert controles == set(LES02_CONTROLES)
    assert not any(v.controle for v in les01.toets.vragen.values())
    assert set(les03.toets.vragen) == set(LES03_VRAGEN)
    assert set(LES03_VRAGEN.values()) == {1, 2, 3, 4}
    # Elk leerdoel van les 3 heeft minstens één vraag met een hint voor een bekende denkfout.
    met_hint = {LES03_VRAGEN[k] for k, v in les03.toets.vragen.items() if v.fouten}
    assert met_hint == {1, 2, 3, 4}


LES04_VRAGEN = {
    "avg": 1,
    "v_snelheid": 2,
    "kwadrant_adres": 2,
    "kwadrant_chat": 2,
    "datawarehouse": 2,
    "automation": 3,
    "rijen_over": 4,
    "bedrag_getal": 4,
    "webshop_voor": 5,
    "sector_meeste": 5,
    "schijnverband": 5,
}
"""De vragen van les 4 (eenheid 3), met het leerdoel (1–5 van eenheid 3) dat ze oefenen."""


def test_elk_leerdoel_van_les04_heeft_een_zelftoets_met_een_hint():
    assert set(les04.toets.vragen) == set(LES04_VRAGEN)
    met_hint = {LES04_VRAGEN[k] for k, v in les04.toets.vragen.items() if v.fouten}
    assert met_hint == set(LES04_VRAGEN.values()) == {1, 2, 3, 4, 5}


_ALLE = (
    [(les01, k) for k in sorted(LES01_VRAGEN)]
    + [(les02, k) for k in sorted(LES02_VRAGEN)]
    + [(les03, k) for k in sorted(LES03_VRAGEN)]
    + [(les04, k) for k in sorted(LES04_VRAGEN)]
)


@pytest.mark.parametrize(
    ("les", "sleutel"), _ALLE, ids=[f"{m.__name__[-5:]}-{k}" for m, k in _ALLE]
)
def test_goed_antwoord_is_goed_en_elke_bekende_fout_geeft_zijn_hint(les, sleutel):
    vraag = les.toets.vragen[sleutel]
    assert les.toets.beoordeel(sleutel, None).goed is None
    if vraag.controle is not None:
        goed, fouten = LES02_CONTROLES[sleutel]
    else:
        goed, fouten = vraag.verwacht, vraag.fouten
    assert les.toets.beoordeel(sleutel, goed).tekst == "Goed!"
    for fout, hint in fouten.items():
        uitslag = les.toets.beoordeel(sleutel, fout)
        assert uitslag.goed is False and hint in uitslag.tekst, (sleutel, fout, uitslag)
        assert uitslag.tekst != f"Nog niet goed. {vraag.tip}"


def test_les02_antwoorden_uit_de_data_kloppen_met_de_tekst_van_het_notebook():
    vragen = les02.toets.vragen
    assert vragen["nps_met_lege"].verwacht == pytest.approx(4.59, abs=0.01)
    assert list(vragen["nps_met_lege"].fouten) == [pytest.approx(4.7, abs=0.05)]
    assert vragen["stijging_8_naar_9"].verwacht == 28.1
    assert list(vragen["stijging_8_naar_9"].fouten) == [28]
    assert vragen["significant"].verwacht == "nee"
    assert vragen["meting_webshop"].verwacht == "voorjaar 2026"


def test_les03_antwoorden_uit_de_data_kloppen_met_een_eigen_berekening():
    """Eigen rekenwerk met pandas op de CSV (zonder klanttools): profiel, drempel, voorsprong."""
    import pandas as pd

    df = pd.read_csv(Path(__file__).resolve().parent.parent / "data" / "waardestrategie.csv")
    df["d"] = df["stelling"].str[:2]
    p = df.groupby(["bedrijf", "d"])["antwoord"].mean().unstack()
    vragen = les03.toets.vragen
    assert vragen["hoogste_ci"].verwacht == p["CI"].idxmax() == "Meerhorst Accountants"
    assert vragen["oe_prijsmaat"].verwacht == pytest.approx(4.6)
    # Het bereik tussen de vier medewerkers op customer intimacy: Valkgaard het grootst.
    per_medewerker = df.groupby(["bedrijf", "respondent", "d"])["antwoord"].mean().unstack()
    ci = per_medewerker["CI"].groupby(level=0)
    bereik = (ci.max() - ci.min()).sort_values(ascending=False)
    assert vragen["oneens_ci"].verwacht == bereik.index[0] == "Valkgaard Installatiegroep"
    assert set(vragen["oneens_ci"].fouten) == {"Zilverdijk Logistiek", "Meerhorst Accountants"}
    fit = 0
    for _, rij in p.iterrows():
        scores = sorted(rij[["OE", "CI", "PL"]], reverse=True)
        ci_leidt = rij["CI"] == scores[0] and scores[0] - scores[1] >= 0.75 - 1e-9
        fit += bool(ci_leidt and scores[-1] >= 3.0 - 1e-9)
    assert vragen["aantal_crm_fit"].verwacht == fit == 2
    assert list(vragen["aantal_crm_fit"].fouten) == [3]


@pytest.mark.parametrize(
    ("les", "sleutel", "antwoord", "hint"),
    [
        (les01, "bedrijfskolom", "dgbfeac", "De groothandel koopt in het groot"),
        (les01, "bedrijfskolom", "ABCDEFG", "Begin bij wie de grondstof"),
        (les01, "situatie_4", "new business development", "Is dit bedrijf al klant"),
        (les01, "begrip_3", "Klantvriendelijkheid", "niet vriendelijk gedaan, maar ingericht"),
        (les01, "oordeel", "teleurgesteld", "omgekeerde volgorde"),
        (les01, "delight", "a", "plicht van de leverancier"),
        (les01, "plicht_melden", "leverancier", "rechten en plichten"),
        (les02, "nps_met_lege", 4.72, "Dat is de gewone NPS"),
        (les02, "nps_met_lege", -4.6, "Deel het verschil"),
        (les02, "stijging_8_naar_9", 28, "rond af op één decimaal"),
        (les02, "significant", "ja", "p-waarde"),
        (les02, "meting_webshop", "najaar 2026", "hoogste waarde in de kolom webshop"),
        (les03, "oe_betekenis", "a", "kwaliteit van de dienstverlening"),
        (les03, "casus_2", "Operational Excellence", "lage totale kosten"),
        (les03, "casus_1", "snel", "Waar kiest de klant"),
        (les03, "crm_strategie", "product leadership", "snel nieuwe producten"),
        (les03, "hoogste_ci", "Heidebeek Zorgtechniek", "nog hogere score"),
        (les03, "oe_prijsmaat", 23, "som van de vijf"),
        (les03, "aantal_crm_fit", 3, "drempel van 3,0"),
        (les03, "instrument", "b", "Dannhauser en Roodt"),
        (les04, "avg", "c", "persoonsgegevens"),
        (les04, "kwadrant_chat", "Gestructureerd-Dynamisch", "vrije tekst"),
        (les04, "bedrag_getal", 12.0, "duizendtalteken"),
        (les04, "rijen_over", 3, "onbekend"),
        (les04, "webshop_voor", 0.099, "fractie"),
        (les04, "schijnverband", "a", "veroorzaakt"),
    ],
)
def test_tips(les, sleutel, antwoord, hint):
    uitslag = les.toets.beoordeel(sleutel, antwoord)
    assert uitslag.goed is False and hint in uitslag.tekst


def test_les02_laadt_de_data_pas_bij_de_eerste_vraag_die_hem_nodig_heeft():
    code = (
        "import klanttools.zelftoetsen.les02 as les02\n"
        "assert les02._enquete.cache_info().currsize == 0, 'data geladen bij import'\n"
        "les02.toets.beoordeel('nps_met_de_hand', 30)\n"
        "assert les02._enquete.cache_info().currsize == 0, 'data geladen zonder reden'\n"
        "les02.toets.beoordeel('nps_met_lege', 4.6)\n"
        "assert les02._enquete.cache_info().currsize == 1\n"
        "import sys; assert 'IPython' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_les01_controleer_print_en_geeft_geen_fout(capsys):
    les01.controleer("situatie_1", "Suspect")
    les01.controleer("situatie_1", "lead")
    les01.controleer("situatie_1", None)
    assert capsys.readouterr().out.splitlines() == [
        "Goed!",
        "Nog niet goed. Is er al contact geweest? Kijk in de tabel.",
        NIET_INGEVULD,
    ]


def test_les04_antwoorden_uit_de_data_kloppen_met_een_eigen_berekening():
    """Eigen rekenwerk met pandas op de CSV's (zonder klanttools)."""
    import pandas as pd

    data = Path(__file__).resolve().parent.parent / "data"
    orders = pd.read_csv(data / "orders.csv", parse_dates=["datum"])
    accounts = pd.read_csv(data / "accounts.csv")
    voor = orders[orders["datum"] < pd.Timestamp(2026, 2, 1)]
    webshop = voor.loc[voor["kanaal"] == "webshop", "bedrag"].sum() / voor["bedrag"].sum() * 100
    vragen = les04.toets.vragen
    assert vragen["webshop_voor"].verwacht == pytest.approx(webshop)
    assert 8 < webshop < 12
    sector = orders.merge(accounts, on="account_id").groupby("sector")["bedrag"].sum()
    assert vragen["sector_meeste"].verwacht == sector.idxmax() == "Installatietechniek"
    assert sector.idxmin() in vragen["sector_meeste"].fouten


# --- les 5 (eenheid 4, Processen) ------------------------------------------------------------

LES05_VRAGEN = {
    "fase_situatie": 1,
    "pull": 1,
    "sql_beslist": 1,
    "groothandel_rol": 1,
    "instroom": 2,
    "leads_2025": 2,
    "beste_bron": 2,
    "regel_de_vries": 3,
    "cutoff_zin": 3,
    "klantgroep_casus": 4,
    "schijnloyaal": 4,
    "aantal_vrienden": 4,
    "aantal_a_orders": 5,
}
"""De vragen van les 5, met het leerdoel (1–5 van eenheid 4) dat ze oefenen."""


def test_les05_elk_leerdoel_heeft_een_zelftoets_met_een_hint_voor_een_denkfout():
    assert set(les05.toets.vragen) == set(LES05_VRAGEN)
    met_hint = {LES05_VRAGEN[k] for k, v in les05.toets.vragen.items() if v.fouten}
    assert met_hint == set(LES05_VRAGEN.values()) == {1, 2, 3, 4, 5}


@pytest.mark.parametrize("sleutel", sorted(LES05_VRAGEN))
def test_les05_goed_is_goed_en_elke_bekende_fout_geeft_zijn_hint(sleutel):
    vraag = les05.toets.vragen[sleutel]
    assert les05.toets.beoordeel(sleutel, None).goed is None
    assert les05.toets.beoordeel(sleutel, vraag.verwacht).tekst == "Goed!"
    for fout, hint in vraag.fouten.items():
        uitslag = les05.toets.beoordeel(sleutel, fout)
        assert uitslag.goed is False and hint in uitslag.tekst, (sleutel, fout, uitslag)


def test_les05_antwoorden_uit_de_data_kloppen_met_een_eigen_berekening():
    """Eigen rekenwerk met pandas op de CSV's (zonder klanttools)."""
    import pandas as pd

    data = Path(__file__).resolve().parent.parent / "data"
    leads = pd.read_csv(data / "leads.csv")
    l25 = leads[leads["datum_suspect"] < "2026-01-01"]
    vragen = les05.toets.vragen
    assert vragen["leads_2025"].verwacht == l25["datum_lead"].notna().sum() == 231
    assert list(vragen["leads_2025"].fouten) == [(l25["fase"] == "lead").sum()]
    per_bron = l25.groupby("bron")[["datum_suspect", "datum_klant"]].count()
    beste = (per_bron["datum_klant"] / per_bron["datum_suspect"]).idxmax()
    assert vragen["beste_bron"].verwacht == beste == "netwerk"
    acc = pd.read_csv(data / "accounts.csv")
    vriend = (acc["relatiegedrag"] >= 6) & (acc["koopgedrag"] < 6)
    assert vragen["aantal_vrienden"].verwacht == vriend.sum() == 47
    orders = sorted(acc["orders_per_jaar"], reverse=True)
    totaal, opgeteld, aantal_a = sum(orders), 0, 0
    for o in orders:
        if opgeteld / totaal < 0.8:
            aantal_a += 1
        opgeteld += o
    assert vragen["aantal_a_orders"].verwacht == aantal_a == 70
    assert list(vragen["aantal_a_orders"].fouten) == [aantal_a - 1]
    assert vragen["instroom"].verwacht == 600  # 15 / (0,2 × 0,5 × 0,25)


@pytest.mark.parametrize(
    ("sleutel", "antwoord", "hint"),
    [
        ("fase_situatie", "Prospect", "offerteaanvraag"),
        ("instroom", 0.375, "Je moet juist delen"),
        ("leads_2025", 148, "tel de ingevulde datums"),
        ("beste_bron", "koude acquisitie", "meeste suspects"),
        ("regel_de_vries", "door", "maakt een knock-out niet goed"),
        ("cutoff_zin", "a", "twee verschillende regels"),
        ("schijnloyaal", "Vriend", "latente loyaliteit"),
        ("aantal_vrienden", 58, "gebruik < 6"),
        ("aantal_a_orders", 69, "passeert, hoort nog bij A"),
        ("groothandel_rol", "coordinator", "Kruisveld geeft advies"),
    ],
)
def test_les05_tips(sleutel, antwoord, hint):
    uitslag = les05.toets.beoordeel(sleutel, antwoord)
    assert uitslag.goed is False and hint in uitslag.tekst


# --- les 6 (eenheid 5, Mensen) ----------------------------------------------------------

LES06_VRAGEN = {
    "kern_mensen": 1,
    "verkoper_wordt": 1,
    "voordeel_team": 2,
    "team_bepaalt": 2,
    "rol_peter": 3,
    "rol_johan": 3,
    "rol_lotte": 3,
    "geen_stap": 3,
    "gedekt_met_jansen": 4,
    "gedekt_campus": 4,
    "niet_in_beeld_okkerse": 4,
}
"""De vragen van les 6 (eenheid 5), met het leerdoel (1–4 van eenheid 5) dat ze oefenen."""


def test_les06_elk_leerdoel_heeft_een_zelftoets_met_een_hint_voor_een_denkfout():
    assert set(les06.toets.vragen) == set(LES06_VRAGEN)
    met_hint = {LES06_VRAGEN[k] for k, v in les06.toets.vragen.items() if v.fouten}
    assert met_hint == set(LES06_VRAGEN.values()) == {1, 2, 3, 4}


@pytest.mark.parametrize("sleutel", sorted(LES06_VRAGEN))
def test_les06_goed_is_goed_en_elke_bekende_fout_geeft_zijn_hint(sleutel):
    vraag = les06.toets.vragen[sleutel]
    assert les06.toets.beoordeel(sleutel, None).goed is None
    assert les06.toets.beoordeel(sleutel, vraag.verwacht).tekst == "Goed!"
    for fout, hint in vraag.fouten.items():
        uitslag = les06.toets.beoordeel(sleutel, fout)
        assert uitslag.goed is False and hint in uitslag.tekst, (sleutel, fout, uitslag)
        assert uitslag.tekst != f"Nog niet goed. {vraag.tip}"


def test_les06_antwoord_uit_de_data_klopt_met_een_eigen_berekening():
    """Eigen rekenwerk met pandas op de CSV (zonder klanttools): rollen, geen rijen of personen."""
    import pandas as pd

    df = pd.read_csv(Path(__file__).resolve().parent.parent / "data" / "dmu_leden.csv")
    campus = df[(df["casus"] == "Campus Noord") & df["contact"].notna()]
    vraag = les06.toets.vragen["gedekt_campus"]
    assert vraag.verwacht == len(set(campus["rol"])) == 4
    assert list(vraag.fouten) == [campus["persoon"].nunique()] == [2]


@pytest.mark.parametrize(
    ("sleutel", "antwoord", "hint"),
    [
        ("rol_johan", "Beslisser", "Een inkoper is niet vanzelf de beslisser"),
        ("rol_lotte", "beslisser", "Wie het product gebruikt of voorstelt, beslist niet vanzelf"),
        ("geen_stap", "a", "De rollen zijn geen fasen van een proces"),
        ("gedekt_met_jansen", 3, "Je telde personen"),
    ],
)
def test_les06_bekende_verwarringen(sleutel, antwoord, hint):
    assert hint in les06.toets.beoordeel(sleutel, antwoord).tekst


def test_een_woord_zonder_trema_of_accent_telt_als_goed():
    """Een student typt vaak "beinvloeder" of "cooperatie": de zelftoets rekent dat goed."""
    toets = Zelftoets("accenten")
    toets.vraag("rol", "beïnvloeder", tip="Wie praat mee zonder te beslissen?")
    for antwoord in ("beïnvloeder", "beinvloeder", "Beinvloeder ", "BEÏNVLOEDER"):
        assert toets.beoordeel("rol", antwoord).goed is True, antwoord
    assert toets.beoordeel("rol", "beslisser").goed is False
