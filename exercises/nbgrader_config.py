"""nbgrader-instellingen van de cursus Inleiding Sales (klanttools).

nbgrader leest dit bestand als je een nbgrader-opdracht geeft vanuit deze map
(``exercises/``). Uitleg per instelling staat erbij; de werkwijze staat in
``exercises/README.md``.
"""

from pathlib import Path

import nbgrader
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import GetGrades

from klanttools.nakijken.docent import WAARSCHUWINGSPATROON, FeedbackZonderAntwoorden

c = get_config()  # noqa: F821 (nbgrader geeft get_config mee)

# De cursus. De cijferdatabase gradebook.db komt in deze map (en nooit in git).
c.CourseDirectory.course_id = "inleiding-sales"

# --- Studentversie (nbgrader generate_assignment) -----------------------------
# Nederlandse tekst op de plek van de modeloplossing.
c.ClearSolutions.code_stub = {
    "python": (
        "# SCHRIJF HIER JE ANTWOORD (en haal de regel hieronder weg)\n"
        'raise NotImplementedError("Nog geen antwoord: vervang deze regel door je eigen code.")'
    )
}
c.ClearSolutions.text_stub = "_Schrijf hier je antwoord._"

# --- Nakijken (nbgrader autograde) ---------------------------------------------
# Een waarschuwing van pandas of seaborn (stderr) is geen fout: zonder deze regel
# geeft nbgrader een testcel 0 punten zodra er iets op stderr staat.
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = WAARSCHUWINGSPATROON

# Heeft een student een testcel verwijderd, dan zet nbgrader hem terug en voert hem uit
# (zonder deze regel blijft de cel weg en moet je hem met de hand beoordelen).
c.OverwriteCells.add_missing_cells = True
c.OverwriteCells.missing_cell_notification = (
    "Deze cel ({cell_id}) ontbrak in het ingeleverde notebook en is bij het nakijken "
    "teruggezet.\n\n"
)

# Ruim de tijd per cel (het laden van pandas kost op een trage laptop een paar seconden).
c.Execute.timeout = 120

# --- Feedback (nbgrader generate_feedback) -------------------------------------
# nbgrader laat in de feedback standaard de verborgen tests en het beoordelingsmodel
# zien. FeedbackZonderAntwoorden haalt ze weg, en kort foutmeldingen in testcellen in
# tot de Nederlandse melding.
c.GenerateFeedback.preprocessors = [
    GetGrades,
    FeedbackZonderAntwoorden,
    CSSHTMLHeaderPreprocessor,
]
# Nederlandse koppen in de feedback ("Jouw antwoord", "2 van 2 punten", ...): het sjabloon
# in sjablonen/feedback_nl breidt dat van nbgrader uit. Zet je template_name, dan moet
# je ook nbgraders eigen sjabloonmap noemen (nbgrader doet dat dan niet meer zelf).
_HIER = Path(__file__).resolve().parent
_NBGRADER_SJABLONEN = (
    Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
)
c.HTMLExporter.template_name = "feedback_nl"
c.HTMLExporter.template_file = "feedback_nl.html.j2"
c.HTMLExporter.extra_template_basedirs = [str(_HIER / "sjablonen"), str(_NBGRADER_SJABLONEN)]

# --- Inleveringen uit de elektronische leeromgeving (nbgrader zip_collect) -----
# Vraag studenten hun notebook in te leveren als <studentnummer>_nps-analyse.ipynb.
# De naam die Brightspace of Canvas ervoor zet (naam, inlevernummer, datum) maakt
# niet uit: het studentnummer is het getal direct voor _nps-analyse.ipynb.
c.ZipCollectApp.collector_plugin = "nbgrader.plugins.FileNameCollectorPlugin"
c.FileNameCollectorPlugin.named_regexp = (
    r".*?(?P<student_id>\d{5,9})_(?P<file_id>[A-Za-z0-9-]+\.ipynb)$"
)

# --- Valideren (nbgrader validate) ---------------------------------------------
# Let op: 'nbgrader validate' eindigt altijd met exitcode 0, ook als tests falen.
# Gebruik in scripts: python -m klanttools.nakijken valideer NOTEBOOK
c.Validator.failed_warning = (
    "VALIDATIE MISLUKT OP {num_failed} CEL(LEN)! Lever je zo in, dan krijg je voor "
    "die vragen geen punten.\n"
)
c.Validator.changed_warning = (
    "DE INHOUD VAN {num_changed} TESTCEL(LEN) IS VERANDERD! Bij het nakijken worden de "
    "oorspronkelijke tests gebruikt.\n"
)
c.Validator.type_changed_warning = (
    "HET SOORT VAN {num_changed} CEL(LEN) IS VERANDERD (code of tekst)! Zet ze terug.\n"
)
