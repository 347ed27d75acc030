// `lightning/platformShowToastEvent` in the workbench: the page shows the toast (see main.ts).
export interface ShowToastEventDetail {
  title: string;
  message?: string;
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
  messageData?: unknown[];
}

export const SHOW_TOAST_EVENT = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
  constructor(detail: ShowToastEventDetail) {
    super(SHOW_TOAST_EVENT, { detail, bubbles: true, composed: true, cancelable: true });
  }
}
