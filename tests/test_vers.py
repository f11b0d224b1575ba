"""Controles vers van schijf (klanttools/nakijken/_vers.py): wat een student niet kan ompraten.

De volledige bewijsvoering loopt in echte nbgrader-runs (``test_nbgrader_opdracht1.py``);
hier staan de losse onderdelen, snel en in een echte IPython-shell (met geschiedenis).
"""

from __future__ import annotations

import builtins
import sys

import pytest
from IPython.core.interactiveshell import InteractiveShell
from traitlets.config import Config

import klanttools.nakijken
import klanttools.nakijken._controles
import klanttools.nps

KOP = """
_il = __import__("importlib.util")
_p = _il.util.find_spec("klanttools").submodule_search_locations[0]
_s = _il.util.spec_from_file_location("_vers", _p + "/nakijken/_vers.py")
_v = _il.util.module_from_spec(_s)
_s.loader.exec_module(_v)
"""
"""De kop van een verborgen test (zoals in de opdracht), zonder de aanroep van controles()."""


def _vers():
    ns: dict = {}
    exec(KOP, ns)
    return ns["_v"]


def _niets(*args, **kwargs):
    return None


def test_kop_laadt_het_bestand_van_schijf_en_niet_uit_sys_modules():
    v = _vers()
    assert v.__name__ == "_vers" and "_vers" not in sys.modules
    assert v.__file__.endswith("nakijken/_vers.py")


def test_verse_controles_negeren_wat_de_student_verving(monkeypatch):
    for naam in dir(klanttools.nakijken._controles):
        if naam.startswith("controleer"):
            monkeypatch.setattr(klanttools.nakijken._controles, naam, _niets)
            monkeypatch.setattr(klanttools.nakijken, naam, _niets, raising=False)
    monkeypatch.setattr(klanttools.nps, "categorie", lambda s: "promotor")
    eigen = {k: v for k, v in sys.modules.items() if k.startswith("klanttools")}

    nk = _vers().controles()

    assert nk.controleer_nps is not klanttools.nakijken._controles.controleer_nps
    with pytest.raises(AssertionError, match="klopt nog niet"):
        nk.controleer_nps(99.0, [10, 9, 8, 3])
    with pytest.raises(AssertionError, match="de 8.en als promotor"):
        nk.controleer_categorie_functie(lambda s: "promotor" if s >= 8 else "passief")
    # De modules van de student staan er daarna weer, onveranderd.
    assert {k: v for k, v in sys.modules.items() if k.startswith("klanttools")} == eigen
    assert klanttools.nps.categorie(3) == "promotor"


def test_verse_laad_negeert_een_vervangen_laad(monkeypatch):
    import klanttools.datasets

    monkeypatch.setattr(klanttools.datasets, "laad", lambda *a, **k: None)
    scores = _vers().controles().scores("najaar 2026")
    assert len(scores) > 100 and scores.notna().sum() > 100


@pytest.mark.parametrize(
    ("naam", "vervanging"),
    [
        ("abs", lambda x: 0),
        ("isinstance", lambda *a: True),
        ("AssertionError", type("AssertionError", (Exception,), {})),
        ("round", round.__call__),  # een echte, maar andere ingebouwde methode
        ("len", sum),  # een echte ingebouwde functie met een andere naam
    ],
)
def test_vervangen_ingebouwde_functie_valt_op(monkeypatch, naam, vervanging):
    v = _vers()
    assert v.ingebouwd_ongewijzigd() == []
    monkeypatch.setattr(builtins, naam, vervanging)
    assert v.ingebouwd_ongewijzigd() == [naam]
    monkeypatch.undo()
    assert v.ingebouwd_ongewijzigd() == []


def test_controles_weigert_bij_vervangen_ingebouwde_functie(monkeypatch):
    v = _vers()
    monkeypatch.setattr(builtins, "abs", lambda x: 0)
    with pytest.raises(
        AssertionError, match=r"Ingebouwde functies van Python zijn veranderd \(abs\)"
    ):
        v.controles()


def test_tel_aanroepen_bewijst_dat_de_functie_echt_draaide():
    v = _vers()
    f = v.tel_aanroepen(lambda s: "passief", "groep")
    v.controles().controleer_categorie_functie(f, scores=[7, 8])
    assert f.aantal == 2
    with pytest.raises(AssertionError, match="geen functie"):
        v.tel_aanroepen(42, "groep")


# --- zonder_klanttools: in een echte IPython-shell, met geschiedenis ----------------------


@pytest.fixture
def shell():
    config = Config()
    config.HistoryManager.hist_file = ":memory:"
    sh = InteractiveShell.instance(config=config)
    sh.run_cell(
        "from klanttools.datasets import laad\n"
        "from klanttools.nps import analyse, categorie, nps\n"
        'df = laad("nps_enquete")\n'
        'najaar = df[df["meting"] == "najaar 2026"]',
        store_history=True,
    )
    yield sh
    InteractiveShell.clear_instance()


