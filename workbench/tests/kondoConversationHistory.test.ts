// The conversation history in a real browser: search with highlighted matches and their count,
// switching conversations and sample records, jumping to the newest message, reading a 10,000
// message history page by page, and the empty, error and no-permission states.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { ConversationMessage } from '../../types/dto/conversationHistory';
import { LONG_HISTORY_DEFAULT, PEOPLE, generateMessages } from '../fixtures/history';
import { screenshot, settle, startWorkbench, type OpenedPage, type Workbench } from './harness';

const PAGE = '?component=kondoConversationHistory';
const [AMARA, LUKAS] = PEOPLE;

function occurrences(messages: ConversationMessage[], query: string): number {
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  return messages.reduce((sum, message) => sum + (message.body?.match(pattern)?.length ?? 0), 0);
}

async function search(page: Page, query: string): Promise<void> {
  await page.locator('lightning-input.search input').fill(query);
  await settle(page);
}

async function messageRows(page: Page): Promise<number> {
  return page.locator('.transcript .message-row').count();
}

describe('kondoConversationHistory in the browser', () => {
  let workbench: Workbench;
  let opened: OpenedPage | undefined;
  before(async () => {
    workbench = await startWorkbench();
  });
  after(async () => {
    await workbench?.close();
  });

  async function open(query: string): Promise<Page> {
    await opened?.close();
    opened = await workbench.open(`${PAGE}${query}`);
    return opened.page;
  }

  function assertNoProblems(): void {
    assert.deepEqual(opened?.problems, [], 'no console errors or page errors');
  }

  it('searches the conversation: highlights every match and counts them', async () => {
    const page = await open('&state=data');
    const conversation = AMARA?.conversations[0];
    assert.ok(conversation);
    assert.equal(await messageRows(page), conversation.messages.length);
    const query = 'the';
    const expected = occurrences(conversation.messages, query);
    const matchingMessages = conversation.messages.filter((m) => /the/i.test(m.body ?? '')).length;
    await search(page, query);
    assert.equal(await page.locator('.transcript .kondo-match').count(), expected);
    assert.equal(
      (await page.locator('.match-summary').textContent())?.trim(),
      `${expected} matches in ${matchingMessages} messages.`
    );
    assert.equal(await messageRows(page), matchingMessages, 'only matching messages are shown');
    await screenshot(page, 'kondoConversationHistory-search');
    await search(page, 'no such words');
    assert.equal((await page.locator('.match-summary').textContent())?.trim(), 'No matches.');
    await search(page, '');
    assert.equal(await messageRows(page), conversation.messages.length);
    assertNoProblems();
  });

  it('switches between the person’s conversations', async () => {
    const page = await open('&state=data');
    const older = AMARA?.conversations[1];
    assert.ok(older);
    await page.locator('lightning-combobox.conversation-picker button').click();
    await page.locator('lightning-base-combobox-item', { hasText: older.summary.name }).click();
    await settle(page);
    assert.equal(
      (await page.locator('.conversation-name').textContent())?.trim(),
      older.summary.name
    );
    assert.equal(await messageRows(page), older.messages.length);
    assert.deepEqual(
      await page.locator('.label-pill').allInnerTexts(),
      older.summary.labels,
      'the labels of the chosen conversation'
    );
    await screenshot(page, 'kondoConversationHistory-switched');
    assertNoProblems();
  });

  it('jumps to the newest message', async () => {
    const page = await open('&state=data');
    const transcript = page.locator('.transcript');
    const atNewest = (): Promise<boolean> =>
      transcript.evaluate((element) => {
        return element.scrollHeight - element.scrollTop - element.clientHeight < 2;
      });
    assert.ok(await atNewest(), 'opens at the newest message');
    await transcript.evaluate((element) => {
      element.scrollTop = 0;
    });
    assert.equal(await atNewest(), false);
    await page.locator('lightning-button.jump-newest button').click();
    assert.ok(await atNewest(), 'back at the newest message');
    assertNoProblems();
  });

  it('shows another sample record: emoji in labels and messages, long lines wrap', async () => {
    assert.ok(LUKAS);
    const page = await open(`&state=data&record=${LUKAS.recordId}`);
    assert.deepEqual(
      await page.locator('.label-pill').allInnerTexts(),
      LUKAS.conversations[0]?.summary.labels
    );
    assert.equal(await page.locator('lightning-combobox.conversation-picker').count(), 0);
    const overflow = await page
      .locator('.transcript')
      .evaluate((element) => element.scrollWidth - element.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling');
    assertNoProblems();
  });

  it('opens a 10,000-message history with only the newest window rendered', async () => {
    const page = await open('&state=long-history');
    assert.equal(await messageRows(page), 100, 'the newest 100 of 200 loaded');
    // A click without scrolling the button into view: reaching the top loads more by itself,
    // which the next step tests.
    await page.locator('lightning-button.show-earlier button').first().dispatchEvent('click');
    await settle(page);
    assert.equal(await messageRows(page), 200, 'Show earlier adds 100');
    const transcript = page.locator('.transcript');
    await transcript.evaluate((element) => {
      element.scrollTop = 0;
    });
    await settle(page);
    assert.equal(await messageRows(page), 300, 'scrolling to the top reads the next older page');
    assert.ok(
      await transcript.evaluate((element) => element.scrollTop > 0),
      'the reader stays at the message they were reading'
    );
    assertNoProblems();
  });

  it('searches the entire 10,000-message history page by page', async () => {
    const page = await open('&state=long-history');
    const all = generateMessages(LONG_HISTORY_DEFAULT, 'Jordan Lee');
    const query = 'security questionnaire';
    await search(page, query);
    const summary = page.locator('.match-summary');
    assert.match((await summary.textContent()) ?? '', /in the loaded messages\.$/);
    await page.locator('lightning-button.search-all button').click();
    await page.waitForFunction(
      () =>
        !document
          .querySelector('c-kondo-conversation-history')
          ?.shadowRoot?.querySelector('lightning-button.search-all'),
      undefined,
      { timeout: 30_000 }
    );
    await settle(page);
    const expected = occurrences(all, query);
    const matching = all.filter((m) => (m.body ?? '').includes(query)).length;
    assert.equal(
      (await summary.textContent())?.trim(),
      `${expected} matches in ${matching} messages.`
    );
    assert.equal(await messageRows(page), Math.min(100, matching), 'a window of the matches');
    await screenshot(page, 'kondoConversationHistory-search-all');
    assertNoProblems();
  });

  it('tells when a person has a conversation without messages', async () => {
    const mateo = PEOPLE.find((person) => person.conversations[0]?.messages.length === 0);
    assert.ok(mateo);
    const page = await open(`&state=data&record=${mateo.recordId}`);
    assert.equal(
      (await page.locator('.state_no-messages').textContent())?.trim(),
      'No messages in this conversation yet.'
    );
    assertNoProblems();
  });

  const STATES: [state: string, selector: string, text: RegExp][] = [
    ['empty', '.state_empty', /No LinkedIn conversation has been synced for this person yet\./],
    ['error', '.state_error', /could not be loaded\.\s*The conversations could not be read/],
    ['no-permission', '.state_no-access', /You don't have access to Kondo conversations\./],
  ];
  for (const [state, selector, text] of STATES) {
    it(`shows its ${state} state`, async () => {
      const page = await open(`&state=${state}`);
      assert.match((await page.locator(selector).innerText()).replace(/\s+/g, ' '), text);
      assert.equal(await page.locator('.transcript').count(), 0);
      assertNoProblems();
    });
  }
});
