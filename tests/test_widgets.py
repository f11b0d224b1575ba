"""Tests van klanttools.widgets zonder browser en zonder kernel.

Zoals een student: zet ``.value`` op een invoerwidget (of klik op een knop) en kijk of
de uitkomst en de getoonde tekst kloppen. De verwachte getallen komen uit de rekenkern
zelf of uit het boekvoorbeeld (90/60/50 → NPS 20,0 ± 11,3).
"""

from __future__ import annotations

import html

import pandas as pd
import pytest
from onafhankelijk import enquete as enquete_uit_csv
from onafhankelijk import nl, tel

from klanttools import nps
from klanttools._controle import getal_nl
from klanttools.datasets import laad
from klanttools.klantrating import klantrating
from klanttools.waardestrategie import VOORBEELDBEDRIJVEN, beoordeel, profiel
from klanttools.widgets import Klantrating, NPSCalculator, StrategieFit
from klanttools.widgets.strategie_fit import EIGEN

PNG = b"\x89PNG\r\n\x1a\n"


def is_png(data: bytes | memoryview) -> bool:
    """Image.value is in ipywidgets 8 een memoryview; de inhoud moet een PNG zijn."""
    return bytes(data).startswith(PNG)


def tekst(widget) -> str:
    """De zichtbare tekst van een HTML-widget, zonder tags en met gewone tekens."""
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", widget.value)).split())


# ---------------------------------------------------------------------------
# NPSCalculator: tabblad Aantallen
# ---------------------------------------------------------------------------


def test_nps_boekvoorbeeld_bij_start():
    calc = NPSCalculator()
    assert (calc.promotors.value, calc.passief.value, calc.criticasters.value) == (90, 60, 50)
    assert calc.resultaat.nps == 20.0
    t = tekst(calc.uitkomst)
    assert "NPS 20,0" in t
    assert "±11,3" in t
    assert "45,0%" in t and "30,0%" in t and "25,0%" in t
    assert "95%-interval 8,7 tot 31,3" in t
    assert calc.melding.value == ""
    # De staaf is HTML (direct, zonder matplotlib): kop en de drie delen op de juiste breedte.
    staaf = tekst(calc.staaf)
    assert "NPS 20,0 ± 11,3 punten (n = 200) 95%-interval: 8,7 tot 31,3" in staaf
    assert "Criticasters (0–6): 25,0% Passief (7–8): 30,0% Promotors (9–10): 45,0%" in staaf
    for categorie, breedte in (("criticaster", 25), ("passief", 30), ("promotor", 45)):
        assert f'kt-staaf-{categorie}" title' in calc.staaf.value
        assert f"width:{breedte:.4f}%" in calc.staaf.value


def test_nps_student_verandert_aantallen():
    calc = NPSCalculator()
    oud = calc.staaf.value
    calc.promotors.value = 75
    calc.passief.value = 40
    calc.criticasters.value = 35
    assert calc.resultaat == nps.analyse(aantallen=(75, 40, 35))
    t = tekst(calc.uitkomst)
    assert "NPS 26,7" in t and "±13,0" in t
    assert "Bron: eigen aantallen" in tekst(calc.bron)
    assert calc.staaf.value != oud
    assert "NPS 26,7 ± 13,0 punten (n = 150)" in tekst(calc.staaf)


@pytest.mark.parametrize(
    ("betrouwbaarheid", "methode"),
    [(0.90, "wald"), (0.99, "wald"), (0.95, "aangepaste_wald"), (0.99, "aangepaste_wald")],
)
def test_nps_betrouwbaarheid_en_methode(betrouwbaarheid, methode):
    calc = NPSCalculator()
    calc.betrouwbaarheid.value = betrouwbaarheid
    calc.methode.value = methode
    verwacht = nps.analyse(aantallen=(90, 60, 50), betrouwbaarheid=betrouwbaarheid, methode=methode)
    assert calc.resultaat == verwacht
    pct = f"{round(betrouwbaarheid * 100)}%-interval"
    assert pct in tekst(calc.uitkomst)
    assert getal_nl(verwacht.foutmarge) in tekst(calc.uitkomst)


