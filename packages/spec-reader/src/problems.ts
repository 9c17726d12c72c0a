// Spec problems carry a place in the source (`openapi/paths/apps/apps.yaml:12:5`)
// so that a person can jump to it.

export interface SpecProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export class SpecError extends Error {
  readonly problems: SpecProblem[];

  constructor(problems: SpecProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'SpecError';
    this.problems = problems;
  }
}

export function formatProblem(problem: SpecProblem): string {
  return `${problem.file}:${problem.line}:${problem.col} ${problem.message}`;
}
