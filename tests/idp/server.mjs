// A real OpenID provider (panva's certified oidc-provider) for the tests and the demo.
// It plays Suomi.fi e-Identification / an FTN broker: request objects must be signed,
// clients authenticate with private_key_jwt, ID tokens are signed and encrypted (JWE), acr
// values are the eIDAS levels, and two test persons carry Finnish claims.
// Usage: node tests/idp/server.mjs config.json   (config: port, clients, persons)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const ACR = ['http://eidas.europa.eu/LoA/substantial', 'http://eidas.europa.eu/LoA/high'];
const persons = Object.fromEntries(config.persons.map((p) => [p.sub, p]));
const signing = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
  .export({ format: 'jwk' });

const provider = new Provider(issuer, {
  clients: config.clients,
  jwks: { keys: [{ ...signing, use: 'sig', alg: 'RS256', kid: 'idp-sig-1' }] },
  acrValues: ACR,
  claims: {
    openid: ['sub'],
    profile: ['name', 'given_name', 'family_name', 'birthdate'],
    personal_identity_code: ['personal_identity_code'],
  },
  scopes: ['openid', 'profile', 'personal_identity_code'],
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    encryption: { enabled: true },
    requestObjects: { request: true, requireSignedRequestObject: true },
  },
  enabledJWA: {
    idTokenSigningAlgValues: ['RS256'],
    idTokenEncryptionAlgValues: ['RSA-OAEP-256'],
    idTokenEncryptionEncValues: ['A256GCM'],
    requestObjectSigningAlgValues: ['RS256'],
    clientAuthSigningAlgValues: ['RS256'],
  },
  pkce: { required: () => true },
  async findAccount(ctx, sub) {
    const person = persons[sub];
    return person && { accountId: sub, claims: async () => ({ ...person }) };
  },
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile personal_identity_code');
    await grant.save();
    return grant;
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
});

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid) {
  const people = config.persons.map((p, i) => `<p><input type="radio" name="sub" id="p${i}"
    value="${escape(p.sub)}"${i === 0 ? ' checked' : ''}><label for="p${i}">${escape(p.name)}</label></p>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1><form method="post" action="/interaction/${uid}">
<fieldset><legend>Test person</legend>${people}</fieldset>
<p><label for="acr">Level</label> <select id="acr" name="acr">
<option value="${ACR[0]}">substantial</option><option value="${ACR[1]}">high</option></select></p>
<p><button type="submit">Identify</button></p></form></main></body></html>`;
}

async function interaction(req, res, uid) {
  if (req.method === 'GET') {
    await provider.interactionDetails(req, res);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(loginPage(escape(uid)));
    return;
  }
  let body = '';
  for await (const chunk of req) body += chunk;
  const form = new URLSearchParams(body);
  await provider.interactionFinished(req, res, {
    login: { accountId: form.get('sub'), acr: form.get('acr') },
  }, { mergeWithLastSubmission: false });
}

const handler = provider.callback();
createServer((req, res) => {
  const match = req.url.match(/^\/interaction\/([\w-]+)$/);
  if (match) {
    interaction(req, res, match[1]).catch((error) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(String(error.message));
    });
    return;
  }
  handler(req, res);
}).listen(config.port, '127.0.0.1', () => console.log(`listening ${issuer}`));
