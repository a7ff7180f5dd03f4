"""Import and export of the dataset format (docs/dataset-format.md)."""

from claims.dataset.reader import (
    Dataset,
    DatasetError,
    dump_dataset,
    export_dataset,
    import_dataset,
    import_dataset_file,
    parse_dataset,
    read_dataset_file,
)

__all__ = [
    "Dataset",
    "DatasetError",
    "dump_dataset",
    "export_dataset",
    "import_dataset",
    "import_dataset_file",
    "parse_dataset",
    "read_dataset_file",
]
