/**
 * A live sparkline of one scope's main summary, small enough for a collapsed scope node on the
 * canvas: its first scalar (a loss inside it), otherwise the standard deviation of its first
 * histogram over time.
 */
import { memo, useCallback, useMemo } from 'react';
import { selectAnalysis, useDocument } from '../../store/document';
import { runStore } from '../../store/run';
import { histogramMoments } from '../../store/runBuffers';
import { useStore } from 'zustand';
import { finiteRange, formatNumber } from './chartGeometry';
import { mainSummaryOf } from './grouping';
import { CURVE_COLORS, strokePolyline, useCanvasDraw } from './useCanvasDraw';

interface ScopeSparklineProps {
  /** Op path of the scope (`NodeInfo.opPath`), for example `Classifier/Encoder`. */
  scopePath: string;
  width?: number;
  height?: number;
}

const EMPTY_VALUES: readonly number[] = [];

export const ScopeSparkline = memo(function ScopeSparkline({ scopePath, width = 96, height = 20 }: ScopeSparklineProps) {
  const summaries = useDocument((state) => selectAnalysis(state).summaries);
  const main = useMemo(() => mainSummaryOf(summaries, scopePath), [summaries, scopePath]);
  const scalar = useStore(runStore, (state) => (main?.kind === 'scalar' ? state.scalars[main.tag] : undefined));
  const ring = useStore(runStore, (state) => (main?.kind === 'histogram' ? state.histograms[main.tag] : undefined));

  const values = useMemo(() => {
    if (scalar) return scalar.values;
    if (ring) return ring.snapshots.map((snapshot) => histogramMoments(snapshot).std);
    return EMPTY_VALUES;
  }, [scalar, ring]);

  const draw = useCallback(
    (context: CanvasRenderingContext2D, w: number, h: number) => {
      const range = finiteRange(values);
      if (!range || values.length === 0) return;
      const points: number[] = [];
      values.forEach((value, index) => {
        if (!Number.isFinite(value)) return;
        const x = values.length === 1 ? w / 2 : (index / (values.length - 1)) * (w - 2) + 1;
        const y = h - 1 - ((value - range[0]) / (range[1] - range[0])) * (h - 2);
        points.push(x, y);
      });
      context.strokeStyle = CURVE_COLORS[0];
      context.lineWidth = 1.25;
      strokePolyline(context, points);
    },
    [values],
  );
  const canvasRef = useCanvasDraw(draw);

  if (!main) return null;
  const latest = values.at(-1);
  const label = main.kind === 'scalar' ? main.tag : `${main.tag} (std)`;
  return (
    <span
      className="sf-sparkline"
      data-testid={`scope-sparkline-${scopePath}`}
      data-tag={main.tag}
      data-points={values.length}
      title={latest === undefined ? label : `${label}: ${formatNumber(latest)}`}
    >
      <canvas ref={canvasRef} style={{ width, height, display: 'block' }} />
    </span>
  );
});
