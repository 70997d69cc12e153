// The coordinators' workspace shell: its own navigation, the signed-in coordinator, sign-out.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { DocumentHead } from '../components/document-head.js';
import { CsrfField } from '../components/form-kit.js';
import { LanguageSwitch } from '../layout.js';
import { t, type MessageKey } from '../../src/i18n/catalogue.js';
import { currentLanguage } from '../../src/i18n/current-language.js';

export { CsrfField };

export type AdminSection = 'dashboard' | 'webinars' | 'speakers' | 'areas' | 'programme' | 'outbox' | 'coordinators' | 'tokens';

export type AdminLayoutProps = {
  title: string;
  siteTitle: string;
  coordinator: { name: string; email: string };
  csrfToken: string;
  section: AdminSection;
  /** A message after a redirect ("Saved."). */
  flash?: { kind: 'ok' | 'info' | 'warn' | 'error'; text: Child };
  children: Child;
};

const SECTIONS: Array<[AdminSection, MessageKey, string]> = [
  ['dashboard', 'workspace.nav.dashboard', '/admin'],
  ['webinars', 'workspace.nav.webinars', '/admin/webinars'],
  ['speakers', 'workspace.nav.speakers', '/admin/speakers'],
  ['areas', 'workspace.nav.areas', '/admin/areas'],
  ['programme', 'workspace.nav.programme', '/admin/programme'],
  ['outbox', 'workspace.nav.outbox', '/admin/outbox'],
  ['coordinators', 'workspace.nav.coordinators', '/admin/coordinators'],
  ['tokens', 'workspace.nav.tokens', '/admin/tokens'],
];

export function AdminLayout(props: AdminLayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={currentLanguage()}>
        {/* Workspace pages show private links (speakers', invitations): none may leak in a Referer. */}
        <DocumentHead title={t('workspace.title', { page: props.title, site: props.siteTitle })} noIndex referrer="no-referrer" />
        <body class="admin">
          <a class="skip" href="#main">
            {t('shell.skip')}
          </a>
          <header class="site-header">
            <div class="inner">
              <a class="brand" href="/admin">
                {t('workspace.brand', { site: props.siteTitle })}
              </a>
              <nav class="site-nav" aria-label={t('workspace.nav.label')}>
                {SECTIONS.map(([section, label, href]) => (
                  <a href={href} aria-current={props.section === section ? 'page' : undefined}>
                    {t(label)}
                  </a>
                ))}
                <a href="/" target="_blank" rel="noopener">
                  {t('workspace.nav.publicSite')}
                </a>
                <form method="post" action="/admin/logout" class="inline-form">
                  <CsrfField token={props.csrfToken} />
                  <button type="submit" class="secondary small" title={t('workspace.signedInAs', { email: props.coordinator.email })}>
                    {t('workspace.signOut', { name: props.coordinator.name })}
                  </button>
                </form>
              </nav>
              <LanguageSwitch />
            </div>
          </header>
          <main id="main">
            {props.flash ? (
              <div class={`notice ${props.flash.kind}`} role="status">
                {props.flash.text}
              </div>
            ) : null}
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}
