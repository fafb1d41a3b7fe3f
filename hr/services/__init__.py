"""Write paths of the personnel app: typed, atomic, validated before save."""
