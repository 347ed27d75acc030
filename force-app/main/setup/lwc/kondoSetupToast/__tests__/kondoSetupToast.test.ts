import { messageOf, showErrorToast, showToast } from 'c/kondoSetupToast';

interface Toast {
  title: string;
  message: string;
  variant: string;
}

function listen(): { host: HTMLElement; toasts: CustomEvent<Toast>[] } {
  const page = document.createElement('div');
  const host = document.createElement('div');
  page.appendChild(host);
  document.body.appendChild(page);
  const toasts: CustomEvent<Toast>[] = [];
  // Listened for above the host, where the container of a Lightning page hears it.
  page.addEventListener('lightning__showtoast', (event) => {
    toasts.push(event as CustomEvent<Toast>);
  });
  return { host, toasts };
}

describe('c/kondoSetupToast', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it("reads an Apex error's messages without their codes", () => {
    expect(messageOf({ body: { message: 'SAVE_FAILED: The settings could not be saved.' } })).toBe(
      'The settings could not be saved.'
    );
    expect(messageOf([new Error('NO_ACCESS: First.'), 'Second.'])).toBe('First. Second.');
  });

  it('falls back to a generic sentence for an error without text', () => {
    expect(messageOf({})).toBe('Unexpected error.');
    expect(messageOf(undefined)).toBe('Unexpected error.');
  });

  it('shows a toast that leaves the component', () => {
    const { host, toasts } = listen();

    showToast(host, 'success', 'Kondo settings saved', 'They take effect on the next sync.');

    expect(toasts.map((event) => event.detail)).toEqual([
      {
        variant: 'success',
        title: 'Kondo settings saved',
        message: 'They take effect on the next sync.',
      },
    ]);
    expect(toasts[0]?.composed).toBe(true);
  });

  it("reports a failed call with the error's message", () => {
    const { host, toasts } = listen();

    showErrorToast(host, 'Export failed', { body: { message: 'PERMISSION_DENIED: No.' } });
    showErrorToast(host, 'Import failed', {});

    expect(toasts.map((event) => event.detail)).toEqual([
      { variant: 'error', title: 'Export failed', message: 'No.' },
      { variant: 'error', title: 'Import failed', message: 'Unexpected error.' },
    ]);
  });
});
