// Error pages: what went wrong, in words, and a way back.
import { Layout } from '../layout.js';
import { t } from '../../src/i18n/catalogue.js';

export type ErrorPageProps = { status: number; title: string; message: string; siteTitle: string };

export function ErrorPage(props: ErrorPageProps) {
  return (
    <Layout title={props.title} siteTitle={props.siteTitle} nav="none">
      <h1>{props.title}</h1>
      <p class="lead">{props.message}</p>
      <p>
        <a class="button" href="/">
          {t('public.error.toProgramme')}
        </a>
      </p>
      <p class="small muted">{t('public.error.status', { status: String(props.status) })}</p>
    </Layout>
  );
}
