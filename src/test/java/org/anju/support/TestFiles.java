package org.anju.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Files as clerks' phones and scanners make them, and the bad ones an upload must refuse. */
public final class TestFiles {

  private TestFiles() {}

  public static byte[] png(int width, int height, Color color) {
    return image(width, height, color, "png");
  }

  public static byte[] jpeg(int width, int height, Color color) {
    return image(width, height, color, "jpg");
  }

  private static byte[] image(int width, int height, Color color, String format) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.DARK_GRAY);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A JPEG with the EXIF a phone writes: the local time taken (DateTimeOriginal) and the GPS position,
   * as an APP1 segment after the JPEG's start marker.
   */
  public static byte[] jpegWithExif(int width, int height, LocalDateTime taken, double latitude, double longitude) {
    byte[] plain = jpeg(width, height, Color.ORANGE);
    ByteBuffer tiff = ByteBuffer.allocate(512).order(ByteOrder.BIG_ENDIAN);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    // IFD0 at 8: ExifIFD pointer, GPS IFD pointer
    int ifd0 = 8;
    int exifIfd = ifd0 + 2 + 2 * 12 + 4; // 38
    int dateAt = exifIfd + 2 + 12 + 4; // 56
    int gpsIfd = dateAt + 20; // 76
    int gpsData = gpsIfd + 2 + 4 * 12 + 4; // 130
    tiff.position(ifd0);
    tiff.putShort((short) 2);
    entry(tiff, 0x8769, 4, 1, exifIfd);
    entry(tiff, 0x8825, 4, 1, gpsIfd);
    tiff.putInt(0);
    tiff.position(exifIfd);
    tiff.putShort((short) 1);
    entry(tiff, 0x9003, 2, 20, dateAt);
    tiff.putInt(0);
    tiff.position(dateAt);
    tiff.put((taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")) + "\0").getBytes(StandardCharsets.US_ASCII));
    tiff.position(gpsIfd);
    tiff.putShort((short) 4);
    entry(tiff, 0x0001, 2, 2, (latitude >= 0 ? 'N' : 'S') << 24);
    entry(tiff, 0x0002, 5, 3, gpsData);
    entry(tiff, 0x0003, 2, 2, (longitude >= 0 ? 'E' : 'W') << 24);
    entry(tiff, 0x0004, 5, 3, gpsData + 24);
    tiff.putInt(0);
    tiff.position(gpsData);
    rational(tiff, Math.abs(latitude));
    rational(tiff, Math.abs(longitude));
    int length = tiff.position();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    out.write(0xFF);
    out.write(0xE1);
    int segment = 2 + 6 + length;
    out.write(segment >> 8);
    out.write(segment & 0xFF);
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.write(tiff.array(), 0, length);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
  }

  /** Degrees, minutes and seconds (in 1/10000 s) of {@code value}. */
  private static void rational(ByteBuffer b, double value) {
    int degrees = (int) value;
    double m = (value - degrees) * 60;
    int minutes = (int) m;
    long seconds = Math.round((m - minutes) * 60 * 10000);
    b.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt((int) seconds).putInt(10000);
  }

  /**
   * A PNG whose header says {@code width}×{@code height} while its compressed data is a few hundred bytes: a
   * decompression bomb, which only a reader that trusts the header before decoding refuses cheaply.
   */
  public static byte[] pngBomb(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
        .put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", header.array());
    Deflater deflater = new Deflater(9);
    deflater.setInput(new byte[64 * 1024]);
    deflater.finish();
    byte[] buffer = new byte[1024];
    int n = deflater.deflate(buffer);
    byte[] idat = new byte[n];
    System.arraycopy(buffer, 0, idat, 0, n);
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
    out.writeBytes(length.array());
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  public static byte[] pdf(boolean withJavaScript) {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      if (withJavaScript) {
        document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first bytes of a Windows executable, as a file renamed {@code .jpg} would carry them. */
  public static byte[] executable() {
    byte[] bytes = new byte[4096];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    return bytes;
  }
}
