// A tiny static file server for the page: serves the repository root on localhost with the
// MIME types a browser insists on (application/wasm for WebAssembly.instantiateStreaming,
// text/javascript for ES modules). Usage: node scripts/serve.mjs [port]
import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const port = Number(process.argv[2] ?? process.env.PORT ?? 8000);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".py": "text/plain; charset=utf-8",
};

// Maps a URL path to a file under root (index.html for directories), or null.
function fileFor(urlPath) {
  let path = normalize(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    if (statSync(path).isDirectory()) path = join(path, "index.html");
    return statSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}

createServer((req, res) => {
  const path = fileFor(new URL(req.url, "http://localhost").pathname);
  if (!path) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    return;
  }
  res.writeHead(200, {
    "content-type": types[extname(path)] ?? "application/octet-stream",
    "cache-control": "no-store",
  });
  createReadStream(path).pipe(res);
}).listen(port, "127.0.0.1", () => {
  console.log(`PVM Visualizer: http://localhost:${port}/  (Ctrl-C to stop)`);
});
