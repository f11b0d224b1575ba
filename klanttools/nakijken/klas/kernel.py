"""Een nbgrader-kernel in de zandbak: eigen kernelmanager en eigen Execute-preprocessor.

nbgrader 0.9.6 negeert ``c.Execute.kernel_manager_class`` (zijn ``Execute`` zet die
zelf in ``__init__``), daarom is er een eigen preprocessor: :class:`ZandbakExecute`.

- de kernel start via :class:`ZandbakKernelManager` in een
  :class:`~klanttools.nakijken.klas.sandbox.Zandbak`, met IPC-sockets in een eigen
  tijdelijke map en ``interrupt_mode = "message"`` (een signaal komt niet door de
  zandbak heen; een bericht wel, zodat een tijdslimiet per cel de cel onderbreekt
  in plaats van de kernel te doden);
- ``wandtijd`` seconden na de eerste cel wordt de kernel gestopt;
- stopt de kernel (``os._exit``, geheugen of rekentijd op, wandtijd), dan krijgen deze
  en de volgende codecellen een Nederlandse foutmelding en gaat het nakijken door:
  een bepaalde score met een reden, geen mislukte inlevering;
- vlak vóór de eerste antwoordcel maakt het een **momentopname** (onzichtbaar, buiten het
  notebook) van de modules van klanttools, de ingebouwde functies en de namen die naar de
  controles (``klanttools.nakijken``) wijzen; vóór elke testcel zet het die terug. Wie een controle vervangt
  (``controleer_gelijk = lambda *a, **k: None``, ``klanttools.nakijken.controleer_nps =
  …``, ``builtins.isinstance = …``) wint daar zo niets mee. Lukt terugzetten niet (de
  momentopname zelf is aangetast), dan krijgt de testcel een foutmelding en 0 punten.
  Dit is een extra laag naast controles die zichzelf vers van schijf laden; geen
  garantie tegen wie gericht de nakijkomgeving aanvalt.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Any as AnyTrait
from traitlets import Float, Integer

from klanttools.nakijken.klas.kiem import Houderpijpen, Kiem, KiemFout, houder_commando
from klanttools.nakijken.klas.sandbox import Zandbak, kopieer_werkmap

__all__ = [
    "KERNEL_GESTOPT",
    "KERNEL_CPU",
    "KERNEL_VOORGELADEN",
    "houder_in_zandbak",
    "kiem_reden",
    "kiem_voor",
    "start_kiem_vooraf",
    "stop_kiem",
    "BegrensUitvoer",
    "ZandbakExecute",
    "ZandbakKernelManager",
    "rekentijd_van_boom",
]

KERNEL_CPU: list[float] = []
"""Rekentijd (s) van elke kernel die in dit proces stopte (de zandbak en alles erin)."""

KERNEL_VOORGELADEN: list[bool] = []
"""Per kernel die in dit proces startte: kwam hij uit de kiem (True) of startte hij vers?"""

_KIEM: dict[str, Any] = {"kiem": None, "reden": None, "pogingen": 0, "beproefd": False}


def _kiem_gevraagd(zandbak: Zandbak | None) -> bool:
    return bool(
        zandbak is not None
        and zandbak.aan
        and zandbak.voorladen
        and zandbak.bestandsgrens
        and sys.platform.startswith("linux")
    )


def start_kiem_vooraf(zandbak: Zandbak | None) -> None:
    """Start de kiem alvast op de achtergrond (in het hoofdproces, vóór de werkprocessen).

    Zo laadt hij terwijl de voorcontrole loopt, en delen alle werkprocessen (die hem bij
    het afsplitsen erven) één kiem. Wat misgaat, meldt :func:`kiem_voor` later.
    """
    if not _kiem_gevraagd(zandbak) or _KIEM["kiem"] is not None or _KIEM["reden"] is not None:
        return
    kiem = Kiem(zandbak.omgeving())  # type: ignore[union-attr]
    try:
        kiem.begin()
    except OSError as e:
        _KIEM["reden"] = f"de kiem startte niet: {e}"
        return
    _KIEM["kiem"] = kiem


def stop_kiem() -> None:
    """Stop de kiem van dit proces (als dit proces hem startte) en vergeet hem."""
    kiem = _KIEM["kiem"]
    _KIEM.update(kiem=None, beproefd=False, pogingen=0)
    if kiem is not None:
        kiem.stop()


def kiem_voor(zandbak: Zandbak | None) -> Kiem | None:
    """De kiem voor de kernels van dit proces (gestart en beproefd bij de eerste vraag), of None.

    None zonder zandbak, met ``voorladen=False``, zonder eigen gebruikers-namespace in de
    zandbak, of als de proef mislukte (de reden staat dan in ``kiem_reden()``): dan
    start elke kernel vers, even veilig maar trager. Een kiem die het hoofdproces
    vooraf startte (:func:`start_kiem_vooraf`), wordt hier beproefd en dan gedeeld.
    """
    if not _kiem_gevraagd(zandbak):
        return None
    kiem = _KIEM["kiem"]
    if kiem is not None and _KIEM["beproefd"]:
        return kiem if kiem.leeft() else None
    if _KIEM["reden"] is not None or _KIEM["pogingen"] >= 3:
        return None
    _KIEM["pogingen"] += 1
    eigen = kiem is None
    try:
        if eigen:
            kiem = Kiem(zandbak.omgeving())  # type: ignore[union-attr]
            kiem.start()
        else:
            kiem.wacht_tot_klaar()
        _proef(kiem, zandbak)  # type: ignore[arg-type]
    except (KiemFout, OSError) as e:
        kiem.stop()
        _KIEM.update(kiem=None, reden=str(e))
        return None
    _KIEM.update(kiem=kiem, beproefd=True)
    if eigen:
        # Een kiem van een werkproces zelf: bij het stoppen van dat proces netjes laten
        # stoppen en opruimen (zo telt zijn rekentijd mee bij wie het proces startte).
        from multiprocessing import util

        util.Finalize(kiem, kiem.stop, exitpriority=10)
    return kiem


def kiem_reden() -> str | None:
    """Waarom de kiem in dit werkproces niet gebruikt wordt (None: hij werkt of is niet gevraagd)."""
    return _KIEM["reden"]


def houder_in_zandbak(
    zandbak: Zandbak, *, werkmap_kopie: Path, werkmap: Path, sockets: Path
) -> tuple[subprocess.Popen[bytes], Houderpijpen]:
    """Start een zandbak met alleen een houder erin (voor de kiem); wacht nog niet.

    ``pijpen.wacht(proces)`` geeft daarna het proces-id van de zandbak; de levenslijn
    (``pijpen.levenslijn_schrijf``) gaat naar :meth:`Kiem.splits`.
    """
    pijpen = Houderpijpen()
    cmd = zandbak.commando(
        houder_commando(pijpen.levenslijn_lees, pijpen.klaar_schrijf),
        werkmap_kopie=werkmap_kopie,
        werkmap=werkmap,
        sockets=sockets,
        info_fd=pijpen.info_schrijf,
    )
    try:
        proces = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=pijpen.voor_kind(),
        )
    except OSError:
        pijpen.sluit()
        raise
    pijpen.na_start()
    return proces, pijpen


def _proef(kiem: Kiem, zandbak: Zandbak) -> None:
    """Laat de kiem één keer een lege zandbak ingaan (zonder kernel): werkt het hier?"""
    map_ = Path(tempfile.mkdtemp(prefix="klas-kiemproef-"))
    (map_ / "ipc").mkdir()
    (map_ / "werkmap").mkdir()
    try:
        proces, pijpen = houder_in_zandbak(
            zandbak, werkmap_kopie=map_ / "werkmap", werkmap=map_ / "werkmap", sockets=map_ / "ipc"
        )
        try:
            kiem.splits(
                zandbak_pid=pijpen.wacht(proces),
                levenslijn=pijpen.levenslijn_schrijf,
                verbinding=None,
                werkmap=str(map_ / "werkmap"),
                omgeving=zandbak.omgeving(),
                grenzen=zandbak.grenzen.rlimits(),
            )
        finally:
            pijpen.sluit()
            proces.kill()
            proces.wait()
    finally:
        shutil.rmtree(map_, ignore_errors=True)


def rekentijd_van_boom(pid: int) -> float:
    """Rekentijd (user + sys, ook van al gestopte kinderen) van ``pid``, zijn nakomelingen
    en alles in de zandbak (de proces-namespace) van die nakomelingen.

    Leest ``/proc``; 0,0 waar dat er niet is. Een kernel in de zandbak wordt met
    SIGKILL gestopt, en dan telt zijn rekentijd nergens meer mee: daarom vlak ervoor.
    Een kernel uit de kiem is geen nakomeling van bwrap, wel lid van de zandbak.
    """
    proc = Path("/proc")
    if not proc.is_dir():
        return 0.0
    ouders: dict[int, int] = {}
    tijden: dict[int, int] = {}
    for d in proc.iterdir():
        if not d.name.isdigit():
            continue
        try:
            velden = (d / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        ouders[int(d.name)] = int(velden[1])
        tijden[int(d.name)] = sum(int(v) for v in velden[11:15])
    boom, rand = set(), [pid]
    while rand:
        p = rand.pop()
        if p in boom:
            continue
        boom.add(p)
        rand += [k for k, o in ouders.items() if o == p]
    eigen = _pid_namespace("self")
    zandbakken = {_pid_namespace(p) for p in boom} - {eigen, None}
    if zandbakken:
        boom |= {p for p in tijden if p not in boom and _pid_namespace(p) in zandbakken}
    return sum(tijden.get(p, 0) for p in boom) / os.sysconf("SC_CLK_TCK")


def _pid_namespace(pid: int | str) -> str | None:
    try:
        return os.readlink(f"/proc/{pid}/ns/pid")
    except OSError:
        return None


KERNEL_GESTOPT = (
    "De kernel stopte tijdens of vóór deze cel ({reden}). Deze cel is niet (meer) "
    "uitgevoerd en krijgt geen punten."
)


_MOMENTOPNAME = """
def _klas_momentopname():
    import builtins, sys
    mods = {n: m for n, m in list(sys.modules.items())
            if m is not None and (n == "klanttools" or n.startswith("klanttools."))}
    namen = {k: v for k, v in globals().items()
             if str(getattr(v, "__module__", "") or getattr(v, "__name__", "")).startswith(
                 "klanttools.nakijken")}
    return (builtins, dict(builtins.__dict__), sys, {n: (m, dict(m.__dict__)) for n, m in mods.items()},
            namen, globals())
