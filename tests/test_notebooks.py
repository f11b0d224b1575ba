"""De lesnotebooks in ``notebooks/``: ze draaien van boven naar beneden op een verse kernel.

Elk notebook wordt met nbclient uitgevoerd met de kernel ``python3`` van deze
Python-omgeving (de test controleert welke Python de kernel gebruikte):

- één keer met een lege tijdelijke map als werkmap: zo bewijzen we dat datapaden niet van
  de map van het notebook afhangen (nbgrader draait notebooks in ``release/``,
  ``autograded/`` …), en dat het notebook daar niets wegschrijft;
- één keer vanuit ``notebooks/`` zelf, zoals een student het opent;
- voor notebooks met controlevragen nog één keer met alle antwoorden ingevuld
  (:data:`OPLOSSINGEN`): dan moet elke controle "Goed!" zeggen. Zo merken we het als een
  antwoord niet meer klopt omdat de data of de rekenkern veranderde.

Geen enkele cel mag een fout of een waarschuwing (uitvoer op stderr) geven. In de gewone
run zijn alle controlevragen nog open en moet elke controle "Nog niet ingevuld" zeggen.

De uitvoertijd wordt geprint (zichtbaar met ``pytest -rP``), als JUnit-property
``uitvoertijd_s`` vastgelegd en bewaard in ``<testuitvoer>/notebooktijden.json`` (standaard
in de tijdelijke map van pytest; zie ``tests/conftest.py``).

Controlevragen (de afspraak voor elk lesnotebook): een korte, zichtbare codecel met de tag
``zelftoets`` importeert ``controleer`` uit ``klanttools.zelftoetsen.lesNN``; daar staan de
vragen (een :class:`~klanttools.nakijken.Zelftoets`), de goede antwoorden en de tips. De
student vult ``naam = None`` in en de cel roept ``controleer("vraag", naam)`` aan. In
Jupyter toont ``controleer`` een gekleurd blok met dezelfde tekst als ``text/plain`` erbij;
die tekst lezen de tests hier.
"""

from __future__ import annotations

import importlib
import json
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

MAP = Path(__file__).resolve().parent.parent
NOTEBOOKMAP = MAP / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKMAP.glob("*.ipynb"))

TIJDSLIMIET_PER_CEL = 180
"""Seconden die één cel mag duren voordat de test faalt."""

KERNEL = "python3"
TAG_ZELFTOETS = "zelftoets"

GOED = "Goed!"
NIET_INGEVULD = "Nog niet ingevuld"

