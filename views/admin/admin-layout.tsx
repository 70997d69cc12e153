// The coordinators' workspace shell: its own navigation, the signed-in coordinator, sign-out.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { DocumentHead } from '../components/document-head.js';
import { CsrfField } from '../components/form-kit.js';

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

const SECTIONS: Array<[AdminSection, string, string]> = [
  ['dashboard', 'Dashboard', '/admin'],
  ['webinars', 'Webinars', '/admin/webinars'],
  ['speakers', 'Speakers', '/admin/speakers'],
  ['areas', 'Knowledge areas', '/admin/areas'],
  ['programme', 'Programme', '/admin/programme'],
  ['outbox', 'Outbox', '/admin/outbox'],
  ['coordinators', 'Coordinators', '/admin/coordinators'],
  ['tokens', 'API tokens', '/admin/tokens'],
];

export function AdminLayout(props: AdminLayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        {/* Workspace pages show private links (speakers', invitations): none may leak in a Referer. */}
        <DocumentHead title={`${props.title} · Workspace · ${props.siteTitle}`} noIndex referrer="no-referrer" />
        <body class="admin">
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <div class="inner">
              <a class="brand" href="/admin">
                Workspace · {props.siteTitle}
              </a>
              <nav class="site-nav" aria-label="Workspace">
                {SECTIONS.map(([section, label, href]) => (
                  <a href={href} aria-current={props.section === section ? 'page' : undefined}>
                    {label}
                  </a>
                ))}
                <a href="/" target="_blank" rel="noopener">
                  Public site ↗
                </a>
                <form method="post" action="/admin/logout" class="inline-form">
                  <CsrfField token={props.csrfToken} />
                  <button type="submit" class="secondary small" title={`Signed in as ${props.coordinator.email}`}>
                    Sign out {props.coordinator.name}
                  </button>
                </form>
              </nav>
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
