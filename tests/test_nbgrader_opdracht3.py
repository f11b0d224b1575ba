"""Opdracht 3 (Technologie) kijkt zichzelf na: één echte ``nbgrader autograde``-run, geen mocks.

Eén kopie van ``exercises/`` voor de hele module: ``generate_assignment``, dan acht
inleveringen (modeloplossing, leeg, vervangen testcellen, vervangen controles, vervangen
ingebouwde functie, ingetypte getallen waar gerekend moest, bedragen verkeerd omgezet,
doorrekenen met een eigen foute tabel en reeks) in één ``autograde``. Daarnaast: de lege studentversie draait en verklapt geen
nagekeken waarde. De juiste waarden rekent deze module zelf uit de CSV's (pandas, zonder
klanttools).
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

OPDRACHT = "opdracht3-technologie"
NOTEBOOK = "technologie.ipynb"
BRON = MAP / "exercises" / "source" / OPDRACHT / NOTEBOOK
TOTAAL, AUTOMATISCH = 30.0, 24.0
PER_LEERDOEL = {
    1: ("test_1a", "test_1b"),
    2: ("test_2a", "test_2b", "test_2c", "test_2d", "test_3a", "test_3b", "test_4"),
    3: ("test_5", "taak_11"),
    4: ("test_6a", "test_6b"),
    5: ("test_7", "test_8", "test_9", "test_10a", "test_10b"),
}
"""De cellen met punten per leerdoel van eenheid 3 (zie docs/nieuwe-les.md)."""

# --- eigen rekenwerk: de nagekeken waarden, zonder klanttools ----------------------------

_DATA = MAP / "data"
_RUW = pd.read_csv(_DATA / "orders_ruw.csv", sep=";", dtype=str)
_ORDERS = pd.read_csv(_DATA / "orders.csv", parse_dates=["datum"])
_ACCOUNTS = pd.read_csv(_DATA / "accounts.csv")
_SCHOON = _RUW.drop_duplicates().dropna(subset=["bedrag"])
_BEDRAG = _SCHOON["bedrag"].str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
_NA = _ORDERS[_ORDERS["datum"] >= pd.Timestamp(2026, 2, 1)].groupby("kanaal")["bedrag"].sum()
_SEGMENT = _ORDERS.merge(_ACCOUNTS, on="account_id").groupby("segment")["bedrag"].sum()
GETALLEN = {
    "aantal_schoon": len(_SCHOON),
    "totaal_september": _BEDRAG.astype(float).sum(),
    "aandeel_webshop": _NA["webshop"] / _NA.sum() * 100,
    "r_marge": _ACCOUNTS["omzet"].corr(_ACCOUNTS["marge"]),
    **{f"omzet_na {k}": v for k, v in _NA.items()},
    **{f"segment {k}": v for k, v in _SEGMENT.items()},
}
"""Alle nagekeken getallen (de lege studentversie mag er geen van tonen)."""

# --- de inleveringen ------------------------------------------------------------------------

FOUT = {
    "antwoord_1": 'antwoord_1a = "A"\nantwoord_1b = "A"',
    "antwoord_2": 'data_a = "ongestructureerd-dynamisch"\ndata_b = "gestructureerd-statisch"\n'
    'data_c = "gestructureerd-statisch"\ndata_d = "gestructureerd-statisch"',
    "antwoord_3": 'v_a = "volume"\nv_b = "volume"',
    "antwoord_4": 'antwoord_4 = "A"',
    "antwoord_5": 'antwoord_5 = "B"',
    "antwoord_6": 'schoon = ruw.dropna().copy()\nschoon["bedrag"] = 1000.0\n'
    "aantal_schoon = len(ruw)\ntotaal_september = 5.0",
    "antwoord_7": 'omzet_na = orders.groupby("kanaal")["bedrag"].mean()',
    "antwoord_8": "aandeel_webshop = 50.0",
    "antwoord_9": 'omzet_per_segment = orders.groupby("kanaal")["bedrag"].sum()',
    "antwoord_10": 'r_marge = accounts["omzet"].corr(accounts["groei"])\nantwoord_10b = "C"',
}
"""Overal een antwoord van de goede vorm, maar steeds fout (en niet doorgerekend)."""

_KNOEI_CONTROLES = knoei_controles(
    """
