/** What every part of the bundled theme receives: the contract's context (src/core/theme-contract.ts). */
export type { ThemeContext as Theme } from "../src/core/theme-contract.ts";
