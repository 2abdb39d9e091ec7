package org.anju.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats a register may come in, told by the file name and confirmed by the content. */
enum RegisterFormat {
  CSV, XLSX;

  /** The format the file name announces, or empty when it is neither. */
  static Optional<RegisterFormat> ofFileName(String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".xlsx")) {
      return Optional.of(XLSX);
    }
    return Optional.empty();
  }

  /** Why the content does not fit the format, or empty when it does. */
  Optional<String> contentProblem(Path file) throws IOException {
    byte[] head = new byte[8192];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    boolean zip = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    if (this == XLSX) {
      return zip ? Optional.empty() : Optional.of("is not an Excel .xlsx workbook; save it as .xlsx or as CSV (UTF-8)");
    }
    if (zip) {
      return Optional.of("is a zip or Excel workbook, not CSV text; name it .xlsx or save it as CSV (UTF-8)");
    }
    boolean utf16 = n >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
    for (int i = 0; i < n; i++) {
      if (head[i] == 0 || utf16) {
        return Optional.of("is not CSV text (binary content or UTF-16); save it as CSV (UTF-8)");
      }
    }
    return Optional.empty();
  }
}
