"""Opdracht 5 (Mensen) kijkt zichzelf na: één echte ``nbgrader autograde``-run, geen mocks.

Eén kopie van ``exercises/`` voor de hele module: ``generate_assignment``, dan zeven
inleveringen (modeloplossing, leeg, vervangen testcellen, vervangen controles, vervangen
ingebouwde functie, klanttools waar met de hand moest, doorrekenen met een eigen foute
verzameling) in één ``autograde``. Daarnaast: de lege studentversie draait en verklapt geen
nagekeken waarde. De juiste waarden rekent deze module zelf uit de CSV (pandas, zonder
klanttools).
"""

from __future__ import annotations

import pandas as pd
import pytest
from nbgrader_hulp import (
    MAP,
    automatische_punten,
    celuitvoer,
    controlecellen,
    draai_lege_studentversie,
    knoei_controles,
    lees_nb,
    nakijk_cursus,
    punten_per_cel,
    verklapt_bron_niets,
)

pytestmark = pytest.mark.traag

OPDRACHT = "opdracht5-mensen"
NOTEBOOK = "mensen.ipynb"
BRON = MAP / "exercises" / "source" / OPDRACHT / NOTEBOOK
TOTAAL, AUTOMATISCH = 30.0, 22.0
MET_DE_HAND = ("test_4", "test_5", "test_6")
"""De controlecellen van deel B: met de hand, zonder klanttools (samen 8 punten)."""

# --- eigen rekenwerk: de nagekeken waarden, zonder klanttools ----------------------------

_LEDEN = pd.read_csv(MAP / "data" / "dmu_leden.csv")
_VM = _LEDEN[_LEDEN["casus"] == "Vandermeer"]
TEAM = ["Karin de Wit", "Sanne Vermeulen", "Ahmed El Amrani", "Erik Bos"]
GEDEKT = sorted(set(_VM.loc[_VM["persoon"].isin(TEAM), "rol"]))
ZES = ["initiatiefnemer", "gebruiker", "beïnvloeder", "inkoper", "beslisser", "poortwachter"]
NIET_GEDEKT = [r for r in ZES if r not in GEDEKT]

# --- de inleveringen ------------------------------------------------------------------------

FOUT = {
    "antwoord_1": 'antwoord_1a = "A"\nantwoord_1b = "A"',
    "antwoord_2": 'antwoord_2a = "A"\nantwoord_2b = "C"',
    "antwoord_3": 'rol_a = "inkoper"\n'
    + "\n".join(f'rol_{x} = "beslisser"' for x in "bcdef")
    + '\nantwoord_3g = "A"\nantwoord_3h = "A"',
    "antwoord_4": 'klant = leden[leden["casus"] == "Vandermeer"]\n'
    'gedekte_rollen = set(klant["rol"])',
    "antwoord_5": "aantal_gedekt = 0",
    "antwoord_6": 'niet_gedekt = ["gebruiker"]',
    "antwoord_7": 'antwoord_7 = "C"',
}
"""Overal een antwoord van de goede vorm, maar steeds fout (en niet doorgerekend)."""

_KNOEI_CONTROLES = knoei_controles(
    """
klanttools.datasets.laad = lambda *a, **k: pd.DataFrame(
    {"casus": ["Vandermeer"], "persoon": ["X"], "rol": ["beslisser"], "contact": [None]}
)
"""
)

_KLANTTOOLS = """
from klanttools.mensen import dmu_dekking, dmu_uit_tabel

_dmu, _ = dmu_uit_tabel(leden, "Vandermeer")
gedekte_rollen = set(dmu_dekking(team, _dmu).gedekt)
"""


def _vervang_tests(nb: dict) -> None:
    for cel in nb["cells"]:
        if cel.get("metadata", {}).get("nbgrader", {}).get("grade_id", "").startswith("test_"):
            cel["source"] = "pass"


