import { LightningElement, api } from 'lwc';
import startKeyBackfill from '@salesforce/apex/SetupController.startKeyBackfill';
import getKeyBackfillProgress from '@salesforce/apex/SetupController.getKeyBackfillProgress';
import type { JobProgress } from 'types/dto/setup';
import { showErrorToast, showToast } from 'c/kondoSetupToast';

interface JobView {
  key: string;
  label: string;
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
      return {
        key: job.jobId,
        label: job.objectName ? `${job.objectName} keys` : 'LinkedIn keys',
        progress: job.finished ? 100 : progress,
        summary: `${job.status}: ${job.processedBatches} of ${job.totalBatches} batches, ${job.errorCount} errors`,
      };
    });
  }

  async handleStartBackfill(): Promise<void> {
    this.busy = true;
    try {
      this.shownJobs = await startKeyBackfill();
      showToast(
        this,
        'success',
        'Key refill started',
        'Existing records get their LinkedIn key again.'
      );
    } catch (error) {
      showErrorToast(this, 'Key refill not started', error);
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
      showErrorToast(this, 'Progress not available', error);
    } finally {
      this.busy = false;
    }
  }
}
