import { LightningElement } from 'lwc';
import testMatch from '@salesforce/apex/SetupController.testMatch';
import type { MatchTest } from 'types/dto/setup';

/**
 * The LinkedIn URL tester in the Matching card: the admin enters a URL and sees the key Kondo
 * normalises it to and the Contacts and Leads that carry that key, or why the URL is rejected.
 * The server answers with the sync's own matcher and the saved settings, not the draft.
 */
export default class KondoUrlTester extends LightningElement {
  testUrl = '';
  testing = false;
  testResult: MatchTest | undefined;
  testError: unknown;

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
      // The template compiler trims the whitespace before a text node: the space goes here.
      objectText: ` (${record.objectName})`,
    }));
  }

  get hasTestMatches(): boolean {
    return (this.testResult as MatchTest).matches.length > 0;
  }

  get testRejection(): string {
    const result = this.testResult as MatchTest;
    return [result.errorCode, result.errorMessage].join(': ');
  }

  handleTestUrlChange(event: CustomEvent<{ value: string }>): void {
    this.testUrl = event.detail.value;
  }

  async handleTest(): Promise<void> {
    this.testing = true;
    this.testError = undefined;
    try {
      this.testResult = await testMatch({ linkedInUrl: this.testUrl });
    } catch (error) {
      this.testResult = undefined;
      this.testError = error;
    } finally {
      this.testing = false;
    }
  }
}
