import { createElement } from 'lwc';
import KondoSetupChecklist from 'c/kondoSetupChecklist';
import type { SectionSelect } from 'c/kondoSetupChecklist';
import type { Connection } from 'types/dto/setup';
import { cleanUp, click, PAGE, q, qa, settle } from '../../kondoSettingsCard/__tests__/harness';

type ChecklistElement = HTMLElement & {
  connection: Connection | undefined;
  mappingCount: number;
  urlTested: boolean;
};

function render(props: Partial<ChecklistElement> = {}) {
  const element = createElement('c-kondo-setup-checklist', {
    is: KondoSetupChecklist,
  }) as ChecklistElement;
  element.connection = { ...PAGE.connection, lastSuccessfulSyncAt: null, integrationUserCount: 0 };
  Object.assign(element, props);
  const selected: SectionSelect[] = [];
  element.addEventListener('sectionselect', (event) => {
    selected.push((event as CustomEvent<SectionSelect>).detail);
  });
  document.body.appendChild(element);
  return { element, selected };
}

/** Each step: its key and whether it is done, as its icon says. */
function steps(element: HTMLElement): [string, string][] {
  return qa(element, 'li.step').map((step) => [
    step.dataset.step as string,
    (step.querySelector('lightning-icon') as HTMLElement & { alternativeText: string })
      .alternativeText,
  ]);
}

describe('c-kondo-setup-checklist', () => {
  afterEach(cleanUp);

  it('lists the four steps of a first install, none done, in sentences', async () => {
    const { element } = render();
    await settle();

    expect(steps(element)).toEqual([
      ['integration-user', 'To do'],
      ['app', 'To do'],
      ['mappings', 'To do'],
      ['test-url', 'To do'],
    ]);
    expect(q(element, '.progress')?.textContent).toBe('0 of 4 done');
    expect(qa(element, '.step-text')[0]?.textContent).toBe(
      '1. Give the user Kondo signs in as the Kondo Integration permission set.'
    );
    await expect(element).toBeAccessible();
  });

  it('links each step to the Setup page where it is done, in a new tab', async () => {
    const { element } = render();
    await settle();

    const links = qa<HTMLAnchorElement>(element, 'a.step-link').map((link) => [
      link.textContent,
      link.getAttribute('href'),
      link.target,
    ]);
    expect(links).toEqual([
      ['Users(opens in a new tab)', '/lightning/setup/ManageUsers/home', '_blank'],
      ['Permission sets(opens in a new tab)', '/lightning/setup/PermSets/home', '_blank'],
      ['App Manager(opens in a new tab)', '/lightning/setup/NavigationMenus/home', '_blank'],
    ]);
  });

  it('marks a step done when Salesforce can tell', async () => {
    const { element } = render({
      connection: {
        ...PAGE.connection,
        integrationUserCount: 1,
        lastSuccessfulSyncAt: null,
      },
      mappingCount: 2,
      urlTested: true,
    });
    await settle();

    expect(steps(element)).toEqual([
      ['integration-user', 'Done'],
      ['app', 'To do'],
      ['mappings', 'Done'],
      ['test-url', 'Done'],
    ]);
    expect(q(element, '.progress')?.textContent).toBe('3 of 4 done');
    expect(qa(element, 'li.step_done')).toHaveLength(3);
  });

  it('asks the page for the section of an in-page step', async () => {
    const { element, selected } = render();
    await settle();

    const buttons = qa<HTMLElement & { label: string }>(element, 'lightning-button.step-section');
    expect(buttons.map((button) => button.label)).toEqual([
      'Go to field mappings',
      'Go to the URL tester',
    ]);
    click(buttons[0] as HTMLElement);
    click(buttons[1] as HTMLElement);
    expect(selected).toEqual([{ section: 'mappings' }, { section: 'matching' }]);
  });

  it('shows every step to do before it knows the connection', async () => {
    const { element } = render({ connection: undefined });
    await settle();
    expect(steps(element).map(([, status]) => status)).toEqual([
      'To do',
      'To do',
      'To do',
      'To do',
    ]);
  });
});
