# Varnish (Debian `varnish`, 7.x) in front of dxserve.
#
# What dxserve tells a cache, and what this file does with it:
# - Public GETs carry an ETag and `Cache-Control: no-cache` (RFC 9111 §5.2.2.4: a cache may
#   store the response but must revalidate it with the origin before every reuse). Varnish
#   keeps such an object with ttl 0 and a long `keep`, so each request becomes a conditional
#   fetch (If-None-Match: the stored ETag): dxserve answers 304 from its own response cache
#   without a body, and Varnish sends the stored body as a 200. A write changes the ETag, so
#   the very next read gets the new representation: no stale reads, no purge needed.
# - `Vary: Accept-Encoding` (and `Accept` on CSV collections) is honoured by Varnish itself:
#   one stored variant per value.
# - Anything with `Authorization` (admin requests) is passed, never looked up or stored, and
#   so is every method but GET and HEAD. Responses without an ETag, and any marked
#   `no-store` or `private` (the replica's 503, problems), are never stored either.
# - dxserve uses no cookies: a Cookie a browser sends along is dropped so it cannot split
#   the cache.
#
# Install it as /etc/varnish/default.vcl (or point varnishd -f at it) and set the backend
# below to where dxserve listens. Behind Varnish run dxserve with --public-url so the links it
# builds name the public host. (`scripts/varnish-test.sh` substitutes the port.)

vcl 4.1;

backend dxserve {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    # Longer than dxserve's slowest answer (a full CSV export); dxserve streams it.
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

sub vcl_recv {
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Never look up or store an authenticated request: another caller must not get its answer.
    if (req.http.Authorization) {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    if (bereq.http.Authorization || beresp.http.Cache-Control ~ "(?i)(no-store|private)" || !beresp.http.ETag) {
        # Remember "do not cache" for a short while so concurrent requests are not queued
        # behind one another (hit-for-miss), then ask again.
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
    if (beresp.http.Cache-Control ~ "(?i)no-cache") {
        # Stored, but stale at once: every reuse is revalidated (RFC 9111 §4.3) with the
        # stored ETag, kept for a day (`keep`). Not ttl 0: Varnish skips such objects on
        # lookup and would never revalidate them; 1 ms is the nearest it gets, so requests
        # within 1 ms of a revalidation share its answer.
        set beresp.ttl = 0.001s;
        set beresp.grace = 0s;
        set beresp.keep = 1d;
        return (deliver);
    }
}
