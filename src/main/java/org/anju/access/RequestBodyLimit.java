package org.anju.access;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it, per endpoint: a declared length over the limit
 * answers 413 at once, and a body sent without a length (chunked) is read at most to the limit. Four
 * bodies of 250 MB once filled the heap while a filter read them whole to check their fields.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

  /** Bodies up to this limit that come without a declared length are read here at once. */
  static final long BUFFERED = 4L * 1024 * 1024;

  private final Map<String, Long> limitsByPathPrefix;
  private final long defaultLimit;

  /** Limits in bytes per path prefix (longest prefix first is not needed: the first match wins). */
  public RequestBodyLimit(Map<String, Long> limitsByPathPrefix, long defaultLimit) {
    this.limitsByPathPrefix = new LinkedHashMap<>(limitsByPathPrefix);
    this.defaultLimit = defaultLimit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long limit = limitsByPathPrefix.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse(defaultLimit);
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(response, limit);
      return;
    }
    if (declared < 0 && limit <= BUFFERED) {
      // no declared length: read it here, up to the limit, so that an overrun is a 413 and not a failure inside the API
      byte[] body = request.getInputStream().readNBytes((int) limit + 1);
      if (body.length > limit) {
        refuse(response, limit);
        return;
      }
      chain.doFilter(SubmittedValues.withBody(request, body), response);
      return;
    }
    chain.doFilter(declared >= 0 ? request : new Bounded(request, limit), response);
  }

  static void refuse(HttpServletResponse response, long limit) throws IOException {
    response.setHeader("Connection", "close"); // the client need not send the rest
    RestResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "RequestTooLarge",
        "Request body: at most " + readable(limit) + " / 请求内容不能超过 " + readable(limit));
  }

  /** A size as a person reads it: 512 KB, 1 MB, 20 MB. */
  static String readable(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    return bytes >= 1024 ? Math.round(bytes / 1024.0) + " KB" : bytes + " bytes";
  }

  /** A request whose body stops with an error once more than the limit has been read. */
  private static final class Bounded extends HttpServletRequestWrapper {
    private final long limit;

    Bounded(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > limit) {
            throw new IOException("request body over " + readable(limit));
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0 && (read += n) > limit) {
            throw new IOException("request body over " + readable(limit));
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), getCharacterEncoding() == null
          ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(getCharacterEncoding())));
    }
  }
}
