/**
 * Draws on a canvas in the next animation frame after its data changes or its box resizes. Several
 * changes within one frame cost one draw, and the frame is cancelled on unmount.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

export type DrawFunction = (context: CanvasRenderingContext2D, width: number, height: number) => void;

/**
 * Returns a ref for a `<canvas>` that `draw` paints in CSS pixels, scaled for the device pixel ratio.
 * `draw` runs again whenever its identity changes, so callers wrap it in `useCallback` with its data.
 */
export function useCanvasDraw(draw: DrawFunction) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const drawRef = useRef(draw);
  const frameRef = useRef(0);

  const schedule = useRef(() => {
    if (frameRef.current !== 0) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = 0;
      const canvas = canvasRef.current;
      const context = canvas?.getContext('2d');
      if (!canvas || !context) return;
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      const ratio = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      drawRef.current(context, width, height);
    });
  }).current;

  useLayoutEffect(() => {
    drawRef.current = draw;
    schedule();
  }, [draw, schedule]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const observer = canvas && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(schedule) : undefined;
    if (canvas) observer?.observe(canvas);
    return () => {
      observer?.disconnect();
      cancelAnimationFrame(frameRef.current);
      frameRef.current = 0;
    };
  }, [schedule]);

  return canvasRef;
}

/** Curve colours, distinguishable for common colour-vision deficiencies (Okabe–Ito palette). */
export const CURVE_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#f0e442'];

export function strokePolyline(context: CanvasRenderingContext2D, points: readonly number[]): void {
  if (points.length < 2) return;
  context.beginPath();
  context.moveTo(points[0], points[1]);
  for (let i = 2; i < points.length; i += 2) context.lineTo(points[i], points[i + 1]);
  if (points.length === 2) context.lineTo(points[0] + 0.5, points[1]);
  context.stroke();
}
