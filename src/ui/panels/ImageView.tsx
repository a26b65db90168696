import { useCallback } from 'react';
import { useImageSnapshot } from '../../store/run';
import type { ImageSnapshot } from '../../store/runBuffers';
import { useT } from '../i18n';
import { toRgba } from './chartGeometry';
import { useCanvasDraw } from './useCanvasDraw';

/** Shows the latest image of an image summary, scaled up without smoothing. */
export function ImageView({ tag, size = 112 }: { tag: string; size?: number }) {
  const t = useT();
  const image = useImageSnapshot(tag);
  const draw = useCallback(
    (context: CanvasRenderingContext2D, width: number, height: number) => {
      if (image) drawImage(context, width, height, image);
    },
    [image],
  );
  const canvasRef = useCanvasDraw(draw);

  return (
    <figure
      className="sf-chart"
      data-testid={`image-${tag}`}
      data-step={image?.step ?? ''}
      data-size={image ? `${image.width}x${image.height}` : ''}
    >
      <figcaption>
        <span className="sf-tag">{tag}</span>
        {image ? <small className="sf-muted"> {t('panels.summaries.step', { step: image.step })}</small> : null}
      </figcaption>
      {image ? null : <p className="sf-muted">{t('panels.summaries.noData')}</p>}
      <canvas ref={canvasRef} role="img" aria-label={tag} style={{ width: size, height: size, display: image ? 'block' : 'none', imageRendering: 'pixelated' }} />
    </figure>
  );
}

function drawImage(context: CanvasRenderingContext2D, width: number, height: number, image: ImageSnapshot) {
  const source = new OffscreenCanvas(image.width, image.height);
  const sourceContext = source.getContext('2d');
  if (!sourceContext) return;
  const rgba = new Uint8ClampedArray(toRgba(image));
  sourceContext.putImageData(new ImageData(rgba, image.width, image.height), 0, 0);
  context.imageSmoothingEnabled = false;
  const scale = Math.min(width / image.width, height / image.height);
  context.drawImage(source, 0, 0, image.width * scale, image.height * scale);
}
