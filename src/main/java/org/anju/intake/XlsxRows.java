package org.anju.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx register with POI's SAX event API: rows are handed on as the
 * sheet's XML streams past, the workbook is never built in memory. Cells are read as Excel shows
 * them (a number formatted as it is displayed, a boolean as TRUE/FALSE).
 */
final class XlsxRows {

  static final String UNREADABLE = "不是可读取的 .xlsx 工作簿；请用 Excel 另存为 .xlsx 或 CSV (UTF-8)。 "
      + "is not a readable .xlsx workbook; save it again in Excel as .xlsx or as CSV (UTF-8)";

  private XlsxRows() {}

  /** Thrown when the file is not a readable workbook. */
  static class Unreadable extends RuntimeException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static void read(Path file, RowConsumer consumer) throws IOException {
    OPCPackage opened;
    try {
      opened = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (InvalidFormatException | RuntimeException e) {
      // POI names the server's copy of the file in its messages: the cause is logged, not shown
      throw new Unreadable(UNREADABLE, e);
    }
    try (OPCPackage pkg = opened) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        return;
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(consumer),
            new DataFormatter(), false));
        parser.parse(new InputSource(sheet));
      }
    } catch (OpenXML4JException | SAXException | ParserConfigurationException | org.apache.poi.ooxml.POIXMLException e) {
      throw new Unreadable(UNREADABLE, e);
    }
  }

  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final RowConsumer consumer;
    private List<String> cells = new ArrayList<>();
    private int nextColumn;

    Rows(RowConsumer consumer) {
      this.consumer = consumer;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
      nextColumn = 0;
    }

    @Override
    public void endRow(int rowNum) {
      consumer.row(rowNum + 1L, cells);
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(formattedValue == null ? "" : formattedValue);
      nextColumn = column + 1;
    }
  }
}
