"""Feedback teruggeven in een gemengde klas: één student via JupyterHub, één via de leeromgeving.

Echte nbgrader-commando's en een echte exchange-map: ``release_assignment``, ``fetch_assignment``,
``submit`` en ``collect`` voor de hub-student, een inlevering in ``submitted/`` voor de
LMS-student, ``autograde``, ``generate_feedback``. Kaal ``nbgrader release_feedback`` stopt dan
(nbgrader 0.9.6: *FileNotFoundError: …/timestamp.txt*); ``python -m klanttools.nakijken feedback``
geeft de hub-student zijn feedback en noemt de LMS-student, die hij via de leeromgeving krijgt.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from nbgrader_hulp import (
    MAP,
    draai,
    kopieer_cursus,
    lees_nb,
    maak_inzending,
    omgeving,
    schrijf_nb,
)

pytestmark = pytest.mark.traag

OPDRACHT = "opdracht2-strategie"
NOTEBOOK = "strategie.ipynb"
HUB, LMS = "s100001", "s100002"


@pytest.fixture(scope="module")
def klas(tmp_path_factory) -> dict:
    basis = tmp_path_factory.mktemp("gemengd")
    cursus = kopieer_cursus(basis / "exercises")
    exchange = basis / "exchange"
    exchange.mkdir()
    config = basis / "jupyter-config"
    config.mkdir()
    (config / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.Exchange.root = {str(exchange)!r}\n", encoding="utf-8"
    )
    docent = omgeving({"JUPYTER_CONFIG_DIR": str(config)})
    student_thuis = basis / "thuis"
    student_thuis.mkdir()
    # nbgrader neemt de gebruikersnaam uit de omgeving (getpass): zo is de student HUB.
    student = {**docent, "USER": HUB, "LOGNAME": HUB, "HOME": str(student_thuis)}

    draai(["nbgrader", "generate_assignment", OPDRACHT, "--force"], cursus, env=docent)
    draai(["nbgrader", "release_assignment", OPDRACHT], cursus, env=docent)
    draai(
        ["nbgrader", "fetch_assignment", OPDRACHT, "--course", "inleiding-sales"],
        student_thuis,
        env=student,
    )
    bron = lees_nb(MAP / "exercises" / "source" / OPDRACHT / NOTEBOOK)
    opgehaald = student_thuis / OPDRACHT / NOTEBOOK
    schrijf_nb(maak_inzending(lees_nb(opgehaald), bron), opgehaald)
    draai(
        ["nbgrader", "submit", OPDRACHT, "--course", "inleiding-sales"], student_thuis, env=student
    )
    draai(["nbgrader", "collect", OPDRACHT], cursus, env=docent)
    release = lees_nb(cursus / "release" / OPDRACHT / NOTEBOOK)
    schrijf_nb(maak_inzending(release, bron), cursus / "submitted" / LMS / OPDRACHT / NOTEBOOK)
    draai(["nbgrader", "autograde", OPDRACHT], cursus, env=docent)
    draai(["nbgrader", "generate_feedback", OPDRACHT], cursus, env=docent)
    return {
        "cursus": cursus,
        "exchange": exchange,
        "docent": docent,
        "student": student,
        "thuis": student_thuis,
    }


def test_kaal_release_feedback_stopt_in_een_gemengde_klas(klas):
    """Het probleem bestaat echt (anders bewijst de test hieronder niets)."""
    uit = draai(
        ["nbgrader", "release_feedback", OPDRACHT],
        klas["cursus"],
        env=klas["docent"],
        controleer=False,
    )
    assert "FileNotFoundError" in uit.stderr and "timestamp.txt" in uit.stderr


def test_feedback_commando_geeft_hub_student_feedback_en_noemt_de_lms_student(klas):
    uit = draai(
        ["python", "-m", "klanttools.nakijken", "feedback", OPDRACHT],
        klas["cursus"],
        env=klas["docent"],
    )
    assert uit.returncode == 0
    assert "1 student leverde niet via JupyterHub in" in uit.stdout
    assert f"{LMS}: {Path('feedback') / LMS / OPDRACHT}" in uit.stdout
    assert "teruggegeven via JupyterHub aan 1 student" in uit.stdout
    vrijgegeven = list((klas["exchange"] / "inleiding-sales" / "feedback").glob("*.html"))
    assert len(vrijgegeven) == 1
    # De hub-student haalt zijn eigen feedback op, in het Nederlands.
    draai(
        ["nbgrader", "fetch_feedback", OPDRACHT, "--course", "inleiding-sales"],
        klas["thuis"],
        env=klas["student"],
    )
    opgehaald = list((klas["thuis"] / OPDRACHT / "feedback").rglob("*.html"))
    assert len(opgehaald) == 1
    assert "Strategie" in opgehaald[0].read_text(encoding="utf-8")


def test_feedback_commando_zonder_feedback_zegt_wat_je_eerst_doet(tmp_path):
    uit = draai(
        ["python", "-m", "klanttools.nakijken", "feedback", OPDRACHT],
        tmp_path,
        controleer=False,
    )
    assert uit.returncode == 2
    assert "Geen feedback gevonden" in uit.stderr and "klanttools.nakijken klas" in uit.stderr
