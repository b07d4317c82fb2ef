// Open-loop load at a fixed arrival rate: one request every 1000/rate ms, sent on schedule whether or
// not earlier ones have answered, latency measured from the scheduled send time (so a stalled server
// cannot hide its queue: no coordinated omission). autocannon's `overallRate` instead lets each
// connection send its share back to back at the top of every second and then wait, so "100 requests
// per second" there is a burst of 100 every second (autocannon lib/httpClient.js, reqsMadeThisSecond).
import http from 'node:http';

/** Percentile (0..100) of sorted numbers, nearest-rank. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * POST the bodies round-robin to `url` at `rate` requests per second for `seconds`.
 * Resolves to { sent, ok, failed, latenciesMs (sorted), achievedRps }.
 */
export function pacedLoad({ url, bodies, rate, seconds, headers = { 'content-type': 'application/json' } }) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const latencies = [];
  let sent = 0;
  let done = 0;
  let failed = 0;
  const t0 = performance.now() + 5;
  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
      latencies.sort((a, b) => a - b);
      const elapsed = (performance.now() - t0) / 1000;
      resolve({ sent, ok: latencies.length, failed, latenciesMs: latencies, achievedRps: latencies.length / elapsed });
    };
    const fire = (scheduled, body) => {
      const req = http.request(
        { agent, method: 'POST', hostname: target.hostname, port: target.port, path: target.pathname + target.search, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode >= 200 && res.statusCode < 300) latencies.push(performance.now() - scheduled);
            else failed++;
            if (++done === total) finish();
          });
        },
      );
      req.on('error', () => {
        failed++;
        if (++done === total) finish();
      });
      req.end(body);
    };
    const tick = () => {
      const now = performance.now();
      // Send everything that is due (a late timer sends the backlog at once, timed from its schedule).
      while (sent < total && t0 + sent * interval <= now) {
        fire(t0 + sent * interval, bodies[sent % bodies.length]);
        sent++;
      }
      if (sent < total) setTimeout(tick, Math.max(0, t0 + sent * interval - performance.now()));
    };
    setTimeout(tick, 5);
  });
}
