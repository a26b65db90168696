/**
 * Page objects for the editor, in the style of tldraw's e2e fixtures: tests talk to `editor`,
 * `palette`, `inspector` and `canvas` instead of raw selectors. Every wait is a waiting assertion.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class CanvasObject {
  readonly root: Locator;
  readonly pane: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('canvas');
    this.pane = this.root.locator('.react-flow__pane');
  }

  /** A layer or scope on the canvas by document id. */
  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  /** The React Flow wrapper of a node: the element that is dragged and selected. */
  wrapper(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  edge(id: string): Locator {
    return this.page.getByTestId(`rf__edge-${id}`);
  }

  handle(nodeId: string, handle: string): Locator {
    return this.page.getByTestId(`handle-${nodeId}-${handle}`);
  }

  path(id: string): Locator {
    return this.page.getByTestId(`node-path-${id}`);
  }

  shape(id: string): Locator {
    return this.page.getByTestId(`node-shape-${id}`);
  }

  /** Node ids on the canvas whose op path is `path`. */
  async idOfPath(path: string): Promise<string> {
    const element = this.root.locator('[data-testid^="node-path-"]', { hasText: new RegExp(`^${escapeRegExp(path)}$`) });
    await expect(element).toHaveCount(1);
    const testId = await element.getAttribute('data-testid');
    return testId!.replace('node-path-', '');
  }

  async box(id: string): Promise<Box> {
    const box = await this.wrapper(id).boundingBox();
    if (!box) throw new Error(`node ${id} is not visible`);
    return box;
  }

  /** Drags a node by `dx`, `dy` screen pixels with real mouse events, in small steps. */
  async dragNodeBy(id: string, dx: number, dy: number, options: { alt?: boolean } = {}): Promise<void> {
    const box = await this.box(id);
    const start = { x: box.x + box.width / 2, y: box.y + Math.min(24, box.height / 2) };
    if (options.alt) await this.page.keyboard.down('Alt');
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    const steps = 12;
    for (let step = 1; step <= steps; step += 1) {
      await this.page.mouse.move(start.x + (dx * step) / steps, start.y + (dy * step) / steps);
    }
    await this.page.mouse.up();
    if (options.alt) await this.page.keyboard.up('Alt');
  }

  /** Current zoom of the canvas, read from the viewport transform. */
  async zoom(): Promise<number> {
    const style = (await this.root.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? 1);
  }

  /**
   * Zooms in with the mouse wheel around the middle of the given elements, as a user would, until
   * the zoom reaches `target` or one of them would leave the canvas.
   */
  async zoomAround(elements: Locator[], target = 1): Promise<void> {
    for (let attempt = 0; attempt < 8 && (await this.zoom()) < target; attempt += 1) {
      const boxes = await Promise.all(elements.map((element) => element.boundingBox()));
      const pane = (await this.root.boundingBox())!;
      const left = Math.min(...boxes.map((box) => box!.x));
      const right = Math.max(...boxes.map((box) => box!.x + box!.width));
      const top = Math.min(...boxes.map((box) => box!.y));
      const bottom = Math.max(...boxes.map((box) => box!.y + box!.height));
      // The wheel zooms by about 1.32× around the pointer (d3-zoom's default for a 200 px wheel
      // step). Pick a pointer position that keeps every element 40 px inside the pane afterwards.
      const factor = 1.4;
      const pointer = (low: number, high: number, min: number, max: number): number | null => {
        const first = (high * factor - (max - 40)) / (factor - 1);
        const last = (low * factor - (min + 40)) / (factor - 1);
        if (first > last) return null;
        return Math.min(Math.max((low + high) / 2, first), last);
      };
      const x = pointer(left, right, pane.x, pane.x + pane.width);
      const y = pointer(top, bottom, pane.y, pane.y + pane.height);
      if (x === null || y === null) break;
      await this.page.mouse.move(x, y);
      await this.page.mouse.wheel(0, -200);
      await this.waitForStillViewport();
    }
  }

  /** Fits the whole model in view (Shift+1) and waits for the viewport to settle. */
  async fitAll(): Promise<void> {
    await this.page.keyboard.press('Shift+1');
    await this.waitForStillViewport();
  }

  /** Waits until the canvas viewport (pan and zoom) stops changing. */
  async waitForStillViewport(): Promise<void> {
    const viewport = this.root.locator('.react-flow__viewport');
    let last: string | null = '';
    await expect(async () => {
      const transform = await viewport.getAttribute('style');
      const still = transform === last;
      last = transform;
      expect(still).toBe(true);
    }).toPass({ intervals: [150] });
  }

  /** Drags from one handle to another to connect them, zooming in first so the handles are easy to hit. */
  async connect(from: Locator, to: Locator): Promise<void> {
    await this.zoomAround([from, to]);
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('handle not visible');
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  /**
   * Clicks a point on an edge's path (not its label), after fitting the whole model in view so that
   * the point lies inside the canvas.
   */
  async clickEdge(edge: Locator): Promise<void> {
    await this.page.keyboard.press('Shift+1');
    await this.waitForStillViewport();
    let point = { x: 0, y: 0 };
    await expect(async () => {
      const before = point;
      point = await edge.locator('.react-flow__edge-interaction').evaluate((path: SVGPathElement) => {
        const onPath = path.getPointAtLength(path.getTotalLength() * 0.25);
        const screen = new DOMPoint(onPath.x, onPath.y).matrixTransform(path.getScreenCTM()!);
        return { x: screen.x, y: screen.y };
      });
      // Wait for the fit to settle: the point stops moving.
      expect(point).toEqual(before);
    }).toPass({ intervals: [100] });
    await this.page.mouse.click(point.x, point.y);
  }

  async select(id: string): Promise<void> {
    const box = await this.box(id);
    await this.page.mouse.click(box.x + 12, box.y + 12);
    await expect(this.wrapper(id)).toHaveClass(/selected/);
  }

  /** Clicks an empty spot of the canvas, clearing the selection. */
  async clickEmpty(): Promise<void> {
    const box = await this.root.boundingBox();
    await this.page.mouse.click(box!.x + box!.width - 30, box!.y + 30);
  }
}

export class PaletteObject {
  constructor(private readonly page: Page) {}

  item(type: string): Locator {
    return this.page.getByTestId(`palette-item-${type}`);
  }

  /**
   * Drags a palette item onto the canvas at the given screen point. Playwright's dragTo drives HTML5
   * drag and drop in Chromium with real drag events.
   */
  async dragTo(type: string, point: { x: number; y: number }): Promise<void> {
    const canvas = this.page.getByTestId('canvas');
    const box = await canvas.boundingBox();
    // force: the drop point may lie on a scope node, which is the point of dropping into a scope.
    await this.item(type).dragTo(canvas, { targetPosition: { x: point.x - box!.x, y: point.y - box!.y }, force: true });
  }
}

export class InspectorObject {
  readonly root: Locator;
  readonly name: Locator;
  readonly nameError: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('inspector');
    this.name = page.getByTestId('inspector-name');
    this.nameError = page.getByTestId('inspector-name-error');
  }

  async rename(name: string): Promise<void> {
    await this.name.fill(name);
    await this.name.press('Enter');
  }
}

