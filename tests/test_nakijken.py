"""klanttools.nakijken: de controles, hun hints, en de docenthulp — zonder nbgrader-run."""

from __future__ import annotations

import copy
import re

import numpy as np
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from klanttools.datasets import laad
from klanttools.nakijken import (
    HINTS,
    AntwoordKloptNiet,
    controleer_aantallen,
    controleer_categorie_functie,
    controleer_gelijk,
    controleer_is_getal,
    controleer_keuze_letter,
    controleer_nps,
    controleer_nps_uit_aantallen,
    controleer_verschil,
    nederlandse_foutmeldingen,
    uitleg_naamfout,
)
from klanttools.nps import nps, tel

# 4 promotors (9, 9, 10, 10), 3 passief (7, 8, 8), 3 criticasters (6, 5, 0), 2 leeg.
SCORES = [10, 10, 9, 9, 8, 8, 7, 6, 5, 0, None, None]
JUIST = 10.0  # 100 × (4 − 3) / 10


def _melding(functie, *args, **kwargs) -> str:
    with pytest.raises(AntwoordKloptNiet) as info:
        functie(*args, **kwargs)
    return str(info.value)


def _fout_nps(scores, *, pmin=9, cmax=6, leeg="weg", teken=1, schaal=100.0) -> float:
    """Reken een NPS uit zoals een student met een bepaalde denkfout dat doet."""
    s = pd.Series(scores, dtype="Int64")
    geldig = s.dropna()
    n_leeg = int(s.isna().sum())
    p = int((geldig >= pmin).sum())
    c = int((geldig <= cmax).sum()) + (n_leeg if leeg == "als_nul" else 0)
    n = len(geldig) + (n_leeg if leeg != "weg" else 0)
    return teken * schaal * (p - c) / n


FOUTEN = {
    "passief_als_promotor": {"pmin": 7},
    "acht_als_promotor": {"pmin": 8},
    "zes_niet_criticaster": {"cmax": 5},
    "omgedraaid": {"teken": -1},
    "aandeel": {"schaal": 1.0},
    "leeg_in_n": {"leeg": "in_n"},
    "leeg_als_nul": {"leeg": "als_nul"},
}


def _nps_metingen() -> dict[str, pd.Series]:
    df = laad("nps_enquete")
    return {str(m): df.loc[df["meting"] == m, "score"] for m in df["meting"].cat.categories}


# --------------------------------------------------------------------------
# algemeen
# --------------------------------------------------------------------------


def test_antwoordkloptniet_is_een_assertionerror_met_korte_naam():
    assert issubclass(AntwoordKloptNiet, AssertionError)
    assert AntwoordKloptNiet.__module__ == "klanttools.nakijken"


def test_elke_hint_is_nederlands_en_eindigt_met_een_punt():
    for sleutel, tekst in HINTS.items():
        assert tekst.endswith((".", ")")), sleutel
        assert not re.search(r"\b(the|you|your|answer)\b", tekst, re.I), sleutel


# --------------------------------------------------------------------------
# controleer_nps
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "antwoord",
    [JUIST, 10, np.float64(10.0), np.int64(10), 10.04, 9.96, pd.Series([10.0]), np.array([10])],
)
def test_controleer_nps_accepteert_het_goede_antwoord_in_elke_vorm(antwoord):
    controleer_nps(antwoord, SCORES)


@pytest.mark.parametrize(
    "antwoord", [12.0, -10, 10.5, 9.4, np.float64(0.0), pd.Series([11.0]), np.array([100])]
)
def test_controleer_nps_weigert_een_fout_antwoord_in_elke_vorm(antwoord):
    """Het tegenstuk: een controle die alles goedkeurt, faalt hier."""
    assert "klopt nog niet" in _melding(controleer_nps, antwoord, SCORES, naam="nps_najaar")


@pytest.mark.parametrize("fout", sorted(FOUTEN))
def test_controleer_nps_herkent_elke_denkfout(fout):
    waarde = _fout_nps(SCORES, **FOUTEN[fout])
    assert waarde != pytest.approx(JUIST)
    melding = _melding(controleer_nps, waarde, SCORES, naam="nps_najaar")
    assert melding.startswith(f"nps_najaar = {waarde!r}"[:20])
    assert HINTS[fout] in melding


