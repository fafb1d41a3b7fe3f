"""Tests of CSV/XLSX imports and exports."""
