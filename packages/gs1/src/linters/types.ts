// The contract every GS1 Syntax Test ("linter") implements. The dictionary names a component's linters
// (e.g. `N14,csum,gcppos2`); each is a pure function over that component's characters.

/** What kind of failure a linter reports; it decides the parse error code (BAD_CHECK_DIGIT, BAD_DATE, LINT_FAILED). */
export type LintFailureKind = "check-digit" | "date" | "content";

/** A linter's finding: where in the component the problem is, and what it is. */
export interface LintFailure {
  readonly kind: LintFailureKind;
  /** Position of the offending characters, counted from the component's first character. */
  readonly offset: number;
  /** How many characters are at fault (at least 1). */
  readonly length: number;
  /** English, for logs; names the problem, e.g. "check digit should be 1, not 2". */
  readonly message: string;
}

/** Validates one component's content; returns undefined when the content is valid. Never throws. */
export type Linter = (component: string) => LintFailure | undefined;
