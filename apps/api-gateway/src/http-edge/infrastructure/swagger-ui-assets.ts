import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path.js';

/** The swagger-ui files /docs serves, from node_modules (never a CDN); anything else is a 404. */
const FILES: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({ url: '/docs-json', dom_id: '#swagger-ui', presets: [SwaggerUIBundle.presets.apis], layout: 'BaseLayout', deepLinking: true });
};
`;

export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>LiqPass API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-initializer.js"></script>
</body>
</html>
`;

export interface Asset {
  readonly contentType: string;
  readonly body: Buffer | string;
}

const cache = new Map<string, Asset>();

export function docsAsset(file: string): Asset | undefined {
  if (file === 'swagger-initializer.js') return { contentType: 'text/javascript; charset=utf-8', body: INITIALIZER };
  const contentType = FILES[file];
  if (!contentType) return undefined;
  let asset = cache.get(file);
  if (!asset) {
    asset = { contentType, body: readFileSync(join(getAbsoluteFSPath(), file)) };
    cache.set(file, asset);
  }
  return asset;
}
