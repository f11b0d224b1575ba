"""``python -m klanttools.nakijken klas``: een klas vol lastige inleveringen, echt nbgrader, echte zandbak.

Eén cursuskopie voor de hele module, met één inlevering per soort (kapotte vorm,
aanvallen, ontbrekend, …), allemaal **gemaakt uit de studentversie en de
modeloplossing** van de opdracht: niets hangt af van de vragen van vandaag. Eén run
van het commando kijkt ze allemaal na (parallel, in bubblewrap); daarna controleert
elke test één soort. Een tweede run controleert dat het commando niets opnieuw doet.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from nbgrader_hulp import (
    NOTEBOOK,
    OPDRACHT,
    cel_per_id,
    controlecellen,
    draai,
    feedback_tekst,
    fout_antwoord,
    kopieer_cursus,
    lees_nb,
    maak_inzending,
    omgeving,
    oplossing_uit_bron,
    schrijf_nb,
)

from klanttools.nakijken.klas.sandbox import Grenzen, bwrap_werkt

pytestmark = pytest.mark.traag

STAM = NOTEBOOK.removesuffix(".ipynb")
MERK = f"GEHEIM-MERK-{uuid.uuid4().hex[:10]}"
"""Staat in de inlevering van één student; mag nergens anders opduiken."""
SPOOK = f"KLAS-SPOOK-{uuid.uuid4().hex[:10]}"
"""Het argument van een achtergrondproces dat de kernel niet mag overleven."""


def _bron(cel: dict) -> str:
    b = cel.get("source", "")
    return "".join(b) if isinstance(b, list) else b


def _meta(cel: dict) -> dict:
    return cel.get("metadata", {}).get("nbgrader", {})


def _antwoordcellen(bron: dict) -> list[str]:
    return [
        g
        for g, c in cel_per_id(bron).items()
        if _meta(c).get("solution") and c["cell_type"] == "code"
    ]


def _model(bron: dict, gid: str) -> str:
    return oplossing_uit_bron(_bron(cel_per_id(bron)[gid]))


# ---------------------------------------------------------------------------
# De soorten inleveringen
# ---------------------------------------------------------------------------


@dataclass
class Soort:
    """Eén soort inlevering en wat eruit moet komen."""

    naam: str
    maak: Callable[[Path, dict, dict, Path], None]
    """(map van de inlevering, studentversie, docentenversie, cursusmap) → bestanden."""
    uitkomst: str
    """'vol' (alle automatische punten), 'lager' (minder, met status nagekeken/hersteld),
    'geweigerd', of 'zie test' (een eigen test bepaalt het)."""
    status: str = ""
    """Begin van de verwachte status."""
    reden: str = ""
    """Stukje dat in status of reden moet staan."""


def _nb(map_: Path, nb: dict, naam: str = NOTEBOOK) -> None:
    schrijf_nb(nb, map_ / naam)


def _met_code(eerste: str = "", laatste: str = "", *, achter: bool = True, fout: bool = False):
    """Modeloplossing, met extra code in de eerste en/of laatste antwoordcel."""

    def maak(map_: Path, rel: dict, bron: dict, root: Path) -> None:
        ids = _antwoordcellen(bron)
        antwoorden = {g: (fout_antwoord(_model(bron, g)) if fout else _model(bron, g)) for g in ids}
        for gid, extra in ((ids[0], eerste), (ids[-1], laatste)):
            if extra:
                extra = (
                    extra.replace("{root}", str(root))
                    .replace("{opdracht}", OPDRACHT)
                    .replace("{notebook}", NOTEBOOK)
                )
                antwoorden[gid] = (
                    f"{antwoorden[gid]}\n{extra}" if achter else f"{extra}\n{antwoorden[gid]}"
                )
        _nb(map_, maak_inzending(rel, bron, antwoorden))

    return maak


def _bewerk(functie: Callable[[dict, dict], None], *, oplossen: bool = True):
    def maak(map_: Path, rel: dict, bron: dict, root: Path) -> None:
        nb = maak_inzending(rel, bron, oplossen=oplossen)
        functie(nb, bron)
        _nb(map_, nb)

    return maak


def _kopie_antwoordcel(nb: dict, bron: dict) -> None:
    gid = _antwoordcellen(bron)[0]
    cel = cel_per_id(nb)[gid]
    kopie = copy.deepcopy(cel)
    kopie["id"] = "kopie-" + uuid.uuid4().hex[:6]
    cel["source"] = 'raise NotImplementedError("oude versie")'
    nb["cells"].insert(nb["cells"].index(cel) + 1, kopie)


def _dubbele_cellen(nb: dict, bron: dict) -> None:
    test = next(iter(controlecellen(nb).values()))
    vast = next(c for c in nb["cells"] if _meta(c).get("locked") and c["cell_type"] == "markdown")
    for cel in (test, vast):
        kopie = copy.deepcopy(cel)
        kopie["id"] = "dubbel-" + uuid.uuid4().hex[:6]
        nb["cells"].insert(nb["cells"].index(cel) + 1, kopie)


def _tests_weg(nb: dict, bron: dict) -> None:
    weg = [id(c) for c in controlecellen(nb).values()]
    nb["cells"] = [c for c in nb["cells"] if id(c) not in weg]


def _hertypt(nb: dict, bron: dict) -> None:
    tests = list(controlecellen(nb).values())
    for cel, soort in ((tests[0], "markdown"), (tests[-1], "raw")):
        cel["cell_type"] = soort
        cel.pop("outputs", None)
        cel.pop("execution_count", None)
    antwoord = cel_per_id(nb)[_antwoordcellen(bron)[-1]]
    antwoord["cell_type"] = "markdown"
    antwoord.pop("outputs", None)
    antwoord.pop("execution_count", None)


def _tests_vervangen(nb: dict, bron: dict) -> None:
    for cel in controlecellen(nb).values():
        cel["source"] = "assert True"
        cel["metadata"]["nbgrader"]["points"] = 100


def _zonder_ids(map_: Path, rel: dict, bron: dict, root: Path) -> None:
    nb = maak_inzending(rel, bron)
    nb["nbformat_minor"] = 4
    for cel in nb["cells"]:
        cel.pop("id", None)
    _nb(map_, nb)


def _oud_formaat(map_: Path, rel: dict, bron: dict, root: Path) -> None:
    nb = nbformat.from_dict(maak_inzending(rel, bron))
    (map_ / NOTEBOOK).write_text(nbformat.writes(nb, version=3), encoding="utf-8")


def _hernoemd(map_: Path, rel: dict, bron: dict, root: Path) -> None:
    _nb(map_, maak_inzending(rel, bron), f"{STAM} (1).ipynb")


def _twee_andere(map_: Path, rel: dict, bron: dict, root: Path) -> None:
    _nb(map_, maak_inzending(rel, bron), "versie-a.ipynb")
    _nb(map_, maak_inzending(rel, bron), "versie-b.ipynb")


def _ontbreekt(map_: Path, rel: dict, bron: dict, root: Path) -> None:
    (map_ / "notities.txt").write_text("ik was het vergeten", encoding="utf-8")


def _beschadigd(map_: Path, rel: dict, bron: dict, root: Path) -> None:
    tekst = json.dumps(maak_inzending(rel, bron))
    (map_ / NOTEBOOK).write_text(tekst[: len(tekst) // 2], encoding="utf-8")


def _leeg_bestand(map_: Path, rel: dict, bron: dict, root: Path) -> None:
    (map_ / NOTEBOOK).write_bytes(b"")


def _geen_opdracht(map_: Path, rel: dict, bron: dict, root: Path) -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('hallo')")])
    _nb(map_, json.loads(nbformat.writes(nb)))


def _symlink_notebook(map_: Path, rel: dict, bron: dict, root: Path) -> None:
    os.symlink(root / "source" / OPDRACHT / NOTEBOOK, map_ / NOTEBOOK)


def _symlink_map(map_: Path, rel: dict, bron: dict, root: Path) -> None:
    map_.rmdir()
    os.symlink(root / "source" / OPDRACHT, map_)


def _rare_bijbestanden(map_: Path, rel: dict, bron: dict, root: Path) -> None:
    _nb(map_, maak_inzending(rel, bron))
    os.symlink(root / "gradebook.db", map_ / "gegevens.csv")
    os.mkfifo(map_ / "pijp")
    with open(map_ / "groot.bin", "wb") as f:
        f.truncate(60 * 1024 * 1024)  # ijl bestand: groot, maar kost geen schijfruimte
    (map_ / "eigen.csv").write_text("a,b\n1,2\n", encoding="utf-8")


_LEES = """
import glob as _glob, os as _os
_paden = ["{root}/gradebook.db", "../../../gradebook.db", "../../../../gradebook.db",
          "{root}/source/{opdracht}/{notebook}", "../../../source/{opdracht}/{notebook}",
          "{root}/release/{opdracht}/{notebook}"]
