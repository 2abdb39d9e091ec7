package org.anju.documents.pdf;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Text, tables and pictures flowing down A4 pages: a new page where the current one is full. Every character
 * the font lacks is printed as its code ({@code [U+20BB7]}), never as a box.
 */
final class PageFlow implements AutoCloseable {

  static final PDRectangle A4 = PDRectangle.A4;
  static final float MARGIN = 50;
  static final float FOOTER = 28;
  static final float LEFT = MARGIN;
  static final float RIGHT = A4.getWidth() - MARGIN;
  static final float WIDTH = RIGHT - LEFT;
  static final float TOP = A4.getHeight() - MARGIN;
  static final float BOTTOM = MARGIN + FOOTER;

  static final float BODY = 10;
  static final float SMALL = 8;
  private static final float LEADING = 1.45f;
  private static final float PAD = 4;
  private static final Color RULE = new Color(0x99, 0x99, 0x99);
  private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);
  private static final Color GREY = new Color(0x55, 0x55, 0x55);

  private final PDDocument document;
  private final PDType0Font font;
  private final CmapLookup cmap;
  private final Map<Integer, Float> widths = new HashMap<>();
  private final List<String> missingGlyphs = new ArrayList<>();

  private PDPageContentStream stream;
  private float y;
  private String runningHeader;

  PageFlow(PDDocument document, PDType0Font font, CmapLookup cmap) {
    this.document = document;
    this.font = font;
    this.cmap = cmap;
  }

  PDDocument document() {
    return document;
  }

  /** The characters printed as their code because the font has no glyph for them. */
  List<String> missingGlyphs() {
    return missingGlyphs;
  }

  /** The 1-based number of the current page. */
  int pageNumber() {
    return document.getNumberOfPages();
  }

  /** Printed at the top of each further page until the next {@link #newPage(String)}. */
  void runningHeader(String header) {
    runningHeader = header;
  }

  void newPage(String header) throws IOException {
    runningHeader = null;
    newPage();
    runningHeader = header;
  }

  void newPage() throws IOException {
    closeStream();
    PDPage page = new PDPage(A4);
    document.addPage(page);
    stream = new PDPageContentStream(document, page);
    y = TOP;
    if (runningHeader != null) {
      text(LEFT, y - SMALL, SMALL, GREY, runningHeader);
      y -= SMALL * 2.5f;
    }
  }

  /** Where the next line goes, from the bottom of the page. */
  float y() {
    return y;
  }

  float remaining() {
    return y - BOTTOM;
  }

  void space(float height) {
    y -= height;
  }

  /** A heading or paragraph at {@code size}, wrapped to the column, continued on further pages. */
  void paragraph(String text, float size, Color color) throws IOException {
    float leading = size * LEADING;
    for (String line : wrap(text, size, WIDTH)) {
      if (remaining() < leading) {
        newPage();
      }
      y -= leading;
      text(LEFT, y + (leading - size) * 0.6f, size, color, line);
    }
  }

  void paragraph(String text, float size) throws IOException {
    paragraph(text, size, Color.BLACK);
  }

  void centered(String text, float size) throws IOException {
    float leading = size * LEADING;
    for (String line : wrap(text, size, WIDTH)) {
      y -= leading;
      text(LEFT + (WIDTH - width(line, size)) / 2, y + (leading - size) * 0.6f, size, Color.BLACK, line);
    }
  }

  void rule() throws IOException {
    stream.setStrokingColor(RULE);
    stream.setLineWidth(0.5f);
    stream.moveTo(LEFT, y - 3);
    stream.lineTo(RIGHT, y - 3);
    stream.stroke();
    y -= 8;
  }

  /**
   * Label/value rows with borders, the label column shaded. A row of up to three lines is kept on one page;
   * a longer one is split between pages line by line.
   */
  void table(List<HouseholdFileContent.Field> fields) throws IOException {
    float labelWidth = WIDTH * 0.3f;
    float valueWidth = WIDTH - labelWidth;
    float leading = BODY * LEADING;
    for (HouseholdFileContent.Field field : fields) {
      List<String> label = wrap(orDash(field.label()), BODY, labelWidth - 2 * PAD);
      List<String> value = wrap(orDash(field.value()), BODY, valueWidth - 2 * PAD);
      int lines = Math.max(label.size(), value.size());
      int done = 0;
      while (done < lines) {
        int fit = (int) Math.floor((remaining() - 2 * PAD) / leading);
        boolean keepTogether = done == 0 && lines <= 3;
        if (fit <= 0 || keepTogether && fit < lines) {
          newPage();
          continue;
        }
        int take = Math.min(fit, lines - done);
        float height = take * leading + 2 * PAD;
        stream.setNonStrokingColor(SHADE);
        stream.addRect(LEFT, y - height, labelWidth, height);
        stream.fill();
        stream.setStrokingColor(RULE);
        stream.setLineWidth(0.5f);
        stream.addRect(LEFT, y - height, labelWidth, height);
        stream.addRect(LEFT + labelWidth, y - height, valueWidth, height);
        stream.stroke();
        for (int i = 0; i < take; i++) {
          float baseline = y - PAD - (i + 1) * leading + (leading - BODY) * 0.6f;
          if (done + i < label.size()) {
            text(LEFT + PAD, baseline, BODY, Color.BLACK, label.get(done + i));
          }
          if (done + i < value.size()) {
            text(LEFT + labelWidth + PAD, baseline, BODY, Color.BLACK, value.get(done + i));
          }
        }
        y -= height;
        done += take;
      }
    }
  }

  /** The height the caption lines take under a picture. */
  static float captionHeight(int lines) {
    return lines * SMALL * 1.35f + 4;
  }

  /** A picture of {@code width} x {@code height} points, centred, with its caption under it. */
  void picture(PDImageXObject image, float width, float height, List<String> caption) throws IOException {
    float needed = height + captionHeight(caption.size()) + 10;
    if (remaining() < needed) {
      newPage();
    }
    stream.drawImage(image, LEFT + (WIDTH - width) / 2, y - height, width, height);
    y -= height + 4;
    caption(caption);
    y -= 10;
  }

  /** Small grey lines, e.g. a document's name and SHA-256. */
  void caption(List<String> lines) throws IOException {
    float leading = SMALL * 1.35f;
    for (String line : lines) {
      if (remaining() < leading) {
        newPage();
      }
      y -= leading;
      text(LEFT, y + 2, SMALL, GREY, line);
    }
  }

  /** An imported page, scaled to fill the rest of the current page. */
  void form(PDFormXObject form) throws IOException {
    Rectangle2D bounds = form.getBBox().transform(form.getMatrix()).getBounds2D();
    float available = remaining();
    float scale = (float) Math.min(WIDTH / bounds.getWidth(), available / bounds.getHeight());
    float width = (float) bounds.getWidth() * scale;
    float height = (float) bounds.getHeight() * scale;
    float x = LEFT + (WIDTH - width) / 2;
    float bottom = y - height;
    stream.saveGraphicsState();
    stream.setStrokingColor(RULE);
    stream.setLineWidth(0.5f);
    stream.addRect(x, bottom, width, height);
    stream.stroke();
    stream.transform(new Matrix(scale, 0, 0, scale,
        (float) (x - bounds.getX() * scale), (float) (bottom - bounds.getY() * scale)));
    stream.drawForm(form);
    stream.restoreGraphicsState();
    y = bottom;
  }

  /**
   * Draws on a page already laid out (the table of contents, the footers), after the content stream of the
   * current page is closed.
   */
  void onPage(int pageIndex, PageDrawing drawing) throws IOException {
    closeStream();
    try (PDPageContentStream page = new PDPageContentStream(document, document.getPage(pageIndex),
        AppendMode.APPEND, true, true)) {
      PDPageContentStream flowing = stream;
      stream = page;
      try {
        drawing.draw();
      } finally {
        stream = flowing;
      }
    }
  }

  @FunctionalInterface
  interface PageDrawing {
    void draw() throws IOException;
  }

  /** Text at a fixed place; used by the table of contents and the footer. */
  void text(float x, float baseline, float size, Color color, String text) throws IOException {
    stream.beginText();
    stream.setFont(font, size);
    stream.setNonStrokingColor(color);
    stream.newLineAtOffset(x, baseline);
    stream.showText(text);
    stream.endText();
  }

  void dottedLine(float fromX, float toX, float atY) throws IOException {
    stream.saveGraphicsState();
    stream.setStrokingColor(RULE);
    stream.setLineWidth(0.6f);
    stream.setLineDashPattern(new float[] {1, 2.5f}, 0);
    stream.moveTo(fromX, atY);
    stream.lineTo(toX, atY);
    stream.stroke();
    stream.restoreGraphicsState();
  }

  /**
   * The lines of {@code text} no wider than {@code maxWidth}: Latin words are kept whole where a space allows,
   * Chinese breaks between any two characters; a line break in the text starts a new line.
   */
  List<String> wrap(String text, float size, float maxWidth) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : printable(text).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      float lineWidth = 0;
      int lastSpace = -1;
      for (int i = 0; i < paragraph.length(); ) {
        int c = paragraph.codePointAt(i);
        float w = width(c) * size;
        if (lineWidth + w > maxWidth && line.length() > 0) {
          if (c != ' ' && lastSpace > 0 && !isWide(c)) {
            String tail = line.substring(lastSpace);
            lines.add(line.substring(0, lastSpace).stripTrailing());
            line.setLength(0);
            line.append(tail);
            lineWidth = width(tail, size);
          } else {
            lines.add(line.toString().stripTrailing());
            line.setLength(0);
            lineWidth = 0;
          }
          lastSpace = -1;
          if (c == ' ') {
            i += 1;
            continue;
          }
        }
        line.appendCodePoint(c);
        lineWidth += w;
        if (c == ' ') {
          lastSpace = line.length();
        }
        i += Character.charCount(c);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  float width(String text, float size) {
    float sum = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      sum += width(c);
      i += Character.charCount(c);
    }
    return sum * size;
  }

  /** {@code text} with tabs as spaces, other control characters dropped and glyphs the font lacks as their code. */
  String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.replace("\r\n", "\n").codePoints().forEach(c -> {
      if (c == '\n') {
        out.append('\n');
      } else if (c == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(c)) {
        // dropped
      } else if (cmap.getGlyphId(c) == 0 && !Character.isWhitespace(c)) {
        String code = String.format("[U+%04X]", c);
        if (!missingGlyphs.contains(code)) {
          missingGlyphs.add(code);
        }
        out.append(code);
      } else if (Character.isWhitespace(c)) {
        out.append(' ');
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private float width(int codePoint) {
    return widths.computeIfAbsent(codePoint, c -> {
      try {
        return font.getStringWidth(Character.toString(c)) / 1000f;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static boolean isWide(int c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN || Character.getType(c) == Character.OTHER_PUNCTUATION && c > 0x2E80;
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }

  private void closeStream() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeStream();
  }
}
