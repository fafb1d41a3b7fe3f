"""NĐ 171/2025/NĐ-CP: training of công chức from 01/7/2025; the yearly minimum stays one week, 40 periods (Điều 16.3).

It ends NĐ 101/2017's general row on 30/06/2025 and adds its own. The general row still covers viên chức, for whom
NĐ 101/2017 presumably applies with the same figure (DOMAIN.md §4.2, unconfirmed).

What counts toward the minimum for công chức: only the job-position programmes (Điều 16.3); the leadership
state-management programme is its own obligation within 12 months of appointment (Điều 16.2); political theory and
defence-security follow their own rules (Điều 16.1); a leader's periods teaching retraining courses count (Điều 3.4).
NĐ 101/2017's credit rows (every programme counts) stay for everyone else.
"""

import datetime

from rules.base import End, Instrument, Row

VALID_FROM = datetime.date(2025, 7, 1)
TEACHING_BASIS = (
    "NĐ 171/2025/NĐ-CP Điều 3.4: công chức lãnh đạo, quản lý giảng dạy các khóa bồi dưỡng được tính vào thời gian"
    " bồi dưỡng theo yêu cầu vị trí việc làm hằng năm"
)


def _credit(source: str, counts: bool, basis: str, holder: str = "ANY") -> Row:
    return Row(
        model="training.CreditRule",
        key={"source": source, "category": "CONG_CHUC", "holder": holder, "valid_from": VALID_FROM},
        values={"counts": counts, "legal_basis": basis},
    )


INSTRUMENT = Instrument(
    code="nd_171_2025",
    title="Nghị định 171/2025/NĐ-CP về đào tạo, bồi dưỡng công chức",
    ends=(
        End(
            model="training.PeriodMinimum", match={"category": "", "holder": "ANY"}, valid_to=datetime.date(2025, 6, 30)
        ),
    ),
    adds=(
        Row(
            model="training.PeriodMinimum",
            key={"category": "", "holder": "ANY", "valid_from": datetime.date(2025, 7, 1)},
            values={"min_periods": 40, "legal_basis": "NĐ 171/2025/NĐ-CP Điều 16.3: tối thiểu 01 tuần (40 tiết)/năm"},
        ),
        _credit(
            "JOB_POSITION",
            True,
            "NĐ 171/2025/NĐ-CP Điều 16.3: bồi dưỡng theo yêu cầu vị trí việc làm tối thiểu 01 tuần (40 tiết)/năm",
        ),
        _credit(
            "LEADERSHIP", False, "NĐ 171/2025/NĐ-CP Điều 16.2: bồi dưỡng QLNN cho lãnh đạo, quản lý là yêu cầu riêng"
        ),
        _credit("OTHER", False, "NĐ 171/2025/NĐ-CP Điều 16.1: LLCT, QP-AN theo quy định của cơ quan có thẩm quyền"),
        _credit("TEACHING", True, TEACHING_BASIS, holder="LEADER"),
    ),
)
