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
import shutil

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient
from nbgrader_hulp import (
    MAP,
    cel_per_id,
    controlecellen,
    draai,
    kopieer_cursus,
    lees_nb,
    maak_inzending,
    oplossing_uit_bron,
    punten_per_cel,
    schrijf_nb,
    scores_uit_db,
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

_KNOEI_CONTROLES = """
import pandas as pd
import klanttools.datasets
import klanttools.nakijken
import klanttools.nakijken._controles

def _niets(*args, **kwargs):
    return None

for _module in (klanttools.nakijken, klanttools.nakijken._controles):
    for _naam in dir(_module):
        if _naam.startswith("controleer"):
            setattr(_module, _naam, _niets)
controleer_is_getal = controleer_keuze_letter = controleer_keuze_woord = _niets
klanttools.datasets.laad = lambda *a, **k: pd.DataFrame({"bedrag": [1.0]})
"""

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
    map_ = kopieer_cursus(tmp_path_factory.mktemp("cursus3"))
    draai(["nbgrader", "generate_assignment", OPDRACHT, "--force"], map_)
    bron, release = lees_nb(BRON), lees_nb(map_ / "release" / OPDRACHT / NOTEBOOK)
    for student, opties in INZENDINGEN.items():
        nb = maak_inzending(release, bron, **opties)
        schrijf_nb(nb, map_ / "submitted" / student / OPDRACHT / NOTEBOOK)
    draai(["nbgrader", "autograde", OPDRACHT], map_)
    return {
        "map": map_,
        "bron": bron,
        "release": release,
        "scores": scores_uit_db(map_ / "gradebook.db", OPDRACHT),
    }


def _automatisch(scores: dict[str, float | None], bron: dict) -> dict[str, float]:
    return {gid: scores.get(gid) or 0.0 for gid in controlecellen(bron)}


def _uitvoer(cursus: dict, student: str, gid: str) -> str:
    nb = lees_nb(cursus["map"] / "autograded" / student / OPDRACHT / NOTEBOOK)
    cel = cel_per_id(nb)[gid]
    stukken = []
    for uit in cel.get("outputs", []):
        tekst = uit.get("text", "")
        stukken.append("".join(tekst) if isinstance(tekst, list) else tekst)
        stukken.append(str(uit.get("evalue", "")))
        stukken.extend(
            "".join(t) if isinstance(t, list) else t for t in uit.get("data", {}).values()
        )
    return "\n".join(stukken)


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
    punten = _automatisch(cursus["scores"][student], cursus["bron"])
    assert sum(punten.values()) == VERWACHT[student], punten


def test_ingetypte_getallen_kosten_precies_die_vragen(cursus):
    punten = _automatisch(cursus["scores"]["ingetypt"], cursus["bron"])
    assert {g for g, p in punten.items() if p == 0} == {"test_6a", "test_6b", "test_10a"}
    assert "ingetypt getal telt niet als uitgerekend" in _uitvoer(cursus, "ingetypt", "test_6a")


def test_denkfouten_krijgen_hun_nederlandse_hint_en_doorrekenen_telt(cursus):
    assert "De dubbele rijen zitten er nog in" in _uitvoer(cursus, "doorrekenen", "test_6a")
    assert "alle twaalf maanden" in _uitvoer(cursus, "doorrekenen", "test_7")
    assert "veel te klein" in _uitvoer(cursus, "bedragfout", "test_6b")
    for gid in ("test_6b", "test_8"):
        assert "Doorrekenen" in _uitvoer(cursus, "doorrekenen", gid)
    assert "Ingebouwde functies van Python zijn veranderd" in _uitvoer(
        cursus, "ingebouwd", "test_7"
    )


def test_studentversie_verklapt_niets(cursus, tmp_path):
    release = cursus["release"]
    tekst = "\n".join(
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in release["cells"]
    )
    for verboden in ("BEGIN SOLUTION", "BEGIN HIDDEN", "MARK SCHEME", "Voorbeeldantwoord"):
        assert verboden not in tekst
    for gid, cel in cel_per_id(cursus["bron"]).items():
        if cel["metadata"]["nbgrader"].get("solution") and cel["cell_type"] == "code":
            bron = "".join(cel["source"]) if isinstance(cel["source"], list) else cel["source"]
            for regel in oplossing_uit_bron(bron).splitlines():
                if len(regel.strip()) > 3:
                    assert regel.strip() not in tekst, (gid, regel)
    # De lege studentversie draait; geen uitvoer toont een nagekeken getal.
    shutil.copy(cursus["map"] / "release" / OPDRACHT / NOTEBOOK, tmp_path / NOTEBOOK)
    nb = nbformat.read(tmp_path / NOTEBOOK, as_version=4)
    NotebookClient(
        nb,
        kernel_name="python3",
        timeout=120,
        allow_errors=True,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    uitvoer = "\n".join(
        str(u.get("text", "")) + str(u.get("data", {}).get("text/plain", ""))
        for c in nb.cells
        if c.cell_type == "code"
        for u in c.get("outputs", [])
    )
    fouten = [
        u.evalue
        for c in nb.cells
        if c.cell_type == "code"
        for u in c.get("outputs", [])
        if u.output_type == "error"
    ]
    assert fouten and all("Nog geen antwoord" in f or "is not defined" in f for f in fouten), fouten
    for naam, waarde in GETALLEN.items():
        vormen = {f"{waarde:.2f}", f"{waarde:.1f}", f"{waarde:.2f}".replace(".", ",")}
        if abs(waarde) >= 1000:
            vormen |= {f"{waarde:.0f}", f"{waarde:,.0f}".replace(",", ".")}
        for vorm in vormen:
            assert not re.search(rf"(?<![\d.,]){re.escape(vorm)}(?![\d])", uitvoer), (naam, vorm)
