// `npm start`: build the add-in if needed, serve pane + API on https://localhost:3000 (PGlite in ./data),
// create a demo firm and its demo admin on first run, start a development identity provider on loopback (never
// part of `npm run serve`) and connect the demo firm to it, so the pane's sign-in is the real flow; print how
// to sideload the add-in.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { saveIdentityProvider } from '../src/server/access/identity-provider.repository';
import { upsertUser } from '../src/server/access/user.repository';
import { startServer } from '../src/server/start-server';
import { startIdentityProvider } from './identity-provider.mjs';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist/addin');
const CERTS = join(ROOT, '.certs');
const DATA_DIR = resolve(ROOT, process.env.DATA_DIR ?? 'data');
const PORT = Number(process.env.PORT ?? 3000);
// The development identity provider: 127.0.0.1 only, next to the server's port.
const IDP_PORT = Number(process.env.DEV_IDP_PORT ?? PORT + 1);
const DEMO_USER = { email: 'demo@demo-firm.test', name: 'Dana Demo' };
const DEV_CLIENT_ID = 'client-import-dev';
const say = (text = '') => process.stdout.write(`${text}\n`);

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function buildIfNeeded(): void {
  const built = join(DIST, 'taskpane.html');
  const sources = ['src/domain', 'src/excel', 'src/api', 'src/taskpane', 'src/commands', 'assets', 'manifest.xml', 'webpack.config.js'];
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map((s) => newestMtime(join(ROOT, s))))) return;
  say('Building the add-in (webpack, production)…');
  execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
}

/** A development certificate for localhost in .certs/, made once without prompts (selfsigned, else openssl). */
async function certificate(): Promise<{ cert: Buffer; key: Buffer } | null> {
  const certFile = join(CERTS, 'localhost.crt');
  const keyFile = join(CERTS, 'localhost.key');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    mkdirSync(CERTS, { recursive: true });
    try {
      const selfsigned = await import('selfsigned');
      const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
        keySize: 2048,
        notAfterDate: new Date(Date.now() + 825 * 24 * 3600 * 1000),
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'extKeyUsage', serverAuth: true },
          {
            name: 'subjectAltName',
            altNames: [
              { type: 2, value: 'localhost' },
              { type: 7, ip: '127.0.0.1' },
            ],
          },
        ],
      });
      writeFileSync(certFile, pems.cert);
      writeFileSync(keyFile, pems.private, { mode: 0o600 });
    } catch {
      try {
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-days',
            '825',
            '-subj',
            '/CN=localhost',
            '-addext',
            'subjectAltName=DNS:localhost,IP:127.0.0.1',
            '-keyout',
            keyFile,
            '-out',
            certFile,
          ],
          { stdio: 'pipe' },
        );
      } catch {
        return null;
      }
    }
  }
  return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
}

/** The admin token and demo firm live in the data folder, so a restart reuses them. */
function devSecrets(): { adminToken: string; demo: { token: string; name: string } | null } {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = join(DATA_DIR, 'dev-start.json');
  const saved = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  return saved ?? { adminToken: process.env.ADMIN_TOKEN ?? randomBytes(24).toString('hex'), demo: null };
}

