"""Het verloop van één nakijkronde: voorcontrole → parallel nakijken → cijfers, feedback, rapport.

:func:`kijk_klas_na_en_rapporteer` is wat ``python -m klanttools.nakijken klas OPDRACHT``
doet. Niets raakt zoek: elke map in ``submitted/`` met deze opdracht komt in het
cijferbestand, met een status; de tellingen kloppen (ingeleverd = nagekeken +
niet nakijkbaar).
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from klanttools.nakijken.klas.cijfers import Cijferregel, cijfer, lees_punten
from klanttools.nakijken.klas.kernel import kiem_voor, start_kiem_vooraf, stop_kiem
from klanttools.nakijken.klas.sandbox import Zandbak, maak_bytecode, maak_mpl_cache
from klanttools.nakijken.klas.uitvoeren import (
    Instellingen,
    Uitslag,
    bereid_voor,
    feedback_voor_klas,
    kijk_klas_na,
    lees_staat,
    schrijf_staat,
)
from klanttools.nakijken.klas.voorcontrole import Bron, Voorcontrole, voorcontrole

__all__ = ["Fout", "Ronde", "kijk_klas_na_en_rapporteer", "zoek_opdracht"]

VERSIE = "klas-1"
"""Gaat mee in de vingerafdruk: een nieuwe versie kijkt alles opnieuw na."""


class Fout(Exception):
    """Een fout van de gebruiker (verkeerde map, onbekende opdracht): Nederlandse uitleg."""


@dataclass
class Ronde:
    """De uitkomst van een nakijkronde."""

    opdracht: str
    regels: list[Cijferregel]
    vragen: list[str]
    voorcontroles: dict[str, Voorcontrole]
    uitslagen: dict[str, Uitslag]
    overgeslagen: list[str] = field(default_factory=list)
    niet_ingeleverd: list[str] = field(default_factory=list)
    duur: float = 0.0
    onderbroken: bool = False
    zandbak: bool = True

    @property
    def ingeleverd(self) -> list[str]:
        return sorted(self.voorcontroles)

    @property
    def nagekeken(self) -> list[str]:
        return [s for s in self.ingeleverd if self.uitslagen.get(s) and self.uitslagen[s].nagekeken]

    @property
    def geweigerd(self) -> list[str]:
        return [s for s in self.ingeleverd if s not in self.nagekeken and s in self.uitslagen]

    @property
    def hersteld(self) -> list[str]:
        return [s for s in self.nagekeken if self.uitslagen[s].status.startswith("hersteld")]


def zoek_opdracht(root: Path, opdracht: str) -> list[Bron]:
    """De notebooks van de opdracht uit ``source/``; een :class:`Fout` als die er niet is."""
    bronmap = root / "source" / opdracht
    if not (root / "source").is_dir():
        raise Fout(
            f"In {root} staat geen map 'source/'. Draai dit commando in de nbgrader-cursusmap "
            "(de map met nbgrader_config.py, bij deze kit: exercises/)."
        )
    if not bronmap.is_dir():
        bestaand = sorted(p.name for p in (root / "source").iterdir() if p.is_dir())
        raise Fout(
            f"Opdracht '{opdracht}' bestaat niet: er is geen map source/{opdracht}. "
            f"Wel aanwezig: {', '.join(bestaand) or '(geen)'}."
        )
    notebooks = sorted(bronmap.glob("*.ipynb"))
    if not notebooks:
        raise Fout(f"In source/{opdracht} staat geen notebook (.ipynb).")
    return [Bron.lees(p) for p in notebooks]


def _controleer_gradebook(db_url: str, opdracht: str) -> list[str]:
    """Bestaat de opdracht in de gradebook? Geeft de studenten die er al in staan."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gb:
        try:
            gb.find_assignment(opdracht)
        except MissingEntry:
            raise Fout(
                f"Opdracht '{opdracht}' staat nog niet in gradebook.db. Draai eerst: "
                f"nbgrader generate_assignment {opdracht}"
            ) from None
        return sorted(s.id for s in gb.students)


