"""De kiem en de zandbak zelf, los van nbgrader: echte bubblewrap, echte namespaces.

Wat de klas-tests (``test_nakijken_klas.py``) met echte inleveringen doen, staat hier
in het klein: de kiem gaat alleen een echte zandbak in (nooit de namespaces van de
docent), de kernel die eruit komt heeft geen rechten, geen netwerk, alleen zijn eigen
werkmap, en sterft met de zandbak. En de zandbak werkt ook voor een docent zonder
rootrechten (daar ging het opnieuw koppelen van ``/tmp`` mis).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from klanttools.nakijken.klas import kernel
from klanttools.nakijken.klas.kiem import KiemFout
from klanttools.nakijken.klas.sandbox import Zandbak, bestandsgrens_werkt, bwrap_werkt


@pytest.fixture(scope="module")
def zandbak() -> Zandbak:
    werkt, reden = bwrap_werkt()
    assert werkt, f"bubblewrap is nodig voor deze tests (.ci/run installeert het): {reden}"
    assert bestandsgrens_werkt(), "de zandbak kan hier geen gebruikers-namespace maken"
    return Zandbak()


@pytest.fixture(scope="module")
def kiem(zandbak):
    k = kernel.kiem_voor(zandbak)
    assert k is not None, f"de kiem werkt hier niet: {kernel.kiem_reden()}"
    return k


def _map() -> Path:
    m = Path(tempfile.mkdtemp(prefix="klas-test-kiem-"))
    m.chmod(0o755)
    return m


def _houder(zandbak: Zandbak, map_: Path, bestanden: dict[str, str]):
    """Start een echte zandbak met een houder erin; geeft (proces, pijpen, pid, werkmap)."""
    werkmap, kopie, ipc = map_ / "werkmap", map_ / "kopie", map_ / "ipc"
    for m in (werkmap, kopie, ipc):
        m.mkdir()
    for naam, tekst in bestanden.items():
        (kopie / naam).write_text(tekst, encoding="utf-8")
    proces, pijpen = kernel.houder_in_zandbak(
        zandbak, werkmap_kopie=kopie, werkmap=werkmap, sockets=ipc
    )
    return proces, pijpen, pijpen.wacht(proces), werkmap


def test_proef_gaat_een_lege_zandbak_in(kiem, zandbak):
    # kiem_voor deed de proef al; nog eens, en kijk wat het kind in de zandbak zag.
    map_ = _map()
    try:
        proces, pijpen, pid, werkmap = _houder(zandbak, map_, {"eigen.txt": "van mij"})
        kiem.splits(
            zandbak_pid=pid,
            levenslijn=pijpen.levenslijn_schrijf,
            verbinding=None,
            werkmap=str(werkmap),
            omgeving=zandbak.omgeving(),
            grenzen=zandbak.grenzen.rlimits(),
        )
        pijpen.sluit()
        # De levenslijn is dicht (de proef stopte): de houder en de zandbak stoppen vanzelf.
        assert proces.wait(timeout=10) == 0
    finally:
        shutil.rmtree(map_, ignore_errors=True)


def test_kiem_weigert_een_proces_zonder_eigen_namespaces(kiem, zandbak):
    # Zou de kiem de namespaces van een gewoon proces binnengaan, dan draaide de
    # kernel zonder zandbak. Dat weigert hij.
    lees, schrijf = os.pipe()
    slaper = subprocess.Popen(["sleep", "30"])
    try:
        with pytest.raises(KiemFout, match="geen eigen user-namespace: geen zandbak"):
            kiem.splits(
                zandbak_pid=slaper.pid,
                levenslijn=schrijf,
                verbinding=None,
                werkmap="/",
                omgeving=zandbak.omgeving(),
                grenzen=zandbak.grenzen.rlimits(),
            )
    finally:
        slaper.kill()
        slaper.wait()
        os.close(lees)
        os.close(schrijf)


_KERNELCODE = """
import json, os, socket, sys
uit = {"werkmap": sorted(os.listdir(".")), "wortel": sorted(os.listdir("/"))}
st = open("/proc/self/status").read()
uit["rechten"] = [st.split(v + ":")[1].split()[0] for v in ("CapEff", "CapBnd", "CapPrm")]
uit["nnp"] = st.split("NoNewPrivs:")[1].split()[0]
uit["pandas_al_geladen"] = "pandas" in sys.modules
uit["processen"] = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
try:
    socket.create_connection(("1.1.1.1", 53), timeout=2)
    uit["netwerk"] = "OPEN"