async function main(): Promise<void> {
  buildIfNeeded();
  const tls = await certificate();
  // From here the data folder's files (PGlite's, the outbox, the keys) are this account's alone, as with `npm run serve`.
  process.umask(0o077);
  const secrets = devSecrets();
  const publicOrigin = process.env.PUBLIC_ORIGIN ?? `${tls ? 'https' : 'http'}://localhost:${PORT}`;
  // oidc-provider's own development login page: any password signs in the address typed (the demo user's is filled in).
  const idp = await startIdentityProvider({
    port: IDP_PORT,
    clients: [{ clientId: DEV_CLIENT_ID, redirectUris: [`${publicOrigin}/sign-in.html`] }],
    accounts: { [DEMO_USER.email]: { name: DEMO_USER.name } },
    anyone: true,
    interactions: 'form',
  });
  const server = await startServer({
    port: PORT,
    host: process.env.HOST ?? 'localhost',
    dataDir: DATA_DIR,
    adminToken: secrets.adminToken,
    tls: tls ?? undefined,
    staticDir: DIST,
    development: true,
    // Invitation links are made from this origin only, never from a request's Host header.
    publicOrigin,
  });
  if (!secrets.demo) {
    const answer = await server.app.inject({
      method: 'POST',
      url: '/api/v1/admin/firms',
      headers: { authorization: `Bearer ${secrets.adminToken}` },
      payload: {
        name: 'Demo Tax Firm',
        offlineClientsEnabled: true,
        owners: ['owner@demo-firm.test', 'partner@demo-firm.test'],
        offices: ['Main Office', 'Downtown'],
      },
    });
    if (answer.statusCode !== 201) throw new Error(`Could not create the demo firm: ${answer.body}`);
    secrets.demo = { token: answer.json().token, name: 'Demo Tax Firm' };
    writeFileSync(join(DATA_DIR, 'dev-start.json'), JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  // Every start: the demo admin exists and the demo firm signs in through this start's identity provider.
  const demoFirm = await server.app.inject({ method: 'GET', url: '/api/v1/firm', headers: { authorization: `Bearer ${secrets.demo.token}` } });
  if (demoFirm.statusCode !== 200) throw new Error(`The demo firm's API key was refused (${demoFirm.statusCode}): remove ${DATA_DIR} to start afresh`);
  const firmId = (demoFirm.json() as { id: string }).id;
  await upsertUser(server.app.db, firmId, { email: DEMO_USER.email, role: 'admin', name: DEMO_USER.name });
  await saveIdentityProvider(server.app.db, {
    firmId,
    issuer: idp.issuer,
    clientId: DEV_CLIENT_ID,
    clientSecretSealed: null,
    allowedDomains: ['demo-firm.test'],
  });
  const origin = `${tls ? 'https' : 'http'}://localhost:${PORT}`;
  say();
  say(`Client Import is running at ${origin} (pane: ${origin}/taskpane.html, API: ${origin}/api/v1/health)`);
  if (!tls)
    say(
      'No development certificate could be made (selfsigned and openssl failed): serving plain HTTP. Excel only loads https add-ins, so use the pane in a browser, or set TLS_CERT/TLS_KEY and run `npm run serve`.',
    );
  else say(`Development certificate: ${join(CERTS, 'localhost.crt')} (trust it once, see below).`);
  say(`Data: PGlite in ${DATA_DIR}`);
  say();
  say(`Demo firm: ${secrets.demo.name}`);
  say(`Sign in on the pane's Connect tab as ${DEMO_USER.email} (the firm's admin): "Sign in with your firm's account" opens`);
  say(`  the development identity provider at ${idp.issuer} (any password), or "E-mail me a code" writes the code to ${join(DATA_DIR, 'outbox')}.`);
  say(`API key for scripts (or the pane's API key field): ${secrets.demo.token}`);
  say(`Manifest: ${join(ROOT, 'manifest.xml')}`);
  say();
  say('Sideload in Excel on the web: open a workbook at office.com → Home → Add-ins → More Add-ins → My Add-ins →');
  say('  Upload My Add-in → choose manifest.xml. The Client Import group appears on the Home tab.');
  say('Sideload in Excel desktop: Windows — put manifest.xml in a shared folder, add it under File → Options → Trust Center →');
  say('  Trusted Add-in Catalogs, restart Excel, then Home → Add-ins → Shared Folder. Mac — copy manifest.xml to');
  say('  ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.');
  say('Trust the certificate first: Windows — double-click .certs/localhost.crt → Install → Local Machine → Trusted Root;');
  say('  Mac — sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain .certs/localhost.crt');
  say();
  say('Press Ctrl+C to stop.');
  const stop = () => void Promise.all([server.close(), idp.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