@pytest.mark.parametrize(
    ("stappen", "woorden"),
    [
        ([("promotors", 0), ("passief", 0), ("criticasters", 0)], "samen 0"),
        ([("promotors", -1)], "promotors: -1 is te klein"),
        ([("passief", -3)], "passief: -3 is te klein"),
    ],
)
def test_nps_foute_aantallen_geven_melding_en_houden_uitkomst(stappen, woorden):
    calc = NPSCalculator()
    *geldig, (naam, fout) = stappen
    for veld, waarde in geldig:
        getattr(calc, veld).value = waarde
    assert calc.melding.value == ""
    vorige, vorige_tekst, vorige_png = calc.resultaat, calc.uitkomst.value, calc.staaf.value
    getattr(calc, naam).value = fout  # pas deze stap maakt de invoer ongeldig
    assert woorden in tekst(calc.melding)
    assert "De vorige geldige uitkomst blijft staan" in tekst(calc.melding)
    assert "kt-melding-actief" in calc.melding._dom_classes
    assert calc.resultaat is vorige
    assert calc.uitkomst.value == vorige_tekst
    assert calc.staaf.value == vorige_png
    # Weer geldige invoer: de melding verdwijnt.
    calc.promotors.value, calc.passief.value, calc.criticasters.value = (10, 10, 10)
    assert calc.melding.value == ""
    assert "kt-melding-actief" not in calc.melding._dom_classes
    assert calc.resultaat.nps == 0.0


def test_nps_waarschuwing_bij_weinig_antwoorden():
    calc = NPSCalculator()
    assert calc.waarschuwing.value == ""
    calc.promotors.value, calc.passief.value, calc.criticasters.value = (5, 3, 2)
    assert "Met zo weinig antwoorden zegt de NPS nog weinig" in tekst(calc.waarschuwing)
    assert "n = 10" in tekst(calc.waarschuwing)
    calc.promotors.value, calc.passief.value, calc.criticasters.value = (500, 300, 200)
    assert calc.waarschuwing.value == ""


def test_nps_waarschuwing_bij_grote_foutmarge_ook_boven_30():
    calc = NPSCalculator()
    calc.promotors.value, calc.passief.value, calc.criticasters.value = (16, 0, 16)
    assert calc.resultaat.n == 32 and calc.resultaat.foutmarge > 20
    assert "zegt de NPS nog weinig" in tekst(calc.waarschuwing)


def test_nps_losse_antwoorden_en_met_de_hand_aanpassen():
    calc = NPSCalculator()
    assert calc.laad_antwoorden([10, 9, 8, 8, 8, 6, None], bron="testantwoorden")
    assert (calc.promotors.value, calc.passief.value, calc.criticasters.value) == (2, 3, 1)
    assert calc.resultaat.leeg == 1
    assert "testantwoorden" in tekst(calc.bron) and "1 lege antwoorden" in tekst(calc.bron)
    assert is_png(calc.verdeling.value)
    assert calc.verdeling.layout.display != "none"
    # De student past een aantal aan: de losse antwoorden gelden niet meer.
    calc.passief.value = 10
    assert calc.scores is None
    assert calc.verdeling.value == b"" and calc.verdeling.layout.display == "none"
    assert "eigen aantallen" in tekst(calc.bron)
    assert calc.resultaat == nps.analyse(aantallen=(2, 10, 1))
    assert calc.wat_als_resultaat is None
    assert "losse antwoorden" in tekst(calc.wat_als_uitkomst)


def test_nps_dataset_laden_met_knop():
    calc = NPSCalculator()
    calc.dataset.value = "nps_enquete"
    calc.laad_knop.click()
    enquete = laad("nps_enquete")
    assert calc.resultaat == nps.analyse(enquete["score"])
    assert calc.promotors.value == nps.tel(enquete["score"]).promotors
    # En onafhankelijk van de rekenkern, uit de CSV zelf (NPS 4,7 ± 4,4; 299 promotors).
    eigen = tel(enquete_uit_csv()["score"])
    assert (calc.promotors.value, calc.passief.value, calc.criticasters.value) == (
        eigen.promotors,
        eigen.passief,
        eigen.criticasters,
    )
    assert f"NPS {nl(eigen.nps)}" in tekst(calc.uitkomst)
    assert f"±{nl(eigen.marge())}" in tekst(calc.uitkomst)
    assert "1.039 geldige antwoorden" in tekst(calc.bron)
    assert "28 lege antwoorden tellen niet mee" in tekst(calc.bron)
    assert is_png(calc.verdeling.value)
    # Tabblad Vergelijken schakelt naar de groepen uit de data.
    assert calc.vergelijk_bron.value == "groepen"
    assert calc.groep_kolom.value == "meting"


