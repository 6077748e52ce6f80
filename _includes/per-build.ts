import type { Theme } from "./theme.ts";

/**
 * Remembers what a partial renders, for one build. Within a build the model
 * never changes (each build makes a new Theme), and a card or the footer
 * appears on thousands of pages: each is rendered once per build and reused.
 */
export function perBuild<K extends object, V>(make: (theme: Theme, key: K) => V): (theme: Theme, key: K) => V {
  const builds = new WeakMap<Theme, WeakMap<K, V>>();
  return (theme, key) => {
    let made = builds.get(theme);
    if (made === undefined) builds.set(theme, (made = new WeakMap()));
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(theme, key)));
    return value;
  };
}
