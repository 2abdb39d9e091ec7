package org.anju.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.anju.support.BrowserWindow;
import org.anju.support.Chromium;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The city supervisor of 忻州市 opens Cockpit with a real browser (Debian's headless Chromium): the start
 * page shows the "住房安全保障 Housing security" plugin with both demo counties, read from Anju's API
 * with the Cockpit session; a stuck case's link opens its process instance in Cockpit.
 *
 * <p>On a failure, {@code target/browser/} receives a screenshot, the page's HTML, the browser's
 * console errors and a Playwright trace of the failed test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// The webapps resolve their filters through the Spring context started last (a static of the starter):
// a fresh context makes sure that is this one, whatever other test classes started before.
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class CockpitDashboardBrowserTest {

  static final String PLUGIN = "住房安全保障 Housing security";

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium();

  @LocalServerPort
  int port;

  @Autowired
  TaskService taskService;

  BrowserWindow browserWindow;
  Page page;

  @BeforeEach
  void openBrowserWindow() {
    ClockUtil.reset();
    browserWindow = CHROMIUM.open();
    page = browserWindow.page();
  }

  @Test
  void citySupervisorSeesHousingSecurityOnCockpitsStartPageAndOpensAStuckCase() {
    // Given: the demo data's 王秀英 waits at identification, four days past its due date
    Task late = taskService.createTaskQuery().processVariableValueEquals(Vars.HEAD_NAME, "王秀英").singleResult();
    assertThat(late).as("demo household 王秀英").isNotNull();
    String caseId = late.getProcessInstanceId();

    // When: the city supervisor logs in to Cockpit
    page.navigate("http://localhost:" + port + "/camunda/app/cockpit/");
    page.getByPlaceholder("用户名").fill("xzsupervisor");
    page.getByPlaceholder("密码").fill(DemoUsers.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();

    // Then: the start page shows the plugin with both demo counties and the city
    Locator plugin = page.locator("section.anju-hs");
    PlaywrightAssertions.assertThat(plugin.getByText(PLUGIN)).isVisible();
    Locator counties = plugin.locator("table.anju-progress-county");
    PlaywrightAssertions.assertThat(counties.locator("tr[data-code='140929']")).containsText("岢岚县");
    PlaywrightAssertions.assertThat(counties.locator("tr[data-code='140926']")).containsText("静乐县");
    PlaywrightAssertions.assertThat(plugin.locator("table.anju-progress-city tr[data-code='1409']"))
        .containsText("忻州市");
    PlaywrightAssertions.assertThat(plugin.locator("ul.anju-risks")).containsText("岢岚县");

    // When: the supervisor clicks 王秀英 among the stuck cases
    Locator stuckCase = plugin.locator("table.anju-stuck").getByRole(AriaRole.LINK,
        new Locator.GetByRoleOptions().setName(Pattern.compile("王秀英")));
    PlaywrightAssertions.assertThat(stuckCase).hasAttribute("href", "#/process-instance/" + caseId + "/runtime");
    stuckCase.click();

    // Then: Cockpit's own process-instance page opens on that case
    PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile(".*#/process-instance/" + caseId + "/runtime.*"));
    PlaywrightAssertions.assertThat(page.getByText(caseId).first()).isVisible();
    PlaywrightAssertions.assertThat(plugin).isHidden();
    assertThat(browserWindow.errors()).as("browser errors").noneMatch(error -> error.contains("/api/progress"));
  }
}
