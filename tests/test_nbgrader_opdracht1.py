"""De cursus kijkt zichzelf na: echte nbgrader-runs op opdracht 1 (geen mocks).

Twee cursussen voor de hele module, elk een kopie van ``exercises/`` in een tijdelijke
map, waarin precies de codeblokken uit ``exercises/README.md`` draaien, in volgorde:
één keer via Brightspace/Canvas (``zip_collect``, elf studenten) en één keer via
JupyterHub (``release_assignment``/``collect``/``release_feedback``, één student).
Tussen de blokken doet de test wat een docent of student met de hand doet:
inleveringen in ``downloaded/`` zetten, via de exchange inleveren, de open vraag
beoordelen. Alle inleveringen van een route gaan in één ``nbgrader autograde``.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from nbgrader_hulp import (
    MAP,
    NOTEBOOK,
    OPDRACHT,
    Blok,
    cel_per_id,
    controlecellen,
    draai,
    feedback_tekst,
    knoei_controles,
    kopieer_cursus,
    lees_nb,
    maak_inzending,
    omgeving,
    oplossing_uit_bron,
    punten_per_cel,
    readme_blokken,
    schrijf_nb,
    scores_uit_db,
)

from klanttools.datasets import laad
from klanttools.nakijken import HINTS
from klanttools.nps import analyse, vergelijk

pytestmark = pytest.mark.traag

BRON = MAP / "exercises" / "source" / OPDRACHT / NOTEBOOK
README = MAP / "exercises" / "README.md"
AUTOMATISCH = 32.0
TOTAAL = 40.0
HANDMATIG = "taak_13"
MET_DE_HAND = "moest je met de hand uitrekenen"
"""Begin van de melding als een met-de-hand-antwoord uit klanttools komt."""

# ---------------------------------------------------------------------------
# De inleveringen: wat de student schreef, welke controlecellen dan falen, en welke
# Nederlandse hint de feedback per gefaalde cel moet tonen.
# ---------------------------------------------------------------------------

_GROEP = """
def groep(score):
    if score >= {promotor}:
        return "promotor"
    elif score >= {passief}:
        return "passief"
    else:
        return "criticaster"
"""

_BEGRIP = 'antwoord_11a = "{}"\nantwoord_11b = "{}"\nantwoord_11c = "{}"\nantwoord_11d = "{}"'

_VERGELIJK = "from klanttools.nps import nps, vergelijk\n"


def _begrip(**afwijkend: str) -> str:
    juist = {"a": "B", "b": "D", "c": "A", "d": "B"}
    juist.update(afwijkend)
    return _BEGRIP.format(juist["a"], juist["b"], juist["c"], juist["d"])


FOUT_MAAR_NETJES = {
    "antwoord_1": 'volgorde = "KLMNPRS"',
    "antwoord_2": 'fase_a = "lead"\nfase_b = "lead"\nfase_c = "suspect"\n'
    'werkgebied_d = "accountmanagement"',
    "antwoord_3": 'begrippen = ["klanttevredenheid", "klantgerichtheid", "klantvriendelijkheid", '
    '"klantinzicht", "klantbewustheid"]',
    "antwoord_4": 'antwoord_4a = "A"\nantwoord_4b = "A"',
    "antwoord_5": "n_geldig = 1\nn_leeg = 1",
    "antwoord_6": 'def groep(score):\n    return "promotor"',
    "antwoord_7": "promotors = 1\npassief = 1\ncriticasters = 1",
    "antwoord_8": "nps_najaar = 99.0",
    "antwoord_9": _VERGELIJK + "nps_voorjaar = 50.0\nverschil = 10.0",
    "antwoord_10": 'antwoord_10 = "A"',
    "antwoord_11": _begrip(a="C", b="C", c="C", d="C"),
    "antwoord_12": "levering_criticasters = 0",
}
"""Een inlevering met overal een antwoord van de goede vorm, maar steeds de verkeerde waarde."""

_KNOEI_CONTROLES = knoei_controles(
    """
