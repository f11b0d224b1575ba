"""Installeer de cursuskit en open hem, of draai alle tests: één commando, elk besturingssysteem.

Gebruik (vanuit de map van de kit)::

    python3 kit.py start            # macOS/Linux: installeren en JupyterLab openen
    py kit.py start                 # Windows
    python3 kit.py test             # installeren en de volledige testsuite draaien
    python3 kit.py docent           # voor docenten: JupyterLab in exercises/ (nbgrader)
    python3 kit.py studentenversie DOELMAP   # voor docenten: de map (en zip) voor studenten

Het script maakt een eigen virtuele omgeving ``.venv`` naast dit bestand en installeert
daarin de kit met alles wat hij nodig heeft. De tweede keer gaat het snel: er wordt
alleen opnieuw geïnstalleerd als ``pyproject.toml`` (of in de studentversie het pakket)
is veranderd. Alleen de standaardbibliotheek van Python (3.11 of nieuwer) is nodig.

In de **studentversie** (een map met ``.kit/editie.json``) kent dit script alleen
``start``: het installeert het meegeleverde pakket en opent JupyterLab in ``werkmap/``
met de eerste les open.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
import venv
from pathlib import Path

MAP = Path(__file__).resolve().parent
VENV = MAP / ".venv"
MINIMALE_PYTHON = (3, 11)
# Standaardinstellingen van JupyterLab voor studenten (Nederlands, geen nieuws-pop-up,
# geen nbgrader-menu's voor docenten).
LAB_INSTELLINGEN = MAP / "jupyter" / "lab" / "settings"
# Alleen voor 'kit.py docent': zet de nbgrader-menu's (formgrader, Create Assignment) weer aan.
DOCENT_CONFIG = MAP / "jupyter" / "docent"
EDITIE_BESTAND = MAP / ".kit" / "editie.json"
# Hier schrijft JupyterLab zijn serverbestanden; zo vindt kit.py een server die al draait.
RUNTIME = VENV / "runtime"


def _editie() -> dict | None:
    """De gegevens van de studentversie, of ``None`` in de kit van de docent."""
    if EDITIE_BESTAND.is_file():
        return json.loads(EDITIE_BESTAND.read_text(encoding="utf-8"))
    return None


def _python_in_venv() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _bin_in_venv() -> Path:
    return _python_in_venv().parent


def _meld(tekst: str) -> None:
    print(f"[kit] {tekst}", flush=True)


def _draai(commando: list[str | os.PathLike[str]], **kwargs) -> int:
    return subprocess.call([str(c) for c in commando], **kwargs)


def _venv_werkt() -> bool:
    """Is .venv compleet: een Python die start en pip heeft?"""
    if not _python_in_venv().exists():
        return False
    try:
        uit = subprocess.run(
            [str(_python_in_venv()), "-c", "import pip"], capture_output=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return uit.returncode == 0


def _apt_hint() -> str:
    versie = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return (
        "Deze Python kan geen virtuele omgeving met pip maken (venv/ensurepip ontbreekt).\n"
        f"Op Ubuntu of Debian: sudo apt install python3-venv   (of python{versie}-venv)\n"
        "en probeer het daarna opnieuw. Op Windows of macOS: installeer Python van python.org."
    )


def _maak_venv() -> None:
    if VENV.exists():
        _meld("de omgeving .venv is niet compleet (half geïnstalleerd?); ik maak hem opnieuw ...")
        shutil.rmtree(VENV, ignore_errors=True)
    else:
        _meld("virtuele omgeving .venv maken ...")
    try:
        import ensurepip  # noqa: F401  (ontbreekt op Debian/Ubuntu zonder python3-venv)
    except ImportError:
        sys.exit("[kit] " + _apt_hint())
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    except (subprocess.CalledProcessError, OSError) as fout:
        shutil.rmtree(VENV, ignore_errors=True)
        sys.exit(f"[kit] Het maken van .venv is mislukt ({fout}).\n[kit] " + _apt_hint())
    if not _venv_werkt():
        shutil.rmtree(VENV, ignore_errors=True)
        sys.exit("[kit] " + _apt_hint())


_NETWERKFOUTEN = (
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Name or service not known",
    "getaddrinfo failed",
    "Network is unreachable",
    "ConnectTimeoutError",
    "ReadTimeoutError",
    "No matching distribution found",
    "Could not find a version that satisfies",
    "SSLError",
    "ProxyError",
)


def _pip(argumenten: list[str]) -> None:
    """Draai pip in .venv; bij een fout een Nederlandse uitleg die de echte oorzaak noemt."""
    uit = subprocess.run(
        [str(_python_in_venv()), "-m", "pip", *argumenten],
        cwd=MAP,
        capture_output=True,
        text=True,
    )
    if uit.returncode == 0:
        return
    print(uit.stdout[-4000:], uit.stderr[-4000:], sep="\n", file=sys.stderr)
    tekst = uit.stdout + uit.stderr
    if any(teken in tekst for teken in _NETWERKFOUTEN):
        oorzaak = (
            "pip kon de pakketten niet downloaden. Controleer je internetverbinding "
            "(of de proxy van je school) en probeer het opnieuw."
        )
    elif "No space left" in tekst:
        oorzaak = "de schijf is vol. Maak ruimte vrij en probeer het opnieuw."
    else:
        oorzaak = (
            "zie de melding van pip hierboven. Probeer het nog een keer; helpt dat niet, "
            "stuur die melding dan naar je docent."
        )
    sys.exit(f"[kit] Installeren is mislukt: {oorzaak}")


def installeer(extra: str) -> None:
    """Maak .venv (indien nodig) en installeer de kit met een extra ('cursus' of 'test')."""
    if sys.version_info < MINIMALE_PYTHON:
        versie = ".".join(map(str, sys.version_info[:3]))
        sys.exit(
            f"[kit] Deze kit heeft Python 3.11 of nieuwer nodig; dit is Python {versie}. "
            "Installeer een nieuwere Python (python.org) en probeer opnieuw."
        )
    editie = _editie()
    if editie is not None:
        wiel = MAP / ".kit" / editie["wiel"]
        bron, doel = wiel.read_bytes(), f"{wiel}[{extra}]"
        stappen = [["install", "--quiet", doel]]
    else:
        bron, doel = (MAP / "pyproject.toml").read_bytes(), f".[{extra}]"
        stappen = [["install", "--quiet", "--editable", doel]]
    vingerafdruk = hashlib.sha256(bron + extra.encode()).hexdigest()
    stempel = VENV / f".kit-{extra}"
    if stempel.exists() and stempel.read_text() == vingerafdruk and _venv_werkt():
        _meld(f"omgeving .venv is al klaar ({extra}).")
        return
    if not _venv_werkt():
        _maak_venv()
    _meld(f"pakketten installeren ({extra}); de eerste keer duurt dit een paar minuten ...")
    for stap in [["install", "--upgrade", "--quiet", "pip"], *stappen]:
        _pip(stap)
    stempel.write_text(vingerafdruk)
    _meld("installatie klaar.")


def _omgeving(docent: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    # nbgrader roept 'alembic' aan; de map met programma's van .venv moet op PATH staan.
    env["PATH"] = str(_bin_in_venv()) + os.pathsep + env.get("PATH", "")
    env["VIRTUAL_ENV"] = str(VENV)
    env["JUPYTER_RUNTIME_DIR"] = str(RUNTIME)
    if docent:
        paden = [str(DOCENT_CONFIG), env.get("JUPYTER_CONFIG_PATH", "")]
        env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(p for p in paden if p)
    return env


def jupyterlab_argumenten() -> list[str]:
    """De argumenten waarmee JupyterLab de instellingen voor studenten krijgt.

    ``jupyter/lab/settings/overrides.json`` zet de standaardinstellingen: de interface in
    het Nederlands en geen nieuws-pop-up of updatecontrole; ``page_config.json`` daarnaast
    zet de nbgrader-menu's voor docenten uit. Wat een student zelf kiest in *Instellingen*
    gaat voor. De browsertests (``tests/e2e``) gebruiken dezelfde argumenten.
    """
    return [f"--LabApp.app_settings_dir={LAB_INSTELLINGEN}"]


def draaiende_server(map_: Path) -> dict | None:
    """De JupyterLab-server die al draait in ``map_`` (gestart door deze kit), of ``None``.

    Serverbestanden van servers die niet meer antwoorden worden opgeruimd.
    """
    for bestand in sorted(RUNTIME.glob("jpserver-*.json")):
        try:
            info = json.loads(bestand.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if Path(info.get("root_dir", "")).resolve() != map_.resolve():
            continue
        try:
            verzoek = urllib.request.Request(
                f"{info['url'].rstrip('/')}/api/status",
                headers={"Authorization": f"token {info.get('token', '')}"},
            )
            with urllib.request.urlopen(verzoek, timeout=3):
                return info
        except (urllib.error.URLError, OSError, KeyError, ValueError):
            for oud in (bestand, bestand.with_name(bestand.stem + "-open.html")):
                oud.unlink(missing_ok=True)
    return None


def _adres(info: dict) -> str:
    url = info["url"].rstrip("/") + "/lab"
    return f"{url}?token={info['token']}" if info.get("token") else url


def _ruim_op(pid: int) -> None:
    for naam in (f"jpserver-{pid}.json", f"jpserver-{pid}-open.html"):
        (RUNTIME / naam).unlink(missing_ok=True)


def _wacht_of_stop(proces: subprocess.Popen) -> int:
    """Wacht op JupyterLab; bij Ctrl+C netjes stoppen, zonder traceback of achtergebleven bestanden.

    JupyterLab draait in een eigen procesgroep, zodat Ctrl+C alleen dit script bereikt
    (JupyterLab zou anders in het Engels om bevestiging vragen). Dit script vraagt de
    server daarna zelf te stoppen; die sluit dan zijn kernels en ruimt zijn bestanden op.
    """
    try:
        return proces.wait()
    except KeyboardInterrupt:
        pass
    print(flush=True)
    _meld("JupyterLab stoppen ...")
    try:
        if os.name == "nt":
            proces.send_signal(signal.CTRL_BREAK_EVENT)
        else:
            proces.send_signal(signal.SIGTERM)
        proces.wait(timeout=30)
    except (subprocess.TimeoutExpired, KeyboardInterrupt, OSError):
        proces.kill()
        proces.wait(timeout=10)
    _ruim_op(proces.pid)
    _meld(
        "JupyterLab is gestopt. Opnieuw beginnen: python3 kit.py start (Windows: py kit.py start)."
    )
    return 0


def _open_lab(
    map_: Path, extra_argumenten: list[str], *, eerste: str | None = None, docent: bool = False
) -> int:
    al = draaiende_server(map_)
    if al is not None:
        _meld("JupyterLab draait al voor deze map (er start geen tweede).")
        _meld(f"Open dit adres in je browser:  {_adres(al)}")
        _meld("Stoppen doe je met Ctrl+C in het venster waarin hij draait.")
        return 0
    _meld("JupyterLab starten; stoppen doe je met Ctrl+C in dit venster.")
    commando = [
        _python_in_venv(),
        "-m",
        "jupyterlab",
        "--notebook-dir",
        map_,
        *jupyterlab_argumenten(),
        *([f"--LabApp.default_url=/lab/tree/{eerste}"] if eerste else []),
        *extra_argumenten,
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in commando:
        commando.append("--allow-root")  # root is gewoon in containers en school-VM's
    RUNTIME.mkdir(parents=True, exist_ok=True)
    proces = subprocess.Popen([str(c) for c in commando], cwd=map_, env=_omgeving(docent=docent))
    return _wacht_of_stop(proces)


# De kernel stuurt bij het openen zijn language_info (met de Python-versie van .venv).
# Staat in het notebook iets anders, dan noemt JupyterLab een onveranderde les meteen
# "gewijzigd" (● op het tabblad, en bij sluiten de vraag of je wilt opslaan). Daarom krijgen
# de notebooks in de werkmap van de student vooraf precies die language_info.
_TAALINFO = """
import json, pathlib, sys
from ipykernel.ipkernel import IPythonKernel
info = dict(IPythonKernel.language_info)
for pad in pathlib.Path(sys.argv[1]).rglob("*.ipynb"):
    if ".ipynb_checkpoints" in pad.parts:
        continue
    try:
        nb = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        continue
    if nb.get("metadata", {}).get("language_info") != info:
        nb.setdefault("metadata", {})["language_info"] = info
        pad.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\\n", encoding="utf-8")
