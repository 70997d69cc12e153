// The one form kit: every field tied to its hint and error, and a summary that links to the fields.
import { describe, expect, it } from 'vitest';
import { CheckboxField, ErrorSummary, Fieldset, RadioGroup, SelectControl, TextField } from '../../views/components/form-kit.js';

const render = (node: unknown) => String(node);

describe('the form kit', () => {
  it('shows a message for the whole form alone, unlinked, and links each field’s message to its field', () => {
    expect(render(<ErrorSummary form="login" errors={{ form: 'Email or password is wrong.' }} focusOnLoad={false} />)).toBe(
      '<div class="notice error" role="alert" tabindex="-1" id="login-errors">Email or password is wrong.</div>',
    );
    expect(render(<ErrorSummary form="reg" id="register-errors" errors={{ email: 'Email is required.', form: 'Try again.' }} />)).toBe(
      '<div class="notice error" role="alert" tabindex="-1" id="register-errors" data-error-summary="true"><strong>2 things to fix:</strong><ul><li><a href="#reg-email">Email is required.</a></li><li>Try again.</li></ul></div>',
    );
    expect(render(<ErrorSummary errors={{}} />)).toBe('');
  });

  it('ties a field to its hint and error, marks optional fields and never sends a password back', () => {
    const html = render(<TextField name="title" label="Title" hint="Short." values={{ title: 'x' }} errors={{ title: 'Too short.' }} />);
    expect(html).toBe(
      '<div class="field"><label for="f-title">Title<span class="muted small"> (optional)</span></label><span class="hint" id="f-title-hint">Short.</span>' +
        '<input id="f-title" name="title" type="text" value="x" aria-invalid="true" aria-describedby="f-title-hint f-title-error"/><span class="error" id="f-title-error">Too short.</span></div>',
    );
    expect(
      render(<TextField form="login" name="password" type="password" label="Password" values={{ password: 'secret' }} errors={{}} required />),
    ).not.toContain('secret');
  });

  it('gives a checkbox and a fieldset the ids the summary links to', () => {
    expect(render(<CheckboxField name="confirm" value="yes" checked={false} required label="Yes" errors={{ confirm: 'Tick it.' }} />)).toBe(
      '<div class="field"><label class="check" for="f-confirm"><input id="f-confirm" name="confirm" type="checkbox" value="yes" required="" aria-invalid="true" aria-describedby="f-confirm-error"/><span>Yes</span></label><span class="error" id="f-confirm-error">Tick it.</span></div>',
    );
    expect(
      render(
        <Fieldset legend="Webinars" form="reg" name="webinars" errors={{ webinars: 'Pick one.' }}>
          …
        </Fieldset>,
      ),
    ).toBe('<fieldset aria-describedby="reg-webinars-error"><legend>Webinars</legend>…<span class="error" id="reg-webinars-error">Pick one.</span></fieldset>');
  });

  it('gives a bare select the field’s id and ARIA, and the first radio of a group the id the summary links to', () => {
    const options = [
      { value: '', label: 'None' },
      { value: 'a', label: 'A' },
    ];
    expect(render(<SelectControl name="role_x" values={{ role_x: 'a' }} errors={{ role_x: 'Pick one.' }} options={options} />)).toBe(
      '<select id="f-role_x" name="role_x" aria-invalid="true" aria-describedby="f-role_x-error"><option value="">None</option><option value="a" selected="">A</option></select>',
    );
    expect(
      render(
        <RadioGroup
          form="m"
          name="v"
          legend="Visible to"
          values={{ v: 'b' }}
          errors={{}}
          options={[
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ]}
        />,
      ),
    ).toBe(
      '<fieldset><legend>Visible to</legend><label class="check" for="m-v"><input id="m-v" type="radio" name="v" value="a"/><span>A</span></label>' +
        '<label class="check" for="m-v-b"><input id="m-v-b" type="radio" name="v" value="b" checked=""/><span>B</span></label></fieldset>',
    );
  });
});
