import { useEffect, useState, type RefObject } from 'react';

export interface OverflowSides {
  /** Columns hidden to the left (the board is scrolled). */
  left: boolean;
  /** Columns hidden to the right. */
  right: boolean;
}

/** Which sides of a horizontally scrolling box hide content; a pixel of rounding is not a hidden column. */
export function overflowSides(scrollLeft: number, scrollWidth: number, clientWidth: number): OverflowSides {
  return { left: scrollLeft > 1, right: scrollLeft + clientWidth < scrollWidth - 1 };
}

/** Keeps `overflowSides` of the element current as it scrolls, resizes or gets `count` columns. */
export function useOverflowSides(ref: RefObject<HTMLElement | null>, count: number): OverflowSides {
  const [sides, setSides] = useState<OverflowSides>({ left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const next = overflowSides(el.scrollLeft, el.scrollWidth, el.clientWidth);
      setSides((now) => (now.left === next.left && now.right === next.right ? now : next));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => {
      el.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [ref, count]);
  return sides;
}
