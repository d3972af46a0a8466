import helmet from '@fastify/helmet';
import type { FastifyPluginAsync } from 'fastify';
import { shared } from '../http/shared-plugin';

/**
 * Where Office on the web frames the task pane. frame-ancestors checks every ancestor, not only the parent:
 * the Excel frame (*.officeapps.live.com, or excel.cloud.microsoft on the newer domain) sits inside the page
 * that opened the workbook (Microsoft 365, OneDrive, SharePoint). Microsoft publishes no complete list
 * (OfficeDev/office-js#1005, office-js-docs-pr#4911): other hosts (Office Online Server, WOPI partners)
 * are added with the FRAME_ANCESTORS setting. Desktop Excel shows the pane as a top-level page, unaffected.
 */
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://office.com',
  'https://*.microsoft365.com',
  'https://*.sharepoint.com',
  'https://onedrive.live.com',
  'https://*.onedrive.live.com',
];

// office.js and the host scripts it loads come from Microsoft's CDN; nothing else runs but our own bundles.
const OFFICE_SCRIPTS = ['https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com'];

type Directives = Record<string, string[]>;

const DIRECTIVES: Directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", ...OFFICE_SCRIPTS],
  scriptSrcAttr: ["'none'"],
  // Fluent UI (Griffel) writes its styles into <style> elements at run time, and the page has one inline rule.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

const header = (directives: Directives) =>
  Object.entries(directives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');

/** The taxpayer's invitation page is never framed (clickjacking its Accept button): only the pane is Office's. */
const PAGE_CSP = header({ ...DIRECTIVES, frameAncestors: ["'none'"] });

/** Answers that carry links, tokens or clients' data: the API and the invitation pages. */
export const isPrivateAnswer = (url: string) => url.startsWith('/api/') || url.startsWith('/invitations/');

/**
 * Helmet's headers on every answer (pane files, API, errors), with a CSP that Office can still frame;
 * `Cache-Control: no-store` on the API and the invitation pages, which never let themselves be framed.
 */
export const securityHeadersPlugin: FastifyPluginAsync<{ frameAncestors: string[] }> = shared(async (app, { frameAncestors }) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...DIRECTIVES, frameAncestors: ["'self'", ...OFFICE_FRAME_ANCESTORS, ...frameAncestors] },
    },
    // X-Frame-Options cannot name several framing origins; frame-ancestors above replaces it.
    frameguard: false,
    // Excel on the web loads the ribbon icons from our origin into its own page.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // The Office dialog API and sign-in pop-ups talk to their opener; same-origin would cut them off.
    crossOriginOpenerPolicy: false,
    global: true,
    // Set per request below: only an answer that went out over TLS may pin TLS.
    strictTransportSecurity: false,
    // Invitation links carry their token in the path: never send it on as a Referer.
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
    if (isPrivateAnswer(request.url)) reply.header('cache-control', 'no-store');
    if (request.url.startsWith('/invitations/')) reply.header('content-security-policy', PAGE_CSP);
  });
});
