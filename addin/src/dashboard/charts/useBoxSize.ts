import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

type Keep = (width: number, height: number) => void;

// One observer for every chart on the page. The browser answers it after its layout, before it paints, with the sizes
// of all the charts that mounted or changed: they are drawn there and then, in one render, so the page paints once
// with its charts rather than first without them and again a task and a layout later.
const watched = new Map<Element, Keep>();
let observer: ResizeObserver | undefined;

function watch(element: Element, keep: Keep): () => void {
  observer ??= new ResizeObserver((entries) => {
    flushSync(() => {
      for (const entry of entries) watched.get(entry.target)?.(Math.floor(entry.contentRect.width), Math.floor(entry.contentRect.height));
    });
  });
  watched.set(element, keep);
  observer.observe(element);
  return () => {
    watched.delete(element);
    observer?.unobserve(element);
  };
}

/**
 * The size of an element's box, as the browser lays it out, and again whenever it changes: a chart is drawn at its
 * card's width in pixels, so its labels keep their size however wide the card. Read from a ResizeObserver, which the
 * browser answers after its own layout: sixteen charts that read their size as they mount would each force one.
 */
export function useBoxSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const keep: Keep = (width, height) => setSize((last) => (last.width === width && last.height === height ? last : { width, height }));
    if (typeof ResizeObserver === 'undefined') {
      keep(element.clientWidth, element.clientHeight);
      return undefined;
    }
    return watch(element, keep);
  }, []);
  return { ref, ...size };
}
