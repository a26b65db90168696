import { useCallback } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { runStore } from '../../store/run';
import type { ScalarSeries } from '../../store/runBuffers';
import { formatNumber, projectSeries, seriesDomain, smoothValues, type XYSeries } from './chartGeometry';
import { selectSmoothing, usePanelSettings } from './settings';
import { useT } from '../i18n';
import { CURVE_COLORS, strokePolyline, useCanvasDraw } from './useCanvasDraw';

interface ScalarChartProps {
  /** Tags drawn as curves on one chart, in legend order. */
  tags: readonly string[];
  testId: string;
  /** Test id prefix of each legend entry, followed by the tag. */
  legendTestId?: string;
  height?: number;
}

/** Draws scalar series as line charts on a shared axis, with the latest value of each in the legend. */
export function ScalarChart({ tags, testId, legendTestId = 'scalar-curve-', height = 120 }: ScalarChartProps) {
  const t = useT();
  // Comparing the per-tag buffers shallowly re-renders the chart only when one of its tags changes.
  const series = useStore(runStore, useShallow((state) => tags.map((tag) => state.scalars[tag])));
  const smoothing = usePanelSettings(selectSmoothing);

  const draw = useCallback(
    (context: CanvasRenderingContext2D, width: number, chartHeight: number) =>
      drawScalars(context, width, chartHeight, series, smoothing),
    [series, smoothing],
  );
  const canvasRef = useCanvasDraw(draw);
  const points = series.reduce((sum, s) => sum + (s?.steps.length ?? 0), 0);

  return (
    <figure className="sf-chart" data-testid={testId} data-points={points}>
      <ul className="sf-chart-legend">
        {tags.map((tag, index) => {
          const s = series[index];
          return (
            <li
              key={tag}
              data-testid={legendTestId + tag}
              data-points={s?.steps.length ?? 0}
              data-last-step={s?.lastStep ?? ''}
            >
              <span className="sf-swatch" style={{ background: CURVE_COLORS[index % CURVE_COLORS.length] }} />
              <span className="sf-tag">{tag}</span>
              {s ? (
                <span className="sf-value">
                  {formatNumber(s.lastValue)} <small>{t('panels.summaries.step', { step: s.lastStep })}</small>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {points === 0 ? <p className="sf-muted">{t('panels.summaries.noData')}</p> : null}
      <canvas
        ref={canvasRef}
        className="sf-chart-canvas"
        role="img"
        aria-label={tags.join(', ')}
        style={{ height, display: points === 0 ? 'none' : 'block' }}
      />
    </figure>
  );
}

const AXIS_WIDTH = 44;

function drawScalars(
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
  series: readonly (ScalarSeries | undefined)[],
  smoothing: number,
) {
  const withLatest: XYSeries[] = series.map((s) => (s ? withLatestPoint(s) : { steps: [], values: [] }));
  const domain = seriesDomain(withLatest);
  if (!domain) return;
  const box = { left: AXIS_WIDTH, top: 6, width: Math.max(1, width - AXIS_WIDTH - 6), height: Math.max(1, height - 20) };

  context.font = '10px system-ui, sans-serif';
  context.fillStyle = '#666';
  context.strokeStyle = '#ddd';
  context.lineWidth = 1;
  context.strokeRect(box.left, box.top, box.width, box.height);
  context.textAlign = 'right';
  context.fillText(formatNumber(domain.maxY), box.left - 4, box.top + 8);
  context.fillText(formatNumber(domain.minY), box.left - 4, box.top + box.height);
  context.textAlign = 'left';
  context.fillText(String(domain.minX), box.left, height - 2);
  context.textAlign = 'right';
  context.fillText(String(domain.maxX), box.left + box.width, height - 2);

  // As in TensorBoard, the raw values stay visible as a faint line under the smoothed one.
  withLatest.forEach((s, index) => {
    context.strokeStyle = CURVE_COLORS[index % CURVE_COLORS.length];
    if (smoothing > 0) {
      context.globalAlpha = 0.25;
      context.lineWidth = 1;
      for (const line of projectSeries(s, domain, box)) strokePolyline(context, line);
      context.globalAlpha = 1;
    }
    context.lineWidth = 1.5;
    const smoothed = smoothing > 0 ? { steps: s.steps, values: smoothValues(s.values, smoothing) } : s;
    for (const line of projectSeries(smoothed, domain, box)) strokePolyline(context, line);
  });
}

/** Adds the latest value when sampling skipped it, so the curve always reaches the current step. */
function withLatestPoint(series: ScalarSeries): XYSeries {
  if (series.steps.at(-1) === series.lastStep) return series;
  return { steps: [...series.steps, series.lastStep], values: [...series.values, series.lastValue] };
}
