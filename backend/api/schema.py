"""OpenAPI generation: the error answers of every operation, ETags, and the contract a generated client reads."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.permissions import AllowAny

from backend.api.error_codes import error_schema
from backend.api.etags import ETagMixin

# The one error shape, with every registered refusal code listed (backend/api/error_codes.py).
ERROR_SCHEMA = error_schema()

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _null_in_model(field) -> bool:
    """True when a read-only serializer field reads a nullable column of its serializer's model."""
    if not isinstance(field, serializers.Field) or not field.read_only:
        return False
    if isinstance(field, serializers.ManyRelatedField):
        return False
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None or not field.source or "." in field.source or field.source == "*":
        return False
    try:
        return bool(model._meta.get_field(field.source).null)
    except FieldDoesNotExist:
        return False


class ErrorDocumentingAutoSchema(AutoSchema):
    """Adds 400/401/403/404/409/415/429 responses so clients (and schema fuzzers) know every answer."""

    def _get_serializer_field_meta(self, field, direction):
        meta = super()._get_serializer_field_meta(field, direction)
        if direction == "response" and not meta.get("nullable") and _null_in_model(field):
            # A read-only field declared on the serializer (e.g. `repeat_of`) answers null when the
            # model's column is empty, though the field itself was not declared allow_null.
            meta["nullable"] = True
        return meta

    def _etag_actions(self) -> tuple[bool, bool]:
        """(answers an ETag, honours If-Match) for this operation."""
        if not isinstance(self.view, ETagMixin):
            return False, False
        action = getattr(self.view, "action", None)
        writes = action in self.view.etag_writes and self.method in WRITE_METHODS
        return writes or (action in self.view.etag_reads and self.method == "GET"), writes

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self._etag_actions()[1]:
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    str,
                    OpenApiParameter.HEADER,
                    description=_("The ETag of the copy the change was made on; 412 when the record changed since."),
                )
            )
        return parameters

    def _error_component(self) -> dict:
        component = ResolvedComponent(name="Error", type=ResolvedComponent.SCHEMA, object="Error", schema=ERROR_SCHEMA)
        self.registry.register_on_missing(component)
        return component.ref

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction=direction)
        if direction != "response":
            return responses
        ref = self._error_component()
        public = any(isinstance(p, AllowAny) for p in self.view.get_permissions())
        codes = {"400": _("Invalid input (field-level messages)")}
        if not public:
            codes["401"] = _("Not signed in")
            codes["403"] = _("Your role may not do this")
        # Lists answer 404 for a page past the end, as DRF's paginator does; other reads take the
        # object they report on from the query (eligibility of `unit`, summary of `employee`).
        if "{" in self.path or public or self.method == "GET":
            codes["404"] = _("Not found or outside your scope")
        if self.method in WRITE_METHODS:
            codes["409"] = _("The record's state does not allow this")
            codes["415"] = _("The body's media type is not one this operation reads")
        if self.view.throttle_classes:
            codes["429"] = _("Too many requests")
        tagged, guarded = self._etag_actions()
        if guarded:
            codes["412"] = _("The record changed since the ETag given in If-Match")
        for code, description in codes.items():
            responses.setdefault(code, {"description": description, "content": {"application/json": {"schema": ref}}})
        if tagged and "200" in responses:
            responses["200"].setdefault("headers", {})["ETag"] = {
                "schema": {"type": "string"},
                "description": _("The version of the record; send it back in If-Match to change it safely."),
            }
        return responses


# ---------------------------------------------------------------------------------------------------
# The contract a generated client reads (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]).

# Headers a download answers with, documented on its 200 (operationId → header → description).
DOWNLOAD_HEADERS = {
    "evaluations_pdf_retrieve": {
        "ETag": "SHA-256 của tệp PDF, trong dấu ngoặc kép.",
        "X-Content-SHA256": "SHA-256 (hex) của tệp PDF trả về.",
        "X-Form-Verified": (
            "`true` khi phiếu đã quyết định dựng lại đúng bản đã lưu (khớp SHA-256), `false` khi không khớp; "
            "không có khi phiếu chưa quyết định."
        ),
        "X-Form-Status": (
            "`draft` khi phiếu đang mở, `issuing` khi đã quyết định nhưng bản PDF chính thức chưa lưu xong, `issued`."
        ),
    },
}
CONTENT_DISPOSITION = {"schema": {"type": "string"}, "description": 'attachment; filename="…"'}

