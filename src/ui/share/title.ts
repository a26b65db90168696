/**
 * Document titles as shown to the user. The default template's title is stored in English, so that
 * links and files carry the same bytes in every language, and is translated only on screen.
 */
import { getTemplate } from '../../graph/templates';

const DEFAULT_TEMPLATE_TITLE = getTemplate('default').title;

/** Returns `title` for display: the default template's title in the UI language, any other unchanged. */
export function displayTitle(translate: (key: string) => string, title: string): string {
  return title === DEFAULT_TEMPLATE_TITLE ? translate('share.title.default') : title;
}
