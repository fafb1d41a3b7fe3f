"""Demo data: a Sơn La–style province with its units, people, careers and one login per role.

`demo.province.seed_province` is the entry point (used by `manage.py seed_demo` and the
benchmarks); the other modules each hold one concept: the organisation chart as data
(`structure`), its insertion (`organisation`), names (`names`), posts (`staffing`), careers
(`careers`), people (`people`) and demo logins (`accounts`).
"""
