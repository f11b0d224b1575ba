"""De zandbak: een nakijkkernel in bubblewrap, met alleen een wegwerpkopie van zijn eigen map.

Elke kernel draait in een eigen bubblewrap-zandbak (``bwrap``, Debian-pakket
``bubblewrap``):

- het bestandssysteem is leeg, op alleen-lezen kopieën van het systeem (``/usr``),
  de Python-omgeving en het pakket klanttools na; geen ``source/``, ``release/``,
  ``gradebook.db``, andere studenten of de thuismap van de docent;
- de werkmap is een **kopie** van de eigen nakijkmap van de student (geen koppeling
  met de echte map: symlink- en chmod-trucs komen zo niet naar buiten), in het geheugen
  (tmpfs) met een grens aan de grootte en aan het **aantal bestanden**; ``/tmp`` ook; de
  rest is alleen-lezen. De bestandsgrens zet een kort opstartstapje in de zandbak zelf
  (``mount -o remount,nr_inodes=…``; bubblewrap kent geen inode-grens), waarna
  ``setpriv`` alle rechten weer laat vallen, vóór de kernel start. Kan dat hier niet,
  dan blijft alleen de groottegrens;
- geen netwerk (eigen netwerk-namespace), eigen proces-namespace: een
  achtergrondproces sterft mee met de kernel;
- grenzen via ``prlimit``: rekentijd (CPU), geheugen, bestandsgrootte, open bestanden;
- de kernel praat via IPC-sockets (``transport = "ipc"``) in een eigen tijdelijke
  map, en wordt onderbroken met een bericht (``interrupt_mode = "message"``): een
  signaal komt niet door de zandbak heen.

De kernel zelf start via :mod:`klanttools.nakijken.klas.kernel`: vers in de zandbak, of
(sneller, zelfde zandbak) afgesplitst uit de voorgeladen kiem
(:mod:`klanttools.nakijken.klas.kiem`); dan draait in de zandbak alleen een houder.

Examples
--------
>>> g = Grenzen(cpu_seconden=60, geheugen_mb=1024, bestand_mb=10)
>>> g.prlimit_argumenten()
['--cpu=60', '--as=1073741824', '--fsize=10485760', '--nofile=256']
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Grenzen",
    "Zandbak",
    "bestandsgrens_werkt",
    "bwrap_werkt",
    "kopieer_werkmap",
    "maak_bytecode",
    "maak_mpl_cache",
    "WAARSCHUWING_ZONDER_ZANDBAK",
]

WAARSCHUWING_ZONDER_ZANDBAK = (
    "LET OP: NAKIJKEN ZONDER ZANDBAK. De code van studenten draait met jouw rechten: "
    "ze kan gradebook.db, de modeloplossing in source/ en het werk van andere studenten "
    "lezen of veranderen, en het netwerk op. Installeer bubblewrap (Debian/Ubuntu: "
    "'sudo apt install bubblewrap') en draai het commando opnieuw, of kijk alleen "
    "inleveringen na die je vertrouwt."
)


@dataclass(frozen=True)
class Grenzen:
    """Grenzen voor één nakijkkernel.

    Parameters
    ----------
    cpu_seconden : int
        Rekentijd van de kernel, voor het hele notebook samen (``RLIMIT_CPU``).
    geheugen_mb : int
        Adresruimte van elk proces in de zandbak (``RLIMIT_AS``).
    bestand_mb : int
        Grootste bestand dat de code mag schrijven (``RLIMIT_FSIZE``).
    open_bestanden : int
        Open bestanden tegelijk (``RLIMIT_NOFILE``).
    tmp_mb : int
        Grootte van ``/tmp`` (een tmpfs in het geheugen).
    werkmap_mb : int
        Grootte van de werkmap (ook een tmpfs in het geheugen).
    bestanden : int
        Het aantal bestanden en mappen dat in de werkmap en in ``/tmp`` mag staan (elk).
    """

    cpu_seconden: int = 120
    geheugen_mb: int = 3072
    bestand_mb: int = 20
    open_bestanden: int = 256
    tmp_mb: int = 256
    """Grootte van ``/tmp`` in de zandbak (in het geheugen)."""
    werkmap_mb: int = 256
    bestanden: int = 10_000

    def rlimits(self) -> dict[str, int]:
        """De grenzen per ``RLIMIT_…`` (zonder voorvoegsel, kleine letters).

        >>> Grenzen(cpu_seconden=60).rlimits()["cpu"]
        60
        """
        return {
            "cpu": self.cpu_seconden,
            "as": self.geheugen_mb * 1024 * 1024,
            "fsize": self.bestand_mb * 1024 * 1024,
            "nofile": self.open_bestanden,
        }

    def prlimit_argumenten(self) -> list[str]:
        """De argumenten voor ``prlimit`` (util-linux)."""
        return [f"--{naam}={waarde}" for naam, waarde in self.rlimits().items()]


_ETC = (
    "ld.so.cache",
    "ld.so.conf",
    "ld.so.conf.d",
    "localtime",
    "fonts",
    "alternatives",
    "passwd",
    "group",
    "nsswitch.conf",
    "mime.types",
    "matplotlibrc",
)
"""Wat een kernel uit /etc nodig heeft. Niet /etc zelf: daar staat meer dan nodig."""

_DOORGEVEN = ("NBGRADER_EXECUTION", "JPY_PARENT_PID", "LANG", "LC_ALL", "TZ")
"""Omgevingsvariabelen die de kernel van buiten meekrijgt (de rest niet)."""


def _pakketmappen(namen: tuple[str, ...] = ("klanttools", "klanttools._data")) -> list[Path]:
    """Mappen van klanttools die niet in de Python-omgeving staan (bij ``pip install -e``)."""
    import importlib.util

    mappen: list[Path] = []
    for naam in namen:
        spec = importlib.util.find_spec(naam)
        if spec is not None and spec.submodule_search_locations:
            mappen += [Path(p).resolve() for p in spec.submodule_search_locations]
    return mappen


def _onder(pad: Path, basis: Path) -> bool:
    try:
        pad.relative_to(basis)
    except ValueError:
        return False
    return True


def bwrap_werkt(bwrap: str | None = None) -> tuple[bool, str]:
    """Kan bubblewrap hier een zandbak zonder netwerk maken? Geeft (ja/nee, reden).

    Op sommige systemen staan gebruikers-namespaces uit (of staat AppArmor ze niet
    toe); dan faalt ``bwrap --unshare-all`` en zegt de reden waarom.
    """
    import subprocess

    pad = bwrap or shutil.which("bwrap")
    if pad is None:
        return False, "bubblewrap (bwrap) is niet geïnstalleerd"
    try:
        uit = subprocess.run(
            [pad, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
            capture_output=True,
            text=True,
            timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return False, f"bubblewrap start niet: {e}"
    if uit.returncode != 0:
        return False, f"bubblewrap kan geen zandbak maken: {uit.stderr.strip()}"
    return True, ""


@dataclass
class Zandbak:
    """Hoe een kernel wordt opgesloten: bwrap-pad, grenzen en wat alleen-lezen zichtbaar is.

    ``aan=False`` betekent: zonder zandbak (met een luide waarschuwing elders).
    """

    aan: bool = True
    grenzen: Grenzen = field(default_factory=Grenzen)
    bwrap: str = "bwrap"
    prlimit: str | None = None
    extra_alleen_lezen: tuple[Path, ...] = ()
    mpl_cache: Path | None = None
    """Een map met een kant-en-klare lettertypecache van matplotlib (scheelt ±0,5 s per kernel)."""
    bestandsgrens: bool | None = None
    """Kan de zandbak zijn tmpfs-en met een grens aan het aantal bestanden koppelen?
    ``None``: probeer het (:func:`bestandsgrens_werkt`)."""
    voorladen: bool = True
    """Kernels uit een voorgeladen kiem laten splitsen (zie :mod:`~klanttools.nakijken.klas.kiem`);
    elke kernel krijgt nog steeds zijn eigen verse zandbak."""
    bytecode: tuple[tuple[Path, Path], ...] = ()
    """Paren (kopie, origineel): een vertaalde kopie van klanttools die in de zandbak
    alleen-lezen over het origineel ligt (zie :func:`maak_bytecode`)."""

    def __post_init__(self) -> None:
        if self.prlimit is None:
            self.prlimit = shutil.which("prlimit")
        if self.bestandsgrens is None:
            self.bestandsgrens = self.aan and bestandsgrens_werkt(self.bwrap)

    def alleen_lezen(self) -> list[Path]:
        """Alle mappen die de kernel alleen mag lezen (systeem, Python, klanttools)."""
        mappen = [Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()]
        mappen += _pakketmappen()
        mappen += [Path(p).resolve() for p in self.extra_alleen_lezen]
        uniek: list[Path] = []
        for m in sorted(set(mappen), key=lambda p: len(p.parts)):
            if not m.exists() or _onder(m, Path("/usr")):
                continue
            if any(_onder(m, u) for u in uniek):
                continue
            uniek.append(m)
        return uniek

    def omgeving(self) -> dict[str, str]:
        """De omgevingsvariabelen van een kernel in de zandbak (de rest niet)."""
        omgeving = {k: os.environ[k] for k in _DOORGEVEN if k in os.environ}
        omgeving.update(
            {
                "HOME": "/tmp",
                "PATH": f"{Path(sys.prefix) / 'bin'}:/usr/local/bin:/usr/bin:/bin",
                "MPLCONFIGDIR": "/tmp/mpl",
                "MPLBACKEND": "agg",
                "PYTHONDONTWRITEBYTECODE": "1",
                "PYTHONNOUSERSITE": "1",
                "OPENBLAS_NUM_THREADS": "1",
                "OMP_NUM_THREADS": "1",
                "MKL_NUM_THREADS": "1",
                "LANG": os.environ.get("LANG", "C.UTF-8"),
            }
        )
        return omgeving

    def commando(
        self,
        kernel: list[str],
        *,
        werkmap_kopie: Path,
        werkmap: Path,
        sockets: Path,
        info_fd: int | None = None,
    ) -> list[str]:
        """Het volledige commando: ``bwrap … -- prlimit … -- <kernelcommando>``.

        ``werkmap_kopie`` (een wegwerpkopie) verschijnt in de zandbak op de plek van
        ``werkmap``; ``sockets`` (IPC en verbindingsbestand) op dezelfde plek als buiten.
        ``info_fd``: bubblewrap schrijft daar het proces-id van de zandbak (voor de kiem).
        """
        grens = bool(self.bestandsgrens)
        a = [self.bwrap, *_basis(grens), "--hostname", "nakijken"]
        if info_fd is not None:
            a += ["--info-fd", str(info_fd)]
        a += ["--ro-bind", "/usr", "/usr"]
        for naam in ("bin", "lib", "lib32", "lib64", "libx32", "sbin"):
            p = Path("/") / naam
            if p.is_symlink():
                a += ["--symlink", os.readlink(p), str(p)]
            elif p.is_dir():
                a += ["--ro-bind", str(p), str(p)]
        for naam in _ETC:
            p = Path("/etc") / naam
            if p.exists():
                a += ["--ro-bind", str(p), str(p)]
        for m in self.alleen_lezen():
            a += ["--ro-bind", str(m), str(m)]
        for kopie, origineel in self.bytecode:
            a += ["--ro-bind", str(kopie), str(origineel)]
        a += ["--proc", "/proc", "--dev", "/dev"]
        g = self.grenzen
        a += ["--size", str(g.tmp_mb * 1024 * 1024), "--tmpfs", "/tmp"]
        if self.mpl_cache is not None:
            for f in sorted(Path(self.mpl_cache).glob("fontlist*.json")):
                a += ["--ro-bind", str(f), f"/tmp/mpl/{f.name}"]
        a += ["--bind", str(sockets), str(sockets)]
        a += ["--ro-bind", str(werkmap_kopie), _WERKMAP_BRON]
        a += ["--size", str(g.werkmap_mb * 1024 * 1024), "--tmpfs", str(werkmap)]
        # De wortel van de zandbak is zelf een tmpfs zonder grens: alleen-lezen.
        a += ["--remount-ro", "/"]
        a += ["--chdir", "/", "--clearenv"]
        omgeving = self.omgeving()
        for k, v in sorted(omgeving.items()):
            a += ["--setenv", k, v]
        a += ["--", _SH, "-c", _OPSTART, "klas-zandbak", str(werkmap), str(g.bestanden)]
        a += ["ja" if grens else "nee"]
        if grens:
            a += [_SETPRIV, *_ZONDER_RECHTEN, "--"]
        if self.prlimit:
            a += [self.prlimit, *self.grenzen.prlimit_argumenten(), "--"]
        return a + kernel


_SH = shutil.which("sh", path="/usr/bin:/bin") or "/bin/sh"
_SETPRIV = shutil.which("setpriv", path="/usr/bin:/bin:/usr/sbin:/sbin") or "setpriv"
_ZONDER_RECHTEN = ("--bounding-set=-all", "--inh-caps=-all", "--ambient-caps=-all")
_WERKMAP_BRON = "/.werkmap-bron"

_GRENS = """grens() {
  mount --options-mode ignore -o "remount,nosuid,nodev,nr_inodes=$2" "$1" 2>/dev/null ||
    mount -o "remount,nosuid,nodev,nr_inodes=$2" "$1"
}
"""
"""Een tmpfs in de zandbak opnieuw koppelen met een grens aan het aantal bestanden.

