/** A failure the local calendar service is told to answer with, for the next `times` matching calls. */
export type Fault = { method?: string; path: string; status: number; retryAfterSeconds?: number; times: number };

/** Failures planned by tests (throttling, outages), consumed in order as matching calls arrive. */
export class FaultPlan {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault this call meets, if any; each use counts down its `times`. */
  take(method: string, path: string): Fault | null {
    const fault = this.faults.find((candidate) => candidate.times > 0 && (!candidate.method || candidate.method === method) && path.startsWith(candidate.path));
    if (!fault) return null;
    fault.times -= 1;
    return fault;
  }
}
