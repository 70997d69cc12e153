// The one rule for "go back to this page" parameters: only paths on this site, never another host.

/**
 * A local path to redirect to, or `fallback`. Refuses other hosts in every spelling browsers
 * accept: `//host`, `/\host`, and control characters that browsers strip (`/<TAB>/host`).
 */
export function safeLocalPath(input: string | undefined | null, fallback = '/'): string {
  if (!input || input.length > 2000 || !input.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(input) || input.startsWith('//')) return fallback;
  try {
    const url = new URL(input, 'http://hub.invalid');
    return url.origin === 'http://hub.invalid' ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

/**
 * The request's own path and `search`, to link to from its page: leading slashes collapse to one,
 * so that a request for `//host/x` (a path URL parsers keep as it is) is not linked as another host.
 */
export function ownPath(url: URL, search: string): string {
  const path = url.pathname.startsWith('//') ? `/${url.pathname.replace(/^\/+/, '')}` : url.pathname;
  return `${path}${search}`;
}

/** A path for logs, with the secret part of private links masked. */
export function pathForLog(path: string): string {
  return path.replace(/^\/(my|speaker|admin\/setup)\/[^/]+/, '/$1/…');
}
