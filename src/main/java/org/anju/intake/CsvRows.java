package org.anju.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV register record by record (RFC 4180: comma separated, double quotes, quoted line
 * breaks), never holding more than one record. UTF-8 with or without BOM; a file that is not UTF-8
 * is read as GB18030, as Excel on a Chinese Windows saves "CSV".
 */
final class CsvRows {

  private CsvRows() {}

  static void read(Path file, RowConsumer consumer) throws IOException {
    Charset charset = charsetOf(file);
    try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 1 << 16)) {
      parse(reader, consumer);
    }
  }

  static Charset charsetOf(Path file) throws IOException {
    byte[] head = new byte[1 << 16];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
      return StandardCharsets.UTF_8;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(head, 0, n);
    CharBuffer chars = CharBuffer.allocate(n + 1);
    CoderResult result = decoder.decode(bytes, chars, false);
    if (result.isError()) {
      // a character cut at the end of the sample is no evidence; anything else is not UTF-8
      boolean cutAtEnd = n == head.length && bytes.position() >= n - 3;
      return cutAtEnd ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    }
    return StandardCharsets.UTF_8;
  }

  static void parse(Reader in, RowConsumer consumer) throws IOException {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    boolean any = false;
    long line = 1;
    long recordLine = 1;
    int c = in.read();
    if (c == '\uFEFF') {
      c = in.read();
    }
    while (c != -1) {
      int next = -2;
      if (quoted) {
        if (c == '"') {
          next = in.read();
          if (next == '"') {
            cell.append('"');
            next = -2;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append((char) c);
        }
      } else if (c == '"' && cell.isEmpty() && !afterQuote) {
        quoted = true;
        any = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        afterQuote = false;
        any = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r') {
          next = in.read();
          if (next == '\n') {
            next = -2;
          }
        }
        cells.add(cell.toString());
        if (any || cells.size() > 1 || !cells.get(0).isEmpty()) {
          consumer.row(recordLine, cells);
        }
        cells = new ArrayList<>();
        cell.setLength(0);
        afterQuote = false;
        any = false;
        line++;
        recordLine = line;
      } else {
        cell.append((char) c);
        any = true;
      }
      c = next == -2 ? in.read() : next;
    }
    if (any || !cell.isEmpty() || !cells.isEmpty()) {
      cells.add(cell.toString());
      consumer.row(recordLine, cells);
    }
  }

}
