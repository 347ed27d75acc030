import { createElement } from 'lwc';
import exportConfiguration from '@salesforce/apex/SetupController.exportConfiguration';
import KondoConfigurationTransfer from 'c/kondoConfigurationTransfer';
import type { ImportFile } from 'c/kondoConfigurationTransfer';
import { apexError, cleanUp, q, settle, toastsOf } from '../../kondoSettingsCard/__tests__/harness';

jest.mock('@salesforce/apex/SetupController.exportConfiguration', () => ({ default: jest.fn() }), {
  virtual: true,
});

const exportMock = exportConfiguration as unknown as jest.Mock;

type TransferElement = HTMLElement & { saving: boolean };

function render() {
  const element = createElement('c-kondo-configuration-transfer', {
    is: KondoConfigurationTransfer,
  }) as TransferElement;
  const toasts = toastsOf(element);
  const picked: ImportFile[] = [];
  element.addEventListener('importfile', (event) => {
    picked.push((event as CustomEvent<ImportFile>).detail);
  });
  document.body.appendChild(element);
  return { element, toasts, picked };
}

function pick(element: HTMLElement, files: unknown[] | undefined): void {
  q(element, '.import')?.dispatchEvent(new CustomEvent('change', { detail: { files } }));
}

describe('c-kondo-configuration-transfer', () => {
  afterEach(() => {
    cleanUp();
    jest.restoreAllMocks();
  });

  it('downloads the exported configuration, and says when the export fails', async () => {
    const { element, toasts } = render();
    exportMock.mockResolvedValue('{"format":"kondo-configuration"}');
    const clickSpy = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);

    q(element, '.export')?.dispatchEvent(new CustomEvent('click'));
    await settle();
    expect(exportMock).toHaveBeenCalledTimes(1);
    expect(clickSpy).toHaveBeenCalledTimes(1);
    const link = clickSpy.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('kondo-configuration.json');
    expect(decodeURIComponent(link.href)).toBe(
      'data:application/json;charset=utf-8,{"format":"kondo-configuration"}'
    );

    exportMock.mockRejectedValue(apexError('PERMISSION_DENIED: No.'));
    q(element, '.export')?.dispatchEvent(new CustomEvent('click'));
    await settle();
    expect(clickSpy).toHaveBeenCalledTimes(1);
    expect(toasts).toEqual([{ variant: 'error', title: 'Export failed', message: 'No.' }]);
    // The failure stays in the card, not only in the toast.
    const panel = q<HTMLElement & { errors: unknown; friendlyMessage: string }>(
      element,
      'c-kondo-error-panel.export-error'
    );
    expect(panel?.friendlyMessage).toBe('Export failed');
    expect(panel?.errors).toEqual(apexError('PERMISSION_DENIED: No.'));
    await expect(element).toBeAccessible();

    exportMock.mockResolvedValue('{}');
    q(element, '.export')?.dispatchEvent(new CustomEvent('click'));
    await settle();
    expect(q(element, '.export-error')).toBeNull();
  });

  it('hands the picked file to the page, and nothing for an empty pick', async () => {
    const { element, picked } = render();
    await settle();
    const file = { name: 'prod.json' };

    pick(element, []);
    pick(element, undefined);
    expect(picked).toEqual([]);

    pick(element, [file]);
    expect(picked).toHaveLength(1);
    expect(picked[0]?.file).toBe(file);
  });

  it('takes no file while the page saves', async () => {
    const { element } = render();
    await settle();
    const input = () => q<HTMLElement & { disabled: boolean }>(element, '.import');
    expect(input()?.disabled).toBe(false);

    element.saving = true;
    await settle();
    expect(input()?.disabled).toBe(true);
    expect(q<HTMLElement & { disabled: boolean }>(element, '.export')?.disabled).toBeFalsy();
    await expect(element).toBeAccessible();
  });
});
