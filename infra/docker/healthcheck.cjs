// Docker HEALTHCHECK of a service image: GET /health on the service's own port (HTTP_PORT, or
// its default recorded at build time) and exit 0 only on 200. Node's fetch, because the slim
// runtime image has no curl. Assumes HTTP_HOST is 0.0.0.0 (the image default) or 127.0.0.1.
const port = process.env.HTTP_PORT || require('../../dist/service.json').defaultHttpPort;

fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.status === 200 ? 0 : 1),
  () => process.exit(1),
);
