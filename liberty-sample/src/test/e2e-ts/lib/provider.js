// An OAuthClientProvider (the MCP TypeScript SDK's client-side interface) that keeps everything in memory and whose
// "redirect to the authorization server" is a UserAgent signing in and approving, so the SDK's own authorization
// code + PKCE flow runs unattended. The code is handed back to the test, which calls transport.finishAuth(code) as
// an application would after its redirect URI was hit.

import { randomBytes } from 'node:crypto';

export class UserAgentProvider {
  /**
   * @param {object} o
   * @param {import('./user-agent.js').UserAgent} o.userAgent
   * @param {string} o.redirectUrl the loopback redirect URI (nothing needs to listen: the user agent stops there)
   * @param {object} o.clientMetadata RFC 7591 metadata, used for dynamic registration
   * @param {string} [o.clientMetadataUrl] an https URL: the client_id, as a Client ID Metadata Document
   */
  constructor({ userAgent, redirectUrl, clientMetadata, clientMetadataUrl }) {
    this.userAgent = userAgent;
    this._redirectUrl = redirectUrl;
    this._clientMetadata = clientMetadata;
    if (clientMetadataUrl) {
      this.clientMetadataUrl = clientMetadataUrl;
    }
    this._client = undefined;
    this._tokens = undefined;
    this._verifier = undefined;
    this._state = undefined;
    /** Each authorization: { url, redirect, consentPages }. */
    this.authorizations = [];
    this.pendingCode = undefined;
  }

  get redirectUrl() {
    return this._redirectUrl;
  }

  get clientMetadata() {
    return this._clientMetadata;
  }

  state() {
    this._state = randomBytes(16).toString('base64url');
    return this._state;
  }

  clientInformation() {
    return this._client;
  }

  saveClientInformation(info) {
    this._client = info;
  }

  tokens() {
    return this._tokens;
  }

  saveTokens(tokens) {
    this._tokens = tokens;
  }

  saveCodeVerifier(verifier) {
    this._verifier = verifier;
  }

  codeVerifier() {
    if (!this._verifier) {
      throw new Error('no code verifier saved');
    }
    return this._verifier;
  }

  invalidateCredentials(scope) {
    if (scope === 'all' || scope === 'client') {
      this._client = undefined;
    }
    if (scope === 'all' || scope === 'tokens') {
      this._tokens = undefined;
    }
    if (scope === 'all' || scope === 'verifier') {
      this._verifier = undefined;
    }
  }

  async redirectToAuthorization(authorizationUrl) {
    const result = await this.userAgent.authorize(authorizationUrl);
    const q = result.redirect.searchParams;
    this.authorizations.push({ url: new URL(authorizationUrl), ...result });
    if (String(result.redirect).split('?')[0] !== this._redirectUrl) {
      throw new Error(`redirected to ${result.redirect}, not to ${this._redirectUrl}`);
    }
    if (q.get('state') !== this._state) {
      throw new Error('state mismatch');
    }
    if (q.get('error')) {
      throw new Error(`authorization refused: ${q.get('error')} ${q.get('error_description') ?? ''}`);
    }
    this.pendingCode = q.get('code');
  }

  /** The code of the last authorization, once. */
  takeCode() {
    const code = this.pendingCode;
    this.pendingCode = undefined;
    if (!code) {
      throw new Error('no authorization code');
    }
    return code;
  }

  /** Test hook: the stored access token is replaced by one the resource server will not accept. */
  spoilAccessToken() {
    const t = this._tokens.access_token;
    const last = t.at(-2) === 'A' ? 'B' : 'A';
    this._tokens = { ...this._tokens, access_token: t.slice(0, -2) + last + t.at(-1) };
  }
}
