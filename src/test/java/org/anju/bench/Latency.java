package org.anju.bench;

import java.util.Arrays;

/** Latency percentiles of one request, repeated: a few warm-up calls, then {@code samples} timed ones. */
record Latency(int samples, double p50Ms, double p95Ms, double maxMs) {

  static Latency of(int warmUp, int samples, Runnable request) {
    for (int i = 0; i < warmUp; i++) {
      request.run();
    }
    double[] ms = new double[samples];
    for (int i = 0; i < samples; i++) {
      long started = System.nanoTime();
      request.run();
      ms[i] = (System.nanoTime() - started) / 1e6;
    }
    Arrays.sort(ms);
    return new Latency(samples, percentile(ms, 50), percentile(ms, 95), ms[ms.length - 1]);
  }

  /** The nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
