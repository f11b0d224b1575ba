"""De kiem: een voorgeladen Python-proces dat per student een kernel afsplitst, in een verse zandbak.

Een nakijkkernel die vers start, betaalt per student ±1 CPU-seconde voor het opstarten
van Python, ipykernel, IPython, pandas en klanttools. De kiem doet dat één keer (het
hoofdproces start hem, alle werkprocessen erven hem) en maakt daarna elke kernel met
``fork()``:

1. het werkproces start de zandbak van de student zoals altijd (bubblewrap, eigen
   namespaces, de wegwerpkopie van de werkmap, de bestandsgrens), maar daarin draait
   alleen een *houder*: een shell die wacht tot de kernel weg is;
2. de kiem krijgt alleen het woord ``splits`` en twee bestandsnummers (de levenslijn en
   een eigen kanaal) en splitst een kind af; dat kind leest de vraag (zandbak, werkmap,
   omgeving, grenzen) zelf uit het kanaal, zodat de kiem niets van een student in zijn
   geheugen krijgt. Het kind gaat met ``setns()`` de gebruikers-, mount-, proces-,
   netwerk-, IPC-, hostnaam- en cgroup-namespace van díe zandbak binnen (elk moet
   anders zijn dan die van de kiem zelf, anders weigert het; cgroup mag gelijk zijn), nog één keer
   splitst (voor de proces-namespace), alle rechten laat vallen (bounding set,
   ``capset``, ``no_new_privs``), de grenzen zet (``setrlimit``), alle open
   bestanden van de kiem sluit en dan pas ipykernel start;
3. de kernel houdt een *levenslijn* open (een pijp naar de houder); stopt de kernel,
   dan stopt de houder, en met hem de hele zandbak.

De student ziet dus precies dezelfde zandbak als bij een verse kernel; alleen de
geïmporteerde modules zijn al geladen. Lukt iets hiervan niet (geen
gebruikers-namespaces, een oudere kernel), dan zegt de proef bij het starten dat, en
start elke kernel gewoon vers (zie :mod:`klanttools.nakijken.klas.kernel`).

Examples
--------
>>> "pandas" in VOORLADEN and "ipykernel.kernelapp" in VOORLADEN
True
"""

from __future__ import annotations

import ctypes
import json
import os
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["Houderpijpen", "Kiem", "KiemFout", "VOORLADEN", "houder_commando"]

VOORLADEN = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.debugger",
    "ipykernel.zmqshell",
    "IPython.core.interactiveshell",
    "IPython.core.history",
    "pdb",
    "faulthandler",
    "runpy",
    "pandas",
    "numpy",
    "klanttools",
    "klanttools.datasets",
    "klanttools.nakijken",
    "klanttools.nps",
)
"""Wat de kiem vooraf laadt: de kernel zelf en wat de opdrachten importeren."""

_NAMESPACES = {
    "user": 0x10000000,
    "mnt": 0x00020000,
    "ipc": 0x08000000,
    "uts": 0x04000000,
    "net": 0x40000000,
    "cgroup": 0x02000000,
    "pid": 0x20000000,
}
"""De namespaces van de zandbak, in de volgorde waarin het kind ze binnengaat."""

_PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36
_PR_CAPBSET_DROP = 24
_PR_SET_SECUREBITS = 28
_PR_SET_NO_NEW_PRIVS = 38
_PR_CAP_AMBIENT = 47
_PR_CAP_AMBIENT_CLEAR_ALL = 4
_SECUREBITS_GESLOTEN = 0x2F
"""NOROOT en NO_SETUID_FIXUP aan, KEEP_CAPS uit, alle drie op slot: uid 0 krijgt na een exec
geen rechten terug."""


class KiemFout(RuntimeError):
    """De kiem kon geen kernel in deze zandbak maken (dan start de kernel vers)."""