except OSError as e:
    uit["netwerk"] = type(e).__name__
uit["fds"] = sorted(int(f) for f in os.listdir("/proc/self/fd"))
print(json.dumps(uit))
"""


def _asyncio(coro):  # type: ignore[no-untyped-def]
    """``asyncio.run`` in een eigen draad: onder xdist kan in deze draad al een lus lopen
    (van een eerdere testmodule), en dan weigert ``asyncio.run``."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as draad:
        return draad.submit(asyncio.run, coro).result()


def _manager(zandbak: Zandbak, kiem, map_: Path):  # type: ignore[no-untyped-def]
    """Een ZandbakKernelManager zoals ZandbakExecute hem maakt (IPC, bericht-onderbreking)."""
    from klanttools.nakijken.klas.kernel import ZandbakKernelManager

    tijdelijk = map_ / "kernel"
    (tijdelijk / "ipc").mkdir(parents=True)
    km = ZandbakKernelManager(kernel_name="python3")
    km.zandbak, km.tijdelijk, km._kiem = zandbak, tijdelijk, kiem
    km.transport = "ipc"
    km.ip = str(tijdelijk / "ipc" / "kernel")
    km.connection_file = str(tijdelijk / "ipc" / "verbinding.json")
    km.kernel_spec.interrupt_mode = "message"
    return km


async def _voer_uit(km, werkmap: Path, code: str) -> str:  # type: ignore[no-untyped-def]
    kernel.KERNEL_VOORGELADEN.clear()
    await km.start_kernel(cwd=str(werkmap))
    kc = km.client()
    kc.start_channels()
    await kc.wait_for_ready(timeout=60)
    uitvoer: list[str] = []
    await kc.execute_interactive(
        code, output_hook=lambda m: uitvoer.append(m["content"].get("text", "")), timeout=60
    )
    kc.stop_channels()
    return "".join(uitvoer)


def test_kernel_uit_de_kiem_zit_opgesloten(kiem, zandbak):
    """Een echte kernel uit de kiem, aangestuurd met jupyter_client zoals nbgrader dat doet."""
    map_ = _map()
    werkmap = map_ / "student"
    werkmap.mkdir()
    (werkmap / "notebook.ipynb").write_text("{}", encoding="utf-8")
    (map_ / "geheim.txt").write_text("GEHEIM", encoding="utf-8")
    km = _manager(zandbak, kiem, map_)
    try:
        uit = json.loads(_asyncio(_voer_uit(km, werkmap, _KERNELCODE)))
        assert kernel.KERNEL_VOORGELADEN == [True]
        assert uit["werkmap"] == ["notebook.ipynb"], "alleen de eigen (gekopieerde) werkmap"
        assert str(map_.name) not in " ".join(uit["wortel"])
        assert uit["rechten"] == ["0000000000000000"] * 3 and uit["nnp"] == "1"
        assert uit["pandas_al_geladen"], "de kiem laadde pandas vooraf"
        assert uit["netwerk"] != "OPEN"
        # Eigen proces-namespace: alleen de zandbak (init, houder) en de kernel zelf.
        assert max(uit["processen"]) < 50 and len(uit["processen"]) <= 6, uit["processen"]
        proces = km.provisioner.process
        # Stopt de kernel, dan stopt de houder, en met hem de hele zandbak.
        _asyncio(km.shutdown_kernel(now=True))
        assert proces.wait(timeout=10) is not None
    finally:
        shutil.rmtree(map_, ignore_errors=True)


