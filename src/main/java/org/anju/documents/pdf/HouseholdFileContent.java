package org.anju.documents.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What a household's file (一户一档) shows, ready to print: the cover's data and the sections in the order
 * the file keeps them. Plain values: the caller reads them from the domain tables and the content store.
 *
 * @param outcome the outcome's label as the file prints it, e.g. "改造安全 Made safe by renovation"
 * @param archivedDate null while the file is not archived yet
 */
public record HouseholdFileContent(
    String householdId,
    String headName,
    String countyName,
    String townshipName,
    String village,
    String outcome,
    String archiveNumber,
    LocalDate archivedDate,
    OffsetDateTime generatedAt,
    List<Section> sections) {

  public HouseholdFileContent {
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(generatedAt, "generatedAt");
    sections = List.copyOf(sections);
  }

  /** One record of the file, e.g. "危房鉴定表 Appraisal form": its data, then its documents. */
  public record Section(String title, List<Field> fields, List<Attachment> attachments) {

    public Section {
      Objects.requireNonNull(title, "title");
      fields = List.copyOf(fields);
      attachments = List.copyOf(attachments);
    }
  }

  /** A label and its value; a long value wraps. */
  public record Field(String label, String value) {}

  /**
   * A document of a section. JPEG and PNG images are printed, a PDF's pages are imported, anything else is
   * listed; each with its name and SHA-256. The bytes are read only when the document is printed, and
   * checked against {@code sha256}.
   *
   * @param mediaType e.g. {@code image/jpeg}, {@code image/png}, {@code application/pdf}
   * @param sha256 lower-case hex, as the content store keys the document
   */
  public record Attachment(String fileName, String mediaType, String sha256, long size, Content content) {

    public Attachment {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(content, "content");
    }
  }

  /** Opens the bytes of an attachment, e.g. {@code () -> contentStore.get(sha256)}; the renderer closes the stream. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }
}