import klanttools.nps
klanttools.nps.nps = lambda *a, **k: 99.0
klanttools.nps.categorie = lambda *a, **k: "promotor"
klanttools.datasets.laad = lambda *a, **k: pd.DataFrame(
    {"meting": ["najaar 2026"], "score": [10], "verbeterpunt": [""]}
)
"""
)
"""Vervangt alle controles (in klanttools en in het notebook), de rekenkern en laad."""

_KNOEI_INGEBOUWD = """
import builtins
builtins.abs = lambda x: 0
"""
"""Met abs = 0 zou elk getal 'binnen de marge' liggen, als niemand het merkte."""

_ALLEEN_KLANTTOOLS = {
    "antwoord_5": "from klanttools.nps import analyse\n"
    'r = analyse(najaar["score"])\nn_geldig = r.n\nn_leeg = r.leeg',
    "antwoord_6": "from klanttools.nps import categorie\n\n\n"
    "def groep(score):\n    return categorie(score)",
    "antwoord_7": "promotors = r.promotors\npassief = r.passief\ncriticasters = r.criticasters",
    "antwoord_8": 'from klanttools.nps import nps\nnps_najaar = nps(najaar["score"])',
}
"""Deel B (met de hand) alleen met klanttools: de juiste waarden, zonder zelf te tellen."""


@dataclass
class Scenario:
    """Eén student: wat hij inleverde en wat het nakijken daarvan moet maken."""

    student: str
    omschrijving: str
    antwoorden: dict[str, str] = field(default_factory=dict)
    oplossen: bool = True
    bewerk: Any = None
    fout: dict[str, str] = field(default_factory=dict)  # testcel → stukje uit de feedback
    via: str = "brightspace"
    alles_fout: bool = False  # elke automatische cel 0 punten


def _vervang_tests(nb: dict) -> None:
    for cel in controlecellen(nb).values():
        cel["source"] = "assert True"
        cel["metadata"]["nbgrader"]["points"] = 100


def _verwijder_test_8b(nb: dict) -> None:
    nb["cells"] = [c for c in nb["cells"] if c is not cel_per_id(nb)["test_8b"]]


SCENARIO_S = [
    Scenario("500123", "modeloplossing", fout={}),
    Scenario("500124", "leeg ingeleverd", oplossen=False, via="canvas"),
    Scenario(
        "500125",
        "controlecellen vervangen door assert True en punten op 100 gezet (leeg antwoord)",
        oplossen=False,
        bewerk=_vervang_tests,
    ),
    Scenario(
        "500126",
        "een 6 is een voldoende: 6 als passief (via JupyterHub)",
        antwoorden={
            "antwoord_6": _GROEP.format(promotor=9, passief=6),
            "antwoord_7": 'promotors = (najaar["score"] >= 9).sum()\n'
            'passief = ((najaar["score"] >= 6) & (najaar["score"] <= 8)).sum()\n'
            'criticasters = (najaar["score"] <= 5).sum()',
            "antwoord_10": 'antwoord_10 = "B"',
        },
        fout={
            "test_6b": HINTS["zes_niet_criticaster"],
            "test_7b": HINTS["zes_niet_criticaster"],
            "test_7c": HINTS["zes_niet_criticaster"],
            "test_8b": HINTS["zes_niet_criticaster"],
            "test_10": "Kijk naar de p-waarde",
        },
        via="jupyterhub",
    ),
    Scenario(
        "500127",
        "NPS als aandeel (0.16) én testcel 8b verwijderd; het verschil rekent door",
        antwoorden={
            "antwoord_8": "nps_najaar = (promotors - criticasters) / n_geldig",
            "antwoord_11": _begrip(b="B"),
        },
        bewerk=_verwijder_test_8b,
        fout={
            "test_8a": HINTS["aandeel"],
            "test_8b": HINTS["aandeel"],
            "test_11b": "geen percentage",
        },
    ),
    Scenario(
        "500128",
        "passief tevredenen (7–8) als promotor",
        antwoorden={
            "antwoord_6": _GROEP.format(promotor=7, passief=7),
            "antwoord_7": 'promotors = (najaar["score"] >= 7).sum()\n'
            'passief = ((najaar["score"] >= 7) & (najaar["score"] <= 8)).sum()\n'
            'criticasters = (najaar["score"] <= 6).sum()',
            "antwoord_11": _begrip(a="A"),
        },
        fout={
            "test_6a": HINTS["passief_als_promotor"],
            "test_6b": HINTS["passief_als_promotor"],
            "test_7a": HINTS["passief_als_promotor"],
            "test_8b": HINTS["passief_als_promotor"],
            "test_11a": "in de NPS is een 8 passief",
        },
    ),
    Scenario(
        "500129",
        "omgedraaid: criticasters − promotors, en oud − nieuw; begrippen door elkaar",
        antwoorden={
            "antwoord_1": 'volgorde = "LPSMKRN"',
            "antwoord_2": 'fase_a = "suspect"\nfase_b = "lead"\nfase_c = "lead"\n'
            'werkgebied_d = "accountmanagement"',
            "antwoord_3": 'begrippen = ["klantinzicht", "klantgerichtheid", '
            '"klantvriendelijkheid", "klantbewustheid", "klanttevredenheid"]',
            "antwoord_8": "nps_najaar = (criticasters - promotors) / n_geldig * 100",
            "antwoord_9": _VERGELIJK + 'nps_voorjaar = nps(voorjaar["score"])\n'
            'verschil = nps_voorjaar - nps(najaar["score"])',
            "antwoord_11": _begrip(b="A"),
        },
        fout={
            "test_1": "de groothandel koopt in het groot",
            "test_2b": "een concrete vraag",
            "test_2d": "ex-klant",
            "test_3a": "omgang met één klant",
            "test_8a": HINTS["omgedraaid"],
            "test_8b": HINTS["omgedraaid"],
            "test_9b": HINTS["verschil_omgedraaid"],
            "test_11b": "die is omgedraaid",
        },
        via="canvas",
    ),
    Scenario(
        "500130",
        "lege antwoorden in n, de NPS als tekst met %, het verschil op een heel getal",
        antwoorden={
            "antwoord_5": 'n_geldig = len(najaar)\nn_leeg = najaar["score"].isna().sum()',
            "antwoord_9": _VERGELIJK + 'nps_voorjaar = "-2.2%"\n'
            'verschil = round(nps(najaar["score"]) - nps(voorjaar["score"]))',
            "antwoord_11": _begrip(d="A"),
        },
        fout={
            "test_5a": "ook die met een lege score",
            "test_8b": HINTS["leeg_in_n"],
            "test_9a": "zonder %-teken",
            "test_11d": "Denk aan de foutmarge",
        },
    ),
    Scenario(
        "500131",
        "goed, maar met een waarschuwing, letters als 'b)', woorden met hoofdletters en "
        "op hele getallen afgerond",
        antwoorden={
            "antwoord_2": 'fase_a = " Suspect"\nfase_b = "PROSPECT"\nfase_c = "lead "\n'
            'werkgebied_d = "New Business Development"',
            "antwoord_3": 'begrippen = ["Klantinzicht", "klantvriendelijk", "klantgericht", '
            '"klantbewust", "klanttevreden"]',
            "antwoord_6": "import warnings\n"
            + _GROEP.format(promotor=9, passief=7).replace(
                "def groep(score):\n",
                "def groep(score):\n"
                '    warnings.warn("Downcasting object dtype arrays on .fillna is '
                'deprecated", FutureWarning, stacklevel=2)\n',
            ),
            "antwoord_8": "nps_najaar = round((promotors - criticasters) / n_geldig * 100)",
            "antwoord_10": 'print(vergelijk(voorjaar["score"], najaar["score"]))\n'
            'antwoord_10 = " c "',
            "antwoord_11": _BEGRIP.format("b)", "d.", "a", "(B)"),
        },
    ),
    Scenario(
        "500132",
        "deel B (met de hand) alleen met klanttools: juiste waarden, niet zelf geteld",
        antwoorden=_ALLEEN_KLANTTOOLS,
        fout={
            cel: MET_DE_HAND
            for cel in (
                "test_5a",
                "test_5b",
                "test_6a",
                "test_6b",
                "test_7a",
                "test_7b",
                "test_7c",
                "test_8a",
                "test_8b",
            )
        },
    ),
    Scenario(
        "500133",
        "vervangt de controles, klanttools.nps en laad; verder foute antwoorden",
        antwoorden={
            **FOUT_MAAR_NETJES,
            "antwoord_1": _KNOEI_CONTROLES + FOUT_MAAR_NETJES["antwoord_1"],
        },
        alles_fout=True,
        fout={
            "test_1": "volgorde = 'KLMNPRS' klopt nog niet",
            "test_8b": "een ingetypt getal telt niet",
            "test_9b": "verschil = 10.0 klopt nog niet",
            "test_11b": "niet het juiste antwoord",
        },
    ),
    Scenario(
        "500134",
        "vervangt de ingebouwde functie abs; verder foute antwoorden",
        antwoorden={
            **FOUT_MAAR_NETJES,
            "antwoord_1": _KNOEI_INGEBOUWD + FOUT_MAAR_NETJES["antwoord_1"],
        },
        alles_fout=True,
        fout={"test_8b": "Ingebouwde functies van Python zijn veranderd (abs)"},
    ),
]
SCENARIO = {s.student: s for s in SCENARIO_S}


@dataclass
class Cursus:
    """De cursus na het doorlopen van de README."""

    map: Path
    bron: dict
    release: dict
    uitvoer: list[tuple[Blok, subprocess.CompletedProcess[str] | None]]
    duur_autograde: float
    env: dict[str, str]
    scenario: dict[str, Scenario]


# ---------------------------------------------------------------------------
# Wat de docent en de studenten tussen de README-commando's met de hand doen
# ---------------------------------------------------------------------------


def _bestandsnaam(s: Scenario, i: int) -> str:
    if s.via == "canvas":  # achternaamvoornaam_canvasid_inleverid_bestandsnaam
        return f"student{i}_{91000 + i}_{7781000 + i}_{s.student}_{NOTEBOOK}"
    # Brightspace: inlevernummer - naam - datum - bestandsnaam
    return f"{12000 + i}-{34000 + i} - Student {i} - 23 november 2026 1530 - {s.student}_{NOTEBOOK}"


def _inzending(s: Scenario, release: dict, bron: dict) -> dict:
    return maak_inzending(release, bron, s.antwoorden, oplossen=s.oplossen, bewerk=s.bewerk)


def _lms_zip(exercises: Path, release: dict, bron: dict, scenario_s: list[Scenario]) -> None:
    archief = exercises / "downloaded" / OPDRACHT / "archive"
    archief.mkdir(parents=True)
    with zipfile.ZipFile(archief / "Opdracht 1 NPS Download 24 nov 2026.zip", "w") as z:
        for i, s in enumerate(scenario_s):
            if s.via != "jupyterhub":
                z.writestr(_bestandsnaam(s, i), json.dumps(_inzending(s, release, bron)))


def _jupyterhub_inleveren(
    kit: Path, env: dict, release: dict, bron: dict, scenario_s: list[Scenario]
) -> None:
    for s in scenario_s:
        if s.via != "jupyterhub":
            continue
        thuis = kit / f"thuis-{s.student}"
        thuis.mkdir()
        cursus = ["--course", "inleiding-sales"]
        draai(["nbgrader", "fetch_assignment", OPDRACHT, *cursus], thuis, env=env)
        schrijf_nb(_inzending(s, release, bron), thuis / OPDRACHT / NOTEBOOK)
        # Op een JupyterHub is de student ingelogd; hier geeft --student zijn naam.
        draai(["nbgrader", "submit", OPDRACHT, *cursus, "--student", s.student], thuis, env=env)
        inbound = Path(env["KLANTTOOLS_TEST_EXCHANGE"]) / "inleiding-sales" / "inbound"
        assert any(p.name.startswith(f"{s.student}+") for p in inbound.iterdir())


def _handmatig_beoordelen(exercises: Path, scenario_s: list[Scenario]) -> None:
    """Wat de docent in de formgrader doet: vraag 11 punten en een opmerking geven."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{exercises / 'gradebook.db'}", "inleiding-sales") as gb:
        for s in scenario_s:
            cijfer = gb.find_grade(HANDMATIG, NOTEBOOK.removesuffix(".ipynb"), OPDRACHT, s.student)
            cijfer.manual_score = _handmatige_punten(s.student)
            opmerking = gb.find_comment(
                HANDMATIG, NOTEBOOK.removesuffix(".ipynb"), OPDRACHT, s.student
            )
            opmerking.manual_comment = f"Beoordeeld: {_handmatige_punten(s.student):g} van 8."
        gb.db.commit()


