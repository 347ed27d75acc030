// `lightning/navigation` in the workbench: navigation requests are shown in the page, not followed.
export const NAVIGATE_EVENT = 'workbench__navigate';

export const CurrentPageReference = class CurrentPageReferenceAdapter {
  constructor(private readonly callback: (value: unknown) => void) {}
  connect(): void {
    this.callback({ type: 'standard__recordPage', attributes: {}, state: {} });
  }
  disconnect(): void {}
  update(): void {}
};

type Constructor = abstract new (...args: never[]) => HTMLElement | object;

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export function NavigationMixin<T extends Constructor>(base: T): T {
  abstract class Navigating extends base {
    [Navigate](pageReference: unknown): void {
      const target = this as unknown as EventTarget;
      target.dispatchEvent(
        new CustomEvent(NAVIGATE_EVENT, { detail: pageReference, bubbles: true, composed: true })
      );
    }
    [GenerateUrl](pageReference: unknown): Promise<string> {
      return Promise.resolve(`#navigate=${encodeURIComponent(JSON.stringify(pageReference))}`);
    }
  }
  return Navigating;
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
