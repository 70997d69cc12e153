// The language of the text being rendered now: set per request by the language middleware, and
// around each email by whoever renders it for its recipient (withLanguage). Views and services
// read it through t() and showIn(), so that no component needs a language prop threaded through.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Language } from './languages.js';

type Rendering = {
  language: Language;
  /** The languages this hub offers (a switch is shown when there are several). */
  offered: readonly Language[];
  /** The address being answered without ?lang=, for the switch's links; undefined in an email. */
  returnTo?: string;
};

// Cost: on Node 20 an AsyncLocalStorage in use tracks every promise (async_hooks), which makes
// promise-heavy code about 2.5 times slower (.scratch measurement: 20 awaits, 532 ms plain, 1,376 ms
// once a store was ever entered). A hub offering one language never enters one (the middleware
// and withLanguage skip it), so LANGUAGES=en runs without that cost; see README, Languages.
const storage = new AsyncLocalStorage<Rendering>();

/** The language of the request or email being rendered; English outside of either. */
export function currentLanguage(): Language {
  return storage.getStore()?.language ?? 'en';
}

export function currentRendering(): Readonly<Rendering> {
  return storage.getStore() ?? { language: 'en', offered: ['en'] };
}

/** Runs `render` for a request: its language, the languages offered and its address. */
export function withRequestLanguage<T>(rendering: Rendering, render: () => T): T {
  return storage.run(rendering, render);
}

/** Runs `render` with `language` as the current language (an email for its recipient). */
export function withLanguage<T>(language: Language, render: () => T): T {
  const outer = storage.getStore();
  // Already so (or English outside any request): no new context, see the note at the top.
  if (language === (outer?.language ?? 'en')) return render();
  return storage.run({ language, offered: outer?.offered ?? [language] }, render);
}
