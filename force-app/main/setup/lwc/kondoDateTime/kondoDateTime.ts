import { LightningElement, api } from 'lwc';

/**
 * A date and time as the setup page shows them everywhere (sync log rows, last successful
 * sync): one format, in the viewer's locale and time zone.
 */
export default class KondoDateTime extends LightningElement {
  /** ISO 8601 date-time from Apex. */
  @api value: string | null | undefined;
}