__klas_momentopname__ = _klas_momentopname()
del _klas_momentopname
"""

_TERUGZETTEN = """try:
    __klas_mo__ = __klas_momentopname__
    __klas_mo__[0].__dict__.update(__klas_mo__[1])
    for __klas_n__, (__klas_m__, __klas_d__) in __klas_mo__[3].items():
        __klas_m__.__dict__.update(__klas_d__)
        __klas_mo__[2].modules[__klas_n__] = __klas_m__
    __klas_mo__[5].update(__klas_mo__[4])
    del __klas_mo__, __klas_n__, __klas_m__, __klas_d__
except BaseException:
    raise AssertionError("{melding}") from None
"""

_NIET_TERUG = (
    "De nakijkomgeving is door eerdere code aangetast (de controles konden niet worden "
    "teruggezet); deze test telt daarom niet mee."
)


class ZandbakKernelManager(AsyncKernelManager):
    """Een ``AsyncKernelManager`` die de kernel in een :class:`Zandbak` start.

    Met een werkende kiem (:mod:`~klanttools.nakijken.klas.kiem`) start in de zandbak
    alleen een houder en splitst de kiem de kernel erin af; lukt dat niet, dan start
    de kernel alsnog vers in een nieuwe zandbak.
    """

    zandbak: Zandbak | None = None
    tijdelijk: Path | None = None
    _pijpen: Houderpijpen | None = None
    _kiem: Kiem | None = None

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        # De meldingen van de kernel zelf (opstarttekst, Ctrl-C-uitleg) horen niet in
        # de uitvoer van het nakijkcommando.
        kw.setdefault("stdout", subprocess.DEVNULL)
        kw.setdefault("stderr", subprocess.DEVNULL)
        pijpen, kiem = self._pijpen, self._kiem
        if pijpen is None or kiem is None:
            await super()._async_launch_kernel(kernel_cmd, **kw)
            return
        self._pijpen = None
        try:
            try:
                await super()._async_launch_kernel(kernel_cmd, **kw, pass_fds=pijpen.voor_kind())
            finally:
                pijpen.na_start()
            proces = self.provisioner.process  # type: ignore[union-attr]
            kiem.splits(
                zandbak_pid=pijpen.wacht(proces),
                levenslijn=pijpen.levenslijn_schrijf,
                verbinding=self.connection_file,
                werkmap=str(self._werkmap),
                omgeving=self.zandbak.omgeving(),  # type: ignore[union-attr]
                grenzen=self.zandbak.grenzen.rlimits(),  # type: ignore[union-attr]
            )
            KERNEL_VOORGELADEN.append(True)
        except KiemFout as e:
            self.log.warning("kiem: %s; de kernel start vers", e)
            proces = getattr(self.provisioner, "process", None)
            if proces is not None and proces.poll() is None:
                proces.kill()
                proces.wait()
            self._kiem = None
            await super()._async_launch_kernel(self.format_kernel_cmd(self._extra), **kw)
        finally:
            pijpen.sluit()

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        cmd = super().format_kernel_cmd(extra_arguments)
        if self.zandbak is None or not self.zandbak.aan or self.tijdelijk is None:
            return cmd
        self._extra = extra_arguments
        werkmap = Path(self._launch_args.get("cwd") or os.getcwd()).resolve()
        self._werkmap = werkmap
        kopie = self.tijdelijk / "werkmap"
        if kopie.exists():
            shutil.rmtree(kopie)
        kopieer_werkmap(werkmap, kopie)
        sockets = self.tijdelijk / "ipc"
        if self._kiem is not None:
            self._pijpen = Houderpijpen()
            houder = houder_commando(self._pijpen.levenslijn_lees, self._pijpen.klaar_schrijf)
            return self.zandbak.commando(
                houder,
                werkmap_kopie=kopie,
                werkmap=werkmap,
                sockets=sockets,
                info_fd=self._pijpen.info_schrijf,
            )
        if self.zandbak.aan:
            KERNEL_VOORGELADEN.append(False)
        return self.zandbak.commando(cmd, werkmap_kopie=kopie, werkmap=werkmap, sockets=sockets)


class ZandbakExecute(Execute):
    """nbgraders ``Execute``, met de kernel in een zandbak en een vangnet."""

    zandbak = AnyTrait(None, allow_none=True).tag(config=True)
    wandtijd = Float(300.0, help="seconden voor het hele notebook").tag(config=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["kernel_manager_class"] = ZandbakKernelManager
        super().__init__(*args, **kwargs)

    def create_kernel_manager(self):  # type: ignore[no-untyped-def]
        km = super().create_kernel_manager()
        self._tijdelijk = Path(tempfile.mkdtemp(prefix="klas-kernel-"))
        os.chmod(self._tijdelijk, 0o700)
        (self._tijdelijk / "ipc").mkdir()
        km.zandbak = self.zandbak
        km.tijdelijk = self._tijdelijk
        km._kiem = kiem_voor(self.zandbak)
        if self.zandbak is not None and self.zandbak.aan:
            km.transport = "ipc"
            km.ip = str(self._tijdelijk / "ipc" / "kernel")
            km.connection_file = str(self._tijdelijk / "ipc" / "verbinding.json")
        if km.kernel_spec is not None:
            km.kernel_spec.interrupt_mode = "message"
        return km

    def preprocess(self, nb: NotebookNode, resources: Any = None, km: Any = None):  # type: ignore[no-untyped-def]
        self._dood: str | None = None
        self._verlopen = False
        self._wachter: threading.Timer | None = None
        self._tijdelijk: Path | None = None
        self._opname = False
        try:
            return super().preprocess(nb, resources, km)
        finally:
            if self._wachter is not None:
                self._wachter.cancel()
            if self._tijdelijk is not None:
                shutil.rmtree(self._tijdelijk, ignore_errors=True)

    def _cleanup_kernel(self) -> None:  # type: ignore[override]
        proces = getattr(getattr(self.km, "provisioner", None), "process", None)
        if proces is not None:
            KERNEL_CPU.append(rekentijd_van_boom(proces.pid))
        super()._cleanup_kernel()

    def _stop_na_wandtijd(self) -> None:
        self._verlopen = self._dood is None
        proces = getattr(getattr(self.km, "provisioner", None), "process", None)
        if proces is not None:
            try:
                os.kill(proces.pid, signal.SIGKILL)
            except OSError:
                pass

    def preprocess_cell(self, cell: NotebookNode, resources: Any, index: int):  # type: ignore[no-untyped-def]
        if self._wachter is None and self.wandtijd and self.wandtijd > 0:
            self._wachter = threading.Timer(self.wandtijd, self._stop_na_wandtijd)
            self._wachter.daemon = True
            self._wachter.start()
        if cell.cell_type != "code":
            return cell, resources
        if self._dood is None:
            try:
                return self._voer_bewaakt_uit(cell, resources, index)
            except DeadKernelError:
                self._dood = (
                    f"tijdslimiet van {self.wandtijd:g} seconden voor het hele notebook"
                    if self._verlopen
                    else "de kernel stierf: geheugen of rekentijd op, of de code stopte hem"
                )
            except CellTimeoutError:
                # De cel negeerde de onderbreking (bijv. 'except BaseException: pass'):
                # de kernel zit vast en gaat eraf.
                self._stop_na_wandtijd()
                self._dood = "de cel reageerde niet op onderbreken na de tijdslimiet per cel"
        cell.outputs = [_fout("KernelGestopt", KERNEL_GESTOPT.format(reden=self._dood))]
        return cell, resources

    def _stil(self, code: str, index: int) -> bool:
        """Voer code onzichtbaar uit (niet in het notebook, niet in de historie)."""
        hulp = NotebookNode(cell_type="code", source=code, metadata={}, outputs=[], id="klas")
        self.execute_cell(hulp, index, store_history=False)
        return not any(u.get("output_type") == "error" for u in hulp.outputs)

    def _voer_bewaakt_uit(self, cell: NotebookNode, resources: Any, index: int):  # type: ignore[no-untyped-def]
        """Momentopname vóór de eerste antwoordcel; terugzetten aan het begin van elke testcel.

        Het terugzetten gaat in dezelfde uitvoering als de testcel (geen extra rondgang
        naar de kernel); daarna krijgt de cel haar eigen bron terug. Mislukt het
        terugzetten, dan faalt de testcel (0 punten) met een Nederlandse melding.
        """
        nbg = cell.metadata.get("nbgrader", {})
        if nbg.get("solution") and not self._opname:
            self._opname = self._stil(_MOMENTOPNAME, index)
        if not (nbg.get("grade") and not nbg.get("solution") and self._opname):
            return super().preprocess_cell(cell, resources, index)
        bron = cell.source
        cell.source = _TERUGZETTEN.format(melding=_NIET_TERUG) + bron
        try:
            return super().preprocess_cell(cell, resources, index)
        finally:
            cell.source = bron


def _fout(naam: str, melding: str) -> NotebookNode:
    return NotebookNode(
        output_type="error", ename=naam, evalue=melding, traceback=[f"{naam}: {melding}"]
    )


class BegrensUitvoer(NbGraderPreprocessor):
    """Kort de uitvoer van elke cel in tot ``max_kb`` kB (tekst, HTML, afbeeldingen).

    nbgraders ``LimitOutput`` telt alleen regels van stream-uitvoer: één regel van
    20 MB of een grote ``text/html`` glipt erdoor en belandt in de feedback.
    """

    max_kb = Integer(100, help="maximale uitvoer per cel in kB").tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: Any, index: int):  # type: ignore[no-untyped-def]
        if cell.cell_type != "code" or not cell.get("outputs"):
            return cell, resources
        over = self.max_kb * 1024
        nieuw = []
        for u in cell.outputs:
            grootte = len(json.dumps(u, ensure_ascii=False))
            if grootte <= over:
                nieuw.append(u)
                over -= grootte
                continue
            if u.get("output_type") == "stream":
                u["text"] = str(u.get("text", ""))[: max(over, 0)] + _AFGEKAPT.format(
                    kb=self.max_kb
                )
                nieuw.append(u)
            elif u.get("output_type") == "error":
                u["traceback"] = [str(r)[:2000] for r in u.get("traceback", [])[-5:]]
                u["evalue"] = str(u.get("evalue", ""))[:2000]
                nieuw.append(u)
            else:
                nieuw.append(
                    NotebookNode(
                        output_type="stream", name="stdout", text=_AFGEKAPT.format(kb=self.max_kb)
                    )
                )
            over = 0
        cell.outputs = nieuw
        return cell, resources


_AFGEKAPT = "\n… [uitvoer afgekapt: meer dan {kb} kB in deze cel]\n"
