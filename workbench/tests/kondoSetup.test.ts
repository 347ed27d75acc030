// The setup page in a real browser on the local org, driven as an admin would, with the real
// SetupController answering: editing a mapping row through the base components' comboboxes, a
// save the validator refuses (the row shows its error, the edits stay) and the fixed save, saved
// rows that no longer validate, a save that fails on the server, a rep without Kondo Admin, the
// sync log's failure filters, the LinkedIn URL tester, and a mapping saved here that the next
// push through the API writes. Each test starts from the same saved configuration.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { Configuration, SaveOutcome, SetupPage } from '../../types/dto/setup';
import { SAMPLE_MAPPINGS } from '../fixtures/setupProps';
import {
  axeViolations,
  describeViolations,
  screenshot,
  settle,
  startWorkbench,
  type OpenedPage,
  type Workbench,
} from './harness';

const PAGE = '?component=kondoSetup';

interface Toast {
  title: string;
  message?: string;
  variant?: string;
}

async function toasts(page: Page): Promise<Toast[]> {
  return page.evaluate(() => window.__workbench.toasts.map((toast) => ({ ...toast })));
}

function leadRows(page: Page): Locator {
  return page.locator('table.mappings[data-object="Lead"] tr.mapping-row');
}

function contactRows(page: Page): Locator {
  return page.locator('table.mappings[data-object="Contact"] tr.mapping-row');
}

/** Opens a lightning-combobox and clicks the option with that label, as a mouse user does. */
async function choose(combobox: Locator, optionLabel: string): Promise<void> {
  await combobox.locator('button').click();
  await combobox.locator('lightning-base-combobox-item', { hasText: optionLabel }).first().click();
  await settle(combobox.page());
}

async function comboboxValue(combobox: Locator): Promise<string> {
  return (await combobox.locator('button').innerText()).trim();
}

async function unsavedShown(page: Page): Promise<boolean> {
  return (await page.locator('.save-bar .unsaved').count()) === 1;
}

async function save(page: Page): Promise<void> {
  await page.locator('lightning-button.save button').click();
  await settle(page);
}

