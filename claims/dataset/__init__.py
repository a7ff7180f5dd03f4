"""Import and export of the dataset format (docs/dataset-format.md).

An import is read and checked in full (``reader``), then written in one transaction through the
claims and sources services (``writer``): any error names the file and the place
(``claims[3] ("slug").attestations[1].quote``) and nothing is written. ``export`` writes the
ledger back out, in a stable order.
"""

from claims.dataset.export import dump_dataset, export_dataset
from claims.dataset.reader import read_dataset_file
from claims.dataset.records import DatasetError
from claims.dataset.writer import import_dataset_file

__all__ = [
    "DatasetError",
    "dump_dataset",
    "export_dataset",
    "import_dataset_file",
    "read_dataset_file",
]