_paden += _glob.glob("{root}/submitted/*/{opdracht}/*") + _glob.glob("{root}/autograded/*/{opdracht}/*")
_paden += _glob.glob("/root/*") + _glob.glob(_os.path.expanduser("~") + "/*")
for _p in _paden:
    try:
        print(_p, open(_p, errors="replace").read(3000))
    except Exception as _e:
        print(_p, "GEEN TOEGANG", type(_e).__name__)
"""

_SCHRIJF = """
import os as _os, glob as _glob
_doelen = ["{root}/gehackt-1.txt", "../gehackt-2.txt", "../../../gehackt-3.txt",
           "{root}/source/{opdracht}/gehackt-4.txt", "/tmp/gehackt-5-{uid}.txt"]
_doelen += [d + "/gehackt-6.txt" for d in _glob.glob("{root}/autograded/*/{opdracht}")]
_doelen += [d + "/gehackt-7.txt" for d in _glob.glob("{root}/submitted/*/{opdracht}")]
for _d in _doelen:
    try:
        open(_d, "w").write("gehackt")
    except Exception as _e:
        print("schrijven lukte niet:", type(_e).__name__)
for _d in ["{root}/gradebook.db", "{kt}/nakijken/_controles.py"]:
    try:
        open(_d, "a").write("gehackt")
    except Exception as _e:
        print("aanpassen lukte niet:", type(_e).__name__)
