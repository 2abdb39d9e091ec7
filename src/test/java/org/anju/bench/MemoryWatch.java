package org.anju.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Samples the heap in use, the heap left after the last garbage collection (what the application
 * really holds) and the process's resident memory every 50 ms, so that each phase can report their
 * peaks. Resident memory is read from /proc (Linux); elsewhere it is reported as 0.
 */
final class MemoryWatch implements AutoCloseable {

  private static final Path STATUS = Path.of("/proc/self/status");

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread sampler;
  private volatile boolean running = true;
  private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
  private long peakHeap;
  private long peakLive;
  private long peakRss;

  MemoryWatch() {
    sampler = new Thread(this::sample, "bench-memory");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** The peaks since the last call, which starts the next phase's peaks. */
  synchronized Peaks nextPhase() {
    Peaks peaks = new Peaks(Math.max(peakHeap, heap()), Math.max(peakLive, live()), Math.max(peakRss, rss()));
    peakHeap = 0;
    peakLive = 0;
    peakRss = 0;
    return peaks;
  }

  record Peaks(long heapBytes, long liveBytes, long rssBytes) {}

  private void sample() {
    while (running) {
      long heap = heap();
      long live = live();
      long rss = rss();
      synchronized (this) {
        peakHeap = Math.max(peakHeap, heap);
        peakLive = Math.max(peakLive, live);
        peakRss = Math.max(peakRss, rss);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private long heap() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** The heap in use right after the last collection of each pool. */
  private long live() {
    long used = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      used += afterGc == null ? 0 : afterGc.getUsed();
    }
    return used;
  }

  static long rss() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: no resident-memory figure
    }
    return 0;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
