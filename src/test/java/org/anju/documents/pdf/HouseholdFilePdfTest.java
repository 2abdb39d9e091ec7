package org.anju.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.anju.documents.pdf.HouseholdFileContent.Attachment;
import org.anju.documents.pdf.HouseholdFileContent.Field;
import org.anju.documents.pdf.HouseholdFileContent.Section;
import org.anju.household.HouseholdFileRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/** A household's whole file printed as one PDF and read back: order, contents, pictures, font and page numbers. */
class HouseholdFilePdfTest {

  private static final String FONT = "/fonts/NotoSansSC_400Regular.ttf";
  private static final int PHOTOS = 20;

  private static final Map<HouseholdFileRecord, String> TITLES = new EnumMap<>(Map.ofEntries(
      Map.entry(HouseholdFileRecord.APPLICATION, "申请书 Application"),
      Map.entry(HouseholdFileRecord.ID_COPY, "身份证复印件 ID copy"),
      Map.entry(HouseholdFileRecord.HOUSEHOLD_REGISTER_COPY, "户口簿复印件 Household register copy"),
      Map.entry(HouseholdFileRecord.PROOF_OF_GROUP, "重点对象身份证明 Proof of group"),
      Map.entry(HouseholdFileRecord.SURVEY_FORM, "入户核验调查表 Survey form"),
      Map.entry(HouseholdFileRecord.APPRAISAL_REPORT, "危房鉴定表 Appraisal form"),
      Map.entry(HouseholdFileRecord.REVIEW_RECORD, "民主评议、审核记录及公示照片 Review and notice records"),
      Map.entry(HouseholdFileRecord.APPROVAL_FORM, "审批表 Approval form"),
      Map.entry(HouseholdFileRecord.AGREEMENT, "改造协议 Renovation agreement"),
      Map.entry(HouseholdFileRecord.INSPECTION_LOG, "施工质量安全巡查记录 Inspection log"),
      Map.entry(HouseholdFileRecord.ACCEPTANCE_FORM, "竣工验收表 Acceptance form"),
      Map.entry(HouseholdFileRecord.PAYMENT_PROOF, "补助资金发放凭证 Subsidy payment voucher"),
      Map.entry(HouseholdFileRecord.PHOTOS_BEFORE, "改造前照片 Photos before"),
      Map.entry(HouseholdFileRecord.PHOTOS_DURING, "改造中照片 Photos during"),
      Map.entry(HouseholdFileRecord.PHOTOS_AFTER, "改造后照片 Photos after"),
      Map.entry(HouseholdFileRecord.DEMOLITION_PHOTO, "旧房拆除照片 Old house demolished")));

  private static final String SITUATION = "该户住房为土木结构，建于1978年，墙体多处开裂，屋面渗漏，"
      + "地基有不均匀沉降，雨季存在倒塌风险。户主王秀英年逾七旬，独居，无劳动能力，依靠低保和养老金生活。";

  @TempDir
  static Path files;

  private static CjkFont font;
  private static List<Attachment> photos;

  @BeforeAll
  static void makeTheFontAndPhotos() throws IOException {
    try (InputStream in = HouseholdFilePdfTest.class.getResourceAsStream(FONT)) {
      assertThat(in).as("%s on the classpath: the build installs it (npm ci in fonts/)", FONT).isNotNull();
      font = CjkFont.read(in, FONT);
    }
    photos = new ArrayList<>();
    for (int i = 1; i <= PHOTOS; i++) {
      photos.add(attachment(photo(i), "IMG_" + (1000 + i) + ".jpg", "image/jpeg"));
    }
  }

