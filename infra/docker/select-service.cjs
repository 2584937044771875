// Build step of the service image (Dockerfile, stage `service`): checks that the SERVICE build
// argument names a deployable in libs/config SERVICES, points dist/main.js at its entry point
// and records its default port for the health check. A wrong name fails the build here, with
// the list of valid ones, instead of producing an image that cannot start.
const { existsSync, symlinkSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '../../dist');
const { SERVICES } = require(join(dist, 'libs/config/src/services.js'));

const name = process.env.SERVICE ?? '';
const service = SERVICES[name];
if (!service) {
  console.error(`SERVICE build argument must be one of: ${Object.keys(SERVICES).join(', ')} (got "${name}")`);
  process.exit(1);
}
const entry = `apps/${name}/src/main.js`;
if (!existsSync(join(dist, entry))) {
  console.error(`dist/${entry} is missing: the build did not compile ${name}`);
  process.exit(1);
}
symlinkSync(entry, join(dist, 'main.js'));
writeFileSync(join(dist, 'service.json'), `${JSON.stringify({ service: name, defaultHttpPort: service.defaultHttpPort })}\n`);
console.log(`image runs ${name} (dist/${entry}), default port ${service.defaultHttpPort}`);
