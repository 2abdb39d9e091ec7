package org.anju.api;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The spreadsheets Anju's APIs hand out (the progress report, the national system's export): one line a row. */
public final class Workbooks {

  private Workbooks() {}

  /** Writes {@code line} as row {@code r}: numbers as numbers, anything else as its text, nothing for null. */
  public static void writeRow(Sheet sheet, int r, List<?> line) {
    Row row = sheet.createRow(r);
    for (int c = 0; c < line.size(); c++) {
      Object value = line.get(c);
      Cell cell = row.createCell(c);
      if (value instanceof Number number) {
        cell.setCellValue(number.doubleValue());
      } else if (value != null) {
        cell.setCellValue(value.toString());
      }
    }
  }
}