@pytest.mark.parametrize("meting", ["voorjaar 2025", "najaar 2025", "voorjaar 2026", "najaar 2026"])
@pytest.mark.parametrize("fout", sorted(FOUTEN))
def test_controleer_nps_herkent_denkfouten_op_de_cursusdata(meting, fout):
    scores = _nps_metingen()[meting]
    waarde = _fout_nps(scores, **FOUTEN[fout])
    juist = nps(scores)
    if abs(waarde - juist) <= 0.05:
        # Deze denkfout verandert de NPS van deze meting (bijna) niet: dan is het antwoord
        # gewoon goed en mag de controle het niet afkeuren.
        controleer_nps(round(waarde, 2), scores)
        return
    melding = _melding(controleer_nps, round(waarde, 2), scores)
    assert HINTS[fout] in melding, melding


def test_controleer_nps_herkent_twee_fouten_tegelijk():
    waarde = _fout_nps(SCORES, teken=-1, schaal=1.0)  # omgedraaid én een aandeel
    melding = _melding(controleer_nps, waarde, SCORES)
    assert "2 dingen mis" in melding
    assert HINTS["omgedraaid"] in melding and HINTS["aandeel"] in melding


@pytest.mark.parametrize(
    ("antwoord", "scores", "hint"),
    [
        (40.0, [10, 9, 7, 6, 3], "alleen_promotors"),  # 100 × 2 / 5; de NPS is 0
        (7.2, SCORES, "gemiddelde"),
        (72.0, SCORES, "gemiddelde"),
        (10.3, SCORES, "afgerond"),
    ],
)
def test_controleer_nps_overige_denkfouten(antwoord, scores, hint):
    assert HINTS[hint] in _melding(controleer_nps, antwoord, scores)


@pytest.mark.parametrize(
    ("antwoord", "stukje"),
    [
        ("10%", "zonder %-teken"),
        ("10,0", "punt als decimaalteken"),
        ("10", "zonder aanhalingstekens"),
        ("tien", "is tekst ('tien')"),
        (None, "nog leeg"),
        (..., "nog leeg"),
        (True, "waar/onwaar"),
        (float("nan"), "leeg (NaN of NA)"),
        (pd.NA, "leeg (NaN of NA)"),
        (float("inf"), "Deelde je door 0"),
        ([10, 20], "reeks van 2 waarden"),
        (pd.DataFrame({"a": [1]}), "hele tabel"),
        ({"nps": 10}, "geen getal"),
        (250.0, "tussen −100 en +100"),
        (33.0, "Controleer stap voor stap"),  # niet: 33,3 = twee fouten + afronden
        (10.37, "Controleer stap voor stap"),  # niet afgerond en niet precies: geen gok
    ],
)
def test_controleer_nps_legt_een_verkeerde_vorm_uit(antwoord, stukje):
    assert stukje in _melding(controleer_nps, antwoord, SCORES)


@pytest.mark.parametrize("meting", ["voorjaar 2026", "najaar 2026"])
def test_meldingen_verraden_het_goede_antwoord_nooit(meting):
    scores = _nps_metingen()[meting]
    juist = nps(scores)
    verboden = {f"{juist:.1f}", f"{juist:.2f}", f"{juist:.1f}".replace(".", ","), repr(juist)}
    verboden |= {str(round(juist)), str(tel(scores).promotors), str(tel(scores).criticasters)}
    antwoorden = [_fout_nps(scores, **k) for k in FOUTEN.values()] + [0.5, 99.0, -77.7, "x", None]
    for antwoord in antwoorden:
        melding = _melding(controleer_nps, antwoord, scores)
        kop, _, uitleg = melding.partition("klopt nog niet.")
        for hint in HINTS.values():  # vaste teksten; alleen wat erbij komt kan iets verraden
            uitleg = uitleg.replace(hint, "")
        for tekst in verboden:
            assert not re.search(rf"(?<![\d.,]){re.escape(tekst)}(?![\d])", uitleg), (
                tekst,
                melding,
            )


def test_controleer_nps_zonder_geldige_scores_is_een_fout_van_de_docent():
    with pytest.raises(ValueError, match="geen geldige antwoorden"):
        controleer_nps(0.0, [None, None])


# --------------------------------------------------------------------------
# controleer_nps_uit_aantallen en controleer_verschil
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("antwoord", "hint"),
    [
        (-20.0, "omgedraaid"),
        (0.2, "aandeel"),
        (100 * (90 - 50) / 140, "passief_vergeten_in_n"),
        (45.0, "alleen_promotors"),
        (20.4, "afgerond"),
    ],
)
def test_controleer_nps_uit_aantallen(antwoord, hint):
    controleer_nps_uit_aantallen(20.0, 90, 50, 200)
    controleer_nps_uit_aantallen(20.04, np.int64(90), np.int64(50), np.int64(200))
    melding = _melding(controleer_nps_uit_aantallen, antwoord, 90, 50, 200)
    assert "met jouw eigen aantallen" in melding and HINTS[hint] in melding


