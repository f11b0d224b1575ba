"""Een veilige nbgrader-exchange op een gedeelde server (JupyterHub).

nbgrader documenteert een exchange die voor iedereen schrijfbaar is (``chmod 0777``). Dan
kan een student de cursusmap van de exchange overnemen. Deze kit maakt de exchange zo::

    /srv/nbgrader/exchange/           root     0755  (niemand anders schrijft hier)
      inleiding-sales/                docent   0755
        outbound/                     docent   0755  (uitgedeelde opdrachten: iedereen leest)
        inbound/                      docent:docenten  3733
                                      (setgid + sticky; studenten schrijven, maar zien niets)
        feedback/                     docent   0711  (feedback op een geheime naam)

Elke inlevering in ``inbound/`` krijgt via :class:`VeiligInleveren` modus 0770 (eigenaar en
de groep docenten; nbgrader zelf zet 0777), en :class:`VeiligOphalen` weigert bij het
verzamelen een inlevering waarvan de eigenaar niet de student is wiens naam erop staat
(nbgrader geeft dan alleen een waarschuwing, nbgrader-issue #978).

Examples
--------
>>> oct(MODI["inbound"])
'0o3733'
>>> sorted(MODI)
['cursus', 'feedback', 'inbound', 'outbound', 'root']
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MODI", "Inlevering", "eigenaar_klopt", "maak_exchange", "problemen"]

MODI = {
    "root": 0o755,
    "cursus": 0o755,
    "outbound": 0o755,
    "inbound": 0o3733,
    "feedback": 0o711,
}
"""De modus van elke map van de exchange (zonder bestandstype-bits)."""

INLEVERING_MAP = 0o770
INLEVERING_BESTAND = 0o640


def maak_exchange(root: Path, cursus: str, docent: str, groep: str) -> Path:
    """Maak (of herstel) de exchange voor één cursus en geef de cursusmap.

    Moet als root draaien (de mappen krijgen de docent als eigenaar). Bestaande inhoud
    blijft staan; alleen eigenaars en modi worden (opnieuw) gezet.
    """
    import grp
    import pwd

    uid = pwd.getpwnam(docent).pw_uid
    gid = grp.getgrnam(groep).gr_gid
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    os.chown(root, 0, 0)
    root.chmod(MODI["root"])
    cursusmap = root / cursus
    for naam, pad, groep_id in (
        ("cursus", cursusmap, gid),
        ("outbound", cursusmap / "outbound", gid),
        ("inbound", cursusmap / "inbound", gid),
        ("feedback", cursusmap / "feedback", gid),
    ):
        pad.mkdir(exist_ok=True)
        os.chown(pad, uid, groep_id)
        pad.chmod(MODI[naam])
    return cursusmap


def problemen(root: Path, cursus: str) -> list[str]:
    """Wat er onveilig is aan de exchange, in het Nederlands (leeg: in orde).

    >>> problemen(Path("/bestaat/niet"), "x")
    ['De exchange /bestaat/niet bestaat niet.']
    """
    root = Path(root)
    if not root.is_dir():
        return [f"De exchange {root} bestaat niet."]
    uit = []
    paden = {
        "root": root,
        "cursus": root / cursus,
        "outbound": root / cursus / "outbound",
        "inbound": root / cursus / "inbound",
        "feedback": root / cursus / "feedback",
    }
    for naam, pad in paden.items():
        if not pad.is_dir():
            uit.append(f"De map {pad} ontbreekt.")
            continue
        modus = stat.S_IMODE(pad.stat().st_mode)
        if modus != MODI[naam]:
            uit.append(f"{pad} heeft modus {modus:o}; verwacht {MODI[naam]:o}.")
    return uit


@dataclass(frozen=True)
class Inlevering:
    """Eén inlevering in ``inbound/``: ``<student>+<opdracht>+<tijd>[+<willekeurig>]``."""

    pad: Path
    student: str

    @classmethod
    def van(cls, pad: Path) -> Inlevering:
        """Lees de student uit de mapnaam.

        >>> Inlevering.van(Path("in/s1+opdracht1-nps+2026-12-07 10:00:00+AbC")).student
        's1'
        """
        return cls(Path(pad), Path(pad).name.rsplit("+", 3)[0])


def eigenaar_klopt(inlevering: Inlevering) -> str | None:
    """``None`` als de student zelf de eigenaar is van alles in de inlevering, anders de reden.

    Wie een map in ``inbound/`` maakt, is daarvan de eigenaar; een andere naam ervoor zetten
    verandert dat niet.
    """
    import pwd

    try:
        verwacht = pwd.getpwnam(inlevering.student).pw_uid
    except KeyError:
        return f"er bestaat geen gebruiker '{inlevering.student}' op deze server"
    paden = [inlevering.pad]
    for map_, mappen, bestanden in os.walk(inlevering.pad):
        paden += [Path(map_) / n for n in mappen + bestanden]
    for pad in paden:
        uid = pad.lstat().st_uid
        if uid != verwacht:
            try:
                naam = pwd.getpwuid(uid).pw_name
            except KeyError:
                naam = f"uid {uid}"
            wat = "de map" if pad == inlevering.pad else f"het bestand {pad.name}"
            return f"{wat} is gemaakt door gebruiker '{naam}', niet door '{inlevering.student}'"
    return None