def test_kernel_die_stopt_laat_de_zandbak_meteen_stoppen(kiem, zandbak):
    # os._exit in de kernel: de levenslijn gaat dicht, de houder stopt, bwrap stopt. Zo
    # ziet nbclient meteen dat de kernel dood is (geen tijdslimiet afwachten).
    map_ = _map()
    try:
        proces, pijpen, pid, werkmap = _houder(zandbak, map_, {})
        verbinding = map_ / "ipc" / "verbinding.json"
        verbinding.write_text("{niet geldig", encoding="utf-8")  # ipykernel stopt meteen
        begin = time.monotonic()
        kiem.splits(
            zandbak_pid=pid,
            levenslijn=pijpen.levenslijn_schrijf,
            verbinding=str(verbinding),
            werkmap=str(werkmap),
            omgeving=zandbak.omgeving(),
            grenzen=zandbak.grenzen.rlimits(),
        )
        pijpen.sluit()
        assert proces.wait(timeout=20) == 0
        assert time.monotonic() - begin < 20
    finally:
        shutil.rmtree(map_, ignore_errors=True)


def test_zandbak_werkt_voor_een_docent_zonder_rootrechten():
    """Het opstartstapje (bestandsgrens) als gewone gebruiker, zoals op een laptop.

    Vroeger las ``mount -o remount`` de opties ``uid=<docent>`` terug, die in de
    gebruikers-namespace niet bestaan: elke kernel stopte meteen (code 32).
    """
    setpriv = shutil.which("setpriv")
    voor: list[str] = []
    if os.geteuid() == 0:
        assert setpriv, "setpriv (util-linux) ontbreekt"
        voor = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
    map_ = _map()
    try:
        for naam in ("werkmap", "kopie", "ipc"):
            (map_ / naam).mkdir()
            (map_ / naam).chmod(0o777)
        (map_ / "kopie" / "eigen.csv").write_text("a\n1\n", encoding="utf-8")
        (map_ / "kopie" / "eigen.csv").chmod(0o644)
        zb = Zandbak(bestandsgrens=True)
        cmd = zb.commando(
            ["/bin/sh", "-c", "df -i /tmp . | tail -2; ls; grep CapEff /proc/self/status"],
            werkmap_kopie=map_ / "kopie",
            werkmap=map_ / "werkmap",
            sockets=map_ / "ipc",
        )
        # Alleen het systeem: de Python-omgeving van de tests kan voor 'nobody' onleesbaar zijn.
        schoon: list[str] = []
        i = 0
        while i < len(cmd):
            if cmd[i] == "--ro-bind" and not cmd[i + 1].startswith(("/usr", "/etc", str(map_))):
                i += 3
                continue
            schoon.append(cmd[i])
            i += 1
        uit = subprocess.run(voor + schoon, capture_output=True, text=True, timeout=30)
        assert uit.returncode == 0, uit.stderr
        inodes = [r.split()[1] for r in uit.stdout.splitlines() if r.startswith("tmpfs")]
        assert inodes == ["10000", "10000"], uit.stdout
        assert "eigen.csv" in uit.stdout and "CapEff:\t0000000000000000" in uit.stdout
    finally:
        shutil.rmtree(map_, ignore_errors=True)


def _geheugen_bevat(pid: int, naald: bytes) -> bool:
    """Staat ``naald`` ergens in het beschrijfbare geheugen van proces ``pid``?"""
    with open(f"/proc/{pid}/maps") as kaart, open(f"/proc/{pid}/mem", "rb", 0) as geheugen:
        for regel in kaart:
            delen = regel.split()
            if not delen[1].startswith("rw"):
                continue
            begin, eind = (int(x, 16) for x in delen[0].split("-"))
            try:
                geheugen.seek(begin)
                if naald in geheugen.read(eind - begin):
                    return True
            except (OSError, ValueError, OverflowError):
                continue
    return False