def houder_commando(levenslijn: int, klaar: int) -> list[str]:
    """De houder in de zandbak: meldt 'klaar' en wacht tot de levenslijn dicht is.

    Via ``/proc/self/fd`` omdat een eenvoudige shell alleen bestandsnummers 0–9 kent.

    >>> houder_commando(11, 12)[-1]
    'echo klaar > /proc/self/fd/12 && read _ < /proc/self/fd/11; exit 0'
    """
    return [
        "/bin/sh",
        "-c",
        f"echo klaar > /proc/self/fd/{klaar} && read _ < /proc/self/fd/{levenslijn}; exit 0",
    ]


# ---------------------------------------------------------------------------
# In het werkproces: de kiem starten en er kernels uit laten splitsen
# ---------------------------------------------------------------------------


class Houderpijpen:
    """De drie pijpen tussen werkproces en houder: levenslijn, 'klaar' en bwraps info.

    Het kind (bwrap en de houder) krijgt de leeskant van de levenslijn en de
    schrijfkant van de andere twee; de schrijfkant van de levenslijn gaat via de kiem
    naar de kernel. Het werkproces sluit na het starten zijn eigen kopieën.
    """

    def __init__(self) -> None:
        self.levenslijn_lees, self.levenslijn_schrijf = os.pipe()
        self.klaar_lees, self.klaar_schrijf = os.pipe()
        self.info_lees, self.info_schrijf = os.pipe()

    def voor_kind(self) -> tuple[int, int, int]:
        """Wat bwrap erft (nu overerfbaar gemaakt): levenslijn-lees, klaar- en info-schrijf."""
        fds = (self.levenslijn_lees, self.klaar_schrijf, self.info_schrijf)
        for fd in fds:
            os.set_inheritable(fd, True)
        return fds

    def na_start(self) -> None:
        """Sluit in het werkproces wat nu bij het kind hoort."""
        for naam in ("levenslijn_lees", "klaar_schrijf", "info_schrijf"):
            self._sluit(naam)

    def wacht(self, proces: subprocess.Popen[Any], wachttijd: float = 30.0) -> int:
        """Wacht tot de houder klaar is; geeft het proces-id van de zandbak (zoals hier gezien)."""
        einde = time.monotonic() + wachttijd
        info = b""
        pid = None
        while pid is None:
            info += self._lees(self.info_lees, einde, proces)
            try:
                pid = int(json.loads(info)["child-pid"])
            except (ValueError, KeyError):
                continue
        regel = b""
        while not regel.endswith(b"\n"):
            regel += self._lees(self.klaar_lees, einde, proces)
        return pid

    @staticmethod
    def _lees(fd: int, einde: float, proces: subprocess.Popen[Any]) -> bytes:
        while True:
            over = einde - time.monotonic()
            if over <= 0:
                raise KiemFout("de zandbak werd niet op tijd klaar")
            klaar, _, _ = select.select([fd], [], [], min(over, 0.5))
            if klaar:
                stuk = os.read(fd, 4096)
                if stuk:
                    return stuk
                raise KiemFout(f"de zandbak stopte meteen (code {proces.poll()})")
            if proces.poll() is not None:
                raise KiemFout(f"de zandbak stopte meteen (code {proces.returncode})")

    def _sluit(self, naam: str) -> None:
        fd = getattr(self, naam)
        if fd is not None:
            os.close(fd)
            setattr(self, naam, None)

    def sluit(self) -> None:
        """Sluit alles wat het werkproces nog open heeft (ook de levenslijn: die heeft de kernel)."""
        for naam in (
            "levenslijn_lees",
            "levenslijn_schrijf",
            "klaar_lees",
            "klaar_schrijf",
            "info_lees",
            "info_schrijf",
        ):
            self._sluit(naam)


