// An HTTPS server on 127.0.0.1 that serves Client ID Metadata Documents, with the throw-away certificate the Maven
// build made with keytool (the sample's test server trusts exactly that store, through the CIMD test switch).

import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';

export async function startDocumentServer(pfxPath, passphrase) {
  const documents = new Map();
  const hits = new Map();
  const server = createServer({ pfx: readFileSync(pfxPath), passphrase }, (req, res) => {
    const path = new URL(req.url, 'https://127.0.0.1').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const doc = documents.get(path);
    res.writeHead(doc ? 200 : 404, { 'content-type': 'application/json', 'cache-control': 'max-age=60' });
    res.end(doc ? JSON.stringify(doc) : '{}');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const base = `https://127.0.0.1:${server.address().port}`;
  return {
    url: path => base + path,
    publish: (path, doc) => documents.set(path, doc),
    hits: path => hits.get(path) ?? 0,
    close: () => new Promise(resolve => server.close(resolve))
  };
}
