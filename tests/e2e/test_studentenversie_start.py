"""De eerste minuut van een student: de studentversie bouwen, ``kit.py start``, de les in de browser.

Echt, van begin tot eind: :func:`klanttools.studentenversie.bouw` maakt de map, daarin
maakt ``python3 kit.py start`` een nieuwe ``.venv`` en installeert het meegeleverde wheel
(pip haalt de afhankelijkheden uit zijn cache), en headless Chromium opent het adres dat
de student krijgt. Daarna: een tweede start, en stoppen met Ctrl+C.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import _vrije_poort
from lab import MAP, WACHT_UI, Lab
from playwright.sync_api import expect

from klanttools.studentenversie import bouw

pytestmark = [pytest.mark.e2e, pytest.mark.traag]

MENU_ALLES_OPNIEUW = "Herstart Kernel and Run All Cells"
INSTALLATIE_TIMEOUT = 600  # seconden: een nieuwe .venv met JupyterLab, uit de pip-cache
EERSTE_LES = sorted((MAP / "notebooks").glob("*.ipynb"))[0].name


def _omgeving(basis: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "VIRTUAL_ENV"))}
    for naam, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data")]:
        env[naam] = str(basis / sub)
    # Zoals op de computer van een student: de Python van het systeem, niet die van de tests.
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if Path(p) != Path(sys.executable).parent
    )
    env["PYTHONUNBUFFERED"] = "1"
    return env


class Start:
    """``python3 kit.py start`` in de studentversie, als eigen procesgroep (zoals een terminal)."""

    def __init__(self, editie: Path, basis: Path) -> None:
        self.editie = editie
        self.poort = _vrije_poort()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.poort}/"
        self.log = basis / "kit-start.log"
        self.env = _omgeving(basis)
        self.argumenten = [
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.poort}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            "--LabApp.expose_app_in_browser=True",
        ]
        with open(self.log, "wb") as uit:
            self.proces = subprocess.Popen(
                [sys.executable, "kit.py", "start", *self.argumenten],
                cwd=editie,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=uit,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                # Zoals in een terminal: Ctrl+C werkt, ook als pytest zelf SIGINT negeert.
                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
            )

    def tekst(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wacht(self) -> None:
        einde = time.monotonic() + INSTALLATIE_TIMEOUT
        while time.monotonic() < einde:
            if self.proces.poll() is not None:
                raise AssertionError(
                    f"kit.py start stopte ({self.proces.returncode}):\n{self.tekst()}"
                )
            try:
                verzoek = urllib.request.Request(
                    f"{self.url}api/status", headers={"Authorization": f"token {self.token}"}
                )
                urllib.request.urlopen(verzoek, timeout=5).close()
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.5)
        raise AssertionError(f"JupyterLab antwoordde niet:\n{self.tekst()[-5000:]}")

    def ctrl_c(self) -> int:
        """Ctrl+C zoals een terminal het geeft: SIGINT aan de hele procesgroep."""
        os.killpg(self.proces.pid, signal.SIGINT)
        return self.proces.wait(timeout=60)

    def opruimen(self) -> None:
        if self.proces.poll() is None:
            os.killpg(self.proces.pid, signal.SIGKILL)
            self.proces.wait(timeout=10)
        # JupyterLab draait in een eigen procesgroep; stop hem als hij er nog is.
        for bestand in (self.editie / ".venv" / "runtime").glob("jpserver-*.json"):
            try:
                os.kill(json.loads(bestand.read_text(encoding="utf-8"))["pid"], signal.SIGTERM)
            except (OSError, ValueError, KeyError):
                pass


@pytest.fixture(scope="module")
def gestart(tmp_path_factory):
    basis = tmp_path_factory.mktemp("student")
    editie = bouw(MAP, basis / "cursusmap")
    begin = time.monotonic()
    start = Start(editie.map, basis)
    try:
        start.wacht()
        print(f"\n[studentenversie] eerste start van niets: {time.monotonic() - begin:.0f} s")
        yield start
    finally:
        start.opruimen()


@pytest.fixture
def student_lab(chromium, gestart, request, testuitvoer):
    context = chromium.new_context(viewport={"width": 1280, "height": 860}, locale="nl-NL")
    context.set_default_timeout(WACHT_UI)
    lab = Lab(context.new_page(), gestart.url, gestart.token, testuitvoer / "screenshots")
    request.node._e2e_lab = lab
    try:
        yield lab
    finally:
        context.close()


def test_student_landt_in_de_eerste_les_zonder_docentenmenus(student_lab, gestart):
    pagina = student_lab.page
    # Het adres dat kit.py noemt (en in de browser opent): de server kiest zelf de les.
    pagina.goto(f"{gestart.url}?token={gestart.token}")
    pagina.wait_for_function("() => window.jupyterapp !== undefined", timeout=WACHT_UI)
    pagina.evaluate("() => window.jupyterapp.restored")
    pagina.wait_for_function(
        """() => {
            const w = window.jupyterapp.shell.currentWidget;
            const k = w?.sessionContext?.session?.kernel;
            return !!k && k.status === 'idle' && w.context.isReady;
        }""",
        timeout=90_000,
    )
    pagina.wait_for_timeout(2000)  # tijd voor metadata die na de kernelstart binnenkomt
    stand = pagina.evaluate(
        """() => {
            const app = window.jupyterapp;
            const w = app.shell.currentWidget;
            const bestanden = [...document.querySelectorAll('.jp-DirListing-itemText')]
                .map(e => e.textContent.trim());
            return {pad: w.context.path, gewijzigd: w.context.model.dirty,
                    nbgrader: app.commands.listCommands().filter(c => c.startsWith('nbgrader')),
                    bestanden};
        }"""
    )
    assert stand["pad"] == f"lessen/{EERSTE_LES}"
    assert stand["gewijzigd"] is False, "een net geopende les mag niet als gewijzigd gelden"
    assert stand["nbgrader"] == [], "studenten zien geen nbgrader-docentmenu's"
    tab = pagina.locator(".lm-TabBar-tab.lm-mod-current", has_text=EERSTE_LES).first
    expect(tab).to_be_visible()
    expect(tab).not_to_have_class(re.compile(r"jp-mod-dirty"))
    # Het menu is Nederlands, en de lessen noemen het zoals de student het ziet.
    expect(pagina.locator(".lm-MenuBar-itemLabel", has_text="Bestand")).to_be_visible()
    assert "Formgrader" not in pagina.locator(".lm-MenuBar").inner_text()
    # De lessen en opdrachten noemen het menu-item zoals het in de Nederlandse interface staat:
    # half vertaald, 'Herstart Kernel and Run All Cells…'.
    pagina.locator(".lm-MenuBar-itemLabel", has_text="Kernel").click()
    items = pagina.locator(".lm-Menu-itemLabel").all_inner_texts()
    print("\n[studentenversie] menu Kernel:", items)
    assert any(i.startswith(MENU_ALLES_OPNIEUW) for i in items), items
    pagina.keyboard.press("Escape")
    student_lab.screenshot("studentenversie-eerste-minuut")


def test_lessen_noemen_het_menu_zoals_de_student_het_ziet():
    notebooks = sorted((MAP / "notebooks").glob("*.ipynb"))
    notebooks += sorted((MAP / "exercises" / "source").rglob("*.ipynb"))
    gevonden = 0
    for pad in notebooks:
        for cel in json.loads(pad.read_text(encoding="utf-8"))["cells"]:
            tekst = " ".join("".join(cel["source"]).split())
            for menu in re.findall(r"Kernel → ([^*]+)", tekst):
                gevonden += 1
                assert menu.startswith(MENU_ALLES_OPNIEUW), f"{pad.name}: Kernel → {menu}"
    assert gevonden


def test_tweede_start_noemt_de_draaiende_server(gestart):
    uit = subprocess.run(
        [sys.executable, "kit.py", "start", "--no-browser"],
        cwd=gestart.editie,
        env=gestart.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "draait al" in uit.stdout
    assert f"{gestart.poort}/lab?token={gestart.token}" in uit.stdout


def test_ctrl_c_stopt_netjes_in_het_nederlands(gestart):
    code = gestart.ctrl_c()
    tekst = gestart.tekst()
    assert code == 0, tekst[-3000:]
    assert "Traceback" not in tekst
    assert "JupyterLab is gestopt" in tekst
    runtime = gestart.editie / ".venv" / "runtime"
    assert not list(runtime.glob("jpserver-*")), "serverbestanden bleven achter"
    info = json.loads((gestart.editie / ".kit" / "editie.json").read_text(encoding="utf-8"))
    assert info["eerste_les"] == f"lessen/{EERSTE_LES}"
