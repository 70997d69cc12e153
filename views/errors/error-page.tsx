// Error pages: what went wrong, in words, and a way back.
import { Layout } from '../layout.js';

export type ErrorPageProps = { status: number; title: string; message: string; siteTitle: string };

export function ErrorPage(props: ErrorPageProps) {
  return (
    <Layout title={props.title} siteTitle={props.siteTitle} nav="none">
      <h1>{props.title}</h1>
      <p class="lead">{props.message}</p>
      <p>
        <a class="button" href="/">
          Go to the programme
        </a>
      </p>
      <p class="small muted">Error {props.status}</p>
    </Layout>
  );
}