def test_nps_lege_dataset_geeft_melding_geen_fout():
    leeg = pd.DataFrame({"score": pd.Series([], dtype="Int64"), "meting": []})
    calc = NPSCalculator(data=leeg)
    assert calc.resultaat is None
    assert "geen geldige antwoorden" in tekst(calc.melding)


def test_nps_data_zonder_scorekolom_geeft_melding():
    calc = NPSCalculator(data=pd.DataFrame({"cijfer": [9, 10]}))
    assert calc.resultaat is None
    assert "geen kolom 'score'" in tekst(calc.melding)


def test_nps_scores_en_data_samen_is_programmeerfout():
    with pytest.raises(TypeError, match="niet allebei"):
        NPSCalculator([9], data=pd.DataFrame({"score": [9]}))


def test_nps_enquetebestand_inlezen(tmp_path):
    pad = tmp_path / "antwoorden.csv"
    regels = ["Klant;Hoe waarschijnlijk is het dat u ons zou aanbevelen?"]
    regels += [f"K{i};{s}" for i, s in enumerate([10, 9, 9, 8, 7, 6, 3, 10, 9, 2])]
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8-sig")
    calc = NPSCalculator()
    calc.bestand.value = str(pad)
    calc.lees_knop.click()
    assert calc.melding.value == ""
    assert calc.resultaat == nps.analyse([10, 9, 9, 8, 7, 6, 3, 10, 9, 2])
    assert "Importverslag" in calc.bron.value


@pytest.mark.parametrize(
    ("inhoud", "naam"),
    [(None, "bestaat_niet.csv"), (b"%PDF-1.4 onzin", "rapport.pdf"), (b"", "leeg.csv")],
)
def test_nps_onleesbaar_bestand_geeft_melding(tmp_path, inhoud, naam):
    pad = tmp_path / naam
    if inhoud is not None:
        pad.write_bytes(inhoud)
    calc = NPSCalculator()
    vorige = calc.resultaat
    calc.bestand.value = str(pad)
    calc.lees_knop.click()
    assert "Enquêtebestand" in tekst(calc.melding)
    assert calc.resultaat is vorige


def test_nps_leeg_bestandspad():
    calc = NPSCalculator()
    calc.lees_knop.click()
    assert "vul eerst het pad" in tekst(calc.melding)


# ---------------------------------------------------------------------------
# NPSCalculator: tabblad Vergelijken
# ---------------------------------------------------------------------------


def test_nps_vergelijken_twee_sets_aantallen():
    calc = NPSCalculator()
    assert calc.vergelijk_bron.value == "aantallen"
    v = calc.vergelijking
    assert round(v.verschil, 1) == 6.7 and round(v.p_waarde, 2) == 0.45 and not v.significant
    t = tekst(calc.vergelijking_uitkomst)
    assert "6,7" in t and "niet significant" in t
    assert v.samenvatting() in t
    # Het tabblad wordt pas getekend als het open is.
    assert calc.intervallen.value == b""
    calc.tabs.selected_index = 1
    assert is_png(calc.intervallen.value)
    oud = calc.intervallen.value
    calc.promotors_b.value = 150
    assert calc.vergelijking.significant
    assert "significant bij 95% betrouwbaarheid; waarschijnlijk een echt verschil" in tekst(
        calc.vergelijking_uitkomst
    )
    assert calc.intervallen.value != oud


def test_nps_vergelijken_foute_invoer_houdt_vergelijking():
    calc = NPSCalculator()
    calc.promotors_a.value = calc.passief_a.value = 0
    vorige = calc.vergelijking
    calc.criticasters_a.value = 0
    assert "Vergelijken:" in tekst(calc.melding)
    assert calc.vergelijking is vorige
    # Tabblad 1 is nog steeds geldig en wist de melding van tabblad 2 niet.
    calc.promotors.value = 91
    assert "Vergelijken:" in tekst(calc.melding)


