-- wrk's closing report as one JSON line (latencies in microseconds).
done = function(summary, latency, requests)
  io.write(string.format(
    '\n{"requests": %d, "duration_us": %d, "status_errors": %d, "connect_errors": %d, "read_errors": %d, ' ..
    '"write_errors": %d, "timeouts": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %.1f, "max_us": %d}\n',
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.mean, latency.max))
end
