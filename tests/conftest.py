"""Gedeelde fixtures voor de hele testsuite.

Testuitvoer die je wilt kunnen bekijken (notebooktijden, schermafdrukken uit de
browsertests) komt in de tijdelijke map van pytest, niet in de checkout: een testrun laat
de repository zoals hij was. Wie de bestanden wil bewaren (bijvoorbeeld om
``docs/screenshots/`` te vernieuwen) zet ``KLANTTOOLS_TESTUITVOER`` op een map.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

_OMGEVINGSVARIABELE = "KLANTTOOLS_TESTUITVOER"


def _testuitvoer(config: pytest.Config) -> Path:
    eigen = os.environ.get(_OMGEVINGSVARIABELE)
    if eigen:
        return Path(eigen).resolve()
    return config._tmp_path_factory.getbasetemp() / "test-uitvoer"  # type: ignore[attr-defined]


def pytest_report_header(config: pytest.Config) -> str:
    return f"testuitvoer (notebooktijden, schermafdrukken): {_testuitvoer(config)}"


@pytest.fixture(scope="session")
def testuitvoer(pytestconfig: pytest.Config) -> Path:
    """De map voor testuitvoer om te bekijken; bestaat na het opvragen."""
    map_ = _testuitvoer(pytestconfig)
    map_.mkdir(parents=True, exist_ok=True)
    return map_


# Hypothesis: geen deadline per voorbeeld. Op een gedeelde machine met twee kernen (CI,
# notebooks en een browser tegelijk) zegt de duur van één voorbeeld niets over de code en
# gaf de standaard van 200 ms vals alarm. Snelheid meten de scripts in benchmarks/.
# Het aantal voorbeelden blijft de standaard (of wat een test zelf kiest); een gevonden
# fout wordt met een reproduceerbare @reproduce_failure-regel gemeld.
settings.register_profile("klanttools", deadline=None, print_blob=True)
settings.load_profile("klanttools")
