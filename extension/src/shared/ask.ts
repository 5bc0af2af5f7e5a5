import type { Reply, Request, Responses } from './messages.js';

/**
 * Sends a request to the background worker (the one part that talks to the server) and returns its
 * answer, or throws its error message.
 */
export async function ask<T extends Request>(request: T): Promise<Responses[T['type']]> {
  const reply = (await chrome.runtime.sendMessage(request)) as Reply<T['type']> | undefined;
  if (!reply) throw new Error("the extension's background worker did not answer");
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
