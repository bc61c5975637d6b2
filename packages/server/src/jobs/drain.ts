/**
 * Runs `pass` until it finds nothing (it returns how many it handled); a call while one drain runs joins
 * it and makes it look once more, so work committed meanwhile is not left for the next poll. The outbox
 * relay and the delivery worker both drain this way.
 */
export class Drain {
  private running: Promise<number> | null = null;
  private again = false;

  constructor(private readonly pass: () => Promise<number>) {}

  run(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let n = 0;
      try {
        do {
          this.again = false;
          for (let k = await this.pass(); k > 0; k = await this.pass()) n += k;
        } while (this.again);
      } finally {
        this.running = null;
      }
      return n;
    })();
    return this.running;
  }

  /** Waits for a drain under way (a failed one included), for a clean stop. */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
