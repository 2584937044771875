/** The web app's one HTTP client: every call goes to the gateway under /api. */
export async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`/api${path}`, { headers: { accept: 'application/json' } });
  return { status: response.status, body: (await response.json()) as T };
}