try:
    _os.chmod(".", 0o777)
    _os.symlink("{root}/gradebook.db", "link-naar-gradebook")
except Exception as _e:
    print(type(_e).__name__)
"""

_NETWERK = """
import socket as _socket
for _adres in [("127.0.0.1", {poort}), ("1.1.1.1", 53), ("example.org", 80)]:
    try:
        _s = _socket.create_connection(_adres, timeout=2)
        _s.sendall(b"HALLO VAN DE STUDENT")
        print("VERBONDEN", _adres)
    except Exception as _e:
        print("geen netwerk:", type(_e).__name__)
"""

_ACHTERGROND = """
import subprocess as _sp, sys as _sys
_sp.Popen([_sys.executable, "-c", "import time; time.sleep(900)", "{spook}"],
          start_new_session=True, stdout=_sp.DEVNULL, stderr=_sp.DEVNULL)
"""

_VEEL_BESTANDEN = """
import os as _os
_n = 0
for _map in (".", "/tmp"):
    try:
        for _i in range(100_000):
            open(f"{_map}/bestand-{_i}.txt", "w").close()
            _n += 1
    except OSError as _e:
        print("gestopt:", _map, type(_e).__name__)
print("AANGEMAAKT", _n)
_st = open("/proc/self/status").read()
print("RECHTEN", _st.split("CapEff:")[1].split()[0], _st.split("CapBnd:")[1].split()[0])
import socket as _so
_kiemsok = []
for _fd in sorted(int(_f) for _f in _os.listdir("/proc/self/fd")):
    try:
        _s = _so.socket(fileno=_os.dup(_fd))
    except OSError:
        continue
    if _s.family == _so.AF_UNIX and _s.type == _so.SOCK_SEQPACKET:
        _kiemsok.append(_fd)
    _s.close()
print("KIEMSOCKETS", _kiemsok)
try:
    open("/wortel.txt", "w").close()
    print("WORTEL SCHRIJFBAAR")
except OSError as _e:
    print("wortel:", type(_e).__name__)
"""

_MONKEYPATCH = """
import sys as _sys, builtins as _b
_niets = lambda *a, **k: None
for _m in list(_sys.modules):
    if _m.startswith("klanttools"):
        for _n in dir(_sys.modules[_m]):
            if _n.startswith("controleer"):
                setattr(_sys.modules[_m], _n, _niets)
for _n in list(globals()):
    if _n.startswith("controleer"):
        globals()[_n] = _niets
