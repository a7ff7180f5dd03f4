"""The rules of the ledger, pure Python over plain data: values and their shapes, where a quote
stands in a text, verdicts, and the sums of composite claims."""
