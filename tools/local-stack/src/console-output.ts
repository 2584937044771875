/** Human-facing progress lines of the local stack (services log JSON to their own files). */
export const say = (message: string) => process.stdout.write(`[liqpass] ${message}\n`);
export const warn = (message: string) => process.stderr.write(`[liqpass] ${message}\n`);
