package org.anju.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.anju.tasklist.FieldErrors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * What an uploaded file must be before anything is stored: not empty, within the size limit, a JPEG or PNG
 * photo or a PDF scan by its bytes (whatever its name or declared type says), an image of a sane number of
 * pixels (a small file can decode to gigabytes), a PDF that opens without a password and carries no script
 * or launch action. Each refusal names the file and the reason, in Chinese and English.
 */
final class UploadCheck {

  /** What Anju accepts, by the bytes each starts with. */
  enum Kind {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf");

    final String mediaType;
    final String[] extensions;

    Kind(String mediaType, String... extensions) {
      this.mediaType = mediaType;
      this.extensions = extensions;
    }

    boolean image() {
      return this != PDF;
    }

    static Optional<Kind> ofBytes(byte[] b) {
      if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
        return Optional.of(JPEG);
      }
      if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
          && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
        return Optional.of(PNG);
      }
      if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
        return Optional.of(PDF);
      }
      return Optional.empty();
    }

    static Optional<Kind> ofExtension(String fileName) {
      int dot = fileName.lastIndexOf('.');
      String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
      for (Kind kind : values()) {
        for (String e : kind.extensions) {
          if (e.equals(ext)) {
            return Optional.of(kind);
          }
        }
      }
      return Optional.empty();
    }
  }

  /** An accepted file: its kind, and its size in pixels when it is an image. */
  record Accepted(Kind kind, Integer width, Integer height) {}

  private final long maxBytes;
  private final long maxPixels;

  UploadCheck(long maxBytes, long maxPixels) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  long maxBytes() {
    return maxBytes;
  }

  /** The file's kind, or its problems in {@code errors} (field {@code file}) and empty. */
  Optional<Accepted> check(String fileName, byte[] bytes, boolean photoOnly, FieldErrors errors) {
    String name = "“" + fileName + "”";
    if (bytes.length == 0) {
      errors.add("file", name + "是空文件", "\"" + fileName + "\" is empty");
      return Optional.empty();
    }
    if (bytes.length > maxBytes) {
      errors.add("file", name + "超过 " + megabytes(maxBytes) + " MB 的上限", "\"" + fileName + "\" is larger than the limit of "
          + megabytes(maxBytes) + " MB");
      return Optional.empty();
    }
    Optional<Kind> kind = Kind.ofBytes(bytes);
    if (kind.isEmpty()) {
      errors.add("file", name + "不是 JPEG、PNG 照片或 PDF 扫描件", "\"" + fileName
          + "\" is not a JPEG or PNG photo or a PDF scan");
      return Optional.empty();
    }
    Optional<Kind> named = Kind.ofExtension(fileName);
    if (named.isPresent() && named.get() != kind.get()) {
      errors.add("file", name + "的扩展名与内容不符（内容是 " + kind.get() + "）", "\"" + fileName
          + "\" is named as " + named.get() + " but its content is " + kind.get());
      return Optional.empty();
    }
    if (photoOnly && !kind.get().image()) {
      errors.add("file", name + "不是照片：照片须为 JPEG 或 PNG", "\"" + fileName + "\" is not a photo: photos are JPEG or PNG");
      return Optional.empty();
    }
    return kind.get().image() ? image(fileName, bytes, kind.get(), errors) : pdf(fileName, bytes, errors);
  }

  /** Reads the image's size from its header alone: a decompression bomb is refused before it is decoded. */
  private Optional<Accepted> image(String fileName, byte[] bytes, Kind kind, FieldErrors errors) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("no reader");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width * height > maxPixels) {
          errors.add("file", "“" + fileName + "”像素过多（" + width + "×" + height + "），上限 " + maxPixels / 1_000_000
              + " 百万像素", "\"" + fileName + "\" has too many pixels (" + width + "×" + height + "); the limit is "
              + maxPixels / 1_000_000 + " megapixels");
          return Optional.empty();
        }
        return Optional.of(new Accepted(kind, (int) width, (int) height));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      errors.add("file", "“" + fileName + "”无法读取为图片", "\"" + fileName + "\" cannot be read as an image");
      return Optional.empty();
    }
  }

  /** A PDF must open, and must hold no JavaScript or launch action anywhere among its objects. */
  private Optional<Accepted> pdf(String fileName, byte[] bytes, FieldErrors errors) {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      for (COSObject object : document.getDocument().getXrefTable().keySet().stream()
          .map(key -> document.getDocument().getObjectFromPool(key)).toList()) {
        if (scripted(object.getObject())) {
          errors.add("file", "“" + fileName + "”含有脚本或启动动作，不能作为扫描件", "\"" + fileName
              + "\" contains JavaScript or a launch action and is not accepted as a scan");
          return Optional.empty();
        }
      }
      if (scripted(document.getDocument().getTrailer())) {
        errors.add("file", "“" + fileName + "”含有脚本", "\"" + fileName + "\" contains JavaScript");
        return Optional.empty();
      }
      return Optional.of(new Accepted(Kind.PDF, null, null));
    } catch (InvalidPasswordException e) {
      errors.add("file", "“" + fileName + "”有密码保护", "\"" + fileName + "\" is protected by a password");
    } catch (IOException | RuntimeException e) {
      errors.add("file", "“" + fileName + "”不是可读的 PDF", "\"" + fileName + "\" is not a readable PDF");
    }
    return Optional.empty();
  }

  private static final COSName JS = COSName.getPDFName("JS");

  private static boolean scripted(COSBase object) {
    if (object instanceof COSDictionary dictionary) {
      COSName subtype = dictionary.getCOSName(COSName.S);
      return dictionary.containsKey(JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)
          || COSName.JAVA_SCRIPT.equals(subtype) || COSName.getPDFName("Launch").equals(subtype)
          || COSName.getPDFName("RichMedia").equals(subtype);
    }
    return false;
  }

  private static long megabytes(long bytes) {
    return bytes / (1024 * 1024);
  }
}
