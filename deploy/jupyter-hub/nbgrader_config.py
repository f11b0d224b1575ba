"""nbgrader op de hub: de exchange en de veilige exchange-klassen (voor iedereen).

JupyterHub zet deze map in JUPYTER_CONFIG_PATH van elke server (en van de formgrader);
de cursus zelf (nakijken, feedback) staat in nbgrader_config.py van de cursusmap.

Meer cursussen op één server: geef elke student de cursussen via
``c.CourseDirectory.course_id`` weg te laten en ``c.Exchange.path_includes_course = True``
te zetten; zie deploy/README.md (Meer cursussen).
"""

import os

c = get_config()  # noqa: F821

c.Exchange.root = os.environ.get("KLANTTOOLS_EXCHANGE", "/srv/nbgrader/exchange")
c.CourseDirectory.course_id = os.environ.get("KLANTTOOLS_CURSUS", "inleiding-sales")
# Geen student_id: nbgrader submit gebruikt de Unix-naam van wie inlevert.

# Een exchange die niet voor iedereen schrijfbaar is, inleveringen alleen voor de student en
# de docenten (0770), en geen inlevering op naam van een ander (zie klanttools.hub).
from klanttools.hub.nbgrader_exchange import KLASSEN  # noqa: E402

for _handeling, _klasse in KLASSEN.items():
    setattr(c.ExchangeFactory, _handeling, _klasse)
