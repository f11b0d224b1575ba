"""Live: een klas op één server. JupyterHub + nbgrader-exchange, echte Unix-gebruikers.

Eén docent en twee studenten doen de hele ronde via de hub (REST-API van JupyterHub en
van nbgraders server-extensie) en met echte nbgrader-commando's als die gebruikers:
release → fetch → submit → collect → autograde → generate_feedback → release_feedback →
fetch_feedback. Onderweg probeert student 2 elke bekende aanval; elke poging moet falen.

De hub draait met precies ``deploy/jupyterhub_config.py`` en de exchange en gebruikers
komen van ``python -m klanttools.hub`` (wat ``deploy/installeer.sh`` ook gebruikt). Alleen
als root (CI draait als root): de test maakt Unix-gebruikers en -groepen met het voorvoegsel
``kt`` en ruimt ze, hun processen en hun thuismappen na afloop op.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nbgrader_hulp import MAP, NOTEBOOK, OPDRACHT, lees_nb, maak_inzending

pytestmark = [
    pytest.mark.hub,
    pytest.mark.traag,
    pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() != 0,
        reason="de hub-test maakt Unix-gebruikers en draait JupyterHub als root "
        "(CI draait als root); draai hem met: sudo .venv/bin/python -m pytest tests/hub",
    ),
]

CURSUS = "inleiding-sales"
VENV_BIN = Path(sys.executable).parent
DEPLOY = MAP / "deploy"
BRON = MAP / "exercises" / "source" / OPDRACHT / NOTEBOOK
VALS = "# dit schreef student 2, op naam van student 1"
LES = "01-de-klant.ipynb"


def _voor_iedereen(pad: Path) -> bool:
    """Kan elke gebruiker bij ``pad`` (elke map erboven heeft o+x)?"""
    return all(os.stat(p).st_mode & 0o001 for p in [pad, *pad.parents])


def _link_of_kopie(bron: str, doel: str) -> None:
    try:
        os.link(bron, doel)
    except OSError:  # ander bestandssysteem
        shutil.copy2(bron, doel)


def _python_voor_gebruikers(basis: Path) -> tuple[Path, dict[str, str]]:
    """De bin-map met Python en de kit die de testgebruikers kunnen gebruiken, plus omgeving.

    Op de CI-machines staat Python (pyenv) in /root (0700): een andere gebruiker laadt dan
    stilletjes de libpython van Debian bij de standaardbibliotheek van een andere versie.
    Dan maakt de test een kopie met harde links (snel, zelfde bestanden) en een venv die de
    pakketten van .venv gebruikt. Een echte server (deploy/installeer.sh) heeft dit niet nodig.
    """
    prefix = Path(sys.base_prefix)
    if _voor_iedereen(prefix):
        return VENV_BIN, {}
    kopie, venv = basis / "python", basis / "venv"
    shutil.copytree(
        prefix, kopie, copy_function=_link_of_kopie, ignore=shutil.ignore_patterns("site-packages")
    )
    env = {"LD_LIBRARY_PATH": str(kopie / "lib")}
    versie = f"python{sys.version_info.major}.{sys.version_info.minor}"
    subprocess.run(
        [str(kopie / "bin" / versie), "-m", "venv", "--without-pip", str(venv)],
        env={**os.environ, **env},
        check=True,
    )
    site = venv / "lib" / versie / "site-packages"
    pakketten = VENV_BIN.parent / "lib" / versie / "site-packages"
    for deel in ("etc", "share"):  # server-extensies, labextensies, kernelspecs
        (venv / deel).symlink_to(VENV_BIN.parent / deel)
    (site / "_kit.pth").write_text(f"import site; site.addsitedir({str(pakketten)!r})\n")
    shebang = f"#!{VENV_BIN / 'python'}"
    for script in VENV_BIN.iterdir():
        doel = venv / "bin" / script.name
        if doel.exists() or not script.is_file():
            continue
        with script.open("rb") as f:
            if f.read(len(shebang)) != shebang.encode():
                continue
        tekst = script.read_text(encoding="utf-8")
        doel.write_text(tekst.replace(shebang, f"#!{venv / 'bin' / 'python'}", 1))
        doel.chmod(0o755)
    return venv / "bin", env


def _vrije_poorten(n: int) -> list[int]:
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    poorten = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return poorten


@dataclass
class Gebruiker:
    naam: str
    wachtwoord: str
    token: str = ""

    @property
    def thuis(self) -> Path:
        return Path(pwd.getpwnam(self.naam).pw_dir)

    @property
    def uid(self) -> int:
        return pwd.getpwnam(self.naam).pw_uid


@dataclass
class Klas:
    """De opgezette server, en wat er tijdens de ronde gebeurde."""

    url: str
    exchange: Path
    cursusmap: Path
    docent: Gebruiker
    s1: Gebruiker
    s2: Gebruiker
    env: dict[str, str]
    uit: dict[str, subprocess.CompletedProcess[str]] = field(default_factory=dict)
    http: dict[str, object] = field(default_factory=dict)
    aanval: dict[str, str] = field(default_factory=dict)
    figuren: dict[str, float] = field(default_factory=dict)

    def als(
        self,
        wie: Gebruiker,
        commando: list[str],
        cwd: Path | None = None,
        docent: bool = False,
        invoer: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """Draai een commando als die Unix-gebruiker, met de omgeving die de hub hem geeft."""
        p = pwd.getpwnam(wie.naam)
        groepen = [g.gr_gid for g in grp.getgrall() if wie.naam in g.gr_mem]
        env = dict(self.env)
        env.update(HOME=p.pw_dir, USER=wie.naam, LOGNAME=wie.naam)
        hub = str(DEPLOY / "jupyter-hub")
        env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
            [str(MAP / "jupyter" / "docent"), hub]
            if docent
            else [str(DEPLOY / "jupyter-student"), hub]
        )
        return subprocess.run(
            commando,
            cwd=cwd or p.pw_dir,
            env=env,
            user=p.pw_uid,
            group=p.pw_gid,
            extra_groups=groepen,
            umask=0o022,
            input=invoer,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def api(self, wie: Gebruiker, methode: str, pad: str, **kwargs):
        import requests

        kop = {"Authorization": f"token {wie.token}"}
        return requests.request(methode, self.url + pad, headers=kop, timeout=120, **kwargs)


def _inloggen(url: str, wie: Gebruiker) -> str:
    """Log in met PAM (het Unix-wachtwoord) en maak met die sessie een API-token."""
    import requests

    s = requests.Session()
    s.get(f"{url}/hub/login", timeout=30)
    xsrf = s.cookies.get("_xsrf")
    r = s.post(
        f"{url}/hub/login",
        data={"username": wie.naam, "password": wie.wachtwoord, "_xsrf": xsrf},
        timeout=60,
        allow_redirects=False,
    )
    assert r.status_code == 302, (r.status_code, r.text[:500])
    r = s.post(
        f"{url}/hub/api/users/{wie.naam}/tokens",
        json={"note": "hub-test", "expires_in": 3600},
        headers={"X-XSRFToken": s.cookies.get("_xsrf") or xsrf},
        timeout=30,
    )
    assert r.status_code == 201, (r.status_code, r.text[:500])
    return r.json()["token"]


def _vraag_servers(klas: Klas, wie_s: list[Gebruiker]) -> None:
    """Start de servers tegelijk, zoals een klas die om 9 uur inlogt."""
    for wie in wie_s:
        r = klas.api(wie, "POST", f"/hub/api/users/{wie.naam}/server")
        assert r.status_code in (201, 202), r.text


def _wacht_op_servers(klas: Klas, wie_s: list[Gebruiker]) -> None:
    for wie in wie_s:
        for _ in range(240):
            r = klas.api(wie, "GET", f"/hub/api/users/{wie.naam}")
            if r.json().get("servers", {}).get("", {}).get("ready"):
                break
            time.sleep(0.5)
        else:
            pytest.fail(f"de server van {wie.naam} startte niet")


def _wacht_op_hub(url: str, proces: subprocess.Popen, log: Path) -> None:
    import requests

    for _ in range(240):
        if proces.poll() is not None:
            pytest.fail("JupyterHub stopte:\n" + log.read_text()[-4000:])
        try:
            if requests.get(f"{url}/hub/api/", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    pytest.fail("JupyterHub startte niet:\n" + log.read_text()[-4000:])


def _processen_van(uids: set[int]) -> list[int]:
    import psutil

    uit = []
    for p in psutil.process_iter(["uids"]):
        try:
            if p.info["uids"] and p.info["uids"].real in uids:
                uit.append(p.pid)
        except psutil.Error:
            pass
    return uit


def _rss_mb(uid: int) -> dict[str, float]:
    """RSS per soort proces van één gebruiker (server, kernel), in MB."""
    import psutil

    per_soort: dict[str, float] = {"server": 0.0, "kernel": 0.0}
    for pid in _processen_van({uid}):
        try:
            p = psutil.Process(pid)
            soort = "kernel" if "ipykernel" in " ".join(p.cmdline()) else "server"
            per_soort[soort] += p.memory_info().rss / 2**20
        except psutil.Error:
            pass
    return per_soort


def _ruim_op(gebruikers: list[str], groepen: list[str], mappen: list[Path]) -> None:
    uids = set()
    for naam in gebruikers:
        try:
            uids.add(pwd.getpwnam(naam).pw_uid)
        except KeyError:
            pass
    for _ in range(20):
        pids = _processen_van(uids)
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.2)
    for naam in gebruikers:
        subprocess.run(["userdel", "--remove", naam], capture_output=True)
    for groep in groepen:
        subprocess.run(["groupdel", groep], capture_output=True)
    for map_ in mappen:
        shutil.rmtree(map_, ignore_errors=True)


def _inleveren_door_student2(klas: Klas, release: dict, bron: dict) -> None:
    """Student 2 werkt in de terminal: fetch, een leeg antwoord, submit."""
    s2 = klas.s2
    klas.uit["s2_fetch"] = klas.als(s2, ["nbgrader", "fetch_assignment", OPDRACHT])
    _ok(klas.uit["s2_fetch"])
    nb = maak_inzending(release, bron, oplossen=False)
    doel = s2.thuis / OPDRACHT / NOTEBOOK
    _schrijf(klas, s2, doel, nb)
    klas.uit["s2_submit"] = klas.als(s2, ["nbgrader", "submit", OPDRACHT])


def _schrijf(klas: Klas, wie: Gebruiker, doel: Path, nb: dict) -> None:
    code = f"import sys; open({str(doel)!r}, 'w').write(sys.stdin.read())"
    _ok(klas.als(wie, ["python", "-c", code], invoer=json.dumps(nb)))


_PROBEER = """
import json, os, shutil, sys
uit = {}
for naam, code in json.load(sys.stdin).items():
    try:
        exec(code)
        uit[naam] = "gelukt"
    except Exception as e:
        uit[naam] = type(e).__name__
