/** Thrown at start-up when a setting is missing or malformed; the message names every bad setting. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly { setting: string; problem: string }[],
  ) {
    super(
      `${service}: invalid configuration — ` +
        problems.map((p) => `${p.setting}: ${p.problem}`).join('; '),
    );
    this.name = 'ConfigError';
  }
}
