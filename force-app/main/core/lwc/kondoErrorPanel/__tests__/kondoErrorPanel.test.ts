import { createElement } from 'lwc';
import KondoErrorPanel from 'c/kondoErrorPanel';

type PanelElement = HTMLElement & { errors?: unknown; friendlyMessage?: string };

function create(props: Partial<PanelElement>): PanelElement {
  const element = createElement('c-kondo-error-panel', { is: KondoErrorPanel }) as PanelElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

describe('c-kondo-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the friendly sentence and each message without its code', async () => {
    const element = create({
      friendlyMessage: 'Could not load.',
      errors: [{ body: { message: 'QUERY_FAILED: Timed out' } }, new Error('Also this')],
    });
    await Promise.resolve();

    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    expect(root.querySelector('.friendly')?.textContent).toBe('Could not load.');
    expect(
      Array.from(root.querySelectorAll('.error-line')).map((line) => line.textContent)
    ).toEqual(['Timed out', 'Also this']);
    await expect(element).toBeAccessible();
  });

  it('shows only the default sentence when there is nothing readable', async () => {
    const element = create({ errors: {} });
    await Promise.resolve();

    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelector('.friendly')?.textContent).toBe('Something went wrong.');
    expect(root.querySelector('ul')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