"""

SOORTEN = [
    Soort("goed", _met_code(f"# {MERK}"), "vol", "nagekeken"),
    Soort("leeg", _bewerk(lambda nb, b: None, oplossen=False), "lager", "nagekeken"),
    Soort("fout", _met_code(fout=True), "lager", "nagekeken"),
    Soort(
        "antwoordcel gekopieerd",
        _bewerk(_kopie_antwoordcel),
        "vol",
        "hersteld",
        "dubbele antwoordcel",
    ),
    Soort("test- en tekstcel dubbel", _bewerk(_dubbele_cellen), "vol", "hersteld", "dubbele cel"),
    Soort("testcellen verwijderd", _bewerk(_tests_weg), "vol", "hersteld", "teruggezet"),
    Soort(
        "cellen van soort veranderd", _bewerk(_hertypt), "vol", "hersteld", "van soort veranderd"
    ),
    Soort(
        "tests vervangen door assert True",
        _bewerk(_tests_vervangen, oplossen=False),
        "zie test",
        "hersteld",
        "was veranderd",
    ),
    Soort("zonder cel-id's (nbformat 4.4)", _zonder_ids, "vol", "hersteld", "cel-id"),
    Soort("oud formaat (nbformat 3)", _oud_formaat, "vol", "hersteld", "versie 3"),
    Soort("hernoemd door de browser", _hernoemd, "vol", "hersteld", f"{STAM} (1).ipynb"),
    Soort("twee andere notebooks", _twee_andere, "geweigerd", "niet nakijkbaar", "niet eenduidig"),
    Soort("notebook ontbreekt", _ontbreekt, "geweigerd", "niet nakijkbaar", "ontbreekt"),
    Soort("beschadigd (half JSON)", _beschadigd, "geweigerd", "niet nakijkbaar", "beschadigd"),
    Soort("leeg bestand", _leeg_bestand, "geweigerd", "niet nakijkbaar", "leeg"),
    Soort(
        "ander notebook",
        _geen_opdracht,
        "geweigerd",
        "niet nakijkbaar",
        "niet het opdrachtnotebook",
    ),
    Soort(
        "notebook is symlink naar source/",
        _symlink_notebook,
        "geweigerd",
        "niet nakijkbaar",
        "symbolische link",
    ),
    Soort(
        "opdrachtmap is symlink", _symlink_map, "geweigerd", "niet nakijkbaar", "symbolische link"
    ),
    Soort(
        "symlink, fifo en groot bestand ernaast",
        _rare_bijbestanden,
        "vol",
        "hersteld",
        "quarantaine",
    ),
    Soort(
        "oneindige lus",
        _met_code(laatste="while True:\n    pass", achter=False),
        "lager",
        "nagekeken",
        "onderbroken",
    ),
    Soort(
        "lus die Ctrl+C negeert",
        _met_code(
            laatste="import time\nwhile True:\n    try:\n        time.sleep(1)\n    except BaseException:\n"
            "        pass",
            achter=False,
        ),
        "lager",
        "nagekeken",
        "kernel gestopt",
    ),
    Soort(
        "os._exit",
        _met_code(laatste="import os\nos._exit(1)", achter=False),
        "lager",
        "nagekeken",
        "kernel gestopt",
    ),
    Soort(
        "geheugenbom",
        _met_code(
            laatste="_l = []\nwhile True:\n    _l.append(bytearray(50 * 2**20))", achter=False
        ),
        "lager",
        "nagekeken",
    ),
    Soort("20 MB uitvoer", _met_code('print("x" * 20_000_000)'), "vol", "nagekeken"),
    Soort(
        "waarschuwing",
        _met_code('import warnings\nwarnings.warn("let op", FutureWarning)'),
        "vol",
        "nagekeken",
    ),
    Soort("input()", _met_code('_naam = input("Hoe heet je? ")'), "vol", "nagekeken", "input()"),
    Soort("syntaxfout", _met_code(laatste="def (:", achter=False), "lager", "nagekeken"),
    Soort("leest geheimen", _met_code(_LEES), "vol", "nagekeken"),
    Soort("schrijft buiten de eigen map", _met_code(_SCHRIJF), "vol", "nagekeken"),
    Soort("netwerk", _met_code(_NETWERK), "vol", "nagekeken"),
    Soort("achtergrondproces", _met_code(_ACHTERGROND), "vol", "nagekeken"),
    Soort("100.000 bestanden", _met_code(_VEEL_BESTANDEN), "vol", "nagekeken"),
    Soort(
        "checkers vervangen (monkeypatch)",
        _met_code(_MONKEYPATCH, fout=True),
        "zie test",
        "nagekeken",
    ),
]
STUDENT = {s.naam: f"{810000 + i}" for i, s in enumerate(SOORTEN)}
NIET_INGELEVERD = "819999"


# ---------------------------------------------------------------------------
# De klas: één keer opzetten en nakijken
# ---------------------------------------------------------------------------


class _Luisteraar:
    """Een TCP-server op 127.0.0.1 die telt of er iemand verbinding maakt."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.5)
        self.poort = self.sock.getsockname()[1]
        self.verbindingen = 0
        self.stop = False
        self.draad = threading.Thread(target=self._luister, daemon=True)
        self.draad.start()

    def _luister(self) -> None:
        while not self.stop:
            try:
                c, _ = self.sock.accept()
            except OSError:
                continue
            self.verbindingen += 1
            c.close()


