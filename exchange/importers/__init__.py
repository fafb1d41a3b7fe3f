"""Importers by kind of record; each validates a whole file before writing any of it."""

from exchange.importers.base import Importer, ImportResult, Progress, no_progress
from exchange.importers.commendations import CommendationImporter
from exchange.importers.discipline import DisciplineImporter
from exchange.importers.dossier import DOSSIER_IMPORTERS
from exchange.importers.dossier_groups import GROUP_IMPORTERS
from exchange.importers.employees_fast import FastEmployeeImporter
from exchange.importers.training import TrainingResultImporter

IMPORTERS: dict[str, type[Importer]] = {
    importer.kind: importer
    for importer in (
        FastEmployeeImporter,
        TrainingResultImporter,
        DisciplineImporter,
        CommendationImporter,
        *DOSSIER_IMPORTERS,
        *GROUP_IMPORTERS,
    )
}

__all__ = ["IMPORTERS", "ImportResult", "Importer", "Progress", "no_progress"]
