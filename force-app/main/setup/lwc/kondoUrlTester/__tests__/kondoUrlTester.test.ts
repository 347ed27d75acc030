import { createElement } from 'lwc';
import testMatch from '@salesforce/apex/SetupController.testMatch';
import KondoUrlTester from 'c/kondoUrlTester';
import type { MatchTest } from 'types/dto/setup';
import { apexError, cleanUp, q, qa, settle } from '../../kondoSettingsCard/__tests__/harness';

/* eslint-disable @typescript-eslint/no-require-imports */
const MATCH: MatchTest = require('./data/SetupController.testMatch.json');
const REJECTED: MatchTest = require('./data/SetupController.testMatch.rejected.json');
/* eslint-enable @typescript-eslint/no-require-imports */

jest.mock('@salesforce/apex/SetupController.testMatch', () => ({ default: jest.fn() }), {
  virtual: true,
});

const testMatchMock = testMatch as unknown as jest.Mock;

function render(createsRecords = false): { element: HTMLElement; tested: number[] } {
  const element = createElement('c-kondo-url-tester', { is: KondoUrlTester });
  Object.assign(element, { createsRecords });
  const tested: number[] = [];
  element.addEventListener('urltested', () => tested.push(tested.length + 1));
  document.body.appendChild(element);
  return { element, tested };
}

function enterUrl(element: HTMLElement, value: string): void {
  q(element, '.test-url')?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function runTest(element: HTMLElement): void {
  q(element, '.run-test')?.dispatchEvent(new CustomEvent('click'));
}

function testDisabled(element: HTMLElement): boolean | undefined {
  return q<HTMLElement & { disabled: boolean }>(element, '.run-test')?.disabled;
}

describe('c-kondo-url-tester', () => {
  afterEach(cleanUp);

  it('shows the normalised key and the matching records, the first the one a sync updates', async () => {
    const { element, tested } = render();
    testMatchMock.mockResolvedValue(MATCH);
    await settle();

    expect(testDisabled(element)).toBe(true);
    enterUrl(element, 'https://uk.linkedin.com/in/Jane-Doe-42/');
    await settle();
    runTest(element);
    await settle();

    expect(testMatchMock).toHaveBeenCalledWith({
      linkedInUrl: 'https://uk.linkedin.com/in/Jane-Doe-42/',
    });
    expect(q(element, '.test-key code')?.textContent).toBe('jane-doe-42');
    expect(q(element, '.test-summary')?.textContent).toBe(
      '2 records carry this key; a sync would update the first.'
    );
    expect(tested).toEqual([1]);
    expect(qa(element, '.test-matches li').map((item) => item.textContent?.trim())).toEqual([
      'Jane Doe (Contact)',
      'Jane Doe (Lead)',
    ]);
    expect(
      qa<HTMLAnchorElement>(element, '.test-matches a').map((link) => link.getAttribute('href'))
    ).toEqual([
      '/lightning/r/Contact/003000000000001AAA/view',
      '/lightning/r/Lead/00Q000000000001AAA/view',
    ]);
    await expect(element).toBeAccessible();
  });

  it('says when nothing matches, and what a sync would do then', async () => {
    const { element } = render();
    enterUrl(element, 'https://www.linkedin.com/in/nobody/');
    await settle();
    testMatchMock.mockResolvedValue({ ...MATCH, matches: [] });
    runTest(element);
    await settle();
    expect(q(element, '.test-no-match')?.textContent).toBe(
      'No Contact or Lead carries this key yet.'
    );

    const creating = render(true).element;
    enterUrl(creating, 'https://www.linkedin.com/in/nobody/');
    await settle();
    runTest(creating);
    await settle();
    expect(q(creating, '.test-no-match')?.textContent).toBe(
      'No Contact or Lead carries this key yet: a sync would create one.'
    );
    testMatchMock.mockResolvedValue({ ...MATCH, matches: MATCH.matches.slice(0, 1) });
    runTest(creating);
    await settle();
    expect(q(creating, '.test-summary')?.textContent).toBe(
      '1 record carries this key; a sync would update it.'
    );
  });

  it('says in words why a URL is rejected and what to paste instead, without the code', async () => {
    const { element } = render();
    enterUrl(element, 'https://example.com/x');
    await settle();
    testMatchMock.mockResolvedValue(REJECTED);
    runTest(element);
    await settle();

    expect(q(element, '.test-rejection')?.textContent).not.toContain('NOT_LINKEDIN');
    expect(q(element, '.test-rejected')?.textContent).toBe('This address is not on linkedin.com.');
    expect(q(element, '.test-hint')?.textContent).toBe(
      'Paste the address of a LinkedIn profile, such as https://www.linkedin.com/in/jane-doe.'
    );
    expect(q(element, '.test-key')).toBeNull();
    await expect(element).toBeAccessible();

    testMatchMock.mockResolvedValue({
      ...REJECTED,
      errorCode: 'UNRESOLVABLE_LINK',
      errorMessage: 'Kondo cannot follow this link to a profile without opening it.',
    });
    runTest(element);
    await settle();
    expect(q(element, '.test-hint')?.textContent).toBe(
      'Open the link in a browser and paste the address of the profile it leads to.'
    );
  });

  it('tests the URL when Enter is pressed in the field, not for a blank one', async () => {
    const { element } = render();
    testMatchMock.mockResolvedValue(MATCH);
    const field = q(element, '.test-url') as HTMLElement;

    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    expect(testMatchMock).not.toHaveBeenCalled();

    enterUrl(element, 'https://www.linkedin.com/in/jane-doe-42/');
    await settle();
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    expect(testMatchMock).toHaveBeenCalledTimes(1);
    expect(q(element, '.test-key code')?.textContent).toBe('jane-doe-42');
  });

  it('shows a failed test in the error panel, and nothing of the last result', async () => {
    const { element, tested } = render();
    enterUrl(element, 'https://www.linkedin.com/in/jane-doe-42/');
    testMatchMock.mockResolvedValue(MATCH);
    await settle();
    runTest(element);
    await settle();
    expect(q(element, '.test-key')).not.toBeNull();

    testMatchMock.mockRejectedValue(apexError('Boom'));
    runTest(element);
    await settle();
    expect(
      q<HTMLElement & { errors: unknown; friendlyMessage: string }>(
        element,
        'c-kondo-error-panel.test-error'
      )?.friendlyMessage
    ).toBe('The URL could not be tested.');
    expect(q(element, '.test-key')).toBeNull();
    expect(tested).toEqual([1]);

    // The next test clears the error.
    testMatchMock.mockResolvedValue(MATCH);
    runTest(element);
    await settle();
    expect(q(element, '.test-error')).toBeNull();
    expect(q(element, '.test-key')).not.toBeNull();
  });

  it('disables the button for a blank URL and while a test runs', async () => {
    const { element } = render();
    enterUrl(element, '   ');
    await settle();
    expect(testDisabled(element)).toBe(true);

    let answer: (result: MatchTest) => void = () => undefined;
    testMatchMock.mockReturnValue(new Promise<MatchTest>((resolve) => (answer = resolve)));
    enterUrl(element, 'https://www.linkedin.com/in/jane-doe-42/');
    await settle();
    expect(testDisabled(element)).toBe(false);
    runTest(element);
    await settle();
    expect(testDisabled(element)).toBe(true);

    answer(MATCH);
    await settle();
    expect(testDisabled(element)).toBe(false);
  });
});
