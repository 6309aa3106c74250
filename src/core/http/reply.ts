import type { FastifyReply, FastifyRequest } from "fastify";
import { MessagePage, type MessagePageModel } from "#core/views/message-page.tsx";
import { pathOf } from "./request-context.ts";

export async function sendHtml(
  reply: FastifyReply,
  status: number,
  page: JSX.Element,
): Promise<FastifyReply> {
  return reply
    .status(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(await page);
}

/** A page with a title, a few paragraphs and a link onwards, by default in the frame of the request's site. */
export function sendMessage(
  request: FastifyRequest,
  reply: FastifyReply,
  model: Omit<MessagePageModel, "path">,
  status = 200,
  chrome = request.chrome,
): Promise<FastifyReply> {
  if (!chrome) throw new Error("sendMessage used on a request without a page chrome");
  return sendHtml(reply, status, MessagePage({ chrome, model: { ...model, path: pathOf(request.url) } }));
}
