/**
 * Lets the event loop run pending I/O before synchronous work continues. Searches are synchronous (SQLite),
 * so after ack() a burst of slash commands would otherwise ack one by one behind each other's searches.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