describe('kondoSetup in the browser', () => {
  let workbench: Workbench;
  let opened: OpenedPage | undefined;
  let firstInstall: Configuration;
  before(async () => {
    workbench = await startWorkbench();
    firstInstall = workbench.apex<SetupPage>('admin', 'SetupController.getSetup').configuration;
  });

  /** Saves a configuration through the real controller, as the admin, and checks it saved. */
  function saveAsAdmin(configuration: Configuration): void {
    const outcome = workbench.apex<SaveOutcome>('admin', 'SetupController.saveConfiguration', {
      configurationJson: JSON.stringify(configuration),
    });
    assert.equal(outcome.saved, true, JSON.stringify(outcome.errors));
  }

  beforeEach(() => {
    saveAsAdmin({
      ...firstInstall,
      mappings: SAMPLE_MAPPINGS,
      readBackFields: [
        { objectName: 'Contact', field: 'Title' },
        { objectName: 'Lead', field: 'Status' },
      ],
    });
  });
  after(async () => {
    await opened?.close();
    await workbench?.close();
  });

  async function open(state: string): Promise<Page> {
    await opened?.close();
    opened = await workbench.open(`${PAGE}&state=${state}`);
    return opened.page;
  }

  function assertNoProblems(): void {
    assert.deepEqual(opened?.problems, [], 'no console errors or page errors');
  }

  it('loads the configured org: every section, no console errors, no axe violations', async () => {
    const page = await open('data');
    assert.equal(
      (await page.locator('c-kondo-setup h1').innerText()).trim(),
      'Kondo Setup',
      'the page heading'
    );
    assert.equal(await page.locator('c-kondo-setup lightning-card.section').count(), 9);
    const contactMappings = SAMPLE_MAPPINGS.filter((row) => row.objectName === 'Contact');
    assert.equal(await contactRows(page).count(), contactMappings.length);
    assert.equal(await leadRows(page).count(), SAMPLE_MAPPINGS.length - contactMappings.length);
    assert.equal(
      await comboboxValue(contactRows(page).nth(0).locator('lightning-combobox.property')),
      'LinkedIn headline'
    );
    assert.equal(
      await comboboxValue(leadRows(page).nth(2).locator('lightning-combobox.property')),
      'Custom property…',
      'a property the catalog does not know is a custom property'
    );
    assert.equal(
      await leadRows(page).nth(2).locator('lightning-input.custom-property input').inputValue(),
      'employeeCount'
    );
    assert.equal(await unsavedShown(page), false, 'nothing is unsaved after loading');
    assert.equal(await page.locator('lightning-button.save button').isDisabled(), true);
    await screenshot(page, 'kondoSetup-page');
    assert.equal(describeViolations(await axeViolations(page)), '');
    assertNoProblems();
  });

  it('edits a mapping row: the property and the field, shown as unsaved until discarded', async () => {
    const page = await open('data');
    const row = contactRows(page).nth(0);
    await choose(row.locator('lightning-combobox.property'), 'LinkedIn location');
    assert.equal(
      await comboboxValue(row.locator('lightning-combobox.property')),
      'LinkedIn location'
    );
    assert.equal(
      await comboboxValue(row.locator('lightning-combobox.target-field')),
      'Title (Title)',
      'a text field can hold the new property, so it is kept'
    );
    assert.equal(await unsavedShown(page), true, 'the unsaved-changes badge shows');
    assert.equal(await page.locator('lightning-button.save button').isDisabled(), false);

    const targetField = row.locator('lightning-combobox.target-field');
    await targetField.locator('button').click();
    const offered = (await targetField.locator('lightning-base-combobox-item').allInnerTexts()).map(
      (text) => text.trim()
    );
    assert.ok(offered.includes('Department (Department)'), 'text fields are offered');
    assert.ok(!offered.includes('Email (Email)'), 'an e-mail field cannot hold a location');
    assert.ok(!offered.includes('Birthdate (Birthdate)'), 'a date field cannot hold a location');
    assert.ok(!offered.includes('Name (Name)'), 'read-only fields are not offered');
    await targetField.locator('lightning-base-combobox-item', { hasText: 'Department' }).click();
    await settle(page);
    assert.equal(await comboboxValue(targetField), 'Department (Department)');

    await page.locator('lightning-button.discard button').click();
    await settle(page);
    assert.equal(await unsavedShown(page), false, 'discarding returns to what was saved');
    assert.equal(
      await comboboxValue(row.locator('lightning-combobox.property')),
      'LinkedIn headline'
    );
    assert.equal(await comboboxValue(targetField), 'Title (Title)');
    assertNoProblems();
  });

  it('adds a row writing a field another row writes: the save is refused at that row, the edits stay; fixed, it saves', async () => {
    const page = await open('data');
    const leadCount = await leadRows(page).count();
    await page.locator('lightning-button.add-mapping[data-object="Lead"] button').click();
    await settle(page);
    assert.equal(await leadRows(page).count(), leadCount + 1, 'a new Lead row');
    const added = leadRows(page).nth(leadCount);
    await choose(added.locator('lightning-combobox.property'), 'LinkedIn location');
    await choose(added.locator('lightning-combobox.target-field'), 'Title (Title)');
    assert.equal(await unsavedShown(page), true);

    await save(page);
    const errorText = 'Another mapping already writes Lead.Title.';
    assert.equal((await added.locator('.row-error').innerText()).trim(), errorText);
    assert.equal(
      await page.locator('tr.mapping-row_error').count(),
      1,
      'only the duplicate row is marked'
    );
    assert.deepEqual(
      (await page.locator('c-kondo-setup .error-line').allInnerTexts()).map((text) => text.trim()),
      [`Lead mapping ${leadCount + 1}: ${errorText}`],
      'the summary names the row as the Lead table numbers it'
    );
    assert.deepEqual(await toasts(page), [
      { title: 'Nothing was saved', message: '1 value needs fixing.', variant: 'error' },
    ]);
    assert.equal(await leadRows(page).count(), leadCount + 1, 'the added row is kept');
    assert.equal(
      await comboboxValue(added.locator('lightning-combobox.property')),
      'LinkedIn location'
    );
    assert.equal(await unsavedShown(page), true, 'the edits are still unsaved');
    await screenshot(page, 'kondoSetup-row-error');
    assert.equal(describeViolations(await axeViolations(page)), '');

    await choose(added.locator('lightning-combobox.target-field'), 'Description (Description)');
    await save(page);
    const shown = await toasts(page);
    assert.deepEqual(shown.at(-1), {
      title: 'Kondo settings saved',
      message: 'They take effect on the next sync.',
      variant: 'success',
    });
    assert.equal(await page.locator('tr.mapping-row_error').count(), 0, 'no row error left');
    assert.equal(await unsavedShown(page), false, 'saved: nothing is unsaved');
    assert.equal(await leadRows(page).count(), leadCount + 1, 'the new row is saved');
    assert.equal(
      await comboboxValue(leadRows(page).nth(leadCount).locator('lightning-combobox.target-field')),
      'Description (Description)'
    );
    assertNoProblems();
  });

  it('shows the server’s errors for saved rows that no longer validate (deleted field, field written twice)', async () => {
    // Saved before a field was deleted and before the validator caught duplicates: written to
    // the org directly, as the rows an older version left behind.
    const ns = workbench.org.org.project.namespace;
    const run = workbench.org.runAnonymous(
      [
        ['Twitter__c', 'notes'],
        ['Title', 'location'],
      ]
        .map(
          ([field, property], index) =>
            `insert new ${ns}__Kondo_Field_Mapping__c(${ns}__Object__c = 'Lead', ${ns}__Direction__c = 'INBOUND', ${ns}__Target_Field__c = '${field}', ${ns}__Kondo_Property__c = '${property}', ${ns}__Active__c = true, ${ns}__Sort_Order__c = ${100 + index});`
        )
        .join('\n')
    );
    assert.equal(run.error, null, 'the old rows are written');
    const page = await open('data');
    await page.locator('lightning-input.task-window input').fill('120');
    await settle(page);
    assert.equal(await unsavedShown(page), true);
    await save(page);
    const messages = (await page.locator('tr.mapping-row_error .row-error').allInnerTexts()).map(
      (text) => text.trim()
    );
    assert.deepEqual(messages, [
      'Lead has no field Twitter__c.',
      'Another mapping already writes Lead.Title.',
    ]);
    assert.deepEqual(await toasts(page), [
      { title: 'Nothing was saved', message: '2 values need fixing.', variant: 'error' },
    ]);
    assert.equal(
      await page.locator('lightning-input.task-window input').inputValue(),
      '120',
      'the edited value is kept'
    );
    // Removing the row of the deleted field: the other error stays on its own row.
    const broken = page.locator('tr.mapping-row_error lightning-button-icon.remove-mapping button');
    await broken.first().click();
    await settle(page);
    assert.deepEqual(
      (await page.locator('tr.mapping-row_error .row-error').allInnerTexts()).map((text) =>
        text.trim()
      ),
      ['Another mapping already writes Lead.Title.'],
      'the removed row’s error goes with it'
    );
    await broken.first().click();
    await settle(page);
    await save(page);
    assert.equal((await toasts(page)).at(-1)?.title, 'Kondo settings saved');
    assert.equal(await page.locator('tr.mapping-row_error').count(), 0);
    assertNoProblems();
  });

  it('keeps the edits when the server fails to save, and says why without the error code', async () => {
    const page = await open('save-failed');
    await page.locator('lightning-input.log-retention input').fill('90');
    await settle(page);
    await save(page);
    assert.deepEqual(await toasts(page), [
      {
        title: 'Kondo settings not saved',
        message:
          'The settings could not be saved: you need access to the Kondo field mappings (Kondo Admin permission set).',
        variant: 'error',
      },
    ]);
    assert.equal(await page.locator('lightning-input.log-retention input').inputValue(), '90');
    assert.equal(await unsavedShown(page), true, 'the edits are still there to retry');
    assertNoProblems();
  });

  it('shows a user without Kondo Admin the message and no settings', async () => {
    const page = await open('no-permission');
    const message = (await page.locator('c-kondo-setup .state_denied').innerText()).trim();
    assert.match(message, /Only Kondo admins can see and change these settings\./);
    assert.match(message, /Kondo Admin permission set/);
    assert.equal(await page.locator('c-kondo-setup .save-bar').count(), 0, 'no save bar');
    assert.equal(await page.locator('c-kondo-setup lightning-card.section').count(), 0);
    assert.equal(await page.locator('c-kondo-setup lightning-input').count(), 0, 'no inputs');
    assert.equal(describeViolations(await axeViolations(page)), '');
    assertNoProblems();
  });

  it('filters the sync log to failed requests and to failed conversations with their reasons', async () => {
    // One bad conversation in a push: the request is partial, the conversation failed.
    const pushed = workbench.rest('integration', 'POST', '/v1/conversations', {
      conversations: [
        {
          trigger: 'auto',
          person: { linkedInUrl: 'https://www.linkedin.com/in/amelia-hart-ops/' },
        },
      ],
    });
    assert.equal(pushed.status, 200, JSON.stringify(pushed.body));
    const HEALTH = workbench.apex<SetupPage>('admin', 'SetupController.getSetup').health;
    assert.ok(HEALTH.failures.length >= 1, 'the org logged the failed conversation');
    const page = await open('data');
    const health = page.locator('c-kondo-sync-health');
    assert.equal(await health.locator('tr.request-row').count(), HEALTH.requests.length);
    await health
      .locator('lightning-radio-group.view-filter label', { hasText: 'Failed requests' })
      .click();
    await settle(page);
    const failedOutcomes = HEALTH.requests.filter((row) =>
      ['Failed', 'Rejected', 'Partial'].includes(row.outcome ?? '')
    );
    assert.equal(await health.locator('tr.request-row').count(), failedOutcomes.length);
    const outcomes = await health.locator('tr.request-row td:nth-child(3)').allInnerTexts();
    assert.deepEqual(
      outcomes.map((text) => text.trim()),
      failedOutcomes.map((row) => row.outcome)
    );

    await health
      .locator('lightning-radio-group.view-filter label', { hasText: 'Failed conversations' })
      .click();
    await settle(page);
    assert.equal(await health.locator('tr.request-row').count(), 0);
    assert.equal(await health.locator('tr.failure-row').count(), HEALTH.failures.length);
    const reasons = await health.locator('tr.failure-row td:nth-child(5)').allInnerTexts();
    assert.deepEqual(
      reasons.map((text) => text.trim()),
      HEALTH.failures.map((row) => row.reason)
    );
    await screenshot(page, 'kondoSetup-failed-conversations');
    assertNoProblems();
  });

  it('tests a LinkedIn URL: shows its key and the matching records; rejects other sites', async () => {
    const page = await open('data');
    const url = page.locator('lightning-input.test-url input');
    const run = page.locator('lightning-button.run-test button');
    assert.equal(await run.isDisabled(), true, 'nothing to test yet');
    await url.fill('https://uk.linkedin.com/in/Amelia-Hart-Ops/?trk=profile');
    await settle(page);
    // Keyboard, as a user tabbing from the field to the button.
    await url.press('Tab');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await page.locator('.test-key code').innerText()).trim(), 'amelia-hart-ops');
    const matches = await page.locator('.test-matches li').allInnerTexts();
    assert.deepEqual(
      matches.map((text) => text.trim()),
      ['Amelia Hart (Contact)'],
      'the sample Contact saved with the www URL'
    );
    await screenshot(page, 'kondoSetup-url-tester');

    await url.fill('https://example.com/in/amelia-hart-ops');
    await settle(page);
    await run.click();
    await settle(page);
    assert.equal(await page.locator('.test-key').count(), 0);
    assert.match(
      (await page.locator('.test-rejected').innerText()).trim(),
      /^NOT_LINKEDIN: /,
      'the rejection shows its code and sentence'
    );
    assertNoProblems();
  });

  it('a mapping added on the page is written by the next push through the API', async () => {
    const page = await open('data');
    const contactCount = await contactRows(page).count();
    await page.locator('lightning-button.add-mapping[data-object="Contact"] button').click();
    await settle(page);
    const added = contactRows(page).nth(contactCount);
    await choose(added.locator('lightning-combobox.property'), 'LinkedIn location');
    await choose(added.locator('lightning-combobox.target-field'), 'Mailing City (MailingCity)');
    await save(page);
    assert.equal((await toasts(page)).at(-1)?.title, 'Kondo settings saved');

    const location = 'Round Rock, Texas';
    const report = await workbench.client('integration').push([
      {
        conversationId: 'kondo-conv-amelia-0001',
        trigger: 'auto',
        person: { linkedInUrl: 'https://www.linkedin.com/in/amelia-hart-ops/', location },
        labels: ['Hot lead'],
        messages: [],
      },
    ]);
    assert.equal(report.outcomes[0]?.status, 'updated');
    assert.deepEqual(report.outcomes[0]?.result?.fieldErrors, [], 'every mapped field written');
    const [amelia] = workbench.query<{ MailingCity: string | null }>(
      'admin',
      "SELECT MailingCity FROM Contact WHERE Name = 'Amelia Hart'"
    );
    assert.equal(amelia?.MailingCity, location, 'the mapped field holds the pushed location');
    assertNoProblems();
  });
});