  @Test
  void printsTheWholeFileInOrderWithItsPicturesContentsAndPageNumbers() throws IOException {
    HouseholdFileContent content = content();
    Path pdf = files.resolve("file.pdf");
    HouseholdFilePdf renderer = new HouseholdFilePdf(font, 200);

    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long usedBefore = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    long started = System.nanoTime();
    try (OutputStream out = Files.newOutputStream(pdf)) {
      renderer.render(content, out);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    long photoBytes = photos.stream().mapToLong(Attachment::size).sum();

    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      System.out.printf("HOUSEHOLD FILE PDF: %d photos (%.1f MB of JPEG) and 3 PNG in %d sections: %d pages, %.1f MB,"
              + " rendered in %d ms; heap %.0f MB before, peak of the heap pools %.0f MB (uncollected garbage included;"
              + " max heap %.0f MB)%n",
          PHOTOS, photoBytes / 1e6, content.sections().size(), document.getNumberOfPages(), Files.size(pdf) / 1e6,
          millis, usedBefore / 1e6, peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);

      List<String> pages = pageTexts(document);
      String text = String.join("\n", pages);
      assertThat(text).contains("王秀英", "静乐县", "娑婆乡", "改造安全", "静危改字[2020]017号", "（完）");
      assertThat(text.replaceAll("\\R", "")).as("a long value wrapped, nothing lost").contains(SITUATION);
      for (Section section : content.sections()) {
        for (Attachment attachment : section.attachments()) {
          assertThat(text).as("SHA-256 of %s", attachment.fileName()).contains(attachment.sha256());
        }
      }
      assertThat(text).as("the imported PDF's pages").contains("Household register, page 1", "Household register, page 2");

      Map<String, Integer> contents = tableOfContents(pages);
      List<String> headings = new ArrayList<>();
      for (int i = 0; i < content.sections().size(); i++) {
        headings.add((i + 1) + ". " + content.sections().get(i).title());
      }
      assertThat(contents.keySet()).containsExactlyElementsOf(headings);
      int previous = 0;
      for (String heading : headings) {
        int start = firstPageWithLine(pages, heading);
        assertThat(contents.get(heading)).as("page of %s in the contents", heading).isEqualTo(start);
        assertThat(start).as("%s after the section before it", heading).isGreaterThan(previous);
        previous = start;
      }
      int survey = contents.get(headings.get(HouseholdFileRecord.SURVEY_FORM.ordinal()));
      assertThat(pages.get(survey)).as("the survey's long value flows onto a further page")
          .contains(headings.get(HouseholdFileRecord.SURVEY_FORM.ordinal()) + "（续）");

      for (int i = 0; i < pages.size(); i++) {
        assertThat(pages.get(i)).contains("户编号 140928-0042", "第 " + (i + 1) + " 页 / 共 " + pages.size() + " 页");
      }

      List<PDImageXObject> images = images(document);
      assertThat(images).hasSize(PHOTOS + 3);
      assertThat(images).allSatisfy(image -> assertThat(image.getWidth()).isLessThan(1600));

      List<PDFont> fonts = fonts(document);
      assertThat(fonts).isNotEmpty().allSatisfy(f -> {
        assertThat(f.isEmbedded()).as("%s embedded", f.getName()).isTrue();
        assertThat(f.getName()).as("a subset of Noto Sans SC").matches("[A-Z]{6}\\+NotoSansSC.*");
      });
      assertThat(Files.size(pdf)).as("photos scaled down to 200 dpi, the font subset").isLessThan(photoBytes / 4);
    }
  }

