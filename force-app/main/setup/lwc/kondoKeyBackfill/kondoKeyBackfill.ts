import { LightningElement, api } from 'lwc';
import startKeyBackfill from '@salesforce/apex/SetupController.startKeyBackfill';
import getKeyBackfillProgress from '@salesforce/apex/SetupController.getKeyBackfillProgress';
import type { JobProgress } from 'types/dto/setup';
import TITLE from '@salesforce/label/c.Setup_BackfillTitle';
import NONE from '@salesforce/label/c.Setup_BackfillNone';
import START from '@salesforce/label/c.Setup_BackfillStart';
import REFRESH from '@salesforce/label/c.Setup_BackfillRefresh';
import STARTED_TITLE from '@salesforce/label/c.Setup_BackfillStartedTitle';
import STARTED_MESSAGE from '@salesforce/label/c.Setup_BackfillStartedMessage';
import NOT_STARTED from '@salesforce/label/c.Setup_BackfillNotStarted';
import NO_PROGRESS from '@salesforce/label/c.Setup_BackfillNoProgress';
import JOB_CONTACT from '@salesforce/label/c.Setup_BackfillJobContact';
import JOB_LEAD from '@salesforce/label/c.Setup_BackfillJobLead';
import JOB_OTHER from '@salesforce/label/c.Setup_BackfillJobOther';
import SUMMARY from '@salesforce/label/c.Setup_BackfillSummary';
import ERRORS_NONE from '@salesforce/label/c.Setup_BackfillErrorsNone';
import ERRORS_ONE from '@salesforce/label/c.Setup_BackfillErrorsOne';
import ERRORS_MANY from '@salesforce/label/c.Setup_BackfillErrorsMany';
import STATUS_HOLDING from '@salesforce/label/c.Setup_JobStatus_Holding';
import STATUS_QUEUED from '@salesforce/label/c.Setup_JobStatus_Queued';
import STATUS_PREPARING from '@salesforce/label/c.Setup_JobStatus_Preparing';
import STATUS_PROCESSING from '@salesforce/label/c.Setup_JobStatus_Processing';
import STATUS_COMPLETED from '@salesforce/label/c.Setup_JobStatus_Completed';
import STATUS_FAILED from '@salesforce/label/c.Setup_JobStatus_Failed';
import STATUS_ABORTED from '@salesforce/label/c.Setup_JobStatus_Aborted';
import { formatCount, formatLabel } from 'c/kondoFormat';
import { showErrorToast, showToast } from 'c/kondoSetupToast';

const JOB_NAMES: Record<string, string> = { Contact: JOB_CONTACT, Lead: JOB_LEAD };

// AsyncApexJob.Status values (Object Reference) as people read them.
const STATUS_TEXT: Record<string, string> = {
  Holding: STATUS_HOLDING,
  Queued: STATUS_QUEUED,
  Preparing: STATUS_PREPARING,
  Processing: STATUS_PROCESSING,
  Completed: STATUS_COMPLETED,
  Failed: STATUS_FAILED,
  Aborted: STATUS_ABORTED,
};

interface JobView {
  key: string;
  progress: number;
  summary: string;
}

/**
 * The LinkedIn key refill in the Matching card: the refill jobs with their progress, a button
 * that starts a refill of every Contact and Lead key and one that reads the jobs' progress
 * again. The page passes the jobs it loaded or saved; the buttons replace them here.
 */
export default class KondoKeyBackfill extends LightningElement {
  shownJobs: JobProgress[] = [];
  busy = false;

  label = { title: TITLE, none: NONE, start: START, refresh: REFRESH };

  /** The jobs of the page the server sent last (getSetup, or a save that started a refill). */
  @api
  get jobs(): JobProgress[] {
    return this.shownJobs;
  }
  set jobs(value: JobProgress[] | undefined) {
    this.shownJobs = value ?? [];
  }

  get hasJobs(): boolean {
    return this.shownJobs.length > 0;
  }

  get jobViews(): JobView[] {
    return this.shownJobs.map((job) => {
      const progress =
        job.totalBatches > 0 ? Math.round((job.processedBatches / job.totalBatches) * 100) : 0;
      const name = (job.objectName && JOB_NAMES[job.objectName]) ?? JOB_OTHER;
      return {
        key: job.jobId,
        progress: job.finished ? 100 : progress,
        summary: formatLabel(
          SUMMARY,
          name,
          STATUS_TEXT[job.status] ?? job.status,
          job.processedBatches,
          job.totalBatches,
          formatCount(job.errorCount, { none: ERRORS_NONE, one: ERRORS_ONE, many: ERRORS_MANY })
        ),
      };
    });
  }

  async handleStartBackfill(): Promise<void> {
    this.busy = true;
    try {
      this.shownJobs = await startKeyBackfill();
      showToast(this, 'success', STARTED_TITLE, STARTED_MESSAGE);
    } catch (error) {
      showErrorToast(this, NOT_STARTED, error);
    } finally {
      this.busy = false;
    }
  }

  async handleRefreshBackfill(): Promise<void> {
    this.busy = true;
    try {
      // The progress answer does not name the object: keep the name each job had.
      const names = new Map(this.shownJobs.map((job) => [job.jobId, job.objectName]));
      const jobs = await getKeyBackfillProgress({
        jobIds: this.shownJobs.map((job) => job.jobId),
      });
      this.shownJobs = jobs.map((job) => ({
        ...job,
        objectName: names.get(job.jobId) ?? null,
      }));
    } catch (error) {
      showErrorToast(this, NO_PROGRESS, error);
    } finally {
      this.busy = false;
    }
  }
}
