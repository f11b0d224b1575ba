"""Hulp voor de nbgrader-tests en de benchmark: een cursuskopie, inleveringen, de README.

Alles werkt op een **kopie** van ``exercises/`` in een tijdelijke map, nooit in de
repository zelf.

Examples
--------
>>> oplossing_uit_bron("x = 1\\n### BEGIN SOLUTION\\ny = 2\\n### END SOLUTION")
'x = 1\\ny = 2'
>>> [b.taal for b in readme_blokken("Tekst\\n```bash\\nls\\n```\\n```csv\\na,b\\n```\\n")]
['bash', 'csv']
"""

from __future__ import annotations

import ast
import copy
import html
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from klanttools.studentenversie import _WERKBESTANDEN

__all__ = [
    "MAP",
    "WERKBESTANDEN",
    "NOTEBOOK",
    "OPDRACHT",
    "Blok",
    "automatische_punten",
    "cel_per_id",
    "celuitvoer",
    "draai",
    "feedback_tekst",
    "fout_antwoord",
    "kopieer_cursus",
    "lees_nb",
    "maak_inzending",
    "omgeving",
    "oplossing_uit_bron",
    "punten_per_cel",
    "readme_blokken",
    "schrijf_nb",
    "controlecellen",
    "draai_lege_studentversie",
    "nakijk_cursus",
    "verklapt_bron_niets",
]

MAP = Path(__file__).resolve().parents[1]
"""De hoofdmap van de kit."""

OPDRACHT = "opdracht1-nps"
NOTEBOOK = "nps-analyse.ipynb"

_BIN = Path(sys.executable).parent


