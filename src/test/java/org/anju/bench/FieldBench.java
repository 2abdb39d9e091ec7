package org.anju.bench;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.anju.clock.AnjuClock;
import org.anju.demo.CaseWalker;
import org.anju.demo.DemoDocuments;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers;
import org.anju.household.HouseholdCaseProcess.Elements;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCases;
import org.anju.support.DebianChromium;
import org.anju.support.TestFiles;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;

/**
 * The field page's speed (issue 15): the app shell's size compressed; its first load on Chromium's simulated
 * slow 3G (DevTools' preset: 2 s latency per request, 400 kbit/s each way) until the login form shows; a later
 * load of the shell from the service worker on the same link; and the sync of queued completions with their
 * photos on the loopback link, from the page's reload until every task is completed in the engine.
 */
final class FieldBench {

  record Figures(double shellKiBGzip, double shellKiB, double firstLoadMs, double reloadMs, int completions,
      int photos, double photoMiB, double syncSeconds) {}

  /** Beside the page itself: the service worker and what it keeps. */
  static final List<String> SHELL = List.of("manifest.webmanifest", "sw.js", "icons/icon.svg", "icons/icon-192.png",
      "icons/icon-512.png");
  /** Chrome DevTools' "Slow 3G" (NetworkManager.Slow3GConditions): 2,000 ms, 500 kbit/s × 0.8 each way. */
  static final double SLOW_3G_LATENCY_MS = 400 * 5;
  static final double SLOW_3G_BYTES_PER_SECOND = 500 * 1000 / 8.0 * 0.8;
  static final int PHOTO_BYTES = 3 * 1024 * 1024;

