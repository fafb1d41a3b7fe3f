"""Load a small set of administrative units of Sơn La, before and after the 2025 rearrangement.

Districts ended on 30/6/2025 (Luật 72/2025/QH15); communes were merged by NQ 1681/NQ-UBTVQH15 (DOMAIN.md §6.7).
Which old communes formed which new ward is background knowledge [M], kept to a few illustrative mergers; the
full official list (with the statistics office's codes) is loaded the same way, as rows, when it is at hand.
Two provinces outside Sơn La that many hometowns name, merged by NQ 202/2025/QH15 [M], are included.
"""

import datetime

from django.db import migrations

OLD_END = datetime.date(2025, 6, 30)
NEW_START = datetime.date(2025, 7, 1)
UNITS_ACT = "NQ 1681/NQ-UBTVQH15"
PROVINCES_ACT = "NQ 202/2025/QH15"

PROVINCES = [
    # code, name, merged into (code), valid to
    ("SL", "tỉnh Sơn La", None, None),
    ("HY", "tỉnh Hưng Yên", None, None),
    ("NB", "tỉnh Ninh Bình", None, None),
    ("TB", "tỉnh Thái Bình", "HY", OLD_END),
    ("ND", "tỉnh Nam Định", "NB", OLD_END),
]
DISTRICTS = [
    ("SL-TPSL", "thành phố Sơn La"),
    ("SL-MC", "huyện Mộc Châu"),
    ("SL-TC", "huyện Thuận Châu"),
]
NEW_COMMUNES = [
    ("SL-P-TOHIEU", "phường Tô Hiệu"),
    ("SL-P-CHIENGCOI", "phường Chiềng Cơi"),
    ("SL-P-CHIENGSINH", "phường Chiềng Sinh"),
    ("SL-P-CHIENGAN", "phường Chiềng An"),
    ("SL-P-MOCCHAU", "phường Mộc Châu"),
    ("SL-P-THAONGUYEN", "phường Thảo Nguyên"),
    ("SL-X-THUANCHAU", "xã Thuận Châu"),
    ("SL-X-MUONGBAM", "xã Mường Bám"),
]
OLD_COMMUNES = [
    # code, name, district, merged into
    ("SL-TPSL-TOHIEU", "phường Tô Hiệu", "SL-TPSL", "SL-P-TOHIEU"),
    ("SL-TPSL-QUYETTHANG", "phường Quyết Thắng", "SL-TPSL", "SL-P-TOHIEU"),
    ("SL-TPSL-CHIENGLE", "phường Chiềng Lề", "SL-TPSL", "SL-P-TOHIEU"),
    ("SL-TPSL-CHIENGCOI", "phường Chiềng Cơi", "SL-TPSL", "SL-P-CHIENGCOI"),
    ("SL-TPSL-HUALA", "xã Hua La", "SL-TPSL", "SL-P-CHIENGCOI"),
    ("SL-TPSL-CHIENGSINH", "phường Chiềng Sinh", "SL-TPSL", "SL-P-CHIENGSINH"),
    ("SL-TPSL-CHIENGNGAN", "xã Chiềng Ngần", "SL-TPSL", "SL-P-CHIENGSINH"),
    ("SL-TPSL-CHIENGAN", "phường Chiềng An", "SL-TPSL", "SL-P-CHIENGAN"),
    ("SL-TPSL-CHIENGXOM", "xã Chiềng Xôm", "SL-TPSL", "SL-P-CHIENGAN"),
    ("SL-MC-TTMOCCHAU", "thị trấn Mộc Châu", "SL-MC", "SL-P-MOCCHAU"),
    ("SL-MC-MUONGSANG", "xã Mường Sang", "SL-MC", "SL-P-MOCCHAU"),
    ("SL-MC-TTNTMOCCHAU", "thị trấn Nông trường Mộc Châu", "SL-MC", "SL-P-THAONGUYEN"),
    ("SL-TC-TTTHUANCHAU", "thị trấn Thuận Châu", "SL-TC", "SL-X-THUANCHAU"),
    ("SL-TC-PHONGLAI", "xã Phổng Lái", "SL-TC", "SL-X-THUANCHAU"),
    # One of the seven communes that kept their name and boundaries: a new row under the province all the same.
    ("SL-TC-MUONGBAM", "xã Mường Bám", "SL-TC", "SL-X-MUONGBAM"),
]


def load(apps, schema_editor):
    Unit = apps.get_model("dossier", "AdministrativeUnit")
    by_code = {}
    for code, name, _merged, valid_to in PROVINCES:
        by_code[code] = Unit.objects.create(
            code=code, name=name, level="TINH", valid_to=valid_to, instrument=PROVINCES_ACT if valid_to else ""
        )
    for code, merged, valid_to in ((c, m, v) for c, _n, m, v in PROVINCES if m):
        Unit.objects.filter(pk=by_code[code].pk).update(merged_into=by_code[merged])
    son_la = by_code["SL"]
    for code, name in DISTRICTS:
        by_code[code] = Unit.objects.create(
            code=code, name=name, level="HUYEN", parent=son_la, valid_to=OLD_END, instrument="Luật 72/2025/QH15"
        )
    for code, name in NEW_COMMUNES:
        by_code[code] = Unit.objects.create(
            code=code, name=name, level="XA", parent=son_la, valid_from=NEW_START, instrument=UNITS_ACT
        )
    for code, name, district, merged in OLD_COMMUNES:
        Unit.objects.create(
            code=code,
            name=name,
            level="XA",
            parent=by_code[district],
            valid_to=OLD_END,
            merged_into=by_code[merged],
            instrument=UNITS_ACT,
        )


def unload(apps, schema_editor):
    Unit = apps.get_model("dossier", "AdministrativeUnit")
    codes = [row[0] for row in OLD_COMMUNES + NEW_COMMUNES + DISTRICTS] + [row[0] for row in PROVINCES]
    Unit.objects.filter(code__in=codes).update(merged_into=None)
    for level in ("XA", "HUYEN", "TINH"):
        Unit.objects.filter(code__in=codes, level=level).delete()


class Migration(migrations.Migration):
    dependencies = [("dossier", "0002_load_field_catalogue")]

    operations = [migrations.RunPython(load, unload)]