# Vietnamese names of the resources (the first words of an operationId) and of the actions on them.
RESOURCES = {
    "accounts": "tài khoản",
    "auth_jwt": "mã đăng nhập (JWT)",
    "auth_users": "tài khoản của tôi",
    "base_salaries": "mức lương cơ sở",
    "commendations": "khen thưởng",
    "discipline_records": "quyết định kỷ luật",
    "dossier": "hồ sơ điện tử của một người",
    "dossier_administrative_units": "đơn vị hành chính (nơi sinh, quê quán)",
    "dossier_allowances": "phụ cấp",
    "dossier_family_members": "quan hệ gia đình",
    "dossier_fields": "danh mục trường hồ sơ",
    "dossier_job_positions": "vị trí việc làm của cơ quan",
    "dossier_position_holdings": "vị trí việc làm đã giữ",
    "dossier_proposals": "đề xuất cập nhật hồ sơ",
    "dossier_qualifications": "văn bằng, chứng chỉ",
    "employees": "hồ sơ cán bộ, công chức, viên chức",
    "evaluation_cycles": "đợt đánh giá",
    "evaluation_rule_sets": "bộ quy định đánh giá",
    "evaluations": "phiếu đánh giá",
    "exports": "tệp xuất",
    "imports": "nhập dữ liệu",
    "initiatives": "sáng kiến",
    "jobs": "tác vụ nền",
    "me": "của tôi",
    "notifications": "thông báo",
    "positions": "chức vụ",
    "ranks": "ngạch",
    "reform_appraisals": "thẩm định chỉ số cải cách hành chính",
    "reform_index_sets": "bộ chỉ số cải cách hành chính",
    "salary_scales": "bảng lương",
    "sync_acks": "xác nhận đồng bộ cơ sở dữ liệu quốc gia",
    "sync_changes": "thay đổi cần đồng bộ cơ sở dữ liệu quốc gia",
    "sync_overdue": "thay đổi quá hạn đồng bộ",
    "sync_people": "hồ sơ điện tử gửi cơ sở dữ liệu quốc gia",
    "training_certificates": "chứng chỉ bồi dưỡng",
    "training_classes": "lớp bồi dưỡng",
    "training_compliance": "kết quả bồi dưỡng bắt buộc",
    "training_content_areas": "lĩnh vực nội dung bồi dưỡng",
    "training_enrolments": "ghi danh bồi dưỡng",
    "training_programmes": "chương trình bồi dưỡng",
    "training_records": "quá trình bồi dưỡng",
    "training_tags": "chủ đề bồi dưỡng",
    "training_teaching": "việc giảng dạy bồi dưỡng",
    "training_verify": "xác minh chứng chỉ",
    "unit_ratings": "xếp loại đơn vị",
    "unit_rules_choices": "lựa chọn áp dụng quy định đánh giá cũ của đơn vị",
    "units": "đơn vị",
}
ACTIONS = {
    "list": "Danh sách {r}",
    "create": "Tạo {r}",
    "retrieve": "Xem {r}",
    "update": "Cập nhật {r}",
    "partial_update": "Sửa {r}",
    "destroy": "Xoá {r}",
    "history_list": "Lịch sử thay đổi {r}",
    "annul_create": "Huỷ bỏ {r} bằng quyết định sau",
}
# Operations whose name says more than resource + action.
SUMMARIES = {
    "auth_jwt_create_create": "Đăng nhập: nhận mã truy cập và mã làm mới",
    "auth_jwt_logout_create": "Đăng xuất: thu hồi mã làm mới",
    "auth_jwt_refresh_create": "Làm mới mã truy cập",
    "auth_jwt_verify_create": "Kiểm tra mã đăng nhập",
    "auth_users_me_retrieve": "Xem tài khoản của tôi",
    "auth_users_reset_password_create": "Yêu cầu đặt lại mật khẩu qua thư điện tử",
    "auth_users_reset_password_confirm_create": "Đặt mật khẩu mới bằng liên kết đã nhận",
    "auth_users_set_password_create": "Đổi mật khẩu",
    "commendations_eligibility_retrieve": "Danh hiệu, hình thức khen thưởng đủ điều kiện",
    "dossier_form_2c.pdf_retrieve": "Tải sơ yếu lý lịch Mẫu 2C (PDF)",
    "dossier_groups_retrieve": "Xem một nhóm dữ liệu hồ sơ",
    "dossier_groups_update": "Cập nhật một nhóm dữ liệu hồ sơ",
    "dossier_groups_history_list": "Lịch sử thay đổi một nhóm dữ liệu hồ sơ",
    "dossier_proposals_approve_create": "Duyệt đề xuất cập nhật hồ sơ",
    "dossier_proposals_reject_create": "Từ chối đề xuất cập nhật hồ sơ",
    "dossier_proposals_tasks_list": "Đề xuất cập nhật hồ sơ chờ tôi quyết định",
    "employees_assignments_list": "Quá trình công tác",
    "employees_salary_changes_create": "Ghi quyết định nâng bậc lương, chuyển ngạch",
    "employees_salary_history_list": "Quá trình lương",
    "employees_transfer_create": "Điều động, luân chuyển",
    "evaluation_cycles_forms.zip_retrieve": "Tải các phiếu đánh giá của đơn vị (ZIP)",
    "evaluation_cycles_forms_zip_retrieve": "Tải các phiếu đánh giá của đơn vị (ZIP)",
    "evaluation_cycles_generate_create": "Tạo phiếu đánh giá cho mọi người trong đơn vị",
    "evaluation_cycles_outstanding_units_create": "Ghi nhận cơ quan xuất sắc (tỷ lệ 25%)",
    "evaluations_allowed_actions_retrieve": "Các bước và trường được phép",
    "evaluations_amend_create": "Điều chỉnh phiếu đã quyết định (phiên bản mới)",
    "evaluations_pdf_retrieve": "Tải phiếu đánh giá (PDF)",
    "evaluations_transitions_create": "Thực hiện một bước quy trình đánh giá",
    "evaluations_statistics_retrieve": "Thống kê xếp loại theo đơn vị",
    "jobs_download_retrieve": "Tải kết quả của tác vụ nền",
    "me_evaluations_list": "Các phiếu đánh giá của tôi",
    "me_tasks_list": "Việc chờ tôi xử lý",
    "me_training_retrieve": "Quá trình bồi dưỡng của tôi",
    "reform_appraisals_appraised_scores_create": "Ghi điểm thẩm định",
    "reform_appraisals_evidence_create": "Đính kèm tài liệu kiểm chứng",
    "reform_appraisals_evidence_retrieve": "Tải tài liệu kiểm chứng",
    "reform_appraisals_publish_create": "Công bố kết quả thẩm định",
    "reform_appraisals_refresh_computed_create": "Tính lại các tiêu chí lấy từ dữ liệu",
    "reform_appraisals_return_create": "Trả lại bản tự đánh giá",
    "reform_appraisals_self_scores_create": "Ghi điểm tự đánh giá",
    "reform_appraisals_submit_create": "Gửi bản tự đánh giá để thẩm định",
    "reform_appraisals_survey_scores_create": "Ghi điểm điều tra xã hội học",
    "reform_appraisals_ranking_list": "Xếp hạng chỉ số cải cách hành chính",
    "reform_index_sets_copy_create": "Sao chép bộ chỉ số sang năm mới",
    "training_classes_attendance_create": "Điểm danh một buổi học",
    "training_classes_certificates_create": "Cấp chứng chỉ",
    "training_classes_enrol_create": "Ghi danh học viên",
    "training_classes_enrolments_list": "Danh sách học viên của lớp",
    "training_classes_results_create": "Ghi kết quả học tập",
    "training_classes_sessions_list": "Các buổi học của lớp",
    "training_classes_sessions_create": "Ghi một buổi học",
    "training_classes_status_create": "Chuyển trạng thái lớp",
    "training_compliance_list": "Kết quả bồi dưỡng bắt buộc theo người",
    "training_compliance_summary_retrieve": "Tổng hợp bồi dưỡng bắt buộc theo đơn vị",
    "training_enrolments_withdraw_create": "Rút tên khỏi lớp",
    "training_records_retrieve": "Quá trình bồi dưỡng của một người",
    "training_teaching_cancel_create": "Hủy bản ghi giảng dạy",
    "training_verify_retrieve": "Xác minh mã chứng chỉ (công khai)",
}
EXPORTS = {
    "employees": "danh sách cán bộ",
    "rating_distribution": "thống kê xếp loại",
    "training_compliance": "kết quả bồi dưỡng",
    "discipline_summary": "danh sách kỷ luật",
    "commendation_summary": "danh sách khen thưởng",
    "reform_ranking": "xếp hạng cải cách hành chính",
    "dossier_qualifications": "văn bằng, chứng chỉ",
    "dossier_family": "quan hệ gia đình",
    "dossier_positions": "vị trí việc làm đã giữ",
    "dossier_allowances": "phụ cấp",
}
IMPORTS = {
    "employees": "hồ sơ cán bộ",
    "training_results": "kết quả bồi dưỡng",
    "discipline": "quyết định kỷ luật",
    "commendations": "khen thưởng",
    "dossier_qualifications": "văn bằng, chứng chỉ",
    "dossier_family": "quan hệ gia đình",
    "dossier_positions": "vị trí việc làm đã giữ",
    "dossier_allowances": "phụ cấp",
}
METHOD_VERBS = {"get": "Xem", "post": "Gửi", "put": "Cập nhật", "patch": "Sửa", "delete": "Xoá"}


