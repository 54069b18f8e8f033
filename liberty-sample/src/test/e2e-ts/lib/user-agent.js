// A user agent for the authorization code flow, as a person with a browser would drive it: it follows the
// authorization server's redirects with a cookie jar, signs in on the login form, reads the consent page, posts
// "Allow" with the page's CSRF token, and stops at the redirect to the client's loopback redirect URI, whose query
// carries the code. Only same-origin redirects are followed; nothing here knows Lanyard's internals beyond what the
// HTML pages show.

/** Values of the hidden inputs and the action of the first form of `html` that has `marker` in it. */
export function readForm(html, marker) {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)];
  const form = forms.find(f => f[0].includes(marker));
  if (!form) {
    throw new Error(`no form with ${marker} in page:\n${html}`);
  }
  const action = decode(/action="([^"]*)"/i.exec(form[1])?.[1] ?? '');
  const fields = {};
  for (const input of form[2].matchAll(/<input\b([^>]*)>/gi)) {
    const type = /type="([^"]*)"/i.exec(input[1])?.[1];
    const name = /name="([^"]*)"/i.exec(input[1])?.[1];
    const value = /value="([^"]*)"/i.exec(input[1])?.[1] ?? '';
    if (type === 'hidden' && name) {
      fields[decode(name)] = decode(value);
    }
  }
  return { action, fields };
}

function decode(s) {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
}

export class UserAgent {
  constructor(username, password) {
    this.username = username;
    this.password = password;
    this.cookies = new Map();
    /** Every page the user saw, last one last: { url, status, html }. */
    this.pages = [];
  }

  async request(url, init = {}) {
    const headers = new Headers(init.headers ?? {});
    const origin = new URL(url).origin;
    const jar = this.cookies.get(origin);
    if (jar?.size) {
      headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const all = this.cookies.get(origin) ?? new Map();
      all.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      this.cookies.set(origin, all);
    }
    return response;
  }

  /**
   * Authorizes at `authorizationUrl` and returns `{ redirect, consentPages }`: the URL the authorization server sent
   * the user agent to at the end (the client's redirect URI with `code`, `state` and `iss`), and the consent pages
   * shown on the way.
   */
  async authorize(authorizationUrl, { decision = 'approve' } = {}) {
    const asOrigin = new URL(authorizationUrl).origin;
    const consentPages = [];
    let url = new URL(authorizationUrl);
    let init = {};
    for (let hop = 0; hop < 12; hop++) {
      const response = await this.request(url, init);
      init = {};
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const next = new URL(response.headers.get('location'), url);
        if (next.origin !== asOrigin) {
          return { redirect: next, consentPages };
        }
        url = next;
        continue;
      }
      const html = await response.text();
      this.pages.push({ url: String(url), status: response.status, html });
      if (response.status !== 200) {
        throw new Error(`${url} answered ${response.status}:\n${html}`);
      }
      if (html.includes('j_security_check')) {
        // the sign-in page of the form login
        const { action } = readForm(html, 'j_security_check');
        url = new URL(action, url);
        init = form({ j_username: this.username, j_password: this.password });
      } else if (html.includes('name="decision"')) {
        // the consent page: post the decision with every hidden field (CSRF token, request id)
        consentPages.push(html);
        const { action, fields } = readForm(html, 'name="decision"');
        url = new URL(action, url);
        init = form({ ...fields, decision });
      } else {
        throw new Error(`unexpected page at ${url}:\n${html}`);
      }
    }
    throw new Error('too many redirects');
  }
}

function form(fields) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString()
  };
}