def _controleer(shell, code: str, naam: str, **opties) -> str | None:
    """Draai de code van de student en dan de controle; geef de fouttekst of None."""
    shell.run_cell(code, store_history=True)
    shell.user_ns["_opties"] = opties
    uit = shell.run_cell(
        KOP + f'_v.zonder_klanttools("{naam}", **_opties)', store_history=True, silent=False
    )
    return None if uit.error_in_exec is None else str(uit.error_in_exec)


@pytest.mark.parametrize(
    "code",
    [
        'promotors = (najaar["score"] >= 9).sum()',
        'scores = najaar["score"]\n\n\ndef telling(s):\n    return (s >= 9).sum()',
    ],
)
def test_met_de_hand_is_goed(shell, code):
    if "telling" in code:
        shell.run_cell(code, store_history=True)
        code = "promotors = telling(scores)"
    assert _controleer(shell, code, "promotors") is None


@pytest.mark.parametrize(
    "code",
    [
        'promotors = analyse(najaar["score"]).promotors',
        'r = analyse(najaar["score"])\npromotors = r.promotors',
        "import klanttools.nps as k\npromotors = k.tel(najaar['score']).promotors",
        'promotors = sum(categorie(s) == "promotor" for s in najaar["score"].dropna())',
    ],
)
def test_klanttools_in_de_keten_valt_op(shell, code):
    melding = _controleer(shell, code, "promotors")
    assert melding and "moest je met de hand uitrekenen" in melding


def test_klanttools_in_een_eerdere_cel_valt_ook_op(shell):
    shell.run_cell('tussen = analyse(najaar["score"]).promotors', store_history=True)
    melding = _controleer(shell, "promotors = tussen", "promotors")
    assert melding and "klanttools" in melding


def test_overgetypt_getal_telt_niet_als_uitgerekend(shell):
    melding = _controleer(shell, "nps_najaar = 15.7", "nps_najaar")
    assert melding and "een ingetypt getal telt niet" in melding


def test_eigen_functie_met_of_zonder_klanttools(shell):
    goed = 'def groep(score):\n    return "promotor" if score >= 9 else "passief"'
    assert _controleer(shell, goed, "groep", uit_data=False) is None
    fout = "def hulp(s):\n    return categorie(s)\n\n\ndef groep(score):\n    return hulp(score)"
    melding = _controleer(shell, fout, "groep", uit_data=False)
    assert melding and "categorie (klanttools.nps)" in melding


def test_een_kolom_toevoegen_maakt_de_tabel_niet_opnieuw(shell):
    """``df["x"] = ...`` vult df aan: de keten loopt door naar de cel waar df uit laad kwam."""
    code = 'najaar["hoog"] = najaar["score"] >= 9\npromotors = najaar["hoog"].sum()'
    assert _controleer(shell, code, "promotors") is None
    shell.run_cell('najaar["hulp"] = analyse(najaar["score"]).promotors', store_history=True)
    melding = _controleer(shell, 'promotors = najaar["hulp"].iloc[0]', "promotors")
    assert melding and "moest je met de hand uitrekenen" in melding


def test_eigen_tip_en_data_in_de_melding(shell):
    melding = _controleer(
        shell, "aantal = 2", "aantal", tip="Reken zelf met pandas.", data="de tabel df"
    )
    assert melding and "uit de tabel df" in melding
    melding = _controleer(shell, "aantal = nps(najaar['score'])", "aantal", tip="Reken zelf.")
    assert melding and melding.endswith("Reken zelf.")


def test_een_lijst_aanvullen_in_een_lus_volgt_de_lus(shell):
    """``lijst.append(x)`` in een lus (les 6): de keten loopt via de lus naar de data."""
    shell.run_cell('hoog = set(najaar["score"].dropna())', store_history=True)
    code = "lijst = []\nfor s in range(11):\n    if s not in hoog:\n        lijst.append(s)"
    assert _controleer(shell, code, "lijst") is None
    verzameling = "v = set()\nfor s in hoog:\n    v.add(s)"
    assert _controleer(shell, verzameling, "v") is None
    # Ingetypt en aangevuld zonder data: geen punten; met klanttools in de lus: ook niet.
    melding = _controleer(shell, "w = []\nw.append(3)", "w")
    assert melding and "een ingetypt getal telt niet" in melding
    code = "x = []\nfor s in [9, 10]:\n    x.append(categorie(s))"
    melding = _controleer(shell, code, "x")
    assert melding and "moest je met de hand uitrekenen" in melding


def test_een_teller_in_een_lus_over_de_data_komt_uit_de_data(shell):
    code = 'aantal = 0\nfor s in najaar["score"].dropna():\n    if s >= 9:\n        aantal = aantal + 1'
    assert _controleer(shell, code, "aantal") is None
    code = "n = 0\nfor s in [9, 10]:\n    n = n + 1"
    melding = _controleer(shell, code, "n")
    assert melding and "een ingetypt getal telt niet" in melding
    code = 'k = 0\nfor s in [9, 10]:\n    if categorie(s) == "promotor":\n        k += 1'
    melding = _controleer(shell, code, "k")
    assert melding and "moest je met de hand uitrekenen" in melding