def test_controleer_nps_uit_aantallen_controleert_de_aantallen():
    assert "groter zijn dan 0" in _melding(controleer_nps_uit_aantallen, 1.0, 1, 0, 0)
    assert "promotors is tekst" in _melding(controleer_nps_uit_aantallen, 1.0, "9", 0, 10)
    assert "De formule is" in _melding(controleer_nps_uit_aantallen, 77.0, 90, 50, 200)


def test_controleer_verschil_op_de_cursusdata():
    m = _nps_metingen()
    oud, nieuw = m["voorjaar 2026"], m["najaar 2026"]
    juist = nps(nieuw) - nps(oud)
    controleer_verschil(juist, oud, nieuw)
    controleer_verschil(round(nps(nieuw), 1) - round(nps(oud), 1), oud, nieuw)
    assert HINTS["verschil_omgedraaid"] in _melding(controleer_verschil, -juist, oud, nieuw)
    assert HINTS["aandeel"] in _melding(controleer_verschil, juist / 100, oud, nieuw)
    procentueel = 100 * juist / abs(nps(oud))
    assert HINTS["procentuele_verandering"] in _melding(
        controleer_verschil, procentueel, oud, nieuw
    )
    assert "NPS nieuw − NPS oud" in _melding(controleer_verschil, juist + 7, oud, nieuw)
    with pytest.raises(ValueError, match="minstens één geldige score"):
        controleer_verschil(0, [None], nieuw)


# --------------------------------------------------------------------------
# controleer_aantallen
# --------------------------------------------------------------------------


def test_controleer_aantallen_goed_en_per_groep():
    controleer_aantallen(4, 3, 3, SCORES)
    controleer_aantallen(np.int64(4), 999, 999, SCORES, groepen=["promotors"])
    melding = _melding(controleer_aantallen, 4, 999, 3, SCORES, groepen=["passief", "criticasters"])
    assert melding.startswith("passief = 999 klopt nog niet.")
    with pytest.raises(ValueError, match="groepen"):
        controleer_aantallen(4, 3, 3, SCORES, groepen=["klanten"])


@pytest.mark.parametrize(
    ("aantallen", "groep", "hint"),
    [
        ((7, 3, 3), "promotors", "passief_als_promotor"),
        ((6, 3, 3), "promotors", "acht_als_promotor"),
        ((4, 4, 2), "passief", "zes_niet_criticaster"),
        ((4, 4, 2), "criticasters", "zes_niet_criticaster"),
        ((4, 3, 5), "criticasters", "leeg_als_criticaster"),
    ],
)
def test_controleer_aantallen_herkent_denkfouten(aantallen, groep, hint):
    melding = _melding(controleer_aantallen, *aantallen, SCORES, groepen=[groep])
    assert f"{groep} = " in melding and HINTS[hint] in melding


def test_controleer_aantallen_merkt_lege_antwoorden_in_het_totaal_op():
    melding = _melding(controleer_aantallen, 4, 3, 5, SCORES)
    assert "inclusief de lege antwoorden" in melding


# --------------------------------------------------------------------------
# controleer_categorie_functie
# --------------------------------------------------------------------------


def _groep_met_grenzen(promotor: int, passief: int):
    def groep(score):
        if score >= promotor:
            return "promotor"
        if score >= passief:
            return "passief"
        return "criticaster"

    return groep


def test_controleer_categorie_functie_goed_ook_met_andere_schrijfwijzen():
    controleer_categorie_functie(_groep_met_grenzen(9, 7))

    def groep(score):
        return ["Criticasters"] * 7 + [" passief tevreden "] * 2 + ["PROMOTER"] * 2

    controleer_categorie_functie(lambda s: groep(s)[s])


@pytest.mark.parametrize(
    ("grenzen", "hint"),
    [
        ((7, 7), "passief_als_promotor"),
        ((8, 7), "acht_als_promotor"),
        ((9, 6), "zes_niet_criticaster"),
    ],
)
def test_controleer_categorie_functie_herkent_grensfouten(grenzen, hint):
    melding = _melding(controleer_categorie_functie, _groep_met_grenzen(*grenzen))
    assert HINTS[hint] in melding


