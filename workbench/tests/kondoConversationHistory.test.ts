// The conversation history in a real browser, on the local org's records read by the real
// ConversationHistoryController: search with highlighted matches and their count, switching
// conversations and records, jumping to the newest message, what each viewing user sees, reading
// a 10,000 message history page by page, and the empty, error and no-permission states. What
// the page should show is asked of the same Apex, as the same user.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type {
  ConversationHistory,
  ConversationMessage,
  ConversationSummary,
  MessagePage,
} from '../../types/dto/conversationHistory';
import { LONG_HISTORY_DEFAULT, generateMessages } from '../fixtures/history';
import { screenshot, settle, startWorkbench, type OpenedPage, type Workbench } from './harness';

const PAGE = '?component=kondoConversationHistory';

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

interface Thread {
  summary: ConversationSummary;
  messages: ConversationMessage[];
}

describe('kondoConversationHistory in the browser', () => {
  let workbench: Workbench;
  let opened: OpenedPage | undefined;
  before(async () => {
    workbench = await startWorkbench();
  });

  /** The Id of the Contact or Lead of that name, as the admin sees it. */
  function recordNamed(name: string): string {
    const [found] = [
      ...workbench.query<{ Id: string }>('admin', `SELECT Id FROM Contact WHERE Name = '${name}'`),
      ...workbench.query<{ Id: string }>('admin', `SELECT Id FROM Lead WHERE Name = '${name}'`),
    ];
    assert.ok(found, `a record named ${name} in the sample data`);
    return found.Id;
  }

  /** A person's threads with every message, as the Apex gives them to `user`. */
  function threadsOf(recordId: string, user = 'admin'): Thread[] {
    const summaries = workbench.apex<ConversationSummary[]>(
      user,
      'ConversationHistoryController.getConversations',
      { recordId }
    );
    return summaries.map((summary) => ({
      summary,
      messages: workbench.apex<MessagePage>(user, 'ConversationHistoryController.getMessages', {
        conversationId: summary.id,
        pageSize: 500,
      }).messages,
    }));
  }
  after(async () => {
    await workbench?.close();
  });

  /** The Apex methods the page called so far, in order. */
  function apexCallsOf(page: Page): Promise<string[]> {
    return page.evaluate(() => window.__workbench.apexCalls.map((call) => call.method));
  }

  async function open(query: string): Promise<Page> {
    await opened?.close();
    opened = await workbench.open(`${PAGE}${query}`);
    return opened.page;
  }

  function assertNoProblems(): void {
    assert.deepEqual(opened?.problems, [], 'no console errors or page errors');
  }

  it('searches the conversation: highlights every match and counts them', async () => {
    const amara = recordNamed('Amara Okafor');
    const page = await open(`&state=data&record=${amara}`);
    const conversation = threadsOf(amara)[0];
    assert.ok(conversation);
    assert.ok(conversation.messages.length >= 10, 'a thread long enough to search');
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

  it('paints the newest conversation from one Apex call, and reads another only when picked', async () => {
    const amara = recordNamed('Amara Okafor');
    const page = await open(`&state=data&record=${amara}`);
    const history = workbench.apex<ConversationHistory>(
      'admin',
      'ConversationHistoryController.getHistory',
      { recordId: amara, pageSize: 200 }
    );
    const threads = threadsOf(amara);
    assert.deepEqual(
      history.conversations,
      threads.map((thread) => thread.summary),
      'getHistory lists what getConversations lists'
    );
    assert.equal(history.openConversationId, threads[0]?.summary.id, 'and opens the newest');
    assert.deepEqual(
      history.firstPage.messages.map((message) => message.id),
      threads[0]?.messages.slice(-200).map((message) => message.id),
      'with the newest page getMessages answers'
    );
    assert.equal(await messageRows(page), history.firstPage.messages.length);
    assert.deepEqual(
      await apexCallsOf(page),
      ['ConversationHistoryController.getHistory'],
      'one call paints the list and the messages'
    );

    const picker = page.locator('lightning-combobox.conversation-picker');
    await picker.locator('button').click();
    await picker.locator('lightning-base-combobox-item').nth(1).click();
    await settle(page);
    assert.deepEqual(
      await apexCallsOf(page),
      ['ConversationHistoryController.getHistory', 'ConversationHistoryController.getMessages'],
      'another conversation is read when it is picked'
    );
    assertNoProblems();
  });

  it('switches between the person’s conversations', async () => {
    const amara = recordNamed('Amara Okafor');
    const page = await open(`&state=data&record=${amara}`);
    const older = threadsOf(amara)[1];
    assert.ok(older, 'Amara has a second, older thread');
    const picker = page.locator('lightning-combobox.conversation-picker');
    await picker.locator('button').click();
    // The options are the threads newest first; the second is the older one.
    await picker.locator('lightning-base-combobox-item').nth(1).click();
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

  it('shows a rep that a private conversation exists, and an admin its messages', async () => {
    const amara = recordNamed('Amara Okafor');
    const asRep = threadsOf(amara, 'rep');
    const hidden = asRep.find((thread) => thread.summary.privacy === 'private');
    assert.ok(hidden, 'the sample data holds a private conversation of Amara');
    assert.equal(hidden.summary.messagesHidden, true, 'synced by another rep: hidden from Riley');
    assert.equal(hidden.messages.length, 0, 'and the Apex gives Riley none of its messages');
    const asAdmin = threadsOf(amara).find((thread) => thread.summary.id === hidden.summary.id);
    assert.ok(asAdmin && asAdmin.messages.length > 0, 'a Kondo admin reads them');

    const page = await open(`&state=data&record=${amara}&user=rep`);
    assert.deepEqual(
      await apexCallsOf(page),
      ['ConversationHistoryController.getHistory'],
      'the rep’s first paint is one call too'
    );
    const picker = page.locator('lightning-combobox.conversation-picker');
    await picker.locator('button').click();
    const position = asRep.findIndex((thread) => thread.summary.id === hidden.summary.id);
    await picker.locator('lightning-base-combobox-item').nth(position).click();
    await settle(page);
    assert.match(
      (await page.locator('.state_private').textContent()) ?? '',
      /This conversation is private/
    );
    assert.equal(await messageRows(page), 0, 'no message is rendered');
    await screenshot(page, 'kondoConversationHistory-private');
    assertNoProblems();
  });

  it('jumps to the newest message', async () => {
    const page = await open(`&state=data&record=${recordNamed('Amara Okafor')}`);
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

  it('shows another record, a Lead: emoji in labels and messages, long lines wrap', async () => {
    const lukas = recordNamed('Lukas Schmidt');
    const page = await open(`&state=data&record=${lukas}`);
    const [thread] = threadsOf(lukas);
    assert.ok(thread, 'Lukas has a thread');
    assert.ok(
      thread.summary.labels.some((label) => /\p{Extended_Pictographic}/u.test(label)),
      'a label with an emoji'
    );
    assert.deepEqual(await page.locator('.label-pill').allInnerTexts(), thread.summary.labels);
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
    assert.deepEqual(
      await apexCallsOf(page),
      ['ConversationHistoryController.getHistory'],
      'opened with one call'
    );
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
    assert.deepEqual(
      (await apexCallsOf(page)).slice(1),
      ['ConversationHistoryController.getMessages'],
      'paging back is getMessages'
    );
    assert.ok(
      await transcript.evaluate((element) => element.scrollTop > 0),
      'the reader stays at the message they were reading'
    );
    assertNoProblems();
  });

  it('scrolls back through all 10,000 messages and forward again with at most 300 rows rendered', async () => {
    const page = await open('&state=long-history');
    const all = generateMessages(LONG_HISTORY_DEFAULT, 'Jordan Lee');
    const nodesAtStart = await page.evaluate(
      () =>
        document.querySelector('c-kondo-conversation-history')?.shadowRoot?.querySelectorAll('*')
          .length ?? 0
    );
    // In the page, one scroll after the other: to an edge, then until the component has added
    // the rows beyond it (reading a page when needed) and rendered. Each step reports the rows
    // rendered and how far the row the reader was looking at moved.
    const walk = (edge: 'top' | 'bottom', maxSteps: number) =>
      page.evaluate(
        async ({ edge, maxSteps }) => {
          const root = document.querySelector('c-kondo-conversation-history')?.shadowRoot;
          const transcript = root?.querySelector<HTMLElement>('.transcript');
          if (!root || !transcript) {
            throw new Error('no transcript');
          }
          const rows = (): HTMLElement[] =>
            Array.from(root.querySelectorAll<HTMLElement>('.message-row'));
          const topOf = (row: HTMLElement): number =>
            row.getBoundingClientRect().top - transcript.getBoundingClientRect().top;
          const frame = (): Promise<void> =>
            new Promise((done) => requestAnimationFrame(() => done()));
          const more = (): boolean =>
            root.querySelector(edge === 'top' ? '.show-earlier' : '.show-later') !== null;
          const steps: { rows: number; moved: number }[] = [];
          while (more() && steps.length < maxSteps) {
            transcript.scrollTop = edge === 'top' ? 0 : transcript.scrollHeight;
            // The row at the top of the viewport, read after the scroll.
            const reading = rows().find((row) => topOf(row) + row.offsetHeight > 0);
            const id = reading?.dataset.id;
            const before = reading ? topOf(reading) : 0;
            const edgeRow = edge === 'top' ? rows()[0] : rows().at(-1);
            const started = performance.now();
            let changed = false;
            while (!changed && performance.now() - started < 20_000) {
              // Polls frame by frame until the component has rendered.
              await frame();
              const now = edge === 'top' ? rows()[0] : rows().at(-1);
              changed = now !== edgeRow && !root.querySelector('.loading-older');
            }
            if (!changed) {
              throw new Error(`nothing was added at the ${edge} after step ${steps.length}`);
            }
            // One more frame: the scroll position is restored in the render.
            await frame();
            const after = rows().find((row) => row.dataset.id === id);
            steps.push({
              rows: rows().length,
              moved: after ? Math.abs(topOf(after) - before) : -1,
            });
          }
          return steps;
        },
        { edge, maxSteps }
      );

    const back = await walk('top', 200);
    assert.ok(back.length >= 99, `${back.length} scrolls back through 10,000 messages`);
    assert.ok(
      back.every((step) => step.rows <= 300),
      `at most 300 rows at every step (largest ${Math.max(...back.map((step) => step.rows))})`
    );
    assert.deepEqual(
      back.filter((step) => step.moved < 0 || step.moved > 1),
      [],
      'the row the reader was looking at stays where it was'
    );
    assert.equal(
      await page.locator('.transcript .message-row').first().getAttribute('data-id'),
      all[0]?.id,
      'the oldest message reached'
    );
    assert.equal(await page.locator('lightning-button.show-earlier').count(), 0);
    const nodesAtOldest = await page.evaluate(
      () =>
        document.querySelector('c-kondo-conversation-history')?.shadowRoot?.querySelectorAll('*')
          .length ?? 0
    );
    assert.ok(
      nodesAtOldest <= nodesAtStart * 4,
      `the DOM stays bounded: ${nodesAtStart} elements at the newest 100 rows, ${nodesAtOldest} at the oldest`
    );

    const forward = await walk('bottom', 5);
    assert.equal(forward.length, 5, 'scrolling down renders the later messages again');
    assert.ok(forward.every((step) => step.rows <= 300 && step.moved >= 0 && step.moved <= 1));

    await page.locator('lightning-button.jump-newest button').click();
    await settle(page);
    assert.equal(
      await page.locator('.transcript .message-row').last().getAttribute('data-id'),
      all.at(-1)?.id,
      'Jump to newest renders the newest message again'
    );
    assert.equal(await messageRows(page), 100);
    assert.equal(await page.locator('lightning-button.jump-newest').count(), 0, 'at the newest');
    await screenshot(page, 'kondoConversationHistory-scrolled-back');
    assertNoProblems();
  });

  it('returns the reader to where they were when a search is cleared', async () => {
    const page = await open('&state=long-history');
    const transcript = page.locator('.transcript');
    assert.equal(await page.locator('lightning-button.jump-newest').count(), 0, 'at the newest');
    for (let step = 0; step < 3; step++) {
      await transcript.evaluate((element) => {
        element.scrollTop = 0;
      });
      await settle(page);
    }
    await transcript.evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
    });
    await settle(page);
    // The row at the top of the viewport and its distance below the viewport's top.
    const reading = (id?: string) =>
      transcript.evaluate((element, wanted) => {
        const rows = Array.from(element.querySelectorAll<HTMLElement>('.message-row'));
        const top = element.getBoundingClientRect().top;
        const row = wanted
          ? rows.find((item) => item.dataset.id === wanted)
          : rows.find((item) => item.getBoundingClientRect().bottom > top);
        return row ? { id: row.dataset.id, offset: row.getBoundingClientRect().top - top } : null;
      }, id);
    const before = await reading();
    assert.ok(before?.id, 'a row in view');
    assert.equal(await page.locator('lightning-button.jump-newest').count(), 1, 'away from newest');

    await search(page, 'renewal');
    assert.ok(
      (await page.locator('.transcript .kondo-match').count()) > 0,
      'the matches are shown'
    );
    await search(page, '');
    const after = await reading(before.id);
    assert.ok(after, 'the row read before the search is rendered again');
    assert.ok(
      Math.abs(after.offset - before.offset) <= 1,
      `and in the same place (${before.offset} px, now ${after.offset} px)`
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
    const mateo = recordNamed('Mateo García');
    assert.equal(threadsOf(mateo)[0]?.messages.length, 0, 'Kondo synced labels, no messages');
    const page = await open(`&state=data&record=${mateo}`);
    assert.equal(
      (await page.locator('.state_no-messages').textContent())?.trim(),
      'No messages in this conversation yet.'
    );
    assertNoProblems();
  });

  it('shows the rep who owns a Contact the messages the integration user synced', async () => {
    const amelia = recordNamed('Amelia Hart');
    const integration = workbench.org.user('integration').id;
    const owners = workbench.query<{ OwnerId: string }>(
      'admin',
      `SELECT OwnerId FROM kondo__Kondo_Conversation__c WHERE kondo__Contact__c = '${amelia}'`
    );
    assert.deepEqual(
      owners.map((row) => row.OwnerId),
      [integration],
      'precondition: the integration user owns the conversation, not the rep'
    );
    const expected = threadsOf(amelia, 'admin')[0]?.messages.length ?? 0;
    assert.ok(expected > 0, 'Amelia has messages');
    for (const user of ['admin', 'rep', 'rep-other']) {
      assert.equal(threadsOf(amelia, user)[0]?.messages.length, expected, `the Apex, as ${user}`);
      const page = await open(`&state=data&record=${amelia}&user=${user}`);
      assert.equal(
        await messageRows(page),
        expected,
        `the page, as ${user} (the rep owns Amelia; her Account is shared with every user)`
      );
      assertNoProblems();
    }
  });

  it('shows a conversation pushed with the client: the new message on the Contact, nothing for a rep without access', async () => {
    const amelia = recordNamed('Amelia Hart');
    const before = threadsOf(amelia)[0]?.messages.length ?? 0;
    const body = 'Pushed just now by the browser test: see you Thursday at 3pm.';
    // With the client, over HTTP, as Kondo would push it.
    const report = await workbench.client('integration').push([
      {
        conversationId: 'kondo-conv-amelia-0001',
        trigger: 'auto',
        person: { linkedInUrl: 'https://www.linkedin.com/in/amelia-hart-ops/' },
        labels: ['Hot lead', 'Demo booked'],
        messages: [
          {
            id: 'kondo-msg-amelia-browser-0001',
            direction: 'inbound',
            senderName: 'Amelia Hart',
            sentAt: new Date().toISOString(),
            body,
          },
        ],
      },
    ]);
    assert.deepEqual(
      report.outcomes.map((o) => o.status),
      ['updated']
    );
    const page = await open(`&state=data&record=${amelia}`);
    assert.equal(await messageRows(page), before + 1, 'one more message');
    assert.match(
      (await page.locator('.transcript').innerText()).replace(/\s+/g, ' '),
      new RegExp(body.slice(0, 30))
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
