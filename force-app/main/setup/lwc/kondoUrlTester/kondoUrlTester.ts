import { LightningElement, api } from 'lwc';
import testMatch from '@salesforce/apex/SetupController.testMatch';
import type { MatchTest } from 'types/dto/setup';
import TITLE from '@salesforce/label/c.Setup_TesterTitle';
import INPUT from '@salesforce/label/c.Setup_TesterInput';
import PLACEHOLDER from '@salesforce/label/c.Setup_TesterPlaceholder';
import BUTTON from '@salesforce/label/c.Setup_TesterButton';
import HINT from '@salesforce/label/c.Setup_TesterHint';
import FAILED from '@salesforce/label/c.Setup_TesterFailed';
import KEY from '@salesforce/label/c.Setup_TesterKey';
import MATCHES_ONE from '@salesforce/label/c.Setup_TesterMatchesOne';
import MATCHES_MANY from '@salesforce/label/c.Setup_TesterMatchesMany';
import NO_MATCH from '@salesforce/label/c.Setup_TesterNoMatch';
import NO_MATCH_CREATE from '@salesforce/label/c.Setup_TesterNoMatchCreate';
import MATCH_OBJECT from '@salesforce/label/c.Setup_TesterMatchObject';
import REJECTED from '@salesforce/label/c.Setup_TesterRejected';
import HINT_PROFILE from '@salesforce/label/c.Setup_TesterHintProfile';
import HINT_SHORT_LINK from '@salesforce/label/c.Setup_TesterHintShortLink';
import { formatCount, formatLabel } from 'c/kondoFormat';
import { objectLabel } from 'c/kondoValidationErrors';

/** Sent when a URL was tested, so the first-install checklist can mark its step done. */
export const URL_TESTED_EVENT = 'urltested';

/**
 * The LinkedIn URL tester in the Matching card: the admin enters a URL (Test, or Enter) and sees
 * the key Kondo normalises it to and the Contacts and Leads that carry that key, the first being
 * the one a sync updates, or in words why the URL cannot be matched and what to paste instead.
 * The server answers with the sync's own matcher and the saved settings, not the draft.
 */
export default class KondoUrlTester extends LightningElement {
  /** Whether the saved settings create a record when nothing matches. */
  @api createsRecords = false;

  testUrl = '';
  testing = false;
  testResult: MatchTest | undefined;
  testError: unknown;

  label = {
    title: TITLE,
    input: INPUT,
    placeholder: PLACEHOLDER,
    button: BUTTON,
    hint: HINT,
    failed: FAILED,
    key: KEY,
    rejected: REJECTED,
  };

  get testDisabled(): boolean {
    return this.testing || this.testUrl.trim() === '';
  }

  get hasTestResult(): boolean {
    return this.testResult !== undefined;
  }

  get testMatches() {
    return (this.testResult as MatchTest).matches.map((record) => ({
      ...record,
      href: `/lightning/r/${record.objectName}/${record.id}/view`,
      text: formatLabel(MATCH_OBJECT, record.name, objectLabel(record.objectName)),
    }));
  }

  get hasTestMatches(): boolean {
    return (this.testResult as MatchTest).matches.length > 0;
  }

  get matchSummary(): string {
    return formatCount((this.testResult as MatchTest).matches.length, {
      one: MATCHES_ONE,
      many: MATCHES_MANY,
    });
  }

  get noMatchText(): string {
    return this.createsRecords ? NO_MATCH_CREATE : NO_MATCH;
  }

  /** What to paste instead of a URL that cannot be matched. */
  get rejectionHint(): string {
    return (this.testResult as MatchTest).errorCode === 'UNRESOLVABLE_LINK'
      ? HINT_SHORT_LINK
      : HINT_PROFILE;
  }

  handleTestUrlChange(event: CustomEvent<{ value: string }>): void {
    this.testUrl = event.detail.value;
  }

  handleTestUrlKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !this.testDisabled) {
      event.preventDefault();
      // handleTest reports its own failures in the panel.
      this.handleTest().catch(() => undefined);
    }
  }

  async handleTest(): Promise<void> {
    this.testing = true;
    this.testError = undefined;
    try {
      this.testResult = await testMatch({ linkedInUrl: this.testUrl });
      this.dispatchEvent(new CustomEvent(URL_TESTED_EVENT));
    } catch (error) {
      this.testResult = undefined;
      this.testError = error;
    } finally {
      this.testing = false;
    }
  }
}
