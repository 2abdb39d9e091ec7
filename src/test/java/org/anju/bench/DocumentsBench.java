package org.anju.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.anju.clock.AnjuClock;
import org.anju.demo.CaseWalker;
import org.anju.demo.DemoDocuments;
import org.anju.demo.DemoUsers;
import org.anju.documents.CaseDocuments;
import org.anju.documents.pdf.HouseholdFileContent;
import org.anju.documents.pdf.HouseholdFilePdf;
import org.anju.household.HouseholdCaseProcess.Elements;
import org.anju.household.HouseholdCases;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * The household file's costs: a clerk's upload of a 5 MB photo through Anju's API against the bare write of
 * the same bytes to the content store, and the archive PDF of a case with many photos against decoding those
 * photos once (the least that printing them takes).
 */
final class DocumentsBench {

  record Figures(double uploadMsP50, double storePutMsP50, double pdfSeconds, double decodeSeconds, long pdfBytes,
      int photos) {}

  static final int PHOTO_BYTES = 5 * 1024 * 1024;

  private final Random random = new Random(12);

  Figures run(int port, ProcessEngine engine, HouseholdCases cases, DemoDocuments demo, CaseDocuments documents,
      HouseholdFilePdf pdf, int uploads, int photos) throws IOException {
    // a resident ID of its own: born 2001, no other household of the benchmark is
    String instanceId = cases.register(Lifecycle.registration(22_500_000)).getId();
    Task task = new CaseWalker(engine, demo).walkTo(instanceId, Elements.TASK_VERIFY_HOUSING);
    Http clerk = new Http(port, DemoUsers.userOf(DemoUsers.KELAN, org.anju.access.Role.TOWNSHIP), DemoUsers.PASSWORD);
    byte[] jpeg = jpeg(1600, 1200);

    double[] upload = new double[uploads];
    for (int i = 0; i < uploads; i++) {
      byte[] photo = padded(jpeg, i);
      long t = System.nanoTime();
      clerk.postFile("/api/tasks/" + task.getId() + "/documents", "photo-" + i + ".jpg", "image/jpeg", photo,
          "record", "PHOTOS_BEFORE");
      upload[i] = (System.nanoTime() - t) / 1e6;
    }
    double[] put = new double[uploads];
    for (int i = 0; i < uploads; i++) {
      byte[] photo = padded(jpeg, 10_000 + i);
      long t = System.nanoTime();
      documents.store().put(org.anju.documents.CaseDocuments.sha256(photo), new ByteArrayInputStream(photo), photo.length);
      put[i] = (System.nanoTime() - t) / 1e6;
    }

    // the archive's photos: as a phone takes them, 4000×3000
    List<HouseholdFileContent.Attachment> attachments = new ArrayList<>();
    for (int i = 0; i < photos; i++) {
      byte[] photo = jpeg(4000, 3000);
      String sha = org.anju.documents.CaseDocuments.sha256(photo);
      documents.store().put(sha, new ByteArrayInputStream(photo), photo.length);
      attachments.add(new HouseholdFileContent.Attachment("photo-" + i + ".jpg", "image/jpeg", sha, photo.length,
          () -> documents.store().get(sha)));
    }
    long t = System.nanoTime();
    for (HouseholdFileContent.Attachment a : attachments) {
      try (InputStream in = a.content().open()) {
        ImageIO.read(in);
      }
    }
    double decode = (System.nanoTime() - t) / 1e9;
    HouseholdFileContent content = new HouseholdFileContent("140929-2027-990001", "测量户", "岢岚县", "宋家沟镇", "宋家沟村",
        "改造安全 Made safe by renovation", "宋家沟镇危改字[2027]1号", AnjuClock.today(),
        OffsetDateTime.ofInstant(AnjuClock.now(), AnjuClock.zone()), List.of(
            new HouseholdFileContent.Section("改造前照片 Photos before renovation", List.of(), attachments)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t = System.nanoTime();
    pdf.render(content, out);
    double render = (System.nanoTime() - t) / 1e9;
    return new Figures(median(upload), median(put), render, decode, out.size(), photos);
  }

  /** A photo's bytes made {@link #PHOTO_BYTES} long (a decoder stops at the image's end) and unique. */
  private static byte[] padded(byte[] jpeg, int n) {
    byte[] photo = Arrays.copyOf(jpeg, Math.max(PHOTO_BYTES, jpeg.length + 8));
    photo[photo.length - 4] = (byte) (n >> 16);
    photo[photo.length - 3] = (byte) (n >> 8);
    photo[photo.length - 2] = (byte) n;
    photo[photo.length - 1] = 1;
    return photo;
  }

  /** A noisy picture, so that it compresses as a photo does rather than as a flat colour. */
  private byte[] jpeg(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        row[x] = ((x * 255 / width) << 16) | ((y * 255 / height) << 8) | random.nextInt(96);
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }


  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