OPLOSSINGEN: dict[str, dict[str, str]] = {
    "01-de-klant.ipynb": {
        "mijn_volgorde": '"DGBFAEC"',
        "aantal_b2b": "5",
        "situatie_1": '"suspect"',
        "situatie_2": '"prospect"',
        "situatie_3": '"lead"',
        "situatie_4": '"accountmanagement"',
        "begrip_1": '"klantinzicht"',
        "begrip_2": '"klantvriendelijkheid"',
        "begrip_3": '"klantgerichtheid"',
        "uitkomst_oordeel": "oordeel(5, 4)",
        "delight": '"B"',
        "plicht_melden": '"klant"',
    },
    "02-nps-meten.ipynb": {
        "aantal_promotors": "5",
        "aantal_passief": "3",
        "aantal_criticasters": "2",
        "mijn_nps": "30",
        "nps_met_lege": "(promotors - criticasters) / len(df) * 100",
        "significant_voorjaar_2026": '"nee"',
        "stijging": "round(als_achten_negens_waren.nps - zoals_gemeten.nps, 1)",
        "meting_webshop": '"voorjaar 2026"',
    },
    "03-strategie.ipynb": {
        "oe_betekenis": '"B"',
        "drempel_aantal": "3",
        "casus_1": '"operational excellence"',
        "casus_2": '"customer intimacy"',
        "casus_3": '"product leadership"',
        "crm_strategie": '"customer intimacy"',
        "hoogste_ci": '"Meerhorst Accountants"',
        "oe_prijsmaat": 'profielen.loc["Prijsmaat Bouwstoffen", "OE"]',
        "oneens_ci": 'spreiding["bereik"].idxmax()',
        "aantal_crm_fit": "2",
        "instrument": '"C"',
    },
    "04-technologie.ipynb": {
        "avg": '"B"',
        "v_snelheid": '"velocity"',
        "kwadrant_adres": '"gestructureerd-statisch"',
        "kwadrant_chat": '"ongestructureerd-dynamisch"',
        "datawarehouse": '"C"',
        "automation": '"A"',
        "rijen_over": "4",
        "bedrag_getal": "12000",
        "webshop_voor": 'aandeel_voor["webshop"]',
        "sector_meeste": '"Installatietechniek"',
        "schijnverband": '"C"',
    },
    "05-processen.ipynb": {
        "fase_situatie": '"lead"',
        "instroom": "math.ceil(15 / (0.2 * 0.5 * 0.25))",
        "leads_2025_aantal": 'leads_2025["datum_lead"].notna().sum()',
        "beste_bron": 'per_bron["klant_per_suspect"].idxmax()',
        "pull": '"B"',
        "sql_beslist": '"sales"',
        "regel_de_vries": '"knock-out"',
        "cutoff_zin": '"B"',
        "klantgroep_casus": '"Dog"',
        "schijnloyaal": '"Economicus"',
        "aantal_vrienden": "(hoog_relatie & ~hoog_koop).sum()",
        "aantal_a_orders": "(orders_ervoor < 0.8).sum()",
        "groothandel_rol": '"expert"',
    },
    "06-mensen.ipynb": {
        "kern_mensen": '"B"',
        "verkoper_wordt": '"relatiemanager"',
        "voordeel_team": '"B"',
        "team_bepaalt": '"B"',
        "rol_peter": '"beslisser"',
        "rol_johan": '"poortwachter"',
        "rol_lotte": '"initiatiefnemer"',
        "geen_stap": '"B"',
        "gedekt_met_jansen": "5",
        "gedekt_campus": 'met_contact["rol"].nunique()',
        "niet_in_beeld_okkerse": '"poortwachter"',
    },
}
"""Per notebook: de goede antwoorden, als Python-code op de plek van ``None``."""

# Een extra cel aan het eind (alleen in de kopie die de test draait): zegt welke Python de
# kernel gebruikte, zodat we zeker weten dat het die van deze omgeving is.
_CONTROLECEL = "import sys\nprint('KERNEL-PYTHON=' + sys.executable)"
_AANROEP = re.compile(r"^\s*controleer\(", re.MULTILINE)
_IMPORT_ZELFTOETS = re.compile(
    r"^from (klanttools\.zelftoetsen\.les\d\d) import controleer$", re.MULTILINE
)
MAX_REGELS_ZELFTOETSCEL = 5
"""De zelftoetscel importeert alleen; vragen en antwoorden horen in klanttools.zelftoetsen."""


def _id(pad: Path) -> str:
    return pad.stem


def _zelftoetscel(nb: nbformat.NotebookNode) -> nbformat.NotebookNode | None:
    for cel in nb.cells:
        if cel.cell_type == "code" and TAG_ZELFTOETS in cel.get("metadata", {}).get("tags", []):
            return cel
    return None


