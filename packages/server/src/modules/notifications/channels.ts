/**
 * Channels that reach a person outside the app. Today one: SMS, for the rating page's verification
 * codes. A channel is an interface so that a deployment plugs in its operator's gateway (an adapter of
 * its own); Leitai ships only the local fake, which the demo and the tests use and which never makes a
 * network call.
 */
export interface SmsMessage {
  /** An 11-digit mainland mobile number. */
  phone: string;
  text: string;
}

export interface SmsChannel {
  /** False for the fake: a production server refuses to rely on it (the office cannot enable verification). */
  readonly delivers: boolean;
  send(message: SmsMessage): Promise<void>;
}

/** Keeps the last messages in memory, newest last; the demo's log and the browser tests read them. */
export class FakeSmsChannel implements SmsChannel {
  readonly delivers = false;
  private readonly sent: SmsMessage[] = [];
  constructor(private readonly onSend: (m: SmsMessage) => void = () => undefined) {}

  send(message: SmsMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 200) this.sent.shift();
    this.onSend(message);
    return Promise.resolve();
  }

  /** The last message sent to the number, if any. */
  lastTo(phone: string): SmsMessage | undefined {
    return this.sent.findLast((m) => m.phone === phone);
  }
}
