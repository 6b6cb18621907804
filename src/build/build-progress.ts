// How a build tells the outside world where it is: phases and per-item steps.

export type BuildPhase = 'read' | 'parse' | 'analyze' | 'neighbors' | 'store';

export interface BuildProgress {
  /** A phase starts; `total` is the number of steps when known. */
  phase(phase: BuildPhase, label: string, total?: number): void;
  /** One step of the current phase is done. */
  step(detail?: string): void;
  /** The build is over (successfully or not): release the terminal. */
  done(): void;
}

export const SILENT_PROGRESS: BuildProgress = {
  phase: () => {},
  step: () => {},
  done: () => {},
};
