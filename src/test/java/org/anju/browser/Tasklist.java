package org.anju.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Camunda Tasklist as a clerk uses it: found by what the clerk reads on the screen (placeholders,
 * labels, link and button texts), never by generated ids. Every step waits for the page to show its
 * effect, because Tasklist (AngularJS) and the Camunda Form (form-js) render asynchronously.
 */
final class Tasklist {

  /** The words of Tasklist's own buttons and fields, in the language the browser asks for. */
  record Words(String username, String password, String logIn, String claim, String complete) {
    static final Words ZH = new Words("用户名", "密码", "登录", "认领", "完成");
    static final Words EN = new Words("Username", "Password", "Log in", "Claim", "Complete");
  }

  private final Page page;
  private final String baseUrl;
  private final Words words;

  /** Tasklist as the clerks' browsers show it: in Chinese. */
  Tasklist(Page page, String baseUrl) {
    this(page, baseUrl, Words.ZH);
  }

  Tasklist(Page page, String baseUrl, Words words) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.words = words;
  }

  /** Opens Tasklist, which shows its login page, and logs in. */
  void logIn(String user, String password) {
    page.navigate(baseUrl + "/camunda/app/tasklist/");
    Locator name = page.getByPlaceholder(words.username());
    Locator secret = page.getByPlaceholder(words.password());
    // the login form may be rendered again once the locale has loaded: fill until both fields hold their value
    for (int tries = 0; tries < 5; tries++) {
      name.fill(user);
      secret.fill(password);
      if (user.equals(name.inputValue()) && password.equals(secret.inputValue())) {
        break;
      }
      page.waitForTimeout(300);
    }
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.logIn())).click();
    assertThat(page.getByPlaceholder(words.password())).isHidden();
  }

  /** Clicks a filter in the left column and waits until it is the selected one. */
  void openFilter(String name) {
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
    // Tasklist marks the selected filter only with the CSS class "active"
    assertThat(page.locator(".task-filter").filter(new Locator.FilterOptions().setHasText(name)))
        .hasClass(Pattern.compile("\\bactive\\b"));
  }

  /** The link of a task in the task list (middle column). */
  Locator taskInList(String taskName) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(taskName).setExact(true));
  }

  /** The title of the task opened in the right column. */
  Locator openedTask(String taskName) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(taskName).setLevel(2));
  }

  /** Clicks a task in the list and waits for its form. */
  TaskForm openTask(String taskName) {
    taskInList(taskName).click();
    assertThat(openedTask(taskName)).isVisible();
    assertThat(completeButton()).isVisible();
    return new TaskForm(page);
  }

  /** Claims the opened task: the Claim link gives way to the assignee. */
  void claim() {
    Locator claim = claimButton();
    claim.click();
    assertThat(claim).isHidden();
  }

  Locator claimButton() {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.claim()).setExact(true));
  }

  Locator completeButton() {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.complete()).setExact(true));
  }

  /**
   * On the Documents tab, a photo for every record the step needs (now, or for what the form will say), chosen
   * as a clerk picks files; each shows as a thumbnail before the clerk goes back to the form.
   */
  int uploadWhatTheStepNeeds() {
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("资料 Documents").setExact(true)).click();
    Locator table = page.locator(".anju-documents table.anju-documents-table");
    assertThat(page.locator(".anju-documents h4")).isVisible();
    int uploaded = 0;
    if (table.isVisible()) {
      Locator needed = table.locator("tr").filter(new Locator.FilterOptions()
          .setHas(page.locator(".anju-required, .anju-conditional")));
      for (int i = 0; i < needed.count(); i++) {
        Locator row = needed.nth(i);
        String record = row.getAttribute("data-record");
        row.locator("input.anju-file").setInputFiles(new com.microsoft.playwright.options.FilePayload(
            record.toLowerCase() + ".jpg", "image/jpeg", org.anju.support.TestFiles.jpeg(640, 480, java.awt.Color.ORANGE)));
        assertThat(page.locator(".anju-documents tr[data-record=" + record + "] img.anju-thumbnail"))
            .isVisible();
        uploaded++;
      }
    }
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("表单").setExact(true)).click();
    assertThat(completeButton()).isVisible();
    // the form is rendered again with the task's variables, which Tasklist loads anew: type only after that
    assertThat(page.locator(".fjs-form")).isVisible();
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    return uploaded;
  }

  /** The red notification Tasklist shows when the server refuses a request. */
  Locator errorNotification() {
    return page.locator(".notifications .alert-danger");
  }

  /** Completes the opened task and waits until it has left Tasklist; fails with the server's error if any. */
  void complete(String taskName) {
    assertThat(completeButton()).isEnabled();
    completeButton().click();
    Locator error = errorNotification();
    page.waitForCondition(() -> !openedTask(taskName).isVisible() || error.isVisible());
    if (error.isVisible()) {
      fail("Tasklist refused to complete '" + taskName + "': " + error.innerText());
    }
    assertThat(taskInList(taskName)).isHidden();
  }

  /** Clicks Complete for a form the server is expected to refuse; returns the error shown. */
  Locator completeExpectingRefusal() {
    assertThat(completeButton()).isEnabled();
    completeButton().click();
    Locator error = errorNotification();
    assertThat(error).isVisible();
    return error;
  }

  /** Closes the error notification with its ×, as a clerk does after reading it. */
  void dismissError() {
    Locator error = errorNotification();
    error.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("×")).first().click();
    assertThat(error).hasCount(0);
  }

  /** The Camunda Form of the opened task, its fields found by their labels. */
  static final class TaskForm {

    private final Page page;

    TaskForm(Page page) {
      this.page = page;
    }

    Locator field(String label) {
      return page.getByLabel(label); // not exact: a required field's label ends with "*"
    }

    /**
     * Types {@code text} into the field and makes sure it stays: Tasklist may render the form once more when the
     * task's variables arrive late, which empties what was typed, so a clerk (and this) types it again.
     */
    void fill(String label, String text) {
      Locator input = field(label);
      for (int tries = 0; tries < 5; tries++) {
        input.fill(text);
        page.waitForTimeout(150);
        if (text.equals(input.inputValue())) {
          break;
        }
      }
      assertThat(input).hasValue(text);
    }

    /** Whether the field still holds {@code text} (a late render of the form empties it). */
    boolean holds(String label, String text) {
      return text.equals(field(label).inputValue());
    }

    /**
     * Types a date in the form-js date picker the way its placeholder asks (yyyy-mm-dd in Chinese, as
     * Anju sets it; the browser's locale's otherwise, mm/dd/yyyy in en-US) and leaves the field, which
     * makes the picker take the typed date. The picker then shows the date in its own way (possibly
     * without the leading zeros its placeholder suggests).
     */
    void typeDate(String label, LocalDate date) {
      Locator input = field(label);
      String placeholder = input.getAttribute("placeholder");
      String typed = placeholder.replace("yyyy", "%04d".formatted(date.getYear()))
          .replace("mm", "%02d".formatted(date.getMonthValue()))
          .replace("dd", "%02d".formatted(date.getDayOfMonth()));
      StringBuilder shown = new StringBuilder("^");
      for (char c : placeholder.replace("yyyy", "Y").replace("mm", "M").replace("dd", "D").toCharArray()) {
        shown.append(switch (c) {
          case 'Y' -> String.valueOf(date.getYear());
          case 'M' -> "0?" + date.getMonthValue();
          case 'D' -> "0?" + date.getDayOfMonth();
          default -> "\\D"; // the separator
        });
      }
      input.fill(typed);
      input.press("Tab");
      assertThat(input).hasValue(Pattern.compile(shown.append('$').toString()));
    }

    /** Opens a form-js select by clicking its label and picks an option by its text. */
    void choose(String label, String option) {
      page.locator("label").filter(new Locator.FilterOptions().setHasText(label)).click();
      page.getByText(option, new Page.GetByTextOptions().setExact(true)).click();
      // the select's own input, which the label names, holds the chosen option's text
      assertThat(field(label)).hasValue(option);
    }

    void tick(String label) {
      field(label).check();
      assertThat(field(label)).isChecked();
    }
  }
}
