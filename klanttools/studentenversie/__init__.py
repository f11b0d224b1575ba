"""De studentversie van de kit: wat een student krijgt, gemaakt uit de kit van de docent.

``python3 kit.py studentenversie DOELMAP`` roept :func:`bouw` aan. Die schrijft een
zelfstandige map (en een zip ernaast, voor de elektronische leeromgeving)::

    DOELMAP/
      LEESMIJ.md                  korte handleiding voor de student
      kit.py                      hetzelfde startscript: python3 kit.py start
      jupyter/lab/settings/       JupyterLab in het Nederlands, zonder nbgrader-docentmenu's
      .kit/                       het pakket klanttools als wheel, en editie.json
      werkmap/                    hier opent JupyterLab
        lessen/                   alle lesnotebooks uit notebooks/
        opdrachten/<opdracht>/    de uitgedeelde versie van elke opdracht (nbgrader)
        data/                     de datasets met hun woordenboek

De opdrachten maakt nbgrader zelf (``nbgrader generate_assignment``) op een kopie van
``exercises/``; de kit van de docent verandert niet. Daarna zoekt
:mod:`klanttools.studentenversie.geheimen` in elk bestand (ook in de zip en het wheel)
naar oplossingen, verborgen tests en beoordelingsmodellen; vindt hij iets, dan stopt
:func:`bouw` met een fout en blijft er geen studentversie achter.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from klanttools.studentenversie.geheimen import geheime_regels, sleutels, zoek_lekken

__all__ = ["Studentversie", "bouw", "opdrachten", "lessen"]

WERKMAP = "werkmap"
"""De map waarin JupyterLab voor de student opent."""

# Wat nbgrader of de docent in exercises/ maakt; nooit meenemen naar de kopie.
_WERKBESTANDEN = (
    "gradebook.db",
    "release",
    "submitted",
    "autograded",
    "feedback",
    "downloaded",
    "*.csv",
    ".ipynb_checkpoints",
    "__pycache__",
)


@dataclass(frozen=True)
class Studentversie:
    """De gebouwde studentversie: de map, de zip en wat erin staat."""

    map: Path
    zip: Path
    lessen: tuple[str, ...]
    opdrachten: tuple[str, ...]
    geheimen: int
    sleutels: int

    def samenvatting(self) -> str:
        """Een korte Nederlandse samenvatting voor de docent."""
        kb = self.zip.stat().st_size / 1024
        return (
            f"Studentversie klaar: {self.map}\n"
            f"  zip voor de leeromgeving: {self.zip} ({kb:,.0f} kB)\n".replace(",", ".")
            + f"  lessen: {', '.join(self.lessen)}\n"
            f"  opdrachten: {', '.join(self.opdrachten)}\n"
            f"  gecontroleerd: geen van de {self.geheimen} regels uit oplossingen, verborgen "
            f"tests en beoordelingsmodellen en geen van de {self.sleutels} antwoordsleutels "
            "staat erin."
        )


def lessen(kit: Path) -> list[Path]:
    """Alle lesnotebooks van de kit, op naam."""
    return sorted(
        p for p in (Path(kit) / "notebooks").glob("*.ipynb") if not p.name.startswith(".")
    )


def opdrachten(kit: Path) -> list[str]:
    """De namen van alle opdrachten in ``exercises/source/`` (mappen met een notebook)."""
    bron = Path(kit) / "exercises" / "source"
    return sorted(p.name for p in bron.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def _controleer_doel(kit: Path, doel: Path) -> None:
    if doel.exists() and (not doel.is_dir() or any(doel.iterdir())):
        raise FileExistsError(
            f"De doelmap {doel} bestaat al en is niet leeg. Kies een nieuwe map "
            "(of verwijder de oude studentversie eerst)."
        )
    try:
        binnen = doel.relative_to(kit)
    except ValueError:
        return
    if not binnen.parts or not binnen.parts[0].startswith("studentenversie"):
        raise ValueError(
            f"De doelmap {doel} ligt in de kit zelf. Kies een map buiten de kit, of een map "
            "die met 'studentenversie' begint (die staat in .gitignore en komt nooit in git)."
        )


def _omgeving() -> dict[str, str]:
    env = dict(os.environ)
    # nbgrader roept 'alembic' aan; dat staat naast deze Python.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["PYTHONWARNINGS"] = "ignore::DeprecationWarning"
    return env


def _draai(commando: list[str], cwd: Path, wat: str) -> None:
    uit = subprocess.run(commando, cwd=cwd, env=_omgeving(), capture_output=True, text=True)
    if uit.returncode != 0:
        raise RuntimeError(f"{wat} is mislukt:\n{uit.stdout}\n{uit.stderr}")


def _geef_opdrachten_uit(
    kit: Path, werk: Path, doel: Path
) -> tuple[list[str], set[str], set[tuple[str, str]]]:
    """``nbgrader generate_assignment`` voor elke opdracht, in een kopie van exercises/."""
    cursus = werk / "exercises"
    shutil.copytree(kit / "exercises", cursus, ignore=shutil.ignore_patterns(*_WERKBESTANDEN))
    namen = opdrachten(kit)
    geheimen: set[str] = set()
    sleutel: set[tuple[str, str]] = set()
    for naam in namen:
        _draai(
            [
                sys.executable,
                "-m",
                "nbgrader",
                "generate_assignment",
                naam,
                "--force",
                "--log-level=WARN",
            ],
            cursus,
            f"nbgrader generate_assignment {naam}",
        )
        uitgedeeld = cursus / "release" / naam
        for bron in sorted((cursus / "source" / naam).rglob("*.ipynb")):
            rel = bron.relative_to(cursus / "source" / naam)
            docent = json.loads(bron.read_text(encoding="utf-8"))
            geheimen |= geheime_regels(docent)
            if not (uitgedeeld / rel).is_file():
                raise RuntimeError(f"nbgrader maakte geen studentversie van {naam}/{rel}.")
            sleutel |= sleutels(docent)
        shutil.copytree(
            uitgedeeld, doel / naam, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
    return namen, geheimen, sleutel


def _bouw_wiel(kit: Path, werk: Path, doel: Path) -> Path:
    # Bouwen in een schone kopie: setuptools zou anders build/ in de kit hergebruiken, met
    # daarin ook bestanden die uit de kit al verwijderd zijn.
    bron = werk / "pakketbron"
    bron.mkdir()
    for naam in ("pyproject.toml", "README.md"):
        shutil.copy2(kit / naam, bron / naam)
    for naam in ("klanttools", "data"):
        shutil.copytree(
            kit / naam, bron / naam, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
    wielen = werk / "wielen"
    _draai(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(wielen),
            str(bron),
        ],
        bron,
        "het pakket klanttools bouwen (pip wheel)",
    )
    (wiel,) = wielen.glob("klanttools-*.whl")
    doel.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(wiel, doel / wiel.name))


def bouw(kit: Path, doel: Path) -> Studentversie:
    """Bouw de studentversie van ``kit`` in ``doel`` (nieuw of leeg) en ``doel.zip``.

    Stopt met een ``RuntimeError`` (en ruimt op) als er een oplossing, verborgen test
    of beoordelingsmodel in zou komen.
    """
    kit, doel = Path(kit).resolve(), Path(doel).resolve()
    _controleer_doel(kit, doel)
    zip_pad = doel.with_name(doel.name + ".zip")
    try:
        with tempfile.TemporaryDirectory(prefix="studentenversie-") as tmp:
            werk = Path(tmp)
            doel.mkdir(parents=True, exist_ok=True)
            wm = doel / WERKMAP
            les_namen = []
            for les in lessen(kit):
                (wm / "lessen").mkdir(parents=True, exist_ok=True)
                shutil.copy2(les, wm / "lessen" / les.name)
                les_namen.append(les.name)
            if not les_namen:
                raise RuntimeError("Er staat geen lesnotebook in notebooks/.")
            namen, geheimen, sleutel = _geef_opdrachten_uit(kit, werk, wm / "opdrachten")
            (wm / "data").mkdir()
            for bestand in sorted((kit / "data").glob("*.csv")) + [kit / "data" / "README.md"]:
                shutil.copy2(bestand, wm / "data" / bestand.name)
            instellingen = doel / "jupyter" / "lab" / "settings"
            shutil.copytree(kit / "jupyter" / "lab" / "settings", instellingen)
            shutil.copy2(kit / "kit.py", doel / "kit.py")
            shutil.copy2(kit / "docs" / "studentenversie" / "LEESMIJ.md", doel / "LEESMIJ.md")
            wiel = _bouw_wiel(kit, werk, doel / ".kit")
            editie = {
                "wiel": wiel.name,
                "werkmap": WERKMAP,
                "eerste_les": f"lessen/{les_namen[0]}",
            }
            (doel / ".kit" / "editie.json").write_text(
                json.dumps(editie, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            zip_pad.unlink(missing_ok=True)
            shutil.make_archive(
                str(zip_pad.with_suffix("")), "zip", root_dir=doel.parent, base_dir=doel.name
            )
            lekken = zoek_lekken(doel, geheimen, sleutel) + zoek_lekken(zip_pad, geheimen, sleutel)
            if lekken:
                raise RuntimeError(
                    "De studentversie zou geheimen bevatten; er is niets gemaakt:\n  "
                    + "\n  ".join(lekken[:20])
                )
    except BaseException:
        shutil.rmtree(doel, ignore_errors=True)
        zip_pad.unlink(missing_ok=True)
        raise
    return Studentversie(doel, zip_pad, tuple(les_namen), tuple(namen), len(geheimen), len(sleutel))