export class EditorObject {
  readonly canvas: CanvasObject;
  readonly palette: PaletteObject;
  readonly inspector: InspectorObject;
  readonly languageSwitch: Locator;

  constructor(readonly page: Page) {
    this.canvas = new CanvasObject(page);
    this.palette = new PaletteObject(page);
    this.inspector = new InspectorObject(page);
    this.languageSwitch = page.getByTestId('language-switch');
  }

  /** Opens the app on the default model in English and waits until the canvas shows it. */
  async open(query = ''): Promise<void> {
    await this.page.addInitScript(() => localStorage.setItem('scopeflow.language', 'en'));
    await this.page.goto(`/${query}`);
    // The canvas marks itself ready once the opened document is laid out and fitted in view.
    await expect(this.page.getByTestId('canvas')).toHaveAttribute('data-ready', 'true');
    await expect(this.page.getByTestId('canvas').locator('.react-flow__node').first()).toBeVisible();
    await this.canvas.waitForStillViewport();
  }

  /** Count of nodes in the document, read from the canvas. */
  nodeCount(): Promise<number> {
    return this.page.locator('.react-flow__node').count();
  }

  /** Selects a node through the outline, which also zooms the canvas onto it. */
  async reveal(id: string): Promise<void> {
    await this.page.getByTestId('side-tab-outline').click();
    await this.page.getByTestId(`outline-item-${id}`).click();
    await expect(this.canvas.wrapper(id)).toHaveClass(/selected/);
    // fitView animates; wait until it ends.
    await this.canvas.waitForStillViewport();
  }

  async shortcut(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A projector-sized window, so that the canvas has room next to the panels. */
base.use({ viewport: { width: 1600, height: 1100 } });

export const test = base.extend<{ editor: EditorObject }>({
  editor: async ({ page }, use) => {
    await use(new EditorObject(page));
  },
});

export { expect };
