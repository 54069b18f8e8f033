// The Lanyard sample driven by the official MCP TypeScript SDK client (@modelcontextprotocol/sdk), through the whole
// MCP authorization chain: 401 -> protected resource metadata -> authorization server metadata -> registration
// (dynamic registration, and a Client ID Metadata Document served on 127.0.0.1) -> authorization code with PKCE
// (a user agent signs in and approves) -> token -> tools/list and tools/call; then a step-up from notes:read to
// notes:write (403 insufficient_scope), and a refresh.
//
// Started by the Maven build (McpTypeScriptSdkIT) against the sample on its test port:
//   LANYARD_BASE_URL        http://127.0.0.1:<port>
//   LANYARD_E2E_TLS_STORE   PKCS12 file with the certificate for 127.0.0.1 that the sample trusts for CIMD fetches
//   LANYARD_E2E_TLS_PASSWORD

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { startDocumentServer } from '../lib/document-server.js';
import { HttpLog } from '../lib/http-log.js';
import { UserAgentProvider } from '../lib/provider.js';
import { UserAgent } from '../lib/user-agent.js';

const BASE = process.env.LANYARD_BASE_URL ?? 'http://127.0.0.1:9080';
const MCP = `${BASE}/mcp`;
const PRM = `${BASE}/.well-known/oauth-protected-resource/mcp`;
// Nothing listens here: the user agent stops at the redirect and hands the code to the test (RFC 8252 §7.3 loopback)
const REDIRECT = 'http://127.0.0.1:43117/callback';

function text(result) {
  return result.content.filter(c => c.type === 'text').map(c => c.text).join('\n');
}

/** A challenge's auth-params (RFC 6750 §3), e.g. { error, scope, resource_metadata }. */
function params(challenge) {
  return Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]));
}

/** Connects a new client; the first attempt runs the SDK's authorization, the second uses the token. */
async function connectThroughAuthorization(provider, log) {
  const first = new StreamableHTTPClientTransport(new URL(MCP), { authProvider: provider, fetch: log.fetch });
  await assert.rejects(new Client({ name: 'lanyard-e2e', version: '1.0.0' }).connect(first), UnauthorizedError);
  await first.finishAuth(provider.takeCode());
  return connect(provider, log);
}

// Clients still open when a test fails (their SSE stream would keep Node running): closed at the end
const openClients = [];

async function connect(provider, log) {
  const transport = new StreamableHTTPClientTransport(new URL(MCP), { authProvider: provider, fetch: log.fetch });
  const client = new Client({ name: 'lanyard-e2e', version: '1.0.0' });
  await client.connect(transport);
  openClients.push(client);
  return { client, transport };
}

