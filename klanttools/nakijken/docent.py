"""Hulpmiddelen voor de docent bij nbgrader: eerlijke feedback en valideren met een exitcode.

Deze module laadt nbgrader en is bedoeld voor ``nbgrader_config.py`` en de
opdrachtregel, niet voor studentennotebooks.

- :class:`FeedbackZonderAntwoorden` — een nbgrader-preprocessor voor
  ``generate_feedback``. Standaard laat nbgrader in de feedback-HTML de volledige
  testcellen zien, **inclusief de verborgen tests** (nbgrader zet ze bij het
  nakijken terug) en het beoordelingsmodel van open vragen. Deze preprocessor haalt
  de verborgen tests en het beoordelingsmodel weg en kort foutmeldingen in testcellen
  in tot de laatste regel (een traceback citeert anders regels uit de verborgen test).
- :data:`WAARSCHUWINGSPATROON` — het patroon voor nbgraders ``IgnorePattern``:
  waarschuwingen van pandas of seaborn (op stderr) kosten zo geen punten.
- :func:`valideer` — nbgraders ``Validator`` met Nederlandse uitkomst, dezelfde
  waarschuwingsfilter als bij het nakijken, en een uitkomst waarop je kunt testen.
  ``nbgrader validate`` eindigt altijd met exitcode 0, ook als tests falen;
  ``python -m klanttools.nakijken valideer NOTEBOOK`` eindigt met 1.

Examples
--------
>>> import re
>>> bool(re.search(WAARSCHUWINGSPATROON, "x.py:3: FutureWarning: iets verandert"))
True
>>> bool(re.search(WAARSCHUWINGSPATROON, "AssertionError: fout"))
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader import utils
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearHiddenTests,
    ClearMarkScheme,
    ClearOutput,
    Execute,
    IgnorePattern,
    NbGraderPreprocessor,
)
from nbgrader.validator import Validator
from traitlets import Bool, List
from traitlets.config import Config

__all__ = [
    "WAARSCHUWINGSPATROON",
    "FeedbackZonderAntwoorden",
    "Validatie",
    "laatste_foutregel",
    "valideer",
]

WAARSCHUWINGSPATROON = r"\w*Warning: "
"""Stderr-uitvoer met een Python-waarschuwing (``…: FutureWarning: …``) telt niet als fout.

