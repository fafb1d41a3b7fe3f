"""End to end in a real headless Chromium (Debian's package, driven by Playwright): the yearly evaluation from the
self-assessment to the decided form, a password reset through the outbox, scoping, and the pages at 375 px.

Screenshots of the main pages go to $PORTAL_SCREENSHOTS (default /tmp/portal-screenshots), outside the repository.
"""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.core import mail

from tests.evaluations.factories import evaluation_of, generated
from tests.training.factories import trained

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "Matkhau@2026"  # tests.factories.UserFactory's
SHOTS = Path(os.environ.get("PORTAL_SCREENSHOTS", "/tmp/portal-screenshots"))

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing: install Debian's chromium (./dev.sh test does it as root)", allow_module_level=True
    )

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the rule sets are migration data


@pytest.fixture
def browser(transactional_db):
    # Started after the database is set up: pytest sets up a module-scoped fixture before the test's database,
    # and once Playwright's event loop runs in this thread the serialized reference data was not restored on
    # PostgreSQL (ranks missing, then content types duplicated in every transactional test after it).
    # Playwright's synchronous API keeps an event loop in this thread, while the set-up's ORM calls stay
    # synchronous; allowed for this test only, so no later test (the deploy check) inherits it.
    saved = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield from _browser()
    finally:
        if saved is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = saved


def _browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser, live_server):
    """open(user) → a signed-in page in a 375 px wide phone-sized window; every request must stay on the server."""
    contexts = []
    outside = []

    def _open(user=None):
        context = browser.new_context(viewport={"width": 375, "height": 800}, locale="vi-VN", accept_downloads=True)
        context.set_default_timeout(15000)
        contexts.append(context)
        page = context.new_page()
        page.on("request", lambda r: None if r.url.startswith(live_server.url) else outside.append(r.url))
        if user is not None:
            page.goto(f"{live_server.url}/login/")
            page.fill("input[name=username]", user.username)
            page.fill("input[name=password]", PASSWORD)
            page.click("main button.primary")
            page.wait_for_url(f"{live_server.url}/")
        return page

    yield _open
    for context in contexts:
        context.close()
    assert outside == [], "requests left the machine"


