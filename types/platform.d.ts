// Platform modules that @salesforce/lightning-types does not type. No top-level import here:
// a file with one turns these `declare module` blocks into silent no-ops.

declare module '@salesforce/apex' {
  /** Re-fetches the data of an @wire-d Apex method; the argument is the value the wire provided. */
  export function refreshApex(wiredValue: unknown): Promise<void>;
  export function getSObjectValue(record: unknown, field: unknown): unknown;
}

declare module '@salesforce/i18n/locale' {
  const locale: string;
  export default locale;
}

declare module '@salesforce/i18n/timeZone' {
  const timeZone: string;
  export default timeZone;
}

declare module '@salesforce/i18n/lang' {
  const lang: string;
  export default lang;
}

declare module '@salesforce/user/Id' {
  const userId: string;
  export default userId;
}

declare module '@salesforce/customPermission/*' {
  const granted: boolean | undefined;
  export default granted;
}

declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventDetail {
    title: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
    messageData?: unknown[];
  }
  export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
    constructor(detail: ShowToastEventDetail);
  }
}