INZENDINGEN: dict[str, dict] = {
    "oplossing": {},
    "leeg": {"oplossen": False},
    "testcellen": {"antwoorden": FOUT, "bewerk": _vervang_tests},
    "controles": {"antwoorden": {**FOUT, "antwoord_1": _KNOEI_CONTROLES + FOUT["antwoord_1"]}},
    "ingebouwd": {
        "antwoorden": {
            **FOUT,
            "antwoord_1": "import builtins\nbuiltins.abs = lambda x: 0\n" + FOUT["antwoord_1"],
        }
    },
    "klanttools": {"antwoorden": {"antwoord_4": _KLANTTOOLS}},
    "doorrekenen": {
        "antwoorden": {
            # Denkfouten: inkoper en gebruiker als beslisser; alle rollen van Vandermeer.
            "antwoord_3": 'rol_a = "beslisser"\nrol_b = "beslisser"\nrol_c = "beslisser"\n'
            'rol_d = "poortwachter"\nrol_e = "beinvloeder"\nrol_f = "initiatiefnemer"\n'
            'antwoord_3g = "B"\nantwoord_3h = "C"',
            "antwoord_4": FOUT["antwoord_4"],
        }
    },
    "rijen": {
        "antwoorden": {
            "antwoord_5": 'klant = leden[leden["casus"] == "Vandermeer"]\n'
            'aantal_gedekt = 0\nfor persoon in klant["persoon"]:\n'
            "    for lijst in team.values():\n"
            "        if persoon in lijst:\n"
            "            aantal_gedekt = aantal_gedekt + 1\n"
            "            break",
        }
    },
}
VERWACHT = {
    "oplossing": AUTOMATISCH,
    "leeg": 0.0,
    "testcellen": 0.0,
    "controles": 0.0,
    "ingebouwd": 0.0,
    "klanttools": AUTOMATISCH - 8,  # deel B met de hand (vraag 4–6) kwijt, de rest blijft
    "doorrekenen": AUTOMATISCH - 2 - 4,  # 3b en 3c fout, vraag 4 fout; 5 en 6 doorgerekend
    "rijen": AUTOMATISCH - 2,  # rijen geteld in plaats van rollen
}


@pytest.fixture(scope="module")
def cursus(tmp_path_factory) -> dict:
    """Eén cursus: studentversie maken, alle inleveringen in één keer nakijken."""
    return nakijk_cursus(tmp_path_factory.mktemp("cursus5"), OPDRACHT, NOTEBOOK, INZENDINGEN)


def test_punten_kloppen_met_de_opzet():
    bron = lees_nb(BRON)
    punten = punten_per_cel(bron)
    assert sum(punten.values()) == TOTAAL
    assert sum(punten[g] for g in controlecellen(bron)) == AUTOMATISCH
    assert sum(punten[g] for g in MET_DE_HAND) == 8
    # Per leerdoel van eenheid 5 (zie docs/nieuwe-les.md): 2, 3, 8 en 9 punten, open vraag 8.
    per_leerdoel = {
        1: ("test_1a", "test_1b"),
        2: ("test_2a", "test_2b"),
        3: tuple(f"test_3{x}" for x in "abcdefgh"),
        4: ("test_4", "test_5", "test_6", "test_7"),
    }
    assert {ld: sum(punten[g] for g in ids) for ld, ids in per_leerdoel.items()} == {
        1: 2,
        2: 3,
        3: 8,
        4: 9,
    }
    assert punten["taak_8"] == 8


def test_eigen_rekenwerk():
    assert GEDEKT == ["beïnvloeder", "gebruiker", "initiatiefnemer", "inkoper", "poortwachter"]
    assert NIET_GEDEKT == ["beslisser"]


@pytest.mark.parametrize("student", list(VERWACHT))
def test_autograde_geeft_de_verwachte_punten(cursus, student):
    punten = automatische_punten(cursus["scores"][student], cursus["bron"])
    assert sum(punten.values()) == VERWACHT[student], punten


def test_klanttools_waar_met_de_hand_moest_kost_precies_deel_b(cursus):
    punten = automatische_punten(cursus["scores"]["klanttools"], cursus["bron"])
    assert {g for g, p in punten.items() if p == 0} == set(MET_DE_HAND)
    for gid in MET_DE_HAND:
        tekst = celuitvoer(cursus, "klanttools", gid)
        assert "moest je met de hand uitrekenen" in tekst and "dmu_dekking" in tekst, tekst


def test_denkfouten_krijgen_hun_nederlandse_hint_en_doorrekenen_telt(cursus):
    assert "een inkoper is niet vanzelf de beslisser" in celuitvoer(
        cursus, "doorrekenen", "test_3b"
    )
    assert "is niet vanzelf de beslisser" in celuitvoer(cursus, "doorrekenen", "test_3c")
    assert "alle mensen bij Vandermeer" in celuitvoer(cursus, "doorrekenen", "test_4")
    for gid in ("test_5", "test_6"):
        assert "Doorrekenen" in celuitvoer(cursus, "doorrekenen", gid)
    assert "Je telde rijen" in celuitvoer(cursus, "rijen", "test_5")
    assert "Ingebouwde functies van Python zijn veranderd" in celuitvoer(
        cursus, "ingebouwd", "test_4"
    )


def test_studentversie_verklapt_niets(cursus, tmp_path):
    verklapt_bron_niets(cursus["release"], cursus["bron"])
    # De lege studentversie draait; geen uitvoer toont de gedekte rollen of het gat.
    uitvoer = draai_lege_studentversie(cursus, tmp_path)
    for verboden in (str(GEDEKT), str(set(GEDEKT)), str(NIET_GEDEKT), "5 van de 6"):
        assert verboden not in uitvoer, verboden
    assert "Mark Vandermeer" not in uitvoer  # leden.head() toont alleen de eerste rijen