klanttools.datasets.laad = lambda *a, **k: pd.DataFrame({"bedrag": [1.0]})
"""
)

_INGETYPT = (
    f"schoon = ruw.copy()\naantal_schoon = {GETALLEN['aantal_schoon']}\n"
    f"totaal_september = {GETALLEN['totaal_september']:.2f}"
)


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
    "ingetypt": {
        "antwoorden": {
            "antwoord_6": _INGETYPT,
            "antwoord_10": f'r_marge = {GETALLEN["r_marge"]:.3f}\nantwoord_10b = "B"',
        }
    },
    "bedragfout": {
        "antwoorden": {
            "antwoord_6": 'schoon = ruw.drop_duplicates().dropna(subset=["bedrag"]).copy()\n'
            'schoon["bedrag"] = pd.to_numeric(schoon["bedrag"].str.replace(",", "", regex=False))\n'
            'aantal_schoon = len(schoon)\ntotaal_september = schoon["bedrag"].sum()',
        }
    },
    "doorrekenen": {
        "antwoorden": {
            "antwoord_6": 'schoon = ruw.dropna(subset=["bedrag"]).copy()\n'
            'schoon["kanaal"] = schoon["kanaal"].fillna("onbekend")\n'
            'schoon["bedrag"] = pd.to_numeric(schoon["bedrag"].str.replace(".", "", regex=False)'
            '.str.replace(",", ".", regex=False))\n'
            'aantal_schoon = len(schoon)\ntotaal_september = schoon["bedrag"].sum()',
            "antwoord_7": 'omzet_na = orders.groupby("kanaal")["bedrag"].sum()',
        }
    },
}
VERWACHT = {
    "oplossing": AUTOMATISCH,
    "leeg": 0.0,
    "testcellen": 0.0,
    "controles": 0.0,
    "ingebouwd": 0.0,
    "ingetypt": AUTOMATISCH - 4 - 2,  # vraag 6a, 6b en 10a: ingetypt, niet uitgerekend
    "bedragfout": AUTOMATISCH - 2,  # 6b: de punt als decimaalteken gelezen, geen doorrekenen
    "doorrekenen": AUTOMATISCH - 2 - 3,  # 6a en 7 fout; 6b en 8 doorgerekend
}


@pytest.fixture(scope="module")
def cursus(tmp_path_factory) -> dict:
    """Eén cursus: studentversie maken, alle inleveringen in één keer nakijken."""
    return nakijk_cursus(tmp_path_factory.mktemp("cursus3"), OPDRACHT, NOTEBOOK, INZENDINGEN)


def test_punten_kloppen_met_de_opzet():
    bron = lees_nb(BRON)
    punten = punten_per_cel(bron)
    assert sum(punten.values()) == TOTAAL
    assert sum(punten[g] for g in controlecellen(bron)) == AUTOMATISCH
    assert sorted(g for gids in PER_LEERDOEL.values() for g in gids) == sorted(punten)
    per_doel = {d: sum(punten[g] for g in gids) for d, gids in PER_LEERDOEL.items()}
    assert per_doel == {1: 2, 2: 7, 3: 7, 4: 4, 5: 10}


@pytest.mark.parametrize("student", list(VERWACHT))
def test_autograde_geeft_de_verwachte_punten(cursus, student):
    punten = automatische_punten(cursus["scores"][student], cursus["bron"])
    assert sum(punten.values()) == VERWACHT[student], punten


def test_ingetypte_getallen_kosten_precies_die_vragen(cursus):
    punten = automatische_punten(cursus["scores"]["ingetypt"], cursus["bron"])
    assert {g for g, p in punten.items() if p == 0} == {"test_6a", "test_6b", "test_10a"}
    assert "ingetypt getal telt niet als uitgerekend" in celuitvoer(cursus, "ingetypt", "test_6a")


def test_denkfouten_krijgen_hun_nederlandse_hint_en_doorrekenen_telt(cursus):
    assert "De dubbele rijen zitten er nog in" in celuitvoer(cursus, "doorrekenen", "test_6a")
    assert "alle twaalf maanden" in celuitvoer(cursus, "doorrekenen", "test_7")
    assert "veel te klein" in celuitvoer(cursus, "bedragfout", "test_6b")
    for gid in ("test_6b", "test_8"):
        assert "Doorrekenen" in celuitvoer(cursus, "doorrekenen", gid)
    assert "Ingebouwde functies van Python zijn veranderd" in celuitvoer(
        cursus, "ingebouwd", "test_7"
    )


def test_studentversie_verklapt_niets(cursus, tmp_path):
    verklapt_bron_niets(cursus["release"], cursus["bron"], overslaan=lambda regel: len(regel) <= 3)
    # De lege studentversie draait; geen uitvoer toont een nagekeken getal.
    uitvoer = draai_lege_studentversie(cursus, tmp_path)
    for naam, waarde in GETALLEN.items():
        vormen = {f"{waarde:.2f}", f"{waarde:.1f}", f"{waarde:.2f}".replace(".", ",")}
        if abs(waarde) >= 1000:
            vormen |= {f"{waarde:.0f}", f"{waarde:,.0f}".replace(",", ".")}
        for vorm in vormen:
            assert not re.search(rf"(?<![\d.,]){re.escape(vorm)}(?![\d])", uitvoer), (naam, vorm)