nbgrader geeft een testcel 0 punten zodra er iets op stderr staat. Een waarschuwing
is geen fout van de student; dit patroon laat ``IgnorePattern`` haar weghalen vóór
het punten toekennen. Echte fouten (``error``-uitvoer) blijven staan.
"""

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _zonder_ansi(tekst: str) -> str:
    return _ANSI.sub("", tekst)


def laatste_foutregel(uitvoer: Any) -> str:
    """De laatste regel van een foutuitvoer: ``Foutnaam: melding`` (zonder kleurcodes).

    Examples
    --------
    >>> laatste_foutregel({"ename": "AssertionError", "evalue": "x", "traceback": [
    ...     "\\x1b[0;31m---\\x1b[0m", "Cell In[3], line 4\\n  assert geheim == 12",
    ...     "\\x1b[0;31mAssertionError\\x1b[0m: x"]})
    'AssertionError: x'
    """
    tb = list(uitvoer.get("traceback") or [])
    if tb:
        return _zonder_ansi(tb[-1])
    return f"{uitvoer.get('ename', 'Fout')}: {uitvoer.get('evalue', '')}"


class FeedbackZonderAntwoorden(NbGraderPreprocessor):
    """Maak een nagekeken notebook veilig om aan de student terug te geven.

    Voor ``GenerateFeedback.preprocessors`` in ``nbgrader_config.py``, na
    ``GetGrades``. Haalt per cel weg: het gebied tussen ``### BEGIN HIDDEN TESTS`` en
    ``### END HIDDEN TESTS`` (de grenzen van ``ClearHiddenTests``), het gebied tussen
    ``BEGIN MARK SCHEME`` en ``END MARK SCHEME`` (``ClearMarkScheme``), en in testcellen
    alles van een foutmelding behalve de laatste regel.
    """

    korte_foutmeldingen = Bool(
        True,
        help="Kort foutmeldingen in testcellen in tot de laatste regel (Foutnaam: melding).",
    ).tag(config=True)

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        self._tests = ClearHiddenTests(parent=self, enforce_metadata=False)
        self._model = ClearMarkScheme(
            parent=self, enforce_metadata=False, check_attachment_leakage=False
        )
        return super().preprocess(nb, resources)

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, cell_index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        self._tests._remove_hidden_test_region(cell)
        self._model._remove_mark_scheme_region(cell)
        if self.korte_foutmeldingen and cell.cell_type == "code" and utils.is_grade(cell):
            for uitvoer in cell.get("outputs", []):
                if uitvoer.get("output_type") == "error":
                    uitvoer["traceback"] = [laatste_foutregel(uitvoer)]
        return cell, resources


class _Validator(Validator):
    """nbgraders Validator met de waarschuwingsfilter en alleen de laatste foutregel."""

    preprocessors = List([CheckCellMetadata, ClearOutput, Execute, IgnorePattern])

    def _extract_error(self, cell: NotebookNode) -> str:
        regels = [laatste_foutregel(u) for u in cell.get("outputs", []) if u.output_type == "error"]
        regels += [
            _zonder_ansi(u.text)
            for u in cell.get("outputs", [])
            if u.output_type == "stream" and u.name == "stderr"
        ]
        if regels:
            return "\n".join(regels)
        if cell.cell_type == "code" and utils.is_grade(cell):
            return "Gedeeltelijk goed: niet alle tests in deze cel slagen."
        return "Je hebt deze vraag nog niet beantwoord."


@dataclass
class Validatie:
    """Uitkomst van :func:`valideer`."""

    notebook: Path
    gefaald: list[dict[str, str]] = field(default_factory=list)
    veranderd: list[dict[str, str]] = field(default_factory=list)
    type_veranderd: list[dict[str, str]] = field(default_factory=list)

    @property
    def geslaagd(self) -> bool:
        """Slagen alle zichtbare tests, en zijn er geen testcellen veranderd?"""
        return not (self.gefaald or self.veranderd or self.type_veranderd)

    def samenvatting(self) -> str:
        """De uitkomst in het Nederlands, zoals de student hem op het scherm ziet."""
        regels = [f"Notebook: {self.notebook.name}"]
        if self.type_veranderd:
            regels.append(
                f"Het soort van {len(self.type_veranderd)} cel(len) is veranderd (code ↔ "
                "tekst). Zet ze terug: bij het nakijken gaat het anders mis."
            )
        if self.veranderd:
            regels.append(
                f"Je hebt {len(self.veranderd)} testcel(len) veranderd. Bij het nakijken "
                "worden de oorspronkelijke tests gebruikt; je wijziging telt dus niet."
            )
        for i, cel in enumerate(self.gefaald, start=1):
            eerste = cel["bron"].strip().splitlines()[0] if cel["bron"].strip() else ""
            regels.append(f"\n{i}. Test mislukt ({eerste[:70]}):\n   {cel['melding']}")
        if self.geslaagd:
            regels.append(
                "Geslaagd: alle zichtbare tests slagen. Bij het nakijken draaien nog "
                "extra (verborgen) tests en worden open vragen door je docent beoordeeld."
            )
        elif self.gefaald:
            regels.append(
                f"\nNiet geslaagd: {len(self.gefaald)} testcel(len) mislukt. Lever je zo in, "
                "dan krijg je voor die vragen geen punten."
            )
        return "\n".join(regels)

    def __str__(self) -> str:
        return self.samenvatting()


def _config(tijdslimiet: int | None) -> Config:
    c = Config()
    c.IgnorePattern.pattern = WAARSCHUWINGSPATROON
    if tijdslimiet is not None:
        c.Execute.timeout = tijdslimiet
    return c


def valideer(notebook: str | Path, *, tijdslimiet: int | None = None) -> Validatie:
    """Voer een opdrachtnotebook uit en controleer de zichtbare tests, zoals nbgrader.

    Dit is wat ``nbgrader validate`` doet, maar met een uitkomst waarop een script of
    test kan beslissen (``Validatie.geslaagd``), Nederlandse meldingen, en dezelfde
    regel als bij het nakijken: een waarschuwing (stderr) is geen fout.

    Parameters
    ----------
    notebook : str or Path
        Het ``.ipynb``-bestand.
    tijdslimiet : int, optional
        Seconden per cel (standaard die van nbgrader, 30).

    Returns
    -------
    Validatie
    """
    pad = Path(notebook).resolve()
    if not pad.is_file():
        raise FileNotFoundError(f"notebook: {str(notebook)!r} bestaat niet.")
    uitkomst = _Validator(config=_config(tijdslimiet)).validate(str(pad))
    return Validatie(
        notebook=pad,
        gefaald=[
            {"bron": r["source"], "melding": r["raw_error"]} for r in uitkomst.get("failed", [])
        ],
        veranderd=[{"bron": r["source"]} for r in uitkomst.get("changed", [])],
        type_veranderd=[
            {"bron": r["source"], "was": r["old_type"], "is": r["new_type"]}
            for r in uitkomst.get("type_changed", [])
        ],
    )
