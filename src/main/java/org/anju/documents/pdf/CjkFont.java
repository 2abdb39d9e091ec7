package org.anju.documents.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The TrueType font the household file is printed in, held as bytes and parsed afresh for each document
 * (a parsed font is not safe to share between threads). Refused when it could not print Chinese: a font
 * without TrueType outlines (an OpenType CFF {@code .otf}, which PDFBox cannot subset) or without the
 * glyphs of {@link #PROBE}.
 */
final class CjkFont {

  /** Characters every household file prints: a font that lacks one of them would print boxes. */
  static final String PROBE = "一户一档第页共目录危房鉴定改造户主编号县乡镇村王秀英静乐";

  private final byte[] data;
  private final String source;
  private final String name;

  private CjkFont(byte[] data, String source, String name) {
    this.data = data;
    this.source = source;
    this.name = name;
  }

  /** Reads the font from {@code in}; {@code source} names it in messages. */
  static CjkFont read(InputStream in, String source) throws IOException {
    byte[] data = in.readAllBytes();
    try (TrueTypeFont font = parse(data)) {
      if (!font.getTableMap().containsKey("glyf")) {
        throw new IllegalArgumentException(source + " has no TrueType outlines (glyf table): PDFBox embeds a subset"
            + " of TrueType fonts only, not of OpenType CFF fonts (.otf)");
      }
      CmapLookup unicode = font.getUnicodeCmapLookup();
      List<String> missing = new ArrayList<>();
      PROBE.codePoints().filter(c -> unicode.getGlyphId(c) == 0).forEach(c -> missing.add(Character.toString(c)));
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(source + " (" + font.getName() + ") cannot print Chinese: no glyph for "
            + String.join("", missing));
      }
      return new CjkFont(data, source, font.getName());
    }
  }

  /** A parsed copy for one document; the caller closes it after saving the document. */
  TrueTypeFont open() throws IOException {
    return parse(data);
  }

  String describe() {
    return name + " from " + source;
  }

  private static TrueTypeFont parse(byte[] data) throws IOException {
    return new TTFParser().parse(new RandomAccessReadBuffer(data));
  }
}
