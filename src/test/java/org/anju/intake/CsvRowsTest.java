package org.anju.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {

  record Row(long line, List<String> cells) {}

  static List<Row> parse(String text) throws IOException {
    List<Row> rows = new ArrayList<>();
    CsvRows.parse(new StringReader(text), (line, cells) -> rows.add(new Row(line, List.copyOf(cells))));
    return rows;
  }

  @Test
  void readsQuotesLineBreaksAndKeepsPhysicalLineNumbers() throws IOException {
    assertThat(parse("\uFEFFa,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,\r\n"))
        .containsExactly(new Row(1, List.of("a", "b")), new Row(2, List.of("x, \"y\"", "two\nlines")),
            new Row(5, List.of("last", "")));
    assertThat(parse("a,b")).containsExactly(new Row(1, List.of("a", "b")));
    assertThat(parse("a\rb\r")).containsExactly(new Row(1, List.of("a")), new Row(2, List.of("b")));
  }

  @Test
  void readsUtf8AndGb18030(@TempDir Path dir) throws IOException {
    Path utf8 = Files.writeString(dir.resolve("a.csv"), "户主,宋家沟村\n", StandardCharsets.UTF_8);
    Path gbk = Files.writeString(dir.resolve("b.csv"), "户主,宋家沟村\n", Charset.forName("GB18030"));
    for (Path file : List.of(utf8, gbk)) {
      List<List<String>> rows = new ArrayList<>();
      CsvRows.read(file, (line, cells) -> rows.add(List.copyOf(cells)));
      assertThat(rows).as(file.toString()).containsExactly(List.of("户主", "宋家沟村"));
    }
  }
}
