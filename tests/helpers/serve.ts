import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { headersForPath } from '../../src/features/security/csp';

export interface StaticServer {
  /** Origin plus base, e.g. "http://127.0.0.1:41234/" or ".../minsk/". */
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site on a free loopback port, under `base` as a deploy would. With `headers`, it
 * also sends the headers dist/_headers gives each path, as Netlify or Cloudflare Pages would.
 */
export async function serveDist(dist: string, base = '/', options: { headers?: boolean } = {}): Promise<StaticServer> {
  const files = sirv(dist, { dev: true, etag: true });
  const headersFile = options.headers && existsSync(join(dist, '_headers')) ? readFileSync(join(dist, '_headers'), 'utf8') : undefined;
  const server: Server = createServer((req, res) => {
    if (!req.url?.startsWith(base)) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    if (headersFile) {
      for (const [name, value] of Object.entries(headersForPath(headersFile, req.url.split('?')[0]!))) res.setHeader(name, value);
    }
    req.url = `/${req.url.slice(base.length)}`;
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
