import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base, e.g. "http://127.0.0.1:41234/" or ".../minsk/". */
  url: string;
  close: () => Promise<void>;
}

/** Serves a built site on a free loopback port, under `base` as a deploy would. */
export async function serveDist(dist: string, base = '/'): Promise<StaticServer> {
  const files = sirv(dist, { dev: true, etag: true });
  const server: Server = createServer((req, res) => {
    if (!req.url?.startsWith(base)) {
      res.statusCode = 404;
      res.end('not found');
      return;
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
