"""JupyterHub voor de cursus Inleiding Sales (klanttools): één server, één cursus.

Start met ``jupyterhub -f deploy/jupyterhub_config.py`` (als root; de systemd-unit
``klanttools-hub.service`` doet dat). Alle instellingen komen uit omgevingsvariabelen
(``/etc/klanttools/hub.env``, geschreven door ``deploy/installeer.sh``), zodat de live test
(``tests/hub/``) precies dit bestand gebruikt:

==============================  ==========================================  =================
variabele                       betekenis                                   standaard
==============================  ==========================================  =================
KLANTTOOLS_KIT                  map van de kit (jupyter/-instellingen)      /opt/klanttools/kit
KLANTTOOLS_VENV                 virtuele omgeving met klanttools[hub]       deze Python
KLANTTOOLS_CURSUS               cursus-id (ook de naam van de service)      inleiding-sales
KLANTTOOLS_DOCENT               Unix-gebruiker die de formgrader draait     docent
KLANTTOOLS_DOCENTEN_GROEP       Unix-groep met toegang tot de formgrader    docenten
KLANTTOOLS_STUDENTEN_GROEP      Unix-groep die mag inloggen                 studenten
KLANTTOOLS_CURSUSMAP            nbgrader-cursusmap van de docent            ~docent/<cursus>
KLANTTOOLS_EXCHANGE             nbgrader-exchange                           /srv/nbgrader/exchange
KLANTTOOLS_HUB_IP / _POORT      waar de hub luistert                        "" / 8000
KLANTTOOLS_HUB_INTERN_POORT     interne poort van de hub                    8081
KLANTTOOLS_PROXY_API_POORT      API-poort van configurable-http-proxy       8001
KLANTTOOLS_FORMGRADER_POORT     poort van de formgrader-service             9010
KLANTTOOLS_HUB_STAAT            database, cookiegeheim, logboek             /var/lib/klanttools-hub
KLANTTOOLS_LESMATERIAAL         werkmap/ van de studentversie               /opt/klanttools/studentenversie/werkmap
==============================  ==========================================  =================

Veilig standaard: alleen leden van de twee groepen loggen in (PAM, hun Unix-wachtwoord);
studenten hebben geen nbgrader-docentgereedschap; de formgrader is een service die alleen
de groep docenten bereikt; de proxy is de Python-versie van configurable-http-proxy (geen
Node.js nodig).
"""

import json
import os
import pwd
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub geeft get_config mee)

_env = os.environ.get
KIT = Path(_env("KLANTTOOLS_KIT", "/opt/klanttools/kit"))
VENV_BIN = Path(_env("KLANTTOOLS_VENV", sys.prefix)) / "bin"
CURSUS = _env("KLANTTOOLS_CURSUS", "inleiding-sales")
DOCENT = _env("KLANTTOOLS_DOCENT", "docent")
DOCENTEN = _env("KLANTTOOLS_DOCENTEN_GROEP", "docenten")
STUDENTEN = _env("KLANTTOOLS_STUDENTEN_GROEP", "studenten")
EXCHANGE = _env("KLANTTOOLS_EXCHANGE", "/srv/nbgrader/exchange")
STAAT = Path(_env("KLANTTOOLS_HUB_STAAT", "/var/lib/klanttools-hub"))
HIER = Path(__file__).resolve().parent
# Voor een Python buiten de systeemmappen (pyenv, conda); servers van gebruikers krijgen hem
# al mee (Spawner.env_keep), de service en de kopie van het lesmateriaal hier.
_LD = {"LD_LIBRARY_PATH": _env("LD_LIBRARY_PATH")} if _env("LD_LIBRARY_PATH") else {}


def _cursusmap() -> str:
    standaard = Path(pwd.getpwnam(DOCENT).pw_dir) / CURSUS
    return _env("KLANTTOOLS_CURSUSMAP", str(standaard))


