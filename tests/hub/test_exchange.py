"""klanttools.hub.exchange zonder root: de eigenaarscontrole en de controle van de modi."""

from __future__ import annotations

import os
import pwd

import pytest

from klanttools.hub.exchange import MODI, Inlevering, eigenaar_klopt, problemen

IK = pwd.getpwuid(os.getuid()).pw_name


def _inlevering(tmp_path, student: str):
    pad = tmp_path / "inbound" / f"{student}+opdracht1-nps+2026-12-07 10:00:00 UTC+AbC"
    pad.mkdir(parents=True)
    (pad / "nps-analyse.ipynb").write_text("{}")
    return Inlevering.van(pad)


def test_eigen_inlevering_klopt(tmp_path):
    assert eigenaar_klopt(_inlevering(tmp_path, IK)) is None


def test_inlevering_op_naam_van_een_ander_klopt_niet(tmp_path):
    ander = next(p.pw_name for p in pwd.getpwall() if p.pw_uid != os.getuid())
    reden = eigenaar_klopt(_inlevering(tmp_path, ander))
    assert reden == f"de map is gemaakt door gebruiker '{IK}', niet door '{ander}'"


def test_inlevering_van_een_onbekende_gebruiker(tmp_path):
    reden = eigenaar_klopt(_inlevering(tmp_path, "ktbestaatniet"))
    assert reden == "er bestaat geen gebruiker 'ktbestaatniet' op deze server"


def test_gebruikersnaam_met_plus_teken():
    assert Inlevering.van("in/a+b+opdracht+2026-12-07 10:00:00 UTC+x").student == "a+b"


@pytest.mark.parametrize("map_", ["root", "inbound"])
def test_problemen_noemt_een_verkeerde_modus(tmp_path, map_):
    paden = {"root": tmp_path, "cursus": tmp_path / "c"}
    for naam in ("outbound", "inbound", "feedback"):
        paden[naam] = tmp_path / "c" / naam
    for naam, pad in paden.items():
        pad.mkdir(exist_ok=True)
        pad.chmod(MODI[naam])
    assert problemen(tmp_path, "c") == []
    paden[map_].chmod(0o777)
    assert problemen(tmp_path, "c") == [f"{paden[map_]} heeft modus 777; verwacht {MODI[map_]:o}."]