"""


def stem_taalinfo_af(map_: Path) -> None:
    """Geef elk notebook in ``map_`` de language_info van de kernel in .venv (zie ``_TAALINFO``)."""
    _draai([_python_in_venv(), "-c", _TAALINFO, map_], cwd=MAP, env=_omgeving())


def _eerste_les(map_: Path) -> str | None:
    lessen = sorted(map_.glob("*.ipynb"))
    return lessen[0].name if lessen else None


def start(extra_argumenten: list[str]) -> int:
    """Installeer (indien nodig) en open JupyterLab in de werkmap, met de eerste les open."""
    installeer("cursus")
    editie = _editie()
    if editie is not None:
        werkmap = MAP / editie["werkmap"]
        stem_taalinfo_af(werkmap)
        return _open_lab(werkmap, extra_argumenten, eerste=editie["eerste_les"])
    lessen = MAP / "notebooks"
    return _open_lab(lessen, extra_argumenten, eerste=_eerste_les(lessen))


def docent(extra_argumenten: list[str]) -> int:
    """Installeer (indien nodig) en open JupyterLab in exercises/, met nbgrader's formgrader."""
    installeer("cursus")
    return _open_lab(MAP / "exercises", extra_argumenten, docent=True)


def _parallel(extra_argumenten: list[str]) -> list[str]:
    """Twee pytest-processen, per testbestand verdeeld, tenzij je zelf ``-n`` of ``-p no:xdist`` geeft.

    >>> _parallel([])
    ['-n', '2', '--dist', 'loadfile']
    >>> _parallel(["-n", "0", "-x"])
    ['-n', '0', '-x']
    """
    if any(a.startswith(("-n", "--numprocesses")) or a == "no:xdist" for a in extra_argumenten):
        return list(extra_argumenten)
    return ["-n", "2", "--dist", "loadfile", *extra_argumenten]