def _hashes(*mappen: Path) -> dict[str, str]:
    uit = {}
    for m in mappen:
        for p in sorted(m.rglob("*")):
            if "__pycache__" in p.parts:
                continue
            if p.is_symlink():
                uit[str(p)] = "link:" + os.readlink(p)
            elif p.is_file() and p.stat().st_size < 10_000_000:
                uit[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return uit


@dataclass
class Klas:
    root: Path
    bron: dict
    release: dict
    run1: subprocess.CompletedProcess[str]
    run2: subprocess.CompletedProcess[str]
    cijfers: dict[str, dict[str, str]]
    cijfers_tekst: str
    cijfers_tekst2: str
    cijfers2: dict[str, dict[str, str]]
    voor: dict[str, str]
    na: dict[str, str]
    luisteraar: _Luisteraar
    max_auto: float


def _lees_cijfers(pad: Path) -> tuple[dict[str, dict[str, str]], str]:
    tekst = pad.read_text(encoding="utf-8-sig")
    return {r["student_id"]: r for r in csv.DictReader(tekst.splitlines(), delimiter=";")}, tekst


def _klas_commando(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return draai(
        [
            sys.executable,
            "-m",
            "klanttools.nakijken",
            "klas",
            OPDRACHT,
            "--tijd-per-cel",
            "5",
            "--tijd-per-notebook",
            "40",
            "--geheugen-mb",
            "2048",
            *extra,
        ],
        root,
        controleer=False,
    )


@pytest.fixture(scope="module")
def klas(tmp_path_factory) -> Klas:
    werkt, reden = bwrap_werkt()
    assert werkt, f"bubblewrap is nodig voor deze tests (.ci/run installeert het): {reden}"
    root = kopieer_cursus(tmp_path_factory.mktemp("klas") / "exercises")
    env = omgeving()
    draai(["nbgrader", "generate_assignment", OPDRACHT], root, env=env)
    draai(["nbgrader", "db", "student", "add", NIET_INGELEVERD, "--last-name", "Afwezig"], root)
    bron = lees_nb(root / "source" / OPDRACHT / NOTEBOOK)
    release = lees_nb(root / "release" / OPDRACHT / NOTEBOOK)
    luisteraar = _Luisteraar()
    kt = Path(__import__("klanttools").__file__).parent
    for soort in SOORTEN:
        map_ = root / "submitted" / STUDENT[soort.naam] / OPDRACHT
        map_.mkdir(parents=True)
        soort.maak(map_, release, bron, root)
        for nb in map_.glob("*.ipynb"):
            if nb.is_file() and not nb.is_symlink():
                tekst = nb.read_text(encoding="utf-8")
                tekst = (
                    tekst.replace("{poort}", str(luisteraar.poort))
                    .replace("{spook}", SPOOK)
                    .replace("{uid}", uuid.uuid4().hex[:6])
                    .replace("{kt}", str(kt))
                )
                nb.write_text(tekst, encoding="utf-8")
    voor = _hashes(root / "submitted", root / "source", root / "release", kt)
    run1 = _klas_commando(root)
    cijfers, tekst1 = _lees_cijfers(root / f"cijfers-{OPDRACHT}.csv")
    na = _hashes(root / "submitted", root / "source", root / "release", kt)
    _handmatig_vol(root, bron, STUDENT["goed"])  # wat de docent in de formgrader doet
    run2 = _klas_commando(root)
    cijfers2, tekst2 = _lees_cijfers(root / f"cijfers-{OPDRACHT}.csv")
    max_auto = sum(float(_meta(c)["points"]) for c in controlecellen(bron).values())
    return Klas(
        root,
        bron,
        release,
        run1,
        run2,
        cijfers,
        tekst1,
        tekst2,
        cijfers2,
        voor,
        na,
        luisteraar,
        max_auto,
    )


def _taken(bron: dict) -> dict[str, float]:
    """Handmatig te beoordelen cellen en hun punten."""
    return {
        g: float(_meta(c)["points"])
        for g, c in cel_per_id(bron).items()
        if _meta(c).get("task") or (_meta(c).get("grade") and _meta(c).get("solution"))
    }


def _handmatig_vol(root: Path, bron: dict, student: str) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for gid, punten in _taken(bron).items():
            gb.find_grade(gid, STAM, OPDRACHT, student).manual_score = punten
        gb.db.commit()


def _regel(klas: Klas, soort: str) -> dict[str, str]:
    return klas.cijfers[STUDENT[soort]]


def _getal(tekst: str) -> float:
    return float(tekst.replace(",", ".")) if tekst else 0.0


def _auto_punten(klas: Klas, regel: dict[str, str]) -> float:
    return sum(_getal(regel[g]) for g in controlecellen(klas.bron))


# ---------------------------------------------------------------------------
# De tests
# ---------------------------------------------------------------------------


def test_commando_slaagt_en_telt_sluitend(klas):
    assert klas.run1.returncode == 0, klas.run1.stdout + klas.run1.stderr
    assert "controle:" in klas.run1.stdout and "klopt" in klas.run1.stdout
    assert "KLOPT NIET" not in klas.run1.stdout
    assert set(klas.cijfers) == set(STUDENT.values()), (
        "elke ingeleverde student in het cijferbestand"
    )
    geweigerd = [s for s in SOORTEN if s.uitkomst == "geweigerd"]
    assert f"niet nakijkbaar      {len(geweigerd):4d}" in klas.run1.stdout
    assert f"nagekeken            {len(SOORTEN) - len(geweigerd):4d}" in klas.run1.stdout
    assert "ZONDER zandbak" not in klas.run1.stdout + klas.run1.stderr


def test_kernels_uit_de_kiem_elk_in_een_eigen_zandbak(klas):
    # De snelle weg is echt gebruikt: elke nagekeken student kreeg een kernel uit de
    # voorgeladen kiem (de aanvallen hierboven liepen dus in zo'n kernel).
    staat = klas.root / "nakijken" / OPDRACHT / "staat"
    nagekeken = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(staat.glob("*.json"))]
    nagekeken = [u for u in nagekeken if u["nagekeken"]]
    assert len(nagekeken) == len([s for s in SOORTEN if s.uitkomst != "geweigerd"])
    assert all(u["voorgeladen"] for u in nagekeken), [
        (u["student"], u["kiem_reden"]) for u in nagekeken if not u["voorgeladen"]
    ]
    assert f"kernels: alle {len(nagekeken)} uit de voorgeladen kiem" in klas.run1.stdout


def test_voortgang_zonder_terminal_in_gewone_regels(klas):
    # De tests vangen stderr op (geen terminal): geen \r-balk, wel regels met voortgang.
    assert "\r" not in klas.run1.stderr
    regels = [r for r in klas.run1.stderr.splitlines() if r.startswith("Nakijken: ")]
    nagekeken = len([s for s in SOORTEN if s.uitkomst != "geweigerd"])
    assert 2 <= len(regels) < nagekeken, klas.run1.stderr[-2000:]
    assert regels[-1].startswith(f"Nakijken: {nagekeken}/{nagekeken} (100 %)")
    assert "klaar" in regels[-1] and "nog ~" in regels[0]


@pytest.mark.parametrize("soort", SOORTEN, ids=[s.naam for s in SOORTEN])
def test_elke_soort_krijgt_de_juiste_uitkomst(klas, soort):
    regel = _regel(klas, soort.naam)
    assert regel["status"].startswith(soort.status), regel
    assert soort.reden in regel["status"] + regel["reden"], regel
    assert regel["cijfer"], "elke student heeft een cijfer"
    auto = _auto_punten(klas, regel)
    if soort.uitkomst == "vol":
        assert auto == klas.max_auto, regel
    elif soort.uitkomst == "lager":
        assert auto < klas.max_auto, regel
    elif soort.uitkomst == "geweigerd":
        assert _getal(regel["punten"]) == 0 and regel["cijfer"] == "1,0", regel
        assert "niet nakijkbaar" not in klas.cijfers[STUDENT["goed"]]["status"]


def test_aanval_op_de_tests_levert_niets_op(klas):
    leeg = _auto_punten(klas, _regel(klas, "leeg"))
    fout = _auto_punten(klas, _regel(klas, "fout"))
    assert _auto_punten(klas, _regel(klas, "tests vervangen door assert True")) == leeg
    assert _auto_punten(klas, _regel(klas, "checkers vervangen (monkeypatch)")) <= fout


def test_cijferbestand_heeft_de_kolommen_en_nederlandse_cijfers(klas):
    """Na de eerste run, voordat de docent iets met de hand beoordeelde."""
    kop = klas.cijfers_tekst.splitlines()[0].split(";")
    assert kop[:8] == [
        "student_id",
        "naam",
        "punten",
        "max_punten",
        "cijfer",
        "status",
        "reden",
        "handmatig_open",
    ]
    punten = [
        g for g, c in cel_per_id(klas.bron).items() if _meta(c).get("grade") or _meta(c).get("task")
    ]
    assert kop[8:] == punten
    goed = _regel(klas, "goed")
    taken = [g for g, c in cel_per_id(klas.bron).items() if _meta(c).get("task")]
    if taken:  # handmatige vraag nog open: voorlopig, en dat staat erbij
        assert goed["handmatig_open"] and "voorlopig" in goed["reden"]
    assert "," in goed["cijfer"] and "." not in goed["cijfer"]
    max_totaal = sum(
        float(_meta(c)["points"]) for g, c in cel_per_id(klas.bron).items() if g in punten
    )
    assert _getal(goed["max_punten"]) == max_totaal


def test_lms_importbestanden(klas):
    bs = (klas.root / f"brightspace-{OPDRACHT}.csv").read_text(encoding="utf-8").splitlines()
    assert bs[0] == f"OrgDefinedId,{OPDRACHT} Points Grade,End-of-Line Indicator"
    cv = (klas.root / f"canvas-{OPDRACHT}.csv").read_text(encoding="utf-8").splitlines()
    assert cv[0] == f"Student,ID,SIS User ID,SIS Login ID,Section,{OPDRACHT}"
    # Iedereen die inleverde staat erin; een cijfer alleen als het definitief is
    # (geweigerd: 0; nog een open handmatige vraag: leeg).
    alle = {r["student_id"]: r for r in klas.cijfers2.values()}
    assert {r.split(",")[0] for r in bs[1:]} == set(alle) == {r.split(",")[2] for r in cv[1:]}
    assert len(bs) - 1 == len(alle) == len(cv) - 1
    for regel in bs[1:]:
        sid, punten, _ = regel.split(",")
        r = alle[sid]
        if r["status"].startswith("niet"):
            assert punten == "0", regel
        elif r["handmatig_open"]:
            assert punten == "", regel
        else:
            assert punten == f"{_getal(r['punten']):g}", regel
    weg = [s for s, r in alle.items() if r["status"].startswith("niet")]
    assert weg and all(f"{s},0,#" in bs for s in weg)
    goed = alle[STUDENT["goed"]]
    assert not goed["handmatig_open"]
    assert f"{STUDENT['goed']},{_getal(goed['punten']):g},#" in bs


def test_handmatige_punten_tellen_mee(klas):
    goed = klas.cijfers2[STUDENT["goed"]]
    assert not goed["handmatig_open"] and "voorlopig" not in goed["reden"]
    assert _getal(goed["punten"]) == klas.max_auto + sum(_taken(klas.bron).values())
    assert goed["punten"] == goed["max_punten"] and goed["cijfer"] == "10,0"


def test_tweede_run_doet_niets_opnieuw_en_geeft_hetzelfde(klas):
    assert klas.run2.returncode == 0, klas.run2.stderr
    nagekeken = sum(1 for s in SOORTEN if s.uitkomst != "geweigerd")
    assert f"ongewijzigd overgeslagen: {nagekeken})" in klas.run2.stdout
    anders = {s for s in klas.cijfers if klas.cijfers[s] != klas.cijfers2[s]}
    assert anders == ({STUDENT["goed"]} if _taken(klas.bron) else set())


def test_niet_ingeleverd_staat_in_de_samenvatting(klas):
    assert "niet ingeleverd         1" in klas.run1.stdout
    assert NIET_INGELEVERD not in klas.cijfers


def test_geen_bestand_buiten_de_eigen_map_veranderd(klas):
    assert klas.na == klas.voor, "submitted/, source/, release/ of klanttools veranderd"
    assert not [p for p in klas.root.rglob("gehackt*")], "een student schreef in de cursusmap"
    assert not list(Path("/tmp").glob("gehackt-5-*")), "een student schreef in /tmp van de docent"
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{klas.root / 'gradebook.db'}") as gb:
        assert gb.find_assignment(OPDRACHT)  # de gradebook is heel gebleven


def _uitvoer_van(nb_pad: Path) -> str:
    nb = json.loads(nb_pad.read_text(encoding="utf-8"))
    return json.dumps([c.get("outputs", []) for c in nb["cells"]], ensure_ascii=False)


def _verborgen_regels(bron: dict) -> list[str]:
    regels = []
    for c in bron["cells"]:
        binnen = False
        for r in _bron(c).splitlines():
            if "BEGIN HIDDEN TESTS" in r or "BEGIN MARK SCHEME" in r:
                binnen = True
            elif "END HIDDEN TESTS" in r or "END MARK SCHEME" in r:
                binnen = False
            elif binnen and len(r.strip()) > 30:
                regels.append(r.strip())
    return regels


def test_geen_geheim_in_uitvoer_of_feedback(klas):
    geheimen = ["SQLite format 3", "BEGIN HIDDEN TESTS", "BEGIN SOLUTION", "BEGIN MARK SCHEME"]
    verborgen = [
        r
        for r in _verborgen_regels(klas.bron)
        if not any(r in _bron(c) for c in klas.release["cells"])
    ]
    assert verborgen, "de opdracht heeft verborgen tests of een beoordelingsmodel"
    for soort in SOORTEN:
        sid = STUDENT[soort.naam]
        for nb in (klas.root / "autograded" / sid / OPDRACHT).glob("*.ipynb"):
            # Het nagekeken notebook is van de docent: foutmeldingen van testcellen mogen
            # daar de verborgen test citeren, maar geen gelezen gegevens.
            uitvoer = _uitvoer_van(nb)
            for g in ("SQLite format 3", "BEGIN SOLUTION", "BEGIN MARK SCHEME"):
                assert g not in uitvoer, (soort.naam, g)
            if soort.naam != "goed":
                assert MERK not in uitvoer, soort.naam
        for html in (klas.root / "feedback" / sid / OPDRACHT).glob("*.html"):
            tekst = feedback_tekst(html)
            for g in geheimen:
                assert g not in tekst, (soort.naam, g)
            for r in verborgen:
                assert r not in tekst, (soort.naam, r)
    lees = _uitvoer_van(klas.root / "autograded" / STUDENT["leest geheimen"] / OPDRACHT / NOTEBOOK)
    assert "GEEN TOEGANG" in lees


def test_geen_netwerk_en_geen_overlevend_proces(klas):
    assert klas.luisteraar.verbindingen == 0
    uit = _uitvoer_van(klas.root / "autograded" / STUDENT["netwerk"] / OPDRACHT / NOTEBOOK)
    assert "VERBONDEN" not in uit and "geen netwerk" in uit
    spoken = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if SPOOK.encode() in (p / "cmdline").read_bytes():
                    spoken.append(p.name)
            except OSError:
                pass
    assert not spoken, f"achtergrondproces overleefde het nakijken: {spoken}"


def test_bestandsgrens_in_de_zandbak(klas):
    # 100.000 bestanden in de werkmap en in /tmp: de grens (10.000 per tmpfs) houdt het
    # tegen, de rest van de klas merkt niets en er blijft buiten de zandbak niets achter.
    uit = _uitvoer_van(
        klas.root / "autograded" / STUDENT["100.000 bestanden"] / OPDRACHT / NOTEBOOK
    )
    assert "gestopt: . OSError" in uit and "gestopt: /tmp OSError" in uit, uit[-500:]
    aantal = int(re.search(r"AANGEMAAKT (\d+)", uit).group(1))
    # Het opstartstapje had even rechten om de grens te zetten; de kernel heeft er geen.
    assert "RECHTEN 0000000000000000 0000000000000000" in uit, uit[-800:]
    # Een kernel uit de kiem heeft geen verbinding met de kiem (die kan kernels maken).
    assert "KIEMSOCKETS []" in uit, uit[-800:]
    assert "wortel: OSError" in uit and "WORTEL SCHRIJFBAAR" not in uit
    assert 0 < aantal <= 2 * Grenzen().bestanden
    assert not list(klas.root.rglob("bestand-1.txt"))
    assert not list(Path(tempfile.gettempdir()).glob("klas-kernel-*/werkmap/bestand-1.txt"))


def test_feedback_voor_iedereen_en_begrensd(klas):
    for soort in SOORTEN:
        paden = list((klas.root / "feedback" / STUDENT[soort.naam] / OPDRACHT).glob("*.html"))
        assert paden, f"geen feedback voor {soort.naam}"
        for p in paden:
            assert p.stat().st_size < 1_000_000, (soort.naam, p.stat().st_size)
            tekst = feedback_tekst(p)
            if soort.uitkomst == "geweigerd":
                assert "kon niet worden nagekeken" in tekst and soort.reden in tekst
            if soort.status == "hersteld":
                assert "hersteld" in tekst
    groot = klas.root / "autograded" / STUDENT["20 MB uitvoer"] / OPDRACHT / NOTEBOOK
    assert groot.stat().st_size < 1_000_000


def test_origineel_blijft_en_kopie_is_hersteld(klas):
    sid = STUDENT["testcellen verwijderd"]
    origineel = lees_nb(klas.root / "submitted" / sid / OPDRACHT / NOTEBOOK)
    kopie = lees_nb(klas.root / "nakijken" / OPDRACHT / "ingeleverd" / sid / OPDRACHT / NOTEBOOK)
    assert not controlecellen(origineel)
    assert set(controlecellen(kopie)) == set(controlecellen(klas.bron))


def test_overzicht_voor_de_docent(klas):
    rapport = (klas.root / "nakijken" / OPDRACHT / "rapport.html").read_text(encoding="utf-8")
    for kop in ("Cijferverdeling", "Moeilijkheid per vraag", "Denkfouten", "niet nakijkbaar"):
        assert kop in rapport
    assert STUDENT["beschadigd (half JSON)"] in rapport
    assert "klopt" in rapport and "KLOPT NIET" not in rapport


def test_readme_noemt_precies_dit_commando():
    from nbgrader_hulp import MAP, readme_blokken

    readme = (MAP / "exercises" / "README.md").read_text(encoding="utf-8")
    blokken = [b.code.strip() for b in readme_blokken(readme) if "nakijken klas" in b.code]
    assert blokken == [f"python -m klanttools.nakijken klas {OPDRACHT}"]
    for optie in (
        "--tijd-per-cel",
        "--tijd-per-notebook",
        "--geheugen-mb",
        "--cesuur",
        "--afronding",
        "--onderdeel",
        "--uitvoer",
        "--opnieuw",
        "--werkers",
    ):
        assert optie in readme, optie


def test_onbekende_opdracht_geeft_nederlandse_fout(klas):
    uit = draai(
        [sys.executable, "-m", "klanttools.nakijken", "klas", "bestaat-niet"],
        klas.root,
        controleer=False,
    )
    assert uit.returncode == 2
    assert "bestaat niet" in uit.stderr and OPDRACHT in uit.stderr


def test_zonder_zandbak_luid_gewaarschuwd(tmp_path):
    root = kopieer_cursus(tmp_path / "exercises")
    draai(["nbgrader", "generate_assignment", OPDRACHT], root)
    shutil.rmtree(root / "source" / OPDRACHT / ".ipynb_checkpoints", ignore_errors=True)
    uit = _klas_commando(root, "--zonder-zandbak")
    assert uit.returncode == 0, uit.stderr
    assert "NAKIJKEN ZONDER ZANDBAK" in uit.stderr
    assert "0 ingeleverd" in uit.stdout or "0 inleveringen" in uit.stdout


def test_ctrl_c_laat_alles_heel_en_een_nieuwe_run_gaat_verder(klas):
    """Als laatste: onderbreek een run met --opnieuw, en laat een nieuwe run afmaken."""
    import signal
    import time

    staat = klas.root / "nakijken" / OPDRACHT / "staat"
    begin = time.time()
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "klanttools.nakijken",
            "klas",
            OPDRACHT,
            "--opnieuw",
            "--tijd-per-cel",
            "5",
            "--tijd-per-notebook",
            "40",
            "--geheugen-mb",
            "2048",
        ],
        cwd=klas.root,
        env=omgeving(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # Zoals in een terminal: Ctrl+C (SIGINT) staat op de standaardafhandeling. Draait de
        # testsuite zelf als achtergrondtaak (CI), dan erft elk kindproces een genegeerde
        # SIGINT en zou Python er nooit een KeyboardInterrupt van maken.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    klaar: list[Path] = []
    while len(klaar) < 2 and proces.poll() is None and time.time() - begin < 300:
        time.sleep(0.5)
        klaar = [
            p
            for p in staat.glob("*.json")
            if p.stat().st_mtime > begin and json.loads(p.read_text(encoding="utf-8"))["nagekeken"]
        ]
    assert proces.poll() is None, "de run was al klaar voor de onderbreking"
    os.killpg(proces.pid, signal.SIGINT)  # wat Ctrl+C in een terminal doet
    uit, fout = proces.communicate(timeout=120)
    assert proces.returncode == 1, uit + fout
    assert "Onderbroken" in fout
    tussen, _ = _lees_cijfers(klas.root / f"cijfers-{OPDRACHT}.csv")
    assert set(tussen) == set(STUDENT.values()), "ook na Ctrl+C staat iedereen erin"
    verder = _klas_commando(klas.root)
    assert verder.returncode == 0, verder.stderr
    assert "ongewijzigd overgeslagen: " in verder.stdout
    _, tekst = _lees_cijfers(klas.root / f"cijfers-{OPDRACHT}.csv")
    assert tekst == klas.cijfers_tekst2
