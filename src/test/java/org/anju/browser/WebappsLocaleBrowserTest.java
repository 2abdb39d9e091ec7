package org.anju.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;

import java.util.regex.Pattern;

import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.support.BrowserWindow;
import org.anju.support.Chromium;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The webapps in the clerks' language: a browser set to Chinese sees Tasklist, Cockpit and Admin in
 * Chinese (Anju's locale files), the county's name instead of its tenant id, Camunda Forms' own messages
 * and date picker in Chinese, the township list of the start form narrowed to the chosen county, and no
 * end-of-life notice; a browser set to English sees the same pages in English. One Spring context, a
 * few page loads. Evidence of a failure goes to {@code target/browser/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// the webapps bind to the Spring context started last: a fresh one makes sure that is this one
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class WebappsLocaleBrowserTest {

  static final String TOWNSHIP_CLERK = "kltownship";
  static final String VERIFY_LI = "入户核验 Verify housing safety · 李建国 · 长崖子村";
  static final String VERIFICATION_DATE = "核验日期 Verification date";
  static final String VERIFIED_BY = "核验人 Verified by";

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium();

  @LocalServerPort
  int port;

  @Autowired
  TaskService taskService;

  BrowserWindow window;

  String base() {
    return "http://localhost:" + port;
  }

  @Test
  void aChineseBrowserSeesTasklistCockpitAndAdminInChinese() {
    ClockUtil.reset();
    org.assertj.core.api.Assertions.assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_VERIFY_HOUSING)
        .processVariableValueEquals(Vars.HEAD_NAME, "李建国").count()).isEqualTo(1);
    window = CHROMIUM.open("zh-CN");
    Page page = window.page();
    Tasklist tasklist = new Tasklist(page, base(), Tasklist.Words.ZH);

    // Tasklist: Chinese login, menus and buttons, Anju's filters, the county's name, no end-of-life notice
    tasklist.logIn(TOWNSHIP_CLERK, DemoUsers.PASSWORD);
    assertThat(page.getByText("启动流程", new Page.GetByTextOptions().setExact(true))).isVisible();
    tasklist.openFilter("我组的任务 My group's tasks");
    assertThat(page.locator(".task-filter").filter(new Locator.FilterOptions().setHasText("已逾期 Overdue"))).isVisible();
    assertThat(page.locator(".ce-eol-banner")).hasCount(0);
    assertThat(page.getByText("Camunda 8")).hasCount(0);
    Tasklist.TaskForm form = tasklist.openTask(VERIFY_LI);
    assertThat(page.locator(".task-card .tenant-id")).hasText("岢岚县");
    assertThat(tasklist.claimButton()).isVisible();
    tasklist.claim();

    // Camunda Forms: a required field left empty says so in Chinese
    form.fill(VERIFIED_BY, "王");
    form.field(VERIFIED_BY).fill("");
    form.field(VERIFIED_BY).press("Tab");
    assertThat(fieldOf(page, VERIFIED_BY).locator(".fjs-form-field-error")).hasText("必填项。");

    // the date picker: Chinese months and weekdays, yyyy-mm-dd, and a date it cannot read is refused, not changed
    Locator date = form.field(VERIFICATION_DATE);
    assertThat(date).hasAttribute("placeholder", "yyyy-mm-dd");
    date.click();
    assertThat(page.locator(".flatpickr-calendar.open .flatpickr-weekday").first()).hasText(Pattern.compile("\\s*一\\s*"));
    assertThat(page.locator(".flatpickr-calendar.open .flatpickr-monthDropdown-month").first()).hasText("一月");
    date.fill("12/01/2026");
    date.press("Tab");
    assertThat(fieldOf(page, VERIFICATION_DATE).locator(".anju-date-unreadable"))
        .hasText("无法识别日期“12/01/2026”，请按 yyyy-mm-dd 填写，例如 2026-03-31。");
    assertThat(date).hasValue("");
    date.fill("2026-12-01");
    date.press("Tab");
    assertThat(date).hasValue("2026-12-01");
    assertThat(fieldOf(page, VERIFICATION_DATE).locator(".anju-date-unreadable")).hasCount(0);

    // the registration start form: counties of the chosen city, townships of the chosen county
    page.getByText("启动流程", new Page.GetByTextOptions().setExact(true)).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("农户住房安全保障"))).first().click();
    Tasklist.TaskForm start = new Tasklist.TaskForm(page);
    start.choose("市 City", "忻州市 1409");
    start.choose("县(市、区) County", "岢岚县 140929");
    Locator modal = page.locator(".modal-content");
    modal.locator("label").filter(new Locator.FilterOptions().setHasText("乡镇 Township")).click();
    Locator townships = modal.locator(".fjs-dropdownlist-item");
    assertThat(townships.filter(new Locator.FilterOptions().setHasText("宋家沟镇 140929102"))).hasCount(1);
    assertThat(townships.filter(new Locator.FilterOptions().setHasText("鹅城镇"))).hasCount(0);
    assertThat(townships).hasCount((int) new org.anju.region.Divisions().childrenOf("140929").size());

    // Cockpit and Admin, as the administrator (who may use both)
    page.navigate(base() + "/camunda/app/cockpit/");
    logOutAndIn(page, "admin");
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("流程").setExact(true)).first()).isVisible();
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("人工任务").setExact(true)).first()).isVisible();
    assertThat(page.locator(".ce-eol-banner")).hasCount(0);
    page.navigate(base() + "/camunda/app/admin/default/#/users");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("用户列表"))).isVisible();
    assertThat(page.getByText("添加用户").first()).isVisible();
    assertThat(page.locator(".ce-eol-banner")).hasCount(0);
  }

  @Test
  void anEnglishBrowserSeesTheSamePagesInEnglish() {
    window = CHROMIUM.open("en-US");
    Page page = window.page();
    Tasklist tasklist = new Tasklist(page, base(), Tasklist.Words.EN);
    tasklist.logIn(TOWNSHIP_CLERK, DemoUsers.PASSWORD);
    assertThat(page.getByText("Start process", new Page.GetByTextOptions().setExact(true))).isVisible();
    tasklist.openFilter("我组的任务 My group's tasks");
    Tasklist.TaskForm form = tasklist.openTask(VERIFY_LI);
    assertThat(page.locator(".task-card .tenant-id")).hasText("岢岚县");
    assertThat(tasklist.claimButton()).isVisible();
    assertThat(page.locator(".ce-eol-banner")).hasCount(0);
    assertThat(form.field(VERIFICATION_DATE)).isVisible();

    logOutAndIn(page, "admin", base() + "/camunda/app/admin/default/#/users");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("List of Users"))).isVisible();
    page.navigate(base() + "/camunda/app/cockpit/");
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Human Tasks").setExact(true)).first()).isVisible();
  }

  /** The form-js field whose label starts with {@code label}. */
  static Locator fieldOf(Page page, String label) {
    return page.locator(".fjs-form-field").filter(new Locator.FilterOptions().setHas(page.locator("label", 
        new Page.LocatorOptions().setHasText(label))));
  }

  private void logOutAndIn(Page page, String user) {
    logOutAndIn(page, user, page.url());
  }

  /** Ends the webapps' session and logs in again as {@code user} at {@code url}. */
  private void logOutAndIn(Page page, String user, String url) {
    page.context().clearCookies();
    page.navigate(url);
    boolean chinese = !page.evaluate("navigator.languages[0]").toString().startsWith("en");
    page.getByPlaceholder(chinese ? "用户名" : "Username").fill(user);
    page.getByPlaceholder(chinese ? "密码" : "Password").fill(DemoUsers.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(chinese ? "登录" : "Log in")).click();
    assertThat(page.getByPlaceholder(chinese ? "密码" : "Password")).isHidden();
  }
}
