import { linkNumber } from '../../lib/phone/link-number';

/**
 * Intercepts the agent's clicks on existing tel:/callto:/sip: links (also inside open shadow
 * roots) and dials them through the extension instead of the operating system's handler. The
 * links themselves are left as they are.
 */
export function interceptPhoneLinks(onDial: (number: string, link: Element) => void): () => void {
  const clicked = (e: MouseEvent) => {
    if (!e.isTrusted || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.defaultPrevented)
      return;
    const link = e
      .composedPath()
      .find((t): t is HTMLAnchorElement | SVGAElement => t instanceof Element && t.localName === 'a');
    const href = link?.getAttribute('href');
    const number = href ? linkNumber(href) : null;
    if (!link || !number) return;
    e.preventDefault();
    onDial(number, link);
  };
  document.addEventListener('click', clicked, true);
  return () => document.removeEventListener('click', clicked, true);
}