``--options-mode ignore``: anders leest ``mount`` de huidige opties (``uid=1001``) en
geeft ze mee, en die uid bestaat in de gebruikers-namespace van een docent zonder
rootrechten niet (``mount: /tmp: mount point not mounted or bad option``). Zonder die
optie (util-linux ouder dan 2.35) de gewone manier."""

_OPSTART = (
    _GRENS
    + """set -e
if [ "$3" = ja ]; then
  grens /tmp "$2"
  grens "$1" "$2"
fi
cp -R /.werkmap-bron/. "$1"/ 2>/dev/null || echo "klas: niet alles paste in de werkmap" >&2
cd "$1"
shift 3
exec "$@"
"""
)
"""Het opstartstapje in de zandbak: de tmpfs-en van ``/tmp`` en de werkmap een grens aan
het aantal bestanden geven (als dat kan), de werkmap erin kopiëren en dan (via
``setpriv`` zonder rechten) de kernel starten. Argumenten: werkmap, bestanden, ja/nee."""


def _basis(grens: bool) -> list[str]:
    """De namespace- en rechtenopties van bwrap.

    Met bestandsgrens: een eigen gebruikers-namespace (uid 0 daarbinnen) en alleen de twee
    rechten die het opstartstapje nodig heeft om tmpfs-en te koppelen en daarna alles
    los te laten (``setpriv``); zonder: geen enkel recht.
    """
    a = ["--unshare-all", "--die-with-parent", "--new-session"]
    if grens:
        a += ["--unshare-user", "--uid", "0", "--gid", "0"]
        a += ["--cap-drop", "ALL", "--cap-add", "CAP_SYS_ADMIN", "--cap-add", "CAP_SETPCAP"]
    else:
        a += ["--cap-drop", "ALL"]
    return a


_BESTANDSGRENS: dict[str, bool] = {}


def bestandsgrens_werkt(bwrap: str = "bwrap") -> bool:
    """Kan de zandbak hier een tmpfs met een grens aan het aantal bestanden koppelen?

    Probeert het één keer (per proces), precies zoals het opstartstapje het doet: bwrap
    met een eigen gebruikers-namespace, de tmpfs ``/tmp`` opnieuw koppelen met
    ``nr_inodes`` en daarna ``setpriv`` zonder rechten, en controleert dat de grens werkt
    en er geen rechten over zijn.
    """
    import subprocess

    if bwrap in _BESTANDSGRENS:
        return _BESTANDSGRENS[bwrap]
    proef = _GRENS + (
        "grens /tmp 8 && cd /tmp && "
        f"exec {_SETPRIV} {' '.join(_ZONDER_RECHTEN)} {_SH} -c "
        '\'grep -q "^CapBnd:[[:space:]]*0*$" /proc/self/status && grep -q '
        '"^CapEff:[[:space:]]*0*$" /proc/self/status && for i in 1 2 3 4 5 6 7 8 9 10; do '
        "touch /tmp/f$i 2>/dev/null || exit 0; done; exit 1'"
    )
    a = [bwrap, *_basis(True), "--ro-bind", "/usr", "/usr"]
    for naam in ("bin", "lib", "lib32", "lib64", "sbin"):
        p = Path("/") / naam
        if p.is_symlink():
            a += ["--symlink", os.readlink(p), str(p)]
        elif p.is_dir():
            a += ["--ro-bind", str(p), str(p)]
    a += ["--proc", "/proc", "--dev", "/dev", "--size", "1048576", "--tmpfs", "/tmp"]
    a += ["--remount-ro", "/", "--", _SH, "-c", proef]
    try:
        werkt = subprocess.run(a, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        werkt = False
    _BESTANDSGRENS[bwrap] = werkt
    return werkt


def maak_mpl_cache(map_: Path) -> Path | None:
    """Bouw (één keer) de lettertypecache van matplotlib in ``map_``; None zonder matplotlib."""
    import subprocess

    map_ = Path(map_)
    if list(map_.glob("fontlist*.json")):
        return map_
    map_.mkdir(parents=True, exist_ok=True)
    uit = subprocess.run(
        [sys.executable, "-c", "import matplotlib.font_manager"],
        env={**os.environ, "MPLCONFIGDIR": str(map_)},
        capture_output=True,
        timeout=120,
    )
    return map_ if uit.returncode == 0 and list(map_.glob("fontlist*.json")) else None


def maak_bytecode(map_: Path) -> tuple[tuple[Path, Path], ...]:
    """Een kopie van klanttools mét vertaalde bytecode (``.pyc``), voor in de zandbak.

    De verborgen tests laden de controles in elke testcel opnieuw van schijf. Zonder
    ``.pyc`` (een alleen-lezen installatie, ``PYTHONDONTWRITEBYTECODE``, een verse
    ``pip install -e``) vertaalt de kernel die bronbestanden telkens opnieuw: ±0,7 s
    rekentijd per student. Deze kopie (zelfde bestanden, zelfde wijzigingstijden) wordt
    één keer vertaald en ligt in de zandbak alleen-lezen over het origineel. Aan de
    installatie zelf verandert niets. Een volgende run hergebruikt de kopie zolang de
    inhoud van elk bronbestand gelijk is (een vingerafdruk, geen wijzigingstijden).
    Geeft de paren (kopie, origineel); leeg als het niet lukt (dan draait alles gewoon,
    alleen trager).
    """
    import compileall
    import hashlib

    paren: list[tuple[Path, Path]] = []
    map_ = Path(map_)
    bronnen = _pakketmappen(("klanttools",))
    vinger = hashlib.sha256()
    for origineel in bronnen:
        vinger.update(str(origineel).encode())
        for f in sorted(origineel.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
                vinger.update(str(f.relative_to(origineel)).encode() + b"\0")
                vinger.update(hashlib.sha256(f.read_bytes()).digest())
    vinger.update(sys.version.encode())
    stempel = map_ / "vingerafdruk.txt"
    kopieen = [map_ / f"{i}-{o.name}" for i, o in enumerate(bronnen)]
    try:
        if stempel.read_text() == vinger.hexdigest() and all(k.is_dir() for k in kopieen):
            return tuple(zip(kopieen, bronnen, strict=True))
    except OSError:
        pass
    shutil.rmtree(map_, ignore_errors=True)
    for kopie, origineel in zip(kopieen, bronnen, strict=True):
        try:
            shutil.copytree(origineel, kopie, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            if not compileall.compile_dir(kopie, ddir=str(origineel), quiet=2):
                raise OSError("niet alles vertaalde")
        except (OSError, shutil.Error):
            shutil.rmtree(kopie, ignore_errors=True)
            continue
        paren.append((kopie, origineel))
    if len(paren) == len(bronnen):
        stempel.write_text(vinger.hexdigest())
    return tuple(paren)


def kopieer_werkmap(bron: Path, doel: Path) -> None:
    """Kopieer alleen gewone bestanden en mappen (geen symlinks, apparaten, fifo's)."""
    doel.mkdir(parents=True, exist_ok=True)
    if not bron.is_dir():
        return
    for item in bron.iterdir():
        if item.is_symlink():
            continue
        if item.is_dir():
            kopieer_werkmap(item, doel / item.name)
        elif item.is_file():
            shutil.copyfile(item, doel / item.name)
