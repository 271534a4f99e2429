/**
 * Which RPC the app talks to: `?rpc=<url>` in the page URL, else the last one set in the header
 * field (localStorage), else `VITE_RPC_URL` at build time, else the local validator.
 */
export const DEFAULT_RPC_URL = "http://127.0.0.1:8899";
const STORAGE_KEY = "attribution-suite.rpcUrl";

export function initialRpcUrl(): string {
  const fromQuery = new URLSearchParams(window.location.search).get("rpc");
  if (fromQuery) return fromQuery;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored) return stored;
  } catch {
    // storage unavailable: ignore
  }
  return (import.meta.env.VITE_RPC_URL as string | undefined) || DEFAULT_RPC_URL;
}

/** Remembers `url` and puts it in the page URL's `?rpc=`, so a reload or a shared link keeps it. */
export function persistRpcUrl(url: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, url);
  } catch {
    // ignore
  }
  const params = new URLSearchParams(window.location.search);
  params.set("rpc", url);
  window.history.replaceState(null, "", `${window.location.pathname}?${params}${window.location.hash}`);
}

export function isValidRpcUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}
