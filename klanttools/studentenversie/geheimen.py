"""Wat in een studentversie nooit mag staan, afgeleid uit de docentenversie van de opdrachten.

Uit elk notebook in ``exercises/source/`` komen de **geheimen**: de modeloplossingen
(antwoordcellen, met of zonder ``BEGIN SOLUTION``-grenzen), de verborgen tests in
testcellen met punten, en het beoordelingsmodel (``BEGIN MARK SCHEME``). Elke regel
daarvan is een geheim, behalve regels die ook in de uitgedeelde versie staan (zoals een
zichtbare controle) en regels zonder inhoud (``else:``, ``)``). Vergeleken wordt zonder
spaties, zodat ``keuze_x="D"`` even verdacht is als ``keuze_x = "D"``.

:func:`zoek_lekken` doorzoekt daarna elk bestand van een map (ook binnen zip- en
wheelbestanden, en in JSON ook de tekst van de strings) op zo'n regel en op de
grensregels van nbgrader.

Examples
--------
>>> cel = {"cell_type": "code", "source": "x = 1\\n### BEGIN SOLUTION\\nantwoord = 'C'\\n### END SOLUTION",
...        "metadata": {"nbgrader": {"solution": True, "grade": False}}}
>>> geheime_regels({"cells": [cel]})
{"antwoord='C'"}
>>> zoek_in_tekst("a\\nantwoord = 'C'\\n", {"antwoord='C'"})
["antwoord = 'C'"]
>>> zoek_in_tekst("   ### BEGIN HIDDEN TESTS", set())
['### BEGIN HIDDEN TESTS']
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

__all__ = [
    "GRENSREGEL",
    "VERBODEN_NAMEN",
    "geheime_regels",
    "geheime_stukken",
    "kaal",
    "sleutels",
    "zoek_in_tekst",
    "zoek_lekken",
]

GRENSREGEL = re.compile(
    r"^\s*(?:#+|=+)\s*(?:BEGIN|END)\s+(?:SOLUTION|HIDDEN\s+TESTS|MARK\s+SCHEME)\b", re.I
)
"""Een grensregel van nbgrader (``### BEGIN SOLUTION``, ``=== END MARK SCHEME ===`` …)."""

VERBODEN_NAMEN = frozenset(
    {
        "source",
        "tests",
        "benchmarks",
        "gradebook.db",
        "nbgrader_config.py",
        "autograded",
        "submitted",
        "feedback",
        ".git",
    }
)
"""Map- of bestandsnamen die alleen bij de docent of ontwikkelaar horen."""

MINIMALE_LENGTE = 8
"""Kortere regels (zonder spaties) zijn geen geheim: ``else:``, ``},``, ``"ABCD",``."""

GEDEELDE_KOP = 3
"""Een regel in de verborgen tests van minstens zoveel cellen hoort bij de gedeelde kop."""

LANGE_REGEL = 24
"""Vanaf deze lengte (zonder spaties) telt een geheim ook als deel van een langere regel."""

_STRUCTUUR = re.compile(
    r"^(?:(?:return|else|elif|if|for|while|def|try|except|finally|pass|break|continue)\b.*"
    r"|[\w.]*[=(]?[{(\[]?)$"
)
"""Regels zonder eigen inhoud: ``return "promotor"``, ``elif score >= 7:``, ``controleer_gelijk(``.

Zulke regels staan ook in de rekenkern en de lessen (de NPS-indeling is lesstof); de
inhoud van een opdracht zit in de toewijzingen, aanroepen en teksten eromheen.
"""

_SLEUTEL = re.compile(r"^\s*(\w+)\s*=\s*(\"[^\"\n]{1,3}\"|'[^'\n]{1,3}'|-?\d+(?:\.\d+)?)\s*$")
_JUIST = re.compile(r"\bjuist\s*=\s*(\"[^\"\n]{1,3}\"|'[^'\n]{1,3}'|-?\d+(?:\.\d+)?)")
_NAAM = re.compile(r"\bnaam\s*=\s*[\"'](\w+)[\"']")

_GEBIEDEN = {
    "oplossing": (re.compile(r"BEGIN\s+SOLUTION"), re.compile(r"END\s+SOLUTION")),
    "verborgen test": (re.compile(r"BEGIN\s+HIDDEN\s+TESTS"), re.compile(r"END\s+HIDDEN\s+TESTS")),
    "beoordelingsmodel": (re.compile(r"BEGIN\s+MARK\s+SCHEME"), re.compile(r"END\s+MARK\s+SCHEME")),
}


def kaal(tekst: str) -> str:
    """Tekst zonder witruimte, om te vergelijken.

    >>> kaal(' keuze_x = "D" ')
    'keuze_x="D"'
    """
    return re.sub(r"\s+", "", tekst)


def _bron(cel: Mapping[str, Any]) -> str:
    bron = cel.get("source", "")
    return "".join(bron) if isinstance(bron, list) else str(bron)


def _gebied(regels: list[str], begin: re.Pattern[str], einde: re.Pattern[str]) -> list[str]:
    binnen, uit = False, []
    for regel in regels:
        if begin.search(regel):
            binnen = True
        elif einde.search(regel):
            binnen = False
        elif binnen:
            uit.append(regel)
    return uit


def geheime_stukken(nb: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """Alle geheime regels van een docentennotebook als ``(cel, soort, regel)``.

    Een antwoordcel (``solution``) zonder ``BEGIN SOLUTION`` is in zijn geheel de
    oplossing (nbgrader vervangt dan de hele cel). Verborgen tests tellen in elke cel
    met punten die geen antwoordcel is; het beoordelingsmodel in elke cel.
    """
    for cel in nb.get("cells", []):
        meta = cel.get("metadata", {}).get("nbgrader", {})
        naam = meta.get("grade_id", "?")
        regels = _bron(cel).split("\n")
        if meta.get("solution"):
            begin, einde = _GEBIEDEN["oplossing"]
            heeft_grenzen = any(begin.search(r) for r in regels)
            for regel in _gebied(regels, begin, einde) if heeft_grenzen else regels:
                yield naam, "oplossing", regel
        if meta.get("grade") and not meta.get("solution"):
            for regel in _gebied(regels, *_GEBIEDEN["verborgen test"]):
                yield naam, "verborgen test", regel
        for regel in _gebied(regels, *_GEBIEDEN["beoordelingsmodel"]):
            yield naam, "beoordelingsmodel", regel


def _openbare_tekst(nb: Mapping[str, Any]) -> str:
    """Alle tekst van het docentennotebook buiten de geheime gebieden."""
    stukken = []
    for cel in nb.get("cells", []):
        meta = cel.get("metadata", {}).get("nbgrader", {})
        regels = _bron(cel).split("\n")
        if meta.get("solution"):
            begin, einde = _GEBIEDEN["oplossing"]
            if not any(begin.search(r) for r in regels):
                continue
            regels = _buiten(regels, begin, einde)
        for soort in ("verborgen test", "beoordelingsmodel"):
            regels = _buiten(regels, *_GEBIEDEN[soort])
        stukken.append("\n".join(regels))
    return "\n".join(stukken)


def _buiten(regels: list[str], begin: re.Pattern[str], einde: re.Pattern[str]) -> list[str]:
    uit, binnen = [], False
    for regel in regels:
        if begin.search(regel):
            binnen = True
        elif einde.search(regel):
            binnen = False
        elif not binnen:
            uit.append(regel)
    return uit


def geheime_regels(bron: Mapping[str, Any]) -> set[str]:
    """De geheime regels (zonder witruimte) van een docentennotebook.

    Niet geheim: regels die ook buiten de geheime gebieden staan (een zichtbare controle,
    de vraagtekst), korte regels en regels zonder eigen inhoud (zie ``_STRUCTUUR``).
    """
    openbaar = kaal(_openbare_tekst(bron))
    # Een regel die in de verborgen tests van veel cellen terugkomt, is de gedeelde kop
    # (controles vers laden, data laden), geen antwoord; die staat ook in de documentatie.
    cellen_per_regel: dict[str, set[str]] = {}
    for cel, soort, regel in geheime_stukken(bron):
        if soort == "verborgen test":
            cellen_per_regel.setdefault(kaal(regel), set()).add(cel)
    kop = {k for k, cellen in cellen_per_regel.items() if len(cellen) >= GEDEELDE_KOP}
    uit = set()
    for _, _, regel in geheime_stukken(bron):
        k = kaal(regel)
        if k in kop:
            continue
        if (
            len(k) >= MINIMALE_LENGTE
            and re.search(r"\w", k)
            and k not in openbaar
            and not _STRUCTUUR.match(k)
        ):
            uit.add(k)
    return uit


def sleutels(bron: Mapping[str, Any]) -> set[tuple[str, str]]:
    """De antwoordsleutel: ``(variabele, verwachte waarde)`` uit oplossingen en verborgen tests.

    Een oplossingsregel ``keuze_x = "D"`` (een korte tekst of een getal), of een verborgen
    test met ``juist="C"`` en ``naam="keuze_x"``.

    >>> cel = {"source": 'x = 1\\nkeuze_x = "D"', "metadata": {"nbgrader": {"solution": True}}}
    >>> sorted(sleutels({"cells": [cel]}))
    [('keuze_x', '"D"'), ('x', '1')]
    """
    uit: set[tuple[str, str]] = set()
    verborgen: dict[str, list[str]] = {}
    for cel, soort, regel in geheime_stukken(bron):
        if soort == "oplossing" and (m := _SLEUTEL.match(regel)):
            uit.add((m.group(1), m.group(2)))
        elif soort == "verborgen test":
            verborgen.setdefault(cel, []).append(regel)
    for regels in verborgen.values():
        tekst = "\n".join(regels)
        for juist, naam in zip(_JUIST.findall(tekst), _NAAM.findall(tekst), strict=False):
            uit.add((naam, juist))
    return uit


def _sleutel_in(k: str, sleutel: tuple[str, str]) -> bool:
    naam, waarde = (kaal(x) for x in sleutel)
    if re.search(rf"(?<!\w){re.escape(naam)}={re.escape(waarde)}(?![\w.])", k):
        return True
    return f"juist={waarde}" in k and re.search(rf"(?<!\w){re.escape(naam)}(?!\w)", k) is not None


def zoek_in_tekst(
    tekst: str, geheimen: set[str], sleutels: Iterable[tuple[str, str]] = ()
) -> list[str]:
    """De regels van ``tekst`` met een grensregel, een geheime regel of een antwoordsleutel.

    Een korte geheime regel moet de hele regel zijn; een lange (:data:`LANGE_REGEL`) telt
    ook als deel van een regel.

    >>> zoek_in_tekst("x\\n# keuze_x = 'C'", set(), [("keuze_x", "'C'")])
    ["# keuze_x = 'C'"]
    """
    kort = {g for g in geheimen if len(g) < LANGE_REGEL}
    lang = geheimen - kort
    sleutels = list(sleutels)
    gevonden = []
    for regel in tekst.splitlines():
        k = kaal(regel)
        if not k:
            continue
        if (
            GRENSREGEL.search(regel)
            or k in kort
            or any(g in k for g in lang)
            or any(_sleutel_in(k, s) for s in sleutels)
        ):
            gevonden.append(regel.strip())
    return gevonden


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, list):
        for x in data:
            yield from _strings(x)
    elif isinstance(data, dict):
        for k, v in data.items():
            yield k
            yield from _strings(v)


def _teksten(naam: str, inhoud: bytes) -> Iterator[tuple[str, str]]:
    """De doorzoekbare tekst(en) van een bestand; zip- en wheelbestanden worden uitgepakt."""
    if inhoud[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
            for info in z.infolist():
                if not info.is_dir():
                    yield from _teksten(f"{naam}!{info.filename}", z.read(info))
        return
    tekst = inhoud.decode("utf-8", errors="replace")
    yield naam, tekst
    if naam.endswith((".ipynb", ".json")):
        try:
            yield naam, "\n".join(_strings(json.loads(tekst)))
        except ValueError:
            pass


def _namen(naam: str) -> set[str]:
    return set(PurePosixPath(naam.replace("!", "/")).parts)


def zoek_lekken(
    map_of_zip: Path, geheimen: Iterable[str], sleutels: Iterable[tuple[str, str]] = ()
) -> list[str]:
    """Alle lekken in een map of zipbestand, als leesbare regels (leeg = niets gevonden).

    Een lek is een bestand of map met een verboden naam (:data:`VERBODEN_NAMEN`), een
    grensregel van nbgrader, of een regel met een geheim.
    """
    geheimen, sleutels = set(geheimen), list(sleutels)
    pad = Path(map_of_zip)
    if pad.is_dir():
        bestanden = [
            (p.relative_to(pad).as_posix(), p.read_bytes())
            for p in sorted(pad.rglob("*"))
            if p.is_file() and ".venv" not in p.relative_to(pad).parts
        ]
    else:
        bestanden = [(pad.name, pad.read_bytes())]
    lekken = []
    for naam, inhoud in bestanden:
        for deelnaam, tekst in _teksten(naam, inhoud):
            verboden = _namen(deelnaam) & VERBODEN_NAMEN
            if verboden:
                lekken.append(f"{deelnaam}: verboden naam {sorted(verboden)}")
            for regel in zoek_in_tekst(tekst, geheimen, sleutels):
                lekken.append(f"{deelnaam}: {regel[:120]}")
    return sorted(set(lekken))
