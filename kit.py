"""Installeer de cursuskit en open hem, of draai alle tests: één commando, elk besturingssysteem.

Gebruik (vanuit de map van de kit)::

    python3 kit.py start     # macOS/Linux: installeren en JupyterLab openen
    py kit.py start          # Windows
    python3 kit.py test      # installeren en de volledige testsuite draaien
    python3 kit.py docent    # voor docenten: JupyterLab in exercises/ (nbgrader, formgrader)

Het script maakt een eigen virtuele omgeving ``.venv`` naast dit bestand en installeert
daarin de kit met alles wat hij nodig heeft. De tweede keer gaat het snel: er wordt
alleen opnieuw geïnstalleerd als ``pyproject.toml`` is veranderd.
Alleen de standaardbibliotheek van Python (3.11 of nieuwer) is nodig.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

MAP = Path(__file__).resolve().parent
VENV = MAP / ".venv"
MINIMALE_PYTHON = (3, 11)
# Standaardinstellingen van JupyterLab voor studenten (Nederlands, geen nieuws-pop-up).
LAB_INSTELLINGEN = MAP / "jupyter" / "lab" / "settings"


def _python_in_venv() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _bin_in_venv() -> Path:
    return _python_in_venv().parent


def _meld(tekst: str) -> None:
    print(f"[kit] {tekst}", flush=True)


def _draai(commando: list[str | os.PathLike[str]], **kwargs) -> int:
    return subprocess.call([str(c) for c in commando], **kwargs)


def installeer(extra: str) -> None:
    """Maak .venv (indien nodig) en installeer de kit met een extra ('cursus' of 'test')."""
    if sys.version_info < MINIMALE_PYTHON:
        versie = ".".join(map(str, sys.version_info[:3]))
        sys.exit(
            f"[kit] Deze kit heeft Python 3.11 of nieuwer nodig; dit is Python {versie}. "
            "Installeer een nieuwere Python (python.org) en probeer opnieuw."
        )
    vingerafdruk = hashlib.sha256(
        (MAP / "pyproject.toml").read_bytes() + extra.encode()
    ).hexdigest()
    stempel = VENV / f".kit-{extra}"
    if stempel.exists() and stempel.read_text() == vingerafdruk and _python_in_venv().exists():
        _meld(f"omgeving .venv is al klaar ({extra}).")
        return
    if not _python_in_venv().exists():
        _meld("virtuele omgeving .venv maken ...")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    _meld(f"pakketten installeren ({extra}); de eerste keer duurt dit een paar minuten ...")
    py = _python_in_venv()
    stappen = [
        [py, "-m", "pip", "install", "--upgrade", "--quiet", "pip"],
        [py, "-m", "pip", "install", "--quiet", "--editable", f".[{extra}]"],
    ]
    for stap in stappen:
        if _draai(stap, cwd=MAP) != 0:
            sys.exit(
                "[kit] Installeren is mislukt (zie de melding hierboven). Controleer je "
                "internetverbinding en probeer het opnieuw."
            )
    stempel.write_text(vingerafdruk)
    _meld("installatie klaar.")


def _omgeving() -> dict[str, str]:
    env = dict(os.environ)
    # nbgrader roept 'alembic' aan; de map met programma's van .venv moet op PATH staan.
    env["PATH"] = str(_bin_in_venv()) + os.pathsep + env.get("PATH", "")
    env["VIRTUAL_ENV"] = str(VENV)
    return env


def jupyterlab_argumenten() -> list[str]:
    """De argumenten waarmee JupyterLab de instellingen voor studenten krijgt.

    ``jupyter/lab/settings/overrides.json`` zet de standaardinstellingen: de interface in
    het Nederlands en geen nieuws-pop-up of updatecontrole. Wat een student zelf kiest in
    *Instellingen* gaat voor. De browsertests (``tests/e2e``) gebruiken dezelfde argumenten.
    """
    return [f"--LabApp.app_settings_dir={LAB_INSTELLINGEN}"]


def _open_lab(map_: Path, extra_argumenten: list[str]) -> int:
    _meld("JupyterLab starten; stoppen doe je met Ctrl+C in dit venster.")
    commando = [
        _python_in_venv(),
        "-m",
        "jupyterlab",
        "--notebook-dir",
        map_,
        *jupyterlab_argumenten(),
        *extra_argumenten,
    ]
    return _draai(commando, cwd=map_, env=_omgeving())


def start(extra_argumenten: list[str]) -> int:
    """Installeer (indien nodig) en open de cursus in JupyterLab."""
    installeer("cursus")
    return _open_lab(MAP, extra_argumenten)


def docent(extra_argumenten: list[str]) -> int:
    """Installeer (indien nodig) en open JupyterLab in exercises/, waar nbgrader's formgrader de cursus vindt."""
    installeer("cursus")
    return _open_lab(MAP / "exercises", extra_argumenten)


def test(extra_argumenten: list[str]) -> int:
    """Installeer (indien nodig) en draai de volledige testsuite met pytest."""
    installeer("test")
    _meld("tests draaien ...")
    return _draai([_python_in_venv(), "-m", "pytest", *extra_argumenten], cwd=MAP, env=_omgeving())


OPDRACHTEN = {"start": start, "test": test, "docent": docent}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in OPDRACHTEN:
        print(
            "Gebruik: python3 kit.py start   (installeren en JupyterLab openen)\n"
            "         python3 kit.py test    (installeren en alle tests draaien)\n"
            "         python3 kit.py docent  (voor docenten: JupyterLab met nbgrader in exercises/)\n"
            "Op Windows: py kit.py start  of  py kit.py test"
        )
        return 2
    return OPDRACHTEN[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