def test_controleer_categorie_functie_zichtbare_test_kan_grenzen_missen():
    controleer_categorie_functie(_groep_met_grenzen(8, 6), scores=[10, 7, 0])
    # Met de grensscores erbij valt dezelfde functie wel door de mand.
    melding = _melding(controleer_categorie_functie, _groep_met_grenzen(8, 6), scores=[10, 8, 6])
    assert "groep(8) gaf 'promotor'" in melding and HINTS["acht_als_promotor"] in melding


def test_controleer_categorie_functie_roept_de_functie_echt_aan():
    """Een functie die nooit iets teruggeeft of alleen 'promotor' zegt, mag nooit slagen."""
    aanroepen: list[int] = []

    def groep(score):
        aanroepen.append(score)
        return _groep_met_grenzen(9, 7)(score)

    controleer_categorie_functie(groep)
    assert sorted(set(aanroepen)) == list(range(11))
    _melding(controleer_categorie_functie, lambda s: "promotor")
    _melding(controleer_categorie_functie, lambda s: None)


def test_controleer_categorie_functie_meldt_verkeerde_vorm():
    assert "geen functie" in _melding(controleer_categorie_functie, "promotor")
    assert "niet met print" in _melding(controleer_categorie_functie, lambda s: print(s))
    assert "gaf 'goed'" in _melding(controleer_categorie_functie, lambda s: "goed")
    melding = _melding(controleer_categorie_functie, lambda s: 1 / 0)
    assert "groep(0) gaf een fout: ZeroDivisionError" in melding
    assert "bij welke scores" in _melding(
        controleer_categorie_functie, lambda s: "promotor" if s < 3 else "criticaster"
    )


# --------------------------------------------------------------------------
# controleer_keuze_letter, controleer_gelijk, controleer_is_getal
# --------------------------------------------------------------------------


@pytest.mark.parametrize("antwoord", ["B", "b", " b ", "B)", "(b)", "b.", "B:"])
def test_controleer_keuze_letter_accepteert_gangbare_schrijfwijzen(antwoord):
    controleer_keuze_letter(antwoord, "ABCD", juist="B", naam="antwoord_7")


@pytest.mark.parametrize("antwoord", ["A", "c", " d ", "C)", "(a)", "d.", "A:"])
def test_controleer_keuze_letter_weigert_een_andere_letter_in_elke_schrijfwijze(antwoord):
    assert "niet het juiste" in _melding(
        controleer_keuze_letter, antwoord, "ABCD", juist="B", naam="antwoord_7"
    )


def test_controleer_keuze_letter_meldingen():
    assert 'antwoord_7 = "A"' in _melding(controleer_keuze_letter, 2, naam="antwoord_7")
    assert "A, B, C of D" in _melding(controleer_keuze_letter, "BC", naam="antwoord_7")
    assert "A, B of C" in _melding(controleer_keuze_letter, "D", "ABC")
    melding = _melding(controleer_keuze_letter, "a", juist="B", hints={"A": "Een 8 is passief."})
    assert melding == "je antwoord = 'A' is niet het juiste antwoord. Een 8 is passief."
    assert "nog eens goed" in _melding(controleer_keuze_letter, "C", juist="B")
    assert "'B'" not in _melding(controleer_keuze_letter, "C", juist="B", naam="x")


def test_controleer_gelijk():
    controleer_gelijk(np.int64(274), 274)
    controleer_gelijk(15.66, 15.69, marge=0.05)
    controleer_gelijk(True, True)
    controleer_gelijk("  Passief ", "passief")
    assert _melding(controleer_gelijk, 3, 4, naam="n") == "n = 3 klopt nog niet."
    assert "Tip." in _melding(controleer_gelijk, 3, 4, hint="Tip.")
    assert "Lege." in _melding(controleer_gelijk, 276, 274, bekende_fouten={276: "Lege."})
    assert "Engels." in _melding(
        controleer_gelijk, "Promoter", "promotor", bekende_fouten={"promoter": "Engels."}
    )
    assert "True of False" in _melding(controleer_gelijk, "ja", True)
    assert "tekst tussen aanhalingstekens" in _melding(controleer_gelijk, 3, "drie")
    with pytest.raises(TypeError, match="verwacht"):
        controleer_gelijk(1, [1])


