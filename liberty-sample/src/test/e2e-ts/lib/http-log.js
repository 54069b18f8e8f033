// A fetch that records what the SDK asks of the network: method, URL, status, the WWW-Authenticate challenge and,
// for token requests, the form parameters (secrets left out).

export class HttpLog {
  constructor() {
    this.entries = [];
    this.fetch = async (input, init = {}) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const entry = { method, path: url.pathname, url: String(url) };
      if (typeof init.body === 'string' || init.body instanceof URLSearchParams) {
        const body = String(init.body);
        if (url.pathname === '/token') {
          const form = new URLSearchParams(body);
          entry.grantType = form.get('grant_type');
          entry.hasCodeVerifier = form.has('code_verifier');
          entry.resource = form.get('resource');
          entry.clientId = form.get('client_id');
        } else if (body.startsWith('{') || body.startsWith('[')) {
          try {
            const msg = JSON.parse(body);
            entry.rpc = Array.isArray(msg) ? msg.map(m => m.method) : msg.method;
            entry.tool = msg?.params?.name;
          } catch {
            // not JSON: nothing to record
          }
        }
      }
      const response = await fetch(input, init);
      entry.status = response.status;
      entry.challenge = response.headers.get('www-authenticate') ?? undefined;
      this.entries.push(entry);
      return response;
    };
  }

  /** Entries since `mark` (an index from `mark()`). */
  since(mark) {
    return this.entries.slice(mark);
  }

  mark() {
    return this.entries.length;
  }

  /** One line per entry, for assertion messages. */
  dump(from = 0) {
    return this.entries.slice(from).map(e => `${e.method} ${e.path} ${e.status}${e.grantType ? ' ' + e.grantType : ''}`
      + `${e.rpc ? ' ' + e.rpc : ''}${e.tool ? ' ' + e.tool : ''}${e.challenge ? ' [' + e.challenge + ']' : ''}`).join('\n');
  }
}