def _eis_zelftoetscel(pad: Path, nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Elke les heeft zelftoetsen (zie "Een nieuwe les maken" in de README)."""
    cel = _zelftoetscel(nb)
    assert cel is not None, (
        f"{pad.name} heeft geen zelftoetscel (codecel met de tag {TAG_ZELFTOETS!r}); elke les "
        "heeft zelftoetsen in klanttools/zelftoetsen/lesNN.py"
    )
    return cel


def _aantal_controles(nb: nbformat.NotebookNode) -> int:
    return sum(
        len(_AANROEP.findall(cel.source))
        for cel in nb.cells
        if cel.cell_type == "code" and cel is not _zelftoetscel(nb)
    )


def _vul_in(nb: nbformat.NotebookNode, antwoorden: dict[str, str]) -> None:
    """Vervang ``naam = None`` door ``naam = <antwoord>``; elke naam precies één keer."""
    gevonden = dict.fromkeys(antwoorden, 0)
    for cel in nb.cells:
        if cel.cell_type != "code":
            continue
        for naam, waarde in antwoorden.items():
            patroon = re.compile(rf"^{re.escape(naam)} = None\b", re.MULTILINE)
            cel.source, aantal = patroon.subn(f"{naam} = {waarde}", cel.source)
            gevonden[naam] += aantal
    fout = {naam: aantal for naam, aantal in gevonden.items() if aantal != 1}
    assert not fout, f"antwoordvariabelen niet precies één keer gevonden: {fout}"


def _uitvoeren(
    nb: nbformat.NotebookNode, werkmap: Path
) -> tuple[nbformat.NotebookNode, float, list[tuple[float, int]]]:
    """Voer het notebook uit in ``werkmap``; geef het notebook, de tijd en de celtijden."""
    nb.cells.append(nbformat.v4.new_code_cell(_CONTROLECEL))
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=TIJDSLIMIET_PER_CEL,
        allow_errors=True,  # fouten zelf verzamelen: dan zien we ze allemaal tegelijk
        record_timing=True,
        resources={"metadata": {"path": str(werkmap)}},
    )
    start = time.perf_counter()
    client.execute()
    duur = time.perf_counter() - start

    celtijden = []
    for nummer, cel in enumerate(nb.cells[:-1], start=1):
        tijd = cel.get("metadata", {}).get("execution", {})
        begin, eind = tijd.get("iopub.execute_input"), tijd.get("shell.execute_reply")
        if cel.cell_type == "code" and begin and eind:
            sec = (datetime.fromisoformat(eind) - datetime.fromisoformat(begin)).total_seconds()
            celtijden.append((sec, nummer))
    return nb, duur, sorted(celtijden, reverse=True)


def _tekst(nb: nbformat.NotebookNode) -> str:
    """Alle tekstuitvoer van het notebook (stdout en ``text/plain`` van display) als één tekst.

    ``controleer`` toont in een kernel een display-bericht (HTML met ``text/plain``), geen
    print; elk bericht komt hier op een eigen regel.
    """
    stukken = []
    for cel in nb.cells:
        if cel.cell_type != "code":
            continue
        for uit in cel.get("outputs", []):
            if uit.output_type == "stream" and uit.name == "stdout":
                stukken.append(uit.get("text", ""))
            elif uit.output_type == "display_data" and "text/plain" in uit.get("data", {}):
                stukken.append(uit.data["text/plain"] + "\n")
    return "".join(stukken)


def _problemen(nb: nbformat.NotebookNode) -> list[str]:
    """Fouten en waarschuwingen in de uitvoer, met het celnummer en de eerste regel code."""
    gevonden = []
    for nummer, cel in enumerate(nb.cells, start=1):
        if cel.cell_type != "code":
            continue
        kop = cel.source.splitlines()[0] if cel.source else ""
        for uit in cel.get("outputs", []):
            if uit.output_type == "error":
                gevonden.append(f"cel {nummer} ({kop!r}): {uit.ename}: {uit.evalue}")
            elif uit.output_type == "stream" and uit.name == "stderr":
                gevonden.append(f"cel {nummer} ({kop!r}) schrijft naar stderr: {uit.text.strip()}")
    return gevonden


def _controleer_kernel(nb: nbformat.NotebookNode) -> None:
    laatste = "".join(u.get("text", "") for u in nb.cells[-1].get("outputs", []))
    assert f"KERNEL-PYTHON={sys.executable}" in laatste, (
        f"de kernel gebruikte een andere Python dan {sys.executable}: {laatste.strip()!r}"
    )


def _bewaar_tijd(map_: Path, naam: str, soort: str, duur: float) -> None:
    bestand = map_ / "notebooktijden.json"
    try:
        tijden = json.loads(bestand.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        tijden = {}
    tijden.setdefault(naam, {})[soort] = round(duur, 2)
    bestand.write_text(json.dumps(tijden, indent=2, sort_keys=True) + "\n", encoding="utf-8")


@pytest.fixture
def zonder_eigen_datamap(monkeypatch):
    """De data moet uit het pakket komen, niet uit een map in een omgevingsvariabele."""
    monkeypatch.delenv("KLANTTOOLS_DATA", raising=False)


@pytest.mark.traag
@pytest.mark.usefixtures("zonder_eigen_datamap")
@pytest.mark.parametrize("werkmap", ["tijdelijke-map", "notebooks"])
@pytest.mark.parametrize("pad", NOTEBOOKS, ids=_id)
def test_notebook_draait_zonder_fouten(pad, werkmap, tmp_path, record_property, testuitvoer):
    if werkmap == "tijdelijke-map":
        map_ = tmp_path / "leeg"
        map_.mkdir()
    else:
        # Zoals een student het opent: vanuit de map met de lesnotebooks. Dat is een kopie
        # van notebooks/, zodat de testrun niets in de checkout kan schrijven.
        map_ = tmp_path / "notebooks"
        shutil.copytree(NOTEBOOKMAP, map_, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    voor = sorted(p.relative_to(map_) for p in map_.rglob("*"))
    nb, duur, celtijden = _uitvoeren(nbformat.read(pad, as_version=4), map_)

    problemen = _problemen(nb)
    assert not problemen, f"{pad.name} (werkmap {werkmap}):\n" + "\n".join(problemen)
    _controleer_kernel(nb)
    na = sorted(p.relative_to(map_) for p in map_.rglob("*"))
    assert na == voor, f"het notebook schreef bestanden in de werkmap: {set(na) - set(voor)}"

    # Niets ingevuld: elke controle zegt dat, en geen enkele zegt "Goed!".
    tekst = _tekst(nb)
    assert GOED not in tekst
    assert tekst.count(NIET_INGEVULD) == _aantal_controles(nb)

    traagste = ", ".join(f"cel {n}: {s:.1f} s" for s, n in celtijden[:3])
    print(f"\n{pad.name} (werkmap {werkmap}): {duur:.1f} s; traagste cellen: {traagste}")
    record_property("uitvoertijd_s", round(duur, 2))
    _bewaar_tijd(testuitvoer, pad.name, werkmap, duur)


@pytest.mark.traag
@pytest.mark.usefixtures("zonder_eigen_datamap")
@pytest.mark.parametrize("pad", NOTEBOOKS, ids=_id)
def test_notebook_met_alle_antwoorden_ingevuld_zegt_overal_goed(pad, tmp_path, testuitvoer):
    nb = nbformat.read(pad, as_version=4)
    _eis_zelftoetscel(pad, nb)
    assert pad.name in OPLOSSINGEN, f"zet de goede antwoorden van {pad.name} in OPLOSSINGEN"
    _vul_in(nb, OPLOSSINGEN[pad.name])
    nb, duur, _ = _uitvoeren(nb, tmp_path)

    problemen = _problemen(nb)
    assert not problemen, f"{pad.name} (ingevuld):\n" + "\n".join(problemen)
    regels = [r for r in _tekst(nb).splitlines() if r.startswith(("Goed!", "Nog niet"))]
    fout = [r for r in regels if r != GOED]
    assert not fout, "controles die het goede antwoord afkeuren:\n" + "\n".join(fout)
    assert len(regels) == _aantal_controles(nb)
    _bewaar_tijd(testuitvoer, pad.name, "ingevuld", duur)


def _zelftoets_van(pad: Path):
    """De :class:`~klanttools.nakijken.Zelftoets` die de zelftoetscel van het notebook importeert."""
    nb = nbformat.read(pad, as_version=4)
    cel = _eis_zelftoetscel(pad, nb)
    gevonden = _IMPORT_ZELFTOETS.search(cel.source)
    assert gevonden, (
        f"{pad.name}: de zelftoetscel moet 'from klanttools.zelftoetsen.lesNN import controleer' "
        f"bevatten, niet:\n{cel.source}"
    )
    module = importlib.import_module(gevonden.group(1))
    assert module.controleer == module.toets.controleer
    return module.toets


@pytest.mark.parametrize("pad", NOTEBOOKS, ids=_id)
def test_zelftoetscel_is_kort_en_zichtbaar(pad):
    nb = nbformat.read(pad, as_version=4)
    cel = _eis_zelftoetscel(pad, nb)
    assert not cel.metadata.get("jupyter", {}).get("source_hidden"), "zelftoetscel is ingeklapt"
    regels = [r for r in cel.source.splitlines() if r.strip()]
    assert len(regels) <= MAX_REGELS_ZELFTOETSCEL, (
        f"{pad.name}: de zelftoetscel heeft {len(regels)} regels; zet vragen en antwoorden in "
        "klanttools/zelftoetsen/lesNN.py"
    )


@pytest.mark.parametrize("pad", NOTEBOOKS, ids=_id)
def test_zelftoets_is_consistent(pad):
    toets = _zelftoets_van(pad)
    nb = nbformat.read(pad, as_version=4)
    gebruikt = set(re.findall(r'^\s*controleer\("(\w+)"', _alle_code(nb), re.MULTILINE))
    assert gebruikt == set(toets.vragen), (
        f"vragen zonder controle-aanroep: {sorted(set(toets.vragen) - gebruikt)}; "
        f"aanroepen zonder vraag: {sorted(gebruikt - set(toets.vragen))}"
    )
    for sleutel, vraag in toets.vragen.items():
        assert toets.beoordeel(sleutel, None).tekst.startswith(NIET_INGEVULD), sleutel
        if vraag.controle is not None:
            continue  # een controle uit klanttools.nakijken: getest in de ingevulde run
        assert toets.beoordeel(sleutel, vraag.verwacht).tekst == GOED, sleutel
        for fout, hint in vraag.fouten.items():
            uitslag = toets.beoordeel(sleutel, fout)
            assert uitslag.goed is False and hint in uitslag.tekst, (sleutel, fout, uitslag)


def _alle_code(nb: nbformat.NotebookNode) -> str:
    return "\n".join(cel.source for cel in nb.cells if cel.cell_type == "code")


@pytest.mark.parametrize("pad", NOTEBOOKS, ids=_id)
def test_notebook_heeft_leerdoelen_samenvatting_en_kernel(pad):
    nb = nbformat.read(pad, as_version=4)
    nbformat.validate(nb)
    koppen = [
        regel.lstrip("#").strip().lower()
        for cel in nb.cells
        if cel.cell_type == "markdown"
        for regel in cel.source.splitlines()
        if regel.startswith("#")
    ]
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    assert any(k.startswith("leerdoelen") for k in koppen), "geen kop 'Leerdoelen'"
    assert any("samenvatting" in k for k in koppen), "geen kop met 'Samenvatting'"
    assert nb.metadata.get("kernelspec", {}).get("name") == KERNEL


MAX_CELLEN = 60
"""Een les is hooguit ongeveer 60 cellen (ongeveer een uur); anders splitsen (README)."""


@pytest.mark.parametrize("pad", NOTEBOOKS, ids=_id)
def test_les_volgt_het_patroon(pad):
    """Het patroon uit docs/nieuwe-les.md: kort genoeg, grafieken via klanttools.grafieken."""
    nb = nbformat.read(pad, as_version=4)
    assert len(nb.cells) <= MAX_CELLEN, f"{pad.name}: {len(nb.cells)} cellen; splits de les"
    code = _alle_code(nb)
    for verboden in ("import matplotlib", "import seaborn", "plt.", "sns.", ".plot("):
        assert verboden not in code, f"{pad.name}: {verboden!r}; teken via klanttools.grafieken"
    tekst = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for fout in ("ego-streling", "Ego-streling"):
        assert fout not in tekst, fout
    assert not re.search(r"\bu\b(?! \[naam)", tekst.replace("dat u [", "")), (
        f"{pad.name}: 'u' in de tekst; de kit zegt 'je'"
    )


def test_notebooks_opgemaakt_met_ruff():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    uit = subprocess.run(
        [ruff, "format", "--check", "notebooks"], cwd=MAP, capture_output=True, text=True
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr
