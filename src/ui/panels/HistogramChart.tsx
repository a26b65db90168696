import { useCallback, useRef } from 'react';
import { useHistogramRing } from '../../store/run';
import type { HistogramSnapshot } from '../../store/runBuffers';
import { formatNumber, histogramRows } from './chartGeometry';
import { useT } from '../i18n';
import { useCanvasDraw } from './useCanvasDraw';

/**
 * Draws a histogram tag over time in TensorBoard's offset mode. After each draw the figure's
 * `data-snapshots` and `data-last-step` attributes tell what was actually painted.
 */
export function HistogramChart({ tag, height = 120 }: { tag: string; height?: number }) {
  const t = useT();
  const ring = useHistogramRing(tag);
  const figureRef = useRef<HTMLElement | null>(null);

  const draw = useCallback(
    (context: CanvasRenderingContext2D, width: number, chartHeight: number) => {
      const snapshots = ring?.snapshots ?? [];
      drawHistograms(context, width, chartHeight, snapshots);
      const figure = figureRef.current;
      if (figure) {
        figure.dataset.snapshots = String(snapshots.length);
        figure.dataset.lastStep = String(snapshots.at(-1)?.step ?? '');
      }
    },
    [ring],
  );
  const canvasRef = useCanvasDraw(draw);
  const snapshots = ring?.snapshots ?? [];

  return (
    <figure className="sf-chart" data-testid={`histogram-${tag}`} data-snapshots="0" ref={figureRef}>
      <figcaption>
        <span className="sf-tag">{tag}</span>
        {snapshots.length > 0 ? (
          <small className="sf-muted">
            {' '}
            {t('panels.summaries.snapshots', {
              count: snapshots.length,
              first: snapshots[0].step,
              last: snapshots[snapshots.length - 1].step,
            })}
          </small>
        ) : null}
      </figcaption>
      {snapshots.length === 0 ? <p className="sf-muted">{t('panels.summaries.noData')}</p> : null}
      <canvas
        ref={canvasRef}
        className="sf-chart-canvas"
        role="img"
        aria-label={tag}
        style={{ height, display: snapshots.length === 0 ? 'none' : 'block' }}
      />
    </figure>
  );
}

const MARGIN = { left: 6, right: 6, top: 4, bottom: 14 };

function drawHistograms(context: CanvasRenderingContext2D, width: number, height: number, snapshots: readonly HistogramSnapshot[]) {
  const box = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(1, width - MARGIN.left - MARGIN.right),
    height: Math.max(1, height - MARGIN.top - MARGIN.bottom),
  };
  const { rows, range } = histogramRows(snapshots, box);
  if (!range) return;

  // Oldest rows are drawn first and lightest, so newer rows cover them, as in TensorBoard.
  rows.forEach((row, index) => {
    const age = rows.length === 1 ? 1 : index / (rows.length - 1);
    context.beginPath();
    context.moveTo(row.outline[0], row.baseline);
    for (let i = 0; i < row.outline.length; i += 2) context.lineTo(row.outline[i], row.outline[i + 1]);
    context.closePath();
    context.fillStyle = `hsl(24, 80%, ${88 - age * 38}%)`;
    context.fill();
    context.strokeStyle = `hsl(24, 70%, ${70 - age * 40}%)`;
    context.lineWidth = 1;
    context.stroke();
  });

  context.font = '10px system-ui, sans-serif';
  context.fillStyle = '#666';
  // Step labels at the right edge tell which row is the oldest and which the newest.
  context.textAlign = 'right';
  const oldest = rows[0];
  const newest = rows[rows.length - 1];
  context.fillText(String(newest.step), box.left + box.width, newest.baseline - 2);
  if (rows.length > 1) context.fillText(String(oldest.step), box.left + box.width, oldest.baseline - 2);
  context.textAlign = 'left';
  context.fillText(formatNumber(range[0]), box.left, height - 2);
  context.textAlign = 'right';
  context.fillText(formatNumber(range[1]), box.left + box.width, height - 2);
}
