package org.anju.documents;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.stereotype.Component;

/**
 * Small JPEG previews of photos for the Documents tab. The photo is decoded with subsampling (a 4000×3000
 * photo is read as about 500×375), so a preview costs a small image's memory, not the photo's; the last
 * previews made are kept, keyed by content.
 */
@Component
class Thumbnails {

  static final int EDGE = 320;
  private static final int KEPT = 200;

  private final CaseDocuments documents;
  private final Map<String, byte[]> recent = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
      return size() > KEPT;
    }
  };

  Thumbnails(CaseDocuments documents) {
    this.documents = documents;
  }

  byte[] of(String sha256) throws IOException {
    synchronized (recent) {
      byte[] kept = recent.get(sha256);
      if (kept != null) {
        return kept;
      }
    }
    byte[] made;
    try (InputStream content = documents.store().get(sha256)) {
      made = make(content);
    }
    synchronized (recent) {
      recent.put(sha256, made);
    }
    return made;
  }

  static byte[] make(InputStream content) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(content)) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("not an image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        int step = Math.max(1, Math.min(width, height) / EDGE / 2);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage read = reader.read(0, param);
        double scale = Math.min(1.0, (double) EDGE / Math.max(read.getWidth(), read.getHeight()));
        int w = Math.max(1, (int) Math.round(read.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(read.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(read, 0, 0, w, h, java.awt.Color.WHITE, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(small, "jpg", out);
        return out.toByteArray();
      } finally {
        reader.dispose();
      }
    }
  }
}