def _ingeleverd(root: Path, opdracht: str) -> list[str]:
    map_ = root / "submitted"
    if not map_.is_dir():
        return []
    return sorted(
        p.name
        for p in map_.iterdir()
        if not p.name.startswith(".") and ((p / opdracht).exists() or (p / opdracht).is_symlink())
    )


def _vingerafdruk_extra(bronnen: list[Bron], ins: Instellingen, root: Path) -> str:
    h = hashlib.sha256(VERSIE.encode())
    for b in bronnen:
        h.update((root / "source" / ins.opdracht / f"{b.naam}.ipynb").read_bytes())
    config = root / "nbgrader_config.py"
    if config.exists():
        h.update(config.read_bytes())
    h.update(
        f"{ins.tijd_per_cel}|{ins.tijd_per_notebook}|{ins.zandbak.aan}|{ins.zandbak.grenzen}".encode()
    )
    return h.hexdigest()


def kijk_klas_na_en_rapporteer(
    root: Path,
    opdracht: str,
    *,
    zandbak: Zandbak,
    werkers: int = 2,
    tijd_per_cel: int = 30,
    tijd_per_notebook: int = 300,
    opnieuw: bool = False,
    feedback: bool = True,
    cesuur: float = 0.55,
    decimalen: int = 1,
    afronding: str = "half-omhoog",
    voortgang: Callable[[int], Callable[[Uitslag], None]] | None = None,
) -> Ronde:
    """Kijk alle inleveringen van ``opdracht`` in cursusmap ``root`` na.

    Schrijft niets in ``submitted/``. Geeft een :class:`Ronde` met de cijferregels;
    bestanden schrijven doet de opdrachtregel.
    """
    begin = time.perf_counter()
    root = Path(root).resolve()
    bronnen = zoek_opdracht(root, opdracht)
    db_url = f"sqlite:///{root / 'gradebook.db'}"
    bekend = _controleer_gradebook(db_url, opdracht)
    werkmap = root / "nakijken" / opdracht
    # De kiem laadt alvast (Python, ipykernel, pandas, klanttools) terwijl de voorcontrole
    # loopt; alle werkprocessen delen hem.
    start_kiem_vooraf(zandbak)
    if zandbak.aan and zandbak.mpl_cache is None:
        zandbak = replace(zandbak, mpl_cache=maak_mpl_cache(werkmap / "matplotlib"))
    if zandbak.aan and not zandbak.bytecode:
        zandbak = replace(zandbak, bytecode=maak_bytecode(werkmap / "bytecode"))
    ins = Instellingen(
        root=root,
        opdracht=opdracht,
        werkmap=werkmap,
        zandbak=zandbak,
        tijd_per_cel=tijd_per_cel,
        tijd_per_notebook=tijd_per_notebook,
    )
    extra = _vingerafdruk_extra(bronnen, ins, root)
    studenten = _ingeleverd(root, opdracht)

    voorcontroles: dict[str, Voorcontrole] = {}
    uitslagen: dict[str, Uitslag] = {}
    taken: list[tuple[str, str, str]] = []
    overgeslagen: list[str] = []
    for sid in studenten:
        kopie = ins.kopieen / sid / opdracht
        try:
            vc = voorcontrole(root / "submitted" / sid / opdracht, kopie, bronnen, sid, extra)
        except Exception as e:  # één rare inlevering mag de rest niet tegenhouden
            vc = Voorcontrole(sid, nakijkbaar=False)
            vc.weigering = f"de voorcontrole liep vast ({type(e).__name__}: {e})"
        voorcontroles[sid] = vc
        if not vc.nakijkbaar:
            uitslagen[sid] = Uitslag(sid, vc.status, vingerafdruk=vc.vingerafdruk)
            schrijf_staat(ins, uitslagen[sid])
            shutil.rmtree(ins.kopieen / sid, ignore_errors=True)
            continue
        vorig = lees_staat(ins, sid)
        if (
            not opnieuw
            and vorig is not None
            and vorig.nagekeken
            and vorig.vingerafdruk == vc.vingerafdruk
            and (root / "autograded" / sid / opdracht).is_dir()
        ):
            uitslagen[sid] = vorig
            overgeslagen.append(sid)
            continue
        taken.append((sid, vc.status, vc.vingerafdruk))

    if taken:
        kiem_voor(zandbak)  # klaar en beproefd vóór de werkprocessen hem erven
        try:
            bereid_voor(ins)
        except Exception as e:
            raise Fout(
                f"De nbgrader-instellingen konden niet worden geladen ({type(e).__name__}: {e}). "
                "Controleer nbgrader_config.py."
            ) from e
    onderbroken = False
    bij_klaar = voortgang(len(taken)) if voortgang and taken else None
    try:
        for uitslag in kijk_klas_na(ins, taken, werkers=werkers, bij_klaar=bij_klaar):
            uitslagen[uitslag.student] = uitslag
        if feedback:
            nagekeken = sorted(s for s, u in uitslagen.items() if u.nagekeken)
            if nagekeken and not taken:
                bereid_voor(ins)
            for sid, fout in feedback_voor_klas(ins, nagekeken, werkers=werkers).items():
                uitslagen[sid].redenen.append(f"feedback maken mislukte ({fout})")
    except KeyboardInterrupt:
        onderbroken = True
    finally:
        stop_kiem()

    vragen = [
        (f"{b.naam}:{c.grade_id}" if len(bronnen) > 1 else c.grade_id)
        for b in bronnen
        for c in b.met_punten()
    ]
    max_bron = sum(c.punten for b in bronnen for c in b.met_punten())
    punten = lees_punten(db_url, opdracht, [s for s, u in uitslagen.items() if u.nagekeken])
    regels: list[Cijferregel] = []
    for sid in studenten:
        u = uitslagen.get(sid)
        if u is None:
            regels.append(
                Cijferregel(
                    sid,
                    "",
                    "niet nakijkbaar: nakijken onderbroken; draai het commando opnieuw",
                    max_punten=max_bron,
                )
            )
            continue
        if not u.nagekeken or sid not in punten:
            regels.append(
                Cijferregel(
                    sid,
                    "",
                    u.status
                    if u.status.startswith("niet nakijkbaar")
                    else f"niet nakijkbaar: {u.fout or 'geen uitslag in de gradebook'}",
                    reden=u.status.removeprefix("niet nakijkbaar: "),
                    max_punten=max_bron,
                    cijfer=cijfer(
                        0, max_bron, cesuur=cesuur, decimalen=decimalen, afronding=afronding
                    ),
                )
            )
            continue
        per_vraag, open_, maximum, naam = punten[sid]
        totaal = sum(v for v in per_vraag.values() if v is not None)
        redenen = list(u.redenen)
        if open_:
            redenen.append("voorlopig: nog met de hand te beoordelen: " + ", ".join(open_))
        regels.append(
            Cijferregel(
                sid,
                naam,
                u.status,
                reden="; ".join(redenen),
                punten=totaal,
                max_punten=maximum or max_bron,
                cijfer=cijfer(
                    totaal,
                    maximum or max_bron,
                    cesuur=cesuur,
                    decimalen=decimalen,
                    afronding=afronding,
                ),
                per_vraag=per_vraag,
                handmatig_open=open_,
            )
        )
    niet_ingeleverd = [s for s in bekend if s not in voorcontroles]
    return Ronde(
        opdracht,
        regels,
        vragen,
        voorcontroles,
        uitslagen,
        overgeslagen,
        niet_ingeleverd,
        round(time.perf_counter() - begin, 2),
        onderbroken,
        zandbak.aan,
    )
