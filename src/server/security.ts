import { networkInterfaces, hostname } from 'node:os';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UserError } from '../core/errors.js';

/**
 * What makes the server safe to expose, in one place: the headers every response carries, and
 * the Host and Origin checks that stop DNS rebinding and cross-site writes.
 */

/** Content-Security-Policy: no inline or foreign scripts, even if some text slipped into the DOM as HTML. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Sent on every response (API, UI, errors and not-found alike): a URL that reaches the UI any way gets them. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

export function registerSecurityHeaders(app: FastifyInstance): void {
  // onRequest sets them before anything can answer (static files, errors, 404s); onSend makes sure.
  const set = (reply: FastifyReply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
  };
  app.addHook('onRequest', async (_request, reply) => set(reply));
  app.addHook('onSend', async (_request, reply, payload) => {
    set(reply);
    return payload;
  });
}

/** `*` accepts any Host (behind a proxy that checks it); otherwise a list of host names, lowercase, without port. */
export type AllowedHosts = '*' | readonly string[];

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || h.startsWith('127.') || h.endsWith('.localhost');
}

/**
 * The host names a server listening on `listen` answers to, besides `extra`: the loopback names;
 * the listening address itself; on all interfaces (0.0.0.0, ::), every local address and the
 * machine's name. A DNS name that points at the server must be listed in `extra` (--allowed-hosts).
 */
export function allowedHostsFor(listen: string, extra: readonly string[] = []): AllowedHosts {
  if (extra.includes('*')) return '*';
  const names = new Set<string>([...LOOPBACK, ...extra.map(normaliseHost)]);
  const l = normaliseHost(listen);
  if (l === '0.0.0.0' || l === '::') {
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(normaliseHost(a.address));
    names.add(hostname().toLowerCase());
  } else names.add(l);
  return [...names];
}

/** "Example.COM:8080" -> "example.com", "[::1]:3000" -> "::1". */
export function normaliseHost(value: string): string {
  const v = value.trim().toLowerCase();
  if (v.startsWith('[')) return v.slice(1, v.indexOf(']') === -1 ? undefined : v.indexOf(']'));
  const colons = v.split(':').length - 1;
  if (colons === 1) return v.slice(0, v.indexOf(':'));
  return v.replace(/\.$/, '');
}

/**
 * Rejects (403) a request whose Host header is not one the server answers to (a page on
 * attacker.example whose name was rebound to 127.0.0.1 sends `Host: attacker.example`), and a
 * write whose Origin is another site (a form or script on another page posting here).
 */
export function registerHostCheck(app: FastifyInstance, allowed: AllowedHosts): void {
  if (allowed === '*') return;
  const names = new Set(allowed);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const host = request.headers.host;
    if (!host || !names.has(normaliseHost(host))) {
      throw new UserError(`host: this server does not answer to the Host "${host ?? '(none)'}" (serve --allowed-hosts adds a name)`, { field: 'host', status: 403 });
    }
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    const origin = request.headers.origin;
    if (origin === undefined) return;
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      originHost = '';
    }
    if (originHost !== host.toLowerCase()) {
      throw new UserError(`origin: writes from another site (${origin}) are refused`, { field: 'origin', status: 403 });
    }
  });
}
