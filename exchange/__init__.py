"""Bulk data exchange: CSV/XLSX imports and exports across the personnel, training and reform records."""
