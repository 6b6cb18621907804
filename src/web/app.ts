// The web application over one catalog: security headers, the stylesheet, pages and the JSON
// API, with every error answered without internals.

import { Hono } from 'hono';
import type { Catalog } from '../store/catalog.js';
import { apiError } from './api/api-error.js';
import { apiRoutes } from './api/api-routes.js';
import { messagePage } from './pages/message-page.js';
import { pageRoutes } from './page-routes.js';
import { BadRequest } from './request-bounds.js';
import { STYLESHEET } from './style.js';

// Pages load nothing but our own stylesheet and run no script at all.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ALLOWED_METHODS = 'GET, HEAD';

export function createApp(catalog: Catalog): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.get('/style.css', (c) => c.body(STYLESHEET, 200, { 'Content-Type': 'text/css' }));
  app.route('/api', apiRoutes(catalog));
  app.route('/', pageRoutes(catalog));
  refuseOtherMethods(app);

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) {
      const route = `${c.req.method} ${c.req.path}`;
      return c.json(apiError('not-found', `no API route ${route}`), 404);
    }
    return c.html(messagePage('Not found', `Nothing lives at ${c.req.path}.`).markup, 404);
  });

  app.onError((error, c) => {
    const inApi = c.req.path.startsWith('/api/');
    if (error instanceof BadRequest) {
      if (inApi) return c.json(apiError('bad-request', error.message), 400);
      return c.html(messagePage('Bad request', error.message).markup, 400);
    }

    // One line for the operator; the client learns nothing about internals.
    const why = error instanceof Error ? error.message : String(error);
    console.error(`ruledex serve: ${c.req.method} ${c.req.path} failed: ${why.split('\n')[0]}`);
    const message = 'The server could not answer this request.';
    if (inApi) return c.json(apiError('internal', message), 500);
    return c.html(messagePage('Server error', message).markup, 500);
  });

  return app;
}

/**
 * Every path a GET route answers gets a 405 with `Allow` for any other method, registered after
 * the GET routes so GET (and HEAD, which Hono answers with them) still reach those first.
 */
function refuseOtherMethods(app: Hono): void {
  const paths = new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path));
  for (const path of paths) {
    app.all(path, (c) => {
      c.header('Allow', ALLOWED_METHODS);
      const message = `${c.req.path} answers GET and HEAD only, not ${c.req.method}`;
      if (c.req.path.startsWith('/api/')) {
        return c.json(apiError('method-not-allowed', message), 405);
      }
      return c.html(messagePage('Method not allowed', message).markup, 405);
    });
  }
}
