"""Opdracht 2 (Strategie) kijkt zichzelf na: één echte ``nbgrader autograde``-run, geen mocks.

Eén kopie van ``exercises/`` voor de hele module: ``generate_assignment``, dan zeven
inleveringen (modeloplossing, leeg, vervangen testcellen, vervangen controles, vervangen
ingebouwde functie, klanttools waar met de hand moest, doorrekenen met een eigen foute tabel)
in één ``autograde``. Daarnaast: de lege studentversie draait en verklapt geen nagekeken waarde.
De juiste waarden rekent deze module zelf uit de CSV (pandas, zonder klanttools).
"""

from __future__ import annotations

import re

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

OPDRACHT = "opdracht2-strategie"
NOTEBOOK = "strategie.ipynb"
BRON = MAP / "exercises" / "source" / OPDRACHT / NOTEBOOK
TOTAAL, AUTOMATISCH = 35.0, 27.0
MET_DE_HAND = ("test_4", "test_5", "test_6", "test_8a")
"""De controlecellen die met de hand moeten, zonder klanttools (samen 13 punten)."""

# --- eigen rekenwerk: de nagekeken waarden, zonder klanttools ----------------------------

_WS = pd.read_csv(MAP / "data" / "waardestrategie.csv")
PROFIELEN = _WS.groupby(["bedrijf", _WS["stelling"].str[:2]])["antwoord"].mean().unstack()

# --- de inleveringen ------------------------------------------------------------------------

FOUT = {
    "antwoord_1": 'antwoord_1a = "A"\nantwoord_1b = "A"',
    "antwoord_2": 'casus_a = "customer intimacy"\ncasus_b = "product leadership"\n'
    'casus_c = "operational excellence"\ncasus_d = "product leadership"',
    "antwoord_3": 'antwoord_3a = "A"\nantwoord_3b = "A"',
    "antwoord_4": 'df["discipline"] = df["stelling"].str[:2]\nprofielen = df.pivot_table('
    'index="bedrijf", columns="discipline", values="antwoord", aggfunc="max")',
    "antwoord_5": 'ci_min_oe = profielen["CI"] + profielen["OE"]',
    "antwoord_6": "pl_onder_drempel = 7",
    "antwoord_7": 'antwoord_7 = "A"',
    "antwoord_8": 'bereik_oe = df.groupby("bedrijf")["antwoord"].max() - '
    'df.groupby("bedrijf")["antwoord"].min()\nantwoord_8b = "A"',
}
"""Overal een antwoord van de goede vorm, maar steeds fout (en niet doorgerekend)."""

_KNOEI_CONTROLES = knoei_controles(
    """
klanttools.datasets.laad = lambda *a, **k: pd.DataFrame(
    {"bedrijf": ["X"], "stelling": ["OE1"], "antwoord": [1]}
)
"""
)

_KLANTTOOLS = """
from klanttools.waardestrategie import profiel

_kort = {"operational_excellence": "OE", "customer_intimacy": "CI", "product_leadership": "PL"}
rijen = {}
for bedrijf, groep in df.groupby("bedrijf"):
    p = profiel(dict(zip(groep["stelling"], groep["antwoord"])))
    rijen[bedrijf] = {_kort[k]: v for k, v in p.items()}
profielen = pd.DataFrame(rijen).T
"""

_KLANTTOOLS_8 = """
from klanttools.waardestrategie import profiel

rijen = {}
for (bedrijf, respondent), groep in df.groupby(["bedrijf", "respondent"]):
    rijen[(bedrijf, respondent)] = profiel(dict(zip(groep["stelling"], groep["antwoord"])))
oe = pd.DataFrame(rijen).T["operational_excellence"].groupby(level=0)
bereik_oe = oe.max() - oe.min()
antwoord_8b = "B"
"""

