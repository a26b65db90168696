/**
 * Live panels benchmark: main-thread long tasks while the default model trains in its worker with a
 * summary read-back at every step, the heaviest load the panels get. Headless Chromium (the
 * executable and flags of playwright.config.ts) against a production build served by `vite preview`
 * on 127.0.0.1, CPU backend so that steps, and so panel updates, come as fast as they can.
 *
 * Reports two numbers for the training period:
 * - the number of long tasks (over 50 ms of wall time, the Long Tasks API's threshold), budget 0,
 *   with the same page idle just before training as the baseline in `detail`;
 * - the longest main-thread task in CPU time (the trace's thread time), budget 50 ms. Wall time
 *   includes time the thread waited for a core, so on a loaded machine it overstates the panels' cost;
 *   thread time does not.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import playwrightConfig from '../playwright.config';
import { withPreviewServer } from './production-build';
import { result, type Benchmark, type BenchResult } from './types';

const STEPS = 60;
const IDLE_MS = 2000;

/**
 * Records long tasks and animation-frame intervals until `stop()`. The script is a string because
 * tsx rewrites named functions with a helper that does not exist in the page.
 */
const RECORDER = `(() => {
  const longTasks = [];
  const frames = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
  });
  observer.observe({ type: 'longtask' });
  let last = performance.now();
  let running = true;
  const tick = (now) => {
    frames.push(now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => {
    last = now;
    requestAnimationFrame(tick);
  });
  window.__panelsRecorder = {
    stop: () => {
      running = false;
      observer.disconnect();
      return { longTasks, frames };
    },
  };
})()`;

interface Recording {
  /** Start time and duration in ms of each long task, on the page's clock. */
  longTasks: [number, number][];
  frames: number[];
}

async function startRecorder(page: Page): Promise<void> {
  await page.evaluate(RECORDER);
}

async function stopRecorder(page: Page): Promise<Recording> {
  return (await page.evaluate('window.__panelsRecorder.stop()')) as Recording;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Returns the thread (CPU) time in ms of each task on the page's main thread in a Chromium trace. */
function mainThreadTaskCpuMs(trace: Buffer): number[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  return events
    .filter((event) => event.ph === 'X' && event.name === 'RunTask' && mainThreads.has(`${event.pid}:${event.tid}`))
    .map((event) => (event.tdur ?? event.dur ?? 0) / 1000);
}

async function traceTraining(browser: Browser, page: Page): Promise<Buffer> {
  // RunTask events are in the `toplevel` category. Without it the trace has no tasks to measure.
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.getByTestId('train-button').click();
  await page.getByTestId('train-phase').and(page.locator('[data-phase="done"]')).waitFor({ timeout: 300_000 });
  return browser.stopTracing();
}

async function setField(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(testId).press('Enter');
}

async function measure(url: string): Promise<BenchResult[]> {
  const launchOptions = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launchOptions, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(url);
    await setField(page, 'training-batchSize', '32');
    await setField(page, 'training-summaryEvery', '1');
    await page.getByTestId('backend-select').selectOption('cpu');
    await page.getByTestId('max-steps-input').fill(String(STEPS));
    await page.getByTestId('test-examples-input').fill('100');

    await startRecorder(page);
    await page.waitForTimeout(IDLE_MS);
    const idle = await stopRecorder(page);

    await startRecorder(page);
    const began = Date.now();
    const trace = await traceTraining(browser, page);
    const training = await stopRecorder(page);
    const seconds = (Date.now() - began) / 1000;
    const taskCpuMs = mainThreadTaskCpuMs(trace);
    if (taskCpuMs.length === 0) throw new Error('The trace has no main-thread RunTask events. Check the categories in traceTraining().');
    const snapshots = await page.getByTestId('histogram-Classifier/Encoder/conv1/weights').getAttribute('data-snapshots');

    return [
      result('panels.training.long-tasks', training.longTasks.length, 'tasks', 0, {
        longestTaskMs: Math.max(0, ...training.longTasks.map(([, duration]) => duration)),
        longTasksMs: training.longTasks,
        p95FrameMs: Number(percentile(training.frames, 95).toFixed(1)),
        idleLongTasks: idle.longTasks.length,
        idleP95FrameMs: Number(percentile(idle.frames, 95).toFixed(1)),
        steps: STEPS,
        summaryEvery: 1,
        trainingSeconds: Number(seconds.toFixed(1)),
        histogramSnapshotsPainted: Number(snapshots),
        build: 'vite build (production), headless Chromium, cpu backend',
      }),
      result('panels.training.max-task-cpu', Number(Math.max(0, ...taskCpuMs).toFixed(1)), 'ms', 50, {
        tasks: taskCpuMs.length,
        tasksOver50MsCpu: taskCpuMs.filter((ms) => ms > 50).length,
        p99TaskCpuMs: Number(percentile(taskCpuMs, 99).toFixed(1)),
        source: 'Chromium trace: thread time of RunTask events on CrRendererMain',
      }),
    ];
  } finally {
    await browser.close();
  }
}

const benchmark: Benchmark = {
  name: 'panels',
  async run() {
    return withPreviewServer('panels', measure);
  },
};

export default benchmark;