def _handmatige_punten(student: str) -> float:
    return 0.0 if SCENARIO[student].oplossen is False else 6.0


def _draai_bash(
    code: str, cwd: Path, env: dict, staat: Path
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Draai een bash-blok en geef de map waarin het eindigde (na een ``cd``).

    ``staat`` is een bestand van deze route alleen: de twee routes draaien tegelijk, en
    een gedeeld bestand liet de ene route de map van de andere oppikken.
    """
    script = f"set -euo pipefail\n{code}\npwd > {str(staat.resolve())!r}\n"
    uit = draai(["bash", "-c", script], cwd, env=env)
    return uit, Path(staat.read_text().strip())


HUB_COMMANDOS = (
    "release_assignment",
    "nbgrader collect",
    "release_feedback",
    "klanttools.nakijken feedback",
)
"""Commando's die alleen bij de JupyterHub-route horen."""


KLAS_COMMANDO = "python -m klanttools.nakijken klas"
"""Het klas-commando vervangt stap 5–8 en draait in tests/test_nakijken_klas.py op een eigen
klas; hier zou het de uitkomst van de stappen erna (nbgraders eigen feedback) overschrijven."""


def _route_van(blok: Blok) -> str | None:
    if KLAS_COMMANDO in blok.code:
        return "klas"
    if any(c in blok.code for c in HUB_COMMANDOS):
        return "jupyterhub"
    if "zip_collect" in blok.code:
        return "lms"
    return None  # gemeenschappelijk


def _doorloop_readme(kit: Path, route: str, scenario_s: list[Scenario]) -> Cursus:
    """Doorloop de README in een kopie van de cursus, voor één route (lms of jupyterhub)."""
    kopieer_cursus(kit / "exercises")
    exchange = kit / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    # Zoals een JupyterHub-beheerder dat doet: de exchange in de globale configuratie.
    configmap = kit / "jupyter-config"
    configmap.mkdir()
    (configmap / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.Exchange.root = {str(exchange)!r}\n", encoding="utf-8"
    )
    env = omgeving(
        {"JUPYTER_CONFIG_DIR": str(configmap), "KLANTTOOLS_TEST_EXCHANGE": str(exchange)}
    )
    bron = lees_nb(BRON)
    release: dict = {}
    uitvoer: list[tuple[Blok, subprocess.CompletedProcess[str] | None]] = []
    duur: float | None = None
    cwd = kit
    for blok in readme_blokken(README.read_text(encoding="utf-8")):
        if _route_van(blok) not in (None, route):
            continue
        if blok.taal == "csv":
            extra = "".join(
                f"{s.student},Test,Student {s.student},{s.student}@student.example.nl\n"
                for s in scenario_s
                if s.student not in blok.code
            )
            (cwd / "studenten.csv").write_text(blok.code + extra, encoding="utf-8")
            uitvoer.append((blok, None))
            continue
        if "zip_collect" in blok.code:
            _lms_zip(cwd, release, bron, scenario_s)
        if "nbgrader collect" in blok.code:
            _jupyterhub_inleveren(kit, env, release, bron, scenario_s)
        if "generate_feedback" in blok.code:
            _handmatig_beoordelen(cwd, scenario_s)
        begin = time.perf_counter()
        if blok.taal == "bash":
            uit, cwd = _draai_bash(blok.code, cwd, env, kit / ".cwd-na-blok")
        elif blok.taal == "python":
            uit = draai([sys.executable, "-c", blok.code], cwd, env=env)
        else:
            pytest.fail(f"onbekend codeblok in de README: ```{blok.taal}")
        if "nbgrader autograde" in blok.code:
            duur = time.perf_counter() - begin
        if os.environ.get("KLANTTOOLS_TIJDEN"):
            print(f"[{route}] {time.perf_counter() - begin:6.1f} s  {blok.code.splitlines()[-1]}")
        if "generate_assignment" in blok.code:
            release = lees_nb(cwd / "release" / OPDRACHT / NOTEBOOK)
        uitvoer.append((blok, uit))
    assert duur is not None, "de README heeft geen 'nbgrader autograde'"
    return Cursus(cwd, bron, release, uitvoer, duur, env, {s.student: s for s in scenario_s})


LMS = [s for s in SCENARIO_S if s.via != "jupyterhub"]
HUB = [s for s in SCENARIO_S if s.via == "jupyterhub"]


@pytest.fixture(scope="module")
def _routes(tmp_path_factory) -> dict[str, Cursus]:
    """Beide routes tegelijk (twee processen naast elkaar: de CI-machine heeft 2 kernen)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        lms = pool.submit(_doorloop_readme, tmp_path_factory.mktemp("kit-lms"), "lms", LMS)
        hub = pool.submit(_doorloop_readme, tmp_path_factory.mktemp("kit-hub"), "jupyterhub", HUB)
        return {"lms": lms.result(), "jupyterhub": hub.result()}


@pytest.fixture(scope="module")
def cursus(_routes) -> Cursus:
    """De hele README via Brightspace/Canvas (zip_collect), met acht studenten."""
    return _routes["lms"]


@pytest.fixture(scope="module")
def hub_cursus(_routes) -> Cursus:
    """De README via JupyterHub (release, collect, release_feedback), met één student."""
    return _routes["jupyterhub"]


@pytest.fixture(scope="module", params=["lms", "jupyterhub"])
def elke_cursus(request) -> Cursus:
    return request.getfixturevalue("cursus" if request.param == "lms" else "hub_cursus")


# ---------------------------------------------------------------------------
# De README zelf
# ---------------------------------------------------------------------------


def test_readme_doorlopen_elk_commando_werkte(cursus, hub_cursus):
    uitvoer = cursus.uitvoer + hub_cursus.uitvoer
    alles = "\n".join(b.code for b, _ in uitvoer if b.taal == "bash")
    for nodig in (
        "nbgrader generate_assignment",
        "nbgrader db student import",
        "nbgrader release_assignment",
        "nbgrader zip_collect",
        "nbgrader collect",
        "nbgrader autograde",
        "nbgrader generate_feedback",
        "python -m klanttools.nakijken feedback",
        "nbgrader export",
        "python -m klanttools.nakijken valideer",
    ):
        assert nodig in alles, nodig
    assert all(u is None or u.returncode == 0 for _, u in uitvoer)
    assert cursus.map.name == hub_cursus.map.name == "exercises"
    # Elk codeblok uit de README draaide in minstens één van beide routes.
    gedraaid = {b.code for b, _ in uitvoer}
    blokken = readme_blokken(README.read_text(encoding="utf-8"))
    assert gedraaid == {b.code for b in blokken if _route_van(b) != "klas"}


def test_readme_noemt_de_valkuilen():
    tekst = README.read_text(encoding="utf-8")
    for woord in ("alembic", "exitcode 0", "add_missing_cells", "verborgen tests", "IgnorePattern"):
        assert woord in tekst, woord


def test_bronnotebook_is_een_geldige_opdracht():
    bron = lees_nb(BRON)
    punten = punten_per_cel(bron)
    assert sum(v for k, v in punten.items() if k.startswith("test_")) == AUTOMATISCH
    assert punten[HANDMATIG] == 8 and sum(punten.values()) == TOTAAL
    assert bron["metadata"]["kernelspec"]["name"] == "python3"
    # Elke testcel volgt (onder de nbgrader-cellen) direct op een antwoord- of testcel:
    # add_missing_cells zet een verwijderde testcel na die vorige cel terug.
    volgorde = list(cel_per_id(bron).items())
    for (vorige, vc), (gid, _) in zip(volgorde, volgorde[1:], strict=False):
        if gid in controlecellen(bron):
            meta = vc["metadata"]["nbgrader"]
            assert meta["solution"] or meta["grade"], (vorige, gid)
    # Geen testcel eindigt met een uitdrukking: nbgrader zou die als punten lezen.
    for gid, cel in controlecellen(bron).items():
        laatste = "".join(cel["source"]).rstrip().splitlines()[-1]
        assert laatste.startswith((")", "### END", "controleer_")), (gid, laatste)


def test_de_meerkeuzevraag_over_significantie_klopt_met_de_data():
    df = laad("nps_enquete")
    v = vergelijk(
        analyse(df.loc[df["meting"] == "voorjaar 2026", "score"]),
        analyse(df.loc[df["meting"] == "najaar 2026", "score"]),
    )
    assert v.significant  # antwoord C bij vraag 10


# ---------------------------------------------------------------------------
# De studentversie
# ---------------------------------------------------------------------------


def _beoordeelde_getallen() -> dict[str, float]:
    """De getallen die automatisch worden nagekeken, hier zelf uit de data berekend."""
    df = laad("nps_enquete")
    najaar = df.loc[df["meting"] == "najaar 2026"]
    voor = df.loc[df["meting"] == "voorjaar 2026", "score"].dropna()
    scores = najaar["score"].dropna()

    def _nps(s) -> float:
        return 100 * (int((s >= 9).sum()) - int((s <= 6).sum())) / len(s)

    lever = najaar["verbeterpunt"].str.contains("lever", case=False, na=False)
    getallen = {
        "n_geldig": len(scores),
        "n_leeg": int(najaar["score"].isna().sum()),
        "promotors": int((scores >= 9).sum()),
        "passief": int(((scores >= 7) & (scores <= 8)).sum()),
        "criticasters": int((scores <= 6).sum()),
        "nps_najaar": _nps(scores),
        "nps_voorjaar": _nps(voor),
        "verschil": _nps(scores) - _nps(voor),
        "levering_criticasters": int((lever & (najaar["score"] <= 6)).sum()),
    }
    assert getallen["promotors"] + getallen["passief"] + getallen["criticasters"] == len(scores)
    return getallen


def _schrijfwijzen(waarde: float) -> set[str]:
    """Hoe een getal in uitvoer kan staan: 15.7, 15,7, 15.69, 16 (niet: losse cijfers < 10)."""
    x = abs(waarde)
    vormen = set()
    if float(x).is_integer():
        if x >= 10:
            vormen.add(str(int(x)))
        return vormen
    for decimalen in (1, 2):
        tekst = f"{x:.{decimalen}f}"
        vormen |= {tekst, tekst.replace(".", ",")}
    if x >= 10:
        vormen.add(str(round(x)))
    return vormen


def _uitvoertekst(nb) -> str:
    """Alle uitvoer van een uitgevoerd notebook, zonder de code in tracebacks."""
    stukken = []
    for cel in nb.cells:
        for uit in cel.get("outputs", []):
            if uit.output_type == "stream":
                stukken.append(uit.text)
            elif uit.output_type == "error":
                stukken.append(f"{uit.ename}: {uit.evalue}")
            else:
                stukken += [str(v) for v in uit.get("data", {}).values()]
    return "\n".join(stukken)


def test_lege_studentversie_toont_geen_enkel_nagekeken_antwoord(cursus, tmp_path):
    """Voer de lege studentversie uit: geen uitvoer mag een nagekeken getal verraden."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.reads(json.dumps(cursus.release), as_version=4)
    NotebookClient(
        nb,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    tekst = _uitvoertekst(nb)
    assert "respondent_id" in tekst  # de uitvoer is er echt (df.head() in de eerste codecel)
    assert "NotImplementedError" in tekst
    for naam, waarde in _beoordeelde_getallen().items():
        for vorm in _schrijfwijzen(waarde):
            gevonden = re.search(rf"(?<![\d.,]){re.escape(vorm)}(?![\d])", tekst)
            assert not gevonden, f"{naam} ({vorm}) staat in de uitvoer van de lege studentversie"
    for woord in ("LPSMRKN", "significant", "p = 0,0"):
        assert woord not in tekst, woord


def test_studentversie_noemt_geen_nagekeken_getal_in_de_tekst(cursus):
    """Ook de vraagteksten en voorbeelden verraden geen antwoord (zoals "bijna 18")."""
    tekst = "\n".join("".join(c["source"]) for c in cursus.release["cells"])
    # De grenzen van een NPS (−100 tot +100) staan er terecht; toevallig is promotors ook 100.
    tekst = re.sub(r"(?:[−+-]|maximum=|en |tot )100\b", "", tekst)
    for naam, waarde in _beoordeelde_getallen().items():
        for vorm in _schrijfwijzen(waarde):
            gevonden = re.search(rf"(?<![\d.,]){re.escape(vorm)}(?![\d])", tekst)
            assert not gevonden, f"{naam} ({vorm}) staat in de tekst van de studentversie"


def _verborgen_regels(bron: dict) -> list[str]:
    """Regels die alleen in verborgen tests of in het beoordelingsmodel staan."""
    verborgen, zichtbaar = set(), set()
    for cel in bron["cells"]:
        binnen = False
        for regel in "".join(cel["source"]).splitlines():
            if "BEGIN HIDDEN TESTS" in regel or "BEGIN MARK SCHEME" in regel:
                binnen = True
            elif "END HIDDEN TESTS" in regel or "END MARK SCHEME" in regel:
                binnen = False
            elif len(regel.strip()) > 12:
                (verborgen if binnen else zichtbaar).add(regel.strip())
    zichtbare_tekst = "\n".join(zichtbaar)
    regels = sorted(r for r in verborgen if r not in zichtbare_tekst)
    assert len(regels) > 40  # de test moet wel iets te zoeken hebben
    return regels


def _oplossingsregels(bron: dict) -> list[str]:
    """Regels uit de modeloplossing, behalve wat de student toch al ziet.

    De vraagtekst en de zichtbare controles mogen een regel uit de oplossing bevatten (een
    voorbeeld als ``from klanttools.nps import nps, vergelijk``, of de lijst met toegestane
    begrippen); dat verraadt niets.
    """
    zichtbaar = []
    for cel in bron["cells"]:
        tekst = "".join(cel["source"])
        if cel["cell_type"] == "markdown":
            zichtbaar.append(tekst.split("=== BEGIN MARK SCHEME ===")[0])
        elif cel["metadata"].get("nbgrader", {}).get("grade"):
            zichtbaar.append(tekst.split("### BEGIN HIDDEN TESTS")[0])
    vragen = "\n".join(zichtbaar)
    regels = []
    for cel in bron["cells"]:
        meta = cel["metadata"].get("nbgrader", {})
        if meta.get("solution"):
            oplossing = oplossing_uit_bron("".join(cel["source"]))
            regels += [r.strip() for r in oplossing.splitlines() if r.strip()]
    return [r for r in regels if r not in ("def groep(score):", "else:", "]") and r not in vragen]


def test_studentversie_bevat_geen_oplossing_verborgen_test_of_beoordelingsmodel(cursus):
    tekst = "\n".join("".join(c["source"]) for c in cursus.release["cells"])
    for regel in _oplossingsregels(cursus.bron) + _verborgen_regels(cursus.bron):
        assert regel not in tekst, regel
    for woord in ("HIDDEN", "MARK SCHEME", "Beoordelingsmodel", "juist=", "bekende_fouten"):
        assert woord not in tekst, woord
    ruw = (cursus.map / "release" / OPDRACHT / NOTEBOOK).read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in ruw and "HIDDEN" not in ruw


def test_studentversie_is_nederlands(cursus):
    antwoordcellen = [
        "".join(c["source"])
        for c in cursus.release["cells"]
        if c["metadata"].get("nbgrader", {}).get("solution")
    ]
    assert len(antwoordcellen) == 12
    for bron in antwoordcellen:
        assert "# SCHRIJF HIER JE ANTWOORD" in bron
        assert 'raise NotImplementedError("Nog geen antwoord' in bron
        assert "YOUR CODE HERE" not in bron and "NotImplementedError()" not in bron
    assert "def groep(score):" in antwoordcellen[5]  # het raamwerk blijft staan
    tekst = json.dumps(cursus.release)
    assert "YOUR ANSWER HERE" not in tekst


def test_studentversie_houdt_de_zichtbare_tests(cursus):
    release = controlecellen(cursus.release)
    assert set(release) == set(controlecellen(cursus.bron))
    for cel in release.values():
        assert "".join(cel["source"]).startswith("# Controle vraag")


# ---------------------------------------------------------------------------
# Nakijken: punten
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def punten(cursus, hub_cursus) -> dict[str, dict[str, float | None]]:
    """Punten per student per cel, uit de cijferdatabases van beide routes."""
    uitkomst = scores_uit_db(cursus.map / "gradebook.db")
    uitkomst |= scores_uit_db(hub_cursus.map / "gradebook.db")
    return uitkomst


def _cursus_van(request, student: str) -> Cursus:
    hub = SCENARIO[student].via == "jupyterhub"
    return request.getfixturevalue("hub_cursus" if hub else "cursus")


def test_alle_inleveringen_zijn_verzameld_en_nagekeken(elke_cursus):
    gekeken = scores_uit_db(elke_cursus.map / "gradebook.db")
    assert set(gekeken) == set(elke_cursus.scenario)
    for student in elke_cursus.scenario:
        assert (elke_cursus.map / "autograded" / student / OPDRACHT / NOTEBOOK).is_file()


@pytest.mark.parametrize("student", list(SCENARIO))
def test_automatische_punten_per_cel(request, punten, student):
    cursus = _cursus_van(request, student)
    s = SCENARIO[student]
    max_punten = punten_per_cel(cursus.bron)
    gekregen = {k: v for k, v in punten[student].items() if k.startswith("test_")}
    if s.oplossen and not s.alles_fout:
        verwacht = {k: (0.0 if k in s.fout else v) for k, v in max_punten.items() if k != HANDMATIG}
    else:
        verwacht = {k: 0.0 for k in max_punten if k != HANDMATIG}
    assert gekregen == verwacht, s.omschrijving


def test_modeloplossing_krijgt_alle_automatische_punten(punten):
    assert sum(v for k, v in punten["500123"].items() if k.startswith("test_")) == AUTOMATISCH


def _auto(punten: dict[str, float | None]) -> float:
    return sum(v or 0 for k, v in punten.items() if k.startswith("test_"))


def _met_de_hand(cursus: Cursus) -> float:
    """Punten van deel B (vraag 5–8), het deel dat de student met de hand moet doen."""
    return sum(
        v
        for k, v in punten_per_cel(cursus.bron).items()
        if k.startswith(("test_5", "test_6", "test_7", "test_8"))
    )


def test_alleen_klanttools_kost_precies_de_met_de_hand_punten(cursus, punten):
    assert _met_de_hand(cursus) == 12
    assert _auto(punten["500132"]) == AUTOMATISCH - _met_de_hand(cursus)


@pytest.mark.parametrize("student", ["500133", "500134"])
def test_controles_klanttools_of_ingebouwde_functies_vervangen_levert_niets_op(
    cursus, punten, student
):
    assert _auto(punten[student]) == 0
    # De zichtbare controles (de vervangen namen) zeiden niets; de verse controles wel.
    tekst = " ".join(_feedback(cursus, student).split())
    for hint in SCENARIO[student].fout.values():
        assert hint in tekst


def test_afronden_op_een_heel_getal_en_doorrekenen_krijgen_punten_met_een_opmerking(cursus):
    from klanttools.nakijken._basis import AFRONDINGSNOOT

    afgerond = " ".join(_feedback(cursus, "500131").split())
    assert " ".join(AFRONDINGSNOOT.split()) in afgerond
    assert "Doorgerekend" in " ".join(_feedback(cursus, "500127").split())


def test_leeg_en_geknoeid_krijgen_nul_en_niets_breekt(cursus, punten):
    for student in ("500124", "500125"):
        assert sum(v or 0 for k, v in punten[student].items() if k.startswith("test_")) == 0
    # De vervangen controlecellen zijn teruggezet uit de database, met de oude punten.
    nagekeken = controlecellen(lees_nb(cursus.map / "autograded" / "500125" / OPDRACHT / NOTEBOOK))
    for gid, cel in controlecellen(cursus.bron).items():
        assert "".join(nagekeken[gid]["source"]) == "".join(cel["source"])
        assert (
            nagekeken[gid]["metadata"]["nbgrader"]["points"]
            == cel["metadata"]["nbgrader"]["points"]
        )


def test_verwijderde_testcel_wordt_teruggezet_en_uitgevoerd(cursus, punten):
    nb = lees_nb(cursus.map / "autograded" / "500127" / OPDRACHT / NOTEBOOK)
    cel = cel_per_id(nb)["test_8b"]
    assert "ontbrak in het ingeleverde notebook" in "".join(cel["source"])
    assert any(o["output_type"] == "error" for o in cel["outputs"])
    assert punten["500127"]["test_8b"] == 0.0  # automatisch 0, niet "handmatig beoordelen"


def test_waarschuwing_tijdens_het_nakijken_kost_geen_punten(cursus, punten):
    assert sum(v for k, v in punten["500131"].items() if k.startswith("test_")) == AUTOMATISCH
    # De waarschuwing is er echt: nbgraders eigen Validator (zonder filter) keurt af.
    from nbgrader.validator import Validator

    from klanttools.nakijken.docent import valideer

    pad = cursus.map / "submitted" / "500131" / OPDRACHT / NOTEBOOK
    kaal = Validator().validate(str(pad))
    assert any("FutureWarning" in f["raw_error"] for f in kaal.get("failed", []))
    uitkomst = valideer(pad)
    assert uitkomst.geslaagd, uitkomst.samenvatting()
    assert "Geslaagd" in uitkomst.samenvatting()


def test_nagekeken_versie_heeft_verborgen_tests_en_beoordelingsmodel_voor_de_docent(cursus):
    nb = lees_nb(cursus.map / "autograded" / "500123" / OPDRACHT / NOTEBOOK)
    tekst = "\n".join("".join(c["source"]) for c in nb["cells"])
    assert "BEGIN HIDDEN TESTS" in tekst  # daarom moet de feedback ze weghalen
    assert "Beoordelingsmodel" in "".join(cel_per_id(nb)[HANDMATIG]["source"])


# ---------------------------------------------------------------------------
# Feedback
# ---------------------------------------------------------------------------


def _feedback(cursus: Cursus, student: str) -> str:
    return feedback_tekst(cursus.map / "feedback" / student / OPDRACHT / "nps-analyse.html")


@pytest.mark.parametrize("student", list(SCENARIO))
def test_feedback_toont_geen_verborgen_test_en_geen_beoordelingsmodel(request, student):
    cursus = _cursus_van(request, student)
    tekst = _feedback(cursus, student)
    for regel in _verborgen_regels(cursus.bron):
        assert regel not in tekst, regel
    for woord in ("HIDDEN TESTS", "MARK SCHEME", "Beoordelingsmodel", "juist=", "bekende_fouten"):
        assert woord not in tekst, woord
    assert f"Beoordeeld: {_handmatige_punten(student):g} van 8." in tekst


def test_feedback_is_nederlands(cursus):
    tekst = _feedback(cursus, "500124")  # leeg: alle soorten meldingen
    for engels in ("Student's answer", "Grade cell", "Score:", "No response", "Comments:", "Top)"):
        assert engels not in tekst, engels
    assert "nps-analyse (0.0 van 40.0 punten)" in tekst
    assert "Jouw antwoord" in tekst and "Controle test_8b" in tekst
    assert "je hebt hier (nog) niets ingevuld" in tekst
    assert "Opdracht, beoordeeld door je docent" in tekst


@pytest.mark.parametrize("student", [s.student for s in SCENARIO_S if s.fout])
def test_feedback_geeft_de_juiste_nederlandse_hint(request, student):
    tekst = " ".join(_feedback(_cursus_van(request, student), student).split())
    for cel, hint in SCENARIO[student].fout.items():
        assert " ".join(hint.split()) in tekst, (cel, hint)


def test_feedback_van_een_leeg_notebook_legt_de_fout_in_het_nederlands_uit(cursus):
    tekst = " ".join(_feedback(cursus, "500124").split())
    assert "'n_geldig' bestaat (nog) niet" in tekst
    assert "Nog geen antwoord: vervang deze regel" in tekst
    assert "is not defined" not in tekst


def test_feedback_via_jupyterhub_teruggegeven(hub_cursus):
    exchange = Path(hub_cursus.env["KLANTTOOLS_TEST_EXCHANGE"]) / "inleiding-sales" / "feedback"
    assert len(list(exchange.rglob("*.html"))) == len(HUB)


# ---------------------------------------------------------------------------
# Cijfers
# ---------------------------------------------------------------------------


def test_export_naar_csv(elke_cursus):
    cursus = elke_cursus
    punten = scores_uit_db(cursus.map / "gradebook.db")
    with (cursus.map / "cijfers-opdracht1.csv").open(encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    assert list(rijen[0]) == [
        "assignment",
        "duedate",
        "timestamp",
        "student_id",
        "last_name",
        "first_name",
        "email",
        "raw_score",
        "late_submission_penalty",
        "score",
        "max_score",
    ]
    per_student = {r["student_id"]: r for r in rijen}
    with (cursus.map / "studenten.csv").open(encoding="utf-8") as f:
        ingeschreven = {r["id"] for r in csv.DictReader(f)}
    assert set(per_student) == ingeschreven  # ook wie niets inleverde (score 0)
    for student, rij in per_student.items():
        verwacht = sum(v or 0 for v in punten.get(student, {}).values())
        assert float(rij["score"]) == pytest.approx(verwacht)
        assert float(rij["max_score"]) == TOTAAL
        assert rij["assignment"] == OPDRACHT
    if "500123" in cursus.scenario:
        assert per_student["500123"]["last_name"] == "de Vries"  # uit studenten.csv
        assert float(per_student["500123"]["score"]) == AUTOMATISCH + 6


def test_brightspace_importbestand(cursus):
    with (cursus.map / "brightspace-opdracht1.csv").open(encoding="utf-8") as f:
        rijen = list(csv.reader(f))
    assert rijen[0] == ["OrgDefinedId", "Opdracht 1 NPS Points Grade", "End-of-Line Indicator"]
    assert set(cursus.scenario) <= {r[0] for r in rijen[1:]}
    assert all(r[2] == "#" for r in rijen[1:])


# ---------------------------------------------------------------------------
# Valideren: nbgraders exitcode en de onze
# ---------------------------------------------------------------------------


def test_valideren_exitcodes(cursus):
    release = f"release/{OPDRACHT}/{NOTEBOOK}"
    with ThreadPoolExecutor(max_workers=2) as pool:
        nbgrader_uit = pool.submit(
            draai, ["nbgrader", "validate", release], cursus.map, env=cursus.env
        )
        ons_uit = pool.submit(
            draai,
            [sys.executable, "-m", "klanttools.nakijken", "valideer", release],
            cursus.map,
            env=cursus.env,
            controleer=False,
        )
        nbgrader, ons = nbgrader_uit.result(), ons_uit.result()
    assert nbgrader.returncode == 0  # nbgrader zegt "mislukt" maar eindigt met 0
    assert "VALIDATIE MISLUKT" in nbgrader.stdout  # de Nederlandse tekst uit de config
    assert ons.returncode == 1, ons.stdout + ons.stderr
    assert "Niet geslaagd: 26 testcel(len) mislukt" in ons.stdout
    assert "'n_geldig' bestaat (nog) niet" in ons.stdout


def test_autograde_tijd_binnen_de_perken(cursus):
    aantal = len(cursus.scenario)
    per_inlevering = cursus.duur_autograde / aantal
    print(f"\nautograde: {cursus.duur_autograde:.1f} s voor {aantal} inleveringen")
    assert per_inlevering < 60


def test_hoofd_readme_noemt_alleen_geteste_docentcommandos():
    """De korte docentenversie in de hoofd-README staat ook in exercises/README.md (die draait)."""
    hoofd = (MAP / "README.md").read_text(encoding="utf-8")
    sectie = hoofd.split("## Voor docenten", 1)[1].split("\n## ", 1)[0]
    getest = {
        regel.split("#")[0].strip()
        for blok in readme_blokken(README.read_text(encoding="utf-8"))
        for regel in blok.code.splitlines()
    }
    commandos = [
        regel.split("#")[0].strip()
        for blok in readme_blokken(sectie)
        for regel in blok.code.splitlines()
        if regel.strip()
    ]
    assert len(commandos) >= 6
    for commando in commandos:
        assert commando in getest, f"niet getest: {commando}"
