import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '@shared/security';
import type { Result } from '@shared/contract/result';
import type { CoreListener } from '@core/app';
import { ReportRequest } from '@shared/api/reports';
import { validationError } from '@shared/contract/validate';
import { exportForDownload } from './export-download';

export interface HostCore {
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: CoreListener): () => void;
}

export interface HostOptions {
  core: HostCore;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  port?: number;
  /**
   * Prints the report route to a PDF: the browser's "Export PDF" downloads it. `entry` is a one-time link
   * into the app (see `Host.link`) that the printing browser opens.
   */
  printReport?(request: ReportRequest, entry: string): Promise<{ pdf: Buffer; fileName: string }>;
}

export interface Host {
  /** The first one-time link: opening it once gives that browser its session. */
  url: string;
  /** `http://127.0.0.1:PORT`, for Origin checks; opening it without a session serves nothing. */
  origin: string;
  /** Mints another one-time link (another browser, the report printer). */
  link(): string;
  close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;
/** Contract inputs are a few levels deep; anything deeper is not a request Tandem sends. */
const MAX_DEPTH = 32;
const SESSION_COOKIE = 'tandem_session';
/** Links not opened within this time expire: a link seen later in a scroll-back is no use to anyone. */
const LINK_TTL_MS = 10 * 60 * 1000;

/** Why a request is refused with a 4xx status and its reason, not a 500. */
class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function sameSecret(given: string, known: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(known);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/**
 * The deepest nesting of arrays and objects in a JSON text, counted without parsing it (a parser handed
 * a million `[` would recurse first and ask later).
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** Parses a request body as a JSON object, or says exactly why it is not one. */
function parseObject(text: string, what: string): Record<string, unknown> {
  if (jsonDepth(text) > MAX_DEPTH)
    throw new BadRequest(400, `${what} is nested deeper than ${MAX_DEPTH} levels.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequest(400, `${what} is not JSON.`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new BadRequest(400, `${what} must be a JSON object.`);
  return value as Record<string, unknown>;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'application/json',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'cache-control': 'no-store',
    ...extra,
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
}

const TOO_LARGE = `The request is larger than ${MAX_BODY / 1024 / 1024} MB.`;

async function readBody(req: IncomingMessage): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) throw new BadRequest(413, TOO_LARGE);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest(413, TOO_LARGE);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const SIGN_IN_PAGE = `<!doctype html><meta charset="utf-8"><title>Tandem</title>
<p>Open Tandem with the link it printed when it started. Each link opens once; press Enter in Tandem's
terminal for a new one.</p>`;

/**
 * Serves the renderer and the core's API on 127.0.0.1 only, to its owner alone. The link printed at start
 * carries a one-time secret; the browser that opens it gets an `HttpOnly; SameSite=Strict` session cookie
 * and every later request (page, scripts, API, events) must carry it. Nothing secret is ever in the page,
 * so another local user who fetches `/` learns nothing. Requests naming another Host (DNS rebinding) or
 * coming from another Origin are refused.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  let origin = '';
  let allowedHosts = new Set<string>();
  /** One-time link secrets not used yet, with when they expire. */
  const links = new Map<string, number>();
  const sessions = new Set<string>();

  const mintLink = (): string => {
    const secret = randomBytes(24).toString('base64url');
    links.set(secret, Date.now() + LINK_TTL_MS);
    return `${origin}/?open=${secret}`;
  };
  /** Spends a link's secret: true once, for a known secret opened in time. */
  const spendLink = (given: string): boolean => {
    for (const [secret, expires] of links) {
      if (!sameSecret(given, secret)) continue;
      links.delete(secret);
      return expires >= Date.now();
    }
    return false;
  };
  const hasSession = (req: IncomingMessage): boolean => {
    const given = cookieValue(req, SESSION_COOKIE);
    if (!given) return false;
    for (const session of sessions) if (sameSecret(given, session)) return true;
    return false;
  };

  const forbidden = (res: ServerResponse, why: string) =>
    send(res, 403, JSON.stringify({ ok: false, error: { code: 'forbidden', message: why } }));

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      throw new BadRequest(400, `The path ${path} has a malformed %-escape.`);
    }
    if (decoded.includes('\0')) throw new BadRequest(400, 'The path holds a NUL character.');
    const relative = path === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(normalize(options.rendererDir) + sep))
      return send(res, 404, 'Not found', 'text/plain');
    try {
      const body = await readFile(file);
      // Bundles under assets/ are named by their content hash: the browser may keep them (and the code it
      // compiled from them), so a second report prints without loading and compiling the app again.
      const cache: Record<string, string> = /^assets\/[^/]+-[\w-]{8}\.(js|css)$/.test(relative)
        ? { 'cache-control': 'private, max-age=31536000, immutable' }
        : {};
      send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream', cache);
    } catch {
      // Unknown paths are client-side routes: answer with the app.
      if (!extname(file)) return serveStatic(req, res, '/');
      send(res, 404, 'Not found', 'text/plain');
    }
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = options.core.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  }

  const failure = (res: ServerResponse, status: number, code: string, message: string, issues?: unknown) =>
    send(res, status, JSON.stringify({ ok: false, error: { code, message, issues } }));

  async function printReport(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!options.printReport) return failure(res, 501, 'unsupported', 'This Tandem host cannot print PDFs.');
    const body = parseObject(await readBody(req), 'The report request');
    const parsed = ReportRequest.safeParse(body);
    if (!parsed.success)
      return send(
        res,
        400,
        JSON.stringify({ ok: false, error: validationError(parsed.error, 'the report request') }),
      );
    try {
      const { pdf, fileName } = await options.printReport(parsed.data, mintLink());
      send(res, 200, pdf, 'application/pdf', {
        'content-disposition': `attachment; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      });
    } catch (error) {
      console.error('[tandem host] report', error);
      failure(
        res,
        500,
        'internal',
        `The PDF could not be printed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async function exportCsv(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseObject(await readBody(req), 'The export request');
    const result = await exportForDownload(options.core, body);
    if (!result.ok) return send(res, result.status, JSON.stringify({ ok: false, error: result.error }));
    res.writeHead(200, {
      'cache-control': 'no-store',
      'content-type': 'text/csv',
      'content-disposition': `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(result.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    // Streamed, not read whole; the file is the core's own download copy, removed once sent.
    const file = createReadStream(result.path);
    file.pipe(res);
    await new Promise<void>((done) => {
      file.on('error', () => res.destroy());
      res.on('close', () => done());
    });
    await rm(result.path, { force: true });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return forbidden(res, 'Unknown host.');
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin)
      return forbidden(res, 'Requests from other sites are refused.');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      throw new BadRequest(400, 'The request names no valid path.');
    }
    const secret = url.searchParams.get('open');
    if (secret !== null && req.method === 'GET') {
      // Both answers drop the secret from the address bar; the #fragment (the screen) survives a redirect.
      if (spendLink(secret)) {
        const session = randomBytes(32).toString('base64url');
        sessions.add(session);
        return send(res, 303, '', 'text/plain', {
          location: url.pathname,
          'set-cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }
      if (hasSession(req)) return send(res, 303, '', 'text/plain', { location: url.pathname });
      return send(res, 403, SIGN_IN_PAGE, 'text/html; charset=utf-8');
    }
    if (!hasSession(req)) {
      if (url.pathname.startsWith('/api/'))
        return forbidden(res, 'No Tandem session: open the link Tandem printed.');
      return send(res, 403, SIGN_IN_PAGE, 'text/html; charset=utf-8');
    }
    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return send(res, 405, '{}');
      const message = parseObject(await readBody(req), 'The request body');
      const result = await options.core.dispatch(message.method, message.input);
      return send(res, 200, JSON.stringify(result));
    }
    if (url.pathname === '/api/report.pdf') {
      if (req.method !== 'POST') return send(res, 405, '{}');
      return printReport(req, res);
    }
    if (url.pathname === '/api/export.csv') {
      if (req.method !== 'POST') return send(res, 405, '{}');
      return exportCsv(req, res);
    }
    if (url.pathname === '/api/events') return events(req, res);
    if (req.method !== 'GET') return send(res, 405, '{}');
    return serveStatic(req, res, url.pathname);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof BadRequest) {
        // The rest of an over-long body is not read: close the connection after answering.
        if (error.status === 413) res.setHeader('connection', 'close');
        return failure(res, error.status, 'validation', error.message);
      }
      console.error('[tandem host]', error);
      send(res, 500, JSON.stringify({ ok: false, error: { code: 'internal', message: 'Host error.' } }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: mintLink(),
    origin,
    link: mintLink,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