def test(extra_argumenten: list[str]) -> int:
    """Installeer (indien nodig) en draai de volledige testsuite met pytest.

    Standaard in twee processen (pytest-xdist), per testbestand verdeeld: de trage
    nbgrader-, browser- en hubtests lopen zo naast elkaar op twee kernen.
    """
    installeer("test")
    _meld("tests draaien ...")
    opdracht = [_python_in_venv(), "-m", "pytest", *_parallel(extra_argumenten)]
    return _draai(opdracht, cwd=MAP, env=_omgeving())


def studentenversie(extra_argumenten: list[str]) -> int:
    """Bouw de studentversie (map en zip) in DOELMAP; zie klanttools.studentenversie."""
    if len(extra_argumenten) != 1 or extra_argumenten[0].startswith("-"):
        print(
            "Gebruik: python3 kit.py studentenversie DOELMAP   (Windows: py kit.py "
            "studentenversie DOELMAP)\nVoorbeeld: python3 kit.py studentenversie "
            "../inleiding-sales-studenten",
            file=sys.stderr,
        )
        return 2
    installeer("cursus")
    return _draai(
        [_python_in_venv(), "-m", "klanttools.studentenversie", MAP, Path(extra_argumenten[0])],
        cwd=MAP,
        env=_omgeving(),
    )