def test_controleer_is_getal():
    controleer_is_getal(np.int64(3), "n", geheel=True, minimum=0, maximum=3)
    controleer_is_getal(3.0, "n", geheel=True)
    assert "kleiner dan 0" in _melding(controleer_is_getal, -1, "n", minimum=0)
    assert "groter dan 100" in _melding(controleer_is_getal, 101, "n", maximum=100)
    assert "geen heel getal" in _melding(controleer_is_getal, 2.5, "n", geheel=True)


# --------------------------------------------------------------------------
# Nederlandse NameError in IPython
# --------------------------------------------------------------------------


def test_uitleg_naamfout():
    assert uitleg_naamfout(NameError("x")) == "x"
    with pytest.raises(NameError) as info:
        n_geldig  # noqa: B018, F821
    assert uitleg_naamfout(info.value).startswith("'n_geldig' bestaat (nog) niet.")


def test_nederlandse_foutmeldingen_in_een_ipython_shell(capsys):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        nederlandse_foutmeldingen(shell)
        uitkomst = shell.run_cell("print(n_leeg)")
        assert isinstance(uitkomst.error_in_exec, NameError)
        uit = capsys.readouterr()
        assert "'n_leeg' bestaat (nog) niet" in uit.out + uit.err
        assert "is not defined" not in (uit.out + uit.err).splitlines()[-1]
        assert shell.run_cell("1 / 0").error_in_exec is not None  # andere fouten: gewoon
    finally:
        shell.set_custom_exc((), None)
        InteractiveShell.clear_instance()


# --------------------------------------------------------------------------
# docent: feedback, waarschuwingen, valideren (zonder notebook uit te voeren)
# --------------------------------------------------------------------------


def _meta(gid, **kw):
    m = {"grade": False, "solution": False, "locked": False, "task": False}
    m |= {"grade_id": gid, "schema_version": 3, **kw}
    return {"nbgrader": m}


def _nagekeken_notebook():
    test = new_code_cell(
        "controleer_is_getal(x, 'x')\n### BEGIN HIDDEN TESTS\ncontroleer_gelijk(x, 12.5)\n"
        "### END HIDDEN TESTS",
        metadata=_meta("test_1", grade=True, locked=True, points=2),
    )
    test.outputs = [
        new_output(
            "error",
            ename="AntwoordKloptNiet",
            evalue="x = 3 klopt nog niet.",
            traceback=[
                "\x1b[31m----\x1b[0m",
                "Cell In[4], line 3\n----> 3 controleer_gelijk(x, 12.5)",
                "\x1b[0;31mAntwoordKloptNiet\x1b[0m: x = 3 klopt nog niet.",
            ],
        )
    ]
    eigen = new_code_cell("x = 1 / 0")
    eigen.outputs = [
        new_output("error", ename="ZeroDivisionError", evalue="division", traceback=["a", "b"])
    ]
    taak = new_markdown_cell(
        "Vraag 2\n=== BEGIN MARK SCHEME ===\nGeheim model\n=== END MARK SCHEME ===\nEinde",
        metadata=_meta("taak_2", locked=True, task=True, points=4),
    )
    return new_notebook(cells=[eigen, test, taak])


def test_feedback_zonder_antwoorden_haalt_verborgen_tests_en_model_weg():
    from klanttools.nakijken.docent import FeedbackZonderAntwoorden

    nb = _nagekeken_notebook()
    schoon, _ = FeedbackZonderAntwoorden().preprocess(copy.deepcopy(nb), {})
    eigen, test, taak = schoon.cells
    assert "HIDDEN" not in test.source and "12.5" not in test.source
    assert test.source.startswith("controleer_is_getal(x, 'x')")
    assert test.outputs[0].traceback == ["AntwoordKloptNiet: x = 3 klopt nog niet."]
    assert eigen.outputs[0].traceback == ["a", "b"]  # eigen code van de student: ongemoeid
    assert "Geheim" not in taak.source and "MARK SCHEME" not in taak.source
    assert taak.source.startswith("Vraag 2") and taak.source.endswith("Einde")
    lang, _ = FeedbackZonderAntwoorden(korte_foutmeldingen=False).preprocess(copy.deepcopy(nb), {})
    assert len(lang.cells[1].outputs[0].traceback) == 3


