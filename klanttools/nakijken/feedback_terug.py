"""Feedback teruggeven via de JupyterHub-exchange, ook in een klas met LMS-inleveringen.

``nbgrader release_feedback`` (0.9.6) stopt met *FileNotFoundError: …/timestamp.txt* zodra
één student niet via de exchange inleverde (bijvoorbeeld via Brightspace of Canvas en
``zip_collect``): alleen de exchange schrijft dat tijdstempel, en de student kan zijn
feedback dan ook niet met ``fetch_feedback`` ophalen. Dit commando verdeelt de klas:

- wie via de exchange inleverde (``feedback/STUDENT/OPDRACHT/`` heeft het tijdstempel
  ``timestamp.txt`` en het geheim ``submission_secret.txt`` van de exchange), krijgt zijn
  feedback met nbgrader's eigen ``release_feedback``;
- de anderen worden met naam en map genoemd: geef hun HTML-feedback via de leeromgeving.

Gebruik, in de nbgrader-cursusmap: ``python -m klanttools.nakijken feedback OPDRACHT``.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as map_:
...     for student, bestanden in {"s1": ["timestamp.txt", "submission_secret.txt"], "s2": []}.items():
...         (Path(map_) / "feedback" / student / "opdracht1-nps").mkdir(parents=True)
...         for naam in bestanden:
...             _ = (Path(map_) / "feedback" / student / "opdracht1-nps" / naam).write_text("x")
...     verdeel_klas("opdracht1-nps", Path(map_))
Verdeling(via_exchange=['s1'], via_leeromgeving=['s2'])
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GeenFeedback", "Verdeling", "feedback_terug", "maak_parser", "verdeel_klas"]


_VAN_DE_EXCHANGE = ("timestamp.txt", "submission_secret.txt")
"""Bestanden die alleen ``nbgrader submit``/``collect`` bij een inlevering zet."""


class GeenFeedback(FileNotFoundError):
    """Er is (nog) geen feedback om terug te geven."""


@dataclass(frozen=True)
class Verdeling:
    """Wie zijn feedback via de exchange krijgt, en wie via de leeromgeving."""

    via_exchange: list[str]
    via_leeromgeving: list[str]


def verdeel_klas(opdracht: str, cursusmap: Path) -> Verdeling:
    """Verdeel de studenten met feedback: via de exchange ingeleverd of niet."""
    feedback = cursusmap / "feedback"
    studenten = sorted(p.parent.name for p in feedback.glob(f"*/{opdracht}") if p.is_dir())
    if not studenten:
        raise GeenFeedback(
            f"Geen feedback gevonden voor {opdracht} in {feedback}/*/{opdracht}. Maak eerst "
            f"feedback: python -m klanttools.nakijken klas {opdracht} (of nbgrader "
            f"generate_feedback {opdracht})."
        )
    via = [
        s
        for s in studenten
        if all((feedback / s / opdracht / naam).is_file() for naam in _VAN_DE_EXCHANGE)
    ]
    return Verdeling(via, [s for s in studenten if s not in via])


def feedback_terug(
    opdracht: str, cursusmap: Path = Path("."), *, nbgrader: list[str] | None = None
) -> int:
    """Geef de feedback terug; geeft de exitcode (0 goed, 1 nbgrader faalde, 2 geen feedback)."""
    try:
        verdeling = verdeel_klas(opdracht, cursusmap)
    except GeenFeedback as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    if verdeling.via_leeromgeving:
        namen = verdeling.via_leeromgeving
        print(
            f"{len(namen)} {'student leverde' if len(namen) == 1 else 'studenten leverden'} niet "
            "via JupyterHub in; geef hun feedback via de leeromgeving (Brightspace of Canvas):"
        )
        for student in namen:
            print(f"  {student}: {cursusmap / 'feedback' / student / opdracht}")
    if not verdeling.via_exchange:
        print("Niemand leverde via JupyterHub in: er is niets om via de exchange terug te geven.")
        return 0
    opdrachtregel = [
        *(nbgrader or [sys.executable, "-m", "nbgrader"]),
        "release_feedback",
        opdracht,
    ]
    if verdeling.via_leeromgeving:
        uitsluiten = ",".join(verdeling.via_leeromgeving)
        opdrachtregel.append(f"--CourseDirectory.student_id_exclude={uitsluiten}")
    uitkomst = subprocess.run(opdrachtregel, cwd=cursusmap, capture_output=True, text=True)
    if uitkomst.returncode != 0 or "Traceback" in uitkomst.stderr:
        # nbgrader 0.9.6 eindigt soms met 0 na een fout: kijk ook naar de uitvoer.
        print(uitkomst.stderr[-3000:], file=sys.stderr)
        print(f"Fout: nbgrader release_feedback {opdracht} is mislukt (zie hierboven).")
        return 1
    n = len(verdeling.via_exchange)
    print(
        f"Feedback van {opdracht} teruggegeven via JupyterHub aan {n} "
        f"{'student' if n == 1 else 'studenten'}; zij halen hem op met Fetch Feedback in het "
        "nbgrader-paneel (of nbgrader fetch_feedback)."
    )
    return 0


def maak_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Voeg het subcommando ``feedback`` toe aan de opdrachtregel van de nakijkhulp."""
    p = sub.add_parser(
        "feedback",
        help="geef feedback terug via JupyterHub; noemt wie hem via de leeromgeving krijgt",
        description=(
            "Geef de feedback van een opdracht terug via de JupyterHub-exchange (nbgrader "
            "release_feedback), ook als een deel van de klas via de leeromgeving inleverde."
        ),
    )
    p.add_argument("opdracht", help="de naam van de opdracht, zoals opdracht1-nps")
    p.add_argument(
        "--cursusmap", type=Path, default=Path("."), help="de nbgrader-cursusmap (standaard: hier)"
    )
    return p