def fits(page, name: str | None = None) -> None:
    """No horizontal scrolling at 375 px; a full-page screenshot of the main pages."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{page.url} is {width}px wide"
    if name:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def year_of(org):
    """Agency A's annual 2026 cycle, and the staff member's training in 2024 and 2025."""
    trained(org.admin, org.a.staff.employee, end=datetime.date(2024, 5, 10), periods=24, certify=True)
    trained(org.admin, org.a.staff.employee, end=datetime.date(2025, 9, 12), periods=40)
    cycle = generated(org.admin, org.a.unit)
    return evaluation_of(cycle, org.a.staff.employee)


def _self_assessment_to_decided_form(org, evaluation, phone, live_server):
    """Staff sees their periods and self-assesses; the manager reviews; the officer decides; staff gets the PDF."""
    staff = phone(org.a.staff)
    fits(staff, "01-trang-chu-chuyen-vien")
    staff.click("text=Hồ sơ của tôi")
    assert staff.locator("h1").inner_text() == org.a.staff.employee.full_name
    fits(staff, "02-ho-so")
    staff.goto(f"{live_server.url}/me/training/")
    periods = staff.locator("table.periods tbody tr")
    assert "2025" in periods.nth(1).inner_text() and "40" in periods.nth(1).inner_text()
    assert "2024" in periods.nth(2).inner_text() and "24" in periods.nth(2).inner_text()
    assert staff.locator("a[href^='/api/v1/training/verify/']").count() >= 1
    fits(staff, "03-dao-tao")

    staff.goto(f"{live_server.url}/me/evaluations/")
    fits(staff, "04-danh-sach-danh-gia")
    staff.click("text=Xem chi tiết")
    form = staff.locator("#step-submit_self_assessment form")
    for score in form.locator("input[name*='-score_']").all():
        score.fill("10")
    row = "submit_self_assessment-line-0-"
    form.locator(f"input[name={row}product]").fill("Báo cáo tổng kết công tác năm")
    for field in ("assigned", "done", "done_to_quality", "done_on_time"):
        form.locator(f"input[name={row}{field}]").fill("12")
    form.locator("textarea[name=submit_self_assessment-self_comment]").fill("Hoàn thành tốt các nhiệm vụ được giao.")
    sync_api.expect(form.locator("output[data-total]")).to_have_text("100.00")
    sync_api.expect(form.locator("output[data-rating]")).to_have_text("Hoàn thành xuất sắc nhiệm vụ")
    with staff.expect_response(lambda r: r.url.endswith("/preview/")):  # the live total of the last change
        form.locator("select[name=submit_self_assessment-self_rating]").select_option("HTTNV")
    fits(staff, "05-tu-danh-gia")
    form.locator("button.primary").click()
    sync_api.expect(staff.locator(".messages")).to_contain_text("Nộp bản tự đánh giá")
    evaluation.refresh_from_db()
    assert evaluation.status == "SELF_ASSESSED" and evaluation.total_score == 100

    manager = phone(org.a.manager)
    manager.click("text=Việc cần xử lý")
    fits(manager, "06-viec-can-xu-ly")
    manager.locator("table.tasks tr", has_text=org.a.staff.employee.full_name).locator(
        "a.chip", has_text="Ghi biên bản"
    ).click()
    minutes = manager.locator("#step-record_minutes form")
    minutes.locator("textarea").fill("Tập thể Phòng thống nhất nhận xét.")
    minutes.locator("input[type=date]").fill("2026-11-30")
    minutes.locator("button.primary").click()
    review = manager.locator("#step-review form")
    with manager.expect_response(lambda r: r.url.endswith("/preview/")):
        review.locator("textarea[name=review-manager_comment]").fill("Hoàn thành tốt nhiệm vụ.")
    fits(manager, "07-nhan-xet-danh-gia")
    review.locator("button.primary").click()
    sync_api.expect(manager.locator(".messages")).to_contain_text("Nhận xét, đánh giá của người quản lý")
    manager.goto(f"{live_server.url}/unit/")
    fits(manager, "08-don-vi")

    officer = phone(org.a.officer)
    officer.goto(f"{live_server.url}/cycles/{evaluation.cycle_id}/")
    fits(officer, "09-dot-danh-gia")
    officer.goto(f"{live_server.url}/evaluations/{evaluation.pk}/")
    propose = officer.locator("#step-propose form")
    propose.locator("select[name=propose-proposed_rating]").select_option("HTTNV")
    propose.locator("button.primary").click()
    sync_api.expect(officer.locator(".quota")).to_contain_text("Được phép")
    # Whoever proposed does not enter the decision: the province administration enters the head's.
    admin = phone(org.admin)
    admin.goto(f"{live_server.url}/evaluations/{evaluation.pk}/")
    decide = admin.locator("#step-decide form")
    decide.locator("input[name=decide-decision_number]").fill("125/QĐ-SNV")
    fits(admin, "10-quyet-dinh")
    decide.locator("button.primary").click()
    sync_api.expect(admin.locator(".messages")).to_contain_text("Quyết định xếp loại chất lượng")
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.final_rating) == ("DECIDED", "HTTNV")

    staff.goto(f"{live_server.url}/evaluations/{evaluation.pk}/")
    fits(staff, "11-phieu-da-quyet-dinh")
    with staff.expect_download() as download:
        staff.click("text=Tải phiếu đánh giá đã quyết định (PDF)")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")


def _password_reset_through_the_outbox(org, phone, live_server):
    user = org.a.staff
    user.email = "chuyenvien.snv@sonla.gov.vn"
    user.save()
    mail.outbox.clear()  # the journey's notices of each evaluation step are already in it
    page = phone()
    page.goto(f"{live_server.url}/")
    fits(page, "00-dang-nhap")
    page.click("text=Quên mật khẩu?")
    page.fill("input[name=email]", user.email)
    page.click("main button.primary")
    sync_api.expect(page.locator("h1")).to_have_text("Kiểm tra hộp thư")
    (message,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/password/reset/\S+/)", message.body).group(1)
    page.goto(live_server.url + link)
    page.fill("input[name=new_password1]", "Núi-rừng-Tây-Bắc-9")
    page.fill("input[name=new_password2]", "Núi-rừng-Tây-Bắc-9")
    fits(page, "12-dat-lai-mat-khau")
    page.click("main button.primary")
    sync_api.expect(page.locator("h1")).to_have_text("Đã đổi mật khẩu")
    page.click("main a.primary")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "Núi-rừng-Tây-Bắc-9")
    page.click("main button.primary")
    page.wait_for_url(f"{live_server.url}/")


def _another_agency_gets_404_on_agency_a_pages(org, evaluation, phone, live_server):
    page = phone(org.b.staff)
    for path in (
        f"/people/{org.a.staff.employee_id}/",
        f"/people/{org.a.staff.employee_id}/training/",
        f"/evaluations/{evaluation.pk}/",
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 404, path
        sync_api.expect(page.locator("h1")).to_have_text("Không tìm thấy")
    fits(page, "13-ngoai-pham-vi")


def test_the_portal_end_to_end(org, year_of, phone, live_server):
    """One set-up for the three journeys: the live server's data is committed, so each test would rebuild it."""
    _self_assessment_to_decided_form(org, year_of, phone, live_server)
    _another_agency_gets_404_on_agency_a_pages(org, year_of, phone, live_server)
    _password_reset_through_the_outbox(org, phone, live_server)  # last: it changes the staff member's password
