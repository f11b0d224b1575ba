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
    "cel_per_id",
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
