import { accessToken, recoverFrom401 } from '../auth/session';
import { ApiError, NetworkError } from './errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Send the bearer token (default); false for register/login. */
  auth?: boolean;
  signal?: AbortSignal;
}

async function send(method: Method, path: string, body: unknown, token: string | null, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
}

/**
 * One JSON call to the api. With auth, the access token is refreshed ahead of expiry and,
 * on a 401, refreshed once (single-flight, see auth/session) and the call retried once.
 */
export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? true;
  let token = auth ? await accessToken() : null;
  if (auth && !token) throw new ApiError(401, { message: 'not signed in' });
  let res = await send(method, path, body, token, options.signal);
  if (auth && res.status === 401 && token) {
    token = await recoverFrom401(token);
    if (token) res = await send(method, path, body, token, options.signal);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { message: text };
    }
  }
  if (!res.ok) throw new ApiError(res.status, parsed);
  return parsed as T;
}

export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A file from the api (e.g. a CSV export), fetched with the session's token. */
export async function requestBlob(path: string): Promise<Blob> {
  let token = await accessToken();
  if (!token) throw new ApiError(401, { message: 'not signed in' });
  let res = await send('GET', path, undefined, token);
  if (res.status === 401) {
    token = await recoverFrom401(token);
    if (token) res = await send('GET', path, undefined, token);
  }
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  return res.blob();
}
