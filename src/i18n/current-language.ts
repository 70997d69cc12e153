// The language of the text being rendered now, for t() and showIn(), so that no component needs a
// language prop threaded through. It is a synchronous scope: set while a page is rendered (the
// language middleware wraps c.html, and hono/jsx renders a page in one synchronous pass), and while
// an email, invite or feed is built for its recipient (withLanguage). Outside a scope it is English.
//
// Why not AsyncLocalStorage, which would follow a request across its awaits: on Node 20 a store in
// use tracks every promise (async_hooks), which made promise-heavy code about 2.5 times slower
// (20 awaits: 532 ms plain, 1,376 ms once a store was entered) and halved the pages' throughput.
// So code that runs between awaits (handlers, services) takes the language as a value:
// languageOf(c) in a handler, `language` parameters in services, translate(language, key).
import type { Language } from './languages.js';

export type Rendering = {
  language: Language;
  /** The languages this hub offers (a switch is shown when there are several). */
  offered: readonly Language[];
  /** The address being answered without ?lang=, for the switch's links; undefined in an email. */
  returnTo?: string;
};

const ENGLISH: Rendering = { language: 'en', offered: ['en'] };

let active: Rendering | undefined;

/** The language of the page or email being rendered; English outside of either. */
export function currentLanguage(): Language {
  return active?.language ?? 'en';
}

export function currentRendering(): Readonly<Rendering> {
  return active ?? ENGLISH;
}

/** A callback's result, refused at compile time when it is a promise: the scope ends when it returns. */
export type Synchronous<T> = [T] extends [PromiseLike<unknown>] ? never : T;

/** Runs `render` (synchronous) with `rendering` as the current one: a page for its request. */
export function withRendering<T>(rendering: Rendering, render: () => Synchronous<T>): T {
  const outer = active;
  active = rendering;
  try {
    const result = render();
    // Types stop most; this stops an `any` from slipping a promise through and losing the language.
    if (isThenable(result)) throw new Error('A language scope needs a synchronous callback: it ends when the callback returns.');
    return result;
  } finally {
    active = outer;
  }
}

/** Runs `render` (synchronous) in `language`: an email, invite or feed for its recipient. */
export function withLanguage<T>(language: Language, render: () => Synchronous<T>): T {
  return withRendering({ language, offered: active?.offered ?? [language] }, render);
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