  @Test
  void printsACharacterTheFontLacksAsItsCode() throws IOException {
    HouseholdFileContent content = new HouseholdFileContent("140928-0043", "李\uE000", "静乐县", "娑婆乡", "西坡村",
        "鉴定安全", null, null, OffsetDateTime.now(ZoneOffset.ofHours(8)),
        List.of(new Section("申请书 Application", List.of(new Field("姓名", "李\uE000")), List.of())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HouseholdFilePdf(font, 200).render(content, out);
    try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
      assertThat(new PDFTextStripper().getText(document)).contains("李[U+E000]", "未归档");
    }
  }

  @Test
  void refusesAnAttachmentWhoseContentIsNotWhatItsHashSays() {
    Attachment wrong = new Attachment("IMG_1.jpg", "image/jpeg", "0".repeat(64), 3, () -> InputStream.nullInputStream());
    HouseholdFileContent content = new HouseholdFileContent("140928-0044", "张三", "静乐县", "娑婆乡", "西坡村",
        "鉴定安全", null, null, OffsetDateTime.now(ZoneOffset.ofHours(8)),
        List.of(new Section("改造前照片 Photos before", List.of(), List.of(wrong))));

    assertThatThrownBy(() -> new HouseholdFilePdf(font, 200).render(content, OutputStream.nullOutputStream()))
        .isInstanceOf(IOException.class).hasMessageContaining("IMG_1.jpg").hasMessageContaining("0".repeat(64));
  }

  @Test
  void refusesAFontThatCannotPrintChinese() {
    assertThatThrownBy(() -> {
      try (InputStream latin = PDFont.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
        CjkFont.read(latin, "LiberationSans-Regular.ttf");
      }
    }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot print Chinese");
  }

  @Test
  void startsWithoutAFontButRefusesToPrint() {
    HouseholdFilePdf renderer = HouseholdFilePdfConfig.create(new ClassPathResource("fonts/no-such-font.ttf"), 200);

    assertThat(renderer.isAvailable()).isFalse();
    assertThatThrownBy(() -> renderer.render(content(), OutputStream.nullOutputStream()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("anju.documents.pdf.font")
        .hasMessageContaining("no-such-font.ttf");
  }

  @Test
  void theDefaultFontIsTheBundledOne() {
    HouseholdFilePdf renderer = HouseholdFilePdfConfig.create(
        new ClassPathResource(HouseholdFilePdfConfig.DEFAULT_FONT.substring("classpath:".length())), 200);

    assertThat(renderer.isAvailable()).isTrue();
  }

  private static HouseholdFileContent content() throws IOException {
    List<Section> sections = new ArrayList<>();
    for (HouseholdFileRecord record : HouseholdFileRecord.values()) {
      sections.add(new Section(TITLES.get(record), fields(record), attachments(record)));
    }
    return new HouseholdFileContent("140928-0042", "王秀英", "静乐县", "娑婆乡", "西坡村", "改造安全 Made safe by renovation",
        "静危改字[2020]017号", LocalDate.of(2020, 11, 20), OffsetDateTime.of(2020, 11, 21, 9, 30, 0, 0, ZoneOffset.ofHours(8)),
        sections);
  }

  private static List<Field> fields(HouseholdFileRecord record) {
    return switch (record) {
      case APPLICATION -> List.of(new Field("申请人 Applicant", "王秀英"), new Field("申请日期 Date", "2020-03-02"),
          new Field("申请理由 Reason", SITUATION));
      case SURVEY_FORM -> {
        List<Field> fields = new ArrayList<>(List.of(new Field("结构 Structure", "土木 earth and timber"),
            new Field("建造年代 Built", "1978"), new Field("人口 Members", "1")));
        fields.add(new Field("情况说明 Situation", (SITUATION + "\n").repeat(40) + "（完）"));
        fields.add(new Field("调查人 Surveyed by", "村干部 赵建国; township staff Liu Wei"));
        yield fields;
      }
      case APPRAISAL_REPORT -> List.of(new Field("鉴定等级 Grade", "D 整幢危房"), new Field("鉴定人 Appraiser", "孙鉴定"),
          new Field("鉴定日期 Date", "2020-03-20"));
      case INSPECTION_LOG -> {
        List<Field> fields = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
          fields.add(new Field("巡查 " + i, "2020-06-" + String.format("%02d", i) + " 地基、墙体、屋面检查合格，无安全隐患。"));
        }
        yield fields;
      }
      case PAYMENT_PROOF -> List.of(new Field("金额 Amount", "25,000 元"), new Field("一卡通 Account", "6217 **** **** 4321"));
      case PHOTOS_BEFORE, PHOTOS_DURING, PHOTOS_AFTER -> List.of();
      default -> List.of(new Field("日期 Date", "2020-04-01"), new Field("经办 Clerk", "周文"));
    };
  }

  private static List<Attachment> attachments(HouseholdFileRecord record) throws IOException {
    return switch (record) {
      case APPLICATION -> List.of(attachment("申请书 signed.docx".getBytes(), "申请书.docx",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
      case ID_COPY -> List.of(attachment(png(1240, 1754, true), "身份证 scan.png", "image/png"));
      case HOUSEHOLD_REGISTER_COPY -> List.of(attachment(registerPdf(), "户口簿.pdf", "application/pdf"));
      case APPRAISAL_REPORT -> List.of(attachment(png(600, 400, false), "sketch-1.png", "image/png"),
          attachment(png(600, 400, false), "sketch-2.png", "image/png"));
      case PHOTOS_BEFORE -> photos.subList(0, 7);
      case PHOTOS_DURING -> photos.subList(7, 13);
      case PHOTOS_AFTER -> photos.subList(13, PHOTOS);
      default -> List.of();
    };
  }

  private static Attachment attachment(byte[] bytes, String name, String type) throws IOException {
    Path file = Files.createTempFile(files, "attachment-", "");
    Files.write(file, bytes);
    return new Attachment(name, type, sha256(bytes), bytes.length, () -> Files.newInputStream(file));
  }

  /** A 4000 × 3000 photo of a few MB: a gradient with noise, as a camera's sensor gives. */
  private static byte[] photo(int number) throws IOException {
    BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(number);
    int[] row = new int[image.getWidth()];
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < row.length; x++) {
        int r = (x * 255 / row.length + random.nextInt(24) + number * 9) & 0xFF;
        int g = (y * 255 / image.getHeight() + random.nextInt(24)) & 0xFF;
        int b = (128 + random.nextInt(24)) & 0xFF;
        row[x] = r << 16 | g << 8 | b;
      }
      image.setRGB(0, y, row.length, 1, row, 0, row.length);
    }
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 400));
    g.drawString("Photo " + number, 600, 1700);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static byte[] png(int width, int height, boolean alpha) throws IOException {
    BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(230, 240, 250, alpha ? 200 : 255));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.DARK_GRAY);
    g.drawRect(20, 20, width - 40, height - 40);
    g.drawString("scan " + width + "x" + height, 40, 60);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static byte[] registerPdf() throws IOException {
    try (PDDocument document = new PDDocument()) {
      for (int i = 1; i <= 2; i++) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
          stream.beginText();
          stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
          stream.newLineAtOffset(72, 700);
          stream.showText("Household register, page " + i);
          stream.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> pageTexts(PDDocument document) throws IOException {
    List<String> pages = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper();
    for (int i = 1; i <= document.getNumberOfPages(); i++) {
      stripper.setStartPage(i);
      stripper.setEndPage(i);
      pages.add(stripper.getText(document));
    }
    return pages;
  }

  /** The headings and page numbers that the contents pages list, in their order. */
  private static Map<String, Integer> tableOfContents(List<String> pages) {
    Pattern entry = Pattern.compile("^(\\d+\\. .+?)\\s+(\\d+)$");
    Map<String, Integer> contents = new LinkedHashMap<>();
    for (String page : pages) {
      if (!page.startsWith("目录 Contents")) {
        continue;
      }
      for (String line : page.split("\\R")) {
        Matcher matcher = entry.matcher(line.strip());
        if (matcher.matches()) {
          contents.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
      }
    }
    return contents;
  }

  private static int firstPageWithLine(List<String> pages, String line) {
    for (int i = 0; i < pages.size(); i++) {
      if (!pages.get(i).startsWith("目录") && pages.get(i).lines().anyMatch(l -> l.strip().equals(line))) {
        return i + 1;
      }
    }
    throw new AssertionError("no page starts " + line);
  }

  private static List<PDImageXObject> images(PDDocument document) throws IOException {
    List<PDImageXObject> images = new ArrayList<>();
    for (PDPage page : document.getPages()) {
      PDResources resources = page.getResources();
      for (COSName name : resources.getXObjectNames()) {
        PDXObject object = resources.getXObject(name);
        if (object instanceof PDImageXObject image) {
          images.add(image);
        }
      }
    }
    return images;
  }

  private static List<PDFont> fonts(PDDocument document) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    for (PDPage page : document.getPages()) {
      PDResources resources = page.getResources();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name));
      }
    }
    return fonts;
  }
}
