// The workspace's answer to a captions file it could not take: what to fix, and the way back.
import type { FieldErrors } from '../../src/errors.js';

export type CaptionsRefusedProps = { webinarTitle: string; backHref: string; errors: FieldErrors };

export function CaptionsRefused(props: CaptionsRefusedProps) {
  return (
    <>
      <h1>The captions were not attached</h1>
      <div class="notice error" role="alert">
        <p>Nothing was changed on “{props.webinarTitle}”. What to fix:</p>
        <ul>
          {Object.values(props.errors).map((message) => (
            <li>{message}</li>
          ))}
        </ul>
      </div>
      <p>
        <a href={props.backHref}>Back to the webinar’s materials</a> to choose the file again.
      </p>
    </>
  );
}
