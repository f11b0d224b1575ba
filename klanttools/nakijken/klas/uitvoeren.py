"""Nakijken met werkprocessen: nbgraders eigen Autograde per student, naast elkaar.

Elk werkproces laadt nbgrader één keer en kijkt daarna de ene student na de andere
na met nbgraders ``Autograde`` (dezelfde gradebook, dezelfde preprocessors), maar met
:class:`~klanttools.nakijken.klas.kernel.ZandbakExecute` in plaats van ``Execute``
en de herstelde kopie uit de voorcontrole als ``submitted``-map. Daarna maakt het de
feedback (``GenerateFeedback``) voor die student. De uitslag per student komt in een
klein JSON-bestand (de *staat*): een tweede run slaat ongewijzigde inleveringen over
en gaat na een onderbreking verder waar hij was.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import re
import signal
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from klanttools.nakijken.klas.sandbox import Zandbak

__all__ = [
    "Instellingen",
    "Uitslag",
    "bereid_voor",
    "feedback_voor_klas",
    "kijk_klas_na",
    "lees_staat",
    "schrijf_staat",
]


@dataclass(frozen=True)
class Instellingen:
    """Alles wat een werkproces nodig heeft (gaat naar elk proces)."""

    root: Path
    opdracht: str
    werkmap: Path
    """``<root>/nakijken/<opdracht>``: kopieën, staat, logboeken, rapport."""
    zandbak: Zandbak
    tijd_per_cel: int = 30
    tijd_per_notebook: int = 300
    max_uitvoer_kb: int = 100

    @property
    def kopieen(self) -> Path:
        return self.werkmap / "ingeleverd"

    @property
    def staatmap(self) -> Path:
        return self.werkmap / "staat"

    @property
    def logmap(self) -> Path:
        return self.werkmap / "logboek"


@dataclass
class Uitslag:
    """Wat het nakijken van één student opleverde."""

    student: str
    status: str
    redenen: list[str] = field(default_factory=list)
    nagekeken: bool = False
    duur: float = 0.0
    vingerafdruk: str = ""
    fout: str = ""
    kernel_cpu: float = 0.0
    """Rekentijd (s) van de kernel(s) van deze student (voor de benchmark en het overzicht)."""
    voorgeladen: bool = False
    """Kwam elke kernel van deze student uit de voorgeladen kiem (zie ``klas.kiem``)?"""
    kiem_reden: str = ""
    """Waarom de kiem niet werd gebruikt (leeg als hij werkte of uit stond)."""


def lees_staat(instellingen: Instellingen, student: str) -> Uitslag | None:
    """De bewaarde uitslag van een eerdere run, of None."""
    pad = instellingen.staatmap / f"{student}.json"
    try:
        return Uitslag(**json.loads(pad.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def schrijf_staat(instellingen: Instellingen, uitslag: Uitslag) -> None:
    """Bewaar de uitslag atomair (eerst een tijdelijk bestand, dan hernoemen)."""
    instellingen.staatmap.mkdir(parents=True, exist_ok=True)
    pad = instellingen.staatmap / f"{uitslag.student}.json"
    tmp = pad.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(asdict(uitslag), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, pad)


# ---------------------------------------------------------------------------
# In het werkproces
# ---------------------------------------------------------------------------

_WERKER: dict[str, Any] = {}


def _config(ins: Instellingen) -> Any:
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.converters import Autograde, GenerateFeedback
    from nbgrader.preprocessors import Execute, GetGrades
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    from klanttools.nakijken.docent import FeedbackZonderAntwoorden
    from klanttools.nakijken.klas.kernel import BegrensUitvoer, ZandbakExecute
    from klanttools.nakijken.klas.schemacontrole import versnel_nbgrader_metadatacontrole

    versnel_nbgrader_metadatacontrole()

    cfg = Config()
    if (ins.root / "nbgrader_config.py").exists():
        cfg.merge(PyFileConfigLoader("nbgrader_config.py", path=str(ins.root)).load_config())
    cfg.CourseDirectory.root = str(ins.root)
    cfg.CourseDirectory.submitted_directory = os.path.relpath(ins.kopieen, ins.root)
    cfg.CourseDirectory.assignment_id = ins.opdracht
    pps = list(
        cfg.Autograde.get("autograde_preprocessors")
        or Autograde.class_traits()["autograde_preprocessors"].default()
    )
    pps = [ZandbakExecute if p is Execute else p for p in pps]
    if ZandbakExecute not in pps:
        pps.insert(0, ZandbakExecute)
    pps.insert(pps.index(ZandbakExecute) + 1, BegrensUitvoer)
    if ClearMetadataPreprocessor not in pps:
        pps.append(ClearMetadataPreprocessor)
    cfg.Autograde.autograde_preprocessors = pps
    cfg.ZandbakExecute.zandbak = ins.zandbak
    cfg.ZandbakExecute.timeout = ins.tijd_per_cel
    cfg.ZandbakExecute.wandtijd = float(ins.tijd_per_notebook)
    cfg.ZandbakExecute.shutdown_kernel = "immediate"
    cfg.BegrensUitvoer.max_kb = ins.max_uitvoer_kb
    # Feedback nooit met verborgen tests of beoordelingsmodel.
    fb = list(
        cfg.GenerateFeedback.get("preprocessors")
        or GenerateFeedback.class_traits()["preprocessors"].default()
    )
    if FeedbackZonderAntwoorden not in fb:
        fb.insert(fb.index(GetGrades) + 1 if GetGrades in fb else 0, FeedbackZonderAntwoorden)
    cfg.GenerateFeedback.preprocessors = fb
    if "exporter_class" not in cfg.GenerateFeedback:
        from klanttools.nakijken.klas.feedbackhtml import FeedbackExporter

        cfg.GenerateFeedback.exporter_class = FeedbackExporter
    return cfg


def _start_werker(ins: Instellingen) -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    # nbgrader en SQLAlchemy waarschuwen over hun eigen binnenwerk; dat hoort niet in
    # de uitvoer voor de docent (het logboek per student houdt de nbgrader-meldingen).
    warnings.filterwarnings("ignore")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    if _WERKER.get("ins") != ins:  # bij 'spawn' (geen fork): zelf laden
        _WERKER["cfg"] = _config(ins)
        _WERKER["ins"] = ins


def bereid_voor(ins: Instellingen) -> None:
    """Laad de nbgrader-configuratie in het hoofdproces (werkprocessen erven haar via fork).

    Een fout in ``nbgrader_config.py`` komt zo één keer en meteen naar boven, niet bij
    elke student.
    """
    _WERKER["cfg"] = _config(ins)
    _WERKER["ins"] = ins


def _logger(ins: Instellingen, student: str) -> tuple[logging.Logger, logging.Handler]:
    ins.logmap.mkdir(parents=True, exist_ok=True)
    log = logging.getLogger(f"klanttools.klas.{student}")
    log.propagate = False
    log.setLevel(logging.INFO)
    handler = logging.FileHandler(ins.logmap / f"{student}.log", mode="w", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s [%(levelname)s] %(message)s"))
    log.addHandler(handler)
    return log, handler


def _draai(klasse: Any, cfg: Any, student: str, log: logging.Logger) -> None:
    from nbgrader.coursedir import CourseDirectory

    cd = CourseDirectory(config=cfg)
    cd.student_id = student
    app = klasse(coursedir=cd, config=cfg, log=log)
    app.force = True
    if hasattr(app, "create_student"):
        app.create_student = True
    app.start()


def _redenen_uit_notebook(pad: Path, tijd_per_cel: int) -> list[str]:
    """Wat er tijdens het uitvoeren misging, in het Nederlands (uit het nagekeken notebook)."""
    try:
        nb = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    redenen: list[str] = []
    gestopt = False
    for i, cel in enumerate(nb.get("cells", []), start=1):
        naam = cel.get("metadata", {}).get("nbgrader", {}).get("grade_id") or f"cel {i}"
        for u in cel.get("outputs", []):
            if u.get("output_type") != "error":
                continue
            if u.get("ename") == "KernelGestopt" and not gestopt:
                gestopt = True
                redenen.append(f"kernel gestopt bij {naam}: {u.get('evalue', '')}")
            elif u.get("ename") == "CellTimeoutError":
                redenen.append(f"{naam} duurde langer dan {tijd_per_cel} s en is onderbroken")
            elif u.get("ename") == "StdinNotImplementedError":
                redenen.append(f"{naam} vraagt om invoer (input()); dat kan niet bij het nakijken")
    return redenen


def kijk_een_na(student: str, status: str, vingerafdruk: str) -> Uitslag:
    """Kijk één (voorgecontroleerde) student na in dit werkproces."""
    from nbgrader.converters import Autograde

    from klanttools.nakijken.klas.kernel import KERNEL_CPU, KERNEL_VOORGELADEN, kiem_reden

    KERNEL_CPU.clear()
    KERNEL_VOORGELADEN.clear()
    ins: Instellingen = _WERKER["ins"]
    cfg = _WERKER["cfg"]
    begin = time.perf_counter()
    # Eerst de oude staat weg: wie halverwege wordt onderbroken, wordt volgende keer
    # opnieuw nagekeken (ook als de inlevering niet veranderde).
    (ins.staatmap / f"{student}.json").unlink(missing_ok=True)
    log, handler = _logger(ins, student)
    uitslag = Uitslag(student, status, vingerafdruk=vingerafdruk)
    try:
        for poging in (1, 2):
            try:
                _draai(Autograde, cfg, student, log)
                break
            except Exception as e:  # nbgrader meldt alles als NbGraderException
                tekst = traceback.format_exc()
                if poging == 1 and "database is locked" in tekst:
                    time.sleep(1.0)
                    continue
                raise RuntimeError(_laatste_fout(log, e)) from e
        map_ = ins.root / "autograded" / student / ins.opdracht
        for nb in sorted(map_.glob("*.ipynb")):
            uitslag.redenen += _redenen_uit_notebook(nb, ins.tijd_per_cel)
        uitslag.nagekeken = True
    except Exception as e:
        uitslag.fout = str(e) or type(e).__name__
        uitslag.status = (
            f"niet nakijkbaar: nbgrader kon deze inlevering niet nakijken ({uitslag.fout})"
        )
    finally:
        log.removeHandler(handler)
        handler.close()
    uitslag.duur = round(time.perf_counter() - begin, 3)
    uitslag.kernel_cpu = round(sum(KERNEL_CPU), 3)
    uitslag.voorgeladen = bool(KERNEL_VOORGELADEN) and all(KERNEL_VOORGELADEN)
    uitslag.kiem_reden = kiem_reden() or ""
    schrijf_staat(ins, uitslag)
    return uitslag


def maak_feedback(studenten: list[str]) -> dict[str, str]:
    """Feedback voor een groep nagekeken studenten, met één exporter (sneller dan per student).

    Geeft per student een foutmelding als het niet lukte (anders niets).
    """
    from nbgrader.converters import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory
    from traitlets import List

    class FeedbackVoorStudenten(GenerateFeedback):
        studenten = List([])

        def init_notebooks(self) -> None:
            super().init_notebooks()
            wel = set(self.studenten)
            self.assignments = {
                a: nbs for a, nbs in self.assignments.items() if Path(a).parent.name in wel
            }

    ins: Instellingen = _WERKER["ins"]
    log, handler = _logger(ins, f"feedback-{os.getpid()}")
    fouten: dict[str, str] = {}
    try:
        cd = CourseDirectory(config=_WERKER["cfg"])
        cd.student_id = "*"
        app = FeedbackVoorStudenten(coursedir=cd, config=_WERKER["cfg"], log=log)
        app.force = True
        app.studenten = list(studenten)
        try:
            app.start()
        except Exception as e:  # nbgrader gaat door en meldt de mislukte aan het eind
            melding = _laatste_fout(log, e)
            for sid in studenten:
                if not any((ins.root / "feedback" / sid / ins.opdracht).glob("*.html")):
                    fouten[sid] = melding
    finally:
        log.removeHandler(handler)
        handler.close()
    return fouten


_FOUTREGEL = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit)\b.*")


def _laatste_fout(log: logging.Logger, e: Exception) -> str:
    """De echte foutregel uit het logboek (nbgrader zelf zegt alleen 'see the traceback')."""
    regels: list[str] = []
    for h in log.handlers:
        naam = getattr(h, "baseFilename", None)
        if naam:
            h.flush()
            regels = Path(naam).read_text(encoding="utf-8", errors="replace").splitlines()
    fouten = [r.strip() for r in regels if _FOUTREGEL.match(r.strip())]
    if fouten:
        return fouten[-1][:300]
    regels = [r for r in str(e).splitlines() if r.strip()]
    return (regels[-1] if regels else type(e).__name__)[:300]


# ---------------------------------------------------------------------------
# In het hoofdproces
# ---------------------------------------------------------------------------


def _context() -> Any:
    methoden = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methoden else "spawn")


def kijk_klas_na(
    ins: Instellingen,
    taken: list[tuple[str, str, str]],
    *,
    werkers: int,
    bij_klaar: Callable[[Uitslag], None] | None = None,
) -> Iterator[Uitslag]:
    """Kijk ``taken`` (student, status, vingerafdruk) na met ``werkers`` processen.

    Geeft de uitslagen in de volgorde waarin ze klaar zijn. Een fout bij één student
    stopt de rest niet. Bij Ctrl+C stoppen de werkprocessen (en met hen de kernels);
    wat al klaar was, staat in de staat.
    """
    if not taken:
        return
    werkers = max(1, min(werkers, len(taken)))
    vorige = signal.getsignal(signal.SIGINT)
    pool = ProcessPoolExecutor(
        max_workers=werkers, mp_context=_context(), initializer=_start_werker, initargs=(ins,)
    )
    lopend: dict[Future[Uitslag], str] = {}
    wachtrij = list(taken)
    pogingen: dict[str, int] = {}
    try:
        while wachtrij or lopend:
            while wachtrij and len(lopend) < werkers * 2:
                student, status, vinger = wachtrij.pop(0)
                lopend[pool.submit(kijk_een_na, student, status, vinger)] = student
            klaar, _ = wait(lopend, return_when=FIRST_COMPLETED)
            kapot = False
            for f in klaar:
                student = lopend.pop(f)
                try:
                    uitslag = f.result()
                except Exception as e:  # een werkproces stierf (bijv. gedood)
                    kapot = True
                    pogingen[student] = pogingen.get(student, 0) + 1
                    if pogingen[student] < 2:
                        wachtrij.insert(0, next(t for t in taken if t[0] == student))
                        continue
                    uitslag = Uitslag(
                        student,
                        f"niet nakijkbaar: het nakijkproces stopte onverwacht ({type(e).__name__})",
                        fout=str(e),
                    )
                    schrijf_staat(ins, uitslag)
                if bij_klaar is not None:
                    bij_klaar(uitslag)
                yield uitslag
            if kapot:
                for g, s in list(lopend.items()):
                    wachtrij.insert(0, next(t for t in taken if t[0] == s))
                    del lopend[g]
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(
                    max_workers=werkers,
                    mp_context=_context(),
                    initializer=_start_werker,
                    initargs=(ins,),
                )
    except KeyboardInterrupt:
        for p in list(getattr(pool, "_processes", {}).values()):
            p.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        signal.signal(signal.SIGINT, vorige)
        pool.shutdown(wait=True, cancel_futures=True)
    sys.stderr.flush()


def feedback_voor_klas(ins: Instellingen, studenten: list[str], *, werkers: int) -> dict[str, str]:
    """Maak feedback voor ``studenten`` in ``werkers`` processen; geeft de fouten per student."""
    if not studenten:
        return {}
    werkers = max(1, min(werkers, len(studenten)))
    groepen = [studenten[i::werkers] for i in range(werkers)]
    fouten: dict[str, str] = {}
    with ProcessPoolExecutor(
        max_workers=werkers, mp_context=_context(), initializer=_start_werker, initargs=(ins,)
    ) as pool:
        for f in [pool.submit(maak_feedback, g) for g in groepen]:
            fouten.update(f.result())
    return fouten