print(json.dumps(uit))
"""


def _probeer(klas: Klas, wie: Gebruiker, pogingen: dict[str, str]) -> None:
    """Voer elke poging uit als ``wie`` (één Python-proces); bewaar per poging de uitkomst."""
    uit = klas.als(wie, ["python", "-c", _PROBEER], invoer=json.dumps(pogingen))
    _ok(uit)
    klas.aanval.update(json.loads(uit.stdout))


def _aanvallen_op_de_exchange(klas: Klas) -> None:
    """Student 2 probeert de exchange en de inlevering van student 1 te veranderen."""
    s2, cursus = klas.s2, klas.exchange / CURSUS
    inbound = cursus / "inbound"
    van_s1 = next(p for p in inbound.iterdir() if p.name.startswith(f"{klas.s1.naam}+"))
    pogingen = {
        "schrijf_exchange_root": f"open({str(klas.exchange / 'x')!r}, 'w')",
        "schrijf_cursusmap": f"open({str(cursus / 'x')!r}, 'w')",
        "vervang_outbound": f"shutil.rmtree({str(cursus / 'outbound' / OPDRACHT)!r})",
        "schrijf_outbound": f"open({str(cursus / 'outbound' / OPDRACHT / NOTEBOOK)!r}, 'w')",
        "lijst_inbound": f"os.listdir({str(inbound)!r})",
        "overschrijf_inlevering": f"open({str(van_s1 / NOTEBOOK)!r}, 'w')",
        "verwijder_inlevering": f"os.remove({str(van_s1 / NOTEBOOK)!r})",
        "hernoem_inlevering": f"os.rename({str(van_s1)!r}, {str(inbound / 'weg')!r})",
        "lees_inlevering": f"open({str(van_s1 / NOTEBOOK)!r}).read()",
        "lijst_feedback": f"os.listdir({str(cursus / 'feedback')!r})",
    }
    _probeer(klas, s2, pogingen)


def _aanvallen_op_thuismappen(klas: Klas) -> None:
    s2 = klas.s2
    pogingen = {
        "thuis_student1": f"os.listdir({str(klas.s1.thuis)!r})",
        "notebook_student1": f"open({str(klas.s1.thuis / OPDRACHT / NOTEBOOK)!r}).read()",
        "thuis_docent": f"os.listdir({str(klas.docent.thuis)!r})",
        "source": f"os.listdir({str(klas.cursusmap / 'source')!r})",
        "gradebook": f"open({str(klas.cursusmap / 'gradebook.db')!r}, 'rb').read()",
        "feedback_student1": f"os.listdir({str(klas.cursusmap / 'feedback' / klas.s1.naam)!r})",
    }
    _probeer(klas, s2, pogingen)


def _vals_inleveren(klas: Klas, release: dict, bron: dict) -> None:
    """Student 2 levert in op naam van student 1 (nbgrader accepteert --student)."""
    s2 = klas.s2
    nb = maak_inzending(release, bron, {"antwoord_1": VALS + '\nvolgorde = "KLMNPRS"'})
    doel = s2.thuis / OPDRACHT / NOTEBOOK
    _schrijf(klas, s2, doel, nb)
    time.sleep(1.1)  # een latere tijdstempel dan de echte inlevering
    klas.uit["vals_submit"] = klas.als(
        s2, ["nbgrader", "submit", OPDRACHT, "--student", klas.s1.naam]
    )


def _geheugen_meten(klas: Klas) -> None:
    """Een kernel van student 1 laadt wat een les laadt; meet server en kernel (RSS)."""
    from jupyter_client import BlockingKernelClient

    r = klas.api(klas.s1, "POST", f"/user/{klas.s1.naam}/api/kernels", json={"name": "python3"})
    assert r.status_code == 201, r.text
    kernel_id = r.json()["id"]
    verbinding = klas.s1.thuis / ".local/share/jupyter/runtime" / f"kernel-{kernel_id}.json"
    for _ in range(60):
        if verbinding.exists():
            break
        time.sleep(0.5)
    kc = BlockingKernelClient(connection_file=str(verbinding))
    kc.load_connection_file()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        code = (
            "import pandas, seaborn, matplotlib.pyplot as plt, ipywidgets\n"
            "from klanttools.datasets import laad\nfrom klanttools.nps import analyse\n"
            "df = laad('nps_enquete'); analyse(df['score']); df.plot(); plt.close('all')"
        )
        antwoord = kc.execute_interactive(code, timeout=120)
        assert antwoord["content"]["status"] == "ok", antwoord["content"]
    finally:
        kc.stop_channels()
    rss = _rss_mb(klas.s1.uid)
    klas.figuren.update({f"rss_{k}_mb": v for k, v in rss.items()})


@pytest.fixture(scope="module")
def klas(tmp_path_factory) -> Klas:
    label = secrets.token_hex(2)
    docent = Gebruiker(f"ktdoc{label}", secrets.token_urlsafe(12))
    s1 = Gebruiker(f"ktst1{label}", secrets.token_urlsafe(12))
    s2 = Gebruiker(f"ktst2{label}", secrets.token_urlsafe(12))
    docenten, studenten = f"ktdocenten{label}", f"ktstudenten{label}"
    basis = Path(f"/tmp/kthub-{label}")  # 0755: ook voor de testgebruikers bereikbaar
    staat = basis / "staat"
    exchange = basis / "exchange"
    mappen = [basis]
    hub = None
    begin = time.perf_counter()
    try:
        staat.mkdir(parents=True)
        basis.chmod(0o755)
        staat.chmod(0o700)
        kit = [sys.executable, "-m", "klanttools.hub"]
        for wie, groep in ((docent, docenten), (s1, studenten), (s2, studenten)):
            subprocess.run(
                [*kit, "gebruiker", wie.naam, "--groep", groep, "--wachtwoord-stdin"],
                input=wie.wachtwoord + "\n",
                text=True,
                check=True,
                capture_output=True,
            )
        subprocess.run(
            [*kit, "exchange", "--root", str(exchange), "--cursus", CURSUS]
            + ["--docent", docent.naam, "--groep", docenten],
            check=True,
            capture_output=True,
        )
        cursusmap = docent.thuis / CURSUS
        shutil.copytree(MAP / "exercises", cursusmap, ignore=shutil.ignore_patterns("*.db"))
        subprocess.run(["chown", "-R", f"{docent.naam}:{docent.naam}", str(cursusmap)], check=True)

        lesmateriaal = basis / "werkmap"  # zoals werkmap/ van de studentversie
        (lesmateriaal / "lessen").mkdir(parents=True)
        shutil.copy(MAP / "notebooks" / LES, lesmateriaal / "lessen" / LES)
        shutil.copytree(
            MAP / "data",
            lesmateriaal / "data",
            ignore=shutil.ignore_patterns("*.py", "__pycache__"),
        )
        subprocess.run(["chmod", "-R", "u=rwX,go=rX", str(lesmateriaal)], check=True)

        poort, intern, proxy, formgrader = _vrije_poorten(4)
        bin_, extra = _python_voor_gebruikers(basis)
        env = {
            **extra,
            "PATH": f"{bin_}:/usr/local/bin:/usr/bin:/bin",
            "KLANTTOOLS_KIT": str(MAP),
            "KLANTTOOLS_VENV": str(bin_.parent),
            "KLANTTOOLS_CURSUS": CURSUS,
            "KLANTTOOLS_DOCENT": docent.naam,
            "KLANTTOOLS_DOCENTEN_GROEP": docenten,
            "KLANTTOOLS_STUDENTEN_GROEP": studenten,
            "KLANTTOOLS_EXCHANGE": str(exchange),
            "KLANTTOOLS_HUB_IP": "127.0.0.1",
            "KLANTTOOLS_HUB_POORT": str(poort),
            "KLANTTOOLS_HUB_INTERN_POORT": str(intern),
            "KLANTTOOLS_PROXY_API_POORT": str(proxy),
            "KLANTTOOLS_FORMGRADER_POORT": str(formgrader),
            "KLANTTOOLS_HUB_STAAT": str(staat),
            "KLANTTOOLS_LESMATERIAAL": str(lesmateriaal),
            "PYTHONWARNINGS": "ignore::DeprecationWarning",
            "LANG": "C.UTF-8",
        }
        log = staat / "hub.log"
        with log.open("w") as logbestand:
            hub = subprocess.Popen(
                [str(VENV_BIN / "jupyterhub"), "-f", str(DEPLOY / "jupyterhub_config.py")],
                cwd=staat,
                env=env,
                stdout=logbestand,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        url = f"http://127.0.0.1:{poort}"
        _wacht_op_hub(url, hub, log)
        k = Klas(url, exchange, cursusmap, docent, s1, s2, env)
        for wie in (docent, s1, s2):
            wie.token = _inloggen(url, wie)
        _vraag_servers(k, [s1, s2])

        # 1. De docent deelt uit (commando's in de cursusmap, zoals in exercises/README.md),
        #    terwijl de servers van de studenten starten.
        k.uit["generate"] = k.als(
            docent, ["nbgrader", "generate_assignment", OPDRACHT], cursusmap, docent=True
        )
        k.uit["release"] = k.als(
            docent, ["nbgrader", "release_assignment", OPDRACHT], cursusmap, docent=True
        )
        _ok(k.uit["generate"])
        _ok(k.uit["release"])
        _wacht_op_servers(k, [s1, s2])
        k.figuren["opstarten_s"] = time.perf_counter() - begin
        release = lees_nb(cursusmap / "release" / OPDRACHT / NOTEBOOK)
        bron = lees_nb(BRON)

        # 2. Student 1 werkt via de hub: ophalen, notebook opslaan, inleveren (REST).
        velden = {"course_id": CURSUS, "assignment_id": OPDRACHT}
        basis_s1 = f"/user/{s1.naam}"
        k.http["s1_fetch"] = k.api(s1, "POST", f"{basis_s1}/assignments/fetch", data=velden)
        k.http["s1_opslaan"] = k.api(
            s1,
            "PUT",
            f"{basis_s1}/api/contents/{OPDRACHT}/{NOTEBOOK}",
            json={"type": "notebook", "format": "json", "content": maak_inzending(release, bron)},
        )
        k.http["s1_submit"] = k.api(s1, "POST", f"{basis_s1}/assignments/submit", data=velden)
        for stap in ("s1_fetch", "s1_opslaan", "s1_submit"):
            r = k.http[stap]
            assert r.status_code in (200, 201), (stap, r.status_code, r.text[:2000])
            assert stap == "s1_opslaan" or r.json()["success"], (stap, r.text[:3000])

        # 3. Student 2 in de terminal, en alle aanvallen.
        _inleveren_door_student2(k, release, bron)
        _aanvallen_op_de_exchange(k)
        _vals_inleveren(k, release, bron)

        # Hub-tokens: student 2 bij de server van student 1 en bij de formgrader.
        for naam, wie, pad in (
            ("s2_naar_server_s1", s2, f"/user/{s1.naam}/api/contents"),
            ("s2_naar_formgrader", s2, f"/services/{CURSUS}/formgrader"),
            ("s2_naar_formgrader_api", s2, f"/services/{CURSUS}/api/contents"),
            ("s1_eigen_lab", s1, f"/user/{s1.naam}/lab"),
            ("docent_formgrader", docent, f"/services/{CURSUS}/formgrader/manage_assignments"),
            ("docent_naar_server_s1", docent, f"/user/{s1.naam}/api/contents"),
        ):
            k.http[naam] = k.api(wie, "GET", pad, allow_redirects=False)

        # 4. De docent verzamelt, kijkt na en geeft feedback.
        for stap in ("collect", "autograde", "generate_feedback", "release_feedback"):
            k.uit[stap] = k.als(docent, ["nbgrader", stap, OPDRACHT], cursusmap, docent=True)
        _aanvallen_op_thuismappen(k)

        # 5. Feedback ophalen: student 1 via de hub, student 2 in de terminal.
        k.http["s1_feedback"] = k.api(
            s1, "POST", f"{basis_s1}/assignments/fetch_feedback", data=velden
        )
        k.uit["s2_feedback"] = k.als(s2, ["nbgrader", "fetch_feedback", OPDRACHT])
        k.figuren["ronde_s"] = time.perf_counter() - begin
        _geheugen_meten(k)
        yield k
    finally:
        if (staat / "hub.log").exists():  # bewaren om na te lezen, ook als het misging
            shutil.copy(staat / "hub.log", tmp_path_factory.getbasetemp() / "hub.log")
        if hub is not None and hub.poll() is None:
            hub.send_signal(signal.SIGTERM)
            try:
                hub.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(hub.pid, signal.SIGKILL)
                hub.wait()
        _ruim_op([docent.naam, s1.naam, s2.naam], [docenten, studenten], mappen)


def _ok(uit: subprocess.CompletedProcess[str]) -> None:
    assert uit.returncode == 0, f"{uit.args}\n{uit.stdout}\n{uit.stderr}"


def _geweigerd(klas: Klas, aanval: str) -> None:
    assert klas.aanval[aanval] == "PermissionError", f"{aanval}: {klas.aanval[aanval]}"


# ---------------------------------------------------------------------------
# De ronde
# ---------------------------------------------------------------------------


def test_de_hele_ronde_via_de_hub(klas):
    for stap in ("generate", "release", "s2_fetch", "s2_submit", "collect", "autograde"):
        _ok(klas.uit[stap])
    for stap in ("generate_feedback", "release_feedback", "s2_feedback"):
        _ok(klas.uit[stap])
    for stap in ("s1_fetch", "s1_submit", "s1_feedback"):
        r = klas.http[stap]
        assert r.status_code == 200 and r.json()["success"], (stap, r.text[:1000])
    assert klas.http["s1_opslaan"].status_code in (200, 201)
    for wie in (klas.s1, klas.s2):
        nagekeken = klas.cursusmap / "autograded" / wie.naam / OPDRACHT / NOTEBOOK
        assert nagekeken.is_file(), wie.naam
        feedback = list((wie.thuis / OPDRACHT / "feedback").rglob("*.html"))
        assert len(feedback) == 1, wie.naam
    print(f"\nhub-ronde: {klas.figuren}")


def test_studenten_krijgen_het_lesmateriaal_in_hun_eigen_thuismap(klas):
    for wie in (klas.s1, klas.s2):
        les = wie.thuis / "lessen" / LES
        assert les.read_bytes() == (MAP / "notebooks" / LES).read_bytes()
        assert les.stat().st_uid == wie.uid  # gekopieerd als de student, niet als root
        assert (wie.thuis / "data" / "README.md").is_file()


def test_student1_kreeg_punten_en_student2_niet(klas):
    from nbgrader_hulp import scores_uit_db

    punten = scores_uit_db(klas.cursusmap / "gradebook.db")
    auto = {
        w: sum(v or 0 for k, v in p.items() if k.startswith("test_")) for w, p in punten.items()
    }
    assert auto == {klas.s1.naam: 32.0, klas.s2.naam: 0.0}


# ---------------------------------------------------------------------------
# De exchange
# ---------------------------------------------------------------------------


def test_exchange_heeft_de_veilige_modi(klas):
    from klanttools.hub.exchange import problemen

    assert problemen(klas.exchange, CURSUS) == []
    for inlevering in (klas.exchange / CURSUS / "inbound").iterdir():
        assert inlevering.stat().st_mode & 0o007 == 0, inlevering  # niets voor 'anderen'


@pytest.mark.parametrize(
    "aanval",
    [
        "schrijf_exchange_root",
        "schrijf_cursusmap",
        "vervang_outbound",
        "schrijf_outbound",
        "lijst_inbound",
        "overschrijf_inlevering",
        "verwijder_inlevering",
        "hernoem_inlevering",
        "lees_inlevering",
        "lijst_feedback",
    ],
)
def test_student_kan_de_exchange_niet_veranderen(klas, aanval):
    _geweigerd(klas, aanval)


def test_inlevering_op_naam_van_een_ander_wordt_geweigerd_bij_collect(klas):
    _ok(klas.uit["vals_submit"])  # nbgrader zelf laat het toe
    melding = klas.uit["collect"].stdout + klas.uit["collect"].stderr
    assert f"GEWEIGERD: de inlevering '{klas.s1.naam}+{OPDRACHT}+" in melding
    assert f"gemaakt door gebruiker '{klas.s2.naam}', niet door '{klas.s1.naam}'" in melding
    verslag = (klas.cursusmap / f"geweigerd-{OPDRACHT}.txt").read_text(encoding="utf-8")
    assert verslag.count("GEWEIGERD") == 1 and "mogelijk fraude" in verslag
    # De echte (eerdere) inlevering van student 1 is verzameld, niet de valse (latere).
    ingeleverd = klas.cursusmap / "submitted" / klas.s1.naam / OPDRACHT / NOTEBOOK
    assert VALS not in ingeleverd.read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in ingeleverd.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# Thuismappen, bron, cijfers en feedback
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "aanval",
    [
        "thuis_student1",
        "notebook_student1",
        "thuis_docent",
        "source",
        "gradebook",
        "feedback_student1",
    ],
)
def test_student_leest_geen_andere_thuismap_bron_cijfers_of_feedback(klas, aanval):
    _geweigerd(klas, aanval)


def test_thuismappen_zijn_prive(klas):
    for wie in (klas.docent, klas.s1, klas.s2):
        assert wie.thuis.stat().st_mode & 0o777 == 0o700, wie.naam


# ---------------------------------------------------------------------------
# Hub-tokens en de formgrader
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "poging", ["s2_naar_server_s1", "s2_naar_formgrader", "s2_naar_formgrader_api"]
)
def test_token_van_een_student_komt_niet_bij_een_ander(klas, poging):
    assert klas.http[poging].status_code == 403


def test_docent_is_geen_hub_beheerder(klas):
    assert klas.http["docent_naar_server_s1"].status_code == 403


def test_formgrader_voor_de_docent_zonder_de_hub_te_verzwakken(klas):
    r = klas.http["docent_formgrader"]
    assert r.status_code == 200, r.text[:500]
    assert "formgrader" in r.text.lower()
    assert r.headers["Content-Security-Policy"] == "frame-ancestors 'self'"
    # De server van een student en de hub zelf laten zich niet in een frame zetten.
    lab = klas.http["s1_eigen_lab"]
    assert lab.status_code == 200
    assert "frame-ancestors 'none'" in lab.headers["Content-Security-Policy"]
    import requests

    hub = requests.get(f"{klas.url}/hub/login", timeout=30)
    assert "frame-ancestors 'none'" in hub.headers["Content-Security-Policy"]


def test_studenten_zien_geen_docentgereedschap(klas):
    """De pagina van een student: nbgraders Assignments wel, formgrader en co niet."""
    lab = klas.http["s1_eigen_lab"].text
    config = json.loads(re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', lab, re.S)[1])
    uit = set(config["disabledExtensions"])
    assert {"@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment"} <= uit
    assert "@jupyter/nbgrader:assignment-list" not in uit
    assert "@jupyter/nbgrader" not in uit
    r = klas.api(klas.s1, "GET", f"/user/{klas.s1.naam}/formgrader", allow_redirects=False)
    assert r.status_code == 404


def test_geheugen_per_actieve_student(klas):
    """Geen drempel (dat hoort in benchmarks/): drukt de figuren af voor het verslag."""
    f = klas.figuren
    totaal = f["rss_server_mb"] + f["rss_kernel_mb"]
    print(
        f"\nserver {f['rss_server_mb']:.0f} MB + kernel {f['rss_kernel_mb']:.0f} MB = "
        f"{totaal:.0f} MB per actieve student; opstarten {f['opstarten_s']:.1f} s, "
        f"ronde {f['ronde_s']:.1f} s"
    )
    assert f["rss_kernel_mb"] > 0 and f["rss_server_mb"] > 0
