package org.anju.field;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The field page at {@code /field/}: open without a login, so that the phone can load it from its service worker
 * with no network; everything it shows comes from {@code /api/field}, which needs the login. Served as one
 * response, its style and script put inside the page (compressed when the browser takes gzip): on a slow 3G link
 * every request costs about 2 s, and a page that fetched them apart would take two such rounds before the clerk can
 * log in. The files in {@code static/field/} stay as they are, and {@code index.html} works on its own as well.
 */
@Controller
class FieldPage {

  private static final String STYLE = "<link rel=\"stylesheet\" href=\"field.css\">";
  private static final String SCRIPT = "<script src=\"field.js\"></script>";

  private final byte[] page;
  private final byte[] gzipped;

  FieldPage() throws IOException {
    String html = read("index.html");
    String css = read("field.css");
    String js = read("field.js");
    if (!html.contains(STYLE) || !html.contains(SCRIPT) || js.contains("</script") || css.contains("</style")) {
      throw new IllegalStateException("static/field/index.html must link field.css and field.js as " + STYLE + " and "
          + SCRIPT + ", and neither may close its own tag");
    }
    page = html.replace(STYLE, "<style>\n" + css + "</style>").replace(SCRIPT, "<script>\n" + js + "</script>")
        .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(page);
    }
    gzipped = out.toByteArray();
  }

  @GetMapping("/field")
  String redirect() {
    return "redirect:/field/";
  }

  @GetMapping("/field/")
  ResponseEntity<byte[]> page(@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String accepted) {
    boolean gzip = accepted != null && accepted.contains("gzip");
    var response = ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzipped) : response.body(page);
  }

  private static String read(String file) throws IOException {
    try (InputStream in = FieldPage.class.getResourceAsStream("/static/field/" + file)) {
      if (in == null) {
        throw new IllegalStateException("static/field/" + file + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