def omgeving(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Omgevingsvariabelen alsof .venv geactiveerd is (nbgrader roept ``alembic`` aan)."""
    env = dict(os.environ)
    env["PATH"] = str(_BIN) + os.pathsep + env.get("PATH", "")
    env["VIRTUAL_ENV"] = str(_BIN.parent)
    env.pop("PYTHONPATH", None)
    env["PYTHONWARNINGS"] = "ignore::DeprecationWarning"
    env.update(extra or {})
    return env


def draai(
    commando: list[str] | str,
    cwd: Path,
    *,
    env: Mapping[str, str] | None = None,
    controleer: bool = True,
    shell: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Draai een commando; bij een fout komt de volledige uitvoer in de melding."""
    uit = subprocess.run(
        commando,
        cwd=cwd,
        env=dict(env) if env is not None else omgeving(),
        capture_output=True,
        text=True,
        shell=shell,
        executable="/bin/bash" if shell else None,
    )
    if controleer and uit.returncode != 0:
        raise AssertionError(
            f"commando faalde ({uit.returncode}): {commando}\n--- stdout ---\n{uit.stdout}"
            f"\n--- stderr ---\n{uit.stderr}"
        )
    return uit


WERKBESTANDEN = _WERKBESTANDEN
"""Wat nbgrader of de docent in ``exercises/`` maakt (niet in git, niet mee kopiëren);
dezelfde lijst als de studentversie gebruikt."""


def kopieer_cursus(doel: Path) -> Path:
    """Kopieer de nbgrader-cursus zoals hij in git staat naar ``doel`` en geef die map."""
    shutil.copytree(
        MAP / "exercises", doel, ignore=shutil.ignore_patterns(*WERKBESTANDEN), dirs_exist_ok=True
    )
    return doel


def lees_nb(pad: Path) -> dict[str, Any]:
    """Lees een notebook als gewone dict (JSON)."""
    return json.loads(Path(pad).read_text(encoding="utf-8"))


def schrijf_nb(nb: Mapping[str, Any], pad: Path) -> None:
    """Schrijf een notebook (maakt de map aan)."""
    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")


def _bron(cel: Mapping[str, Any]) -> str:
    bron = cel.get("source", "")
    return "".join(bron) if isinstance(bron, list) else bron


def _nbgrader(cel: Mapping[str, Any]) -> dict[str, Any]:
    return cel.get("metadata", {}).get("nbgrader", {})


def cel_per_id(nb: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Cellen met nbgrader-metadata, op ``grade_id``."""
    return {_nbgrader(c)["grade_id"]: c for c in nb["cells"] if _nbgrader(c).get("grade_id")}


def controlecellen(nb: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """De automatisch nagekeken controlecellen (code, ``grade`` en niet ``solution``)."""
    return {
        gid: c
        for gid, c in cel_per_id(nb).items()
        if c["cell_type"] == "code" and _nbgrader(c).get("grade") and not _nbgrader(c)["solution"]
    }


def punten_per_cel(nb: Mapping[str, Any]) -> dict[str, float]:
    """Maximale punten per cel met punten (controlecellen en taken)."""
    return {
        gid: float(_nbgrader(c)["points"])
        for gid, c in cel_per_id(nb).items()
        if _nbgrader(c).get("grade") or _nbgrader(c).get("task")
    }


def oplossing_uit_bron(bron: str) -> str:
    """De modeloplossing van een antwoordcel: de bron zonder de SOLUTION-grensregels."""
    regels = [r for r in bron.split("\n") if "BEGIN SOLUTION" not in r and "END SOLUTION" not in r]
    return "\n".join(regels)


def maak_inzending(
    release: Mapping[str, Any],
    bron: Mapping[str, Any],
    antwoorden: Mapping[str, str] | None = None,
    *,
    oplossen: bool = True,
    bewerk: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Maak een ingeleverd notebook zoals een student het zou maken.

    Parameters
    ----------
    release, bron : dict
        De studentversie en de docentenversie (met oplossing).
    antwoorden : mapping, optional
        ``grade_id`` van een antwoordcel → de code die de student daar schreef.
    oplossen : bool, default True
        Vul de overige antwoordcellen met de modeloplossing (anders blijft de stub staan).
    bewerk : callable, optional
        Laatste bewerking op het hele notebook (cellen weghalen, tests vervangen, …).
    """
    nb = copy.deepcopy(dict(release))
    bron_cellen = cel_per_id(bron)
    antwoorden = dict(antwoorden or {})
    for cel in nb["cells"]:
        meta = _nbgrader(cel)
        gid = meta.get("grade_id")
        if not meta.get("solution") or cel["cell_type"] != "code":
            continue
        if gid in antwoorden:
            cel["source"] = antwoorden.pop(gid)
        elif oplossen:
            cel["source"] = oplossing_uit_bron(_bron(bron_cellen[gid]))
    if antwoorden:
        raise KeyError(f"onbekende antwoordcellen: {sorted(antwoorden)}")
    if bewerk is not None:
        bewerk(nb)
    return nb


def fout_antwoord(code: str) -> str:
    """De namen uit de modeloplossing, maar met foute waarden (functies geven None)."""
    regels = []
    for knoop in ast.parse(code).body:
        if isinstance(knoop, ast.Import | ast.ImportFrom):
            regels.append(ast.unparse(knoop))
        elif isinstance(knoop, ast.FunctionDef):
            regels.append(f"def {knoop.name}(*a, **k):\n    return None")
        elif isinstance(knoop, ast.Assign | ast.AnnAssign | ast.AugAssign):
            doelen = knoop.targets if isinstance(knoop, ast.Assign) else [knoop.target]
            for d in doelen:
                for naam in ast.walk(d):
                    if isinstance(naam, ast.Name):
                        regels.append(f"{naam.id} = None")
    return "\n".join(regels) or "pass"


def feedback_tekst(pad: Path) -> str:
    """De zichtbare tekst van een feedback-HTML (zonder tags, entiteiten omgezet)."""
    ruw = Path(pad).read_text(encoding="utf-8")
    ruw = re.sub(r"<style.*?</style>", " ", ruw, flags=re.S)
    ruw = re.sub(r"<script.*?</script>", " ", ruw, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", ruw))


def scores_uit_db(db: Path, opdracht: str = OPDRACHT) -> dict[str, dict[str, float | None]]:
    """Punten per ingeleverde student per cel uit ``gradebook.db`` (handmatig gaat voor)."""
    from nbgrader.api import Gradebook

    uitkomst: dict[str, dict[str, float | None]] = {}
    with Gradebook(f"sqlite:///{Path(db).resolve()}") as gb:
        for inzending in gb.assignment_submissions(opdracht):
            cellen = uitkomst.setdefault(inzending.student.id, {})
            for notebook in inzending.notebooks:
                for cijfer in notebook.grades:
                    hand, auto = cijfer.manual_score, cijfer.auto_score
                    cellen[cijfer.name] = hand if hand is not None else auto
    return uitkomst


# --- één opdracht nakijken en de studentversie controleren (opdracht 2–5) -------------------


def nakijk_cursus(
    doel: Path, opdracht: str, notebook: str, inzendingen: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """Kopie van de cursus: ``generate_assignment``, alle inleveringen, één ``autograde``.

    ``inzendingen``: student → opties voor :func:`maak_inzending`. Geeft ``map``, ``bron``,
    ``release``, ``scores`` (uit het gradebook), ``opdracht`` en ``notebook``.
    """
    map_ = kopieer_cursus(doel)
    draai(["nbgrader", "generate_assignment", opdracht, "--force"], map_)
    bron = lees_nb(MAP / "exercises" / "source" / opdracht / notebook)
    release = lees_nb(map_ / "release" / opdracht / notebook)
    for student, opties in inzendingen.items():
        nb = maak_inzending(release, bron, **opties)
        schrijf_nb(nb, map_ / "submitted" / student / opdracht / notebook)
    draai(["nbgrader", "autograde", opdracht], map_)
    return {
        "map": map_,
        "bron": bron,
        "release": release,
        "scores": scores_uit_db(map_ / "gradebook.db", opdracht),
        "opdracht": opdracht,
        "notebook": notebook,
    }


_KNOEI_BASIS = """
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
"""


def knoei_controles(nep: str) -> str:
    """Studentcode die alle controles door niets-doen vervangt, plus ``nep`` (eigen leugens).

    ``nep`` vervangt wat de opdracht nog meer gebruikt (bijv. ``klanttools.datasets.laad``).

    >>> "setattr(_module, _naam, _niets)" in knoei_controles("x = 1")
    True
    """
    return _KNOEI_BASIS + nep.strip("\n") + "\n"


def automatische_punten(scores: Mapping[str, float | None], bron: Mapping[str, Any]) -> dict:
    """Punten per automatisch nagekeken cel (een ontbrekende score telt als 0)."""
    return {gid: scores.get(gid) or 0.0 for gid in controlecellen(bron)}


def celuitvoer(cursus: Mapping[str, Any], student: str, gid: str) -> str:
    """Alle uitvoer (tekst, foutmelding, data) van cel ``gid`` in het nagekeken notebook."""
    pad = cursus["map"] / "autograded" / student / cursus["opdracht"] / cursus["notebook"]
    cel = cel_per_id(lees_nb(pad))[gid]
    stukken = []
    for uit in cel.get("outputs", []):
        tekst = uit.get("text", "")
        stukken.append("".join(tekst) if isinstance(tekst, list) else tekst)
        stukken.append(str(uit.get("evalue", "")))
        stukken.extend(
            "".join(t) if isinstance(t, list) else t for t in uit.get("data", {}).values()
        )
    return "\n".join(stukken)


def verklapt_bron_niets(
    release: Mapping[str, Any],
    bron: Mapping[str, Any],
    overslaan: Callable[[str], bool] = lambda regel: False,
) -> str:
    """Controleer dat de studentversie geen oplossing, verborgen test of beoordelingsmodel
    bevat (ook geen regel uit een oplossing, behalve regels waarvoor ``overslaan`` waar is,
    zoals een losse ``)``); geeft de tekst van de studentversie."""
    tekst = "\n".join(_bron(c) for c in release["cells"])
    for verboden in ("BEGIN SOLUTION", "BEGIN HIDDEN", "MARK SCHEME", "Voorbeeldantwoord"):
        assert verboden not in tekst
    for gid, cel in cel_per_id(bron).items():
        if _nbgrader(cel).get("solution") and cel["cell_type"] == "code":
            for regel in oplossing_uit_bron(_bron(cel)).splitlines():
                if not overslaan(regel.strip()):
                    assert regel.strip() not in tekst, (gid, regel)
    return tekst


def draai_lege_studentversie(cursus: Mapping[str, Any], map_: Path) -> str:
    """Voer de lege studentversie uit in ``map_``; alleen "nog geen antwoord"-fouten mogen.

    Geeft alle uitvoer (tekst en ``text/plain``) om op nagekeken waarden te doorzoeken.
    """
    import nbformat
    from nbclient import NotebookClient

    notebook = cursus["notebook"]
    shutil.copy(cursus["map"] / "release" / cursus["opdracht"] / notebook, map_ / notebook)
    nb = nbformat.read(map_ / notebook, as_version=4)
    NotebookClient(
        nb,
        kernel_name="python3",
        timeout=120,
        allow_errors=True,
        resources={"metadata": {"path": str(map_)}},
    ).execute()
    uitvoer = [u for c in nb.cells if c.cell_type == "code" for u in c.get("outputs", [])]
    fouten = [u.evalue for u in uitvoer if u.output_type == "error"]
    assert fouten and all("Nog geen antwoord" in f or "is not defined" in f for f in fouten), fouten
    return "\n".join(
        str(u.get("text", "")) + str(u.get("data", {}).get("text/plain", "")) for u in uitvoer
    )


@dataclass(frozen=True)
class Blok:
    """Een codeblok uit een Markdown-bestand."""

    taal: str
    code: str


def readme_blokken(tekst: str) -> list[Blok]:
    """Alle omheinde codeblokken (```taal … ```) uit Markdown, in volgorde."""
    return [
        Blok(m.group(1).strip().split(" ")[0] if m.group(1).strip() else "", m.group(2))
        for m in re.finditer(r"^```([^\n]*)\n(.*?)^```\s*$", tekst, flags=re.S | re.M)
    ]