def test_nps_vergelijken_groepen_uit_de_data():
    enquete = laad("nps_enquete")
    calc = NPSCalculator(data=enquete)
    assert calc.groep_kolom.value == "meting"
    assert list(calc.groep_a.options) == [(m, m) for m in enquete["meting"].cat.categories]
    calc.groep_a.value = "voorjaar 2025"
    calc.groep_b.value = "najaar 2025"
    deel = enquete.set_index("meting")["score"]
    verwacht = nps.vergelijk(
        nps.analyse(deel.loc["voorjaar 2025"]), nps.analyse(deel.loc["najaar 2025"])
    )
    assert calc.vergelijking.verschil == pytest.approx(verwacht.verschil)
    assert calc.vergelijking.p_waarde == pytest.approx(verwacht.p_waarde)
    assert verwacht.samenvatting() in tekst(calc.vergelijking_uitkomst)
    # Een andere groepkolom kiezen vult de groepen opnieuw.
    calc.groep_kolom.value = "segment"
    assert calc.groep_a.value == "Key account"
    assert (
        calc.vergelijking.a.n == enquete.loc[enquete["segment"] == "Key account", "score"].count()
    )
    calc.tabs.selected_index = 1
    assert is_png(calc.intervallen.value)


def test_nps_vergelijken_terug_naar_aantallen():
    calc = NPSCalculator(data=laad("nps_enquete"))
    assert calc._aantallen_box.layout.display == "none"
    calc.vergelijk_bron.value = "aantallen"
    assert calc._aantallen_box.layout.display != "none"
    assert calc._groepen_box.layout.display == "none"
    verwacht = nps.vergelijk(
        nps.analyse(aantallen=(90, 60, 50)), nps.analyse(aantallen=(75, 40, 35))
    )
    assert calc.vergelijking == verwacht


def test_nps_betrouwbaarheid_geldt_voor_alle_tabbladen():
    calc = NPSCalculator(data=laad("nps_enquete"))
    calc.betrouwbaarheid.value = 0.99
    assert calc.resultaat.betrouwbaarheid == 0.99
    assert calc.vergelijking.betrouwbaarheid == 0.99
    assert calc.wat_als_resultaat[1].betrouwbaarheid == 0.99
    assert "99%-interval" in tekst(calc.vergelijking_uitkomst)


def test_nps_groep_zonder_antwoorden_geeft_melding():
    data = pd.DataFrame({"score": [9, 10, 3, None], "meting": ["voor", "voor", "voor", "na"]})
    calc = NPSCalculator(data=data, groep="meting")
    calc.groep_a.value = "voor"
    calc.groep_b.value = "na"
    assert "groep 'na'" in tekst(calc.melding)
    assert "geen geldige antwoorden" in tekst(calc.melding)


# ---------------------------------------------------------------------------
# NPSCalculator: tabblad Een 8 is passief
# ---------------------------------------------------------------------------


def test_nps_acht_is_passief():
    calc = NPSCalculator([10, 9, 8, 8, 8, 6])
    voor, na = calc.wat_als_resultaat
    assert round(voor.nps, 1) == 16.7 and round(na.nps, 1) == 66.7
    t = tekst(calc.wat_als_uitkomst)
    assert "Zoals gemeten NPS 16,7" in t
    assert "66,7" in t and "Dat scheelt 50,0 punten" in t
    assert "Als elke 8 een 9 was geweest" in t
    assert calc.wat_als_grafiek.value == b""  # tabblad nog dicht
    calc.tabs.selected_index = 2
    assert is_png(calc.wat_als_grafiek.value)
    oud = calc.wat_als_grafiek.value
    calc.omzetting.value = {6: 7}
    voor, na = calc.wat_als_resultaat
    assert (round(voor.nps, 1), round(na.nps, 1)) == (16.7, 33.3)
    assert calc.wat_als_grafiek.value != oud


def test_nps_acht_is_passief_met_dataset():
    enquete = laad("nps_enquete")
    calc = NPSCalculator(data=enquete)
    voor, na = nps.wat_als(enquete["score"], {8: 9})
    assert calc.wat_als_resultaat == (voor, na)
    assert getal_nl(na.nps) in tekst(calc.wat_als_uitkomst)


def test_nps_acht_is_passief_zonder_losse_antwoorden():
    calc = NPSCalculator()
    assert calc.wat_als_resultaat is None
    assert "losse antwoorden" in tekst(calc.wat_als_uitkomst)
    assert calc.wat_als_grafiek.layout.display == "none"


def test_nps_css_klassen_voor_browsertests():
    calc = NPSCalculator()
    for widget, klasse in [
        (calc, "kt-nps-calculator"),
        (calc.promotors, "kt-nps-promotors"),
        (calc.passief, "kt-nps-passief"),
        (calc.criticasters, "kt-nps-criticasters"),
        (calc.uitkomst, "kt-nps-uitkomst"),
        (calc.melding, "kt-melding"),
        (calc.betrouwbaarheid, "kt-nps-betrouwbaarheid"),
        (calc.vergelijking_uitkomst, "kt-nps-vergelijk-uitkomst"),
        (calc.wat_als_uitkomst, "kt-nps-watals-uitkomst"),
    ]:
        assert klasse in widget._dom_classes
    assert all(w.description for w in (calc.promotors, calc.passief, calc.criticasters))


# ---------------------------------------------------------------------------
# Klantrating
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def accounts() -> pd.DataFrame:
    return laad("accounts")


def test_klantrating_start(accounts):
    rating = Klantrating()
    assert list(rating.gewichten) == ["koopgedrag", "relatiegedrag", "betalingsgedrag"]
    assert {c: s.value for c, s in rating.gewichten.items()} == {
        "koopgedrag": 5,
        "relatiegedrag": 3,
        "betalingsgedrag": 2,
    }
    assert len(rating.resultaat) == 300 and rating.resultaat["geselecteerd"].all()
    assert "300 van de 300 accounts geselecteerd" in tekst(rating.uitkomst)
    assert "Er valt geen enkel account af" in tekst(rating.afvallers)
    assert rating.rangorde.value.count("<tr") == 1 + rating.top.value
    # De ranglijst als HTML-staven: de top-N in volgorde van rang, allemaal geselecteerd.
    assert rating.ranking.value.count("kt-ranking-rij") == rating.top.value
    assert rating.ranking.value.count("kt-ranking-geselecteerd") == rating.top.value
    assert f"(de hoogste {rating.top.value} van 300 accounts)" in tekst(rating.ranking)


def test_klantrating_gewicht_verschuiven(accounts):
    rating = Klantrating()
    oud = rating.ranking.value
    rating.gewichten["betalingsgedrag"].value = 10
    scores = accounts.set_index("bedrijfsnaam")[["koopgedrag", "relatiegedrag", "betalingsgedrag"]]
    verwacht = klantrating(scores, {"koopgedrag": 5, "relatiegedrag": 3, "betalingsgedrag": 10})
    pd.testing.assert_frame_equal(rating.resultaat, verwacht)
    beste = verwacht.index[0]
    assert html.escape(beste) in rating.rangorde.value
    assert rating.ranking.value != oud
    # De eerste staaf is het account met het hoogste totaal, en die staaf is de volle breedte.
    eerste = tekst(rating.ranking).split("accounts)", 1)[1]
    assert eerste.lstrip().startswith(f"1. {beste}")
    assert "width:100.0000%" in rating.ranking.value.split("kt-ranking-rij", 2)[1]


def test_klantrating_knock_out_wie_valt_af_en_waarom(accounts):
    rating = Klantrating()
    rating.knock_out_criterium.value = "betalingsgedrag"
    rating.knock_out_minimum.value = 5
    assert rating.resultaat["geselecteerd"].all()  # regel staat nog uit
    rating.knock_out_aan.value = True
    te_laag = accounts.loc[accounts["betalingsgedrag"] < 5, "bedrijfsnaam"]
    af = rating.resultaat[~rating.resultaat["geselecteerd"]]
    assert set(af.index) == set(te_laag)
    t = tekst(rating.afvallers)
    assert f"{len(te_laag)} accounts vallen af" in t
    for naam in te_laag:
        assert naam in t
    assert "knock-out: betalingsgedrag 4 < 5" in t or "knock-out: betalingsgedrag 3 < 5" in t
    # De ABC-klasse staat erbij: een knock-out raakt ook een A-klant.
    a_klanten = set(rating.abc.index[rating.abc["klasse"] == "A"])
    assert a_klanten & set(te_laag)
    rating.top.value = 100
    assert rating.rangorde.value.count('class="kt-rating-afgevallen"') == len(af[af["rang"] <= 100])
    # Uitzetten: niemand valt meer af.
    rating.knock_out_aan.value = False
    assert rating.resultaat["geselecteerd"].all()
    assert rating.knock_out_minimum.disabled


def test_klantrating_minimumtotaal():
    rating = Klantrating()
    rating.minimum_totaal.value = 60
    rating.minimum_totaal_aan.value = True
    tabel = rating.resultaat
    assert (~tabel["geselecteerd"] == (tabel["totaal"] < 60)).all()
    assert "minimumtotaal:" in tekst(rating.afvallers)
    assert "minimumtotaal: minstens 60" in tekst(rating.uitkomst)


def test_klantrating_alle_gewichten_nul_geeft_melding():
    rating = Klantrating()
    rating.gewichten["koopgedrag"].value = 0
    rating.gewichten["relatiegedrag"].value = 0
    vorige, vorige_html = rating.resultaat, rating.rangorde.value
    rating.gewichten["betalingsgedrag"].value = 0
    assert "alle gewichten zijn 0" in tekst(rating.melding)
    assert rating.resultaat is vorige
    assert rating.rangorde.value == vorige_html
    rating.gewichten["koopgedrag"].value = 1
    assert rating.melding.value == ""
    assert rating.resultaat["totaal"].max() == 10


def test_klantrating_lege_tabel_geeft_melding(accounts):
    rating = Klantrating(accounts.iloc[0:0])
    assert rating.resultaat is None
    assert "leeg" in tekst(rating.melding)


def test_klantrating_onbekend_criterium_is_programmeerfout(accounts):
    with pytest.raises(ValueError, match="staat niet in de tabel"):
        Klantrating(accounts, criteria=["klantwaarde"])


def test_klantrating_klantgroepen_en_grens():
    rating = Klantrating()
    assert rating.grens.value == "mediaan"
    assert "(de mediaan)" in tekst(rating.klantgroepen_uitkomst)
    assert rating.matrix.value == b""  # tabblad nog dicht
    rating.tabs.selected_index = 1
    assert is_png(rating.matrix.value)
    oud_png, oud = rating.matrix.value, rating.groepen.value_counts(sort=False).to_dict()
    rating.grens.value = 8
    nieuw = rating.groepen.value_counts(sort=False).to_dict()
    assert nieuw != oud
    assert "Hoog vanaf: relatiegedrag 8, koopgedrag 8" in tekst(rating.klantgroepen_uitkomst)
    assert f"Partner {nieuw['Partner']}" in tekst(rating.klantgroepen_uitkomst)
    assert rating.matrix.value != oud_png


def test_klantrating_abc():
    rating = Klantrating()
    overzicht = rating.abc_overzicht
    assert list(overzicht.index) == ["A", "B", "C"]
    assert "ABC-analyse op omzet" in tekst(rating.abc_uitkomst)
    rating.tabs.selected_index = 2
    assert is_png(rating.abc_grafiek.value)
    oud = rating.abc_grafiek.value
    rating.abc_kolom.value = "orders_per_jaar"
    assert "ABC-analyse op orders_per_jaar" in tekst(rating.abc_uitkomst)
    assert rating.abc_grafiek.value != oud


def test_klantrating_top_n():
    rating = Klantrating()
    rating.top.value = 5
    assert rating.rangorde.value.count("<tr") == 1 + 5
    assert "Top 5" in tekst(rating.rangorde)


def test_klantrating_eigen_tabel():
    scores = pd.DataFrame(
        {"omzetpotentie": [8, 9, 5, 6], "relatie": [6, 8, 5, 3], "betrouwbaarheid": [7, 3, 4, 4]},
        index=["Bakker BV", "De Vries", "Jansen", "Smit"],
    )
    rating = Klantrating(scores, gewichten={"omzetpotentie": 5, "relatie": 3, "betrouwbaarheid": 2})
    assert (rating.knock_out_minimum.min, rating.knock_out_minimum.max) == (3, 9)
    rating.knock_out_criterium.value = "relatie"
    rating.knock_out_minimum.value = 4
    rating.knock_out_aan.value = True
    rating.minimum_totaal.value = 50
    rating.minimum_totaal_aan.value = True
    assert (
        rating.resultaat.loc["Smit", "reden"]
        == "knock-out: relatie 3 < 4; minimumtotaal: 47,0 < 50"
    )
    assert "knock-out: relatie 3 < 4; minimumtotaal: 47,0 < 50" in tekst(rating.afvallers)
    assert "Klantgroepen" in rating.tabs.titles
    assert rating.groepen is None  # geen relatiegedrag/koopgedrag in deze tabel


