// The baseline: a bare Fastify hello world, a process of its own like the gateway.
import { pkg } from '../lib/dist.mjs';

const app = pkg('fastify')({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.get('/health/live', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.HTTP_PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
