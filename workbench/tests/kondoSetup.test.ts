// The setup page in a real browser on the local org, driven as an admin would, with the real
// SetupController answering: editing a mapping row through the base components' comboboxes, a
// save the validator refuses (the picker at fault is marked, the summary links to it, the edits
// stay) and the fixed save, saved rows that no longer validate, a save and an import that fail on
// the server (a panel stays on the page), a rep without Kondo Admin, the docked footer and the
// section navigation, settings that follow their parent and the default Account's record picker,
// a narrow screen, the first-install checklist, the sync log's failure filters, the LinkedIn URL
// tester, a mapping saved here that the next push through the API writes, a mapping's overwrite
// policy, the record types offered, and syncing paused and resumed. The texts are the
// Custom Labels' values. Each test starts from the same saved configuration.
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
  await combobox.locator('button[role="combobox"]').click();
  await combobox.locator('lightning-base-combobox-item', { hasText: optionLabel }).first().click();
  await settle(combobox.page());
}

async function comboboxValue(combobox: Locator): Promise<string> {
  return (await combobox.locator('button[role="combobox"]').innerText()).trim();
}

async function unsavedShown(page: Page): Promise<boolean> {
  return (await page.locator('.save-bar .unsaved').count()) === 1;
}

async function save(page: Page): Promise<void> {
  await page.locator('lightning-button.save button').click();
  await settle(page);
}

/** The message a base component shows under its input when marked invalid (not its label). */
async function helpText(input: Locator): Promise<string> {
  return input.locator('.slds-form-element__help').evaluate((help) =>
    Array.from(help.childNodes)
      .filter((node) => !(node instanceof Element && node.matches('.slds-assistive-text')))
      .map((node) => node.textContent ?? '')
      .join('')
      .trim()
  );
}

/** The summary's lines, as read. */
async function summaryLines(page: Page): Promise<string[]> {
  return (await page.locator('c-kondo-setup .error-line').allInnerTexts()).map((text) =>
    text.trim()
  );
}

