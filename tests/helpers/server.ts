// A static file server for a built site under its base path, like GitHub Pages serves it: 404.html for misses,
// and text files gzip-compressed when the browser accepts it (byte budgets measure what a reader downloads).
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** A built site being served: the server, its origin, the site's URL (origin + base + '/'), and how to stop it
 *  (close resolves, never rejects, with the error server.close reported, if any). */
export interface ServedSite {
  server: Server;
  origin: string;
  url: string;
  close: () => Promise<Error | undefined>;
}

export function serveDist(distDir: string, base = '/', port = 0): Promise<ServedSite> {
  const b = base.replace(/\/+$/, '');
  const gzipped = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    // req.url is always set on a request an http.Server received (Node types it optional for client responses).
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    const send = (file: string, status = 200) => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (/^(text\/|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        let body = gzipped.get(file);
        if (!body) gzipped.set(file, (body = gzipSync(readFileSync(file))));
        res.writeHead(status, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': body.length, Vary: 'Accept-Encoding' });
        res.end(body);
        return;
      }
      res.writeHead(status, { 'Content-Type': type });
      createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const page = join(distDir, '404.html');
      if (existsSync(page)) return send(page, 404);
      res.writeHead(404).end('not found');
    };
    if (b && path === b) {
      res.writeHead(301, { Location: `${b}/` }).end();
      return;
    }
    if (b && !path.startsWith(`${b}/`)) return notFound();
    path = path.slice(b.length);
    const file = normalize(join(distDir, path));
    if (!file.startsWith(normalize(distDir))) return notFound();
    if (existsSync(file) && statSync(file).isFile()) return send(file);
    if (existsSync(join(file, 'index.html'))) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${b}${path}/` }).end();
        return;
      }
      return send(join(file, 'index.html'));
    }
    notFound();
  });
  return new Promise<ServedSite>((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      // A TCP listener always has an AddressInfo (null only before listening, a string only for a pipe).
      if (!address || typeof address === 'string') throw new Error(`unexpected server address: ${address}`);
      const { port: p } = address;
      resolve({ server, origin: `http://127.0.0.1:${p}`, url: `http://127.0.0.1:${p}${b}/`, close: () => new Promise<Error | undefined>((r) => server.close(r)) });
    });
  });
}
