"""The feed of people's dossiers to the national CBCCVC database (NĐ 27/2026/NĐ-CP): dossiers, changes, acks."""
