import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The size of an element's box, as the browser lays it out, and again whenever it changes: a chart is drawn at its
 * card's width in pixels, so its labels keep their size however wide the card. Read by a ResizeObserver, which the
 * browser answers after its own layout: sixteen charts that read their size as they mount would each force one.
 */
export function useBoxSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const keep = (width: number, height: number) => setSize((last) => (last.width === width && last.height === height ? last : { width, height }));
    if (typeof ResizeObserver === 'undefined') {
      keep(element.clientWidth, element.clientHeight);
      return undefined;
    }
    const observer = new ResizeObserver(([entry]) => {
      if (entry) keep(Math.floor(entry.contentRect.width), Math.floor(entry.contentRect.height));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, ...size };
}
