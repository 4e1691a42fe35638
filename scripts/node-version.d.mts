/** The supported range, as written in package.json's `engines.node`. */
export declare const SUPPORTED_NODE: string;
/** Why this Node version cannot run Footnote, or undefined when it can. */
export declare function nodeVersionProblem(version: string): string | undefined;
