"""De studentversie: wat erin staat, en vooral wat er nooit in mag staan.

De geheimen komen uit de docentenversie van elke opdracht in ``exercises/source/``
(oplossingen, verborgen tests, beoordelingsmodel, antwoordsleutels), niet uit een lijst
in deze test: een nieuwe of herschreven opdracht wordt vanzelf meegenomen.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from klanttools.studentenversie import bouw, lessen, opdrachten
from klanttools.studentenversie.geheimen import (
    GRENSREGEL,
    geheime_regels,
    geheime_stukken,
    sleutels,
    zoek_lekken,
)

pytestmark = pytest.mark.traag

MAP = Path(__file__).resolve().parents[1]
BRONNEN = sorted((MAP / "exercises" / "source").rglob("*.ipynb"))


def _nb(pad: Path) -> dict:
    return json.loads(Path(pad).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def editie(tmp_path_factory):
    return bouw(MAP, tmp_path_factory.mktemp("uitdelen") / "studentenversie")


@pytest.fixture(scope="module")
def geheimen():
    regels, sleutel = set(), set()
    for bron in BRONNEN:
        regels |= geheime_regels(_nb(bron))
        sleutel |= sleutels(_nb(bron))
    return regels, sleutel


def test_er_zijn_geheimen_om_te_zoeken(geheimen):
    regels, sleutel = geheimen
    assert BRONNEN, "geen opdracht in exercises/source/"
    soorten = {soort for bron in BRONNEN for _, soort, _ in geheime_stukken(_nb(bron))}
    assert soorten == {"oplossing", "verborgen test", "beoordelingsmodel"}
    assert len(regels) >= 10
    assert sleutel  # de meerkeuzevragen


def test_studentversie_bevat_elke_les_en_elke_opdracht(editie):
    werkmap = editie.map / "werkmap"
    assert sorted(p.name for p in (werkmap / "lessen").glob("*.ipynb")) == [
        p.name for p in lessen(MAP)
    ]
    for les in lessen(MAP):
        assert (werkmap / "lessen" / les.name).read_bytes() == les.read_bytes()
    assert sorted(p.name for p in (werkmap / "opdrachten").iterdir()) == opdrachten(MAP)
    for bron in BRONNEN:
        rel = bron.relative_to(MAP / "exercises" / "source")
        uitgedeeld = _nb(werkmap / "opdrachten" / rel)
        ids_bron = [c["metadata"].get("nbgrader", {}).get("grade_id") for c in _nb(bron)["cells"]]
        assert [c["metadata"].get("nbgrader", {}).get("grade_id") for c in uitgedeeld["cells"]] == (
            ids_bron
        )
    for naam in ("LEESMIJ.md", "kit.py", ".kit/editie.json", "werkmap/data/README.md"):
        assert (editie.map / naam).is_file(), naam
    assert (editie.map / "jupyter" / "lab" / "settings" / "page_config.json").is_file()
    assert list((editie.map / ".kit").glob("klanttools-*.whl"))


def test_antwoordcellen_zijn_de_nederlandse_stub(editie):
    for bron in BRONNEN:
        rel = bron.relative_to(MAP / "exercises" / "source")
        for cel in _nb(editie.map / "werkmap" / "opdrachten" / rel)["cells"]:
            meta = cel["metadata"].get("nbgrader", {})
            if meta.get("solution") and cel["cell_type"] == "code":
                assert "SCHRIJF HIER JE ANTWOORD" in "".join(cel["source"])


def test_niets_geheims_in_map_en_zip(editie, geheimen):
    regels, sleutel = geheimen
    assert zoek_lekken(editie.map, regels, sleutel) == []
    assert zoek_lekken(editie.zip, regels, sleutel) == []


def test_map_en_zip_hebben_dezelfde_bestanden(editie):
    in_map = {
        p.relative_to(editie.map.parent).as_posix() for p in editie.map.rglob("*") if p.is_file()
    }
    with zipfile.ZipFile(editie.zip) as z:
        in_zip = {n for n in z.namelist() if not n.endswith("/")}
    assert in_map == in_zip
    assert not any(
        deel in {"tests", "source", "benchmarks", "gradebook.db", "exercises"}
        for naam in in_zip
        for deel in naam.split("/")
    )


def test_de_zoeker_vindt_een_gelekte_docentenversie(editie, geheimen, tmp_path):
    """Zonder dit bewijs zou een lege uitkomst hierboven niets zeggen."""
    regels, sleutel = geheimen
    kopie = tmp_path / "lek"
    shutil.copytree(editie.map, kopie)
    doel = kopie / "werkmap" / "opdrachten" / BRONNEN[0].name
    shutil.copy2(BRONNEN[0], doel)
    lekken = zoek_lekken(kopie, regels, sleutel)
    assert lekken and all(lek.startswith(f"werkmap/opdrachten/{BRONNEN[0].name}") for lek in lekken)
    # Alleen de oplossing, zonder grensregels, in een gewoon tekstbestand: ook gevonden.
    doel.unlink()
    oplossing = [r for b in BRONNEN for _, s, r in geheime_stukken(_nb(b)) if s == "oplossing"]
    (kopie / "spiekbrief.txt").write_text("\n".join(oplossing), encoding="utf-8")
    assert zoek_lekken(kopie, regels, sleutel)
    assert not any(GRENSREGEL.search(r) for r in oplossing)


def test_bouw_weigert_een_volle_doelmap_en_een_map_in_de_kit(tmp_path):
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "iets.txt").write_text("x")
    with pytest.raises(FileExistsError, match="niet leeg"):
        bouw(MAP, tmp_path / "vol")
    with pytest.raises(ValueError, match="in de kit zelf"):
        bouw(MAP, MAP / "notebooks" / "uitdelen")


def test_studentversie_staat_nooit_in_git():
    for naam in ("studentenversie", "studentenversie-2026", "studentenversie.zip"):
        uit = subprocess.run(["git", "check-ignore", "-q", naam], cwd=MAP)
        assert uit.returncode == 0, f"{naam} staat niet in .gitignore"


def _kit(map_: Path, *argumenten: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(map_ / "kit.py"), *argumenten], capture_output=True, text=True
    )


def test_kit_in_de_studentversie_kent_alleen_start(editie):
    hulp = _kit(editie.map, "--help")
    assert hulp.returncode == 0
    assert "kit.py start" in hulp.stdout and "py kit.py start" in hulp.stdout
    assert "docent" not in hulp.stdout and "studentenversie" not in hulp.stdout
    fout = _kit(editie.map, "test")
    assert fout.returncode == 2
    assert "onbekend commando 'test'" in fout.stderr and "start" in fout.stderr
