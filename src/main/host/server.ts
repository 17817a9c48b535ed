import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '@shared/security';
import type { Result } from '@shared/contract/result';
import type { CoreListener } from '@core/app';
import { ReportRequest } from '@shared/api/reports';
import { validationError } from '@shared/contract/validate';

export interface HostCore {
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: CoreListener): () => void;
}

export interface HostOptions {
  core: HostCore;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** Prints the report route served at `origin` to a PDF: the browser's "Export PDF" downloads it. */
  printReport?(request: ReportRequest, origin: string): Promise<{ pdf: Buffer; fileName: string }>;
}

export interface Host {
  url: string;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
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

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the renderer and the core's API on 127.0.0.1 only. A per-run random token guards the API, and
 * requests naming another Host (DNS rebinding) or coming from another Origin are refused.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';
  let allowedHosts = new Set<string>();

  const forbidden = (res: ServerResponse, why: string) =>
    send(res, 403, JSON.stringify({ ok: false, error: { code: 'forbidden', message: why } }));

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const relative = path === '/' ? 'index.html' : decodeURIComponent(path).replace(/^\/+/, '');
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(normalize(options.rendererDir) + sep))
      return send(res, 404, 'Not found', 'text/plain');
    try {
      let body: string | Buffer = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (relative === 'index.html') {
        body = body
          .toString('utf8')
          .replace('</head>', `<meta name="tandem-host-token" content="${token}"></head>`);
      }
      // Bundles under assets/ are named by their content hash: the browser may keep them (and the code it
      // compiled from them), so a second report prints without loading and compiling the app again.
      const cache: Record<string, string> = /^assets\/[^/]+-[\w-]{8}\.(js|css)$/.test(relative)
        ? { 'cache-control': 'public, max-age=31536000, immutable' }
        : {};
      send(res, 200, body as string, type, cache);
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
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return failure(res, 400, 'validation', 'The request body is not JSON.');
    }
    const parsed = ReportRequest.safeParse(body);
    if (!parsed.success)
      return send(
        res,
        400,
        JSON.stringify({ ok: false, error: validationError(parsed.error, 'the report request') }),
      );
    try {
      const { pdf, fileName } = await options.printReport(parsed.data, origin);
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

  const server = createServer((req, res) => {
    void (async () => {
      if (!allowedHosts.has(req.headers.host ?? '')) return forbidden(res, 'Unknown host.');
      const requestOrigin = req.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== origin)
        return forbidden(res, 'Requests from other sites are refused.');
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/api/invoke') {
        if (req.method !== 'POST') return send(res, 405, '{}');
        if (!sameToken(req.headers['x-tandem-token'] as string | undefined, token))
          return forbidden(res, 'Missing or wrong token.');
        let message: { method?: unknown; input?: unknown };
        try {
          message = JSON.parse(await readBody(req)) as typeof message;
        } catch {
          return send(
            res,
            400,
            JSON.stringify({
              ok: false,
              error: { code: 'validation', message: 'The request body is not JSON.' },
            }),
          );
        }
        const result = await options.core.dispatch(message.method, message.input);
        return send(res, 200, JSON.stringify(result));
      }
      if (url.pathname === '/api/report.pdf') {
        if (req.method !== 'POST') return send(res, 405, '{}');
        if (!sameToken(req.headers['x-tandem-token'] as string | undefined, token))
          return forbidden(res, 'Missing or wrong token.');
        return printReport(req, res);
      }
      if (url.pathname === '/api/events') {
        if (!sameToken(url.searchParams.get('token'), token))
          return forbidden(res, 'Missing or wrong token.');
        return events(req, res);
      }
      if (req.method !== 'GET') return send(res, 405, '{}');
      return serveStatic(req, res, url.pathname);
    })().catch((error: unknown) => {
      console.error('[tandem host]', error);
      if (!res.headersSent)
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
    url: `${origin}/`,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
