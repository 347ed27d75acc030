/**
 * The setup page's toasts (template-less module): the page and its cards confirm and report
 * their Apex calls the same way, with the server's message shown without its code.
 */
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import UNEXPECTED_ERROR from '@salesforce/label/c.Setup_UnexpectedError';
import { reduceErrors, withoutCode } from 'c/kondoErrors';

/** The readable text of an Apex error, its codes dropped; a generic sentence when it has none. */
export function messageOf(error: unknown): string {
  return reduceErrors(error).map(withoutCode).join(' ') || UNEXPECTED_ERROR;
}

/** Shows a toast from host (the event is composed: the page's container shows it). */
export function showToast(
  host: EventTarget,
  variant: 'success' | 'error',
  title: string,
  message: string
): void {
  host.dispatchEvent(new ShowToastEvent({ title, message, variant }));
}

/** Reports a failed call: its title and the error's message. */
export function showErrorToast(host: EventTarget, title: string, error: unknown): void {
  showToast(host, 'error', title, messageOf(error));
}
