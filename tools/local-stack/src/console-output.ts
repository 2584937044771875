// Output may be piped (`npm start | tee log`); when the reader goes first (Ctrl-C hits the
// whole pipeline), a write must not crash the supervisor before it has stopped the children.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

/** Human-facing progress lines of the local stack (services log JSON to their own files). */
export const say = (message: string) => process.stdout.write(`[liqpass] ${message}\n`);
export const warn = (message: string) => process.stderr.write(`[liqpass] ${message}\n`);
