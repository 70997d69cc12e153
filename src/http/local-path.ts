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

/** A path for logs, with the secret part of private links masked. */
export function pathForLog(path: string): string {
  return path.replace(/^\/(my|speaker|admin\/setup)\/[^/]+/, '/$1/…');
}
