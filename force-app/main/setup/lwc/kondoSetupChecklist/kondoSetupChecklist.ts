import { LightningElement, api } from 'lwc';
import type { Connection } from 'types/dto/setup';
import TITLE from '@salesforce/label/c.Setup_ChecklistTitle';
import INTRO from '@salesforce/label/c.Setup_ChecklistIntro';
import PROGRESS from '@salesforce/label/c.Setup_ChecklistProgress';
import DONE from '@salesforce/label/c.Setup_ChecklistDone';
import TO_DO from '@salesforce/label/c.Setup_ChecklistToDo';
import STEP_USER from '@salesforce/label/c.Setup_StepIntegrationUser';
import STEP_USER_HELP from '@salesforce/label/c.Setup_StepIntegrationUserHelp';
import USERS_LINK from '@salesforce/label/c.Setup_StepUsersLink';
import PERMISSION_SETS_LINK from '@salesforce/label/c.Setup_StepPermissionSetsLink';
import STEP_APP from '@salesforce/label/c.Setup_StepApp';
import STEP_APP_HELP from '@salesforce/label/c.Setup_StepAppHelp';
import APP_LINK from '@salesforce/label/c.Setup_StepAppLink';
import STEP_MAPPINGS from '@salesforce/label/c.Setup_StepMappings';
import MAPPINGS_LINK from '@salesforce/label/c.Setup_StepMappingsLink';
import STEP_TEST_URL from '@salesforce/label/c.Setup_StepTestUrl';
import TEST_URL_LINK from '@salesforce/label/c.Setup_StepTestUrlLink';
import NEW_TAB from '@salesforce/label/c.Setup_OpensInNewTab';
import { formatLabel } from 'c/kondoFormat';
import type { SectionName } from 'c/kondoSettingEdit';

/** Asks the page to move to one of its sections. */
export const SECTION_SELECT_EVENT = 'sectionselect';

export interface SectionSelect {
  section: SectionName;
}

// Lightning Setup pages, opened in a new tab so the checklist stays where it is.
const SETUP_USERS = '/lightning/setup/ManageUsers/home';
const SETUP_PERMISSION_SETS = '/lightning/setup/PermSets/home';
const SETUP_APP_MANAGER = '/lightning/setup/NavigationMenus/home';

interface StepLink {
  key: string;
  label: string;
  href: string;
}

interface Step {
  key: string;
  number: number;
  text: string;
  help: string | null;
  done: boolean;
  stepClass: string;
  icon: string;
  iconVariant: string;
  status: string;
  links: StepLink[];
  section: SectionName | null;
  sectionLabel: string | null;
}

/**
 * The first-install checklist at the top of the setup page, shown until Kondo's first
 * successful sync: give the integration user its permission set, create the External Client
 * App (or connected app) Kondo signs in with, map the properties, test a URL. Each step links to
 * the Setup page or the section where it is done and is marked done when Salesforce can tell
 * (an integration user exists, a sync succeeded, mappings are saved, a URL was tested here).
 */
export default class KondoSetupChecklist extends LightningElement {
  @api connection: Connection | undefined;
  /** How many mappings are saved. */
  @api mappingCount = 0;
  /** Whether the admin tested a URL on this page. */
  @api urlTested = false;

  label = { title: TITLE, intro: INTRO, newTab: NEW_TAB };

  get steps(): Step[] {
    const connection = this.connection;
    const steps: Omit<Step, 'number' | 'stepClass' | 'icon' | 'iconVariant' | 'status'>[] = [
      {
        key: 'integration-user',
        text: STEP_USER,
        help: STEP_USER_HELP,
        done: (connection?.integrationUserCount ?? 0) > 0,
        links: [
          { key: 'users', label: USERS_LINK, href: SETUP_USERS },
          { key: 'permission-sets', label: PERMISSION_SETS_LINK, href: SETUP_PERMISSION_SETS },
        ],
        section: null,
        sectionLabel: null,
      },
      {
        key: 'app',
        text: STEP_APP,
        help: STEP_APP_HELP,
        done: Boolean(connection?.lastSuccessfulSyncAt),
        links: [{ key: 'app-manager', label: APP_LINK, href: SETUP_APP_MANAGER }],
        section: null,
        sectionLabel: null,
      },
      {
        key: 'mappings',
        text: STEP_MAPPINGS,
        help: null,
        done: this.mappingCount > 0,
        links: [],
        section: 'mappings',
        sectionLabel: MAPPINGS_LINK,
      },
      {
        key: 'test-url',
        text: STEP_TEST_URL,
        help: null,
        done: this.urlTested,
        links: [],
        section: 'matching',
        sectionLabel: TEST_URL_LINK,
      },
    ];
    return steps.map((step, index) => ({
      ...step,
      number: index + 1,
      stepClass: step.done ? 'step step_done' : 'step',
      icon: step.done ? 'utility:success' : 'utility:routing_offline',
      iconVariant: step.done ? 'success' : '',
      status: step.done ? DONE : TO_DO,
    }));
  }

  get progress(): string {
    const steps = this.steps;
    return formatLabel(PROGRESS, steps.filter((step) => step.done).length, steps.length);
  }

  handleSectionSelect(event: Event): void {
    const section = (event.currentTarget as HTMLElement).dataset.section as SectionName;
    this.dispatchEvent(
      new CustomEvent<SectionSelect>(SECTION_SELECT_EVENT, { detail: { section } })
    );
  }
}
