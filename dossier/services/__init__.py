"""Writes to the dossier: every one a service checking its actor through the access modules."""