describe('the sample with the MCP TypeScript SDK client', () => {
  after(() => Promise.allSettled(openClients.map(c => c.close())));

  test('dynamic client registration: the whole chain, tools/list and tools/call, then a refresh', async () => {
    const log = new HttpLog();
    const provider = new UserAgentProvider({
      userAgent: new UserAgent('alice', 'alice-password'),
      redirectUrl: REDIRECT,
      clientMetadata: {
        client_name: 'Lanyard e2e (DCR)',
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
        application_type: 'native'
      }
    });
    const { client } = await connectThroughAuthorization(provider, log);
    const chain = log.entries;

    // 401 with resource_metadata and the scope of the operation (MCP: Protected Resource Metadata Discovery)
    assert.equal(chain[0].path, '/mcp', log.dump());
    assert.equal(chain[0].status, 401, log.dump());
    assert.equal(params(chain[0].challenge).resource_metadata, PRM);
    assert.equal(params(chain[0].challenge).scope, 'notes:read');
    // then RFC 9728 metadata, RFC 8414 metadata, RFC 7591 registration, RFC 6749 token with the PKCE verifier
    const steps = chain.map(e => `${e.method} ${e.path} ${e.status}`);
    const expected = ['GET /.well-known/oauth-protected-resource/mcp 200',
      'GET /.well-known/oauth-authorization-server 200', 'POST /register 201', 'POST /token 200'];
    let at = 0;
    for (const step of expected) {
      at = steps.indexOf(step, at);
      assert.ok(at > 0, `missing ${step} in order:\n${log.dump()}`);
    }
    const token = chain.find(e => e.path === '/token');
    assert.equal(token.grantType, 'authorization_code');
    assert.ok(token.hasCodeVerifier, 'PKCE code_verifier sent');
    assert.equal(token.resource, MCP, 'RFC 8707 resource sent to the token endpoint');

    // the authorization request the SDK built and the user agent followed: S256 PKCE, resource, state
    const authorization = provider.authorizations[0];
    const q = authorization.url.searchParams;
    assert.equal(authorization.url.origin + authorization.url.pathname, `${BASE}/authorize`);
    assert.equal(q.get('client_id'), provider.clientInformation().client_id);
    assert.equal(q.get('code_challenge_method'), 'S256');
    assert.match(q.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
    assert.equal(q.get('resource'), MCP);
    assert.equal(q.get('scope'), 'notes:read');
    assert.equal(authorization.redirect.searchParams.get('iss'), BASE, 'RFC 9207 iss in the response');
    assert.equal(authorization.consentPages.length, 1, 'the user saw the consent page');
    assert.match(authorization.consentPages[0], /Lanyard e2e \(DCR\)/);

    // the MCP server, with the token
    const tools = await client.listTools();
    assert.deepEqual(tools.tools.map(t => t.name).sort(), ['notes_add', 'notes_list']);
    const listed = await client.callTool({ name: 'notes_list', arguments: {} });
    assert.notEqual(listed.isError, true, text(listed));
    assert.ok(provider.tokens().refresh_token, 'a refresh token was issued to a client registered for it');

    // refresh: the access token stops being accepted (401 invalid_token); the SDK refreshes and retries
    const mark = log.mark();
    const before = provider.tokens();
    provider.spoilAccessToken();
    const again = await client.callTool({ name: 'notes_list', arguments: {} });
    assert.notEqual(again.isError, true, text(again));
    const refreshed = log.since(mark);
    const rejected = refreshed.find(e => e.path === '/mcp' && e.status === 401);
    assert.ok(rejected, log.dump(mark));
    assert.equal(params(rejected.challenge).error, 'invalid_token');
    const refresh = refreshed.find(e => e.path === '/token');
    assert.equal(refresh?.grantType, 'refresh_token', log.dump(mark));
    assert.equal(refresh.status, 200);
    assert.notEqual(provider.tokens().access_token, before.access_token);
    assert.equal(provider.authorizations.length, 1, 'no new authorization: the refresh token sufficed');
    await client.close();
  });

  describe('a Client ID Metadata Document served on 127.0.0.1', () => {
    let documents;
    before(async () => {
      documents = await startDocumentServer(process.env.LANYARD_E2E_TLS_STORE, process.env.LANYARD_E2E_TLS_PASSWORD);
    });
    after(() => documents?.close());

    test('CIMD: the whole chain without registration, then a step-up from notes:read to notes:write', async () => {
      const clientId = documents.url('/clients/lanyard-e2e.json');
      documents.publish('/clients/lanyard-e2e.json', {
        client_id: clientId,
        client_name: 'Lanyard e2e (CIMD)',
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none'
      });
      const log = new HttpLog();
      const provider = new UserAgentProvider({
        userAgent: new UserAgent('alice', 'alice-password'),
        redirectUrl: REDIRECT,
        clientMetadataUrl: clientId,
        clientMetadata: { client_name: 'Lanyard e2e (CIMD)', redirect_uris: [REDIRECT] }
      });
      const { client, transport } = await connectThroughAuthorization(provider, log);

      const metadata = log.entries.find(e => e.path === '/.well-known/oauth-authorization-server');
      assert.equal(metadata?.status, 200, log.dump());
      assert.ok(!log.entries.some(e => e.path === '/register'), `no registration with a CIMD client:\n${log.dump()}`);
      assert.equal(provider.clientInformation().client_id, clientId);
      assert.ok(documents.hits('/clients/lanyard-e2e.json') >= 1, 'the authorization server fetched the document');
      const first = provider.authorizations[0];
      assert.equal(first.url.searchParams.get('client_id'), clientId);
      assert.equal(first.url.searchParams.get('scope'), 'notes:read');
      // CIMD §8.5: the consent page shows the document's host beside the client's name
      assert.equal(first.consentPages.length, 1);
      assert.match(first.consentPages[0], /127\.0\.0\.1/);
      assert.match(first.consentPages[0], /Lanyard e2e \(CIMD\)/);
      const token = log.entries.find(e => e.path === '/token');
      assert.equal(token.grantType, 'authorization_code');
      assert.equal(token.clientId, clientId);
      assert.ok(token.hasCodeVerifier);
      assert.equal(provider.tokens().refresh_token, undefined, 'no refresh token: the document has no such grant');

      const tools = await client.listTools();
      assert.deepEqual(tools.tools.map(t => t.name).sort(), ['notes_add', 'notes_list']);
      const listed = await client.callTool({ name: 'notes_list', arguments: {} });
      assert.notEqual(listed.isError, true, text(listed));

      // step-up: notes_add needs notes:write; the server answers 403 insufficient_scope naming every scope the call
      // needs, the SDK authorizes again with that scope, the user approves, and the call goes through
      const mark = log.mark();
      const note = `e2e note ${Date.now()}`;
      await assert.rejects(client.callTool({ name: 'notes_add', arguments: { text: note } }), UnauthorizedError);
      const refused = log.since(mark).find(e => e.path === '/mcp' && e.status === 403);
      assert.ok(refused, log.dump(mark));
      assert.equal(refused.tool, 'notes_add');
      const challenge = params(refused.challenge);
      assert.equal(challenge.error, 'insufficient_scope');
      assert.equal(challenge.scope, 'notes:read notes:write');
      assert.equal(challenge.resource_metadata, PRM);
      const second = provider.authorizations[1];
      assert.ok(second, 'the SDK started a new authorization');
      assert.equal(second.url.searchParams.get('scope'), 'notes:read notes:write');
      assert.equal(second.consentPages.length, 1, 'the user approved the larger scope');
      assert.match(second.consentPages[0], /notes:write|Add notes/);
      await transport.finishAuth(provider.takeCode());
      assert.match(provider.tokens().scope ?? '', /notes:write/);

      const added = await client.callTool({ name: 'notes_add', arguments: { text: note } });
      assert.notEqual(added.isError, true, text(added));
      const after = await client.callTool({ name: 'notes_list', arguments: {} });
      assert.match(text(after), new RegExp(note));
      await client.close();
    });

    test('step-up with a refresh token at hand: the SDK refreshes first; the 401 challenge then drives it', async () => {
      // @modelcontextprotocol/sdk 1.32.2, on 403 insufficient_scope, redeems its refresh token when it has one; the
      // refreshed token keeps the old scope, the retry meets the same challenge and the SDK gives up. An application
      // then drops its tokens: without a token the server's 401 names the scopes of that very tool call, and the SDK
      // authorizes with them.
      const clientId = documents.url('/clients/lanyard-e2e-offline.json');
      documents.publish('/clients/lanyard-e2e-offline.json', {
        client_id: clientId,
        client_name: 'Lanyard e2e (CIMD, refresh)',
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none'
      });
      const log = new HttpLog();
      const provider = new UserAgentProvider({
        userAgent: new UserAgent('bob', 'bob-password'),
        redirectUrl: REDIRECT,
        clientMetadataUrl: clientId,
        clientMetadata: { client_name: 'Lanyard e2e (CIMD, refresh)', redirect_uris: [REDIRECT] }
      });
      const { client, transport } = await connectThroughAuthorization(provider, log);
      assert.ok(provider.tokens().refresh_token);

      const mark = log.mark();
      const note = `bob's e2e note ${Date.now()}`;
      await assert.rejects(client.callTool({ name: 'notes_add', arguments: { text: note } }),
        err => err.code === 403 && /after trying upscoping/.test(err.message));
      const tried = log.since(mark);
      assert.deepEqual(tried.filter(e => e.path === '/mcp' || e.path === '/token')
        .map(e => `${e.path} ${e.status}${e.grantType ? ' ' + e.grantType : ''}`),
        ['/mcp 403', '/token 200 refresh_token', '/mcp 403'], log.dump(mark));
      assert.equal(provider.authorizations.length, 1);

      provider.invalidateCredentials('tokens');
      const retry = log.mark();
      await assert.rejects(client.callTool({ name: 'notes_add', arguments: { text: note } }), UnauthorizedError);
      const unauthenticated = log.since(retry).find(e => e.path === '/mcp' && e.status === 401);
      assert.equal(params(unauthenticated.challenge).scope, 'notes:read notes:write', log.dump(retry));
      assert.equal(provider.authorizations[1]?.url.searchParams.get('scope'), 'notes:read notes:write');
      await transport.finishAuth(provider.takeCode());
      const added = await client.callTool({ name: 'notes_add', arguments: { text: note } });
      assert.notEqual(added.isError, true, text(added));
      assert.match(text(await client.callTool({ name: 'notes_list', arguments: {} })), new RegExp(note));
      await client.close();
    });
  });
});
