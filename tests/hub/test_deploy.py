"""De bestanden in deploy/ zonder server: laden, kloppen met elkaar, geldige YAML en JSON.

De live test (JupyterHub met echte gebruikers) staat in ``test_hub_klas.py``; deze tests
draaien overal en snel.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from traitlets.config import PyFileConfigLoader

MAP = Path(__file__).resolve().parents[2]
DEPLOY = MAP / "deploy"


@pytest.fixture
def hubconfig(monkeypatch):
    """deploy/jupyterhub_config.py geladen zoals JupyterHub dat doet."""
    import pwd

    monkeypatch.setenv("KLANTTOOLS_DOCENT", pwd.getpwuid(os.getuid()).pw_name)
    monkeypatch.setenv("KLANTTOOLS_CURSUS", "inleiding-sales")
    monkeypatch.setenv("KLANTTOOLS_FORMGRADER_POORT", "9123")
    loader = PyFileConfigLoader("jupyterhub_config.py", path=str(DEPLOY))
    return loader.load_config()


def test_hub_is_standaard_veilig_ingesteld(hubconfig):
    c = hubconfig
    assert c.JupyterHub.authenticator_class == "pam"
    assert c.PAMAuthenticator.allowed_groups == {"studenten", "docenten"}
    assert c.PAMAuthenticator.admin_groups == set()
    assert c.JupyterHub.spawner_class == "localprocess"
    assert c.JupyterHub.hub_ip == "127.0.0.1"
    assert c.ConfigurableHTTPProxy.command[0].endswith("configurable-http-proxy")


def test_formgrader_is_een_service_alleen_voor_docenten(hubconfig):
    (service,) = hubconfig.JupyterHub.services
    assert service["name"] == "inleiding-sales"
    assert service["url"] == "http://127.0.0.1:9123"
    assert service["cwd"].endswith("/inleiding-sales")
    assert any("frame-ancestors 'self'" in deel for deel in service["command"])
    rollen = {r["name"]: r for r in hubconfig.JupyterHub.load_roles}
    rol = rollen["formgrader-inleiding-sales"]
    assert rol["groups"] == ["docenten"]
    assert rol["scopes"] == ["access:services!service=inleiding-sales"]


def test_studenten_en_docenten_krijgen_hun_eigen_instellingen(hubconfig):
    pad = hubconfig.Spawner.environment["JUPYTER_CONFIG_PATH"]
    assert callable(pad)
    paginaconfig = json.loads(
        (DEPLOY / "jupyter-student" / "labconfig" / "page_config.json").read_text()
    )
    uit = paginaconfig["disabledExtensions"]
    assert uit["@jupyter/nbgrader:formgrader"] is True
    assert uit["@jupyter/nbgrader"] is False  # het tabblad Assignments blijft
    server = json.loads((DEPLOY / "jupyter-student" / "jupyter_server_config.json").read_text())
    assert (
        server["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is False
    )


def test_nbgrader_config_van_de_hub_zet_de_veilige_exchange(monkeypatch):
    monkeypatch.setenv("KLANTTOOLS_EXCHANGE", "/srv/x")
    c = PyFileConfigLoader("nbgrader_config.py", path=str(DEPLOY / "jupyter-hub")).load_config()
    from klanttools.hub.nbgrader_exchange import KLASSEN

    assert c.Exchange.root == "/srv/x"
    assert set(KLASSEN) == {
        "release_assignment",
        "fetch_assignment",
        "submit",
        "collect",
        "release_feedback",
        "fetch_feedback",
        "list",
    }
    for handeling, klasse in KLASSEN.items():
        assert c.ExchangeFactory[handeling] is klasse


def test_installeerscript_en_systemd_unit_passen_bij_elkaar():
    script = (DEPLOY / "installeer.sh").read_text(encoding="utf-8")
    unit = (DEPLOY / "klanttools-hub.service").read_text(encoding="utf-8")
    assert subprocess.run(["bash", "-n", str(DEPLOY / "installeer.sh")]).returncode == 0
    assert os.access(DEPLOY / "installeer.sh", os.X_OK)
    assert "EnvironmentFile=/etc/klanttools/hub.env" in unit and "ETC=/etc/klanttools" in script
    exec_start = re.search(r"^ExecStart=(\S+) -f (\S+)$", unit, re.M)
    assert (
        exec_start[1] == "/opt/klanttools/venv/bin/jupyterhub" and 'VENV="$PREFIX/venv"' in script
    )
    assert exec_start[2] == "/opt/klanttools/kit/deploy/jupyterhub_config.py"
    assert not re.search(r"chmod\s+(-R\s+)?0?777", script)


def test_installeerscript_weigert_een_ongeldige_studentnaam(tmp_path):
    """Het stuk dat studenten toevoegt, zonder root: een foute naam geeft een Nederlandse fout."""
    csv = tmp_path / "studenten.csv"
    csv.write_text("naam,wachtwoord\n500123,geheim\n", encoding="utf-8")
    venv = tmp_path / "venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "python").symlink_to(sys.executable)
    script = (DEPLOY / "installeer.sh").read_text(encoding="utf-8")
    script = script.replace('[ "$(id -u)" -eq 0 ] ||', "true ||").replace(
        'VENV="$PREFIX/venv"', f'VENV="{venv.parent}"'
    )
    kopie = tmp_path / "installeer.sh"
    kopie.write_text(script, encoding="utf-8")
    uit = subprocess.run(
        ["bash", str(kopie), "studenten", str(csv)], capture_output=True, text=True
    )
    assert uit.returncode == 1
    assert "regel 2: '500123' is geen geldige gebruikersnaam" in uit.stderr


def test_k8s_values_zijn_geldige_yaml_met_de_gemeten_grenzen():
    values = yaml.safe_load((DEPLOY / "k8s" / "values.yaml").read_text(encoding="utf-8"))
    assert values["singleuser"]["memory"] == {"guarantee": "512M", "limit": "1G"}
    assert values["cull"]["enabled"] is True
    assert values["hub"]["networkPolicy"]["enabled"] is True
    assert "ngshare" in values["hub"]["extraConfig"]["10-klanttools"]
    compile(values["hub"]["extraConfig"]["10-klanttools"], "10-klanttools", "exec")


def test_k8s_samenvoegen_zoals_helm():
    sys.path.insert(0, str(DEPLOY / "k8s"))
    try:
        from valideer_values import samengevoegd
    finally:
        sys.path.pop(0)
    assert samengevoegd({"a": {"b": 1, "c": 2}}, {"a": {"b": 3}}) == {"a": {"b": 3, "c": 2}}
