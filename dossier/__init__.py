"""The personnel dossier of NĐ 27/2026/NĐ-CP: ten data groups, Mẫu 2C, self-updates by proposal."""
