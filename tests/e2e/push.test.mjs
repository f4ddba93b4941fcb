// A Web Push from the server becomes a notification in the worker's language that leads to
// their space. (Subscribing needs the browser's push service, which a machine without one
// cannot reach; the server's side, with a local push service, is tested in
// crates/server/tests/web_push.rs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  messages,
  phone,
  serverAndBrowser,
  serviceWorkerSession,
  until,
  waitForServiceWorker,
} from "./harness.mjs";

test("a push from the server shows a notification in the worker's language", async (t) => {
  const world = await serverAndBrowser(t);
  const server = world.server;
  const context = await phone(world.browser, { locale: "pl-PL" });
  await context.grantPermissions(["notifications"], { origin: server.url });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);

  const { cdp, registrationId } = await serviceWorkerSession(context, page, server);
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin: server.url,
    registrationId,
    data: JSON.stringify({ kind: "assignment" }),
  });

  const shown = await until(async () => {
    const notifications = await page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
        title: n.title,
        body: n.body,
        url: n.data && n.data.url,
      })),
    );
    return notifications.length > 0 && notifications;
  }, "a notification");
  const pl = messages("pl");
  assert.deepEqual(shown, [{ title: pl["push-title"], body: pl["push-new-assignment"], url: "/me" }]);
});
