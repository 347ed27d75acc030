import { createElement } from 'lwc';
import KondoFieldError from 'c/kondoFieldError';
import type { ValidationError } from 'types/dto/setup';

const ERRORS: ValidationError[] = [
  { section: 'settings', rowIndex: null, field: 'taskWindowDays', message: 'Too many days.' },
  { section: 'settings', rowIndex: null, field: 'logRetentionDays', message: 'Too few days.' },
  { section: 'mappings', rowIndex: 0, field: 'taskWindowDays', message: 'A row error.' },
  { section: 'settings', rowIndex: null, field: 'taskWindowDays', message: 'Not a number.' },
];

function render(props: { field?: string; errors?: ValidationError[] }): HTMLElement {
  const element = createElement('c-kondo-field-error', { is: KondoFieldError });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

function texts(element: HTMLElement): (string | undefined)[] {
  return Array.from((element.shadowRoot as ShadowRoot).querySelectorAll('.field-error')).map(
    (line) => line.textContent?.trim()
  );
}

describe('c-kondo-field-error', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it("shows every settings message of its field, in the server's order", async () => {
    const element = render({ field: 'taskWindowDays', errors: ERRORS });
    await Promise.resolve();

    expect(texts(element)).toEqual(['Too many days.', 'Not a number.']);
    await expect(element).toBeAccessible();
  });

  it('shows nothing without errors for its field, and clears when the errors go', async () => {
    const element = render({ field: 'createAs', errors: ERRORS });
    await Promise.resolve();
    expect(texts(element)).toEqual([]);

    Object.assign(element, { field: 'logRetentionDays' });
    await Promise.resolve();
    expect(texts(element)).toEqual(['Too few days.']);

    Object.assign(element, { errors: [] });
    await Promise.resolve();
    expect(texts(element)).toEqual([]);
  });

  it('shows nothing before it gets errors', async () => {
    const element = render({ field: 'createAs' });
    await Promise.resolve();
    expect(texts(element)).toEqual([]);
  });
});
