import { createElement } from 'lwc';
import KondoDateTime from 'c/kondoDateTime';

describe('c-kondo-date-time', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('formats its value with the setup page format', async () => {
    const element = createElement('c-kondo-date-time', { is: KondoDateTime });
    Object.assign(element, { value: '2026-05-04T09:30:00.000Z' });
    document.body.appendChild(element);
    await Promise.resolve();

    const formatted = (element.shadowRoot as ShadowRoot).querySelector<
      HTMLElement & Record<string, unknown>
    >('lightning-formatted-date-time');
    expect(formatted).not.toBeNull();
    expect({
      value: formatted?.value,
      year: formatted?.year,
      month: formatted?.month,
      day: formatted?.day,
      hour: formatted?.hour,
      minute: formatted?.minute,
    }).toEqual({
      value: '2026-05-04T09:30:00.000Z',
      year: 'numeric',
      month: 'short',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    await expect(element).toBeAccessible();
  });
});
