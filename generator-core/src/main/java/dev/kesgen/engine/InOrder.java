package dev.kesgen.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Applies a function to every element on all cores and returns the results in the order of the input, so that what
 * depends on the order (events, files, the first error) is the same as in a loop. The function must be independent
 * of the order it runs in: it is given nothing shared but thread-safe things.
 */
final class InOrder {
  /** Below this many elements a loop is as fast as handing work to threads. */
  private static final int PARALLEL_FROM = 64;

  private InOrder() {}

  /** Each element's result, in input order; a {@link RuntimeException} of the first failing element (in input order). */
  static <T, R> List<R> map(List<T> input, Function<T, R> function) {
    return map(input, input.size(), function);
  }

  /**
   * As {@link #map(List, Function)} for elements of unequal size: {@code work} is the size of all of them together
   * (for instances, their tenants), so that a few large elements still run in parallel and many small ones do not.
   */
  static <T, R> List<R> map(List<T> input, int work, Function<T, R> function) {
    int threads = Math.min(Math.min(Runtime.getRuntime().availableProcessors(), input.size()), work / PARALLEL_FROM);
    if (threads <= 1) {
      return input.stream().map(function).toList();
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "kesgen-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<R>> futures = new ArrayList<>(input.size());
      for (T element : input) {
        futures.add(pool.submit(() -> function.apply(element)));
      }
      List<R> results = new ArrayList<>(input.size());
      for (Future<R> future : futures) {
        results.add(get(future));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R get(Future<R> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