def _resource(operation_id: str) -> tuple[str, str]:
    """The longest known resource prefix of an operationId, and the rest (the action)."""
    for key in sorted(RESOURCES, key=len, reverse=True):
        if operation_id == key or operation_id.startswith(key + "_"):
            return key, operation_id[len(key) + 1 :]
    return "", operation_id


def operation_summary(operation_id: str, method: str, path: str) -> str:
    """A short Vietnamese name for an operation (Swagger's line, a generated client's docstring)."""
    if operation_id in SUMMARIES:
        return SUMMARIES[operation_id]
    resource, rest = _resource(operation_id)
    if resource == "exports":
        name = rest.rpartition("_")[0]
        csv = name.endswith("_csv")
        name = name.removesuffix("_csv")
        return f"Xuất {EXPORTS.get(name, name.replace('_', ' '))} ({'CSV' if csv else 'XLSX'})"
    if resource == "imports":
        return f"Nhập {IMPORTS.get(rest.removesuffix('_create'), rest)} từ tệp CSV, XLSX"
    if resource and rest in ACTIONS:
        return ACTIONS[rest].format(r=RESOURCES[resource])
    noun = RESOURCES.get(resource) or path.removeprefix("/api/v1/").strip("/")
    detail = rest.removesuffix("_" + rest.rsplit("_", 1)[-1]).replace("_", " ") if "_" in rest else ""
    return f"{METHOD_VERBS.get(method, method.upper())} {noun}" + (f" ({detail})" if detail else "")