OPDRACHTEN = {"start": start, "test": test, "docent": docent, "studentenversie": studentenversie}
ALLEEN_STUDENT = ("start",)

GEBRUIK = """\
Gebruik: python3 kit.py COMMANDO   (Windows: py kit.py COMMANDO)

  start            installeren (de eerste keer) en JupyterLab openen, met de eerste les open
  test             installeren en alle tests draaien (ontwikkelaars)
  docent           voor docenten: JupyterLab met nbgrader in exercises/
  studentenversie DOELMAP
                   voor docenten: de map en zip die je aan studenten geeft

Voorbeelden:  python3 kit.py start      py kit.py start"""

GEBRUIK_STUDENT = """\
Gebruik: python3 kit.py start   (Windows: py kit.py start)

  start   installeren (de eerste keer) en JupyterLab openen, met de eerste les open.
          Stoppen doe je met Ctrl+C. Draait JupyterLab al, dan krijg je het adres."""


def main(argv: list[str]) -> int:
    student = _editie() is not None
    gebruik = GEBRUIK_STUDENT if student else GEBRUIK
    toegestaan = ALLEEN_STUDENT if student else tuple(OPDRACHTEN)
    if argv and argv[0] in ("-h", "--help", "help"):
        print(gebruik)
        return 0
    if not argv:
        print(gebruik)
        return 2
    if argv[0] not in toegestaan:
        print(
            f"[kit] onbekend commando '{argv[0]}'. Kies uit: {', '.join(toegestaan)}.\n",
            file=sys.stderr,
        )
        print(gebruik, file=sys.stderr)
        return 2
    try:
        return OPDRACHTEN[argv[0]](argv[1:])
    except KeyboardInterrupt:
        print(flush=True)
        _meld("gestopt met Ctrl+C.")
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
