"""nbgraders exchange, veilig op een gedeelde server: kleine uitbreidingen.

Zet ze aan in de nbgrader-configuratie van de server (``deploy/jupyter-hub/nbgrader_config.py``
doet dat met :data:`KLASSEN`)::

    c.ExchangeFactory.submit = "klanttools.hub.nbgrader_exchange.VeiligInleveren"
    ...

- Alle klassen: nbgrader eist dat de hoofdmap van de exchange voor iedereen schrijfbaar is
  (0777), en ``release_assignment`` zet hem daar zelfs op terug. Hier hoeft hij alleen te
  bestaan (root, 0755): de cursusmappen daarin maakt de beheerder.
- :class:`VeiligInleveren`: nbgrader maakt elke inlevering 0777 ("verborgen door de
  tijdstempel"); deze versie maakt hem 0770, alleen voor de student en de groep docenten.
- :class:`VeiligVerzamelen`: een inlevering op naam van een ander (de eigenaar van de map is
  niet die student) wordt niet verzameld; de docent krijgt een Nederlandse melding en
  ``geweigerd-<opdracht>.txt`` in de cursusmap. Een eerdere, echte inlevering van die
  student wordt dan wél verzameld.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.exchange.default import (
    ExchangeCollect,
    ExchangeFetchAssignment,
    ExchangeFetchFeedback,
    ExchangeList,
    ExchangeReleaseAssignment,
    ExchangeReleaseFeedback,
    ExchangeSubmit,
)
from nbgrader.utils import check_directory, check_mode, ignore_patterns

from klanttools.hub.exchange import (
    INLEVERING_BESTAND,
    INLEVERING_MAP,
    Inlevering,
    eigenaar_klopt,
)

__all__ = [
    "KLASSEN",
    "VeiligFeedbackOphalen",
    "VeiligFeedbackUitdelen",
    "VeiligInleveren",
    "VeiligOphalen",
    "VeiligOverzicht",
    "VeiligUitdelen",
    "VeiligVerzamelen",
]


class _BestaandeRoot:
    """De exchange moet bestaan en doorzoekbaar zijn; schrijfbaar hoeft niet."""

    def ensure_root(self):
        if not check_directory(self.root, execute=True):
            self.fail(
                f"De exchange {self.root} bestaat niet (of je mag er niet in). Vraag de "
                "beheerder hem te maken: python -m klanttools.hub exchange ... (als root)."
            )


class VeiligUitdelen(_BestaandeRoot, ExchangeReleaseAssignment):
    """``release_assignment`` zonder de exchange op 0777 te zetten."""


class VeiligOphalen(_BestaandeRoot, ExchangeFetchAssignment):
    """``fetch_assignment`` bij een exchange die niet voor iedereen schrijfbaar is."""


class VeiligFeedbackUitdelen(_BestaandeRoot, ExchangeReleaseFeedback):
    """``release_feedback`` bij een exchange die niet voor iedereen schrijfbaar is."""


class VeiligFeedbackOphalen(_BestaandeRoot, ExchangeFetchFeedback):
    """``fetch_feedback`` bij een exchange die niet voor iedereen schrijfbaar is."""


class VeiligOverzicht(_BestaandeRoot, ExchangeList):
    """``list`` (het tabblad Assignments) bij een exchange die niet voor iedereen schrijfbaar is."""


class VeiligInleveren(_BestaandeRoot, ExchangeSubmit):
    """``submit`` die de inlevering alleen voor de student en de docenten openzet.

    De groep docenten komt van ``inbound/`` (setgid). ``shutil.copytree`` zet aan het eind de
    modus van de bronmap op de nieuwe map en wist daarmee de setgid-bit; de bestanden die
    nbgrader daarna schrijft (``timestamp.txt``, ``submission_secret.txt``) kregen dan de
    groep van de student en kon de docent niet lezen. Daarom gaan die twee leeg mee in de
    kopie en vult nbgrader ze daarna (een bestaand bestand houdt zijn groep).
    """

    _LATER = ("timestamp.txt", "submission_secret.txt")

    def do_copy(self, src, dest, log=None):
        if Path(dest).parent != Path(self.inbound_path):
            return super().do_copy(src, dest, log)
        with tempfile.TemporaryDirectory() as tijdelijk:
            tussen = Path(tijdelijk) / "inlevering"
            shutil.copytree(
                src,
                tussen,
                ignore=ignore_patterns(
                    exclude=self.coursedir.ignore,
                    include=self.coursedir.include,
                    max_file_size=self.coursedir.max_file_size,
                    log=self.log,
                ),
            )
            for naam in self._LATER:
                (tussen / naam).touch()
            return super().do_copy(str(tussen), dest, log)

    def copy_files(self):
        super().copy_files()
        doel = Path(self.inbound_path) / self.assignment_filename
        for map_, mappen, bestanden in os.walk(doel):
            for naam in bestanden:
                os.chmod(Path(map_) / naam, INLEVERING_BESTAND)
            for naam in mappen:
                os.chmod(Path(map_) / naam, INLEVERING_MAP)
        os.chmod(doel, INLEVERING_MAP)


class VeiligVerzamelen(_BestaandeRoot, ExchangeCollect):
    """``collect`` die inleveringen op naam van een ander weigert."""

    def init_src(self):
        if self.coursedir.course_id == "":
            self.fail("Geen cursus opgegeven. Draai opnieuw met --course.")
        self.course_path = os.path.join(self.root, self.coursedir.course_id)
        self.inbound_path = os.path.join(self.course_path, "inbound")
        if not os.path.isdir(self.inbound_path):
            self.fail(f"Cursus niet gevonden: {self.inbound_path}")
        if not check_mode(self.inbound_path, read=True, execute=True):
            self.fail(f"Je mag de map {self.inbound_path} niet lezen.")
        student = self.coursedir.student_id or "*"
        patroon = os.path.join(self.inbound_path, f"{student}+{self.coursedir.assignment_id}+*")
        per_student = defaultdict(list)
        self.geweigerd: list[str] = []
        for pad in sorted(glob.glob(patroon)):
            reden = eigenaar_klopt(Inlevering.van(Path(pad)))
            if reden is not None:
                self._weiger(Path(pad), reden)
                continue
            record = self._path_to_record(pad)
            per_student[record["username"]].append(record)
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            try:
                self.duedate = gb.find_assignment(self.coursedir.assignment_id).duedate
            except MissingEntry:
                self.duedate = None
        self.src_records = []
        for records in per_student.values():
            records = self._sort_by_timestamp(records)
            if self.duedate is not None and self.before_duedate:
                op_tijd = [r for r in records if r["timestamp"] <= self.duedate]
                records = op_tijd or records
            self.src_records.append(records[0])
        self._schrijf_verslag()

    def _weiger(self, pad: Path, reden: str) -> None:
        student = Inlevering.van(pad).student
        melding = (
            f"GEWEIGERD: de inlevering '{pad.name}' staat op naam van {student}, maar {reden}. "
            f"Niet verzameld (mogelijk fraude). Vraag {student} zelf opnieuw in te leveren "
            "als dat nodig is."
        )
        self.log.error(melding)
        self.geweigerd.append(melding)

    def _schrijf_verslag(self) -> None:
        verslag = Path(self.coursedir.root) / f"geweigerd-{self.coursedir.assignment_id}.txt"
        if self.geweigerd:
            verslag.write_text("\n".join(self.geweigerd) + "\n", encoding="utf-8")
        elif verslag.exists() and self.coursedir.student_id in ("", "*"):
            verslag.unlink()  # alles opnieuw verzameld en niets geweigerd: oud verslag weg


KLASSEN = {
    "release_assignment": VeiligUitdelen,
    "fetch_assignment": VeiligOphalen,
    "submit": VeiligInleveren,
    "collect": VeiligVerzamelen,
    "release_feedback": VeiligFeedbackUitdelen,
    "fetch_feedback": VeiligFeedbackOphalen,
    "list": VeiligOverzicht,
}
"""Welke klasse nbgraders ExchangeFactory per handeling gebruikt (naam van de instelling)."""