# Filters whose choices are data (the workflow states), typed with the component of the same values.
PARAMETER_ENUMS = {
    ("evaluations_list", "status"): "EvaluationStatus",
    ("me_evaluations_list", "status"): "EvaluationStatus",
    ("me_tasks_list", "status"): "EvaluationStatus",
}


def _ascii_parameter(parameter: dict) -> None:
    """A parameter's schema loses its `title` (a Vietnamese filter label), which generators turn into
    class names (`AccountsListVaiTrÒ`); the label stays in the parameter's description."""
    for schema in (parameter.get("schema", {}), parameter.get("schema", {}).get("items", {})):
        title = schema.pop("title", None)
        if title and not parameter.get("description"):
            parameter["description"] = title


def _shared_enum(schema: dict, enums: dict) -> None:
    """An inline parameter enum with the same values as a component becomes a reference to it."""
    for key in ("schema", "items"):
        inner = schema.get(key)
        if isinstance(inner, dict) and "enum" in inner:
            name = enums.get(frozenset(map(str, inner["enum"])))
            if name:
                description = inner.get("description")
                schema[key] = {"$ref": f"#/components/schemas/{name}"}
                if description:
                    schema[key]["description"] = description
        if isinstance(inner, dict):
            _shared_enum(inner, enums)


def postprocess_contract(result, generator, request, public):
    """The schema as a generated client wants it (one pass over the generated document)."""
    schemas = result.get("components", {}).get("schemas", {})
    enums = {
        frozenset(map(str, c["enum"])): name for name, c in schemas.items() if "enum" in c and None not in c["enum"]
    }
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            operation_id = operation["operationId"]
            for parameter in operation.get("parameters", []):
                _ascii_parameter(parameter)
                _shared_enum(parameter, enums)
                component = PARAMETER_ENUMS.get((operation_id, parameter["name"]))
                if component and component in schemas:
                    inner = parameter["schema"]
                    target = inner if inner.get("type") == "array" else parameter
                    target["items" if target is inner else "schema"] = {"$ref": f"#/components/schemas/{component}"}
            summary = operation_summary(operation_id, method, path)
            operation["summary"] = summary
            english = (operation.get("description") or "").strip()
            operation["description"] = f"{summary}." + (f"\n\n{english}" if english else "")
            for code, response in operation.get("responses", {}).items():
                if code[0] in "45" and "content" not in response:
                    # A refusal documented by its description only still answers the one error shape.
                    response["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
            ok = operation.get("responses", {}).get("200", {})
            if any(key != "application/json" for key in ok.get("content", {})):
                headers = ok.setdefault("headers", {})
                headers.setdefault("Content-Disposition", CONTENT_DISPOSITION)
                for name, description in DOWNLOAD_HEADERS.get(operation_id, {}).items():
                    headers[name] = {"schema": {"type": "string"}, "description": description}
    return result