# ---------------------------------------------------------------------------
# StrategieFit
# ---------------------------------------------------------------------------


def test_strategiefit_start_neutraal():
    fit = StrategieFit()
    assert len(fit.antwoorden) == 15
    assert all(k.value == 3 for k in fit.antwoorden.values())
    assert fit.bedrijf.value == EIGEN
    assert fit.resultaat.dominant is None and not fit.resultaat.crm_fit
    # Het profiel als HTML: drie staven op 3,0 (de helft van 1–5) en de drempel op 3.
    assert fit.grafiek.value.count("kt-profiel-staaf") == 3
    assert fit.grafiek.value.count("height:50.0000%") == 3
    assert "bottom:50.0000%" in fit.grafiek.value  # drempel 3,0
    assert "Strategieprofiel: geen strategie leidt duidelijk" in tekst(fit.grafiek)


@pytest.mark.parametrize("naam", list(VOORBEELDBEDRIJVEN))
def test_strategiefit_voorbeeldbedrijf(naam):
    fit = StrategieFit()
    fit.bedrijf.value = naam
    verwacht = beoordeel(profiel(VOORBEELDBEDRIJVEN[naam].antwoorden))
    assert fit.resultaat == verwacht
    assert {c: k.value for c, k in fit.antwoorden.items()} == VOORBEELDBEDRIJVEN[naam].antwoorden
    t = tekst(fit.oordeel)
    assert verwacht.uitleg in t
    assert f"CRM past: {'ja' if verwacht.crm_fit else 'nee'}" in t
    assert naam in tekst(fit.omschrijving)


def test_strategiefit_verwachte_oordelen():
    fit = StrategieFit()
    uitkomsten = {}
    for naam in VOORBEELDBEDRIJVEN:
        fit.bedrijf.value = naam
        r = fit.resultaat
        uitkomsten[naam] = (r.dominant, r.strategie_fit, r.crm_fit)
    assert uitkomsten == {
        "Bouwgroothandel Laagland": ("operational_excellence", True, False),
        "Brinkman ICT-partners": ("customer_intimacy", True, True),
        "Vormkracht Labs": ("product_leadership", False, False),
        "Kantoorhuis Van Dijk": (None, False, False),
        "Hoveniers Groenrijk": ("customer_intimacy", False, False),
    }


def test_strategiefit_bedrijf_uit_dataset():
    fit = StrategieFit("Kruisveld Techniek B.V.")
    assert fit.resultaat.dominant == "customer_intimacy" and fit.resultaat.crm_fit
    assert "dataset" in tekst(fit.omschrijving) and "directie" in tekst(fit.omschrijving)
    # De knoppen tonen de antwoorden van de directie (één van de vier medewerkers).
    df = laad("waardestrategie")
    directie = df[(df["bedrijf"] == "Kruisveld Techniek B.V.") & (df["respondent"] == "directie")]
    assert len(directie) == 15
    for code, antwoord in zip(directie["stelling"], directie["antwoord"], strict=True):
        assert fit.antwoorden[code].value == antwoord


def test_strategiefit_eigen_antwoord_na_bedrijf():
    fit = StrategieFit("Brinkman ICT-partners")
    oud = fit.grafiek.value
    for code in ("CI1", "CI2", "CI3", "CI4", "CI5"):
        fit.antwoorden[code].value = 2
    assert fit.bedrijf.value == EIGEN
    assert "Eigen antwoorden" in tekst(fit.omschrijving)
    assert not fit.resultaat.crm_fit
    assert fit.resultaat.profiel["customer_intimacy"] == 2.0
    assert fit.grafiek.value != oud
    # customer intimacy 2,0 ligt onder de drempel en staat op een kwart van de schaal.
    kolom = fit.grafiek.value.split("kt-profiel-customer_intimacy", 1)[1].split("kt-profiel-kolom")[
        0
    ]
    assert "2,0 onder drempel" in kolom and "height:25.0000%" in kolom


