package org.anju.documents.pdf;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.anju.documents.pdf.HouseholdFileContent.Attachment;
import org.anju.documents.pdf.HouseholdFileContent.Field;
import org.anju.documents.pdf.HouseholdFileContent.Section;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints a household's file (一户一档) as one PDF: a cover, the table of contents, then each section's data
 * and documents, every page with the household id and "第 x 页 / 共 y 页". The text is in the CJK font the
 * application was given, embedded as a subset with its ToUnicode map, so the file reads and searches alike
 * on any machine.
 *
 * <p>Memory: the document's streams live in a temporary file, and the pictures are read and decoded one at
 * a time, each scaled down to {@code imageDpi} at its printed size (0 keeps the original bytes).
 */
public final class HouseholdFilePdf {

  private static final Logger LOG = LoggerFactory.getLogger(HouseholdFilePdf.class);
  private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
  private static final float JPEG_QUALITY = 0.85f;
  /** Pixels are taken at 96 per inch, so that a small picture is not blown up. */
  private static final float SCREEN_DPI = 96;

  private final CjkFont font;
  private final int imageDpi;
  private final String unavailable;

  HouseholdFilePdf(CjkFont font, int imageDpi) {
    if (imageDpi < 0) {
      throw new IllegalArgumentException("image dpi must be 0 (originals) or more, not " + imageDpi);
    }
    this.font = font;
    this.imageDpi = imageDpi;
    this.unavailable = null;
  }

  private HouseholdFilePdf(String unavailable) {
    this.font = null;
    this.imageDpi = 0;
    this.unavailable = unavailable;
  }

  /** A renderer that refuses every file, saying why: the application starts, and no PDF prints boxes. */
  static HouseholdFilePdf unavailable(String reason) {
    return new HouseholdFilePdf(reason);
  }

  /** Whether files can be printed; false when the font could not be loaded at start-up. */
  /** With the bundled font and the default image resolution, as an engine without Spring needs it. */
  public static HouseholdFilePdf withBundledFont() {
    return HouseholdFilePdfConfig.create(
        new org.springframework.core.io.DefaultResourceLoader().getResource(HouseholdFilePdfConfig.DEFAULT_FONT), 200);
  }

  public boolean isAvailable() {
    return unavailable == null;
  }