  Figures run(int port, ProcessEngine engine, HouseholdCases cases, DemoDocuments demo, int completions)
      throws IOException {
    // what the phone downloads: the page as served (its style and script inside, gzip), then what the worker keeps
    String base = "http://localhost:" + port;
    long raw = 0;
    long gzip = 0;
    var http = java.net.http.HttpClient.newHttpClient();
    for (String encoding : List.of("identity", "gzip")) {
      try {
        long bytes = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/field/"))
            .header("Accept-Encoding", encoding).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray())
            .body().length;
        if (encoding.equals("gzip")) {
          gzip += bytes;
        } else {
          raw += bytes;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
    for (String file : SHELL) {
      byte[] bytes;
      try (InputStream in = FieldBench.class.getResourceAsStream("/static/field/" + file)) {
        bytes = in.readAllBytes();
      }
      raw += bytes.length;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(out)) {
        z.write(bytes);
      }
      gzip += out.size();
    }

    try (DebianChromium.Session chromium = DebianChromium.launch()) {
      BrowserContext phone = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
          .setLocale("zh-CN").setTimezoneId(AnjuClock.zone().getId()).setViewportSize(390, 844).setIsMobile(true)
          .setHasTouch(true));
      Page page = phone.newPage();
      CDPSession cdp = phone.newCDPSession(page);
      cdp.send("Network.enable");
      JsonObject slow3g = new JsonObject();
      slow3g.addProperty("offline", false);
      slow3g.addProperty("latency", SLOW_3G_LATENCY_MS);
      slow3g.addProperty("downloadThroughput", SLOW_3G_BYTES_PER_SECOND);
      slow3g.addProperty("uploadThroughput", SLOW_3G_BYTES_PER_SECOND);
      cdp.send("Network.emulateNetworkConditions", slow3g);

      long t = System.nanoTime();
      page.navigate(base + "/field/", new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD).setTimeout(120_000));
      page.locator("#login-form").waitFor();
      double first = (System.nanoTime() - t) / 1e6;
      page.waitForFunction("() => navigator.serviceWorker.controller !== null", null,
          new Page.WaitForFunctionOptions().setTimeout(120_000));

      t = System.nanoTime();
      page.reload(new Page.ReloadOptions().setWaitUntil(WaitUntilState.LOAD).setTimeout(120_000));
      page.locator("#login-form").waitFor();
      double reload = (System.nanoTime() - t) / 1e6;

      JsonObject loopback = new JsonObject();
      loopback.addProperty("offline", false);
      loopback.addProperty("latency", 0);
      loopback.addProperty("downloadThroughput", -1);
      loopback.addProperty("uploadThroughput", -1);
      cdp.send("Network.emulateNetworkConditions", loopback);
      page.getByLabel("用户名 User").fill(DemoUsers.userOf(DemoUsers.KELAN, org.anju.access.Role.TOWNSHIP));
      page.getByLabel("密码 Password").fill(DemoUsers.PASSWORD);
      page.locator("#login-form button").click();
      page.locator("#work").waitFor();

      List<Map<String, Object>> queued = new ArrayList<>();
      List<Task> tasks = new ArrayList<>();
      Map<String, Object> values = new HashMap<>(DemoSteps.valuesFor(Elements.TASK_VERIFY_HOUSING, AnjuClock.today()));
      for (int i = 0; i < completions; i++) {
        var county = DemoUsers.KELAN; // born 1925: no household of the intake's register
        var registration = new org.anju.household.Registration("同步户" + i, DemoSteps.residentId(county.countyCode(), 1925,
            500 + i), KeyGroup.POOR, county.cityCode(), county.countyCode(), county.townshipCode(), "宋家沟村",
            "宋家沟村" + i + "号", 2, false);
        Task task = new CaseWalker(engine, demo).walkTo(cases.register(registration).getId(),
            Elements.TASK_VERIFY_HOUSING);
        tasks.add(task);
        queued.add(Map.of("id", task.getId(), "variables", values));
      }
      String jpeg = Base64.getEncoder().encodeToString(TestFiles.jpeg(1600, 1200, Color.ORANGE));
      page.evaluate(QUEUE, Map.of("tasks", queued, "jpeg", jpeg, "size", PHOTO_BYTES));

      t = System.nanoTime();
      page.reload(); // the page sends its queue as it starts
      long deadline = System.nanoTime() + 600_000_000_000L;
      while (tasks.stream().anyMatch(task -> engine.getHistoryService().createHistoricTaskInstanceQuery()
          .taskId(task.getId()).finished().count() == 0)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the field page's queue was not sent in 10 minutes");
        }
        page.waitForTimeout(100);
      }
      double sync = (System.nanoTime() - t) / 1e9;
      return new Figures(gzip / 1024.0, raw / 1024.0, first, reload, completions, completions * 2,
          completions * 2.0 * PHOTO_BYTES / 1024 / 1024, sync);
    }
  }

  /** Queues completions as the page does offline: two photos each (3 MB, unique), ids made on the phone. */
  private static final String QUEUE = """
      async ({ tasks, jpeg, size }) => {
        const base = Uint8Array.from(atob(jpeg), (c) => c.charCodeAt(0));
        const db = await new Promise((resolve, reject) => {
          const open = indexedDB.open('anju-field', 1);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const tx = db.transaction('outbox', 'readwrite');
        let n = 0;
        for (const t of tasks) {
          const photos = ['PHOTOS_BEFORE', 'SURVEY_FORM'].map((record) => {
            const bytes = new Uint8Array(size);
            bytes.set(base);
            n++;
            bytes[size - 4] = (n >> 16) & 255; bytes[size - 3] = (n >> 8) & 255; bytes[size - 2] = n & 255; bytes[size - 1] = 1;
            return { clientId: 'b-' + t.id + '-' + record, record, name: record.toLowerCase() + '.jpg', type: 'image/jpeg',
              blob: new Blob([bytes], { type: 'image/jpeg' }), sha256: null, takenAt: new Date().toISOString(),
              latitude: 38.7, longitude: 111.57, accuracy: 10, sent: false };
          });
          tx.objectStore('outbox').put({ submissionId: 'b-' + t.id, taskId: t.id, taskName: 'bench', variables: t.variables,
            photos, state: 'queued', message: null, createdAt: new Date().toISOString() });
        }
        await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
      }
      """;
}
