import { LightningElement, api } from 'lwc';
import SOMETHING_WENT_WRONG from '@salesforce/label/c.Kondo_SomethingWentWrong';
import { reduceErrors, withoutCode } from 'c/kondoErrors';

interface ErrorLine {
  key: string;
  text: string;
}

/**
 * Shows an error as a short friendly sentence and the readable messages behind it, never a
 * stack trace. `errors` takes any shape `reduceErrors` understands.
 */
export default class KondoErrorPanel extends LightningElement {
  /** Any error shape: Apex/UI API response, Error, string, or an array of them. */
  @api errors: unknown;
  /** The sentence shown first. */
  @api friendlyMessage = SOMETHING_WENT_WRONG;

  get lines(): ErrorLine[] {
    return reduceErrors(this.errors).map((message, index) => ({
      key: `error-${index}`,
      text: withoutCode(message),
    }));
  }

  get hasLines(): boolean {
    return this.lines.length > 0;
  }
}
