"""De kit als geheel: installatiebestanden, README-commando's, notebookhygiëne en lint."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

MAP = Path(__file__).resolve().parents[1]
PAKKET = MAP / "klanttools"
# Alles behalve grafieken en widgets is "puur": geen widgets, geen matplotlib.
PUUR = sorted(
    p.relative_to(PAKKET).as_posix()
    for p in PAKKET.rglob("*.py")
    if p.relative_to(PAKKET).parts[0] not in ("grafieken", "widgets")
)


def _pyproject() -> dict:
    return tomllib.loads((MAP / "pyproject.toml").read_text(encoding="utf-8"))


def _eisen_pyproject() -> dict[str, str]:
    project = _pyproject()["project"]
    regels = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        regels += [r for r in extra if not r.startswith("klanttools")]
    return {Requirement(r).name.lower(): str(Requirement(r).specifier) for r in regels}


def _eisen_environment() -> dict[str, str]:
    env = yaml.safe_load((MAP / "environment.yml").read_text(encoding="utf-8"))
    eisen: dict[str, str] = {}
    for regel in env["dependencies"]:
        if isinstance(regel, dict):
            for pip_regel in regel["pip"]:
                if not pip_regel.startswith("-e"):
                    r = Requirement(pip_regel)
                    eisen[r.name.lower()] = str(r.specifier)
            continue
        naam, versie = re.match(r"([A-Za-z0-9_.-]+)(.*)", regel).groups()
        eisen[naam.lower()] = versie
    return eisen


def test_environment_yml_noemt_dezelfde_pakketten_als_pyproject():
    env = _eisen_environment()
    assert env.pop("python") == ">=3.11"
    env.pop("pip")
    py = _eisen_pyproject()
    assert set(env) == set(py), (
        f"alleen in environment.yml: {set(env) - set(py)}; alleen in pyproject: {set(py) - set(env)}"
    )
    for naam, versie in py.items():
        assert Requirement(f"x{env[naam]}").specifier == Requirement(f"x{versie}").specifier, naam


def test_python_versie():
    assert _pyproject()["project"]["requires-python"] == ">=3.11"


def test_elke_eis_heeft_een_ondergrens():
    for naam, versie in _eisen_pyproject().items():
        assert ">=" in versie, f"{naam} heeft geen ondergrens"


def _readme() -> str:
    return (MAP / "README.md").read_text(encoding="utf-8")


def test_readme_noemt_beide_commandos_en_windows():
    tekst = _readme()
    assert "python3 kit.py start" in tekst
    assert "python3 kit.py test" in tekst
    assert "py kit.py start" in tekst  # Windows


def test_ci_draait_precies_het_testcommando_uit_de_readme():
    ci = (MAP / ".ci" / "run").read_text(encoding="utf-8")
    opdrachten = [r.strip() for r in ci.splitlines() if r.strip() and not r.startswith("#")]
    assert opdrachten[-1] == "python3 kit.py test"
    assert "python3 kit.py test" in _readme()


def test_kit_zonder_opdracht_toont_gebruik():
    uit = subprocess.run([sys.executable, str(MAP / "kit.py")], capture_output=True, text=True)
    assert uit.returncode == 2
    assert "kit.py start" in uit.stdout and "py kit.py" in uit.stdout


def _notebooks() -> list[Path]:
    gevonden = []
    for map_ in ("notebooks", "exercises/source"):
        gevonden += sorted((MAP / map_).rglob("*.ipynb"))
    return [p for p in gevonden if ".ipynb_checkpoints" not in p.parts]


def test_notebooks_zonder_uitvoer():
    vuil = []
    for pad in _notebooks():
        nb = json.loads(pad.read_text(encoding="utf-8"))
        for cel in nb["cells"]:
            if cel["cell_type"] == "code" and (cel.get("outputs") or cel.get("execution_count")):
                vuil.append(pad.relative_to(MAP).as_posix())
                break
    assert not vuil, f"notebooks met uitvoer (draai nbstripout): {vuil}"


def _ruff() -> str:
    gevonden = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    return gevonden


def test_ruff_lint_pakket_tests_en_notebooks():
    uit = subprocess.run([_ruff(), "check", "."], cwd=MAP, capture_output=True, text=True)
    assert uit.returncode == 0, uit.stdout + uit.stderr


def test_ruff_opmaak_pakket():
    uit = subprocess.run(
        [_ruff(), "format", "--check", "klanttools", "tests", "benchmarks"],
        cwd=MAP,
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr


def test_de_rekenkern_is_er():
    for module in ("_controle", "klantrating", "klantgroepen", "waardestrategie"):
        assert f"{module}.py" in PUUR
    assert {"nps/__init__.py", "nps/_tellen.py", "nps/_analyse.py"} <= set(PUUR)
    assert {"processen.py", "mensen.py", "datasets.py", "enquete/__init__.py"} <= set(PUUR)


@pytest.mark.parametrize("module", PUUR)
def test_pure_modules_importeren_geen_widgets_of_grafieken(module):
    pad = PAKKET / module
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    namen = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen |= {a.name.split(".")[0] for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module:
            namen.add(knoop.module.split(".")[0])
    assert not namen & {"ipywidgets", "matplotlib", "seaborn"}


def test_import_klanttools_laadt_geen_grafieken_of_widgets():
    code = (
        "import sys, klanttools, klanttools.nps;"
        "zwaar = [m for m in ('matplotlib', 'seaborn', 'ipywidgets', 'IPython') if m in sys.modules];"
        "print(','.join(zwaar))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == ""


def _laad_kit(naam: str = "kit_test"):
    import importlib.util

    spec = importlib.util.spec_from_file_location(naam, MAP / "kit.py")
    kit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kit)
    return kit


class _NepProces:
    """Vervangt subprocess.Popen van JupyterLab: onthoudt het commando, eindigt meteen."""

    gestart: list = []

    def __init__(self, commando, **kw):
        self.pid = 0
        _NepProces.gestart.append((commando, kw))

    def wait(self, timeout=None):
        return 0


def _start_lab_nep(monkeypatch, kit, argv):
    _NepProces.gestart = []
    installaties = []
    monkeypatch.setattr(kit, "installeer", installaties.append)
    monkeypatch.setattr(kit, "stem_taalinfo_af", lambda map_: None)
    monkeypatch.setattr(kit.subprocess, "Popen", _NepProces)
    assert kit.main(argv) == 0
    ((commando, kw),) = _NepProces.gestart
    return installaties, commando, kw


def test_kit_docent_opent_lab_in_exercises_met_nbgrader(monkeypatch):
    kit = _laad_kit()
    installaties, commando, kw = _start_lab_nep(monkeypatch, kit, ["docent"])
    assert installaties == ["cursus"]
    assert kw["cwd"] == MAP / "exercises"
    assert (MAP / "exercises" / "nbgrader_config.py").is_file()
    assert commando[commando.index("--notebook-dir") + 1] == str(MAP / "exercises")
    # De docent krijgt de nbgrader-menu's terug (page_config in jupyter/docent).
    assert str(MAP / "jupyter" / "docent") in kw["env"]["JUPYTER_CONFIG_PATH"]
    docent = json.loads((MAP / "jupyter/docent/labconfig/page_config.json").read_text())
    assert docent["disabledExtensions"] == {"@jupyter/nbgrader": False}


def test_kit_start_opent_de_eerste_les_zonder_nbgrader_menus(monkeypatch):
    kit = _laad_kit()
    _, commando, kw = _start_lab_nep(monkeypatch, kit, ["start"])
    eerste = sorted((MAP / "notebooks").glob("*.ipynb"))[0].name
    assert f"--LabApp.default_url=/lab/tree/{eerste}" in commando
    assert (
        "JUPYTER_CONFIG_PATH" not in kw["env"]
        or str(MAP / "jupyter" / "docent") not in (kw["env"]["JUPYTER_CONFIG_PATH"])
    )
    student = json.loads((MAP / "jupyter/lab/settings/page_config.json").read_text())
    assert student["disabledExtensions"] == {"@jupyter/nbgrader": True}


def test_kit_als_root_zet_zelf_allow_root(monkeypatch):
    kit = _laad_kit()
    monkeypatch.setattr(kit.os, "geteuid", lambda: 0, raising=False)
    _, commando, _ = _start_lab_nep(monkeypatch, kit, ["start"])
    assert commando.count("--allow-root") == 1
    monkeypatch.setattr(kit.os, "geteuid", lambda: 1000, raising=False)
    _, commando, _ = _start_lab_nep(monkeypatch, kit, ["start"])
    assert "--allow-root" not in commando


def test_kit_help_eindigt_met_0_en_noemt_elk_commando():
    uit = subprocess.run(
        [sys.executable, str(MAP / "kit.py"), "--help"], capture_output=True, text=True
    )
    assert uit.returncode == 0
    for commando in ("start", "test", "docent", "studentenversie"):
        assert commando in uit.stdout


def test_kit_onbekend_commando():
    uit = subprocess.run(
        [sys.executable, str(MAP / "kit.py"), "strat"], capture_output=True, text=True
    )
    assert uit.returncode == 2
    assert "onbekend commando 'strat'" in uit.stderr
    assert "start, test, docent, studentenversie" in uit.stderr


def test_readme_heeft_windowsregel_voor_elk_commando():
    tekst = _readme()
    for commando in ("start", "test", "docent", "studentenversie"):
        assert f"python3 kit.py {commando}" in tekst, commando
        assert f"py kit.py {commando}" in tekst, commando


def test_halve_venv_wordt_herkend_en_opnieuw_gemaakt(monkeypatch, tmp_path):
    kit = _laad_kit()
    monkeypatch.setattr(kit, "VENV", tmp_path / ".venv")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "pyvenv.cfg").write_text("home = /nergens\n")
    assert not kit._venv_werkt()  # geen Python: half gebouwd
    gemaakt = []

    class Bouwer:
        def __init__(self, **kw):
            gemaakt.append(kw)

        def create(self, map_):
            assert not (map_ / "pyvenv.cfg").exists(), "de halve .venv is eerst weggehaald"
            (map_ / "bin").mkdir(parents=True)
            (map_ / "bin" / "python").symlink_to(sys.executable)

    monkeypatch.setattr(kit.venv, "EnvBuilder", Bouwer)
    kit._maak_venv()
    assert gemaakt == [{"with_pip": True, "clear": True}]
    assert kit._venv_werkt()


def test_zonder_ensurepip_de_apt_hint(monkeypatch, tmp_path, capsys):
    kit = _laad_kit()
    monkeypatch.setattr(kit, "VENV", tmp_path / ".venv")
    monkeypatch.setitem(sys.modules, "ensurepip", None)  # zoals Debian zonder python3-venv
    with pytest.raises(SystemExit) as fout:
        kit._maak_venv()
    assert "sudo apt install python3-venv" in str(fout.value)
    assert "internet" not in str(fout.value)


def test_pip_fout_noemt_internet_alleen_als_dat_de_oorzaak_is(monkeypatch, capsys):
    kit = _laad_kit()

    def pip_met(uitvoer):
        def run(*a, **kw):
            return subprocess.CompletedProcess(a, 1, stdout="", stderr=uitvoer)

        monkeypatch.setattr(kit.subprocess, "run", run)
        with pytest.raises(SystemExit) as fout:
            kit._pip(["install", "x"])
        return str(fout.value)

    assert "internetverbinding" in pip_met(
        "NewConnectionError: Failed to establish a new connection"
    )
    assert "internetverbinding" not in pip_met("error: subprocess-exited-with-error (build)")
    assert "schijf is vol" in pip_met("OSError: [Errno 28] No space left on device")


def test_stale_serverbestanden_worden_opgeruimd(monkeypatch, tmp_path):
    kit = _laad_kit()
    monkeypatch.setattr(kit, "RUNTIME", tmp_path)
    info = {"url": "http://127.0.0.1:9/", "token": "x", "root_dir": str(tmp_path), "pid": 1}
    (tmp_path / "jpserver-1.json").write_text(json.dumps(info))
    (tmp_path / "jpserver-1-open.html").write_text("")
    assert kit.draaiende_server(tmp_path) is None
    assert not list(tmp_path.glob("jpserver-*"))