def test_strategiefit_drempel_en_voorsprong():
    fit = StrategieFit("Kruisveld Techniek B.V.")
    assert fit.resultaat.crm_fit
    fit.drempel.value = 3.5
    assert fit.resultaat.drempel == 3.5 and not fit.resultaat.crm_fit
    assert "drempel 3,5 gehaald" in tekst(fit.oordeel)
    fit.drempel.value = 3.0
    fit.voorsprong.value = 2.0
    assert fit.resultaat.dominant is None and fit.resultaat.voorsprong == 2.0
    assert fit.drempel.label == "3,0" and fit.voorsprong.label == "2,0"


def test_strategiefit_leeg_antwoord_geeft_melding():
    fit = StrategieFit("Vormkracht Labs")
    vorige, vorig_oordeel = fit.resultaat, fit.oordeel.value
    fit.antwoorden["OE1"].value = None
    assert "Strategie-fit:" in tekst(fit.melding) and "OE1" in tekst(fit.melding)
    assert fit.resultaat is vorige and fit.oordeel.value == vorig_oordeel
    fit.antwoorden["OE1"].value = 2
    assert fit.melding.value == ""


def test_strategiefit_onbekend_bedrijf():
    with pytest.raises(ValueError, match="onbekend"):
        StrategieFit("Bestaat Niet BV")


def test_strategiefit_css_klassen():
    fit = StrategieFit()
    assert "kt-strategie-fit" in fit._dom_classes
    assert "kt-fit-stelling-CI3" in fit.antwoorden["CI3"]._dom_classes
    assert "kt-fit-oordeel" in fit.oordeel._dom_classes
    # De code staat vóór de stelling op dezelfde regel als de knoppen (geen omschrijving
    # boven de knoppen meer: die maakte de widget 2.500 px hoog).
    rij = next(
        w
        for w in fit.children[-1].children[0].children[1].children[1:]
        if fit.antwoorden["OE1"] in w.children
    )
    assert "<b>OE1</b>" in rij.children[0].value


# ---------------------------------------------------------------------------
# Algemeen
# ---------------------------------------------------------------------------


def test_widgets_publieke_namen():
    import klanttools.widgets as w

    assert sorted(w.__all__) == ["DmuKaart", "Klantrating", "NPSCalculator", "StrategieFit"]


def test_ranking_html_minimumlijn_en_kleuren():
    """De HTML-ranglijst: staven naar verhouding, minimumlijn op de juiste plek, kleur per selectie."""
    from klanttools.widgets._html_staven import ranking_html

    t = pd.DataFrame(
        {"totaal": [80.0, 40.0, 60.0], "rang": [1, 3, 2], "geselecteerd": [True, False, True]},
        index=["Bakker", "Smit", "Jansen"],
    )
    uit = ranking_html(t, minimum_totaal=50)
    rijen = uit.split('class="kt-ranking-rij')[1:]
    assert [r.split(">", 1)[0].split()[0].strip('"') for r in rijen] == [
        "kt-ranking-geselecteerd",
        "kt-ranking-geselecteerd",
        "kt-ranking-afgevallen",
    ]
    assert ["1. Bakker" in rijen[0], "2. Jansen" in rijen[1], "3. Smit" in rijen[2]] == [True] * 3
    assert "width:100.0000%" in rijen[0] and "width:75.0000%" in rijen[1]
    assert "width:50.0000%" in rijen[2]
    assert "* 0.625000)" in uit  # minimum 50 van het hoogste totaal 80
    assert "minimumtotaal 50" in tekst(type("W", (), {"value": uit})())
    assert "kt-ranking-minimum" not in ranking_html(t)


def test_nps_bron_en_uitkomst_zeggen_hetzelfde_na_foute_invoer():
    """Na een foute invoer zegt de bron niet 'eigen aantallen' bij de uitkomst van de dataset."""
    calc = NPSCalculator()
    calc.dataset.value = "nps_enquete"
    calc.laad_knop.click()
    assert calc.resultaat.n == 1039
    calc.promotors.value = -5
    assert calc.resultaat.n == 1039  # de vorige geldige uitkomst blijft staan ...
    bron = tekst(calc.bron)
    assert "kloppen nog niet" in bron and "vorige geldige uitkomst (n = 1.039)" in bron
    calc.promotors.value = 90  # ... tot de aantallen weer geldig zijn
    assert tekst(calc.bron) == "Bron: eigen aantallen."
    assert calc.resultaat.n == 90 + calc.passief.value + calc.criticasters.value