def _lees_alles(sok: socket.socket, wachttijd: float) -> dict[str, Any]:
    """Lees tot het einde (iedereen sloot zijn kant); het laatste JSON-bericht telt."""
    data = b""
    einde = time.monotonic() + wachttijd
    while True:
        over = einde - time.monotonic()
        if over <= 0 or not select.select([sok], [], [], over)[0]:
            raise KiemFout(f"de kiem antwoordde niet binnen {wachttijd:g} s")
        stuk = sok.recv(65536)
        if not stuk:
            break
        data += stuk
    berichten = [b for b in data.split(b"\n") if b.strip()]
    return json.loads(berichten[-1]) if berichten else {}


class Kiem:
    """Eén kiemproces voor dit werkproces.

    Parameters
    ----------
    omgeving : dict
        De omgeving van de kernels (dezelfde als in de zandbak); de kiem start ermee.
    """

    def __init__(self, omgeving: dict[str, str]) -> None:
        self.omgeving = dict(omgeving)
        self.proces: subprocess.Popen[bytes] | None = None
        self._sok: socket.socket | None = None
        self._eigenaar = os.getpid()
        """Het proces dat de kiem startte (werkprocessen erven hem, alleen dit stopt hem)."""

    def start(self, wachttijd: float = 120.0) -> None:
        """Start het kiemproces en wacht tot alles geladen is. :class:`KiemFout` als het niet lukt."""
        self.begin()
        self.wacht_tot_klaar(wachttijd)

    def begin(self) -> None:
        """Start het kiemproces (het laadt op de achtergrond; zie :meth:`wacht_tot_klaar`)."""
        hier, daar = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.proces = subprocess.Popen(
                [sys.executable, "-m", "klanttools.nakijken.klas.kiem", str(daar.fileno())],
                env=self.omgeving,
                cwd="/",
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                pass_fds=(daar.fileno(),),
                start_new_session=True,
            )
        finally:
            daar.close()
        self._sok = hier
        self._eigenaar = os.getpid()

    def wacht_tot_klaar(self, wachttijd: float = 120.0) -> None:
        """Wacht tot de kiem alles geladen heeft; :class:`KiemFout` als dat niet lukte."""
        antwoord = self._ontvang(wachttijd)
        if antwoord.get("klaar") is not True:
            self.stop()
            raise KiemFout(antwoord.get("fout", "de kiem startte niet"))

    def leeft(self) -> bool:
        """Draait de kiem nog? Ook in een werkproces dat de kiem erfde (niet zijn ouder)."""
        if self._sok is None or self.proces is None:
            return False
        if os.getpid() == self._eigenaar:
            return self.proces.poll() is None
        try:
            os.kill(self.proces.pid, 0)
        except OSError:
            return False
        return True

    def splits(
        self,
        *,
        zandbak_pid: int,
        levenslijn: int,
        verbinding: str | None,
        werkmap: str,
        omgeving: dict[str, str],
        grenzen: dict[str, int],
        wachttijd: float = 30.0,
    ) -> None:
        """Laat een kernel afsplitsen in de zandbak van ``zandbak_pid``.

        ``verbinding=None`` is de proef: het kind gaat de zandbak in, controleert dat
        het geen rechten meer heeft, en stopt zonder kernel.
        """
        if not self.leeft():
            raise KiemFout("de kiem draait niet")
        vraag = {
            "pid": zandbak_pid,
            "verbinding": verbinding,
            "werkmap": werkmap,
            "omgeving": omgeving,
            "grenzen": grenzen,
        }
        # De vraag gaat over een eigen kanaal rechtstreeks naar het kind: de kiem zelf
        # ziet hem nooit, dus een latere kernel vindt in zijn geheugen (een kopie van de
        # kiem) niets van deze student.
        hier, daar = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            with hier:
                try:
                    socket.send_fds(self._sok, [b"splits"], [levenslijn, daar.fileno()])
                finally:
                    daar.close()
                hier.sendall(json.dumps(vraag).encode())
                hier.shutdown(socket.SHUT_WR)
                antwoord = _lees_alles(hier, wachttijd)
        except OSError as e:
            raise KiemFout(f"de kiem luistert niet: {e}") from e
        if antwoord.get("ok") is not True:
            raise KiemFout(antwoord.get("fout", "het kind in de zandbak zei niets"))

    def _ontvang(self, wachttijd: float) -> dict[str, Any]:
        assert self._sok is not None
        klaar, _, _ = select.select([self._sok], [], [], wachttijd)
        if not klaar:
            raise KiemFout(f"de kiem antwoordde niet binnen {wachttijd:g} s")
        data = self._sok.recv(65536)
        if not data:
            raise KiemFout("de kiem stopte")
        return json.loads(data)

    def stop(self) -> None:
        """Stop het kiemproces: het ruimt eerst zijn gestopte kernels op (hoogstens 5 s).

        Alleen in het proces dat de kiem startte; een werkproces dat hem erfde, laat hem los.
        """
        if os.getpid() != self._eigenaar:
            self._sok = None
            return
        if self._sok is not None:
            self._sok.close()  # de kiem leest 'einde' en stopt zelf
            self._sok = None
        if self.proces is not None:
            try:
                self.proces.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait()