def test_kiem_ziet_de_vraag_van_een_student_nooit(kiem, zandbak):
    # Elke kernel is een kopie van de kiem. Zou de kiem de vraag (werkmap met het
    # studentnummer, de omgeving) zelf lezen, dan kon een latere kernel die in zijn
    # geheugen terugvinden. De vraag gaat daarom rechtstreeks naar het kind.
    map_ = _map()
    merk = f"STUDENTMERK{os.getpid()}X{time.monotonic_ns()}"
    try:
        proces, pijpen, pid, werkmap = _houder(zandbak, map_, {})
        kiem.splits(
            zandbak_pid=pid,
            levenslijn=pijpen.levenslijn_schrijf,
            verbinding=None,
            werkmap=str(werkmap),
            omgeving={**zandbak.omgeving(), "STUDENT": merk},
            grenzen=zandbak.grenzen.rlimits(),
        )
        pijpen.sluit()
        proces.wait(timeout=10)
        assert not _geheugen_bevat(kiem.proces.pid, merk.encode())
        # Tegenproef: de zoekfunctie vindt wel wat er echt in het geheugen staat.
        assert _geheugen_bevat(kiem.proces.pid, b"ipykernel.kernelapp")
    finally:
        shutil.rmtree(map_, ignore_errors=True)


def test_zonder_werkende_kiem_start_de_kernel_vers(zandbak):
    # Een kiem die niet (meer) draait: de kernel start alsnog, vers, in zijn zandbak.
    from klanttools.nakijken.klas.kiem import Kiem

    dood = Kiem(zandbak.omgeving())
    dood.start()
    dood.stop()
    map_ = _map()
    werkmap = map_ / "student"
    werkmap.mkdir()
    km = _manager(zandbak, dood, map_)
    try:
        code = "import sys, os; print('pandas' in sys.modules, sorted(os.listdir('.')))"
        uit = _asyncio(_voer_uit(km, werkmap, code))
        assert kernel.KERNEL_VOORGELADEN == [False]
        assert uit.strip() == "False []", uit  # vers: nog niets geladen; eigen lege map
        _asyncio(km.shutdown_kernel(now=True))
    finally:
        shutil.rmtree(map_, ignore_errors=True)


def test_bytecode_kopie_hergebruikt_tot_de_inhoud_verandert(tmp_path, monkeypatch):
    # De vertaalde kopie van klanttools (voor de zandbak) wordt niet elke run opnieuw
    # gemaakt, maar wel zodra de inhoud van een bronbestand verandert, ook als de
    # wijzigingstijd gelijk blijft.
    from klanttools.nakijken.klas import sandbox

    pakket = tmp_path / "pakket"
    pakket.mkdir()
    bron = pakket / "controle.py"
    bron.write_text("UITKOMST = 1\n", encoding="utf-8")
    monkeypatch.setattr(sandbox, "_pakketmappen", lambda namen=(): [pakket])
    doel = tmp_path / "bytecode"
    eerste = sandbox.maak_bytecode(doel)
    assert eerste == ((doel / "0-pakket", pakket),)
    pyc = next((doel / "0-pakket").rglob("controle*.pyc"))
    gemaakt = pyc.stat().st_mtime_ns
    assert sandbox.maak_bytecode(doel) == eerste
    assert pyc.exists() and pyc.stat().st_mtime_ns == gemaakt, "hergebruikt, niet opnieuw"
    tijd = bron.stat().st_mtime_ns
    bron.write_text("UITKOMST = 2\n", encoding="utf-8")
    os.utime(bron, ns=(tijd, tijd))
    assert sandbox.maak_bytecode(doel) == eerste
    assert (doel / "0-pakket" / "controle.py").read_text(encoding="utf-8") == "UITKOMST = 2\n"