_LOSSE_ANTWOORDEN_8 = """
oe = df[df["stelling"].str[:2] == "OE"].groupby("bedrijf")["antwoord"]
bereik_oe = oe.max() - oe.min()
antwoord_8b = "B"
"""
"""Bekende denkfout bij 8a: het bereik van de losse antwoorden, niet van de medewerkers."""


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
    "klanttools": {"antwoorden": {"antwoord_4": _KLANTTOOLS, "antwoord_8": _KLANTTOOLS_8}},
    "doorrekenen": {
        "antwoorden": {
            "antwoord_2": 'casus_a = "operational excellence"\ncasus_b = "operational excellence"'
            '\ncasus_c = "product leadership"\ncasus_d = "operational excellence"',
            "antwoord_4": 'df["discipline"] = df["stelling"].str[:2]\nprofielen = df.pivot_table('
            'index="bedrijf", columns="discipline", values="antwoord", aggfunc="sum")',
            "antwoord_8": _LOSSE_ANTWOORDEN_8,
        }
    },
}
VERWACHT = {
    "oplossing": AUTOMATISCH,
    "leeg": 0.0,
    "testcellen": 0.0,
    "controles": 0.0,
    "ingebouwd": 0.0,
    "klanttools": AUTOMATISCH - 13,  # vraag 4–6 en 8a kwijt, de rest blijft
    "doorrekenen": AUTOMATISCH - 4 - 1 - 3,  # 4, 2b en 8a fout; 5 en 6 doorgerekend
}


@pytest.fixture(scope="module")
def cursus(tmp_path_factory) -> dict:
    """Eén cursus: studentversie maken, alle inleveringen in één keer nakijken."""
    return nakijk_cursus(tmp_path_factory.mktemp("cursus2"), OPDRACHT, NOTEBOOK, INZENDINGEN)


def test_punten_kloppen_met_de_opzet():
    bron = lees_nb(BRON)
    punten = punten_per_cel(bron)
    assert sum(punten.values()) == TOTAAL
    assert sum(punten[g] for g in controlecellen(bron)) == AUTOMATISCH
    assert sum(punten[g] for g in MET_DE_HAND) == 13


@pytest.mark.parametrize("student", list(VERWACHT))
def test_autograde_geeft_de_verwachte_punten(cursus, student):
    punten = automatische_punten(cursus["scores"][student], cursus["bron"])
    assert sum(punten.values()) == VERWACHT[student], punten


def test_klanttools_waar_met_de_hand_moest_kost_precies_deel_b(cursus):
    punten = automatische_punten(cursus["scores"]["klanttools"], cursus["bron"])
    assert {g for g, p in punten.items() if p == 0} == set(MET_DE_HAND)
    for gid in MET_DE_HAND:
        tekst = celuitvoer(cursus, "klanttools", gid)
        assert "moest je met de hand uitrekenen" in tekst and "profiel" in tekst, tekst


def test_denkfouten_krijgen_hun_nederlandse_hint_en_doorrekenen_telt(cursus):
    assert "som in plaats van het gemiddelde" in celuitvoer(cursus, "doorrekenen", "test_4")
    assert "Vriendelijke, persoonlijke service" in celuitvoer(cursus, "doorrekenen", "test_2b")
    for gid in ("test_5", "test_6"):
        assert "Doorrekenen" in celuitvoer(cursus, "doorrekenen", gid)
    assert "bereik van de losse antwoorden" in celuitvoer(cursus, "doorrekenen", "test_8a")
    assert "Ingebouwde functies van Python zijn veranderd" in celuitvoer(
        cursus, "ingebouwd", "test_4"
    )


def test_studentversie_verklapt_niets(cursus, tmp_path):
    verklapt_bron_niets(cursus["release"], cursus["bron"])
    # De lege studentversie draait; geen uitvoer toont een profielwaarde of het antwoord op 6.
    uitvoer = draai_lege_studentversie(cursus, tmp_path)
    for waarde in sorted({round(float(x), 1) for x in PROFIELEN.to_numpy().ravel()}):
        for vorm in (f"{waarde:.1f}", f"{waarde:.1f}".replace(".", ",")):
            assert not re.search(rf"(?<![\d.,]){re.escape(vorm)}(?![\d])", uitvoer), vorm