/** The focused element, through the shadow roots, as `tag.class`. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) {
      element = element.shadowRoot.activeElement;
    }
    const host = element as HTMLElement | null;
    return host ? `${host.tagName.toLowerCase()}.${host.className}` : '';
  });
}

/** The innermost focused element's nearest ancestor of that tag (through shadow roots). */
async function focusedWithin(page: Page, tag: string): Promise<string | null> {
  return page.evaluate((wanted) => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) {
      element = element.shadowRoot.activeElement;
    }
    for (let node: Node | null = element; node;) {
      if (node instanceof Element && node.tagName.toLowerCase() === wanted) {
        return node.className;
      }
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return null;
  }, tag);
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
    assert.equal(
      await page.locator('c-kondo-setup-checklist').count(),
      0,
      'the sample org has synced: no first-install checklist'
    );
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
    await targetField.locator('button[role="combobox"]').click();
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
    const errorText = 'Another mapping already writes Title.';
    assert.equal(
      await helpText(added.locator('lightning-combobox.target-field')),
      errorText,
      'the field picker at fault shows the error, as a base input shows its own'
    );
    assert.equal(
      await page.locator('tr.mapping-row_error').count(),
      1,
      'only the duplicate row is marked'
    );
    assert.equal(
      (await added.locator('.row-number').innerText()).trim(),
      String(leadCount + 1),
      'the row shows the number the summary names'
    );
    assert.deepEqual(
      await summaryLines(page),
      [`Lead mapping ${leadCount + 1}: ${errorText}`],
      'the summary names the row as the Lead table numbers it'
    );
    assert.match(
      await focused(page),
      /validation-errors/,
      'focus moves to the summary, as Lightning moves it to the errors'
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
    const messages = await Promise.all(
      (await page.locator('tr.mapping-row_error lightning-combobox.target-field').all()).map(
        helpText
      )
    );
    assert.deepEqual(messages, [
      'Lead has no field Twitter__c.',
      'Another mapping already writes Title.',
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
      await Promise.all(
        (await page.locator('tr.mapping-row_error lightning-combobox.target-field').all()).map(
          helpText
        )
      ),
      ['Another mapping already writes Title.'],
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
    const panel = page.locator('c-kondo-setup .save-failure');
    assert.match(
      (await panel.innerText()).trim(),
      /^Kondo settings not saved\s+The settings could not be saved: you need access to the Kondo field mappings \(Kondo Admin permission set\)\.$/,
      'the failure stays on the page, its code dropped, after the toast has gone'
    );
    assert.match(await focused(page), /save-failure/, 'focus moves to the panel');
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
    // A conversation with an id links to its record, or to its log entry when never stored.
    const linked = HEALTH.failures.filter((row) => row.conversationId);
    assert.deepEqual(
      await health
        .locator('a.conversation-link')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      linked.map((row) => `/lightning/r/${row.conversationRecordId ?? row.id}/view`)
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
    assert.equal(
      (await page.locator('.test-rejected').innerText()).trim(),
      'This address is not on linkedin.com.',
      'the rejection in words, without its code'
    );
    assert.doesNotMatch(await page.locator('.test-rejection').innerText(), /NOT_LINKEDIN/);
    assert.equal(
      (await page.locator('.test-hint').innerText()).trim(),
      'Paste the address of a LinkedIn profile, such as https://www.linkedin.com/in/jane-doe.'
    );

    // Enter in the field tests it, as a form does.
    await url.fill('https://www.linkedin.com/in/amelia-hart-ops/');
    await url.press('Enter');
    await settle(page);
    assert.equal((await page.locator('.test-key code').innerText()).trim(), 'amelia-hart-ops');
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

  it('docks Save, Discard and the count of unsaved changes at the bottom of the window, and marks what was edited', async () => {
    const page = await open('data');
    const footer = page.locator('c-kondo-setup .save-bar');
    const height = page.viewportSize()?.height ?? 0;
    const docked = async (): Promise<boolean> => {
      const box = await footer.boundingBox();
      return box !== null && Math.abs(box.y + box.height - height) <= 1;
    };
    assert.equal((await footer.locator('.no-changes').innerText()).trim(), 'No unsaved changes');

    await page.locator('lightning-input.task-window input').fill('45');
    await page.locator('lightning-input.log-retention input').fill('60');
    await settle(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    assert.equal(
      await docked(),
      true,
      'at the top of the page the footer is at the window’s bottom'
    );
    assert.equal((await footer.locator('.unsaved').innerText()).trim(), '2 unsaved changes');
    assert.equal(
      await page.locator('c-kondo-setup c-kondo-setting-field .edited-mark').count(),
      2,
      'each edited setting is marked'
    );
    assert.deepEqual(
      (await page.locator('c-kondo-setup nav.section-nav .nav-edited').allInnerTexts()).length,
      2,
      'and its section in the navigation'
    );
    await screenshot(page, 'kondoSetup-docked-footer');

    await page.locator('c-kondo-setup c-kondo-key-backfill').scrollIntoViewIfNeeded();
    await settle(page);
    assert.equal(await docked(), true, 'in the middle of the page too');
    await footer.locator('lightning-button.save button').click();
    await settle(page);
    assert.equal((await toasts(page)).at(-1)?.title, 'Kondo settings saved');
    assert.equal((await footer.locator('.no-changes').innerText()).trim(), 'No unsaved changes');
    assert.equal(await page.locator('c-kondo-setup .edited-mark').count(), 0);
    const saved = workbench.apex<SetupPage>('admin', 'SetupController.getSetup').configuration;
    assert.deepEqual([saved.taskWindowDays, saved.logRetentionDays], [45, 60]);
    assert.equal(describeViolations(await axeViolations(page)), '');
    assertNoProblems();
  });

  it('moves between the sections from the navigation, by mouse and keyboard', async () => {
    const page = await open('data');
    const nav = page.locator('c-kondo-setup nav.section-nav');
    assert.deepEqual(
      (await nav.locator('.nav-title').allInnerTexts()).map((text) => text.trim()),
      [
        'Connection',
        'Matching',
        'Record creation',
        'Messages',
        'Privacy',
        'Sync frequency',
        'Field mappings',
        'Sync log',
        'Export and import',
      ]
    );
    const inView = async (name: string): Promise<boolean> => {
      const box = await page
        .locator(`c-kondo-setup c-kondo-setup-section[data-section-anchor="${name}"]`)
        .boundingBox();
      return box !== null && box.y >= -1 && box.y < 120;
    };

    await nav.locator('a', { hasText: 'Field mappings' }).click();
    await settle(page);
    assert.equal(await inView('mappings'), true, 'the mappings section is at the top');
    assert.match(await focused(page), /section-anchor/, 'focus moved into the section');
    assert.equal(
      await nav.locator('a', { hasText: 'Field mappings' }).getAttribute('aria-current'),
      'location'
    );

    await nav.locator('a', { hasText: 'Sync log' }).focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await inView('log'), true, 'Enter on a link moves there too');
    assertNoProblems();
  });

  it('links each line of the summary to its input, which the server’s message marks', async () => {
    const page = await open('data');
    await page.locator('lightning-input.task-window input').fill('4000');
    await settle(page);
    await save(page);

    assert.deepEqual(await summaryLines(page), [
      'Days of messages that become Tasks: Enter a whole number of days from 0 to 3650.',
    ]);
    const taskWindow = page.locator('c-kondo-setup lightning-input.task-window');
    assert.equal(await helpText(taskWindow), 'Enter a whole number of days from 0 to 3650.');
    assert.match(
      String(await taskWindow.getAttribute('class')),
      /\bslds-has-error\b/,
      'the input is marked invalid as a base input marks its own errors'
    );
    const badge = page.locator('c-kondo-setup nav.section-nav .nav-errors');
    assert.equal(
      (await badge.locator('[aria-hidden="true"]').innerText()).trim(),
      '1',
      'the section shows its error count'
    );
    assert.equal((await badge.locator('.slds-assistive-text').innerText()).trim(), '1 error');
    await screenshot(page, 'kondoSetup-validation-summary');
    assert.equal(describeViolations(await axeViolations(page)), '');

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('c-kondo-setup .error-link').click();
    await settle(page);
    assert.match(
      String(await focusedWithin(page, 'lightning-input')),
      /task-window/,
      'following the link puts focus in the input'
    );

    await page.locator('c-kondo-setup .save-bar lightning-button.review-errors button').click();
    await settle(page);
    assert.match(await focused(page), /validation-errors/, 'the footer goes back to the summary');
    assertNoProblems();
  });

  it('enables the settings record creation governs, and picks the default Account by name', async () => {
    const [account] = workbench.query<{ Id: string; Name: string }>(
      'admin',
      'SELECT Id, Name FROM Account ORDER BY Name LIMIT 1'
    );
    assert.ok(account, 'the sample data has an Account');
    const page = await open('data');
    const creation = page.locator('c-kondo-setup c-kondo-creation-settings');
    const createAsDisabled = () =>
      creation.locator('lightning-radio-group.create-as input').first().isDisabled();
    const ruleDisabled = () =>
      creation.locator('lightning-combobox.account-rule button[role="combobox"]').isDisabled();
    const picker = creation.locator('lightning-record-picker.default-account');
    assert.deepEqual(
      [await createAsDisabled(), await ruleDisabled(), await picker.locator('input').isDisabled()],
      [true, true, true],
      'record creation off: nothing to create as, no Account'
    );

    await creation.locator('lightning-input.create-if-missing input').check({ force: true });
    await settle(page);
    assert.deepEqual([await createAsDisabled(), await ruleDisabled()], [false, true]);
    await creation.locator('lightning-radio-group.create-as label', { hasText: 'Contact' }).click();
    await settle(page);
    assert.equal(await ruleDisabled(), false, 'created Contacts get an Account');
    await choose(creation.locator('lightning-combobox.account-rule'), 'Always the default Account');

    await picker.locator('input').fill(account.Name.slice(0, 4));
    await settle(page);
    await picker.locator('[role="option"]', { hasText: account.Name }).first().click();
    await settle(page);
    assert.equal(await picker.locator('input').inputValue(), account.Name);
    await screenshot(page, 'kondoSetup-record-picker');
    await save(page);
    assert.equal((await toasts(page)).at(-1)?.title, 'Kondo settings saved');
    const saved = workbench.apex<SetupPage>('admin', 'SetupController.getSetup').configuration;
    assert.deepEqual(
      [saved.createIfMissing, saved.createAs, saved.accountRule, saved.defaultAccountId],
      [true, 'Contact', 'DEFAULT_ACCOUNT', account.Id]
    );

    // Reloaded, the picker shows the saved Account by its name; messages off disable the window.
    const again = await open('data');
    const reloaded = again.locator('c-kondo-setup lightning-record-picker.default-account input');
    assert.equal(await reloaded.inputValue(), account.Name);
    await again.locator('lightning-input.sync-messages input').uncheck({ force: true });
    await settle(again);
    assert.equal(await again.locator('lightning-input.task-window input').isDisabled(), true);
    assertNoProblems();
  });

  it('pauses every sync from the page: a warning stays above the sections until a save resumes syncing', async () => {
    const page = await open('data');
    const banner = page.locator('c-kondo-setup .sync-paused-banner');
    const amelia = {
      conversationId: 'kondo-conv-amelia-0001',
      trigger: 'auto' as const,
      person: { linkedInUrl: 'https://www.linkedin.com/in/amelia-hart-ops/' },
      labels: ['Hot lead'],
      messages: [],
    };
    assert.equal(await banner.count(), 0, 'no warning while Kondo syncs');

    await page.locator('lightning-input.sync-paused input').check({ force: true });
    await settle(page);
    assert.equal(await banner.count(), 0, 'an unsaved switch pauses nothing yet');
    await save(page);
    assert.equal((await toasts(page)).at(-1)?.title, 'Kondo settings saved');
    assert.equal(
      (await banner.locator('.sync-paused-title').innerText()).trim(),
      'Kondo syncing is paused'
    );
    await assert.rejects(
      workbench.client('integration').push([amelia]),
      { status: 503, code: 'SYNC_PAUSED' },
      'the API refuses the push'
    );
    await screenshot(page, 'kondoSetup-sync-paused');
    assert.equal(describeViolations(await axeViolations(page)), '');

    await banner.locator('a.sync-paused-link').click();
    await settle(page);
    assert.match(
      (await focusedWithin(page, 'lightning-input')) ?? '',
      /sync-paused/,
      'the link moves focus to the switch'
    );
    await page.locator('lightning-input.sync-paused input').uncheck({ force: true });
    await save(page);
    assert.equal(await banner.count(), 0, 'saved, syncing resumes and the warning goes');
    const resumed = await workbench.client('integration').push([amelia]);
    assert.equal(resumed.outcomes[0]?.status, 'updated', 'and the API takes pushes again');
    assertNoProblems();
  });

  it('saves when a mapping writes its field, and the next push follows it', async () => {
    const page = await open('data');
    const row = contactRows(page).nth(0);
    const policy = row.locator('lightning-combobox.overwrite-policy');
    assert.equal(await comboboxValue(policy), 'Always overwrite');
    await choose(policy, 'Only on records Kondo creates');
    await save(page);
    assert.equal((await toasts(page)).at(-1)?.title, 'Kondo settings saved');

    const titleOf = () =>
      workbench.query<{ Title: string | null }>(
        'admin',
        "SELECT Title FROM Contact WHERE Name = 'Amelia Hart'"
      )[0]?.Title;
    const before = titleOf();
    const report = await workbench.client('integration').push([
      {
        conversationId: 'kondo-conv-amelia-0001',
        trigger: 'auto',
        person: {
          linkedInUrl: 'https://www.linkedin.com/in/amelia-hart-ops/',
          headline: 'Chief Pushed Headline',
        },
        labels: ['Hot lead'],
        messages: [],
      },
    ]);
    assert.equal(report.outcomes[0]?.status, 'updated');
    assert.equal(titleOf(), before, 'an existing Contact keeps its Title');

    await page.reload();
    await settle(page);
    assert.equal(
      await comboboxValue(contactRows(page).nth(0).locator('lightning-combobox.overwrite-policy')),
      'Only on records Kondo creates',
      'the saved choice is shown'
    );
    assertNoProblems();
  });

  it('offers the org’s usable record types of each object, and the default one', async () => {
    const page = await open('data');
    const optionLabels = (selector: string) =>
      page
        .locator(`c-kondo-creation-settings lightning-combobox.${selector}`)
        .evaluate((combobox) =>
          (combobox as HTMLElement & { options: { label: string }[] }).options.map(
            (option) => option.label
          )
        );
    assert.deepEqual(await optionLabels('contact-record-type'), [
      'Default record type',
      'Subscriber Partner (Subscriber_Partner)',
    ]);
    assert.deepEqual(await optionLabels('lead-record-type'), [
      'Default record type',
      'Subscriber Event (Subscriber_Event)',
    ]);
    assertNoProblems();
  });

  it('fits a 700 px page: the mappings editor within its card, the sync log scrolling in its box', async () => {
    const page = await open('data');
    const setup = page.locator('c-kondo-setup .kondo-setup');
    // The workbench's own navigation takes part of the window: the page gets 700 px.
    const width = await setup.evaluate((element) => element.getBoundingClientRect().width);
    const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
    await page.setViewportSize({ width: Math.round(viewport.width - width + 700), height: 900 });
    await settle(page);
    const now = await setup.evaluate((element) => element.getBoundingClientRect().width);
    assert.ok(Math.abs(now - 700) <= 2, `the page is 700 px wide (${now})`);

    const overflows = await page.evaluate(() => {
      const results: { what: string; scroll: number; client: number }[] = [];
      const root = document.querySelector('c-kondo-setup')?.shadowRoot;
      const setupRoot = root?.querySelector('.kondo-setup') as HTMLElement | null;
      if (setupRoot) {
        results.push({
          what: 'page',
          scroll: setupRoot.scrollWidth,
          client: setupRoot.clientWidth,
        });
      }
      const mappings = root?.querySelector('c-kondo-setup-mappings')?.shadowRoot;
      for (const table of mappings?.querySelectorAll<HTMLElement>('table.mappings') ?? []) {
        const box = table.parentElement as HTMLElement;
        results.push({ what: 'mappings', scroll: table.scrollWidth, client: box.clientWidth });
      }
      return results;
    });
    for (const box of overflows) {
      assert.ok(box.scroll <= box.client + 1, `${box.what} fits: ${box.scroll} in ${box.client}`);
    }
    const nav = await page.locator('c-kondo-setup nav.section-nav').boundingBox();
    const sections = await page.locator('c-kondo-setup .sections').boundingBox();
    assert.ok(nav && sections && nav.y + nav.height <= sections.y + 1, 'the navigation sits above');

    const log = page.locator('c-kondo-setup c-kondo-sync-health .table-scroll');
    const { scroll, client } = await log.evaluate((element) => ({
      scroll: element.scrollWidth,
      client: element.clientWidth,
    }));
    assert.ok(scroll > client, `the sync log is wider than its box (${scroll} > ${client})`);
    await log.evaluate((element) => element.scrollBy({ left: 400 }));
    assert.ok((await log.evaluate((element) => element.scrollLeft)) > 0, 'and scrolls within it');
    await page
      .locator('c-kondo-setup-section[data-section-anchor="mappings"]')
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'kondoSetup-700px');
    assert.equal(describeViolations(await axeViolations(page)), '');
    assertNoProblems();
  });

  it('opens a first install with the checklist, its links, and an empty chart that says so', async () => {
    const page = await open('first-install');
    const checklist = page.locator('c-kondo-setup c-kondo-setup-checklist');
    assert.equal((await checklist.locator('.progress').innerText()).trim(), '2 of 4 done');
    assert.deepEqual(
      await checklist
        .locator('a.step-link')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      [
        '/lightning/setup/ManageUsers/home',
        '/lightning/setup/PermSets/home',
        '/lightning/setup/NavigationMenus/home',
      ]
    );
    assert.equal(
      (await page.locator('c-kondo-setup .chart-empty').innerText()).trim(),
      'No conversation was synced in the last 14 days.'
    );
    assert.equal(
      (await page.locator('c-kondo-setup .last-sync').innerText()).trim(),
      'No successful sync yet'
    );
    await screenshot(page, 'kondoSetup-first-install');
    assert.equal(describeViolations(await axeViolations(page)), '');

    await checklist
      .locator('lightning-button.step-section button', { hasText: 'URL tester' })
      .click();
    await settle(page);
    assert.match(await focused(page), /section-anchor/);
    await page
      .locator('lightning-input.test-url input')
      .fill('https://www.linkedin.com/in/amelia-hart-ops/');
    await page.locator('lightning-input.test-url input').press('Enter');
    await settle(page);
    assert.equal((await checklist.locator('.progress').innerText()).trim(), '3 of 4 done');
    assertNoProblems();
  });

  it('keeps a failed import on the page, in words', async () => {
    const page = await open('data');
    await page.locator('c-kondo-setup lightning-input.import input[type="file"]').setInputFiles({
      name: 'notes.txt',
      mimeType: 'application/json',
      buffer: Buffer.from('not a configuration'),
    });
    await settle(page);
    assert.equal((await toasts(page)).at(-1)?.title, 'Import failed');
    assert.match(
      (await page.locator('c-kondo-setup .save-failure').innerText()).trim(),
      /^Import failed\s+The file is not a Kondo configuration export: it is not JSON of that shape\.$/
    );
    assertNoProblems();
  });
});