  /**
   * Writes the file of {@code content} to {@code out}, which stays open.
   *
   * @throws IllegalStateException when no CJK font was loaded at start-up
   * @throws IOException when an attachment cannot be read or its content does not match its SHA-256
   */
  public void render(HouseholdFileContent content, OutputStream out) throws IOException {
    if (unavailable != null) {
      throw new IllegalStateException("The household file PDF cannot be printed: " + unavailable);
    }
    List<PDDocument> imported = new ArrayList<>();
    List<Path> temporary = new ArrayList<>();
    try (TrueTypeFont ttf = font.open();
        PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        PageFlow flow = new PageFlow(document, PDType0Font.load(document, ttf, true), ttf.getUnicodeCmapLookup())) {
      information(document, content);
      cover(flow, content);
      List<TocSlot> toc = reserveContents(flow, content.sections());
      List<Integer> starts = new ArrayList<>();
      int number = 0;
      for (Section section : content.sections()) {
        starts.add(section(flow, heading(++number, section), section, imported, temporary));
      }
      for (TocSlot slot : toc) {
        flow.onPage(slot.pageIndex(), () -> drawContentsEntry(flow, slot, starts.get(slot.section())));
      }
      footers(flow, content);
      if (!flow.missingGlyphs().isEmpty()) {
        LOG.warn("Household file {}: the font has no glyph for {}; printed as their codes", content.householdId(),
            flow.missingGlyphs());
      }
      document.save(new KeepOpen(out));
    } finally {
      for (PDDocument source : imported) {
        IOUtils.closeQuietly(source);
      }
      for (Path file : temporary) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static String heading(int number, Section section) {
    return number + ". " + section.title();
  }

  private static void information(PDDocument document, HouseholdFileContent content) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle("一户一档 " + nonNull(content.headName()) + " " + content.householdId());
    info.setSubject("农村住房安全保障档案 Household file");
    info.setCreator("Anju");
    info.setCreationDate(GregorianCalendar.from(content.generatedAt().toZonedDateTime()));
  }

  private static void cover(PageFlow flow, HouseholdFileContent content) throws IOException {
    flow.newPage(null);
    flow.space(110);
    flow.centered("农村住房安全保障档案", 24);
    flow.space(6);
    flow.centered("一户一档  Household file", 14);
    flow.space(40);
    flow.table(List.of(
        new Field("户主 Household head", content.headName()),
        new Field("户编号 Household id", content.householdId()),
        new Field("县 County", content.countyName()),
        new Field("乡镇 Township", content.townshipName()),
        new Field("村 Village", content.village()),
        new Field("结果 Outcome", content.outcome()),
        new Field("档案编号 Archive number", content.archiveNumber()),
        new Field("归档日期 Archived on",
            content.archivedDate() == null ? "未归档 not archived" : content.archivedDate().toString()),
        new Field("生成时间 Generated at", GENERATED.format(content.generatedAt()))));
    long attachments = content.sections().stream().mapToLong(s -> s.attachments().size()).sum();
    flow.space(16);
    flow.paragraph("本档案共 " + content.sections().size() + " 节，附件 " + attachments + " 份。"
        + "每份附件注明其 SHA-256，与系统中保存的原件一致。", PageFlow.BODY);
  }

  /** One entry's lines in the table of contents, drawn once the sections' first pages are known. */
  private record TocSlot(int pageIndex, float top, List<String> lines, int section) {}

  private static final float TOC_LEADING = PageFlow.BODY * 1.7f;
  private static final float TOC_NUMBER_WIDTH = 36;

  private static List<TocSlot> reserveContents(PageFlow flow, List<Section> sections) throws IOException {
    List<TocSlot> slots = new ArrayList<>();
    contentsPage(flow, "目录 Contents");
    for (int i = 0; i < sections.size(); i++) {
      List<String> lines = flow.wrap(heading(i + 1, sections.get(i)), PageFlow.BODY,
          PageFlow.WIDTH - TOC_NUMBER_WIDTH);
      float height = lines.size() * TOC_LEADING;
      if (flow.remaining() < height) {
        contentsPage(flow, "目录 Contents（续）");
      }
      slots.add(new TocSlot(flow.pageNumber() - 1, flow.y(), lines, i));
      flow.space(height);
    }
    return slots;
  }

  private static void contentsPage(PageFlow flow, String title) throws IOException {
    flow.newPage(null);
    flow.paragraph(title, 16);
    flow.rule();
    flow.space(6);
  }

  private static void drawContentsEntry(PageFlow flow, TocSlot slot, int page) throws IOException {
    float baseline = slot.top();
    String last = "";
    for (String line : slot.lines()) {
      baseline -= TOC_LEADING;
      flow.text(PageFlow.LEFT, baseline + 4, PageFlow.BODY, Color.BLACK, line);
      last = line;
    }
    String number = Integer.toString(page);
    float numberX = PageFlow.RIGHT - flow.width(number, PageFlow.BODY);
    flow.dottedLine(PageFlow.LEFT + flow.width(last, PageFlow.BODY) + 6, numberX - 6, baseline + 5);
    flow.text(numberX, baseline + 4, PageFlow.BODY, Color.BLACK, number);
  }

  /** Prints a section from a new page; returns the number of that page. */
  private int section(PageFlow flow, String heading, Section section, List<PDDocument> imported,
      List<Path> temporary) throws IOException {
    flow.newPage(null);
    int start = flow.pageNumber();
    flow.paragraph(heading, 15);
    flow.rule();
    flow.runningHeader(heading + "（续）");
    if (section.fields().isEmpty() && section.attachments().isEmpty()) {
      flow.paragraph("本节无记录 No records", PageFlow.BODY, Color.GRAY);
    }
    flow.table(section.fields());
    if (!section.attachments().isEmpty()) {
      flow.space(12);
      flow.paragraph("附件 Attachments（" + section.attachments().size() + "）", 11);
      flow.space(4);
    }
    for (Attachment attachment : section.attachments()) {
      switch (kind(attachment)) {
        case JPEG -> picture(flow, attachment, true);
        case PNG -> picture(flow, attachment, false);
        case PDF -> pdf(flow, attachment, imported, temporary);
        case OTHER -> listed(flow, attachment, null);
      }
    }
    return start;
  }

  private enum Kind { JPEG, PNG, PDF, OTHER }

  private static Kind kind(Attachment attachment) {
    String type = nonNull(attachment.mediaType()).toLowerCase(Locale.ROOT);
    String name = attachment.fileName().toLowerCase(Locale.ROOT);
    if (type.equals("image/jpeg") || type.equals("image/jpg") || type.isEmpty() && name.matches(".*\\.jpe?g")) {
      return Kind.JPEG;
    }
    if (type.equals("image/png") || type.isEmpty() && name.endsWith(".png")) {
      return Kind.PNG;
    }
    if (type.equals("application/pdf") || type.isEmpty() && name.endsWith(".pdf")) {
      return Kind.PDF;
    }
    return Kind.OTHER;
  }

  private void picture(PageFlow flow, Attachment attachment, boolean jpeg) throws IOException {
    byte[] bytes = readChecked(attachment);
    Dimension pixels = dimensions(bytes);
    if (pixels == null) {
      listed(flow, attachment, "图像无法读取 the image cannot be read");
      return;
    }
    List<String> caption = List.of(
        "文件 File: " + attachment.fileName() + "    " + pixels.width + " × " + pixels.height + " px, "
            + size(attachment.size()),
        "SHA-256: " + attachment.sha256());
    float naturalWidth = pixels.width * 72 / SCREEN_DPI;
    float naturalHeight = pixels.height * 72 / SCREEN_DPI;
    float usable = PageFlow.TOP - PageFlow.BOTTOM - PageFlow.SMALL * 2.5f;
    float captioned = PageFlow.captionHeight(caption.size()) + 14;
    // a landscape photo takes half a page, so that two share one; an upright scan may take the whole page
    float maxHeight = pixels.width >= pixels.height ? usable / 2 - captioned : usable - captioned;
    float scale = Math.min(1, Math.min(PageFlow.WIDTH / naturalWidth, maxHeight / naturalHeight));
    float width = naturalWidth * scale;
    float height = naturalHeight * scale;
    flow.picture(embed(flow.document(), attachment, bytes, jpeg, pixels, width), width, height, caption);
  }

  private PDImageXObject embed(PDDocument document, Attachment attachment, byte[] bytes, boolean jpeg,
      Dimension pixels, float width) throws IOException {
    int wanted = (int) Math.ceil(width / 72 * imageDpi);
    int subsampling = imageDpi == 0 ? 1 : pixels.width / Math.max(1, wanted);
    if (subsampling >= 2) {
      BufferedImage smaller = decode(bytes, subsampling);
      if (smaller != null) {
        return jpeg
            ? JPEGFactory.createFromImage(document, smaller, JPEG_QUALITY)
            : LosslessFactory.createFromImage(document, smaller);
      }
    }
    return jpeg
        ? JPEGFactory.createFromByteArray(document, bytes)
        : PDImageXObject.createFromByteArray(document, bytes, attachment.fileName());
  }

  /** Every {@code subsampling}-th pixel of every such row: only the smaller picture is ever held decoded. */
  private static BufferedImage decode(byte[] bytes, int subsampling) {
    return read(bytes, reader -> {
      ImageReadParam param = reader.getDefaultReadParam();
      param.setSourceSubsampling(subsampling, subsampling, 0, 0);
      return reader.read(0, param);
    });
  }

  private static Dimension dimensions(byte[] bytes) {
    return read(bytes, reader -> new Dimension(reader.getWidth(0), reader.getHeight(0)));
  }

  @FunctionalInterface
  private interface ImageRead<T> {
    T read(ImageReader reader) throws IOException;
  }

  /** What {@code read} takes from the picture, or null where ImageIO cannot read it (e.g. a CMYK JPEG). */
  private static <T> T read(byte[] bytes, ImageRead<T> read) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return read.read(reader);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("Cannot read a picture with ImageIO", e);
      return null;
    }
  }

  /** Lists a PDF, then prints each of its pages on a page of its own. */
  private static void pdf(PageFlow flow, Attachment attachment, List<PDDocument> imported, List<Path> temporary)
      throws IOException {
    Path file = Files.createTempFile("anju-attachment-", ".pdf");
    temporary.add(file);
    try (InputStream in = attachment.content().open()) {
      MessageDigest digest = sha256();
      Files.copy(new DigestInputStream(in, digest), file, StandardCopyOption.REPLACE_EXISTING);
      check(attachment, digest, Files.size(file));
    }
    PDDocument source;
    try {
      source = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache());
    } catch (IOException e) {
      listed(flow, attachment, "无法打开此 PDF the PDF cannot be opened: " + e.getMessage());
      return;
    }
    imported.add(source); // the imported pages refer to it until the file is saved
    int pages = source.getNumberOfPages();
    listed(flow, attachment, "共 " + pages + " 页，附后 " + pages + " page(s) follow");
    LayerUtility layers = new LayerUtility(flow.document());
    for (int i = 0; i < pages; i++) {
      flow.newPage();
      flow.caption(List.of(attachment.fileName() + " — 第 " + (i + 1) + " 页 / 共 " + pages + " 页"));
      flow.space(6);
      flow.form(layers.importPageAsForm(source, i));
    }
  }

  private static void listed(PageFlow flow, Attachment attachment, String note) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("文件 File: " + attachment.fileName());
    lines.add("类型 Type: " + nonNull(attachment.mediaType()) + "    大小 Size: " + size(attachment.size()));
    lines.add("SHA-256: " + attachment.sha256());
    if (note != null) {
      lines.add(note);
    }
    if (flow.remaining() < PageFlow.captionHeight(lines.size()) + 10) {
      flow.newPage();
    }
    flow.caption(lines);
    flow.space(10);
  }

  private static void footers(PageFlow flow, HouseholdFileContent content) throws IOException {
    int pages = flow.document().getNumberOfPages();
    String left = "户编号 " + content.householdId()
        + (content.archiveNumber() == null ? "" : "    档案编号 " + content.archiveNumber());
    for (int i = 0; i < pages; i++) {
      String right = "第 " + (i + 1) + " 页 / 共 " + pages + " 页";
      flow.onPage(i, () -> {
        float baseline = PageFlow.MARGIN + 4;
        flow.dottedLine(PageFlow.LEFT, PageFlow.RIGHT, baseline + 14);
        flow.text(PageFlow.LEFT, baseline, PageFlow.SMALL, Color.DARK_GRAY, flow.printable(left));
        flow.text(PageFlow.RIGHT - flow.width(right, PageFlow.SMALL), baseline, PageFlow.SMALL, Color.DARK_GRAY,
            right);
      });
    }
  }

  private static byte[] readChecked(Attachment attachment) throws IOException {
    try (InputStream in = attachment.content().open()) {
      MessageDigest digest = sha256();
      byte[] bytes = new DigestInputStream(in, digest).readAllBytes();
      check(attachment, digest, bytes.length);
      return bytes;
    }
  }

  private static void check(Attachment attachment, MessageDigest digest, long length) throws IOException {
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equalsIgnoreCase(attachment.sha256())) {
      throw new IOException("Attachment " + attachment.fileName() + ": its content has SHA-256 " + actual
          + ", not " + attachment.sha256() + " (" + length + " bytes read)");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String size(long bytes) {
    String exact = String.format(Locale.ROOT, "%,d bytes", bytes);
    if (bytes < 1024) {
      return exact;
    }
    String unit = bytes < 1024 * 1024 ? "KB" : "MB";
    double value = bytes / (bytes < 1024 * 1024 ? 1024.0 : 1024.0 * 1024);
    return String.format(Locale.ROOT, "%.1f %s (%s)", value, unit, exact);
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  /** {@link PDDocument#save(OutputStream)} closes its stream; the caller's stays open. */
  private static final class KeepOpen extends FilterOutputStream {

    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
