"""Read paths of the personnel app; each selector owns its joins and filters."""