# --- Waar de hub luistert ------------------------------------------------------
# Zet er in productie een reverse proxy met HTTPS voor (zie deploy/README.md), of geef
# c.JupyterHub.ssl_cert/ssl_key.
c.JupyterHub.ip = _env("KLANTTOOLS_HUB_IP", "")
c.JupyterHub.port = int(_env("KLANTTOOLS_HUB_POORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(_env("KLANTTOOLS_HUB_INTERN_POORT", "8081"))
c.JupyterHub.db_url = f"sqlite:///{STAAT / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STAAT / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STAAT / "jupyterhub.pid")
c.ConfigurableHTTPProxy.command = [str(VENV_BIN / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{_env('KLANTTOOLS_PROXY_API_POORT', '8001')}"
c.ConfigurableHTTPProxy.pid_file = str(STAAT / "jupyterhub-proxy.pid")

# --- Wie mag inloggen ---------------------------------------------------------
# PAM: het Unix-wachtwoord van de gebruiker. Alleen leden van de groepen; geen
# automatisch aangemaakte Unix-gebruikers (studenten maak je met deploy/installeer.sh).
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {STUDENTEN, DOCENTEN}
c.PAMAuthenticator.admin_groups = set()  # niemand is hub-beheerder via de hub zelf
c.PAMAuthenticator.open_sessions = False  # geen systemd-logind-sessie per server

# --- De server van elke gebruiker -------------------------------------------------
# LocalProcessSpawner: elke student draait JupyterLab als zijn eigen Unix-gebruiker, in
# zijn eigen (privé, 0700) thuismap.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.http_timeout = 60
c.Spawner.start_timeout = 120

_HUB = str(HIER / "jupyter-hub")  # exchange en veilige exchange-klassen (nbgrader)
_PAD_STUDENT = os.pathsep.join([str(HIER / "jupyter-student"), _HUB])
_PAD_DOCENT = os.pathsep.join([str(KIT / "jupyter" / "docent"), _HUB])


def _is_docent(spawner) -> bool:
    import grp

    try:
        return spawner.user.name in grp.getgrnam(DOCENTEN).gr_mem
    except KeyError:
        return False


def _config_pad(spawner) -> str:
    """Studenten: de exchange, Nederlands, geen docentmenu's. Docenten: ook de formgrader."""
    return _PAD_DOCENT if _is_docent(spawner) else _PAD_STUDENT


c.Spawner.environment = {
    "JUPYTER_CONFIG_PATH": _config_pad,
    "KLANTTOOLS_EXCHANGE": EXCHANGE,
    "KLANTTOOLS_CURSUS": CURSUS,
    "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",
}
# Het lesmateriaal uit de studentversie (lessen/, data/) komt bij de eerste start in de
# thuismap. De kopie draait als de student zelf, niet als root: root die in een map van een
# student schrijft, is te misleiden met symbolische links.
LESMATERIAAL = Path(_env("KLANTTOOLS_LESMATERIAAL", "/opt/klanttools/studentenversie/werkmap"))
_KOPIEER = """
import os, shutil, sys
bron = sys.argv[1]
for deel in ("lessen", "data"):
    doel = os.path.join(os.path.expanduser("~"), deel)
    if os.path.isdir(os.path.join(bron, deel)) and not os.path.lexists(doel):
        shutil.copytree(os.path.join(bron, deel), doel)
"""


def _lesmateriaal(spawner) -> None:
    import subprocess

    if _is_docent(spawner) or not LESMATERIAAL.is_dir():
        return
    p = pwd.getpwnam(spawner.user.name)
    subprocess.run(
        [str(VENV_BIN / "python"), "-c", _KOPIEER, str(LESMATERIAAL)],
        user=p.pw_uid,
        group=p.pw_gid,
        extra_groups=[],
        env={"HOME": p.pw_dir, "PATH": "/usr/bin:/bin", **_LD},
        cwd=p.pw_dir,
        check=True,
        timeout=60,
    )


c.Spawner.pre_spawn_hook = _lesmateriaal
c.Spawner.args = [
    f"--LabApp.app_settings_dir={KIT / 'jupyter' / 'lab' / 'settings'}",
]

# --- De formgrader: een service die als de docent draait ----------------------------
# Bereikbaar op /services/<cursus>/ (JupyterLab met de formgrader) voor de groep docenten.
# Alleen deze server mag zich in een frame van de eigen site laten tonen
# (frame-ancestors 'self'), zodat de formgrader in JupyterLab werkt; de hub en de servers
# van studenten houden 'none'. Direct: /services/<cursus>/formgrader in een eigen tabblad.
_FORMGRADER_POORT = int(_env("KLANTTOOLS_FORMGRADER_POORT", "9010"))
_CSP = {"headers": {"Content-Security-Policy": "frame-ancestors 'self'"}}
c.JupyterHub.services = [
    {
        "name": CURSUS,
        "display": True,
        "url": f"http://127.0.0.1:{_FORMGRADER_POORT}",
        "command": [
            str(VENV_BIN / "jupyterhub-singleuser"),
            f"--LabApp.app_settings_dir={KIT / 'jupyter' / 'lab' / 'settings'}",
            f"--ServerApp.tornado_settings={json.dumps(_CSP)}",
        ],
        "user": DOCENT,
        "cwd": _cursusmap(),
        "environment": {
            "JUPYTER_CONFIG_PATH": _PAD_DOCENT,
            "JUPYTERHUB_DEFAULT_URL": "/lab",
            "KLANTTOOLS_EXCHANGE": EXCHANGE,
            "KLANTTOOLS_CURSUS": CURSUS,
            "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",
            # Voor een Python buiten de systeemmappen (pyenv); de servers van gebruikers
            # krijgen LD_LIBRARY_PATH al mee (Spawner.env_keep).
            **_LD,
        },
        "oauth_no_confirm": True,
    }
]
c.JupyterHub.load_roles = [
    {
        "name": f"formgrader-{CURSUS}",
        "description": f"De formgrader van {CURSUS} gebruiken",
        "groups": [DOCENTEN],
        "scopes": [f"access:services!service={CURSUS}"],
    },
    {
        # nbgraders cursuslijst in de formgrader vraagt de hub welke services er zijn.
        "name": f"formgrader-service-{CURSUS}",
        "services": [CURSUS],
        "scopes": ["list:services", f"read:services!service={CURSUS}"],
    },
]


def _leden(groep: str) -> list[str]:
    import grp

    try:
        return sorted(grp.getgrnam(groep).gr_mem)
    except KeyError:
        return []


# De hub-groep docenten volgt de Unix-groep; na een nieuwe docent: hub herstarten.
c.JupyterHub.load_groups = {DOCENTEN: {"users": _leden(DOCENTEN)}}
