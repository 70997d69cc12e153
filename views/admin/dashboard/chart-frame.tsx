// The frame every dashboard chart shares: an accessible SVG image (its title and description name it
// for screen readers), at most 28rem wide, with an optional caption under it.
import type { Child } from 'hono/jsx';

export type ChartFrameProps = {
  /** Prefix of the title's and description's ids, unique on the page. */
  id: string;
  width: number;
  height: number;
  title: string;
  description: string;
  caption?: string;
  children: Child;
};

export function ChartFrame(props: ChartFrameProps) {
  return (
    <figure class="chart" style="margin:0 0 1rem">
      <svg
        viewBox={`0 0 ${props.width} ${props.height}`}
        width="100%"
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        style="display:block;height:auto;max-width:28rem"
        font-size="14"
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        {props.children}
      </svg>
      {props.caption === undefined ? null : <figcaption class="small muted">{props.caption}</figcaption>}
    </figure>
  );
}