# ---------------------------------------------------------------------------
# In het kiemproces
# ---------------------------------------------------------------------------

_libc: Any = None


def _c(resultaat: int, wat: str) -> None:
    if resultaat != 0:
        fout = ctypes.get_errno()
        raise OSError(fout, f"{wat}: {os.strerror(fout)}")


class _CapKop(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _laat_rechten_vallen() -> None:
    """Alle rechten weg, ook na een ``exec`` (bounding set leeg, securebits, no_new_privs)."""
    for cap in range(64):
        if _libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            if ctypes.get_errno() == 22:  # EINVAL: voorbij het laatste recht
                break
            _c(-1, f"bounding set ({cap})")
    _c(_libc.prctl(_PR_CAP_AMBIENT, _PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "ambient")
    _c(_libc.prctl(_PR_SET_SECUREBITS, _SECUREBITS_GESLOTEN, 0, 0, 0), "securebits")
    _c(_libc.capset(ctypes.byref(_CapKop(0x20080522, 0)), (_CapData * 2)()), "capset")
    _c(_libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    status = Path("/proc/self/status").read_text()
    for veld in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"):
        waarde = status.split(f"{veld}:")[1].split()[0]
        if int(waarde, 16) != 0:
            raise OSError(f"{veld} is niet leeg na het loslaten: {waarde}")


def _ga_zandbak_in(pid: int) -> None:
    """Ga alle namespaces van ``pid`` binnen; elke moet anders zijn dan de eigen."""
    fds = {}
    try:
        for naam in _NAMESPACES:
            fd = os.open(f"/proc/{pid}/ns/{naam}", os.O_RDONLY | os.O_CLOEXEC)
            if os.fstat(fd).st_ino != os.stat(f"/proc/self/ns/{naam}").st_ino:
                fds[naam] = fd
                continue
            os.close(fd)
            if naam != "cgroup":  # cgroup-namespaces zijn er niet overal; de rest moet
                raise OSError(f"proces {pid} heeft geen eigen {naam}-namespace: geen zandbak")
        for naam, soort in _NAMESPACES.items():
            if naam in fds:
                _c(_libc.setns(fds[naam], soort), f"setns {naam}")
    finally:
        for fd in fds.values():
            os.close(fd)


def _grenzen(grenzen: dict[str, int]) -> None:
    import resource

    for naam, waarde in grenzen.items():
        soort = getattr(resource, f"RLIMIT_{naam.upper()}")
        resource.setrlimit(soort, (waarde, waarde))


def _kernel(vraag: dict[str, Any], levenslijn: int, melding: int) -> None:
    """Het kind in de zandbak: eerst opsluiten, dan ipykernel (komt nooit terug)."""
    os.setsid()
    _laat_rechten_vallen()
    _grenzen(vraag["grenzen"])
    niets = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(niets, fd)
    os.close(niets)
    os.set_inheritable(levenslijn, False)
    for fd in _open_bestanden():
        if fd > 2 and fd not in (levenslijn, melding):
            try:
                os.close(fd)
            except OSError:
                pass
    os.environ.clear()
    os.environ.update(vraag["omgeving"])
    os.chdir(vraag["werkmap"])
    if vraag["verbinding"] is None:  # de proef: alleen laten zien dat het opsluiten lukte
        _meld(melding, {"ok": True, "wortel": sorted(os.listdir("/"))})
        os._exit(0)
    import ipykernel.ipkernel  # noqa: F401 (al geladen)
    from ipykernel import kernelapp

    if "numpy" in sys.modules:  # eigen toevalsgetallen per kernel, net als bij een verse start
        sys.modules["numpy"].random.seed()
    import importlib.util

    spec = importlib.util.find_spec("ipykernel_launcher")
    sys.argv = [spec.origin if spec and spec.origin else "ipykernel_launcher"]
    sys.argv += ["-f", vraag["verbinding"]]
    sys.path[0] = vraag["werkmap"]
    _meld(melding, {"ok": True})
    os.close(melding)
    code = 0
    try:
        kernelapp.launch_new_instance()
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _open_bestanden() -> list[int]:
    try:
        return sorted(int(n) for n in os.listdir("/proc/self/fd"))
    except OSError:
        return list(range(3, 1024))


def _meld(kanaal: int, antwoord: dict[str, Any]) -> None:
    os.write(kanaal, json.dumps(antwoord).encode() + b"\n")


def _kind(levenslijn: int, kanaal: int) -> None:
    """Het kind van de kiem: leest de vraag, gaat de zandbak in, splitst de kernel af."""
    try:
        data = b""
        while True:
            stuk = os.read(kanaal, 65536)
            if not stuk:
                break
            data += stuk
        vraag = json.loads(data)
        _ga_zandbak_in(int(vraag["pid"]))
        if os.fork() == 0:
            try:
                _kernel(vraag, levenslijn, kanaal)
            except BaseException as e:
                _meld(kanaal, {"ok": False, "fout": str(e)})
            os._exit(1)
        os._exit(0)
    except BaseException as e:
        _meld(kanaal, {"ok": False, "fout": str(e)})
        os._exit(1)


def _ruim_op(wacht: bool = False) -> None:
    """Ruim gestopte kinderen en kernels op; met ``wacht`` tot ze er geen meer zijn."""
    while True:
        try:
            pid, _ = os.waitpid(-1, 0 if wacht else os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _hoofd(fd: int) -> None:
    global _libc
    _libc = ctypes.CDLL(None, use_errno=True)
    _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    # De kernels (kleinkinderen) worden kinderen van de kiem als hun ouder stopt: de kiem
    # ruimt ze op (geen zombies) en hun rekentijd telt mee bij wie de kiem startte.
    _libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    sok = socket.socket(fileno=fd)
    try:
        import importlib

        for naam in VOORLADEN:
            importlib.import_module(naam)
        taken = os.listdir("/proc/self/task") if os.path.isdir("/proc/self/task") else ["1"]
        if len(taken) != 1:
            raise OSError(f"de kiem heeft {len(taken)} draden; splitsen kan alleen met één")
    except BaseException as e:
        sok.send(json.dumps({"klaar": False, "fout": f"laden mislukte: {e}"}).encode())
        return
    sok.send(b'{"klaar": true}')
    while True:
        _ruim_op()
        try:
            data, fds, _, _ = socket.recv_fds(sok, 64, 2)
        except OSError:
            data, fds = b"", []
        if not data:
            _ruim_op(wacht=True)
            return
        if data != b"splits" or len(fds) != 2:
            for f in fds:
                os.close(f)
            continue
        if os.fork() == 0:
            sok.close()
            _kind(*fds)
        for f in fds:
            os.close(f)


if __name__ == "__main__":
    _hoofd(int(sys.argv[1]))
