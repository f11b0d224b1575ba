"""Fixtures voor de browsertests: een echte JupyterLab-server en headless Chromium.

- ``lab_server`` (sessie): JupyterLab op 127.0.0.1, een vrije poort en een token, met
  eigen tijdelijke config-, data- en runtimemappen, en met dezelfde studentinstellingen
  als ``python3 kit.py start`` (``kit.jupyterlab_argumenten()``). De notebookmap is een
  lege tijdelijke map: zet er met ``lab_server.copy(...)`` of ``maak_notebook(...)`` in
  wat een test nodig heeft.
- ``chromium`` (sessie): Debian-Chromium (``/usr/bin/chromium``), headless, via Playwright.
- ``lab`` (per test): een nieuw tabblad met JupyterLab, als :class:`lab.Lab`.

Faalt een test, dan staan het serverlog en de consolefouten van de browser in het
rapport, en een schermafdruk in ``<testuitvoer>/screenshots/FOUT-<test>.png`` (zie
``tests/conftest.py``: standaard de tijdelijke map van pytest).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lab import WACHT_UI, Lab, laad_kit
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

CHROMIUM = os.environ.get("KLANTTOOLS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
START_TIMEOUT = 90  # seconden; de eerste start op een koude CI-machine is het traagst

# Ook een kale expect(...) wacht ruim, niet de standaard 5 s van Playwright.
expect.set_options(timeout=WACHT_UI)


def _vrije_poort() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    """Een draaiende JupyterLab-server voor de tests."""

    url: str
    token: str
    root: Path
    log: Path
    proces: subprocess.Popen
    argumenten: list[str] = field(default_factory=list)

    def copy(self, bron: Path | str, naam: str | None = None) -> Path:
        """Kopieer een notebook (of map) naar de notebookmap van de server."""
        bron = Path(bron)
        doel = self.root / (naam or bron.name)
        if bron.is_dir():
            shutil.copytree(bron, doel, dirs_exist_ok=True)
        else:
            doel.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(bron, doel)
        return doel

    def api(self, pad: str, methode: str = "GET"):
        """Roep de REST-API van de server aan en geef de JSON terug (of ``None``)."""
        verzoek = urllib.request.Request(
            f"{self.url}{pad}",
            method=methode,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(verzoek, timeout=10) as antwoord:
            inhoud = antwoord.read()
        return json.loads(inhoud) if inhoud else None

    def stop_kernels(self) -> None:
        """Sluit alle sessies en hun kernels (tussen tests, zodat niets doorloopt)."""
        for sessie in self.api("api/sessions"):
            self.api(f"api/sessions/{sessie['id']}", "DELETE")

    def log_text(self, regels: int = 150) -> str:
        """De laatste regels van het serverlog."""
        tekst = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(tekst.splitlines()[-regels:])


def _wacht_op_server(server: LabServer) -> None:
    einde = time.monotonic() + START_TIMEOUT
    while time.monotonic() < einde:
        if server.proces.poll() is not None:
            raise RuntimeError(
                f"JupyterLab stopte meteen (code {server.proces.returncode}).\n"
                f"Serverlog:\n{server.log_text()}"
            )
        try:
            server.api("api/status")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(
        f"JupyterLab antwoordde na {START_TIMEOUT} s nog niet op {server.url}api/status.\n"
        f"Serverlog:\n{server.log_text()}"
    )


def _stop_server(proces: subprocess.Popen) -> None:
    """Stop de server en alles wat hij startte (hele procesgroep), netjes of hard."""
    if proces.poll() is not None:
        return
    if os.name == "posix":
        os.killpg(proces.pid, signal.SIGTERM)
    else:
        proces.terminate()
    try:
        proces.wait(timeout=15)
    except subprocess.TimeoutExpired:
        if os.name == "posix":
            os.killpg(proces.pid, signal.SIGKILL)
        else:
            proces.kill()
        proces.wait(timeout=10)


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory) -> LabServer:
    """Start een echte JupyterLab (loopback, eigen token, eigen mappen) voor alle e2e-tests."""
    basis = tmp_path_factory.mktemp("jupyterlab")
    root = basis / "notebooks"
    env = dict(os.environ)
    for naam, sub in [
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_DATA_DIR", "data"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("IPYTHONDIR", "ipython"),
    ]:
        env[naam] = str(basis / sub)
        (basis / sub).mkdir()
    root.mkdir()
    # Alleen de mappen van deze omgeving (kernelspec, labextensies van ipywidgets,
    # taalpakket) en de tijdelijke mappen hierboven; niets uit de omgeving van de gebruiker.
    for naam in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_NO_CONFIG"):
        env.pop(naam, None)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["PYTHONUNBUFFERED"] = "1"

    poort = _vrije_poort()
    token = secrets.token_hex(24)
    argumenten = laad_kit().jupyterlab_argumenten()
    commando = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={poort}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        "--ServerApp.open_browser=False",
        "--LabApp.expose_app_in_browser=True",
        f"--ServerApp.root_dir={root}",
        *argumenten,
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        commando.append("--allow-root")

    log = basis / "server.log"
    with open(log, "wb") as logbestand:
        proces = subprocess.Popen(
            commando,
            cwd=root,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=logbestand,
            stderr=subprocess.STDOUT,
            start_new_session=(os.name == "posix"),
        )
    server = LabServer(
        url=f"http://127.0.0.1:{poort}/",
        token=token,
        root=root,
        log=log,
        proces=proces,
        argumenten=argumenten,
    )
    try:
        _wacht_op_server(server)
        yield server
    finally:
        try:
            if proces.poll() is None:
                server.stop_kernels()
        except (urllib.error.URLError, OSError):
            pass  # de server is al weg; opruimen mag nooit een testfout verbergen
        _stop_server(proces)


@pytest.fixture(scope="session")
def chromium():
    """Headless Debian-Chromium via Playwright; faalt met uitleg als Chromium ontbreekt."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium ontbreekt: {CHROMIUM} bestaat niet of is niet uitvoerbaar.\n"
            "De browsertests (tests/e2e, marker e2e) hebben een echte Chromium nodig.\n"
            "Installeren op Debian/Ubuntu:  sudo apt-get install -y chromium\n"
            "(CI doet dit zelf in .ci/run.) Op een ander systeem: zet de omgevingsvariabele\n"
            "KLANTTOOLS_CHROMIUM op het pad van Chromium of Google Chrome.\n"
            'Alleen de andere tests draaien kan met:  python3 kit.py test -m "not e2e"',
            pytrace=False,
        )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def lab(chromium, lab_server, request, testuitvoer) -> Lab:
    """Een nieuw browsertabblad met JupyterLab (lege werkruimte), klaar voor gebruik."""
    context = chromium.new_context(viewport={"width": 1280, "height": 860}, locale="en-US")
    context.set_default_timeout(WACHT_UI)
    pagina = context.new_page()
    lab = Lab(pagina, lab_server.url, lab_server.token, testuitvoer / "screenshots")
    request.node._e2e_lab = lab
    try:
        lab.start()
        yield lab
    finally:
        context.close()
        lab_server.stop_kernels()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Zet bij een mislukte e2e-test het serverlog, de browserfouten en een schermafdruk erbij."""
    rapport = yield
    if rapport.failed and rapport.when in ("setup", "call"):
        lab = getattr(item, "_e2e_lab", None)
        if lab is not None:
            try:
                pad = lab.screenshot(f"FOUT-{item.name}")
                rapport.sections.append(("schermafdruk", str(pad)))
            except PlaywrightError as fout:  # bijvoorbeeld: pagina al gesloten
                rapport.sections.append(("schermafdruk", f"mislukt: {fout}"))
            if lab.console_errors:
                rapport.sections.append(("browserconsole", "\n".join(lab.console_errors[-50:])))
        server = item.funcargs.get("lab_server") if hasattr(item, "funcargs") else None
        if server is not None:
            rapport.sections.append(("JupyterLab-serverlog", server.log_text()))
    return rapport
