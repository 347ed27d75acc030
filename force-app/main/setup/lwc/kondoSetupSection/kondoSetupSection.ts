import { LightningElement, api } from 'lwc';

/**
 * One section of the setup page: a card with its title and icon around the section's content
 * (the slot), and the landmark the section navigation and the error summary move focus to.
 */
export default class KondoSetupSection extends LightningElement {
  /** The section's name (`mappings`), as the page's navigation names it. */
  @api name: string | undefined;
  /** The section's title, on its card and as the name of its landmark. */
  @api heading: string | undefined;
  @api iconName: string | undefined;

  get cardClass(): string {
    return `section section_${this.name ?? ''}`;
  }

  /** Moves focus to the section (which scrolls it into view unless told not to). */
  @api
  focus(options?: FocusOptions): void {
    this.template?.querySelector<HTMLElement>('section')?.focus(options);
  }
}