def test_waarschuwing_op_stderr_kost_zonder_filter_punten_en_met_filter_niet():
    from nbgrader.preprocessors import IgnorePattern
    from nbgrader.utils import determine_grade

    from klanttools.nakijken.docent import WAARSCHUWINGSPATROON

    cel = new_code_cell("controleer_nps(nps_najaar, scores)", metadata=_meta("t", grade=True))
    cel.metadata.nbgrader["points"] = 2
    cel.outputs = [
        new_output(
            "stream",
            name="stderr",
            text="/tmp/x.py:3: FutureWarning: Downcasting is deprecated\n  s.fillna(0)\n",
        )
    ]
    assert determine_grade(cel) == (0, 2.0)  # zo doet nbgrader het standaard
    filter_ = IgnorePattern(pattern=WAARSCHUWINGSPATROON)
    gefilterd, _ = filter_.preprocess_cell(copy.deepcopy(cel), {}, 0)
    assert determine_grade(gefilterd) == (2.0, 2.0)
    cel.outputs.append(new_output("error", ename="AntwoordKloptNiet", evalue="x", traceback=[]))
    fout, _ = filter_.preprocess_cell(copy.deepcopy(cel), {}, 0)
    assert determine_grade(fout) == (0, 2.0)  # een echte fout blijft een fout


def test_laatste_foutregel():
    from klanttools.nakijken.docent import laatste_foutregel

    assert laatste_foutregel({"ename": "E", "evalue": "v", "traceback": []}) == "E: v"


def test_validatie_samenvatting(tmp_path):
    from klanttools.nakijken.docent import Validatie

    goed = Validatie(tmp_path / "a.ipynb")
    assert goed.geslaagd and "Geslaagd" in str(goed)
    fout = Validatie(
        tmp_path / "a.ipynb",
        gefaald=[{"bron": "# Controle vraag 1\nx", "melding": "AntwoordKloptNiet: x"}],
        veranderd=[{"bron": "assert True"}],
    )
    tekst = fout.samenvatting()
    assert not fout.geslaagd
    assert "1. Test mislukt (# Controle vraag 1)" in tekst and "AntwoordKloptNiet: x" in tekst
    assert "testcel(len) veranderd" in tekst and "Niet geslaagd" in tekst


def test_opdrachtregel_zonder_notebook_geeft_exitcode_2(capsys):
    from klanttools.nakijken.__main__ import main

    assert main(["valideer", "bestaat-niet.ipynb"]) == 2
    assert "bestaat niet" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2


# --------------------------------------------------------------------------
# Afronden op een heel getal telt als goed (met een opmerking); keuze uit woorden
# --------------------------------------------------------------------------


def test_afgerond_op_een_heel_getal_is_goed_met_een_opmerking(capsys):
    from klanttools.nakijken._basis import AFRONDINGSNOOT

    scores = [10, 9, 9, 8, 7, 6, 3, None]  # NPS = 100 × (3 − 2) / 7 = 14,29
    controleer_nps(14.3, scores)  # één decimaal: zonder opmerking
    assert capsys.readouterr().out == ""
    controleer_nps(14, scores)
    controleer_nps_uit_aantallen(14.0, 3, 2, 7)
    assert capsys.readouterr().out.count(AFRONDINGSNOOT) == 2
    assert "klopt nog niet" in _melding(controleer_nps, 15, scores)  # 0,7 ernaast: fout
    assert HINTS["afgerond"] in _melding(controleer_nps, 14.4, scores)  # geen goede afronding


def test_verschil_van_twee_afgeronde_nps_en_is_goed():
    m = _nps_metingen()
    oud, nieuw = m["voorjaar 2026"], m["najaar 2026"]
    controleer_verschil(round(nps(nieuw)) - round(nps(oud)), oud, nieuw)
    controleer_verschil(round(nps(nieuw) - nps(oud)), oud, nieuw)


@pytest.mark.parametrize(
    ("antwoord", "stukje"),
    [
        ("klant", "Kies precies één van: 'suspect', 'lead' of 'prospect'"),
        (3, "Geef één woord tussen aanhalingstekens"),
        ("suspect", "Er is al contact"),
        ("prospect", "Lees de situatie"),
    ],
)
def test_controleer_keuze_woord(antwoord, stukje):
    from klanttools.nakijken import controleer_keuze_woord

    controleer_keuze_woord(" LEAD ", ["suspect", "lead", "prospect"], juist="lead")
    controleer_keuze_woord(
        "klantgericht", ["klantgerichtheid"], synoniemen={"klantgericht": "klantgerichtheid"}
    )
    melding = _melding(
        controleer_keuze_woord,
        antwoord,
        ["suspect", "lead", "prospect"],
        juist="lead",
        hints={"suspect": "Er is al contact."},
    )
    assert stukje in melding
